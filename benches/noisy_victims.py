#!/usr/bin/env python3
"""Seeded generator of noisy, duplicated victim records for record-linkage benchmarks.

Written independently of the tipsom code base (it neither imports nor reads it), so that
tipsom's deduplication can be scored on data it was not tuned to.  Only the district list
(``src/reference/data/districts.csv``, canonical names) and the project's domain notes on
CNIC, phones, dates, name conventions and Urdu/Roman transliteration were consulted.

API
---
``generate(n_records, *, seed=0, duplicate_rate=0.30, ...) -> polars.DataFrame`` and the CLI
``python benches/noisy_victims.py N --seed S -o out.parquet`` (``.csv`` also accepted).

Columns: ``record_id`` (unique), ``true_person_id`` (ground truth), ``source`` (entering unit),
``name``, ``father_name``, ``sex``, ``age``, ``date_of_birth``, ``cnic``, ``phone``,
``district``, ``case_id``, ``date``.  Rows are shuffled.

Model
-----
1. *Families and persons.*  Families are drawn first (victim type, home district, religion,
   father's name, father's CNIC and a family phone); 1-4 victims per family (brothers and
   sisters share the father).  Victim types: child TIP (35 %), adult female TIP (26 %), adult
   male TIP, mostly bonded/forced labour (14 %), and smuggled migrants (25 %, nearly all men
   aged 18-40, from the Gujranwala-Gujrat-Sialkot-Mandi Bahauddin belt and AJK more than
   population alone would give).  Districts are drawn in proportion to approximate 2023
   census populations (from memory, rounded).  Religion depends on the district (Hindus
   mostly in Tharparkar, Umerkot, Mirpur Khas, Sanghar; Christians mostly in central Punjab,
   over-represented among bonded labourers).  ``namesake_rate`` of persons copy the name
   *and* father's name of another person of the same sex, but live elsewhere and have
   another age.
2. *Names.*  Muslim names are ``[prefix] core [second] [surname/caste]``: prefix Muhammad
   (~30 % of men), Ghulam + a fitting core, Syed/Syeda; cores drawn from weighted lists
   with a heavy head (Ali, Ahmed, Hussain, Hassan, Imran, Asif, Usman...; Fatima, Ayesha,
   Zainab, Maryam...), compounds (Abdul Rehman, Ataullah, Salahuddin, Zia-ul-Haq, Allah
   Ditta, Noor Muhammad...), a second element (Ali, Ahmed, Hussain, Iqbal...; Bibi, Begum,
   Bano, Parveen...) and a province-specific surname or caste (Khan, Butt, Awan, Baloch,
   Soomro, Memon, Khattak...); 5-7 % of Muslim men get a whole name from a list of very
   common ones (Muhammad Ali, Muhammad Asif, Ali Raza, Ghulam Rasool...).  Christian names
   (Pervaiz Masih, Boota Masih, Shamim Bibi...) and Hindu names (Ramesh Kumar, Dileep Bheel,
   Kavita Kumari...) have their own lists.
   Old-fashioned names are weighted up for fathers, modern ones for the young.  Children of
   Pashtun/Baloch/Sindhi families often carry the father's tribe name.  With 1M records
   (seed 1) there are ~4,700 persons (~7,300 records) named "Muhammad Ali" and ~7,800
   persons whose father is "Muhammad Ali"; 22 % of persons share their canonical name
   *and* father's name with someone of another family ("Fatima d/o Muhammad Ali").
   *Sources of the frequency lists: the author's own knowledge of Pakistani naming; no
   external frequency table was used and the weights are judgement, not measurement.*
3. *Records per person.*  A share ``duplicate_rate`` of persons has more than one record;
   their count is 2 + a truncated geometric(1/2) up to ``max_records_per_person`` (default
   6).  About 70 % of a person's later records are the same incident reported by another
   unit (within a month), 30 % a later incident (re-trafficking, up to ~4 years later).
   Units (FIA AHTC circles, FIA immigration desks, district police, shelters) are chosen by
   victim type, sex/age eligibility and geography.  Co-victims of one incident share
   the unit's ``case_id`` and ``date``.
4. *Noise per record* (all shares are defaults, most scaled by a parameter):
   * Transliteration: every name token is re-spelt from a token-specific distribution
     built from rules (i/ee, u/oo/ou, ah/eh, a/aa, o/u, i/e, collapsed or doubled letters,
     kh/k, gh/g, q/k, z/dh where the Urdu has zal/zwad/zoe, w/v, ai/ei/ay, -a/-ah, -ia/-iya,
     -iq/-ique) and explicit variants (Mohammad, Mohd, M., Yousuf, Yusuf...), with compound
     joins (Ataullah / Ata Ullah / Ata-ullah / Atta Ulla; Salahuddin / Salah ud Din;
     Abdul Rehman / Abdur Rahman / Abdulrehman; Zia-ul-Haq / Ziaul Haq).  ``translit_noise``
     (0-1) is the probability mass taken from the canonical spelling for tokens that have
     many variants.  A record reuses the person's "own" spelling of a token with
     probability ``1 - fresh_spelling_rate``, otherwise spells it afresh.  Each unit has its
     own habit for "Muhammad" (Muhammad/Mohammad/M./Mohd...).
   * Structure (``structure_noise`` scales it): Muhammad dropped (18 %) or added (5 %),
     second element or surname dropped (12 %/15 %) or added (4 %), order swapped (5 %),
     honorifics prefixed (``honorific_rate``; Mst. for ~22 % of women, Ch./Malik/Rana/Haji/
     Mian/Syed... for ~4 % of men and ~10 % of fathers, more in police records),
     father's relation written into the name ("Ali s/o Akbar", "Mst. Shazia w/o Imran",
     ``relation_in_name_rate``) with ``father_name`` empty, and a married woman's husband
     given as ``father_name`` in 25 % of her records.
   * Script and case: Urdu-script names in ``urdu_rate`` x (~20 % police, ~10 % shelters,
     ~3 % FIA) of records, a fifth of them with Arabic letterforms (ي ك ه ة), some with
     spacing or hamza variants (عطاء اللہ / عطااللہ); relation markers ولد / دختر / زوجہ.
     ALL CAPS (unit-specific, 1-50 %; immigration desks >= 35 %) or lower case.
   * Typos (``typo_rate``): one (sometimes two) keyboard insertions, deletions, adjacent-key
     substitutions, transpositions or spacing errors per name field.
   * Missing fields (``missing_scale`` scales them; null shares at 1M): father 12 %,
     sex 8 % (plus 1.5 % ""), age 40 %, DOB 77 %, CNIC 63 % (children more), phone 53 %,
     district 16 %; ``sparse_rate`` (5 %) of records carry only name and father's name.
   * Age: heaping at multiples of 5 for adults, off by 1 (20 %) or 2 (7 %); DOB given
     instead of or besides age, as 1 January of the birth year (15 %), day/month swapped.
   * CNIC: 5-7-1 dashes in ~55 %, spaces rarely; ``cnic_typo_rate`` one-digit
     substitutions or transpositions; children often recorded with a parent's CNIC.
   * Phone: 0300-1234567 / 03001234567 / +923001234567 / +92 300 1234567 / 92-300-...;
     the number changes (new SIM) in 15 % of a person's records.
   * District: canonical, aliases (D.G. Khan, Nawabshah, Qila Abdullah, Jehlum, Pindi,
     "Karachi" for the seven Karachi districts...), spelling variants, a tehsil instead
     of the district (Daska, Muridke, Kharian, Mithi...), or the unit's own district.

With the defaults, 86 % of true duplicate pairs differ in ``name`` (81 % ignoring case),
76 % differ in both ``name`` and ``father_name``; only 18 % of pairs both carry a CNIC.

Everything is vectorised with numpy and polars except the typo pass, which loops over the
few percent of strings it touches: 1M records take ~9 s and ~1.9 GB peak RSS (2 cores).
``with_truth=True`` (CLI ``--with-truth``) adds canonical names and a family id without
changing the other columns.
"""

from __future__ import annotations

import argparse
import functools
import math
import random
import re
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

# ---------------------------------------------------------------------------------------
# Token table: canonical Roman spelling ("+" marks the joints of compounds) | Urdu | flags
# (o = old-fashioned, y = modern) | explicit Roman variants (comma separated).
# ---------------------------------------------------------------------------------------

_TOKENS = """
Muhammad|محمد||
Ghulam|غلام|o|Gulam,Ghullam
Syed|سید||Sayyed,Syyed,Sayed,Seyyed
Syeda|سیدہ||Sayyeda,Sayeda,Syedah
Ali|علی||Aly
Ahmed|احمد||Ahmad,Ahmmad,Ahamed
Hassan|حسن||Hasan,Hassen
Hussain|حسین||Husain,Hussein,Hossain,Husayn,Hussian,Hussan
Usman|عثمان||Osman,Usmaan,Uthman,Othman
Umar|عمر||Omar,Umer,Omer
Bilal|بلال||Billal
Hamza|حمزہ|y|Hamzah,Humza
Imran|عمران||Imraan,Emran
Asif|آصف||Aasif,Asaf
Kashif|کاشف||Kashaf
Tariq|طارق||Tarique,Tariq
Khalid|خالد||Khaleed
Zahid|زاہد||Zaheed,Zahed
Sajid|ساجد||Sajjid
Majid|ماجد||Maajid,Majeed
Abid|عابد||Aabid
Shahid|شاہد||Shahed
Rashid|راشد||Rasheed
Arshad|ارشد||Irshad
Amjad|امجد||
Javed|جاوید||Javaid,Jawed,Javid,Javeed
Naveed|نوید|y|Navid,Naweed,Naveid
Waqas|وقاص|y|Waqqas,Vaqas
Adnan|عدنان||Adnaan
Irfan|عرفان||Irfaan,Erfan
Rizwan|رضوان||Rizvan,Rezwan
Faisal|فیصل||Faysal,Faisel
Nadeem|ندیم||Nadim
Waseem|وسیم||Wasim,Vaseem
Saleem|سلیم|o|Salim
Naeem|نعیم||Naim,Nayeem
Kareem|کریم|o|Karim
Rafiq|رفیق|o|Rafique,Rafeeq,Rafik
Shafiq|شفیق||Shafique,Shafeeq
Sadiq|صادق|o|Sadique,Saadiq
Siddique|صدیق|o|Siddiq,Sidique,Saddique,Sadiq
Tahir|طاہر||Taahir,Tahar
Nasir|ناصر||Naseer,Nassir
Yasir|یاسر|y|Yaser,Yassir
Aamir|عامر||Amir,Amer,Aamer
Akram|اکرم|o|Ikram
Aslam|اسلم|o|
Anwar|انور|o|Anwer,Anver
Akbar|اکبر|o|Akber
Asghar|اصغر|o|Asgher,Asgar
Iqbal|اقبال|o|Ikbal,Eqbal
Afzal|افضل|o|
Fazal|فضل|o|Fazl,Fazil
Abbas|عباس||Abas
Raza|رضا||Riza
Haider|حیدر||Hyder,Haidar,Haidder
Jafar|جعفر||Jaffar,Jafer
Qasim|قاسم||Kasim,Qaasim
Hashim|ہاشم||Hashem
Saeed|سعید||Said,Sayeed,Saaed
Rasheed|رشید|o|Rashid
Majeed|مجید|o|Majid
Hameed|حمید|o|Hamid
Hamid|حامد||Haamid
Waheed|وحید||Wahid
Zubair|زبیر||Zubayr,Zubeir
Junaid|جنید|y|Junaed,Junayd
Fahad|فہد|y|Fahd,Fhad
Saad|سعد|y|Sad
Talha|طلحہ|y|Talhah
Zain|زین|y|Zayn,Zane
Danish|دانش|y|Daanish
Shahzad|شہزاد||Shehzad,Shahzaad
Sohail|سہیل||Suhail,Sohel
Sultan|سلطان|o|Sultaan
Nawaz|نواز|o|Nuwaz
Shahbaz|شہباز||Shehbaz
Iftikhar|افتخار|o|Iftekhar
Ishtiaq|اشتیاق||Ishtiaque
Mushtaq|مشتاق|o|Mushtaque
Ishaq|اسحاق|o|Ishaque,Ishak
Ismail|اسماعیل||Ismael,Ismaeel
Yousaf|یوسف||Yousuf,Yusuf,Yusaf,Yosuf
Younas|یونس||Younis,Yunus,Yunis
Yaqoob|یعقوب|o|Yaqub,Yakub,Yaqoub
Ibrahim|ابراہیم||Ibraheem,Ebrahim
Idrees|ادریس||Idris
Ilyas|الیاس||Ilias,Elyas
Ayub|ایوب||Ayoob,Ayyub
Sharif|شریف|o|Shareef
Latif|لطیف|o|Lateef
Munir|منیر|o|Muneer
Nazir|نذیر|o|Nazeer
Bashir|بشیر|o|Basheer
Shabbir|شبیر||Shabir
Zafar|ظفر||Zafer
Mazhar|مظہر||Mazher
Azhar|اظہر||Azher
Mehmood|محمود||Mahmood,Mahmud,Mehmud
Masood|مسعود||Masud,Masoud
Mansoor|منصور||Mansur
Manzoor|منظور|o|Manzur
Sarwar|سرور|o|Sarwer
Akhtar|اختر||Akhter,Akthar
Pervaiz|پرویز||Parvez,Pervez,Parvaiz,Parwez
Riaz|ریاض||Riyaz
Ijaz|اعجاز||Ejaz,Aijaz
Fayyaz|فیاض||Fiaz,Fayaz
Imtiaz|امتیاز||Imtiyaz
Niaz|نیاز|o|Niyaz
Mumtaz|ممتاز|o|
Nisar|نثار|o|Nasar
Aftab|آفتاب||Aaftab
Habib|حبیب||Habeeb
Jamil|جمیل||Jameel
Kamran|کامران||Kamraan
Farhan|فرحان|y|Farhaan
Adil|عادل||Aadil
Saqib|ثاقب|y|Saqeb
Tayyab|طیب||Tayyib,Taiyab,Tayab
Hafeez|حفیظ|o|Hafiz
Ghafoor|غفور|o|Ghafur
Noor|نور||Nur
Nabi|نبی|o|
Ramzan|رمضان|o|Ramazan,Ramzaan
Sabir|صابر||Saabir
Shakir|شاکر||Shaakir
Zakir|ذاکر||Zaakir
Zulfiqar|ذوالفقار||Zulfikar,Zulfqar
Din|دین|o|Deen
Gul|گل||Gull
Wali|ولی||Vali
Zaman|زمان||Zamaan
Jan|جان||Jaan
Rahim|رحیم|o|Raheem
Hayat|حیات|o|Hayyat
Daud|داؤد||Dawood,Dawud,Daood
Suleman|سلیمان||Sulaiman,Soleman,Sulman
Arif|عارف||Aarif
Atif|عاطف||Aatif
Shoaib|شعیب||Shoeb,Shuaib
Ashraf|اشرف|o|
Altaf|الطاف||
Inayat|عنایت|o|Enayat
Liaqat|لیاقت|o|Liaquat
Barkat|برکت|o|
Rehmat|رحمت|o|Rahmat
Jahangir|جہانگیر||Jehangir
Sikandar|سکندر||Sikander
Babar|بابر||Babur
Taimoor|تیمور||Taimur,Timur
Tanveer|تنویر||Tanvir
Zeeshan|ذیشان|y|Zishan
Shahzaib|شاہزیب|y|Shahzeb,Shahzeeb
Hasnain|حسنین|y|Husnain
Mudassar|مدثر||Mudassir,Mudasar
Ehsan|احسان||Ahsan,Ihsan
Ahsan|احسن||Ehsan
Khurram|خرم||Khuram
Nouman|نعمان||Noman,Numan
Owais|اویس|y|Awais,Uwais
Farooq|فاروق||Farook,Faruq
Kamal|کمال||
Jamal|جمال||
Sher|شیر|o|Shair
Gulzar|گلزار|o|
Rasool|رسول|o|Rasul
Mustafa|مصطفیٰ||Mustufa,Mustafah
Murtaza|مرتضیٰ||Murtuza
Farid|فرید|o|Fareed
Qadir|قادر|o|Kadir,Qader
Haq|حق||
Bakhsh|بخش|o|Bux,Baksh,Buksh,Bakhash
Abdullah|عبداللہ||Abdulla,Abdallah,Abd Ullah,Abdullha
Abdul+Rehman|عبدالرحمان||
Abdul+Ghafoor|عبدالغفور|o|
Abdul+Rasheed|عبدالرشید|o|
Abdul+Majeed|عبدالمجید|o|
Abdul+Hameed|عبدالحمید|o|
Abdul+Qadir|عبدالقادر|o|
Abdul+Sattar|عبدالستار|o|
Abdul+Jabbar|عبدالجبار|o|
Abdul+Aziz|عبدالعزیز||
Abdul+Karim|عبدالکریم|o|
Abdul+Wahid|عبدالواحد||
Abdul+Razzaq|عبدالرزاق|o|
Abdul+Khaliq|عبدالخالق|o|
Abdul+Latif|عبداللطیف|o|
Abdul+Shakoor|عبدالشکور|o|
Abdul+Rauf|عبدالرؤف||
Abdul+Salam|عبدالسلام||
Abdul+Waheed|عبدالوحید||
Abdul+Basit|عبدالباسط||
Ata+ullah|عطاء اللہ||
Rahmat+ullah|رحمت اللہ||
Hidayat+ullah|ہدایت اللہ||
Asad+ullah|اسد اللہ||
Nasr+ullah|نصر اللہ||
Saif+ullah|سیف اللہ||
Habib+ullah|حبیب اللہ||
Amin+ullah|امین اللہ||
Zia+ullah|ضیاء اللہ||
Kalim+ullah|کلیم اللہ||
Obaid+ullah|عبید اللہ||
Sana+ullah|ثناء اللہ||
Inam+ullah|انعام اللہ||
Aman+ullah|امان اللہ||
Sami+ullah|سمیع اللہ|y|
Naqeeb+ullah|نقیب اللہ||
Rafi+ullah|رفیع اللہ||
Ihsan+ullah|احسان اللہ||
Salah+uddin|صلاح الدین||
Naseer+uddin|نصیر الدین|o|
Zia+uddin|ضیاء الدین||
Ala+uddin|علاؤالدین|o|
Shams+uddin|شمس الدین|o|
Qamar+uddin|قمر الدین|o|
Moin+uddin|معین الدین||
Nizam+uddin|نظام الدین|o|
Jalal+uddin|جلال الدین||
Mohi+uddin|محی الدین|o|
Siraj+uddin|سراج الدین|o|
Zia+ul+Haq|ضیاء الحق||
Inam+ul+Haq|انعام الحق||
Ehsan+ul+Haq|احسان الحق||
Anwar+ul+Haq|انوار الحق||
Fazal+ur+Rehman|فضل الرحمان||
Aziz+ur+Rehman|عزیز الرحمان||
Habib+ur+Rehman|حبیب الرحمان||
Ateeq+ur+Rehman|عتیق الرحمان||
Khalil+ur+Rehman|خلیل الرحمان||
Mujeeb+ur+Rehman|مجیب الرحمان||
Allah+Ditta|اللہ دتہ|o|
Allah+Rakha|اللہ رکھا|o|
Allah+Bakhsh|اللہ بخش|o|
Khuda+Bakhsh|خدا بخش|o|
Nabi+Bakhsh|نبی بخش|o|
Ilahi+Bakhsh|الٰہی بخش|o|
Rab+Nawaz|رب نواز|o|
Allah+Wasaya|اللہ وسایا|o|
Allah+Dad|اللہ داد|o|
Khuda+Dad|خدا داد|o|
Dost|دوست|o|
Faiz|فیض|o|Faez
Taj|تاج|o|
Lal|لال|o|
Pir|پیر|o|Peer
Fatima|فاطمہ||Fatma,Fatimah,Faatima
Ayesha|عائشہ||Aisha,Aysha,Ayisha,Aishah
Zainab|زینب||Zenab,Zeinab,Zaynab
Maryam|مریم||Mariam,Mariyam,Maryum
Khadija|خدیجہ||Khadijah,Khadeeja
Amina|آمنہ||Amna,Aamna,Aamina
Hira|حرا|y|Heera
Sana|ثناء|y|Sanaa
Saima|صائمہ||Saema,Saimah
Nadia|نادیہ||Nadiya
Sadia|سعدیہ||Sadiya,Saadia
Rabia|رابعہ||Rabiya,Raabia
Asma|اسماء||Asmaa,Asmah
Sidra|سدرہ|y|Sidrah
Iqra|اقراء|y|Ikra
Mehwish|مہوش|y|Mahwish,Mehvish
Shazia|شازیہ||Shaziya
Rukhsana|رخسانہ|o|Rukhsanah
Nasreen|نسرین|o|Nasrin
Parveen|پروین|o|Perveen,Parvin,Parween,Praveen
Shamim|شمیم|o|Shameem
Naseem|نسیم|o|Nasim
Kausar|کوثر|o|Kousar,Kosar,Kauser
Samina|ثمینہ||Sameena
Shabana|شبانہ||
Farzana|فرزانہ||
Rubina|روبینہ||Robina,Rubeena
Tahira|طاہرہ||
Zahida|زاہدہ||
Sajida|ساجدہ||
Abida|عابدہ||Aabida
Shahida|شاہدہ||
Razia|رضیہ|o|Raziya
Sughra|صغریٰ|o|Sughran,Soghra
Zubaida|زبیدہ|o|Zubeda
Hajra|ہاجرہ|o|Hajira,Hajrah
Safia|صفیہ||Safiya
Sakina|سکینہ|o|Sakeena
Bushra|بشریٰ||
Uzma|عظمیٰ||Uzmah
Nazia|نازیہ||Naziya
Saba|صبا||
Nabila|نبیلہ||Nabeela
Shagufta|شگفتہ||
Yasmeen|یاسمین||Yasmin,Yasmine
Noreen|نورین||Nooreen,Nourin
Naila|نائلہ||Nayla
Sumaira|سمیرا||Sumera,Sumaera
Anam|انعم|y|Anum
Mahnoor|ماہ نور|y|Mehnoor,Mah Noor
Alishba|علیشبہ|y|Alishbah
Areeba|عریبہ|y|Ariba,Areebah
Laiba|لائبہ|y|Laibah
Aqsa|اقصیٰ|y|Aqsah
Kiran|کرن||Kiren
Mehak|مہک|y|Mahak
Muskan|مسکان|y|Muskaan
Hina|حنا||Heena
Ghazala|غزالہ||
Irum|ارم||Iram,Erum
Rashida|رشیدہ|o|Rasheeda
Hameeda|حمیدہ|o|Hamida
Jameela|جمیلہ|o|Jamila
Shakeela|شکیلہ|o|Shakila
Rehana|ریحانہ||Raihana,Rihana
Reshma|ریشماں||Resham
Nusrat|نصرت|o|
Surayya|ثریا|o|Suraiya,Soraya
Zarina|زرینہ||Zareena
Sharifan|شریفاں|o|Shareefan
Bashiran|بشیراں|o|Basheeran
Naziran|نذیراں|o|Nazeeran
Salma|سلمیٰ||
Sadaf|صدف||
Fozia|فوزیہ||Fauzia,Fouzia,Fozia
Ruqayya|رقیہ||Ruqaiya,Ruqia,Rukaya
Misbah|مصباح||
Zara|زارا|y|Zarah
Tahmina|تہمینہ||Tehmina
Nighat|نگہت||
Allah+Rakhi|اللہ رکھی|o|
Sonia|سونیا||Sonya
Asia|آسیہ||Aasia,Asiya
Sobia|صوبیہ||Sobiya
Shaheen|شاہین||
Naz|ناز||
Sultana|سلطانہ||
Bibi|بی بی||Bi Bi,Bibbi:0.1,BB:0.05
Begum|بیگم||Begam
Bano|بانو||Banu
Khatoon|خاتون|o|Khatun
Mai|مائی|o|Mae
Rani|رانی||
Batool|بتول||Batul
Zahra|زہرا||Zehra
Shamshad|شمشاد|o|
Martha|مارتھا||Marta
Esther|آستر||Ester
Rebecca|ربیکا||Rebeca
Sarah|سارہ||Sara
Emmanuel|عمانوایل||Emanuel,Imanuel
Samuel|سیموئل||Samual
Daniel|ڈینیئل||Danial
Peter|پیٹر||
Patras|پطرس|o|Putras
Joseph|جوزف||Josaf
Boota|بوٹا|o|Buta
Shamoon|شمعون||Shamun,Shimon
Robin|رابن||Robbin
Sunil|سنیل||
Akash|آکاش|y|Aakash
Masih|مسیح||Maseeh,Masseh,Mashi
Gill|گل||Gil
Sandhu|سندھو||
Sahotra|سہوترا||
Khokhar|کھوکھر||
Ramesh|رمیش||
Suresh|سریش||
Mukesh|مکیش||
Dileep|دلیپ||Dilip
Kishore|کشور||Kishor
Krishan|کرشن||Kishan,Krishna
Ram|رام||
Mohan|موہن||
Ashok|اشوک||
Anil|انیل||
Vijay|وجے||Vijai
Raju|راجو||
Bhagwan|بھگوان|o|Bhagwaan
Ravi|روی||
Bheem|بھیم||Bhim
Chand|چند||
Kumar|کمار||
Bheel|بھیل||Bhil
Kolhi|کولہی||Kohli
Meghwar|میگھواڑ||Meghwal,Meghwaar
Oad|اوڈ||Od
Deepak|دیپک||Dipak
Naresh|نریش||
Prem|پریم||
Hari|ہری||
Shankar|شنکر||Shanker
Sita|سیتا||Seeta
Radha|رادھا||
Lakshmi|لکشمی||Laxmi,Lachmi
Pooja|پوجا||Puja
Kavita|کویتا||Kavitha
Meena|مینا||Mina
Geeta|گیتا||Gita
Sunita|سنیتا||
Anita|انیتا||
Kajal|کاجل||
Reena|رینا||Rina
Sapna|سپنا||
Parvati|پاروتی||
Bai|بائی||Baai
Kumari|کماری||Kumri
Devi|دیوی||Devee
Khan|خان||Khan
Butt|بٹ||Bhatt,But
Qureshi|قریشی||Qurashi,Kureshi
Awan|اعوان||Awaan
Malik|ملک||
Chaudhry|چوہدری||Chaudhary,Choudhry,Chaudhri,Ch.
Baloch|بلوچ||Balouch,Baluch
Soomro|سومرو||Sumro
Memon|میمن||Memom
Abbasi|عباسی||
Siddiqui|صدیقی||Siddiqi
Ansari|انصاری||
Hashmi|ہاشمی||
Bhatti|بھٹی||Bhati
Gujjar|گجر||Gujar
Rajput|راجپوت||
Jutt|جٹ||Jatt,Jat
Arain|آرائیں||Arian
Khattak|خٹک||Khatak
Yousafzai|یوسفزئی||Yousufzai,Yusufzai
Afridi|آفریدی||
Shinwari|شینواری||
Achakzai|اچکزئی||
Kakar|کاکڑ||Kakkar
Mengal|مینگل||
Marri|مری||Mari
Bugti|بگٹی||
Magsi|مگسی||
Jamali|جمالی||
Bhutto|بھٹو||Bhutoo
Jatoi|جتوئی||
Mahar|مہر||Maher
Chandio|چانڈیو||
Laghari|لغاری||Leghari
Khoso|کھوسو||Khosa
Brohi|بروہی||
Shaikh|شیخ||Sheikh,Shiekh
Mughal|مغل||Moghal
Kiani|کیانی||Kayani
Janjua|جنجوعہ||
Niazi|نیازی||
Durrani|درانی||
Shah|شاہ||
Bukhari|بخاری||
Gilani|گیلانی||Gillani
Naqvi|نقوی||
Junejo|جونیجو||
Panhwar|پنہور||
Kalhoro|کلہوڑو||
Bangash|بنگش||
Wazir|وزیر||
Marwat|مروت||
Swati|سواتی||
Jadoon|جدون||Jadun
Tanoli|تنولی||
Rind|رند||
Zehri|زہری||
Hazara|ہزارہ||
Rathore|راٹھور||Rathour
Sudhan|سدھن||
Baig|بیگ||Beg
Mst.|مسماۃ||Mst,MST,Mussammat:0.2,Musammat:0.15
Ch.|چوہدری||Chaudhry,Ch,Chaudhary,Choudhry
Rana|رانا||
Mian|میاں||Mein,Mia
Haji|حاجی||Hajji
Hafiz|حافظ||Hafeez
Mr.|جناب||Mr
Sardar|سردار||Sirdar
Raja|راجہ||
Mirza|مرزا||
Khawaja|خواجہ||Khwaja,Khuwaja
Qari|قاری||
"""


def _parse_tokens():
    rows = []
    for line in _TOKENS.strip().splitlines():
        key, urdu, flags, extra = [*line.split("|"), "", "", ""][:4]
        rows.append((key, urdu, flags, [e for e in extra.split(",") if e]))
    # some keys are reused in several roles (e.g. Malik as surname and honorific): keep the
    # first definition of each key.
    seen, out = set(), []
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            out.append(r)
    return out


TOKENS = _parse_tokens()
TOK_ID = {t[0]: i for i, t in enumerate(TOKENS)}
N_TOK = len(TOKENS)


def _wlist(spec: str):
    """'Ali 60, Noor Muhammad 5' -> (list of token-id tuples, weights)."""
    items, weights = [], []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        name, w = part.rsplit(" ", 1)
        items.append(tuple(TOK_ID[x] for x in name.split(" ")))
        weights.append(float(w))
    return items, np.asarray(weights)


MUSLIM_MALE_CORE = _wlist("""
Ali 85, Ahmed 40, Hassan 25, Hussain 28, Usman 22, Umar 20, Bilal 20, Hamza 18, Imran 26, Asif 26,
Kashif 15, Tariq 20, Khalid 18, Zahid 16, Sajid 15, Majid 10, Abid 10, Shahid 22, Rashid 16,
Arshad 20, Amjad 15, Javed 20, Naveed 16, Waqas 15, Adnan 14, Irfan 16, Rizwan 15, Faisal 16,
Nadeem 14, Waseem 15, Saleem 14, Naeem 12, Kareem 8, Rafiq 14, Shafiq 12, Sadiq 12, Siddique 10,
Tahir 15, Nasir 16, Yasir 15, Aamir 15, Akram 18, Aslam 20, Anwar 15, Akbar 15, Asghar 14,
Iqbal 18, Afzal 14, Fazal 12, Abbas 14, Raza 12, Haider 12, Jafar 5, Qasim 12, Hashim 7,
Saeed 14, Rasheed 12, Majeed 9, Hameed 11, Hamid 10, Waheed 10, Zubair 12, Junaid 12, Fahad 10,
Saad 10, Talha 9, Zain 8, Danish 8, Shahzad 14, Sohail 14, Sultan 9, Nawaz 12, Shahbaz 10,
Iftikhar 10, Ishtiaq 9, Mushtaq 12, Ishaq 9, Ismail 10, Yousaf 16, Younas 12, Yaqoob 10,
Ibrahim 10, Idrees 8, Ilyas 10, Ayub 10, Sharif 13, Latif 9, Munir 10, Nazir 12, Bashir 13,
Shabbir 10, Zafar 12, Mazhar 8, Azhar 10, Mehmood 15, Masood 10, Mansoor 10, Manzoor 11,
Sarwar 10, Akhtar 12, Pervaiz 10, Riaz 14, Ijaz 12, Fayyaz 8, Imtiaz 10, Niaz 7, Mumtaz 7,
Nisar 10, Aftab 8, Habib 8, Jamil 10, Kamran 12, Farhan 10, Adil 10, Saqib 10, Tayyab 8,
Hafeez 7, Ghafoor 7, Noor 10, Ramzan 14, Sabir 8, Shakir 6, Zakir 6, Zulfiqar 8, Gul 9, Wali 6,
Zaman 6, Jan 6, Rahim 8, Hayat 6, Daud 5, Suleman 8, Arif 12, Atif 10, Shoaib 10, Ashraf 12,
Altaf 10, Inayat 7, Liaqat 8, Barkat 5, Rehmat 6, Jahangir 6, Sikandar 6, Babar 8, Taimoor 6,
Tanveer 10, Zeeshan 10, Shahzaib 6, Hasnain 6, Mudassar 8, Ehsan 8, Ahsan 8, Khurram 8,
Nouman 8, Owais 6, Farooq 10, Kamal 6, Jamal 6, Sher 5, Gulzar 5, Farid 6, Qadir 6,
Abdullah 16, Abdul+Rehman 14, Abdul+Ghafoor 5, Abdul+Rasheed 5, Abdul+Majeed 5,
Abdul+Hameed 5, Abdul+Qadir 6, Abdul+Sattar 6, Abdul+Jabbar 5, Abdul+Aziz 6, Abdul+Karim 5,
Abdul+Wahid 5, Abdul+Razzaq 5, Abdul+Khaliq 5, Abdul+Latif 4, Abdul+Shakoor 4, Abdul+Rauf 5,
Abdul+Salam 5, Abdul+Waheed 5, Abdul+Basit 5, Ata+ullah 8, Rahmat+ullah 6, Hidayat+ullah 6,
Asad+ullah 8, Nasr+ullah 6, Saif+ullah 8, Habib+ullah 6, Amin+ullah 5, Zia+ullah 5,
Kalim+ullah 4, Obaid+ullah 5, Sana+ullah 6, Inam+ullah 4, Aman+ullah 5, Sami+ullah 6,
Naqeeb+ullah 3, Rafi+ullah 4, Ihsan+ullah 4, Salah+uddin 6, Naseer+uddin 4, Zia+uddin 5,
Ala+uddin 4, Shams+uddin 4, Qamar+uddin 4, Moin+uddin 4, Nizam+uddin 4, Jalal+uddin 4,
Mohi+uddin 3, Siraj+uddin 4, Zia+ul+Haq 5, Inam+ul+Haq 4, Ehsan+ul+Haq 4, Anwar+ul+Haq 4,
Fazal+ur+Rehman 5, Aziz+ur+Rehman 4, Habib+ur+Rehman 4, Ateeq+ur+Rehman 4,
Khalil+ur+Rehman 4, Mujeeb+ur+Rehman 4, Allah+Ditta 7, Allah+Rakha 4, Allah+Bakhsh 6,
Khuda+Bakhsh 5, Nabi+Bakhsh 5, Ilahi+Bakhsh 4, Rab+Nawaz 5, Allah+Wasaya 3, Allah+Dad 3,
Khuda+Dad 3, Noor Muhammad 7, Gul Muhammad 5, Sher Muhammad 5, Dost Muhammad 5,
Faiz Muhammad 4, Taj Muhammad 4, Ali Muhammad 5, Wali Muhammad 4, Khan Muhammad 4,
Jan Muhammad 4, Din Muhammad 4, Lal Muhammad 3, Pir Muhammad 3, Ali Raza 8, Ali Hassan 5,
Ali Akbar 5, Ali Asghar 4, Ali Haider 4, Ali Nawaz 4, Ali Sher 3, Ali Gul 3
""")

# whole names so common that they are drawn as a unit (the heavy head of male names)
COMMON_MALE_FULL = _wlist("""
Muhammad Ali 30, Muhammad Asif 8, Muhammad Imran 8, Muhammad Usman 7, Muhammad Bilal 7,
Muhammad Arshad 6, Muhammad Akram 6, Muhammad Aslam 7, Muhammad Iqbal 6, Muhammad Ashraf 5,
Muhammad Hussain 5, Muhammad Ahmed 5, Muhammad Hamza 6, Muhammad Umar 5, Muhammad Zubair 4,
Muhammad Rizwan 4, Muhammad Shahid 5, Muhammad Tariq 5, Muhammad Naveed 4, Muhammad Waqas 4,
Muhammad Irfan 4, Muhammad Nawaz 4, Muhammad Ramzan 5, Muhammad Yousaf 4, Muhammad Saleem 4,
Ali Raza 6, Ali Hassan 4, Ghulam Rasool 4, Ghulam Mustafa 3, Ghulam Hussain 3, Allah+Ditta 2
""")

GHULAM_CORE = _wlist("""
Rasool 10, Mustafa 10, Hussain 10, Abbas 8, Nabi 8, Murtaza 7, Qadir 7, Farid 6, Sarwar 6,
Haider 6, Mohi+uddin 4, Muhammad 5, Ali 5, Akbar 4, Shabbir 4
""")

MUSLIM_MALE_SECOND = _wlist("""
Ali 20, Ahmed 16, Hussain 12, Raza 6, Abbas 5, Iqbal 6, Akhtar 5, Javed 4, Mehmood 5, Aslam 4,
Arshad 3, Nawaz 5, Shahzad 3, Riaz 3, Hayat 3, Din 3, Rasool 2, Anwar 3, Akram 3, Ashraf 3,
Sharif 3, Bashir 2, Nazir 2, Rafiq 3, Haider 3, Imran 2, Asghar 2, Zaman 3, Gul 3, Jan 3,
Saeed 2, Latif 2, Hameed 2, Jamil 2, Munir 2, Yousaf 2, Ilyas 2
""")

FEMALE_SUFFIX = _wlist("""
Bibi 30, Begum 10, Bano 10, Khatoon 5, Akhtar 8, Parveen 9, Kausar 5, Naz 5, Sultana 5, Noreen 4,
Shaheen 3, Mai 4, Jan 3, Rani 3, Batool 3, Zahra 3, Fatima 3, Nasreen 3, Yasmeen 2, Naseem 2
""")

MUSLIM_FEMALE_CORE = _wlist("""
Fatima 50, Ayesha 30, Zainab 25, Maryam 25, Khadija 20, Amina 20, Hira 12, Sana 15, Saima 14,
Nadia 12, Sadia 12, Rabia 14, Asma 14, Sidra 12, Iqra 12, Mehwish 8, Shazia 14, Rukhsana 14,
Nasreen 14, Parveen 16, Shamim 10, Naseem 10, Kausar 10, Samina 12, Shabana 10, Farzana 12,
Rubina 12, Tahira 10, Zahida 8, Sajida 8, Abida 8, Shahida 8, Razia 10, Sughra 8, Zubaida 8,
Hajra 8, Safia 8, Sakina 10, Bushra 12, Uzma 10, Nazia 10, Saba 10, Nabila 8, Shagufta 8,
Yasmeen 10, Noreen 8, Naila 6, Sumaira 8, Anam 8, Mahnoor 8, Alishba 6, Areeba 6, Laiba 8,
Aqsa 8, Kiran 10, Mehak 8, Muskan 8, Hina 12, Ghazala 6, Irum 6, Rashida 6, Hameeda 6,
Jameela 6, Shakeela 6, Rehana 8, Reshma 6, Nusrat 8, Surayya 6, Zarina 6, Sharifan 4,
Bashiran 4, Naziran 4, Salma 10, Sadaf 6, Fozia 8, Ruqayya 6, Misbah 6, Zara 6, Tahmina 5,
Nighat 5, Allah+Rakhi 3, Mumtaz 5, Akhtar 4, Noor 6, Shaheen 5, Sultana 4, Shamshad 4
""")

CHRISTIAN_MALE_CORE = _wlist("""
Pervaiz 10, Javed 10, Yaqoob 8, Boota 8, Sohail 8, Aslam 7, Nadeem 8, Asif 7, Saleem 8, Younas 8,
Anwar 6, Arif 6, Imran 6, Shahid 6, Sunil 6, Robin 4, Emmanuel 5, Samuel 4, Daniel 4, Peter 4,
Patras 5, Joseph 4, Yousaf 6, Sharif 5, Liaqat 5, Bashir 6, Ilyas 5, Shahbaz 5, Aamir 4,
Akash 4, Waseem 5, Shamoon 5, Ishaq 4, Ibrahim 3, Rafiq 5, Nazir 5, Mushtaq 4
""")
CHRISTIAN_FEMALE_CORE = _wlist("""
Maryam 10, Shamim 8, Naseem 8, Rubina 7, Parveen 8, Saima 6, Shazia 6, Nasreen 6, Asia 6,
Sonia 6, Kiran 6, Shabana 5, Farzana 5, Rukhsana 5, Sumaira 4, Sobia 5, Martha 4, Esther 3,
Rebecca 3, Sarah 4, Samina 4, Nabila 3, Razia 4, Rehana 4
""")
CHRISTIAN_MALE_SURNAME = _wlist(
    "Masih 65, Gill 8, Bhatti 6, Sandhu 4, Sahotra 3, Khokhar 3"
)
CHRISTIAN_FEMALE_SUFFIX = _wlist("Bibi 35, Masih 15, Gill 5, Bhatti 4, Sandhu 2")

HINDU_MALE_CORE = _wlist("""
Ramesh 10, Suresh 6, Mukesh 6, Dileep 8, Kishore 6, Krishan 7, Ram 6, Mohan 6, Ashok 5, Anil 5,
Vijay 5, Raju 6, Bhagwan 5, Ravi 5, Bheem 4, Deepak 5, Naresh 5, Prem 5, Hari 4, Shankar 5,
Sunil 4, Ram Chand 3, Mohan Lal 3
""")
HINDU_FEMALE_CORE = _wlist("""
Sita 8, Radha 8, Lakshmi 8, Pooja 8, Kavita 7, Meena 7, Rani 6, Parvati 5, Geeta 6, Sunita 6,
Anita 5, Kajal 5, Reena 5, Sapna 5, Reshma 3
""")
HINDU_MALE_SURNAME = _wlist(
    "Kumar 35, Lal 15, Bheel 12, Kolhi 10, Meghwar 12, Oad 5, Chand 6"
)
HINDU_FEMALE_SUFFIX = _wlist("Bai 25, Kumari 25, Devi 10, Bheel 6, Kolhi 5, Meghwar 5")

# province codes as in districts.csv
PROVINCES = ["PB", "SD", "KP", "BA", "IS", "AJ", "GB"]
PROV_IDX = {p: i for i, p in enumerate(PROVINCES)}
SURNAMES_BY_PROV = {
    "PB": "Khan 10, Butt 6, Qureshi 4, Awan 5, Malik 6, Chaudhry 5, Bhatti 4, Gujjar 4, Rajput 3, "
    "Jutt 5, Arain 4, Mughal 3, Kiani 2, Janjua 2, Niazi 2, Shah 5, Bukhari 2, Gilani 1, Naqvi 1, "
    "Hashmi 2, Ansari 2, Siddiqui 2, Abbasi 2, Shaikh 3, Mirza 2, Baloch 2, Laghari 1, Khoso 1",
    "SD": "Soomro 5, Memon 5, Shaikh 5, Baloch 4, Bhutto 3, Jatoi 3, Mahar 3, Chandio 3, Laghari 3, "
    "Khoso 3, Brohi 3, Jamali 2, Magsi 2, Abbasi 2, Shah 5, Qureshi 3, Siddiqui 2, Ansari 2, "
    "Khan 5, Rajput 2, Junejo 3, Panhwar 2, Kalhoro 2, Bhatti 1",
    "KP": "Khan 25, Khattak 4, Yousafzai 4, Afridi 4, Shinwari 2, Durrani 2, Shah 4, Awan 2, "
    "Qureshi 1, Bangash 2, Wazir 2, Marwat 2, Swati 2, Jadoon 2, Tanoli 2, Abbasi 2",
    "BA": "Baloch 8, Mengal 3, Marri 3, Bugti 3, Magsi 2, Jamali 2, Kakar 4, Achakzai 3, Khan 6, "
    "Rind 3, Zehri 2, Hazara 2, Brohi 2",
    "IS": "Khan 6, Abbasi 4, Qureshi 2, Awan 3, Kiani 3, Mughal 3, Butt 3, Shah 3, Malik 3, "
    "Janjua 2, Chaudhry 3",
    "AJ": "Khan 5, Abbasi 3, Rathore 3, Sudhan 3, Mughal 3, Butt 3, Shah 2, Malik 2, Janjua 2, "
    "Chaudhry 3, Kiani 2, Awan 2",
    "GB": "Khan 5, Baig 4, Shah 3, Qureshi 1, Mughal 1",
}
TRIBAL = {
    TOK_ID[k]
    for k in [
        "Khattak",
        "Yousafzai",
        "Afridi",
        "Shinwari",
        "Durrani",
        "Bangash",
        "Wazir",
        "Marwat",
        "Swati",
        "Jadoon",
        "Tanoli",
        "Baloch",
        "Mengal",
        "Marri",
        "Bugti",
        "Magsi",
        "Jamali",
        "Kakar",
        "Achakzai",
        "Rind",
        "Zehri",
        "Hazara",
        "Brohi",
        "Soomro",
        "Memon",
        "Bhutto",
        "Jatoi",
        "Mahar",
        "Chandio",
        "Laghari",
        "Khoso",
        "Junejo",
        "Panhwar",
        "Kalhoro",
        "Khan",
        "Butt",
        "Awan",
        "Gujjar",
        "Rajput",
        "Jutt",
        "Arain",
        "Qureshi",
        "Abbasi",
        "Rathore",
        "Sudhan",
        "Baig",
        "Masih",
        "Gill",
        "Bhatti",
        "Sandhu",
        "Sahotra",
        "Khokhar",
        "Kumar",
        "Bheel",
        "Kolhi",
        "Meghwar",
        "Oad",
        "Mughal",
        "Kiani",
        "Janjua",
        "Niazi",
        "Shah",
    ]
}

HON_FEMALE = _wlist("Mst. 100")
HON_MALE = _wlist(
    "Ch. 14, Malik 14, Rana 8, Mian 8, Haji 12, Hafiz 6, Syed 6, Mr. 6, Sardar 5, "
    "Raja 4, Shaikh 4, Mirza 3, Khawaja 3, Qari 2, Pir 2"
)
ADD_SECOND_MALE = _wlist("Ali 5, Ahmed 4, Khan 5, Hussain 3, Shah 1")
ADD_SECOND_FEMALE = _wlist("Bibi 6, Begum 2, Bano 2, Akhtar 1, Parveen 1")

MUH = TOK_ID["Muhammad"]
MUH_FORMS = [
    "Muhammad",
    "Mohammad",
    "Muhammed",
    "Mohammed",
    "Muhamad",
    "Mohamad",
    "Mohd",
    "Mohd.",
    "Muhd",
    "M.",
    "M",
    "Md",
    "Md.",
    "Mohammd",
    "Muhammd",
]
MUH_BASE = np.array([38, 20, 5, 8, 3, 3, 6, 3, 2, 7, 2, 2, 1, 0.5, 0.5], float)

# ---------------------------------------------------------------------------------------
# Roman spelling variants
# ---------------------------------------------------------------------------------------

_C = "bcdfghjklmnpqrstvwxyz"


def _rules(urdu: str):
    """Spelling rules (regex, replacement, weight) for one part of a name.

    Weights depend on the Urdu spelling: a medial ye/wao/alif marks a long vowel, which
    offices write in more ways (Nazir/Nazeer) than a short one (Asif, rarely Aseef).
    """
    mid = urdu[1:-1] if len(urdu) > 2 else ""
    long_i = ("ی" in mid) or ("ي" in mid)
    long_u = "و" in mid
    long_a = "ا" in urdu[1:]
    zal = any(c in urdu for c in "ذضظ")
    return [
        (rf"(?<=[{_C}])i(?=[{_C}])", "ee", 0.55 if long_i else 0.05),
        (r"ee", "i", 0.45),
        (r"ee", "ei", 0.04),
        (r"oo", "u", 0.40),
        (r"oo", "ou", 0.12),
        (r"ou", "u", 0.25),
        (r"ou", "o", 0.10),
        (rf"(?<=[{_C}])u(?=[{_C}])", "oo", 0.35 if long_u else 0.04),
        (r"(?<=[A-Za-z])eh", "ah", 0.45),
        (r"(?<=[A-Za-z])ah(?=[{_C}])".replace("{_C}", _C), "eh", 0.30),
        (r"a(?=r$)", "e", 0.12),
        (rf"(?<=[{_C}])a(?=[{_C.replace('h', '')}]$)", "aa", 0.12 if long_a else 0.02),
        (r"^Aa", "A", 0.35),
        (rf"^A(?=[{_C}])", "Aa", 0.06 if long_a else 0.0),
        (r"([bdfgjklmnpqrstvwz])\1", r"\1", 0.45),
        (r"(?<=[aeiou])([bdfjklmnpstz])(?=[aeiou])", r"\1\1", 0.05),
        (r"kh", "k", 0.05),
        (r"gh", "g", 0.08),
        (r"q(?!u)", "k", 0.12),
        (r"Q", "K", 0.10),
        (r"(?<![zZ])z(?!z)", "dh", 0.06 if zal else 0.0),
        (r"^Z(?!z)", "Dh", 0.04 if zal else 0.0),
        (r"w", "v", 0.12),
        (r"W", "V", 0.06),
        (r"v", "w", 0.15),
        (r"V", "W", 0.06),
        (r"ai", "ei", 0.10),
        (r"ai", "ay", 0.06),
        (r"ay", "ai", 0.20),
        (r"a$", "ah", 0.12 if urdu[-1:] in ("ہ", "ة", "ه") else 0.01),
        (r"ah$", "a", 0.40),
        (r"ia$", "iya", 0.30),
        (r"iya$", "ia", 0.30),
        (r"iq$", "ique", 0.45),
        (r"ique$", "iq", 0.45),
        (r"^U", "O", 0.15),
        (r"^O", "U", 0.15),
        (r"(?<=[a-z])o(?=[{_C}])".replace("{_C}", _C), "u", 0.06),
        (r"(?<=[a-z])u(?=[{_C}])".replace("{_C}", _C), "o", 0.06),
        (r"^I(?=[{_C}])".replace("{_C}", _C), "E", 0.08),
        (r"(?<=[{_C}])i(?=[{_C}]$)".replace("{_C}", _C), "e", 0.06),
        (r"y(?=[aeiou])", "i", 0.05),
    ]


def _apply_rules(base: dict[str, float], rules, depth: int = 2) -> dict[str, float]:
    out = dict(base)
    frontier = dict(base)
    for _ in range(depth):
        new: dict[str, float] = {}
        for s, w in frontier.items():
            for pat, rep, rw in rules:
                if rw <= 0:
                    continue
                t = re.sub(pat, rep, s, count=1)
                if t != s and t:
                    new[t] = max(new.get(t, 0.0), w * rw)
        for t, w in new.items():
            if t not in out:
                out[t] = w
        frontier = new
    return out


def _part_variants(part: str, urdu: str, extras=()) -> dict[str, float]:
    base = {part: 1.0}
    for i, e in enumerate(extras):
        e, _, w = e.partition(":")
        base.setdefault(e, float(w) if w else 0.6 / (1 + 0.4 * i))
    return _apply_rules(base, _rules(urdu))


_SUN = set("tdrzsnl")  # sun letters: Abd-ur-Rehman, Abd-us-Sattar, Abd-un-Nasir


def _join_variants(parts: list[str]) -> dict[str, float]:
    """Ways offices join the pieces of a compound name (canonical first)."""
    if len(parts) == 2 and parts[1] == "ullah":
        a = parts[0]
        return {
            f"{a}ullah": 1.0,
            f"{a} Ullah": 0.8,
            f"{a}-ullah": 0.25,
            f"{a} ullah": 0.2,
            f"{a}ulla": 0.12,
            f"{a} Ulla": 0.08,
            f"{a}-Ullah": 0.1,
            f"{a}ullha": 0.03,
        }
    if len(parts) == 2 and parts[1] == "uddin":
        a = parts[0]
        return {
            f"{a}uddin": 1.0,
            f"{a} ud Din": 0.5,
            f"{a}-ud-Din": 0.35,
            f"{a} Uddin": 0.35,
            f"{a}-ud-din": 0.15,
            f"{a}udin": 0.1,
            f"{a} Din": 0.05,
            f"{a}-Uddin": 0.05,
        }
    if len(parts) == 2 and parts[0] == "Abdul":
        b = parts[1]
        out = {
            f"Abdul {b}": 1.0,
            f"Abdul{b.lower()}": 0.3,
            f"Abd-ul-{b}": 0.1,
            f"Abdul-{b}": 0.08,
            f"A. {b}": 0.05,
            f"Abd {b}": 0.03,
        }
        if b[0].lower() in _SUN:
            out[f"Abd{b[0].lower()} {b}".replace("Abd", "Abdu", 1)] = (
                0.45  # Abdur Rehman
            )
            out[f"Abdu{b[0].lower()}-{b}"] = 0.05
        return out
    if len(parts) == 3:
        a, mid, c = parts
        return {
            f"{a}-{mid}-{c}": 1.0,
            f"{a} {mid} {c}": 0.8,
            f"{a}{mid} {c}": 0.5,
            f"{a}{mid}{c.lower()}": 0.15,
            f"{a} {mid.capitalize()} {c}": 0.1,
            f"{a}-{mid.capitalize()}-{c}": 0.08,
        }
    a, b = parts
    return {
        f"{a} {b}": 1.0,
        f"{a}{b.lower()}": 0.3,
        f"{a}-{b}": 0.08,
        f"{a} {b.lower()}": 0.05,
    }


@functools.cache
def _token_variants(tid: int, max_variants: int = 40) -> tuple[list[str], np.ndarray]:
    """Roman variants of one token with their relative weights (canonical first, weight 1)."""
    key, urdu, _, extras = TOKENS[tid]
    if tid == MUH:
        return MUH_FORMS, MUH_BASE / MUH_BASE[0]
    if "+" not in key:
        v = _part_variants(key, urdu, extras)
    else:
        parts = key.split("+")
        # spell each piece independently (the Urdu of the first piece drives its rules)
        piece_vars = []
        for j, p in enumerate(parts):
            if p in ("ullah", "uddin", "ul", "ur", "Abdul"):
                piece_vars.append({p: 1.0})
            else:
                tk = TOK_ID.get(p)
                words = urdu.split()
                uguess = words[0] if (j == 0 and len(words) > 1) else words[-1]
                pu = TOKENS[tk][1] if tk is not None else uguess
                pe = TOKENS[tk][3] if tk is not None else ()
                vv = _part_variants(p, pu, pe)
                top = sorted(vv.items(), key=lambda kv: -kv[1])[:8]
                piece_vars.append(dict(top))
        v = {}
        if len(parts) == 2:
            for a, wa in piece_vars[0].items():
                for b, wb in piece_vars[1].items():
                    for s, wj in _join_variants([a, b]).items():
                        v[s] = max(v.get(s, 0.0), wa * wb * wj)
        else:
            for a, wa in piece_vars[0].items():
                for c, wc in piece_vars[2].items():
                    for s, wj in _join_variants([a, parts[1], c]).items():
                        v[s] = max(v.get(s, 0.0), wa * wc * wj)
        canon = next(iter(_join_variants(parts)))
        v[canon] = 1.0
        for e in extras:
            e, _, w = e.partition(":")
            v.setdefault(e, float(w) if w else 0.5)
    items = sorted(v.items(), key=lambda kv: -kv[1])
    canon_str = (
        key.replace("+", "")
        if "+" not in key
        else next(iter(_join_variants(key.split("+"))))
    )
    items = [kv for kv in items if kv[0] != canon_str][: max_variants - 1]
    strs = [canon_str] + [s for s, _ in items]
    w = np.array([1.0] + [x for _, x in items])
    return strs, w


def _urdu_variants(tid: int) -> tuple[list[str], np.ndarray]:
    u = TOKENS[tid][1]
    out = {u: 1.0}
    if " " in u:
        out[u.replace(" ", "")] = 0.5
    if u.endswith("ء") or "ء " in u:
        out[u.replace("ء", "")] = 0.4
    if u.startswith("آ"):
        out["ا" + u[1:]] = 0.15
    if "ٰ" in u:
        out[u.replace("ٰ", "")] = 0.5
    if u.endswith("یٰ"):
        out[u[:-2] + "ا"] = 0.3
    if "ؤ" in u:
        out[u.replace("ؤ", "و")] = 0.4
    strs = list(out)
    return strs, np.array([out[s] for s in strs])


class _Table:
    """Concatenated per-token categorical distributions, sampled with one searchsorted."""

    def __init__(self, variant_lists, null_last=True):
        strs, cum, start = [], [], []
        for t, (s, w) in enumerate(variant_lists):
            start.append(len(strs))
            c = np.cumsum(w) / w.sum()
            c[-1] = 1.0
            strs.extend(s)
            cum.extend(t + c)
        self.start = np.array(start)
        self.cum = np.array(cum)
        self.strings = pl.Series("v", [*strs, None], dtype=pl.String)
        self.null = len(strs)

    def sample(self, tok: np.ndarray, u: np.ndarray) -> np.ndarray:
        """Global variant index for token ids `tok` (-1 = none) and uniforms `u` in [0,1)."""
        ok = tok >= 0
        q = np.where(ok, tok, 0) + np.minimum(u, 1 - 1e-9)
        idx = np.searchsorted(self.cum, q, side="right")
        return np.where(ok, idx, self.null)

    def render(self, idx: np.ndarray) -> pl.Series:
        return self.strings.gather(idx)


def _roman_table(noise: float) -> _Table:
    lists = []
    for t in range(N_TOK):
        s, w = _token_variants(t)
        w = w.astype(float).copy()
        rest = w[1:].sum()
        if rest > 0 and t != MUH:
            # share of non-canonical spellings grows with the number of plausible variants
            share = noise * rest / (rest + 0.6)
            w = np.concatenate([[1 - share], share * w[1:] / rest])
        lists.append((s, w))
    return _Table(lists)


def _urdu_table() -> _Table:
    return _Table([_urdu_variants(t) for t in range(N_TOK)])


# ---------------------------------------------------------------------------------------
# Districts, tehsils, aliases
# ---------------------------------------------------------------------------------------

_POP = """Awaran .18,Barkhan .2,Chagai .27,Chaman .47,Dera Bugti .35,Duki .2,Gwadar .3,Harnai .13,
Jaffarabad .6,Jhal Magsi .17,Kachhi .4,Kalat .27,Kech 1.0,Kharan .2,Khuzdar .99,Killa Abdullah .5,
Killa Saifullah .38,Kohlu .25,Lasbela .6,Loralai .3,Mastung .3,Musakhel .17,Nasirabad .56,Nushki .2,
Panjgur .5,Pishin .84,Quetta 2.6,Sherani .15,Sibi .2,Sohbatpur .23,Surab .2,Washuk .3,Zhob .4,
Ziarat .18,Islamabad 2.36,Abbottabad 1.42,Bajaur 1.29,Bannu 1.35,Batagram .53,Buner 1.0,
Charsadda 1.84,Dera Ismail Khan 1.9,Hangu .6,Haripur 1.17,Karak .8,Khyber 1.15,Kohat 1.2,
Kolai Palas Kohistan .3,Kurram .78,Lakki Marwat 1.0,Lower Chitral .3,Lower Dir 1.65,
Lower Kohistan .2,Malakand .8,Mansehra 1.8,Mardan 2.75,Mohmand .55,North Waziristan .69,
Nowshera 1.74,Orakzai .25,Peshawar 4.76,Shangla .9,South Waziristan .9,Swabi 1.9,Swat 2.69,
Tank .45,Torghar .2,Upper Chitral .2,Upper Dir 1.08,Upper Kohistan .3,Attock 2.17,
Bahawalnagar 3.55,Bahawalpur 4.28,Bhakkar 1.96,Chakwal 1.7,Chiniot 1.56,Dera Ghazi Khan 3.0,
Faisalabad 9.08,Gujranwala 5.96,Gujrat 3.2,Hafizabad 1.3,Jhang 3.06,Jhelum 1.38,Kasur 4.08,
Khanewal 3.36,Khushab 1.5,Lahore 13.0,Layyah 2.1,Lodhran 1.93,Mandi Bahauddin 1.83,Mianwali 1.8,
Multan 5.36,Muzaffargarh 5.0,Nankana Sahib 1.63,Narowal 1.95,Okara 3.5,Pakpattan 2.1,
Rahim Yar Khan 5.56,Rajanpur 2.4,Rawalpindi 6.1,Sahiwal 2.9,Sargodha 4.3,Sheikhupura 4.0,
Sialkot 4.5,Toba Tek Singh 2.5,Vehari 3.4,Badin 1.95,Dadu 1.74,Ghotki 1.77,Hyderabad 2.43,
Jacobabad 1.17,Jamshoro 1.12,Kambar Shahdad Kot 1.5,Karachi Central 3.82,Karachi East 3.92,
Karachi South 2.33,Karachi West 2.08,Kashmore 1.24,Keamari 2.07,Khairpur 2.6,Korangi 3.13,
Larkana 1.78,Malir 2.43,Matiari .85,Mirpur Khas 1.68,Naushahro Feroze 1.78,Sanghar 2.3,
Shaheed Benazirabad 1.85,Shikarpur 1.39,Sujawal .9,Sukkur 1.64,Tando Allahyar .92,
Tando Muhammad Khan .73,Tharparkar 1.78,Thatta 1.08,Umer Kot 1.16,Bagh .37,Bhimber .42,
Hattian Bala .23,Haveli .15,Kotli .77,Mirpur .46,Muzaffarabad .65,Neelum .19,Poonch .5,
Sudhnoti .3,Astore .1,Diamer .27,Ghanche .16,Ghizer .19,Gilgit .33,Hunza .05,Kharmang .05,
Nagar .07,Shigar .07,Skardu .25"""

# districts over-represented among smuggled migrants (origin belt) and trafficking victims
_SOM_BOOST = {
    "Gujranwala": 3,
    "Gujrat": 4.5,
    "Sialkot": 3,
    "Mandi Bahauddin": 4.5,
    "Jhelum": 2,
    "Mirpur": 4,
    "Kotli": 2.5,
    "Bhimber": 2,
    "Hafizabad": 2,
    "Sheikhupura": 1.5,
    "Narowal": 1.5,
    "Kech": 2,
    "Chagai": 2,
    "Quetta": 1.5,
    "Lahore": 0.7,
    "Karachi Central": 0.5,
    "Karachi East": 0.5,
}
_TIP_BOOST = {
    "Rahim Yar Khan": 1.5,
    "Muzaffargarh": 1.5,
    "Dera Ghazi Khan": 1.4,
    "Rajanpur": 1.5,
    "Kasur": 1.4,
    "Tharparkar": 1.6,
    "Umer Kot": 1.4,
    "Sanghar": 1.3,
    "Swat": 1.2,
    "Lahore": 1.2,
    "Karachi West": 1.3,
    "Keamari": 1.2,
}

_ALIASES = {
    "Dera Ghazi Khan": "D.G. Khan 3, DG Khan 3, D.G.Khan 1.5, D G Khan 1, Dera Ghazi Kahn 0.3",
    "Dera Ismail Khan": "D.I. Khan 3, DI Khan 3, D.I.Khan 1.5, Dera Ismial Khan 0.3",
    "Rahim Yar Khan": "R.Y. Khan 1.5, RY Khan 1.5, Rahimyar Khan 2, R.Y.Khan 0.5",
    "Toba Tek Singh": "T.T. Singh 1.5, TT Singh 1.5, Toba 0.7, Toba Take Singh 0.4",
    "Mandi Bahauddin": "Mandi Bahaud Din 1.5, M.B. Din 1, Mandi Baha-ud-Din 1, Mandi Bahaudin 1",
    "Naushahro Feroze": "Noshero Feroz 2, Naushero Feroze 1.5, Nowshero Feroz 1",
    "Shaheed Benazirabad": "Nawabshah 4, S. Benazirabad 1, Benazirabad 1.5, Nawab Shah 1",
    "Killa Abdullah": "Qila Abdullah 2.5, Killa Abdulla 0.5",
    "Killa Saifullah": "Qila Saifullah 2.5",
    "Kambar Shahdad Kot": "Qambar Shahdadkot 2, Kamber 1, Qambar 1, Kambar 1",
    "Umer Kot": "Umerkot 4, Umarkot 1.5",
    "Gujrat": "Gujarat 1",
    "Sheikhupura": "Shekhupura 1.2, Sheikhpura 0.8, Sh.pura 0.3",
    "Rawalpindi": "Pindi 1, R.Pindi 0.5, Rwp 0.5",
    "Faisalabad": "Fsd 0.3, Faislabad 1, Lyallpur 0.2",
    "Jhelum": "Jehlum 1.5",
    "Muzaffargarh": "Muzafargarh 1.5, Muzaffar Garh 1, M.Garh 0.5",
    "Tando Allahyar": "Tando Allah Yar 1.5, Tando Alahyar 0.5",
    "Tando Muhammad Khan": "T.M. Khan 1, Tando Mohammad Khan 1.5",
    "Islamabad": "ICT 1, Islamabad Capital Territory 0.5, Isb 0.3",
    "Karachi Central": "Karachi 6, Khi 0.3, Karachi (Central) 0.5",
    "Karachi East": "Karachi 6, Karachi (East) 0.5",
    "Karachi South": "Karachi 6, Karachi (South) 0.5",
    "Karachi West": "Karachi 6, Karachi (West) 0.5",
    "Keamari": "Karachi 4, Kemari 2, Kiamari 1",
    "Korangi": "Karachi 4, Korangi Karachi 0.5",
    "Malir": "Karachi 4, Malir Karachi 0.5",
    "Jaffarabad": "Jafarabad 2",
    "Kachhi": "Bolan 1.5, Kachi 1",
    "Lasbela": "Las Bela 1.5",
    "Kech": "Turbat 2",
    "Abbottabad": "Abbotabad 2, Abottabad 1",
    "Nowshera": "Nowshehra 1, Naushera 0.7",
    "Charsadda": "Charsada 1",
    "Mardan": "Mardaan 0.2",
    "Peshawar": "Pashawar 0.3, Peshawer 0.3",
    "Khyber": "Khyber Agency 0.8, Landi Kotal 0.5",
    "Bajaur": "Bajaur Agency 0.8, Bajor 0.5",
    "Kurram": "Kurram Agency 0.6, Parachinar 1",
    "Mohmand": "Mohmand Agency 0.6",
    "Orakzai": "Orakzai Agency 0.6",
    "North Waziristan": "N. Waziristan 1, North Wazirstan 0.5",
    "South Waziristan": "S. Waziristan 1, South Wazirstan 0.5",
    "Lower Dir": "Dir Lower 1, Dir 1",
    "Upper Dir": "Dir Upper 1, Dir 1",
    "Lower Chitral": "Chitral 2",
    "Upper Chitral": "Chitral 2",
    "Nankana Sahib": "Nankana 2",
    "Pakpattan": "Pak Pattan 1, Pakpatan 1",
    "Bahawalnagar": "Bahawal Nagar 1",
    "Bahawalpur": "Bahawal Pur 0.5, Bhawalpur 0.5",
    "Sahiwal": "Sahiwaal 0.2",
    "Vehari": "Vihari 1.5",
    "Layyah": "Leiah 1.5, Layya 1",
    "Chiniot": "Chinyot 0.5",
    "Attock": "Atock 0.5, Campbellpur 0.1",
    "Mirpur": "Mirpur AJK 1.5, Mirpur (AJK) 1",
    "Mirpur Khas": "Mirpurkhas 2, Meerpur Khas 0.5",
    "Muzaffarabad": "Muzafarabad 1",
    "Hattian Bala": "Hattian 1",
    "Sudhnoti": "Sudhnuti 0.5, Pallandri 0.5",
    "Jacobabad": "Jaccobabad 0.3",
    "Shikarpur": "Shikarpoor 0.3",
    "Tharparkar": "Thar 1.5, Thar Parkar 1",
    "Larkana": "Larkano 0.5",
    "Hyderabad": "Hyd 0.3, Hyderabad Sindh 0.3",
    "Quetta": "Queta 0.3",
    "Ghotki": "Ghotaki 0.5",
    "Khairpur": "Khairpur Mirs 1",
}

_TEHSILS = {
    "Lahore": "Raiwind, Model Town, Shalimar, Lahore Cantt, Wagah",
    "Sialkot": "Daska, Sambrial, Sambarhyal, Pasrur, Pasroor",
    "Sheikhupura": "Muridke, Mureedkay, Ferozewala, Safdarabad, Sharaqpur",
    "Gujrat": "Kharian, Sarai Alamgir, Jalalpur Jattan, Lalamusa",
    "Gujranwala": "Kamoke, Wazirabad, Nowshera Virkan",
    "Mandi Bahauddin": "Phalia, Malakwal",
    "Faisalabad": "Jaranwala, Samundri, Tandlianwala, Chak Jhumra",
    "Rawalpindi": "Gujar Khan, Taxila, Murree, Kahuta, Kallar Syedan",
    "Kasur": "Chunian, Pattoki, Kot Radha Kishan",
    "Okara": "Depalpur, Renala Khurd",
    "Multan": "Shujabad, Jalalpur Pirwala",
    "Rahim Yar Khan": "Sadiqabad, Liaquatpur, Khanpur",
    "Bahawalpur": "Ahmadpur East, Hasilpur, Yazman",
    "Dera Ghazi Khan": "Taunsa, Kot Chutta",
    "Muzaffargarh": "Alipur, Kot Addu, Jatoi",
    "Jhelum": "Dina, Pind Dadan Khan, Sohawa",
    "Attock": "Hassan Abdal, Fateh Jang, Pindi Gheb, Hazro",
    "Mardan": "Takht Bhai, Katlang",
    "Swat": "Mingora, Kabal, Matta, Khwazakhela",
    "Mansehra": "Balakot, Oghi",
    "Abbottabad": "Havelian",
    "Nowshera": "Pabbi, Jehangira",
    "Hyderabad": "Latifabad, Qasimabad",
    "Tharparkar": "Mithi, Diplo, Chachro, Islamkot, Nagarparkar",
    "Sanghar": "Shahdadpur, Tando Adam",
    "Khairpur": "Gambat, Kot Diji",
    "Sukkur": "Rohri, Pano Aqil",
    "Chagai": "Dalbandin, Taftan, Nokkundi",
    "Mirpur": "Dadyal",
    "Narowal": "Shakargarh, Zafarwal",
    "Sargodha": "Bhalwal, Sillanwali, Kot Momin",
    "Jhang": "Shorkot, Athara Hazari",
    "Vehari": "Burewala, Mailsi",
    "Khanewal": "Mian Channu, Kabirwala",
    "Sahiwal": "Chichawatni",
    "Dadu": "Mehar, Johi",
    "Badin": "Matli, Talhar",
    "Thatta": "Makli, Mirpur Sakro",
    "Umer Kot": "Kunri, Pithoro",
    "Larkana": "Ratodero",
    "Kech": "Tump, Mand",
    "Lasbela": "Uthal, Bela",
    "Peshawar": "Hayatabad, Badaber",
    "Quetta": "Sariab, Kuchlak",
}

# district -> FIA zone (the AHTC circle covering it) for the provinces with several circles
_ZONES = {
    "Rawalpindi": "Rawalpindi Attock Chakwal Jhelum",
    "Gujranwala": "Gujranwala Sialkot Narowal Hafizabad",
    "Gujrat": "Gujrat Mandi_Bahauddin",
    "Lahore": "Lahore Kasur Sheikhupura Nankana_Sahib Okara",
    "Faisalabad": "Faisalabad Jhang Chiniot Toba_Tek_Singh Sargodha Khushab Mianwali Bhakkar",
    "Multan": "Multan Khanewal Vehari Lodhran Bahawalpur Bahawalnagar Rahim_Yar_Khan "
    "Dera_Ghazi_Khan Rajanpur Muzaffargarh Layyah Sahiwal Pakpattan",
    "Karachi": "Karachi_Central Karachi_East Karachi_South Karachi_West Keamari Korangi Malir "
    "Thatta Sujawal",
    "Hyderabad": "Hyderabad Jamshoro Matiari Tando_Allahyar Tando_Muhammad_Khan Badin "
    "Tharparkar Umer_Kot Mirpur_Khas Sanghar Shaheed_Benazirabad Dadu",
}

_CNIC_PREFIX = {
    "Lahore": [35202, 35201],
    "Rawalpindi": [37405, 37406],
    "Islamabad": [61101],
    "Karachi Central": [42101],
    "Karachi East": [42201],
    "Karachi South": [42301],
    "Karachi West": [42401],
    "Peshawar": [17301],
    "Quetta": [54400],
    "Faisalabad": [33100, 33102],
    "Gujranwala": [34101],
    "Sialkot": [34603],
    "Gujrat": [34201],
    "Multan": [36302],
    "Hyderabad": [41303],
}
_PROV_DIGIT = {"KP": 1, "PB": 3, "SD": 4, "BA": 5, "IS": 6, "GB": 7, "AJ": 8}
_EX_FATA = {
    "Bajaur",
    "Khyber",
    "Kurram",
    "Mohmand",
    "North Waziristan",
    "South Waziristan",
    "Orakzai",
}


def _find_districts_csv() -> Path:
    here = Path(__file__).resolve().parent
    return here.parent / "src" / "reference" / "data" / "districts.csv"


def _load_districts() -> pl.DataFrame:
    df = pl.read_csv(_find_districts_csv()).select("district", "province_code")
    pop = {}
    for item in _POP.replace("\n", "").split(","):
        name, w = item.rsplit(" ", 1)
        pop[name.strip()] = float(w)
    return df.with_columns(
        pl.col("district").replace_strict(pop, default=0.3).alias("pop")
    )


def _district_variants(name: str):
    out = {name: 1.0}
    alias = _ALIASES.get(name)
    if alias:
        for part in alias.split(","):
            a, w = part.strip().rsplit(" ", 1)
            out[a] = float(w) * 0.5 / 4.0 + out.get(a, 0.0)
    # generic spelling variants, kept rare
    for s, w in _apply_rules({name: 1.0}, _rules(""), depth=1).items():
        if s != name:
            out.setdefault(s, 0.05 * w)
    strs = list(out)
    w = np.array([out[s] for s in strs])
    # canonical spelling keeps ~60-70 %; the rest is spread over the variants
    rest = w[1:].sum()
    if rest > 0:
        share = 0.35 * rest / (rest + 0.2)
        w = np.concatenate([[1 - share], share * w[1:] / rest])
    return strs, w


# ---------------------------------------------------------------------------------------
# Sources (units)
# ---------------------------------------------------------------------------------------

# name, code, kind, home district, eligibility (adult F, child F, adult M, child M)
_SOURCES = [
    ("FIA AHTC Lahore", "AHTC-LHR", "fia", "Lahore", "1111"),
    ("FIA AHTC Gujranwala", "AHTC-GRW", "fia", "Gujranwala", "1111"),
    ("FIA AHTC Gujrat", "AHTC-GJT", "fia", "Gujrat", "1111"),
    ("FIA AHTC Faisalabad", "AHTC-FSD", "fia", "Faisalabad", "1111"),
    ("FIA AHTC Multan", "AHTC-MUL", "fia", "Multan", "1111"),
    ("FIA AHTC Rawalpindi", "AHTC-RWP", "fia", "Rawalpindi", "1111"),
    ("FIA AHTC Islamabad", "AHTC-ISB", "fia", "Islamabad", "1111"),
    ("FIA AHTC Karachi", "AHTC-KHI", "fia", "Karachi South", "1111"),
    ("FIA AHTC Hyderabad", "AHTC-HYD", "fia", "Hyderabad", "1111"),
    ("FIA AHTC Sukkur", "AHTC-SUK", "fia", "Sukkur", "1111"),
    ("FIA AHTC Peshawar", "AHTC-PSH", "fia", "Peshawar", "1111"),
    ("FIA AHTC Quetta", "AHTC-QTA", "fia", "Quetta", "1111"),
    ("FIA Immigration Islamabad Airport", "IMM-ISB", "imm", "Islamabad", "1111"),
    ("FIA Immigration Lahore Airport", "IMM-LHE", "imm", "Lahore", "1111"),
    ("FIA Immigration Karachi Airport", "IMM-KHI", "imm", "Karachi East", "1111"),
    ("FIA Immigration Taftan", "IMM-TFT", "imm", "Chagai", "1111"),
    ("Punjab Police Lahore", "PP-LHR", "police", "Lahore", "1111"),
    ("Punjab Police Kasur", "PP-KSR", "police", "Kasur", "1111"),
    ("Punjab Police Sheikhupura", "PP-SKP", "police", "Sheikhupura", "1111"),
    ("Punjab Police Faisalabad", "PP-FSD", "police", "Faisalabad", "1111"),
    ("Punjab Police Rahim Yar Khan", "PP-RYK", "police", "Rahim Yar Khan", "1111"),
    ("Punjab Police Muzaffargarh", "PP-MZG", "police", "Muzaffargarh", "1111"),
    ("Punjab Police Sialkot", "PP-SKT", "police", "Sialkot", "1111"),
    ("Punjab Police Rawalpindi", "PP-RWP", "police", "Rawalpindi", "1111"),
    ("Sindh Police Karachi East", "SP-KHE", "police", "Karachi East", "1111"),
    ("Sindh Police Karachi West", "SP-KHW", "police", "Karachi West", "1111"),
    ("Sindh Police Hyderabad", "SP-HYD", "police", "Hyderabad", "1111"),
    ("Sindh Police Tharparkar", "SP-THR", "police", "Tharparkar", "1111"),
    ("Sindh Police Sukkur", "SP-SUK", "police", "Sukkur", "1111"),
    ("KP Police Peshawar", "KPP-PSH", "police", "Peshawar", "1111"),
    ("KP Police Swat", "KPP-SWT", "police", "Swat", "1111"),
    ("KP Police Mardan", "KPP-MRD", "police", "Mardan", "1111"),
    ("Balochistan Police Quetta", "BP-QTA", "police", "Quetta", "1111"),
    ("ICT Police Islamabad", "ICTP", "police", "Islamabad", "1111"),
    ("AJK Police Mirpur", "AJKP-MPR", "police", "Mirpur", "1111"),
    ("Dar-ul-Aman Lahore", "DUA-LHR", "shelter", "Lahore", "1100"),
    ("Dar-ul-Aman Multan", "DUA-MUL", "shelter", "Multan", "1100"),
    ("Dar-ul-Aman Karachi", "DUA-KHI", "shelter", "Karachi South", "1100"),
    ("Dar-ul-Aman Peshawar", "DUA-PSH", "shelter", "Peshawar", "1100"),
    ("Dar-ul-Aman Quetta", "DUA-QTA", "shelter", "Quetta", "1100"),
    ("Edhi Home Karachi", "EDHI-KHI", "shelter", "Karachi West", "1111"),
    ("Panah Shelter Karachi", "PANAH-KHI", "shelter", "Karachi Central", "1100"),
    ("Child Protection Bureau Lahore", "CPWB-LHR", "shelter", "Lahore", "0101"),
    ("Child Protection Bureau Rawalpindi", "CPWB-RWP", "shelter", "Rawalpindi", "0101"),
    ("Kashana Lahore", "KSH-LHR", "shelter", "Lahore", "0100"),
    ("Zamung Kor Peshawar", "ZK-PSH", "shelter", "Peshawar", "0001"),
    ("SBB Women Centre Islamabad", "SBBWC-ISB", "shelter", "Islamabad", "1100"),
]
_KINDS = ["fia", "imm", "police", "shelter"]
# P(kind | victim type): child TIP, adult female TIP, adult male TIP, smuggled migrant
_KIND_P = np.array(
    [
        [0.25, 0.02, 0.40, 0.33],
        [0.34, 0.06, 0.33, 0.27],
        [0.45, 0.04, 0.45, 0.06],
        [0.52, 0.36, 0.10, 0.02],
    ]
)
_URDU_P = {"fia": 0.03, "imm": 0.0, "police": 0.20, "shelter": 0.10}

VT_CHILD, VT_FEMALE, VT_MALE, VT_SOM = 0, 1, 2, 3
R_MUSLIM, R_CHRISTIAN, R_HINDU = 0, 1, 2

_HINDU_SHARE = {
    "Tharparkar": 0.40,
    "Umer Kot": 0.45,
    "Mirpur Khas": 0.30,
    "Sanghar": 0.20,
    "Badin": 0.12,
    "Tando Allahyar": 0.20,
    "Hyderabad": 0.05,
    "Jamshoro": 0.05,
    "Matiari": 0.06,
    "Tando Muhammad Khan": 0.10,
    "Ghotki": 0.06,
    "Sukkur": 0.04,
    "Karachi South": 0.02,
    "Karachi East": 0.02,
    "Karachi Central": 0.02,
}
_CHRISTIAN_SHARE = {
    "Lahore": 0.06,
    "Kasur": 0.05,
    "Sheikhupura": 0.06,
    "Faisalabad": 0.05,
    "Gujranwala": 0.05,
    "Sialkot": 0.06,
    "Narowal": 0.07,
    "Okara": 0.04,
    "Islamabad": 0.04,
    "Rawalpindi": 0.03,
    "Karachi East": 0.03,
    "Karachi South": 0.04,
    "Karachi Central": 0.03,
    "Sargodha": 0.03,
    "Toba Tek Singh": 0.04,
    "Sahiwal": 0.03,
    "Peshawar": 0.01,
    "Quetta": 0.01,
}

KEYB = {  # QWERTY neighbours for substitution typos
    "q": "wa",
    "w": "qes",
    "e": "wrd",
    "r": "etf",
    "t": "ryg",
    "y": "tuh",
    "u": "yij",
    "i": "uok",
    "o": "ipl",
    "p": "ol",
    "a": "qsz",
    "s": "adwx",
    "d": "sfe",
    "f": "dgr",
    "g": "fht",
    "h": "gjy",
    "j": "hku",
    "k": "jli",
    "l": "ko",
    "z": "asx",
    "x": "zsc",
    "c": "xvd",
    "v": "cbf",
    "b": "vng",
    "n": "bmh",
    "m": "nj",
}


# ---------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------


def _choice(rng, items_weights, n, weight_mult=None):
    """Sample n entries of a weighted list; returns an (n, k) token array padded with -1."""
    items, w = items_weights
    w = w if weight_mult is None else w * weight_mult
    idx = rng.choice(len(items), size=n, p=w / w.sum())
    k = max(len(x) for x in items)
    mat = np.full((len(items), k), -1, dtype=np.int32)
    for i, x in enumerate(items):
        mat[i, : len(x)] = x
    return mat[idx]


def _gen_mult(items_weights, *, old: bool):
    """Weight multipliers favouring old-fashioned (fathers) or modern (young) names."""
    items, _ = items_weights
    m = np.ones(len(items))
    for i, x in enumerate(items):
        f = TOKENS[x[0]][2]
        if "o" in f:
            m[i] = 2.2 if old else 0.45
        elif "y" in f:
            m[i] = 0.15 if old else 2.5
    return m


def _rows_by_group(codes: np.ndarray, n_groups: int):
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(n_groups + 1))
    return [order[bounds[g] : bounds[g + 1]] for g in range(n_groups)]


def _cat_sample(rng, cum_rows: np.ndarray, row: np.ndarray) -> np.ndarray:
    """Sample a category for each element from the row-specific cumulative table."""
    n_rows, k = cum_rows.shape
    flat = (np.arange(n_rows)[:, None] + cum_rows).ravel()
    q = row + np.minimum(rng.random(len(row)), 1 - 1e-9)
    return np.searchsorted(flat, q, side="right") - row * k


def _cum(p: np.ndarray) -> np.ndarray:
    c = np.cumsum(p, axis=-1)
    c = c / c[..., -1:]
    c[..., -1] = 1.0
    return c


class _NameGen:
    """Canonical name generation for persons, fathers and husbands as (n, 5) token arrays.

    Slots: 0 prefix (Muhammad/Ghulam/Syed), 1-2 core (two tokens for Noor Muhammad),
    3 second element, 4 surname/caste.
    """

    def __init__(self, rng):
        self.rng = rng
        self.surname_tables = {p: _wlist(SURNAMES_BY_PROV[p]) for p in PROVINCES}

    def male(self, n, religion, prov, old, father_surname=None):
        rng = self.rng
        out = np.full((n, 5), -1, dtype=np.int32)
        for r in (R_MUSLIM, R_CHRISTIAN, R_HINDU):
            for is_old in (False, True):
                sel = np.flatnonzero((religion == r) & (old == is_old))
                if not len(sel):
                    continue
                m = len(sel)
                if r == R_MUSLIM:
                    core = _choice(
                        rng,
                        MUSLIM_MALE_CORE,
                        m,
                        _gen_mult(MUSLIM_MALE_CORE, old=is_old),
                    )
                    out[sel, 1 : 1 + core.shape[1]] = core
                    u = rng.random(m)
                    p_muh = 0.40 if is_old else 0.32
                    muh = u < p_muh
                    ghul = (u >= p_muh) & (u < p_muh + 0.035)
                    syed = (u >= p_muh + 0.035) & (u < p_muh + 0.055)
                    out[sel[muh], 0] = MUH
                    out[sel[syed], 0] = TOK_ID["Syed"]
                    # the heavy head: whole common names
                    full = (rng.random(m) < (0.05 if is_old else 0.07)) & ~ghul & ~syed
                    fc = _choice(rng, COMMON_MALE_FULL, int(full.sum()))
                    fsel = sel[full]
                    out[fsel, 0] = -1
                    out[fsel, 1:3] = -1
                    out[fsel, : fc.shape[1]] = fc
                    # "Allah Ditta" is one token; names without Muhammad/Ghulam start at slot 1
                    nopre = (fc[:, 0] != MUH) & (fc[:, 0] != TOK_ID["Ghulam"])
                    out[fsel[nopre], 1 : 1 + fc.shape[1]] = fc[nopre]
                    out[fsel[nopre], 0] = -1
                    out[fsel[nopre & (fc[:, 1] < 0)], 2] = -1
                    g = sel[ghul]
                    out[g, 0] = TOK_ID["Ghulam"]
                    gc = _choice(rng, GHULAM_CORE, len(g))
                    out[g, 1] = gc[:, 0]
                    out[g, 2] = -1
                    # a second element, more likely when the core is a single short token
                    single = out[sel, 2] < 0
                    p2 = np.where(single, 0.55 if is_old else 0.42, 0.06)
                    # "Muhammad X" names mostly stop at two elements
                    p2 = np.where(muh | full, p2 * 0.45, p2)
                    p2 = np.where(full, 0.0, p2)
                    has2 = rng.random(m) < p2
                    sec = _choice(rng, MUSLIM_MALE_SECOND, m)[:, 0]
                    same = sec == out[sel, 1]
                    out[sel[has2 & ~same], 3] = sec[has2 & ~same]
                    # surname / caste, province-specific
                    has_s = rng.random(m) < np.where(
                        has2, 0.12, np.where(muh | full, 0.2, 0.30)
                    )
                    pr = prov[sel]
                    for pi, pcode in enumerate(PROVINCES):
                        s2 = np.flatnonzero(has_s & (pr == pi))
                        if len(s2):
                            out[sel[s2], 4] = _choice(
                                rng, self.surname_tables[pcode], len(s2)
                            )[:, 0]
                elif r == R_CHRISTIAN:
                    core = _choice(rng, CHRISTIAN_MALE_CORE, m)
                    out[sel, 1] = core[:, 0]
                    has_s = rng.random(m) < 0.85
                    out[sel[has_s], 4] = _choice(
                        rng, CHRISTIAN_MALE_SURNAME, int(has_s.sum())
                    )[:, 0]
                    muh = (rng.random(m) < 0.05) & ~has_s
                    out[sel[muh], 0] = MUH  # converts / mixed usage, rare
                else:
                    core = _choice(rng, HINDU_MALE_CORE, m)
                    out[sel, 1 : 1 + core.shape[1]] = core
                    has_s = (rng.random(m) < 0.7) & (out[sel, 2] < 0)
                    out[sel[has_s], 4] = _choice(
                        rng, HINDU_MALE_SURNAME, int(has_s.sum())
                    )[:, 0]
        if father_surname is not None:
            # sons often carry the father's tribe/caste name
            inherit = (
                (father_surname >= 0)
                & np.isin(father_surname, list(TRIBAL))
                & (rng.random(n) < 0.55)
            )
            out[inherit, 4] = father_surname[inherit]
        return out

    def female(self, n, religion, prov, old, father_surname=None):
        rng = self.rng
        out = np.full((n, 5), -1, dtype=np.int32)
        for r in (R_MUSLIM, R_CHRISTIAN, R_HINDU):
            for is_old in (False, True):
                sel = np.flatnonzero((religion == r) & (old == is_old))
                if not len(sel):
                    continue
                m = len(sel)
                if r == R_MUSLIM:
                    core = _choice(
                        rng,
                        MUSLIM_FEMALE_CORE,
                        m,
                        _gen_mult(MUSLIM_FEMALE_CORE, old=is_old),
                    )
                    out[sel, 1 : 1 + core.shape[1]] = core
                    u = rng.random(m)
                    out[sel[u < 0.02], 0] = TOK_ID["Syeda"]
                    gf = sel[(u >= 0.02) & (u < 0.03)]
                    out[gf, 0] = TOK_ID["Ghulam"]
                    out[gf, 1] = TOK_ID["Fatima"]
                    has2 = rng.random(m) < (0.42 if is_old else 0.25)
                    suf = _choice(rng, FEMALE_SUFFIX, m)[:, 0]
                    ok = has2 & (suf != out[sel, 1])
                    out[sel[ok], 3] = suf[ok]
                    has_s = rng.random(m) < 0.07
                    pr = prov[sel]
                    for pi, pcode in enumerate(PROVINCES):
                        s2 = np.flatnonzero(has_s & (pr == pi))
                        if len(s2):
                            out[sel[s2], 4] = _choice(
                                rng, self.surname_tables[pcode], len(s2)
                            )[:, 0]
                elif r == R_CHRISTIAN:
                    out[sel, 1] = _choice(rng, CHRISTIAN_FEMALE_CORE, m)[:, 0]
                    has2 = rng.random(m) < 0.6
                    out[sel[has2], 3] = _choice(
                        rng, CHRISTIAN_FEMALE_SUFFIX, int(has2.sum())
                    )[:, 0]
                else:
                    out[sel, 1] = _choice(rng, HINDU_FEMALE_CORE, m)[:, 0]
                    has2 = rng.random(m) < 0.65
                    out[sel[has2], 3] = _choice(
                        rng, HINDU_FEMALE_SUFFIX, int(has2.sum())
                    )[:, 0]
        if father_surname is not None:
            inherit = np.isin(father_surname, list(TRIBAL)) & (rng.random(n) < 0.2)
            out[inherit, 4] = father_surname[inherit]
        return out


# ---------------------------------------------------------------------------------------
# record-level noise on token arrays
# ---------------------------------------------------------------------------------------


def _structural_noise(rng, T, U, male, scale=1.0, father=False):
    """Drop / add / swap name elements in place. T: (n,5) tokens, U: (n,5) spelling uniforms."""
    n = len(T)
    r = rng.random((n, 6))
    pre = T[:, 0]
    # drop Muhammad / Syed (Ghulam is part of the name proper and rarely dropped)
    drop_pre = (
        ((pre == MUH) & (r[:, 0] < 0.18 * scale))
        | ((pre == TOK_ID["Syed"]) & (r[:, 0] < 0.3 * scale))
        | ((pre == TOK_ID["Ghulam"]) & (r[:, 0] < 0.04 * scale))
    )
    T[drop_pre, 0] = -1
    add_muh = (
        male
        & (pre < 0)
        & (r[:, 1] < (0.07 if father else 0.05) * scale)
        & (T[:, 2] < 0)
    )
    T[add_muh, 0] = MUH
    U[add_muh, 0] = rng.random(int(add_muh.sum()))
    has_core2 = T[:, 2] >= 0
    drop2 = (T[:, 3] >= 0) & (r[:, 2] < 0.12 * scale)
    T[drop2, 3] = -1
    drop_s = (T[:, 4] >= 0) & (r[:, 3] < 0.15 * scale)
    T[drop_s, 4] = -1
    add2 = (T[:, 3] < 0) & (T[:, 4] < 0) & ~has_core2 & (r[:, 4] < 0.04 * scale)
    for sex_mask, table in (
        (add2 & male, ADD_SECOND_MALE),
        (add2 & ~male, ADD_SECOND_FEMALE),
    ):
        k = int(sex_mask.sum())
        if k:
            new = _choice(rng, table, k)[:, 0]
            rows = np.flatnonzero(sex_mask)
            okr = new != T[rows, 1]
            T[rows[okr], 3] = new[okr]
            U[rows[okr], 3] = rng.random(int(okr.sum()))
    # swap order: "Asif Ali" -> "Ali Asif", "Imran Khan" -> "Khan Imran"
    sw = (r[:, 5] < 0.05 * scale) & ~has_core2
    a = sw & (T[:, 3] >= 0)
    b = sw & (T[:, 3] < 0) & (T[:, 4] >= 0)
    for mask, j in ((a, 3), (b, 4)):
        rows = np.flatnonzero(mask)
        T[rows, 1], T[rows, j] = T[rows, j].copy(), T[rows, 1].copy()
        U[rows, 1], U[rows, j] = U[rows, j].copy(), U[rows, 1].copy()


_ARABIC_FORMS = {"ی": "ي", "ک": "ك", "ہ": "ه", "ۃ": "ة"}


def _typo_roman(s: str, rnd: random.Random) -> str:
    if not s:
        return s
    op = rnd.random()
    i = rnd.randrange(len(s))
    c = s[i]
    if op < 0.25:  # deletion
        return s[:i] + s[i + 1 :]
    if op < 0.45:  # insertion: doubled letter or neighbour key
        lc = c.lower()
        ins = c if (rnd.random() < 0.5 or lc not in KEYB) else rnd.choice(KEYB[lc])
        return s[:i] + ins + s[i:]
    if op < 0.70:  # substitution by a neighbouring key
        lc = c.lower()
        if lc in KEYB:
            sub = rnd.choice(KEYB[lc])
            sub = sub.upper() if c.isupper() else sub
            return s[:i] + sub + s[i + 1 :]
        return s[:i] + s[i + 1 :]
    if op < 0.92:  # transposition
        if i + 1 < len(s):
            return s[:i] + s[i + 1] + c + s[i + 2 :]
        return s
    # spacing: drop or double a space, or split a word
    if " " in s and rnd.random() < 0.6:
        j = rnd.choice([k for k, ch in enumerate(s) if ch == " "])
        return s[:j] + ("" if rnd.random() < 0.6 else "  ") + s[j + 1 :]
    return s[:i] + " " + s[i:] if 0 < i else s


def _typo_urdu(s: str, rnd: random.Random) -> str:
    if not s:
        return s
    op = rnd.random()
    i = rnd.randrange(len(s))
    if op < 0.35:
        return s[:i] + s[i + 1 :]
    if op < 0.55 and i + 1 < len(s):
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    swaps = {
        "ی": "ے",
        "ے": "ی",
        "ہ": "ھ",
        "ھ": "ہ",
        "ح": "ج",
        "ج": "ح",
        "ب": "پ",
        "س": "ش",
        "ر": "ز",
        "د": "ڈ",
        "ت": "ٹ",
        "ک": "گ",
        "ن": "ں",
    }
    c = s[i]
    if c in swaps:
        return s[:i] + swaps[c] + s[i + 1 :]
    return s[:i] + c + s[i:]


def _apply_typos(
    series: pl.Series,
    mask: np.ndarray,
    is_urdu: np.ndarray,
    seed: int,
    two_share: float = 0.15,
) -> pl.Series:
    rows = np.flatnonzero(mask)
    if not len(rows):
        return series
    rnd = random.Random(seed)
    vals = series.gather(rows).to_list()
    urd = is_urdu[rows].tolist()
    out = []
    for v, u in zip(vals, urd, strict=True):
        if v is None:
            out.append(None)
            continue
        f = _typo_urdu if u else _typo_roman
        v2 = f(v, rnd)
        if rnd.random() < two_share:
            v2 = f(v2, rnd)
        out.append(v2)
    return series.scatter(rows, pl.Series(out, dtype=pl.String))


# ---------------------------------------------------------------------------------------
# main generator
# ---------------------------------------------------------------------------------------


def _records_per_person(rng, n_records, duplicate_rate, max_k):
    """Counts per person: 1 w.p. 1-duplicate_rate, else 2 + truncated geometric(1/2)."""
    ks = np.arange(2, max_k + 1)
    pk = 0.5 ** (ks - 1)
    pk /= pk.sum()
    mean = 1 + duplicate_rate * ((ks * pk).sum() - 1)
    n_p = math.ceil(n_records / mean * 1.05) + 50
    counts = np.zeros(0, dtype=np.int64)
    while counts.sum() < n_records:
        dup = rng.random(n_p) < duplicate_rate
        more = np.ones(n_p, dtype=np.int64)
        more[dup] = rng.choice(ks, size=int(dup.sum()), p=pk)
        counts = np.concatenate([counts, more])
    cs = np.cumsum(counts)
    last = int(np.searchsorted(cs, n_records))  # person holding record n_records
    counts = counts[: last + 1].copy()
    counts[-1] -= int(cs[last] - n_records)
    return counts


def generate(
    n_records: int,
    *,
    seed: int = 0,
    duplicate_rate: float = 0.30,
    max_records_per_person: int = 6,
    translit_noise: float = 0.5,
    fresh_spelling_rate: float = 0.5,
    structure_noise: float = 1.0,
    honorific_rate: float = 1.0,
    relation_in_name_rate: float = 0.04,
    urdu_rate: float = 1.0,
    typo_rate: float = 0.06,
    missing_scale: float = 1.0,
    sparse_rate: float = 0.05,
    namesake_rate: float = 0.01,
    cnic_typo_rate: float = 0.02,
    start_date: str = "2016-01-01",
    end_date: str = "2025-06-30",
    with_truth: bool = False,
) -> pl.DataFrame:
    """Generate ``n_records`` noisy victim records; see the module docstring for the model.

    duplicate_rate: share of persons with more than one record (2..max_records_per_person).
    translit_noise: probability mass moved off the canonical spelling (for tokens with many
        variants; 0 = canonical spellings only).
    fresh_spelling_rate: probability that a record spells a token afresh instead of reusing
        the person's habitual spelling.
    structure_noise, honorific_rate, urdu_rate, missing_scale: multipliers of the default
        rates of dropped/added/swapped name elements, honorifics, Urdu-script records and
        missing fields.
    relation_in_name_rate, typo_rate, sparse_rate, namesake_rate, cnic_typo_rate: shares
        of records (namesakes: of persons).
    with_truth: also return ``true_family_id``, ``true_name`` and ``true_father_name``
        (canonical spellings, no noise) for analysing errors; not part of the benchmark input.
    """
    if n_records <= 0:
        msg = "n_records must be positive"
        raise ValueError(msg)
    rng = np.random.default_rng(seed)
    ms = missing_scale

    # ---- districts and sources ----
    dist = _load_districts()
    dnames = dist["district"].to_list()
    D = len(dnames)
    d_idx = {d: i for i, d in enumerate(dnames)}
    dprov = np.array([PROV_IDX[p] for p in dist["province_code"].to_list()])
    pop = dist["pop"].to_numpy()
    w_tip = pop * np.array([_TIP_BOOST.get(d, 1.0) for d in dnames])
    w_som = pop * np.array([_SOM_BOOST.get(d, 1.0) for d in dnames])
    zone_of = np.array([-1] * D)
    zone_names = list(_ZONES)
    for zi, z in enumerate(zone_names):
        for dn in _ZONES[z].split():
            zone_of[d_idx[dn.replace("_", " ")]] = zi

    S = len(_SOURCES)
    src_names = [s[0] for s in _SOURCES]
    src_kind = np.array([_KINDS.index(s[2]) for s in _SOURCES])
    src_home = np.array([d_idx[s[3]] for s in _SOURCES])
    src_elig = np.array([[c == "1" for c in s[4]] for s in _SOURCES])  # (S, 4)
    src_zone = np.array(
        [
            zone_names.index(s[0].split()[-1])
            if s[0].split()[-1] in zone_names and s[2] == "fia"
            else -1
            for s in _SOURCES
        ]
    )
    # geography weight (D, S)
    geo = np.full((D, S), 0.03)
    geo[dprov[:, None] == dprov[src_home][None, :]] = 1.0
    geo[np.arange(D)[:, None] == src_home[None, :]] = 8.0
    zmatch = (zone_of[:, None] >= 0) & (zone_of[:, None] == src_zone[None, :])
    geo[zmatch] = np.maximum(geo[zmatch], 5.0)
    fia_zoned = (src_kind == 0) & (src_zone >= 0)
    zother = (
        (zone_of[:, None] >= 0)
        & fia_zoned[None, :]
        & ~zmatch
        & (np.arange(D)[:, None] != src_home[None, :])
    )
    geo[zother] = np.minimum(geo[zother], 0.15)
    imm = src_kind == 1
    geo[:, imm] = 1.0
    taftan = src_names.index("FIA Immigration Taftan")
    geo[:, taftan] = np.where(dprov == PROV_IDX["BA"], 3.0, 0.6)
    # per (district, victim type, eligibility class) source distribution
    # eligibility class: 0 adult F, 1 child F, 2 adult M, 3 child M
    # normalise within kind so that kind shares hold regardless of how many units a kind has
    src_cum = np.zeros((D * 4 * 4, S))
    for vt in range(4):
        for ec in range(4):
            wk = geo * src_elig[:, ec][None, :]
            tot = np.zeros((D, len(_KINDS)))
            for k in range(len(_KINDS)):
                tot[:, k] = wk[:, src_kind == k].sum(1)
            kp = np.where(tot > 0, _KIND_P[vt][None, :], 0.0)
            kp = kp / kp.sum(1, keepdims=True)
            w = (
                wk
                / np.where(tot[:, src_kind] > 0, tot[:, src_kind], 1)
                * kp[:, src_kind]
            )
            rows = (np.arange(D) * 4 + vt) * 4 + ec
            src_cum[rows] = _cum(w + 1e-12)

    # unit habits (fixed, independent of the seed)
    srng = np.random.default_rng(12345)
    src_caps = np.clip(srng.beta(1.0, 6.0, S) * 0.6, 0.01, 0.5)
    src_caps[src_kind == 1] = np.maximum(
        src_caps[src_kind == 1], 0.35
    )  # immigration: caps
    src_lower = np.clip(srng.beta(1, 30, S), 0, 0.1)
    src_urdu = (
        np.array([_URDU_P[s[2]] for s in _SOURCES])
        * srng.uniform(0.5, 1.5, S)
        * urdu_rate
    )
    src_muh = np.stack(
        [srng.dirichlet(MUH_BASE / MUH_BASE.sum() * 6 + 0.05) for _ in range(S)]
    )
    src_muh_cum = _cum(src_muh)
    src_sexstyle = srng.integers(0, 4, S)
    src_dash = srng.uniform(0.2, 0.9, S)
    src_hon = srng.uniform(0.5, 1.6, S) * honorific_rate
    src_hon[src_kind == 2] *= 1.6  # police write Mst./Ch. most
    src_miss = srng.uniform(0.7, 1.4, S)

    # ---- records per person ----
    counts = _records_per_person(rng, n_records, duplicate_rate, max_records_per_person)
    P = len(counts)

    # ---- families ----
    fam_sizes = rng.choice([1, 2, 3, 4], size=P, p=[0.86, 0.10, 0.03, 0.01])
    fam_of_person = np.repeat(np.arange(P), fam_sizes)[:P]
    F = int(fam_of_person[-1]) + 1
    pos_in_fam = np.arange(P) - np.searchsorted(fam_of_person, fam_of_person)
    fam_size_eff = np.bincount(fam_of_person, minlength=F)
    multi = fam_size_eff > 1
    f_vt = rng.choice(4, size=F, p=[0.35, 0.26, 0.14, 0.25])
    # multi-victim families: children, bonded-labour men or migrant brothers
    f_vt[multi] = rng.choice(
        [VT_CHILD, VT_MALE, VT_SOM], size=int(multi.sum()), p=[0.6, 0.2, 0.2]
    )
    f_dist = np.empty(F, dtype=np.int64)
    som = f_vt == VT_SOM
    f_dist[som] = rng.choice(D, size=int(som.sum()), p=w_som / w_som.sum())
    f_dist[~som] = rng.choice(D, size=int((~som).sum()), p=w_tip / w_tip.sum())
    f_prov = dprov[f_dist]
    hs = np.array(
        [
            _HINDU_SHARE.get(d, 0.03 if p == "SD" else 0.002)
            for d, p in zip(dnames, dist["province_code"].to_list(), strict=True)
        ]
    )
    cs_ = np.array(
        [
            _CHRISTIAN_SHARE.get(d, 0.02 if p == "PB" else 0.004)
            for d, p in zip(dnames, dist["province_code"].to_list(), strict=True)
        ]
    )
    labour = (f_vt == VT_MALE) | (f_vt == VT_CHILD)
    ph = hs[f_dist] * np.where(labour, 1.8, 1.0)
    pc = cs_[f_dist] * np.where(labour, 2.0, 1.0)
    ur = rng.random(F)
    f_rel = np.where(ur < ph, R_HINDU, np.where(ur < ph + pc, R_CHRISTIAN, R_MUSLIM))
    f_rel[som & (f_rel == R_HINDU)] = R_MUSLIM

    names = _NameGen(rng)
    f_name = names.male(F, f_rel, f_prov, np.ones(F, bool))

    # family CNIC prefixes and phones
    pref_by_d = []
    for di, dn in enumerate(dnames):
        if dn in _CNIC_PREFIX:
            pref_by_d.append(_CNIC_PREFIX[dn])
        else:
            pd = _PROV_DIGIT[dist["province_code"][di]]
            if dn in _EX_FATA:
                pd = 2
            base = pd * 10000 + ((di * 37) % 89 + 10) * 100
            pref_by_d.append([base + 1, base + 2, base + 3])
    pref_mat = np.array([p + [p[0]] * (3 - len(p)) for p in pref_by_d])
    f_cnic_pref = pref_mat[f_dist, rng.integers(0, 3, F)]
    f_cnic = (
        f_cnic_pref.astype(np.int64) * 10**8
        + rng.integers(0, 10**7, F) * 10
        + rng.choice([1, 3, 5, 7, 9], F)
    )
    f_has_cnic = rng.random(F) < 0.8
    # mobile prefixes allowed by libphonenumber's PK pattern 3(?:[0-247]\d|3[0-79]|55|64)
    mob = np.array([i for i in range(300, 350) if i != 338] + [355, 364])
    mob_w = np.where(
        mob < 310,
        3.0,
        np.where(
            mob < 320,
            1.5,
            np.where(
                mob < 330, 1.5, np.where(mob < 340, 1.2, np.where(mob < 350, 2.0, 0.2))
            ),
        ),
    )

    def _phones(n):
        return rng.choice(mob, size=n, p=mob_w / mob_w.sum()).astype(
            np.int64
        ) * 10**7 + rng.integers(0, 10**7, n)

    f_phone = _phones(F)
    f_incident = rng.random(F) < 0.6  # siblings rescued together
    t0 = np.datetime64(start_date, "D").astype(np.int64)
    t1 = np.datetime64(end_date, "D").astype(np.int64)
    # mild upward trend in recorded cases over time
    f_date = t0 + ((t1 - t0) * rng.random(F) ** 0.75).astype(np.int64)

    # ---- persons ----
    fam = fam_of_person
    vt = f_vt[fam].copy()
    # a migrant "family" may include a minor brother; a child family may include a teenager
    sex = np.zeros(P, dtype=np.int8)  # 1 = male
    u = rng.random(P)
    sex[vt == VT_CHILD] = u[vt == VT_CHILD] < 0.45
    sex[vt == VT_FEMALE] = 0
    sex[vt == VT_MALE] = 1
    sex[vt == VT_SOM] = u[vt == VT_SOM] < 0.96
    age = np.zeros(P, dtype=np.float64)
    n_ = P
    a_child = np.clip(rng.triangular(3, 13, 18, n_), 3, 17.99)
    a_fem = np.clip(18 + rng.gamma(2.2, 4.5, n_), 18, 60)
    a_male = np.clip(18 + rng.gamma(2.0, 7.0, n_), 18, 70)
    a_som = np.where(
        rng.random(n_) < 0.07,
        rng.uniform(14, 18, n_),
        np.clip(18 + rng.gamma(2.5, 3.2, n_), 18, 55),
    )
    age = np.select(
        [vt == VT_CHILD, vt == VT_FEMALE, vt == VT_MALE],
        [a_child, a_fem, a_male],
        a_som,
    )
    # siblings: ages spaced 1-4 years from the eldest
    first_of_fam = np.searchsorted(fam, fam)
    sib_off = pos_in_fam * rng.uniform(1, 4, P)
    age = np.where(pos_in_fam > 0, np.maximum(age[first_of_fam] - sib_off, 2.0), age)
    child = age < 18
    p_prov = f_prov[fam]
    p_dist = f_dist[fam].copy()
    p_rel = f_rel[fam]
    # first incident date
    own_date = t0 + ((t1 - t0) * rng.random(P) ** 0.75).astype(np.int64)
    p_date = np.where(f_incident[fam], f_date[fam], own_date)
    dob = p_date - (age * 365.25).astype(np.int64) - rng.integers(0, 365, P)
    birth_year = dob.astype("datetime64[D]").astype("datetime64[Y]").astype(int) + 1970
    young = birth_year >= 1995

    male = sex == 1
    p_name = np.full((P, 5), -1, dtype=np.int32)
    fsur = f_name[fam, 4]
    mi = np.flatnonzero(male)
    fi = np.flatnonzero(~male)
    p_name[mi] = names.male(len(mi), p_rel[mi], p_prov[mi], ~young[mi], fsur[mi])
    p_name[fi] = names.female(len(fi), p_rel[fi], p_prov[fi], ~young[fi], fsur[fi])
    # brothers must not get the very same first name
    same = (
        (pos_in_fam > 0)
        & (p_name[:, 1] == p_name[first_of_fam, 1])
        & (sex == sex[first_of_fam])
    )
    k = int(same.sum())
    if k:
        rows = np.flatnonzero(same)
        alt_m = names.male(k, p_rel[rows], p_prov[rows], ~young[rows])
        alt_f = names.female(k, p_rel[rows], p_prov[rows], ~young[rows])
        p_name[rows, 1:4] = np.where(male[rows][:, None], alt_m[:, 1:4], alt_f[:, 1:4])

    p_father = f_name[fam].copy()
    # namesakes: same name and same father's name as another person, elsewhere, other age
    ns = np.flatnonzero(rng.random(P) < namesake_rate)
    if len(ns):
        donors = rng.integers(0, P, len(ns))
        # only persons without siblings in the data, so that families stay consistent
        okd = (sex[donors] == sex[ns]) & (fam_size_eff[fam[ns]] == 1)
        ns, donors = ns[okd], donors[okd]
        p_name[ns] = p_name[donors]
        p_father[ns] = p_father[donors]
        p_rel_ns = p_rel.copy()
        p_rel_ns[ns] = p_rel[donors]
        p_rel = p_rel_ns
        p_dist[ns] = rng.choice(D, size=len(ns), p=w_tip / w_tip.sum())
        p_prov = dprov[p_dist]

    # husbands of married adult women
    married = (
        (~male) & (age >= 18) & (rng.random(P) < np.clip((age - 15) / 12, 0, 0.85))
    )
    p_husband = np.full((P, 5), -1, dtype=np.int32)
    hm = np.flatnonzero(married)
    p_husband[hm] = names.male(len(hm), p_rel[hm], p_prov[hm], ~young[hm])

    # CNIC of the person (B-form/CRC for some children)
    has_cnic = np.where(child, rng.random(P) < 0.35, rng.random(P) < 0.9)
    other_pref = rng.random(P) < 0.1
    pref = np.where(
        other_pref,
        pref_mat[rng.integers(0, D, P), 0],
        pref_mat[p_dist, rng.integers(0, 3, P)],
    )
    gdig = np.where(
        male,
        rng.choice([1, 3, 5, 7, 9], P),
        rng.choice([0, 2, 4, 6, 8], P, p=[0.04, 0.24, 0.24, 0.24, 0.24]),
    )
    p_cnic = pref.astype(np.int64) * 10**8 + rng.integers(0, 10**7, P) * 10 + gdig
    p_phone = np.where(child | (rng.random(P) < 0.15), f_phone[fam], _phones(P))

    # habitual spelling per person / father / husband
    U_p = rng.random((P, 5), dtype=np.float32)
    U_f = rng.random((F, 5), dtype=np.float32)

    # ---- records ----
    R = n_records
    pid = np.repeat(np.arange(P), counts)
    rank = np.arange(R) - np.repeat(np.cumsum(counts) - counts, counts)
    # record dates
    same_incident = rng.random(R) < 0.7
    delta = np.where(same_incident, rng.integers(0, 31, R), rng.integers(30, 1500, R))
    later = p_date[pid] + delta
    rdate = np.where(
        rank == 0,
        p_date[pid],
        np.where(later <= t1, later, np.maximum(p_date[pid] - delta, t0)),
    )
    rvt = vt[pid]
    rage_true = ((rdate - dob[pid]) / 365.25).astype(np.int64)
    ec = np.where(male[pid], 2, 0) + (rage_true < 18)
    row = (p_dist[pid] * 4 + rvt) * 4 + ec
    src = _cat_sample(rng, src_cum, row)
    # siblings rescued together: the same unit and date as the eldest's first record
    sib = (rank == 0) & (pos_in_fam[pid] > 0) & f_incident[fam[pid]]
    first_rec_of_person = np.cumsum(counts) - counts
    eldest_first = first_rec_of_person[first_of_fam[pid]]
    src = np.where(sib, src[eldest_first], src)
    rdate = np.where(sib, rdate[eldest_first], rdate)

    # ---- case ids: group co-victims of one unit into cases ----
    rfam = fam[pid]
    order = np.lexsort((rfam, rdate, src))
    s_o, d_o, f_o = src[order], rdate[order], rfam[order]
    kind_o = src_kind[s_o]
    mean_size = np.array([1.6, 1.3, 1.5, 1.2])[kind_o] + np.where(
        rvt[order] == VT_SOM, 1.5, 0
    )
    new_case = np.ones(R, bool)
    new_case[1:] = (
        (s_o[1:] != s_o[:-1])
        | (d_o[1:] - d_o[:-1] > 3)
        | ((f_o[1:] != f_o[:-1]) & (rng.random(R - 1) < 1 / mean_size[1:]))
    )
    case_no = np.cumsum(new_case) - 1
    case_start = np.flatnonzero(new_case)
    case_date_o = d_o[case_start][case_no]
    year_o = (
        case_date_o.astype("datetime64[D]").astype("datetime64[Y]").astype(int) + 1970
    )
    grp_new = np.ones(R, bool)
    grp_new[1:] = (s_o[1:] != s_o[:-1]) | (year_o[1:] != year_o[:-1])
    grp_first_case = np.maximum.accumulate(np.where(grp_new, case_no, 0))
    serial_o = case_no - grp_first_case + 1
    case_date = np.empty(R, np.int64)
    case_date[order] = case_date_o
    serial = np.empty(R, np.int64)
    serial[order] = serial_o
    rdate = case_date
    rage_true = ((rdate - dob[pid]) / 365.25).astype(np.int64)
    rchild = rage_true < 18

    # ---- record flags ----
    r_src_miss = src_miss[src] * ms
    sparse = rng.random(R) < sparse_rate
    is_urdu = rng.random(R) < src_urdu[src]
    style = rng.random(R)
    caps = style < src_caps[src]
    lower = (~caps) & (style < src_caps[src] + src_lower[src])
    rmale = male[pid]

    # ---- name tokens ----
    T = p_name[pid].copy()
    fresh = rng.random((R, 5)) < fresh_spelling_rate
    Un = np.where(fresh, rng.random((R, 5), dtype=np.float32), U_p[pid])
    _structural_noise(rng, T, Un, rmale, structure_noise)
    # father field: father, or for married women sometimes the husband
    use_h = married[pid] & (rng.random(R) < 0.25)
    TF = np.where(use_h[:, None], p_husband[pid], p_father[pid])
    freshf = rng.random((R, 5)) < fresh_spelling_rate
    Uf = np.where(
        freshf | use_h[:, None], rng.random((R, 5), dtype=np.float32), U_f[fam[pid]]
    )
    _structural_noise(rng, TF, Uf, np.ones(R, bool), structure_noise, father=True)

    # honorifics
    hon_p_name = (
        np.where(rmale, np.where(rchild, 0.01, 0.045), np.where(rchild, 0.07, 0.22))
        * src_hon[src]
    )
    hon_n = np.where(
        rng.random(R) < hon_p_name,
        np.where(rmale, _choice(rng, HON_MALE, R)[:, 0], TOK_ID["Mst."]),
        -1,
    )
    hon_f = np.where(
        rng.random(R) < 0.10 * src_hon[src], _choice(rng, HON_MALE, R)[:, 0], -1
    )
    # Christians and Hindus get at most "Mr." (women keep the generic "Mst.")
    non_muslim = p_rel[pid] != R_MUSLIM
    mr = TOK_ID["Mr."]
    hon_n = np.where(non_muslim & rmale & (hon_n >= 0), mr, hon_n)
    hon_f = np.where(
        non_muslim & (hon_f >= 0), np.where(rng.random(R) < 0.3, mr, -1), hon_f
    )
    # the honorific "Syed" would duplicate a Syed prefix
    hon_n[(hon_n == TOK_ID["Syed"]) & (T[:, 0] == TOK_ID["Syed"])] = -1
    hon_f[(hon_f == TOK_ID["Syed"]) & (TF[:, 0] == TOK_ID["Syed"])] = -1

    rt = _roman_table(translit_noise)
    ut = _urdu_table()
    u_hon = rng.random((R, 2))

    def render(Tm, Um, hon, uh):
        idx = [rt.sample(hon, uh)] + [rt.sample(Tm[:, j], Um[:, j]) for j in range(5)]
        # Muhammad: each unit has its own habit
        for j in range(5):
            m = np.flatnonzero(Tm[:, j] == MUH)
            if len(m):
                f = _cat_sample(rng, src_muh_cum, src[m])
                idx[j + 1][m] = rt.start[MUH] + f
        cols = [rt.render(ix).alias(f"c{k}") for k, ix in enumerate(idx)]
        roman = (
            pl.DataFrame(cols)
            .select(
                pl.concat_str(
                    [pl.col(f"c{k}") for k in range(6)],
                    separator=" ",
                    ignore_nulls=True,
                )
            )
            .to_series()
        )
        ur_rows = np.flatnonzero(is_urdu)
        if len(ur_rows):
            uidx = [ut.sample(hon[ur_rows], uh[ur_rows])] + [
                ut.sample(Tm[ur_rows, j], Um[ur_rows, j]) for j in range(5)
            ]
            ucols = [ut.render(ix).alias(f"c{k}") for k, ix in enumerate(uidx)]
            urdu = (
                pl.DataFrame(ucols)
                .select(
                    pl.concat_str(
                        [pl.col(f"c{k}") for k in range(6)],
                        separator=" ",
                        ignore_nulls=True,
                    )
                )
                .to_series()
            )
            roman = roman.scatter(ur_rows, urdu)
        return roman.replace("", None)

    name_s = render(T, Un, hon_n, u_hon[:, 0])
    father_s = render(TF, Uf, hon_f, u_hon[:, 1])

    # Arabic letterforms in some Urdu records
    arab = is_urdu & (rng.random(R) < 0.2)
    if arab.any():
        rows = np.flatnonzero(arab)
        pats, reps = list(_ARABIC_FORMS), list(_ARABIC_FORMS.values())
        name_s = name_s.scatter(rows, name_s.gather(rows).str.replace_many(pats, reps))
        father_s = father_s.scatter(
            rows, father_s.gather(rows).str.replace_many(pats, reps)
        )

    # typos
    name_s = _apply_typos(name_s, rng.random(R) < typo_rate, is_urdu, seed * 7 + 1)
    father_s = _apply_typos(father_s, rng.random(R) < typo_rate, is_urdu, seed * 7 + 2)

    # relation marker written into the name, father field left empty
    rel = rng.random(R) < relation_in_name_rate
    wife = rel & use_h
    mk_r = rng.random(R)
    son = np.array(["s/o", "S/O", "S/o", "son of", "Son of", "s/o.", "S.O"])
    dau = np.array(["d/o", "D/O", "D/o", "daughter of", "Daughter of", "bint"])
    wif = np.array(["w/o", "W/O", "W/o", "wife of"])
    mk_roman = np.where(
        wife,
        wif[(mk_r * len(wif)).astype(int)],
        np.where(
            rmale,
            son[(mk_r * 0.999 * len(son)).astype(int)],
            dau[(mk_r * 0.999 * len(dau)).astype(int)],
        ),
    )
    mk_urdu = np.where(
        wife, "زوجہ", np.where(rmale, "ولد", np.where(mk_r < 0.5, "دختر", "بنت"))
    )
    marker = np.where(is_urdu, mk_urdu, mk_roman)
    fmiss = (rng.random(R) < 0.085 * r_src_miss) & ~sparse & ~rel
    df = pl.DataFrame(
        {
            "name": name_s,
            "father": father_s,
            "rel": rel,
            "marker": marker,
            "fmiss": fmiss,
        }
    )
    df = df.with_columns(
        pl.when(pl.col("rel") & pl.col("father").is_not_null())
        .then(
            pl.concat_str(
                [pl.col("name"), pl.col("marker"), pl.col("father")], separator=" "
            )
        )
        .otherwise(pl.col("name"))
        .alias("name"),
        pl.when(pl.col("rel") | pl.col("fmiss"))
        .then(None)
        .otherwise(pl.col("father"))
        .alias("father"),
    )

    # ---- other fields ----
    # sex as written
    sex_styles = np.array(
        [["F", "M"], ["Female", "Male"], ["female", "male"], ["FEMALE", "MALE"]]
    )
    st = np.where(rng.random(R) < 0.8, src_sexstyle[src], rng.integers(0, 4, R))
    sex_w = np.where(rng.random(R) < 0.004, 1 - sex[pid], sex[pid]).astype(int)
    sex_str = sex_styles[st, sex_w]
    sx = rng.random(R)
    sex_missing = (sx < 0.035 * r_src_miss) | sparse
    sex_blank = (~sex_missing) & (sx < 0.05 * r_src_miss)

    # age / date of birth
    mode_u = rng.random(R)
    # 0 age only, 1 dob only, 2 both, 3 neither
    p_age_only = np.where(rchild, 0.58, 0.48)
    p_dob_only = 0.12
    p_both = 0.13
    p_none = np.clip(0.27 * r_src_miss, 0, 0.9)
    tot = p_age_only + p_dob_only + p_both + p_none
    c1 = p_age_only / tot
    c2 = c1 + p_dob_only / tot
    c3 = c2 + p_both / tot
    mode = np.select([mode_u < c1, mode_u < c2, mode_u < c3], [0, 1, 2], 3)
    mode[sparse] = 3
    age_noise = rng.random(R)
    age_w = (
        rage_true
        + np.where(age_noise < 0.10, -1, 0)
        + np.where((age_noise >= 0.10) & (age_noise < 0.20), 1, 0)
        + np.where((age_noise >= 0.20) & (age_noise < 0.235), -2, 0)
        + np.where((age_noise >= 0.235) & (age_noise < 0.27), 2, 0)
    )
    heap = (rage_true >= 18) & (rng.random(R) < 0.15)
    age_w = np.where(heap, np.round(rage_true / 5) * 5, age_w)
    age_w = np.maximum(age_w, 0).astype(np.int64)
    has_age = (mode == 0) | (mode == 2)

    dob_r = dob[pid].copy()
    dn = rng.random(R)
    dob_dt = dob_r.astype("datetime64[D]")
    yr = dob_dt.astype("datetime64[Y]")
    jan1 = yr.astype("datetime64[D]").astype(np.int64)
    from_age = (
        (rdate.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) - age_w)
        .astype("datetime64[Y]")
        .astype("datetime64[D]")
        .astype(np.int64)
    )
    dob_r = np.where(dn < 0.15, jan1, np.where(dn < 0.20, from_age, dob_r))
    dob_series = pl.Series("dob", dob_r.astype("datetime64[D]"))
    swap_dm = (dn >= 0.20) & (dn < 0.23)
    yr_off = (dn >= 0.23) & (dn < 0.25)
    dobdf = pl.DataFrame(
        {"d": dob_series, "swap": swap_dm, "yo": yr_off, "off": rng.choice([-1, 1], R)}
    )
    dobdf = dobdf.with_columns(
        pl.when(
            pl.col("swap")
            & (pl.col("d").dt.day() <= 12)
            & (pl.col("d").dt.day() != pl.col("d").dt.month())
        )
        .then(
            pl.date(pl.col("d").dt.year(), pl.col("d").dt.day(), pl.col("d").dt.month())
        )
        .when(
            pl.col("yo")
            & ~((pl.col("d").dt.month() == 2) & (pl.col("d").dt.day() == 29))
        )
        .then(
            pl.date(
                pl.col("d").dt.year() + pl.col("off"),
                pl.col("d").dt.month(),
                pl.col("d").dt.day(),
            )
        )
        .otherwise(pl.col("d"))
        .alias("d")
    )
    has_dob = (mode == 1) | (mode == 2)

    # CNIC
    rchild_cnic = has_cnic[pid]
    show_p = np.where(rchild, 0.32, 0.58) / np.maximum(r_src_miss, 0.1) ** 0.5
    show = (rng.random(R) < show_p) & ~sparse
    own = show & rchild_cnic
    parent = (
        show & ~rchild_cnic & rchild & (rng.random(R) < 0.55) & f_has_cnic[fam[pid]]
    )
    cnic = np.where(own, p_cnic[pid], np.where(parent, f_cnic[fam[pid]], -1))
    # one-digit typos and transpositions
    ct = rng.random(R)
    typo_sub = (cnic >= 0) & (ct < cnic_typo_rate)
    typo_tr = (cnic >= 0) & (ct >= cnic_typo_rate) & (ct < cnic_typo_rate * 1.25)
    pos = rng.integers(0, 13, R)
    pw = 10 ** (12 - pos)
    digit = (cnic // pw) % 10
    newd = (digit + rng.integers(1, 10, R)) % 10
    cnic = np.where(typo_sub, cnic + (newd - digit) * pw, cnic)
    pos2 = np.minimum(pos, 11)
    pa, pb = 10 ** (12 - pos2), 10 ** (11 - pos2)
    da, db = (cnic // pa) % 10, (cnic // pb) % 10
    cnic = np.where(typo_tr, cnic + (db - da) * pa + (da - db) * pb, cnic)
    cnic_fmt = rng.random(R)
    dash = cnic_fmt < src_dash[src]
    space = (~dash) & (cnic_fmt < src_dash[src] + 0.03)

    # phone
    ph_show = (
        rng.random(R)
        < np.where(rchild, 0.42, 0.55) / np.maximum(r_src_miss, 0.1) ** 0.5
    ) & ~sparse
    newsim = (rank > 0) & (rng.random(R) < 0.15)
    phone = np.where(newsim, _phones(R), p_phone[pid])
    ph_typo = rng.random(R) < 0.01
    ppos = rng.integers(3, 10, R)
    pw10 = 10 ** (9 - ppos)
    pdg = (phone // pw10) % 10
    phone = np.where(
        ph_typo, phone + (((pdg + rng.integers(1, 10, R)) % 10) - pdg) * pw10, phone
    )
    phone = np.where(ph_show, phone, -1)
    ph_style = _cat_sample(
        rng, _cum(np.array([[45, 30, 10, 5, 3, 5, 2]], float)), np.zeros(R, np.int64)
    )

    # district
    dist_show = (rng.random(R) >= 0.12 * r_src_miss) & ~sparse
    rescue_place = rng.random(R) < 0.07
    rd = np.where(rescue_place, src_home[src], p_dist[pid])
    dvar = [_district_variants(d) for d in dnames]
    # tehsil replaces the district in some records
    tehs = [
        [t.strip() for t in _TEHSILS.get(d, "").split(",") if t.strip()] for d in dnames
    ]
    lists = []
    for (s_, w_), th in zip(dvar, tehs, strict=True):
        if th:
            w_ = np.concatenate([w_ * 0.9, np.full(len(th), 0.1 / len(th))])
            s_ = s_ + th
        lists.append((s_, w_))
    dt = _Table(lists)
    dstr = dt.render(dt.sample(np.where(dist_show, rd, -1), rng.random(R)))
    dstr = _apply_typos(
        dstr, (rng.random(R) < 0.02) & dist_show, np.zeros(R, bool), seed * 7 + 3, 0
    )

    # ---- assemble ----
    src_codes = np.array([s[1] for s in _SOURCES])
    kind_r = src_kind[src]
    out = pl.DataFrame(
        {
            "pid": pid,
            "src": src,
            "kind": kind_r,
            "code": src_codes[src],
            "name": df["name"],
            "father_name": df["father"],
            "sex": sex_str,
            "sex_missing": sex_missing,
            "sex_blank": sex_blank,
            "age": age_w,
            "has_age": has_age,
            "dob": dobdf["d"],
            "has_dob": has_dob,
            "cnic": cnic,
            "dash": dash,
            "space": space,
            "phone": phone,
            "ph_style": ph_style,
            "district": dstr,
            "date": rdate.astype("datetime64[D]"),
            "serial": serial,
            "caps": caps,
            "lower": lower,
            "is_urdu": is_urdu,
        }
    )
    cn = pl.col("cnic").cast(pl.String).str.zfill(13)
    ph = pl.col("phone").cast(pl.String)  # 10 digits, 3XXXXXXXXX
    yyyy = pl.col("date").dt.year().cast(pl.String)
    yy = yyyy.str.slice(2, 2)
    ser = pl.col("serial").cast(pl.String)

    out = out.with_columns(
        pl.when(pl.col("caps") & ~pl.col("is_urdu"))
        .then(pl.col("name").str.to_uppercase())
        .when(pl.col("lower") & ~pl.col("is_urdu"))
        .then(pl.col("name").str.to_lowercase())
        .otherwise(pl.col("name"))
        .alias("name"),
        pl.when(pl.col("caps") & ~pl.col("is_urdu"))
        .then(pl.col("father_name").str.to_uppercase())
        .when(pl.col("lower") & ~pl.col("is_urdu"))
        .then(pl.col("father_name").str.to_lowercase())
        .otherwise(pl.col("father_name"))
        .alias("father_name"),
        pl.when(pl.col("caps"))
        .then(pl.col("district").str.to_uppercase())
        .when(pl.col("lower"))
        .then(pl.col("district").str.to_lowercase())
        .otherwise(pl.col("district"))
        .alias("district"),
        pl.when(pl.col("sex_missing"))
        .then(None)
        .when(pl.col("sex_blank"))
        .then(pl.lit(""))
        .otherwise(pl.col("sex"))
        .alias("sex"),
        pl.when(pl.col("has_age"))
        .then(pl.col("age"))
        .otherwise(None)
        .cast(pl.Int64)
        .alias("age"),
        pl.when(pl.col("has_dob"))
        .then(pl.col("dob").dt.strftime("%Y-%m-%d"))
        .otherwise(None)
        .alias("date_of_birth"),
        pl.when(pl.col("cnic") < 0)
        .then(None)
        .when(pl.col("dash"))
        .then(
            pl.concat_str(
                [
                    cn.str.slice(0, 5),
                    pl.lit("-"),
                    cn.str.slice(5, 7),
                    pl.lit("-"),
                    cn.str.slice(12, 1),
                ]
            )
        )
        .when(pl.col("space"))
        .then(
            pl.concat_str(
                [
                    cn.str.slice(0, 5),
                    pl.lit(" "),
                    cn.str.slice(5, 7),
                    pl.lit(" "),
                    cn.str.slice(12, 1),
                ]
            )
        )
        .otherwise(cn)
        .alias("cnic"),
        pl.when(pl.col("phone") < 0)
        .then(None)
        .when(pl.col("ph_style") == 0)
        .then(
            pl.concat_str(
                [pl.lit("0"), ph.str.slice(0, 3), pl.lit("-"), ph.str.slice(3, 7)]
            )
        )
        .when(pl.col("ph_style") == 1)
        .then(pl.concat_str([pl.lit("0"), ph]))
        .when(pl.col("ph_style") == 2)
        .then(pl.concat_str([pl.lit("+92"), ph]))
        .when(pl.col("ph_style") == 3)
        .then(
            pl.concat_str(
                [pl.lit("+92 "), ph.str.slice(0, 3), pl.lit(" "), ph.str.slice(3, 7)]
            )
        )
        .when(pl.col("ph_style") == 4)
        .then(
            pl.concat_str(
                [pl.lit("92-"), ph.str.slice(0, 3), pl.lit("-"), ph.str.slice(3, 7)]
            )
        )
        .when(pl.col("ph_style") == 5)
        .then(
            pl.concat_str(
                [pl.lit("0"), ph.str.slice(0, 3), pl.lit(" "), ph.str.slice(3, 7)]
            )
        )
        .otherwise(ph)
        .alias("phone"),
        pl.when(pl.col("kind") == 0)
        .then(pl.concat_str([pl.col("code"), pl.lit("/FIR/"), ser, pl.lit("/"), yyyy]))
        .when(pl.col("kind") == 1)
        .then(
            pl.concat_str(
                [pl.col("code"), pl.lit("-"), yyyy, pl.lit("-"), ser.str.zfill(5)]
            )
        )
        .when(pl.col("kind") == 2)
        .then(pl.concat_str([pl.col("code"), pl.lit("/FIR/"), ser, pl.lit("/"), yy]))
        .otherwise(
            pl.concat_str(
                [pl.col("code"), pl.lit("-ADM-"), yyyy, pl.lit("-"), ser.str.zfill(4)]
            )
        )
        .alias("case_id"),
        pl.col("date").dt.strftime("%Y-%m-%d").alias("date"),
    )
    perm = rng.permutation(R)
    width = max(7, len(str(R)))
    rec_num = rng.permutation(R)  # record ids carry no ordering information
    out = out.with_columns(
        pl.concat_str(
            [pl.lit("R"), pl.Series("rn", rec_num).cast(pl.String).str.zfill(width)]
        ).alias("record_id"),
        pl.concat_str(
            [pl.lit("P"), pl.col("pid").cast(pl.String).str.zfill(width)]
        ).alias("true_person_id"),
        pl.Series("source", np.array(src_names)[src]).alias("source"),
    )
    cols = [
        "record_id",
        "true_person_id",
        "source",
        "name",
        "father_name",
        "sex",
        "age",
        "date_of_birth",
        "cnic",
        "phone",
        "district",
        "case_id",
        "date",
    ]
    if with_truth:

        def canon(Tm):
            c = [
                rt.render(
                    np.where(Tm[:, j] >= 0, rt.start[np.maximum(Tm[:, j], 0)], rt.null)
                ).alias(f"c{j}")
                for j in range(5)
            ]
            return (
                pl.DataFrame(c)
                .select(pl.concat_str(pl.all(), separator=" ", ignore_nulls=True))
                .to_series()
            )

        out = out.with_columns(
            pl.concat_str(
                [pl.lit("F"), pl.Series(fam[pid]).cast(pl.String).str.zfill(width)]
            ).alias("true_family_id"),
            canon(p_name).gather(pid).alias("true_name"),
            canon(p_father).gather(pid).alias("true_father_name"),
        )
        cols += ["true_family_id", "true_name", "true_father_name"]
    return out.select(cols)[perm]


# ---------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------


def _summary(df: pl.DataFrame) -> str:
    per = df.group_by("true_person_id").len()["len"]
    pairs = int((per * (per - 1) // 2).sum())
    lines = [
        f"records {df.height:,}  persons {per.len():,}  true duplicate pairs {pairs:,}",
        "records per person: "
        + ", ".join(f"{k}: {v:,}" for k, v in sorted(per.value_counts().rows())),
    ]
    miss = {c: df[c].null_count() / df.height for c in df.columns}
    lines.append(
        "missing: " + ", ".join(f"{c} {v:.1%}" for c, v in miss.items() if v > 0)
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of records")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", required=True, help="output .parquet or .csv")
    ap.add_argument("--duplicate-rate", type=float, default=0.30)
    ap.add_argument("--max-records-per-person", type=int, default=6)
    ap.add_argument("--translit-noise", type=float, default=0.5)
    ap.add_argument("--typo-rate", type=float, default=0.06)
    ap.add_argument(
        "--with-truth",
        action="store_true",
        help="add true_family_id, true_name, true_father_name columns",
    )
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    t = time.perf_counter()
    df = generate(
        a.n,
        seed=a.seed,
        duplicate_rate=a.duplicate_rate,
        max_records_per_person=a.max_records_per_person,
        translit_noise=a.translit_noise,
        typo_rate=a.typo_rate,
        with_truth=a.with_truth,
    )
    t_gen = time.perf_counter() - t
    out = Path(a.output)
    if out.suffix == ".csv":
        df.write_csv(out)
    else:
        df.write_parquet(out)
    if not a.quiet:
        print(
            f"generated {df.height:,} records in {t_gen:.1f}s; wrote {out} "
            f"in {time.perf_counter() - t - t_gen:.1f}s",
            file=sys.stderr,
        )
        print(_summary(df), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
