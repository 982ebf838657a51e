#!/usr/bin/env python3
"""Generate the held-out 'unseen returns' set: monthly returns of ten reporting units
(FIA circles, police, shelter, child protection bureau, NGO) for Feb-Apr 2023, with truth.csv,
sheet_kind.csv and README.md.  Everything is invented (names, CNIC-shaped numbers, phones).

Run:  python3 make_set.py      (seeded; regenerates the same bytes)
"""
import csv
import datetime as dt
import io
import os
import random
import re
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font
import xlwt

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20230501
R = random.Random(SEED)
D = dt.date

# ---------------------------------------------------------------------------------------------
# 1. Reference data: name tokens (canonical Roman, Urdu, Roman variants)
# ---------------------------------------------------------------------------------------------
MALE_TOK = """
Muhammad|محمد|Muhammad,Mohammad,Muhammed,Mohammed,Mohd
Ahmad|احمد|Ahmad,Ahmed
Ali|علی|Ali
Imran|عمران|Imran
Asif|آصف|Asif,Aasif
Bilal|بلال|Bilal
Usman|عثمان|Usman,Osman
Hamza|حمزہ|Hamza
Zeeshan|ذیشان|Zeeshan,Zishan
Kashif|کاشف|Kashif
Naveed|نوید|Naveed,Navid
Waqas|وقاص|Waqas,Waqqas
Adnan|عدنان|Adnan
Farhan|فرحان|Farhan
Shahid|شاہد|Shahid
Zahid|زاہد|Zahid,Zaheed
Sajid|ساجد|Sajid
Majid|ماجد|Majid
Tariq|طارق|Tariq,Tarik
Khalid|خالد|Khalid
Nadeem|ندیم|Nadeem,Nadim
Qaiser|قیصر|Qaiser,Qaisar
Arshad|ارشد|Arshad
Irfan|عرفان|Irfan
Rizwan|رضوان|Rizwan
Sohail|سہیل|Sohail,Suhail
Shahzad|شہزاد|Shahzad
Danish|دانش|Danish
Faisal|فیصل|Faisal,Faysal
Haider|حیدر|Haider,Haidar
Abbas|عباس|Abbas
Raza|رضا|Raza
Hassan|حسن|Hassan,Hasan
Hussain|حسین|Hussain,Husain,Hussein
Umar|عمر|Umar,Umer,Omar
Usama|اسامہ|Usama,Osama
Saqib|ثاقب|Saqib
Tahir|طاہر|Tahir
Yasir|یاسر|Yasir,Yaser
Junaid|جنید|Junaid
Fahad|فہد|Fahad,Fahd
Shoaib|شعیب|Shoaib
Waseem|وسیم|Waseem,Wasim
Akram|اکرم|Akram
Aslam|اسلم|Aslam
Nazir|نذیر|Nazir,Nazeer
Bashir|بشیر|Bashir,Basheer
Rasheed|رشید|Rasheed,Rashid
Rafiq|رفیق|Rafiq,Rafique
Sadiq|صادق|Sadiq,Sadique
Siddique|صدیق|Siddique,Siddiq
Yousaf|یوسف|Yousaf,Yousuf,Yusuf
Iqbal|اقبال|Iqbal
Javed|جاوید|Javed,Javaid
Pervaiz|پرویز|Pervaiz,Parvez
Latif|لطیف|Latif,Lateef
Hanif|حنیف|Hanif,Haneef
Sharif|شریف|Sharif,Shareef
Ghulam|غلام|Ghulam
Rasool|رسول|Rasool,Rasul
Qadir|قادر|Qadir
Mustafa|مصطفیٰ|Mustafa
Mushtaq|مشتاق|Mushtaq
Ishaq|اسحاق|Ishaq
Ashraf|اشرف|Ashraf
Anwar|انور|Anwar
Munir|منیر|Munir,Muneer
Nawaz|نواز|Nawaz
Riaz|ریاض|Riaz
Ijaz|اعجاز|Ijaz,Ejaz
Zafar|ظفر|Zafar
Ilyas|الیاس|Ilyas
Younas|یونس|Younas,Younis
Ramzan|رمضان|Ramzan
Shafiq|شفیق|Shafiq,Shafique
Saleem|سلیم|Saleem,Salim
Naeem|نعیم|Naeem
Jamil|جمیل|Jamil,Jameel
Shakeel|شکیل|Shakeel,Shakil
Rehman|رحمان|Rehman,Rahman
Khan|خان|Khan
Gul|گل|Gul
Noor|نور|Noor,Nur
Din|دین|Din,Deen
Sher|شیر|Sher
Amjad|امجد|Amjad
Sabir|صابر|Sabir
Shabbir|شبیر|Shabbir,Shabir
Kamran|کامران|Kamran
Arif|عارف|Arif
Akhtar|اختر|Akhtar
Babar|بابر|Babar
Jahangir|جہانگیر|Jahangir
Manzoor|منظور|Manzoor
Maqsood|مقصود|Maqsood,Maqsud
Mehmood|محمود|Mehmood,Mahmood,Mahmud
Safdar|صفدر|Safdar
Sarwar|سرور|Sarwar
Allah|اللہ|Allah
Ditta|دتہ|Ditta
Karim|کریم|Karim,Kareem
Dilawar|دلاور|Dilawar
Sikandar|سکندر|Sikandar,Sikander
Zulfiqar|ذوالفقار|Zulfiqar,Zulfqar
Shaukat|شوکت|Shaukat,Shoukat
Bakhsh|بخش|Bakhsh,Bux,Buksh
Wali|ولی|Wali
Jan|جان|Jan
Siraj|سراج|Siraj
Ramesh|رمیش|Ramesh
Kishan|کشن|Kishan
Lal|لال|Lal
Mohan|موہن|Mohan
Zabihullah|ذبیح اللہ|Zabihullah,Zabiullah
Rahmatullah|رحمت اللہ|Rahmatullah,Rehmatullah
Abul|ابوالکلام|Abul
Kalam|کلام|Kalam
Rafiqul|رفیق الاسلام|Rafiqul
Islam|اسلام|Islam
Sumon|سومن|Sumon
"""

FEMALE_TOK = """
Ayesha|عائشہ|Ayesha,Aisha,Aysha
Fatima|فاطمہ|Fatima,Fatema
Zainab|زینب|Zainab,Zenab
Sana|ثنا|Sana
Rabia|رابعہ|Rabia
Kiran|کرن|Kiran
Nasreen|نسرین|Nasreen,Nasrin
Parveen|پروین|Parveen,Parvin
Shazia|شازیہ|Shazia
Samina|ثمینہ|Samina,Sameena
Shabana|شبانہ|Shabana
Nazia|نازیہ|Nazia
Rukhsana|رخسانہ|Rukhsana
Saima|صائمہ|Saima
Bushra|بشریٰ|Bushra
Asma|اسماء|Asma
Sadia|سعدیہ|Sadia
Amna|آمنہ|Amna,Aamna
Mehwish|مہوش|Mehwish
Iqra|اقرا|Iqra
Hina|حنا|Hina
Farzana|فرزانہ|Farzana
Naseem|نسیم|Naseem
Sughra|صغریٰ|Sughra,Soghra
Kausar|کوثر|Kausar,Kosar
Razia|رضیہ|Razia
Sakina|سکینہ|Sakina,Sakeena
Maryam|مریم|Maryam,Mariam
Uzma|عظمیٰ|Uzma
Tahira|طاہرہ|Tahira
Naila|نائلہ|Naila
Ambreen|عنبرین|Ambreen
Sidra|سدرہ|Sidra
Anum|انعم|Anum
Mehak|مہک|Mehak
Muskan|مسکان|Muskan
Noreen|نورین|Noreen
Shamim|شمیم|Shamim,Shameem
Zubaida|زبیدہ|Zubaida
Jameela|جمیلہ|Jameela,Jamila
Rehana|ریحانہ|Rehana
Nusrat|نصرت|Nusrat
Shahnaz|شہناز|Shahnaz
Bibi|بی بی|Bibi
Begum|بیگم|Begum
Shahzadi|شہزادی|Shahzadi
Rupa|روپا|Rupa
Shirin|شیریں|Shirin
Moni|مونی|Moni
Rina|رینا|Rina
Khatun|خاتون|Khatun,Khatoon
Rahima|رحیمہ|Rahima
Nasima|نسیمہ|Nasima
Akter|اختر|Akter,Akhter
Sita|سیتا|Sita
Lakshmi|لکشمی|Lakshmi,Laxmi
Radha|رادھا|Radha
Bijli|بجلی|Bijli
Chanda|چندا|Chanda
Reshma|ریشماں|Reshma
Nisha|نشا|Nisha
"""


def _parse_tok(block):
    out = {}
    for line in block.strip().splitlines():
        c, u, v = line.split("|")
        out[c] = (u, v.split(","))
    return out


MT = _parse_tok(MALE_TOK)
FT = _parse_tok(FEMALE_TOK)
TOK = dict(MT)
for k, v in FT.items():
    TOK.setdefault(k, v)

M_GIVEN = ["Imran", "Asif", "Bilal", "Usman", "Hamza", "Zeeshan", "Kashif", "Naveed", "Waqas",
           "Adnan", "Farhan", "Shahid", "Zahid", "Sajid", "Majid", "Tariq", "Khalid", "Nadeem",
           "Qaiser", "Arshad", "Irfan", "Rizwan", "Sohail", "Shahzad", "Danish", "Faisal",
           "Haider", "Hassan", "Umar", "Usama", "Saqib", "Tahir", "Yasir", "Junaid", "Fahad",
           "Shoaib", "Waseem", "Kamran", "Arif", "Babar", "Amjad", "Sabir", "Shabbir", "Ali",
           "Ijaz", "Naeem", "Shakeel", "Sikandar", "Dilawar", "Zulfiqar", "Jahangir", "Sohail"]
M_SECOND = ["Ali", "Ahmad", "Raza", "Abbas", "Hussain", "Iqbal", "Akram", "Javed", "Khan",
            "Haider", "Shahzad", "Hassan", "Mehmood", "Akhtar", "Rehman", "Nawaz", "Ashraf"]
F_OLD = ["Akram", "Aslam", "Nazir", "Bashir", "Rasheed", "Rafiq", "Sadiq", "Siddique",
         "Yousaf", "Iqbal", "Javed", "Pervaiz", "Latif", "Hanif", "Sharif", "Mushtaq", "Ishaq",
         "Ashraf", "Anwar", "Munir", "Nawaz", "Riaz", "Zafar", "Ilyas", "Younas", "Ramzan",
         "Shafiq", "Saleem", "Naeem", "Jamil", "Manzoor", "Maqsood", "Mehmood", "Safdar",
         "Sarwar", "Karim", "Shaukat", "Qadir", "Arshad", "Tariq", "Khalid", "Amjad", "Akhtar"]
F_GIVEN = ["Ayesha", "Fatima", "Zainab", "Sana", "Rabia", "Kiran", "Nasreen", "Parveen",
           "Shazia", "Samina", "Shabana", "Nazia", "Rukhsana", "Saima", "Bushra", "Asma",
           "Sadia", "Amna", "Mehwish", "Iqra", "Hina", "Farzana", "Naseem", "Sughra", "Kausar",
           "Razia", "Sakina", "Maryam", "Uzma", "Tahira", "Naila", "Ambreen", "Sidra", "Anum",
           "Mehak", "Muskan", "Noreen", "Shamim", "Zubaida", "Jameela", "Rehana", "Nusrat",
           "Shahnaz"]
F_CHILD = ["Ayesha", "Fatima", "Zainab", "Sana", "Rabia", "Iqra", "Mehak", "Muskan", "Anum",
           "Sidra", "Amna", "Maryam", "Hina", "Kiran", "Noreen"]
BGD_F = [["Rupa", "Akter"], ["Shirin", "Akter"], ["Moni", "Begum"], ["Rina", "Khatun"],
         ["Rahima", "Khatun"], ["Nasima", "Begum"], ["Rupa", "Khatun"], ["Moni", "Akter"],
         ["Shirin", "Begum"], ["Nasima", "Akter"], ["Rahima", "Begum"], ["Rina", "Akter"]]
BGD_M = [["Abul", "Kalam"], ["Rafiqul", "Islam"], ["Sumon"], ["Abul", "Hussain"],
         ["Muhammad", "Sumon"], ["Rafiqul", "Hassan"]]
AFG_M = [["Zabihullah"], ["Rahmatullah"], ["Gul", "Wali"], ["Noor", "Jan"], ["Wali", "Khan"],
         ["Sher", "Jan"], ["Gul", "Khan"], ["Jan", "Muhammad"], ["Noor", "Wali"]]
HINDU_M = [["Ramesh"], ["Kishan"], ["Mohan", "Lal"], ["Kishan", "Lal"], ["Ramesh", "Kumar"]]
HINDU_F = [["Sita"], ["Lakshmi"], ["Radha"], ["Sita", "Bai"], ["Lakshmi", "Bai"]]
TOK["Kumar"] = ("کمار", ["Kumar"])
TOK["Bai"] = ("بائی", ["Bai"])
TG_NAMES = [["Bijli"], ["Chanda"], ["Reshma"], ["Nisha"], ["Chanda", "Bibi"], ["Reshma", "Bibi"]]

# ---------------------------------------------------------------------------------------------
# 2. Places.  district -> (province, [roman variants], urdu, [towns])
# ---------------------------------------------------------------------------------------------
PROV = {"PB": "Punjab", "SD": "Sindh", "KP": "Khyber Pakhtunkhwa", "BA": "Balochistan",
        "IS": "Islamabad Capital Territory", "GB": "Gilgit-Baltistan",
        "AJ": "Azad Jammu & Kashmir"}
DIST = {
    "Lahore": ("PB", ["Lahore", "LAHORE", "Lhr", "Lahor"], "لاہور", ["Raiwind"], "3520"),
    "Gujranwala": ("PB", ["Gujranwala", "Gujranwalla", "Gujrawala"], "گوجرانوالہ",
                   ["Qila Didar Singh", "Kamoke", "Nowshera Virkan", "Eminabad"], "3410"),
    "Gujrat": ("PB", ["Gujrat", "Gujarat", "GUJRAT"], "گجرات",
               ["Kharian", "Lalamusa", "Jalalpur Jattan", "Sarai Alamgir", "Kunjah"], "3420"),
    "Sialkot": ("PB", ["Sialkot", "Sialkote", "Sailkot"], "سیالکوٹ",
                ["Daska", "Sambrial", "Pasrur"], "3460"),
    "Sheikhupura": ("PB", ["Sheikhupura", "Shekhupura", "Sheikhupora"], "شیخوپورہ",
                    ["Muridke", "Ferozewala", "Sharaqpur"], "3540"),
    "Kasur": ("PB", ["Kasur", "Qasur", "Kasoor"], "قصور",
              ["Chunian", "Pattoki", "Kot Radha Kishan"], "3510"),
    "Mandi Bahauddin": ("PB", ["Mandi Bahauddin", "M.B.Din", "Mandi Bahaud Din", "Mandi Baha-ud-Din"],
                        "منڈی بہاؤالدین", ["Phalia", "Malakwal"], "3440"),
    "Hafizabad": ("PB", ["Hafizabad", "Hafiz Abad"], "حافظ آباد", ["Pindi Bhattian"], "3430"),
    "Narowal": ("PB", ["Narowal", "Narowaal"], "نارووال", ["Shakargarh", "Zafarwal"], "3450"),
    "Faisalabad": ("PB", ["Faisalabad", "Faislabad", "Lyallpur"], "فیصل آباد",
                   ["Jaranwala", "Samundri"], "3310"),
    "Jhelum": ("PB", ["Jhelum", "Jehlum"], "جہلم", ["Dina", "Sohawa"], "3730"),
    "Rawalpindi": ("PB", ["Rawalpindi", "Pindi", "R.Pindi"], "راولپنڈی",
                   ["Taxila", "Gujar Khan"], "3740"),
    "Nankana Sahib": ("PB", ["Nankana Sahib", "Nankana", "Nankana Saheb"], "ننکانہ صاحب",
                      ["Shahkot", "Sangla Hill"], "3550"),
    "Okara": ("PB", ["Okara"], "اوکاڑہ", ["Renala Khurd", "Depalpur"], "3530"),
    "Sahiwal": ("PB", ["Sahiwal", "Montgomery"], "ساہیوال", ["Chichawatni"], "3650"),
    "Bahawalnagar": ("PB", ["Bahawalnagar", "Bahawal Nagar"], "بہاولنگر",
                     ["Chishtian", "Haroonabad"], "3110"),
    "Rahim Yar Khan": ("PB", ["Rahim Yar Khan", "R.Y.Khan", "RY Khan"], "رحیم یار خان",
                       ["Sadiqabad", "Khanpur"], "3130"),
    "Vehari": ("PB", ["Vehari", "Vihari"], "وہاڑی", ["Burewala"], "3660"),
    "Multan": ("PB", ["Multan"], "ملتان", ["Shujabad"], "3630"),
    "Attock": ("PB", ["Attock", "Campbellpur"], "اٹک", ["Hasan Abdal"], "3710"),
    "Islamabad": ("IS", ["Islamabad", "ISLAMABAD"], "اسلام آباد", [], "6110"),
    "Sanghar": ("SD", ["Sanghar"], "سانگھڑ", ["Tando Adam", "Shahdadpur"], "4430"),
    "Mirpur Khas": ("SD", ["Mirpur Khas", "Mirpurkhas"], "میرپور خاص", ["Digri"], "4410"),
    "Umer Kot": ("SD", ["Umerkot", "Umer Kot", "Umarkot"], "عمرکوٹ", ["Kunri"], "4440"),
    "Tharparkar": ("SD", ["Tharparkar"], "تھرپارکر", ["Mithi"], "4420"),
    "Shaheed Benazirabad": ("SD", ["Nawabshah", "Shaheed Benazirabad"], "نوابشاہ", [], "4540"),
    "Karachi East": ("SD", ["Karachi East", "East Karachi"], "", ["Gulshan-e-Iqbal"], "4220"),
    "Karachi West": ("SD", ["Karachi West", "West Karachi"], "", ["Orangi Town"], "4240"),
    "Karachi South": ("SD", ["Karachi South", "South Karachi"], "", ["Lyari"], "4230"),
    "Karachi Central": ("SD", ["Karachi Central", "Central Karachi"], "", ["North Nazimabad"], "4210"),
    "Korangi": ("SD", ["Korangi"], "", ["Landhi"], "4250"),
    "Keamari": ("SD", ["Keamari", "Kemari"], "", [], "4250"),
    "Malir": ("SD", ["Malir"], "", [], "4250"),
    "Peshawar": ("KP", ["Peshawar"], "پشاور", [], "1730"),
    "Mardan": ("KP", ["Mardan"], "مردان", ["Takht Bhai"], "1610"),
    "Swat": ("KP", ["Swat"], "سوات", ["Mingora"], "1560"),
    "Mirpur": ("AJ", ["Mirpur AJK", "Mirpur (AK)", "Mirpur Azad Kashmir"], "میرپور آزاد کشمیر",
               ["Dadyal"], "8120"),
    "Kotli": ("AJ", ["Kotli AJK", "Kotli (AJK)"], "کوٹلی", [], "8130"),
    "Bhimber": ("AJ", ["Bhimber", "Bhimbar"], "بھمبر", ["Samahni"], "8110"),
    "Quetta": ("BA", ["Quetta"], "کوئٹہ", [], "5440"),
}
TOWN2DIST = {t: d for d, v in DIST.items() for t in v[3]}
MOHALLA = ["Madina Colony", "Mohallah Arainan", "Islampura", "Gulshan Colony", "Faisal Colony",
           "Mohallah Sheikhan", "Mohallah Qasaban", "Gulzar Colony", "Mohallah Kashmiri",
           "Mohallah Jattan", "Christian Colony", "Mohallah Rasoolpura", "Mohallah Nizamabad"]
MOHALLA_UR = {"Madina Colony": "مدینہ کالونی", "Mohallah Arainan": "محلہ آرائیاں",
              "Islampura": "اسلام پورہ", "Ghaziabad": "غازی آباد", "Shadbagh": "شاد باغ",
              "Mohallah Rasoolpura": "محلہ رسول پورہ", "Gulshan Colony": "گلشن کالونی",
              "Faisal Colony": "فیصل کالونی", "Mohallah Sheikhan": "محلہ شیخاں",
              "Basti Saidan": "بستی سیداں", "Mohallah Qasaban": "محلہ قصاباں",
              "Rehmanpura": "رحمان پورہ", "Mohallah Nizamabad": "محلہ نظام آباد",
              "Gulzar Colony": "گلزار کالونی", "Muslim Town": "مسلم ٹاؤن",
              "Mohallah Kashmiri": "محلہ کشمیری", "Usmanpura": "عثمان پورہ",
              "Baghbanpura": "باغبانپورہ", "Mohallah Jattan": "محلہ جٹاں",
              "Christian Colony": "کرسچن کالونی", "Mohallah Bilal Ganj": "محلہ بلال گنج",
              "Sanda Khurd": "سانده خورد"}
VILLAGE = ["Kot Ladha", "Dhonkal Kalan", "Bhopalwala", "Chak Bhatti", "Dera Jattan",
           "Mauza Khokhar", "Kot Nawab", "Thatta Sher Khan", "Chak Ramdas", "Dhok Mian",
           "Bhatti Bhangoo", "Mauza Chhina", "Chak Dogran",
           "Kot Hara", "Chak Sada", "Dhariwal", "Mauza Noon", "Kot Sahib Din"]
KILNS = ["Bhatta Haji Rafiq", "Al-Madina Bricks", "Bhatta Ch. Sarwar", "Shahbaz Bricks Co.",
         "Bhatta Malik Nawaz", "Usman Brick Kiln", "Bhatta Rana Iqbal", "Zamindara Farm (haari)",
         "Bhatta Sheikh Latif", "Al-Noor Bhatta"]
OLD_NAMES = {"Faisalabad": "Lyallpur", "Sahiwal": "Montgomery", "Attock": "Campbellpur",
             "Shaheed Benazirabad": "Nawabshah"}
ROADS = ["Lahore Road", "Sialkot Road", "Gujranwala Road", "Multan Road", "Jhang Road",
         "Sheikhupura Road", "Faisalabad Road", "G.T. Road", "Kasur Road", "Narowal Road"]

# ---------------------------------------------------------------------------------------------
# 3. Law sections, statuses, exploitation vocabularies
# ---------------------------------------------------------------------------------------------
# key: (codes, [English renderings], [Urdu renderings])
SSETS = {
    "PTPA3": (["PTPA-2018:3"], ["3 PTPA", "u/s 3 PTPA 2018", "Sec. 3 PTPA-2018", "3 PTPA-2018",
                                "S.3 Prevention of Trafficking in Persons Act 2018"],
              ["3 پی ٹی پی اے", "دفعہ 3 پی ٹی پی اے 2018"]),
    "PTPA34": (["PTPA-2018:3", "PTPA-2018:4"], ["3/4 PTPA", "u/s 3,4 PTA 2018", "3, 4 PTPA 2018",
                                                "Sec 3/4 PTPA"], ["3/4 پی ٹی پی اے"]),
    "PTPA3_371A": (["PTPA-2018:3", "PPC:371-A"], ["3 PTPA r/w 371-A PPC", "3 PTPA, 371-A PPC",
                                                  "371-A PPC r/w 3 PTPA-2018"],
                   ["3 پی ٹی پی اے، 371-A ت پ"]),
    "PTPA3_371AB": (["PTPA-2018:3", "PPC:371-A", "PPC:371-B"],
                    ["3 PTPA r/w 371-A/371-B PPC", "3 PTPA, 371A/371B PPC"], []),
    "PTPA3_366A": (["PTPA-2018:3", "PPC:366-A"], ["3 PTPA r/w 366-A PPC"], []),
    "PTPA3_374": (["PTPA-2018:3", "PPC:374"], ["3 PTPA r/w 374 PPC", "3 PTPA, 374 PPC"], []),
    "PPC371AB": (["PPC:371-A", "PPC:371-B"], ["371-A/371-B PPC", "371A, 371B PPC",
                                              "371-A, 371-B P.P.C"], ["371-A/371-B ت پ"]),
    "PPC366A": (["PPC:366-A"], ["366-A PPC", "366A PPC"], ["دفعہ 366-A ت پ"]),
    "PPC365B": (["PPC:365-B"], ["365-B PPC", "365B PPC"], []),
    "PPC310A": (["PPC:310-A"], ["310-A PPC"], []),
    "PPC498B": (["PPC:498-B"], ["498-B PPC"], []),
    "PPC374": (["PPC:374"], ["374 PPC"], []),
    "BLSA11_374": (["BLSA-1992:11", "PPC:374"], ["11 BLSA r/w 374 PPC", "11 BLSA 1992, 374 PPC"], []),
    "BLSA4_11": (["BLSA-1992:4", "BLSA-1992:11"], ["4, 11 BLSA", "4/11 BLSA 1992"], []),
    "BLSA11": (["BLSA-1992:11"], ["11 BLSA", "Sec 11 Bonded Labour System (Abolition) Act 1992"], []),
    "PSMA3": (["PSMA-2018:3"], ["PSMA 2018 S.3", "3 PSMA", "3 PSMA 2018",
                                "S.3 Prevention of Smuggling of Migrants Act 2018"], []),
    "PSMA3_PTPA3": (["PSMA-2018:3", "PTPA-2018:3"], ["3 PSMA / 3 PTPA", "PSMA 2018 S.3 r/w PTPA S.3",
                                                     "3 PTPA, 3 PSMA 2018"], []),
    "PSMA3_FA14": (["PSMA-2018:3", "FA-1946:14"], ["3 PSMA r/w 14 FA", "3 PSMA 2018, 14 Foreigners Act"], []),
    "EO172": (["EO-1979:17(2)"], ["17(2) E.O", "17(2) EO 1979", "u/s 17(2) Emigration Ordinance"], []),
    "EO22_420": (["EO-1979:22", "PPC:420"], ["22 EO r/w 420 PPC", "22 E.O, 420 PPC",
                                             "22 EO 1979 r/w 420 P.P.C"], []),
    "EO22": (["EO-1979:22"], ["22 EO", "22 E.O 1979"], []),
    "EO18_420": (["EO-1979:18", "PPC:420"], ["18 EO r/w 420 PPC", "18 E.O, 420 PPC"], []),
    "EO171": (["EO-1979:17(1)"], ["17(1) EO", "17(1) E.O 1979"], []),
    "PA6": (["PA-1974:6"], ["6 PA 1974", "Sec 6 Passport Act 1974"], []),
    "PPC420": (["PPC:420"], ["420 PPC"], []),
    "PPC420_468_471": (["PPC:420", "PPC:468", "PPC:471"], ["420/468/471 PPC", "420, 468, 471 PPC"], []),
    "PPC363": (["PPC:363"], ["363 PPC"], ["دفعہ 363 ت پ"]),
    "THOTA9": (["THOTA-2010:9"], ["9 THOTA 2010"], []),
}
TIP_REL = {"PPC:366-A", "PPC:366-B", "PPC:370", "PPC:371", "PPC:371-A", "PPC:371-B", "PPC:374",
           "PPC:365-B", "PPC:498-B", "PPC:310-A"}
OTHER = {"PPC:359", "PPC:360", "PPC:361", "PPC:362", "PPC:363", "PPC:419", "PPC:420", "PPC:468",
         "PPC:471"}


def classify(codes):
    """crime_type per truth_spec (EO 17(1) counted as som_related: documented in README)."""
    if not codes:
        return ""
    s = set(codes)
    tip = any(c.startswith("PTPA") or c.startswith("PACHTO") for c in s)
    som = any(c.startswith("PSMA") for c in s)
    if tip and som:
        return "both"
    if tip:
        return "tip"
    if som:
        return "som"
    trel = any(c in TIP_REL or c.startswith("BLSA") or c.startswith("THOTA") for c in s)
    srel = any(c in ("EO-1979:17(1)", "EO-1979:17(2)", "EO-1979:17(4)") or c.startswith("PA-1974")
               for c in s)
    fraud = any(c in ("EO-1979:18", "EO-1979:22") for c in s)
    assert sum([trel, srel, fraud]) <= 1, codes
    if trel:
        return "tip_related"
    if srel:
        return "som_related"
    if fraud:
        return "migration_fraud"
    assert s <= OTHER, codes
    return "other"


STATUS_TXT = {
    "investigation": ["Under inv.", "UNDER INV.", "U/I", "PUI", "Under investigation (I.O: SI Tariq)",
                      "Under investigation", "Pending inv.", "under inv"],
    "prosecution": ["Challan submitted in court", "sent up", "U/T", "Challan submitted", "Under trial",
                    "Challaned"],
    "convicted": ["Convicted 7 years RI", "Convicted", "Convicted (3 yrs RI + fine)", "Accused convicted"],
    "acquitted": ["Acquited", "Acquitted", "Accused acquitted"],
    "absconding": ["PO", "Accused P.O", "Proclaimed offender", "Accused absconding"],
    "closed": ["cancelled", "Cancelled", "Filed", "Untraced", "Cancelled (compromise)"],
}
STATUS_UR = {"investigation": ["زیر تفتیش"], "prosecution": ["چالان", "چالان عدالت میں"],
             "convicted": ["سزا"], "acquitted": ["بری"], "absconding": ["اشتہاری"],
             "closed": ["خارج"]}
PROT_TXT = {
    "in_shelter": ["In shelter", "Residing", "Present in DUA", "Still in shelter"],
    "restored_to_family": ["Restored to parents", "Handed over to father", "Handed over to husband",
                           "Restored to family", "Handed over to brother"],
    "repatriated": ["Repatriated"],
    "referred": ["Referred to SBBC", "Referred to Edhi Home", "Referred to CPWB", "Shifted to Dar-ul-Aman"],
    "escaped": ["Escaped", "Ran away from DUA", "Absconded from shelter"],
    "discharged": ["Discharged on court orders", "Discharged", "Released on court order"],
}
PROT_UR = {"in_shelter": ["بیورو میں موجود"], "restored_to_family": ["والدین کے حوالے"],
           "referred": ["دارالامان منتقل"], "escaped": ["فرار"]}
EXPL_TXT = {
    "sexual_exploitation": ["Sexual exploitation", "Prostitution", "Forced prostitution", "Commercial sex"],
    "forced_labour": ["Forced labour", "Forced labor"],
    "bonded_labour": ["Bonded labour", "Debt bondage", "Bonded labour (peshgi)"],
    "domestic_servitude": ["Domestic servitude", "Domestic servant (unpaid)", "Forced domestic work"],
    "begging": ["Begging", "Forced begging"],
    "forced_marriage": ["Forced marriage", "Sold in marriage"],
    "organ_removal": ["Organ removal (kidney)"],
}


def pick_status(rng, w=(70, 15, 3, 2, 5, 5)):
    return rng.choices(["investigation", "prosecution", "convicted", "acquitted", "absconding",
                        "closed"], weights=w)[0]


def advance_status(rng, st):
    if st == "investigation":
        return rng.choices(["investigation", "prosecution", "closed", "absconding"], [45, 40, 8, 7])[0]
    if st == "prosecution":
        return rng.choices(["prosecution", "convicted", "acquitted"], [75, 15, 10])[0]
    return st


# ---------------------------------------------------------------------------------------------
# 4. Persons
# ---------------------------------------------------------------------------------------------
class Person:
    _n = 0

    def __init__(self, sex, given, father, dob, dist, kind="pk", husband=None, cnic=True, phone=None):
        Person._n += 1
        self.pid = "P%05d" % Person._n
        self.sex, self.given, self.father, self.husband = sex, given, father, husband
        self.dob, self.dist, self.kind = dob, dist, kind
        self.nat = {"pk": "PAK", "bgd": "BGD", "afg": "AFG", "ind": "IND"}.get(kind, "PAK")
        # address components
        towns = DIST[dist][3]
        self.town = R.choice(towns) if towns and R.random() < 0.55 else None
        self.mohalla = R.choice(MOHALLA)
        self.village = R.choice(VILLAGE) if R.random() < 0.5 else None
        self.house = R.randint(1, 900)
        self.cnic = None
        if cnic and kind == "pk":
            last = R.choice("13579") if sex == "male" else R.choice("2468")
            if sex == "transgender":
                last = R.choice("123456789")
            self.cnic = DIST[dist][4] + str(R.randint(0, 9)) + "%07d" % R.randint(0, 9999999) + last
        self.phone = phone
        self.apps = []

    def age_at(self, d):
        a = d.year - self.dob.year - ((d.month, d.day) < (self.dob.month, self.dob.day))
        return a


def male_given(rng):
    r = rng.random()
    if r < 0.42:
        return ["Muhammad", rng.choice(M_GIVEN)]
    if r < 0.62:
        a = rng.choice(M_GIVEN)
        b = rng.choice([x for x in M_SECOND if x != a])
        return [a, b]
    if r < 0.9:
        return [rng.choice(M_GIVEN)]
    return rng.choice([["Ghulam", "Mustafa"], ["Ghulam", "Abbas"], ["Ali", "Hassan"],
                       ["Noor", "Muhammad"], ["Sher", "Ali"], ["Gul", "Sher"]])


def father_name(rng):
    r = rng.random()
    if r < 0.4:
        return ["Muhammad", rng.choice(F_OLD)]
    if r < 0.6:
        return [rng.choice(F_OLD), rng.choice(["Ahmad", "Ali", "Hussain", "Khan", "Din"])]
    if r < 0.75:
        return rng.choice([["Ghulam", "Rasool"], ["Ghulam", "Qadir"], ["Ghulam", "Mustafa"],
                           ["Allah", "Ditta"], ["Noor", "Din"], ["Siraj", "Din"],
                           ["Allah", "Bakhsh"], ["Ghulam", "Hussain"]])
    return [rng.choice(F_OLD)]


def female_given(rng, child=False):
    g = rng.choice(F_CHILD if child else F_GIVEN)
    r = rng.random()
    if child:
        return [g] if r < 0.75 else [g, "Bibi"]
    if r < 0.35:
        return [g]
    if r < 0.7:
        return [g, "Bibi"]
    if r < 0.8:
        return [g, rng.choice(["Begum", "Shahzadi"])]
    return [g, rng.choice(["Akhtar", "Iqbal", "Naz", "Kausar"]) if False else "Bibi"]


def rand_dob(rng, age_lo, age_hi, ref=D(2023, 3, 15)):
    age = rng.randint(age_lo, age_hi)
    start = D(ref.year - age - 1, ref.month, 1) + dt.timedelta(days=rng.randint(0, 360))
    return start


def rand_phone(rng):
    return "3%02d%07d" % (rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 21, 22, 23, 33,
                                      34, 36, 40, 41, 42, 45, 47]), rng.randint(0, 9999999))


def new_person(sex="male", age=(18, 45), dist="Gujrat", kind="pk", married=None, cnic_p=0.85,
               phone_p=0.5, child=False, given=None, father=None):
    rng = R
    if given is None:
        if kind == "bgd":
            given = list(rng.choice(BGD_F if sex == "female" else BGD_M))
        elif kind == "afg":
            given = list(rng.choice(AFG_M))
        elif kind == "hindu":
            given = list(rng.choice(HINDU_F if sex == "female" else HINDU_M))
        elif sex == "transgender":
            given = list(rng.choice(TG_NAMES))
        elif sex == "male":
            given = male_given(rng)
        else:
            given = female_given(rng, child)
    if father is None:
        if kind == "bgd":
            father = list(rng.choice([x for x in BGD_M if x != given]))
        elif kind == "afg":
            father = list(rng.choice([x for x in AFG_M if x != given]))
        elif kind == "hindu":
            father = list(rng.choice(HINDU_M))
        else:
            father = father_name(rng)
    dob = rand_dob(rng, *age)
    husband = None
    if sex == "female" and not child:
        if married is None:
            married = rng.random() < (0.45 if age[0] >= 20 else 0.25)
        if married:
            husband = male_given(rng) if kind != "hindu" else list(rng.choice(HINDU_M))
    k2 = "pk" if kind == "hindu" else kind
    p = Person(sex, given, father, dob, dist, kind=k2, husband=husband,
               cnic=(rng.random() < cnic_p), phone=(rand_phone(rng) if rng.random() < phone_p else None))
    if kind == "hindu":
        p.kind = "pk"
    return p


def sibling(p, sex=None, age=None):
    """A brother/sister: same father and address, different given name and age."""
    sex = sex or p.sex
    for _ in range(20):
        g = male_given(R) if sex == "male" else female_given(R)
        if g != p.given:
            break
    a0 = p.age_at(D(2023, 3, 15))
    if age is None:
        lo = max(5, a0 - 12)
        age = R.choice([x for x in range(lo, a0 + 12) if abs(x - a0) >= 2])
        age = (age, age)
    q = new_person(sex=sex, age=age, dist=p.dist, kind=p.kind if p.kind != "pk" else "pk",
                   given=g, father=list(p.father), cnic_p=0.8 if age[0] >= 18 else 0.2,
                   married=False)
    q.town, q.mohalla, q.village, q.house = p.town, p.mohalla, p.village, p.house
    if p.cnic and q.cnic:
        q.cnic = p.cnic[:5] + q.cnic[5:]
    return q


def lookalike(p, mode):
    """Different person who looks like p: 'namesake' (same given name, other father) or
    'samefather' (same name and father's name, different age and district)."""
    if mode == "namesake":
        for _ in range(20):
            f = father_name(R)
            if f != p.father:
                break
        q = new_person(sex=p.sex, age=(18, 50), dist=p.dist, given=list(p.given), father=f,
                       married=False)
    else:
        a0 = p.age_at(D(2023, 3, 15))
        a = a0 + R.choice([-11, -9, -8, 7, 9, 12])
        a = max(16, a)
        other = [d for d in DIST if DIST[d][0] == DIST[p.dist][0] and d != p.dist and DIST[d][2]]
        q = new_person(sex=p.sex, age=(a, a), dist=R.choice(other), given=list(p.given),
                       father=list(p.father), married=False)
    q.lookalike_of = p.pid
    return q


# ---------------------------------------------------------------------------------------------
# 5. Rendering helpers (each returns what is written and what the truth is)
# ---------------------------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
UR_MONTHS = ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر",
             "اکتوبر", "نومبر", "دسمبر"]
UR_DIG = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def ordsuf(n):
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d, style):
    if style == "dmy/":
        return "%02d/%02d/%d" % (d.day, d.month, d.year)
    if style == "d/m/y":
        return "%d/%d/%d" % (d.day, d.month, d.year)
    if style == "dmy-short":
        return "%d-%d-%02d" % (d.day, d.month, d.year % 100)
    if style == "dmy.":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    if style == "d.m.yy":
        return "%d.%d.%02d" % (d.day, d.month, d.year % 100)
    if style == "dmy-":
        return "%02d-%02d-%d" % (d.day, d.month, d.year)
    if style == "th":
        return "%d%s %s %d" % (d.day, ordsuf(d.day), MONTHS[d.month - 1], d.year)
    if style == "mdy_words":
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if style == "dmon":
        return "%02d-%s-%02d" % (d.day, MONTHS[d.month - 1][:3], d.year % 100)
    if style == "dmonY":
        return "%02d-%s-%d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "urdu_month":
        return "%d %s %d" % (d.day, UR_MONTHS[d.month - 1], d.year)
    if style == "urdu_digits":
        return ("%02d-%02d-%d" % (d.day, d.month, d.year)).translate(UR_DIG)
    if style == "urdu_month_digits":
        return ("%d %s %d" % (d.day, UR_MONTHS[d.month - 1], d.year)).translate(UR_DIG)
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def rn(tokens, rng=None, p_var=0.3, allow_m=True, drop_ok=True):
    """Roman rendering of name tokens with spelling variants.  Returns (text, truth)."""
    rng = rng or R
    toks = list(tokens)
    if drop_ok and len(toks) >= 2 and toks[-1] in ("Bibi", "Begum") and rng.random() < 0.15:
        toks = toks[:-1]
    if drop_ok and len(toks) >= 2 and toks[0] == "Muhammad" and rng.random() < 0.08:
        toks = toks[1:]
    out = []
    for i, t in enumerate(toks):
        vs = TOK[t][1]
        if t == "Muhammad" and i == 0 and allow_m and rng.random() < 0.12:
            v = "M."
        elif len(vs) > 1 and rng.random() < p_var:
            v = rng.choice(vs[1:])
        else:
            v = vs[0]
        out.append(v)
    s = " ".join(out)
    return s, s


def canon(tokens):
    return " ".join(TOK[t][1][0] for t in tokens)


def ur(tokens):
    return " ".join(TOK[t][0] for t in tokens)


def casefmt(s, rng=None, p_upper=0.15):
    rng = rng or R
    return s.upper() if rng.random() < p_upper else s


def rel_marker(kind, rng=None):
    rng = rng or R
    return rng.choice({"s": ["s/o", "S/O", "S/o", "s.o", "son of", "S/O"],
                       "d": ["d/o", "D/O", "D/o", "d.o", "daughter of"],
                       "w": ["w/o", "W/O", "W/o", "wife of"]}[kind])


HON_F = ["Mst.", "Mst", "MST."]
HON_M = ["Ch.", "Malik", "Rana", "Hafiz", "Haji", "Mr."]


def honorific(p, rng=None, p_h=0.2):
    rng = rng or R
    if rng.random() >= p_h:
        return ""
    if p.sex == "female":
        return rng.choice(HON_F) + " "
    if p.sex == "male":
        return rng.choice(HON_M) + " "
    return ""


def render_age(age, rng, styles=("n", "n", "n", "yrs", "Y", "years", "about"), child_minor=0.0):
    """Returns (text or int, truth str)."""
    if age is None:
        return "", ""
    if age < 18 and rng.random() < child_minor:
        return "minor", ""
    st = rng.choice(styles)
    if st == "n":
        return str(age), str(age)
    if st == "int":
        return age, str(age)
    if st == "yrs":
        return "%d yrs" % age, str(age)
    if st == "Y":
        return "%dY" % age, str(age)
    if st == "years":
        return "%d years" % age, str(age)
    if st == "about":
        return rng.choice(["about %d", "approx. %d", "%d (approx)"]) % age, str(age)
    if st == "urdu":
        return ("%d سال" % age).translate(UR_DIG), str(age)
    if st == "urdu_w":
        return "%d سال" % age, str(age)
    raise ValueError(st)


def render_cnic(cnic, rng, styles=("dash", "dash", "plain", "num", "space"), p_na=0.06, p_bad=0.03):
    """Returns (cell value, truth)."""
    if not cnic:
        return rng.choice(["", "", "N/A", "Not available", "-", "under process", "Nil"]), ""
    r = rng.random()
    if r < p_na:
        return rng.choice(["N/A", "Not available", "under process", ""]), ""
    if r < p_na + p_bad:
        if rng.random() < 0.5:  # lost a digit
            i = rng.randint(5, 11)
            bad = cnic[:i] + cnic[i + 1:]
            return bad[:5] + "-" + bad[5:11] + "-" + bad[11:], ""
        return "%.5E" % int(cnic) if rng.random() < 0.3 else "%s.%sE+12" % (cnic[0], cnic[1:6]), ""
    st = rng.choice(styles)
    if st == "dash":
        return "%s-%s-%s" % (cnic[:5], cnic[5:12], cnic[12]), cnic
    if st == "plain":
        return cnic, cnic
    if st == "num":
        return int(cnic), cnic
    if st == "space":
        return "%s %s %s" % (cnic[:5], cnic[5:12], cnic[12]), cnic
    raise ValueError(st)


def render_phone(ph, rng, styles=("03", "03d", "plus", "0092", "num", "03s")):
    if not ph:
        return "", ""
    st = rng.choice(styles)
    truth = "+92" + ph
    if st == "03":
        return "0" + ph, truth
    if st == "03d":
        return "0%s-%s" % (ph[:3], ph[3:]), truth
    if st == "03s":
        return "0%s %s" % (ph[:3], ph[3:]), truth
    if st == "plus":
        return "+92 %s %s" % (ph[:3], ph[3:]), truth
    if st == "0092":
        return "0092-%s-%s" % (ph[:3], ph[3:]), truth
    if st == "num":
        return int(ph), truth
    raise ValueError(st)


def dist_variant(d, rng, p_var=0.35):
    vs = DIST[d][1]
    if len(vs) > 1 and rng.random() < p_var:
        return rng.choice(vs[1:])
    return vs[0]


def render_address(p, rng, styles=None, urdu=False, p_none=0.04):
    """Returns (text, truth district, truth province).  The last place named is the district."""
    d = p.dist
    prov = PROV[DIST[d][0]]
    if urdu and DIST[d][2]:
        mo = MOHALLA_UR.get(p.mohalla, "محلہ آرائیاں")
        r = rng.random()
        if r < 0.1:
            return mo, "", ""
        if r < 0.5:
            return "%s، %s" % (mo, DIST[d][2]), d, prov
        if r < 0.8:
            return "مکان نمبر %d، %s، %s" % (p.house, mo, DIST[d][2]), d, prov
        return "%s ضلع %s" % (mo, DIST[d][2]), d, prov
    styles = styles or ["house", "town", "village", "road", "old", "mtd", "plain_town"]
    if rng.random() < p_none:
        return rng.choice([p.mohalla, "Kacchi Abadi near railway line", p.mohalla + " (rented house)"]), "", ""
    st = rng.choice(styles)
    if st == "town" and not p.town:
        st = "house"
    if st == "plain_town" and not p.town:
        st = "house"
    if st == "old" and d not in OLD_NAMES:
        st = "village"
    if st == "village" and not DIST[d][3]:
        st = "house"
    if st == "house":
        return "House No. %d, %s, %s" % (p.house, p.mohalla, dist_variant(d, rng)), d, prov
    if st == "town":
        return "%s, %s" % (p.mohalla, p.town), d, prov
    if st == "plain_town":
        return p.town, d, prov
    if st == "mtd":
        t = p.town or rng.choice(DIST[d][3] or [p.mohalla])
        return "%s, %s, %s" % (p.mohalla, t, dist_variant(d, rng)), d, prov
    if st == "village":
        v = p.village or rng.choice(VILLAGE)
        t = p.town or rng.choice(DIST[d][3])
        return "Village %s, Tehsil %s, Distt %s" % (v, t, dist_variant(d, rng)), d, prov
    if st == "road":
        rd = rng.choice([x for x in ROADS if not x.startswith(d.split()[0])])
        return "Near Bus Stand, %s, %s" % (rd, dist_variant(d, rng, 0.2)), d, prov
    if st == "old":
        v = p.village or rng.choice(VILLAGE)
        return "Chak No. %d/%s, %s" % (rng.randint(10, 400), rng.choice(["JB", "GB", "RB"]),
                                       OLD_NAMES[d]), d, prov
    raise ValueError(st)


# ---------------------------------------------------------------------------------------------
# 6. The world: cases and appearances (one appearance = one truth record)
# ---------------------------------------------------------------------------------------------
class Case:
    def __init__(self, unit, cid, date, sset, status="investigation", expl=None, dest=None,
                 accused=None, ps=None):
        self.unit, self.cid, self.date, self.sset = unit, cid, date, sset
        self.codes = list(SSETS[sset][0]) if sset else []
        self.crime = classify(self.codes)
        self.status, self.expl, self.dest, self.accused, self.ps = status, expl or [], dest, accused, ps
        self.victims = []


class App:
    def __init__(self, p, fkey, date, case=None, role="victim", prot="", expl=None, status=None,
                 **extra):
        self.p, self.fkey, self.date, self.case, self.role, self.prot = p, fkey, date, case, role, prot
        self.expl = expl if expl is not None else (case.expl if case else [])
        self.status = status if status is not None else (case.status if case else "")
        self.extra = extra
        p.apps.append(self)


def rday(rng, y, m, lo=1, hi=None):
    import calendar
    hi = hi or calendar.monthrange(y, m)[1]
    return D(y, m, rng.randint(lo, hi))


def agent_name(rng):
    g = male_given(rng)
    return "%s%s r/o %s" % (rng.choice(["", "Ch. ", "Malik ", "Rana "]), canon(g),
                            rng.choice(sum([DIST[d][3] for d in ("Gujrat", "Mandi Bahauddin",
                                                                   "Gujranwala", "Sialkot")], [])))


def accused_text(rng, n=None):
    n = n or rng.choice([1, 1, 1, 2, 2, 3])
    names = [canon(male_given(rng)) for _ in range(n)]
    if n == 1:
        return names[0]
    if rng.random() < 0.4:
        return "%s & %d others" % (names[0], n - 1)
    return ", ".join(names)


SOM_DIST = (["Gujrat"] * 6 + ["Mandi Bahauddin"] * 4 + ["Gujranwala"] * 4 + ["Sialkot"] * 4 +
            ["Mirpur", "Kotli", "Bhimber", "Jhelum", "Hafizabad", "Narowal", "Sheikhupura",
             "Lahore", "Kasur", "Faisalabad", "Rawalpindi", "Attock", "Okara", "Mardan", "Swat"])
COUNTRIES = ["Iran", "Oman", "Greece", "Libya", "Turkey", "Saudi Arabia", "UAE", "Malaysia", "Italy"]
CW = [30, 15, 12, 10, 12, 8, 8, 4, 1]

W = {}  # fkey -> structure


def build_world():
    rng = R
    # ---------------- Pool B: deportees, FIA Composite Circle Gujrat (Feb, Mar) -------------
    dep_groups = {2: [], 3: []}
    for month, target in ((2, 232), (3, 226)):
        n = 0
        while n < target:
            size = rng.choice([1] * 6 + [2] * 4 + [3] * 3 + [4, 5, 6])
            dist = rng.choice(SOM_DIST)
            country = rng.choices(COUNTRIES, CW)[0]
            female = country in ("Saudi Arabia", "Oman", "UAE") and rng.random() < 0.15
            first = new_person("female" if female else "male", (20, 42) if female else (18, 40),
                               dist, married=None if female else False, cnic_p=0.92, phone_p=0.45)
            members = [first]
            for _ in range(size - 1):
                if female:
                    break
                if rng.random() < 0.35:
                    members.append(sibling(first, "male", (18, 40)))
                else:
                    q = new_person("male", (18, 42), dist, married=False, cnic_p=0.92, phone_p=0.45)
                    if rng.random() < 0.4:
                        q.village, q.town = first.village, first.town
                    members.append(q)
            date = rday(rng, 2023, month)
            agent = agent_name(rng)
            r = rng.random()
            if r < 0.55:
                action = ("released", None)
            elif r < 0.75:
                action = ("booked", Case("GJT", "%d/23" % rng.randint(10, 99), date, "EO171"))
            else:
                ss = rng.choice(["EO22_420", "EO22_420", "EO172", "PSMA3", "EO18_420"])
                action = ("enquiry", Case("GJT", "%d/2023" % rng.randint(20, 160), date, ss))
            grp = dict(members=members, date=date, country=country, agent=agent, action=action,
                       month=month)
            dep_groups[month].append(grp)
            n += len(members)
    # a few repeat deportees: deported in Feb and again in March
    for g in rng.sample([g for g in dep_groups[2] if g["country"] == "Iran"], 4):
        p = g["members"][0]
        ng = dict(members=[p], date=rday(rng, 2023, 3), country="Iran", agent=agent_name(rng),
                  action=("released", None), month=3)
        dep_groups[3].append(ng)
    for month in (2, 3):
        rng.shuffle(dep_groups[month])
        apps = []
        for g in dep_groups[month]:
            for p in g["members"]:
                a = App(p, "GJT%d" % month, g["date"], case=g["action"][1], role="deportee",
                        status="", grp=g)
                apps.append(a)
        W["GJT%d" % month] = apps

    # ---------------- FIA AHTC Gujranwala: case-wise registers Feb / Mar ------------------------
    def grw_case(month, cidn, from_group=None):
        if from_group:
            g = from_group
            date = g["date"] + dt.timedelta(days=rng.randint(2, 16))
            ss = rng.choice(["EO22_420", "EO22_420", "PSMA3", "EO172", "EO18_420"])
            members = [p for p in g["members"] if rng.random() < 0.8] or g["members"][:1]
            dest = g["country"]
        else:
            date = rday(rng, 2023, month)
            ss = rng.choices(["EO22_420", "PSMA3", "EO172", "EO18_420", "PTPA3", "PSMA3_PTPA3",
                              "PA6", "PPC420"], [34, 20, 14, 8, 8, 4, 6, 6])[0]
            dist = rng.choice(SOM_DIST[:18] + ["Gujranwala"] * 6)
            size = rng.choice([1] * 8 + [2] * 6 + [3] * 3 + [4, 4, 5, 6])
            first = new_person("male", (18, 45), dist, married=False, cnic_p=0.9, phone_p=0.3)
            if rng.random() < 0.07:
                first = new_person("female", (20, 40), dist, cnic_p=0.9, phone_p=0.3)
            members = [first]
            for _ in range(size - 1):
                if rng.random() < 0.45 and first.sex == "male":
                    members.append(sibling(first, "male", (18, 44)))
                else:
                    q = new_person("male", (18, 45), dist, married=False, cnic_p=0.88)
                    members.append(q)
            dest = rng.choices(COUNTRIES, CW)[0]
        c = Case("GRW", "%d/2023" % cidn if rng.random() < 0.6 else "%d/23" % cidn, date, ss,
                 status=pick_status(rng, (80, 10, 1, 1, 5, 3)), dest=dest, accused=accused_text(rng))
        c.members = members
        return c

    cid = 31
    feb_cases = []
    early_feb = [g for g in dep_groups[2] if g["date"].day <= 12]
    for g in rng.sample(early_feb, 36):
        c = grw_case(2, cid, g); cid += 1
        if c.date.month != 2:
            c.date = D(2023, 2, 28)
        feb_cases.append(c)
    while sum(len(c.members) for c in feb_cases) < 218:
        feb_cases.append(grw_case(2, cid)); cid += 1
    feb_cases.sort(key=lambda c: c.date)
    for i, c in enumerate(feb_cases):  # FIR numbers run with dates
        n = 31 + i
        c.cid = ("%d/2023" if "/2023" in c.cid else "%d/23") % n
    mar_cases = []
    cid = 31 + len(feb_cases)
    late = [g for g in dep_groups[2] if g["date"].day > 14 and g["action"][0] == "released"]
    early_mar = [g for g in dep_groups[3] if g["date"].day <= 14 and g["action"][0] != "booked"
                 and len(g["members"]) > 0]
    for g in rng.sample(late, 16) + rng.sample(early_mar, 24):
        c = grw_case(3, cid, g)
        if c.date.month == 2:
            c.date = D(2023, 3, rng.randint(1, 9))
        if c.date.month == 4:
            c.date = D(2023, 3, 31)
        mar_cases.append(c); cid += 1
    while sum(len(c.members) for c in mar_cases) < 205:
        mar_cases.append(grw_case(3, cid)); cid += 1
    mar_cases.sort(key=lambda c: c.date)
    for i, c in enumerate(mar_cases):
        n = 31 + len(feb_cases) + i
        c.cid = ("%d/2023" if "/2023" in c.cid else "%d/23") % n
    # Part B of March: pending cases of previous months with updated status
    carried = rng.sample(feb_cases, 38)
    carried.sort(key=lambda c: c.date)
    old_jan = []
    for i in range(8):
        c = grw_case(1, 3 + i * 3)
        c.date = D(2023, 1, rng.randint(3, 30))
        c.cid = "%d/2023" % (3 + i * 3)
        old_jan.append(c)
    W["GRW2"] = {"A": [(c, [App(p, "GRW2", c.date, c) for p in c.members]) for c in feb_cases]}
    partB = []
    for c in sorted(carried + old_jan, key=lambda c: c.date):
        st = advance_status(rng, c.status) if c in carried else pick_status(rng, (50, 35, 2, 2, 8, 3))
        partB.append((c, [App(p, "GRW3", c.date, c, status=st) for p in c.members]))
    W["GRW3"] = {"A": [(c, [App(p, "GRW3", c.date, c) for p in c.members]) for c in mar_cases],
                 "B": partB}

    # ---------------- FIA AHTC Islamabad (April, CSV) ---------------------------------------
    isb = []
    used = set()
    dep_pool = [(g, p) for m in (2, 3) for g in dep_groups[m] for p in g["members"]
                if not any(a.fkey.startswith("GRW") for a in p.apps)]
    rng.shuffle(dep_pool)
    dp = iter(dep_pool)
    cidn = 141
    while len(isb) < 196:
        date = rday(rng, 2023, 4)
        kind = rng.choices(["fraud", "som", "offload", "tip", "deportee"], [40, 22, 12, 10, 16])[0]
        ss = {"fraud": rng.choice(["EO22_420", "EO22_420", "PPC420", "PPC420_468_471", "EO18_420"]),
              "som": rng.choice(["PSMA3", "EO172"]), "offload": "PA6",
              "tip": rng.choice(["PTPA3", "PTPA34"]), "deportee": "EO171"}[kind]
        c = Case("ISB", ("%d/23" % cidn), date, ss, status=pick_status(rng), accused=None)
        cidn += 1
        persons = []
        nv = rng.choice([1, 1, 1, 2, 2, 3])
        for k in range(nv):
            if kind in ("som", "deportee", "fraud") and rng.random() < 0.6:
                g, p = next(dp)
                if p.pid in used:
                    continue
                used.add(p.pid)
            else:
                dist = rng.choice(["Islamabad"] * 4 + ["Rawalpindi"] * 4 + ["Attock", "Jhelum",
                                   "Gujrat", "Mandi Bahauddin", "Mardan", "Swat", "Peshawar",
                                   "Mirpur", "Kotli"])
                p = new_person("male" if rng.random() < 0.88 else "female", (18, 48), dist,
                               cnic_p=0.95, phone_p=0.85)
            role = {"fraud": "victim", "som": "smuggled_migrant", "offload": "smuggled_migrant",
                    "tip": "victim", "deportee": "deportee"}[kind]
            if k == 0 and kind == "fraud" and rng.random() < 0.75:
                role = "complainant"
            persons.append((p, role))
        if kind in ("fraud", "tip", "som") and rng.random() < 0.22:
            w = new_person("male", (25, 60), rng.choice(["Islamabad", "Rawalpindi"]), cnic_p=0.95,
                           phone_p=0.9)
            persons.append((w, "witness"))
        if rng.random() < 0.28:
            for _ in range(rng.choice([1, 1, 2])):
                acc = new_person("male", (25, 58), rng.choice(["Islamabad", "Rawalpindi", "Gujrat",
                                                               "Mandi Bahauddin", "Jhelum"]),
                                 cnic_p=0.9, phone_p=0.7)
                persons.append((acc, "accused"))
        for p, role in persons:
            isb.append(App(p, "ISB4", date, c, role=role))
        c.persons = persons
    W["ISB4"] = isb

    # ---------------- Pool A: Lahore women; FIA AHTC Lahore (Mar, Apr) ------------------------
    LHR_DIST = (["Lahore"] * 10 + ["Kasur"] * 3 + ["Sheikhupura"] * 3 + ["Okara", "Faisalabad",
                "Nankana Sahib", "Sahiwal", "Gujranwala", "Multan", "Bahawalnagar", "Vehari",
                "Rahim Yar Khan"])

    def lhr_case(month, cidn, women=None, deport=None):
        date = rday(rng, 2023, month)
        if women is not None:
            kind = "women"
        elif deport is not None:
            kind = "som"
        else:
            kind = rng.choices(["women", "som", "tg", "labour", "organ"], [58, 30, 4, 7, 1])[0]
        c = Case("LHR", "%d/23" % cidn, date, None)
        if kind == "women":
            ss = rng.choices(["PTPA3_371A", "PTPA3_371AB", "PTPA34", "PTPA3", "PPC371AB",
                              "PTPA3_366A"], [30, 15, 15, 20, 15, 5])[0]
            ex = rng.choices([["sexual_exploitation"], ["forced_marriage"], ["domestic_servitude"],
                              []], [60, 15, 12, 13])[0]
            if ss == "PTPA3_366A":
                ex = ["sexual_exploitation"]
            if women is not None:
                members = women
            else:
                n = rng.choice([1, 1, 1, 2, 2, 3, 4, 5])
                members = []
                for _ in range(n):
                    child = rng.random() < 0.2
                    members.append(new_person("female", (13, 17) if child else (18, 34),
                                              rng.choice(LHR_DIST), child=child,
                                              cnic_p=0.35 if child else 0.75, phone_p=0.35))
        elif kind == "som":
            ss = rng.choice(["EO22_420", "PSMA3", "EO172", "PSMA3_PTPA3"])
            ex = []
            members = deport or [new_person("male", (18, 40), rng.choice(LHR_DIST), cnic_p=0.9)
                                 for _ in range(rng.choice([1, 1, 2, 3]))]
        elif kind == "tg":
            ss = "PTPA3"; ex = ["sexual_exploitation"]
            members = [new_person("transgender", (18, 30), rng.choice(LHR_DIST), cnic_p=0.6)
                       for _ in range(rng.choice([1, 2]))]
        elif kind == "labour":
            ss = rng.choice(["PTPA3_374", "PTPA34"]); ex = ["forced_labour"]
            members = [new_person("male", (16, 35), rng.choice(LHR_DIST), cnic_p=0.7)
                       for _ in range(rng.choice([1, 2, 3]))]
        else:
            ss = "THOTA9"; ex = ["organ_removal"]
            members = [new_person("male", (22, 40), rng.choice(LHR_DIST), cnic_p=0.9)]
        c.sset, c.codes, c.crime = ss, list(SSETS[ss][0]), classify(SSETS[ss][0])
        c.expl = ex
        c.status = pick_status(rng, (75, 12, 2, 1, 6, 4))
        c.dest = rng.choice(["Dubai", "Muscat", "China", "Local", "Local", "Bahrain", "Iran"]) \
            if kind == "women" else None
        c.accused = accused_text(rng)
        c.members = members
        return c

    # DUA February residents who later become AHTC Lahore victims in March
    dua_feb_tip = [new_person("female", (16, 32), rng.choice(LHR_DIST), cnic_p=0.7, phone_p=0.3)
                   for _ in range(24)]
    mar = []
    cidn = 88
    k = 0
    while k < len(dua_feb_tip):
        n = rng.choice([1, 1, 2, 3])
        mar.append(lhr_case(3, cidn, women=dua_feb_tip[k:k + n])); k += n; cidn += 1
    lhr_deport = [p for g in dep_groups[3] for p in g["members"]
                  if not p.apps[1:] and g["date"].day < 20][:60]
    lhr_deport = rng.sample(lhr_deport, min(40, len(lhr_deport)))
    k = 0
    while k < len(lhr_deport):
        n = rng.choice([1, 2, 2, 3])
        c = lhr_case(3, cidn, deport=lhr_deport[k:k + n]); k += n; cidn += 1
        mar.append(c)
    while sum(len(c.members) for c in mar) < 232:
        mar.append(lhr_case(3, cidn)); cidn += 1
    mar.sort(key=lambda c: c.date)
    for i, c in enumerate(mar):
        c.cid = "%d/23" % (88 + i)
        for p in c.members:
            if p in lhr_deport:
                g = [g for g in dep_groups[3] if p in g["members"]][0]
                if c.date <= g["date"]:
                    c.date = min(g["date"] + dt.timedelta(days=rng.randint(2, 8)), D(2023, 3, 31))
    mar.sort(key=lambda c: (c.cid))
    W["LHR3"] = {"I": [(c, [App(p, "LHR3", c.date, c) for p in c.members]) for c in
                       sorted(mar, key=lambda c: int(c.cid.split("/")[0]))]}
    apr = []
    cidn = 88 + len(mar)
    while sum(len(c.members) for c in apr) < 176:
        apr.append(lhr_case(4, cidn)); cidn += 1
    apr.sort(key=lambda c: c.date)
    for i, c in enumerate(apr):
        c.cid = "%d/23" % (88 + len(mar) + i)
    upd = rng.sample([c for c in mar if c.status in ("investigation", "prosecution")], 34)
    upd.sort(key=lambda c: int(c.cid.split("/")[0]))
    W["LHR4"] = {"I": [(c, [App(p, "LHR4", c.date, c) for p in c.members]) for c in apr],
                 "II": [(c, [App(p, "LHR4", c.date, c, status=advance_status(rng, c.status))
                             for p in c.members]) for c in upd]}
    W["_lhr_cases"] = (mar, apr)
    W["_dep_groups"] = dep_groups
    W["_feb_tip"] = dua_feb_tip

    # ---------------- Pool C: children; CPWB Lahore (Mar Urdu xlsx, Apr UTF-16 CSV) ----------
    CH_DIST = (["Lahore"] * 12 + ["Kasur"] * 2 + ["Sheikhupura"] * 2 + ["Okara", "Faisalabad",
               "Rahim Yar Khan", "Multan", "Bahawalnagar", "Nankana Sahib", "Gujranwala"])
    cats = ["begging", "domestic", "lost", "runaway", "street"]

    def child(cat):
        sex = "male" if rng.random() < (0.62 if cat != "domestic" else 0.35) else "female"
        p = new_person(sex, (5, 16), rng.choice(CH_DIST), child=True, cnic_p=0.22, phone_p=0.45,
                       married=False)
        return p

    cp3 = []
    for _ in range(212):
        cat = rng.choices(cats, [50, 12, 20, 12, 6])[0]
        p = child(cat)
        date = rday(rng, 2023, 3)
        prot = rng.choices(["in_shelter", "restored_to_family", "referred", "escaped"],
                           [45, 40, 10, 5])[0]
        if prot == "referred" and (p.sex != "female" or p.age_at(date) < 11):
            prot = "in_shelter"
        expl = {"begging": ["begging"], "domestic": ["domestic_servitude"]}.get(cat, [])
        case = None
        if cat in ("begging", "domestic") and rng.random() < 0.3:
            ss = rng.choice(["PTPA3", "PTPA3", "PPC363"]) if cat == "begging" else "PTPA3"
            case = Case("CPWB", "%d/23" % rng.randint(150, 900), date + dt.timedelta(days=rng.randint(0, 2)),
                        ss, status="")
            case.ps = rng.choice(["گوالمنڈی", "لوہاری گیٹ", "داتا دربار", "ریلوے اسٹیشن", "شاد باغ", "ٹاؤن شپ"])
        a = App(p, "CPWB3", date, case, prot=prot, expl=expl, status="", cat=cat)
        cp3.append(a)
    cp3.sort(key=lambda a: a.date)
    W["CPWB3"] = cp3
    # April: repeat children + new; some begging gangs booked by Lahore police (CCPO) in April
    cp4 = []
    rep_pool = [a for a in cp3 if a.extra["cat"] == "begging" and a.prot in ("restored_to_family", "escaped")]
    rep = rng.sample(rep_pool, min(46, len(rep_pool)))
    for a in rep:
        cp4.append((a.p, "begging"))
    while len(cp4) < 198:
        cat = rng.choices(cats, [48, 14, 20, 12, 6])[0]
        cp4.append((child(cat), cat))
    rng.shuffle(cp4)
    cp4_apps = []
    gang_kids = [x for x in cp4 if x[1] in ("begging", "domestic")]
    gang_kids = rng.sample(gang_kids, 64)
    gk = set(id(x) for x in gang_kids)
    ccpo_child_cases = []
    i = 0
    cidn = 1100
    while i < len(gang_kids):
        n = rng.choice([1, 2, 2, 3, 4, 5])
        grp = gang_kids[i:i + n]; i += n
        cat = grp[0][1]
        date = rday(rng, 2023, 4, 1, 27)
        ss = rng.choice(["PTPA3", "PTPA3", "PTPA34"]) if cat == "begging" else "PTPA3"
        c = Case("CCPO", "%d/23" % cidn, date, ss, status=pick_status(rng, (80, 12, 0, 0, 4, 4)),
                 expl=["begging"] if cat == "begging" else ["domestic_servitude"],
                 accused=accused_text(rng))
        cidn += rng.randint(3, 40)
        c.members = [x[0] for x in grp]
        c.cat = cat
        ccpo_child_cases.append(c)
        for x in grp:
            x_date = date - dt.timedelta(days=rng.randint(0, 1))
            prot = rng.choices(["in_shelter", "restored_to_family", "referred"], [60, 30, 10])[0]
            if prot == "referred" and (x[0].sex != "female" or x[0].age_at(x_date) < 11):
                prot = "in_shelter"
            cp4_apps.append(App(x[0], "CPWB4", x_date, c, prot=prot,
                                expl=["begging"] if cat == "begging" else ["domestic_servitude"],
                                status="", cat=cat))
    for x in cp4:
        if id(x) in gk:
            continue
        p, cat = x
        date = rday(rng, 2023, 4)
        prot = rng.choices(["in_shelter", "restored_to_family", "referred", "escaped"], [45, 40, 10, 5])[0]
        if prot == "referred" and (p.sex != "female" or p.age_at(date) < 11):
            prot = "in_shelter"
        case = None
        if cat in ("begging", "domestic") and rng.random() < 0.15:
            case = Case("CPWB", "%d/23" % rng.randint(900, 1500), date, "PTPA3", status="")
            case.ps = rng.choice(["Gawalmandi", "Lohari Gate", "Data Darbar", "Railway Station", "Township"])
        cp4_apps.append(App(p, "CPWB4", date, case, prot=prot,
                            expl={"begging": ["begging"], "domestic": ["domestic_servitude"]}.get(cat, []),
                            status="", cat=cat))
    cp4_apps.sort(key=lambda a: a.date)
    W["CPWB4"] = cp4_apps

    # ---------------- CCPO Lahore police FIR extract (April; one sheet per division) --------
    DIVS = {"Cantt": ["PS Defence A", "PS Ghazi Abad", "PS Cantt"],
            "City": ["PS Lorry Adda", "PS Tibbi City", "PS Gawalmandi"],
            "Civil Lines": ["PS Civil Lines", "PS Qila Gujar Singh", "PS Race Course"],
            "Iqbal Town": ["PS Iqbal Town", "PS Sabzazar", "PS Samanabad"],
            "Model Town": ["PS Model Town", "PS Gulberg", "PS Township"],
            "Saddar": ["PS Raiwind City", "PS Chung", "PS Kahna"]}
    ccpo_cases = list(ccpo_child_cases)
    n_new_kids = 0
    while n_new_kids < 34:
        date = rday(rng, 2023, 4)
        ss = rng.choice(["PPC363", "PPC363", "PPC366A", "PTPA3"])
        sex = "female" if ss == "PPC366A" else rng.choice(["male", "female"])
        kids = [new_person(sex, (7, 16), rng.choice(CH_DIST), child=True, cnic_p=0.15)
                for _ in range(rng.choice([1, 1, 2]))]
        c = Case("CCPO", "", date, ss, status=pick_status(rng, (75, 10, 0, 0, 8, 7)),
                 expl=["sexual_exploitation"] if ss == "PPC366A" else [], accused=accused_text(rng))
        c.members = kids; c.cat = "kid"
        ccpo_cases.append(c); n_new_kids += len(kids)
    n_ad = 0
    adult_women = []
    while n_ad < 110:
        date = rday(rng, 2023, 4)
        kind = rng.choices(["women", "tg", "men"], [82, 6, 12])[0]
        if kind == "women":
            ss = rng.choices(["PTPA3_371A", "PPC371AB", "PPC365B", "PPC498B", "PPC310A", "PTPA3"],
                             [25, 20, 15, 12, 8, 20])[0]
            ex = {"PPC365B": ["forced_marriage"], "PPC498B": ["forced_marriage"],
                  "PPC310A": ["forced_marriage"]}.get(ss, rng.choice([["sexual_exploitation"], []]))
            mem = [new_person("female", (18, 35), rng.choice(LHR_DIST), cnic_p=0.7, phone_p=0.3)
                   for _ in range(rng.choice([1, 1, 1, 2, 3]))]
            adult_women.extend((m, None) for m in mem)
        elif kind == "tg":
            ss, ex = "PTPA3", ["sexual_exploitation"]
            mem = [new_person("transgender", (18, 32), rng.choice(LHR_DIST), cnic_p=0.5)]
        else:
            ss, ex = rng.choice(["PTPA3_374", "PTPA34"]), ["forced_labour"]
            mem = [new_person("male", (18, 45), rng.choice(LHR_DIST), cnic_p=0.8)
                   for _ in range(rng.choice([1, 2, 3]))]
        c = Case("CCPO", "", date, ss, status=pick_status(rng, (72, 12, 1, 1, 8, 6)), expl=ex,
                 accused=accused_text(rng))
        c.members = mem; c.cat = kind
        ccpo_cases.append(c); n_ad += len(mem)
    div_cases = {d: [] for d in DIVS}
    for c in ccpo_cases:
        d = rng.choice(list(DIVS))
        c.ps = rng.choice(DIVS[d])
        div_cases[d].append(c)
    W["CCPO4"] = {}
    for d, cs in div_cases.items():
        cs.sort(key=lambda c: c.date)
        for c in cs:
            if not c.cid:
                c.cid = "%d/23" % rng.randint(300, 1400)
        W["CCPO4"][d] = [(c, [App(p, "CCPO4", c.date, c) for p in c.members]) for c in cs]
    W["_ccpo_women"] = [(a.p, c) for d in W["CCPO4"] for c, apps in W["CCPO4"][d]
                        for a in apps if c.cat == "women"]

    # ---------------- Shelter: Dar-ul-Aman Lahore admission register (Feb-Apr) --------------
    def dua_other(month):
        p = new_person("female", (16, 45), rng.choice(LHR_DIST), cnic_p=0.7, phone_p=0.35)
        return p

    dua = {2: [], 3: [], 4: []}
    for p in dua_feb_tip:
        dua[2].append(dict(p=p, date=rday(rng, 2023, 2), kind="tip_noFIR", case=None))
    while len(dua[2]) < 90:
        dua[2].append(dict(p=dua_other(2), date=rday(rng, 2023, 2), kind="other", case=None))
    lhr_f = [(p, c) for c in mar for p in c.members if p.sex == "female" and p not in dua_feb_tip]
    for p, c in rng.sample(lhr_f, min(46, len(lhr_f))):
        d = min(c.date + dt.timedelta(days=rng.randint(0, 2)), D(2023, 3, 31))
        dua[3].append(dict(p=p, date=d, kind="tip", case=c, ref="AHTC Lahore"))
    girls3 = [a for a in cp3 if a.prot == "referred"]
    for a in girls3:
        d = min(a.date + dt.timedelta(days=rng.randint(1, 4)), D(2023, 3, 31))
        dua[3].append(dict(p=a.p, date=d, kind="cpwb", case=None, ref="CPWB"))
    while len(dua[3]) < 106:
        dua[3].append(dict(p=dua_other(3), date=rday(rng, 2023, 3), kind="other", case=None))
    lhr_f4 = [(p, c) for c in apr for p in c.members if p.sex == "female"]
    for p, c in rng.sample(lhr_f4, min(36, len(lhr_f4))):
        d = min(c.date + dt.timedelta(days=rng.randint(0, 2)), D(2023, 4, 30))
        dua[4].append(dict(p=p, date=d, kind="tip", case=c, ref="AHTC Lahore"))
    for p, c in rng.sample(W["_ccpo_women"], 40):
        d = min(c.date + dt.timedelta(days=rng.randint(0, 2)), D(2023, 4, 30))
        dua[4].append(dict(p=p, date=d, kind="tip", case=c, ref=c.ps))
    for a in [a for a in cp4_apps if a.prot == "referred"]:
        d = min(a.date + dt.timedelta(days=rng.randint(1, 4)), D(2023, 4, 30))
        dua[4].append(dict(p=a.p, date=d, kind="cpwb", case=None, ref="CPWB"))
    W["_dua_readmit"] = []
    for x in rng.sample([x for x in dua[2] if x["kind"] == "other"], 5):
        dua[4].append(dict(p=x["p"], date=rday(rng, 2023, 4), kind="other", case=None, readmit=True))
    while len(dua[4]) < 112:
        dua[4].append(dict(p=dua_other(4), date=rday(rng, 2023, 4), kind="other", case=None))
    W["DUA"] = {}
    for m in (2, 3, 4):
        dua[m].sort(key=lambda x: x["date"])
        apps = []
        for x in dua[m]:
            case = x["case"]
            if x.get("readmit"):
                prot = rng.choice(["in_shelter", "restored_to_family", "discharged"])
            else:
                prot = rng.choices(["in_shelter", "restored_to_family", "referred", "escaped",
                                    "discharged"], [40, 30, 8, 7, 15])[0]
            if x["p"] in [y["p"] for y in dua[2]] and m == 2 and any(
                    y["p"] is x["p"] for y in dua[4] if y.get("readmit")):
                prot = "escaped"
            a = App(x["p"], "DUA", x["date"], case, prot=prot, status="", kind=x["kind"],
                    ref=x.get("ref"), month=m)
            apps.append(a)
        W["DUA"][m] = apps

    # ---------------- Pool D: bonded labour; NGO rescues + RPO Sheikhupura police FIRs -------
    PB_K = ["Sheikhupura"] * 8 + ["Kasur"] * 4 + ["Nankana Sahib"] * 3 + ["Okara"] * 2
    SD_K = ["Sanghar", "Umer Kot", "Mirpur Khas", "Tharparkar"]
    ngo = []
    skp_cases = []
    cid_skp = {"Sheikhupura": 210, "Kasur": 180, "Nankana Sahib": 95, "Okara": 140}
    while len(ngo) < 252:
        sindh = rng.random() < 0.3
        kd = rng.choice(SD_K) if sindh else rng.choice(PB_K)
        home = kd if rng.random() < 0.65 else rng.choice(
            ["Bahawalnagar", "Rahim Yar Khan", "Vehari", "Okara", "Kasur", "Faisalabad"] if not sindh
            else ["Umer Kot", "Tharparkar", "Mirpur Khas", "Sanghar"])
        hindu = sindh and home in ("Umer Kot", "Tharparkar", "Mirpur Khas") and rng.random() < 0.7
        kind = "hindu" if hindu else "pk"
        head = new_person("male", (24, 55), home, kind=kind, cnic_p=0.6, phone_p=0.4, married=False)
        fam = [(head, "head")]
        wife = new_person("female", (20, 45), home, kind=kind, married=True, cnic_p=0.45, phone_p=0.0)
        wife.husband = list(head.given)
        if rng.random() < 0.8:
            fam.append((wife, "wife"))
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
            s = rng.choice(["male", "female"])
            kid = new_person(s, (5, 17), home, kind=kind, child=True, cnic_p=0.1, phone_p=0,
                             father=list(head.given), married=False)
            kid.mohalla, kid.village, kid.town, kid.house = head.mohalla, head.village, head.town, head.house
            fam.append((kid, "child"))
        if rng.random() < 0.2:
            b = sibling(head, "male", (20, 50))
            fam.append((b, "brother"))
        date = rday(rng, 2023, rng.choice([2, 2, 3, 3, 4]))
        kiln = rng.choice(KILNS)
        expl = ["bonded_labour"]
        legal = rng.choices(["fir", "app", "none"], [45, 20, 35] if sindh else [74, 10, 16])[0]
        case = None
        if legal == "fir":
            if not sindh and date.month in (2, 3) and date <= D(2023, 3, 28):
                ss = rng.choice(["BLSA11_374", "BLSA11_374", "BLSA4_11", "BLSA11", "PTPA3_374"])
                fdate = date + dt.timedelta(days=rng.randint(0, 3))
                case = Case("SKP", "%d/23" % cid_skp[kd], fdate, ss,
                            status=pick_status(rng, (70, 15, 2, 2, 6, 5)), expl=expl,
                            accused=(kiln.replace("Bhatta ", "") + " (kiln owner)"))
                cid_skp[kd] += rng.randint(2, 25)
                case.district = kd
                case.ps = "PS " + rng.choice((DIST[kd][3] or ["Saddar"]) + ["Saddar", "City"])
                case.members = [m for m, r in fam if r != "child" or rng.random() < 0.5]
                skp_cases.append(case)
            else:
                ss = rng.choice(["BLSA11_374", "BLSA11"])
                case = Case("NGOSD", "%d/23" % rng.randint(5, 90), date + dt.timedelta(days=1), ss,
                            status="", expl=expl)
                case.ps = "PS " + (rng.choice(DIST[kd][3]) if DIST[kd][3] else "Saddar " + kd)
        for m, r in fam:
            prot = rng.choices(["restored_to_family", "in_shelter", "referred", ""], [45, 25, 10, 20])[0]
            ngo.append(App(m, "NGO", date, case, prot=prot, expl=expl, status="", kiln=kiln,
                           kd=kd, legal=legal, famrole=r))
    W["NGO"] = ngo
    # independent Sheikhupura-region police cases
    n = sum(len(c.members) for c in skp_cases)
    while n < 204:
        kd = rng.choice(PB_K)
        date = rday(rng, 2023, rng.choice([2, 3]))
        ss = rng.choices(["PTPA3", "PTPA3_371A", "PPC371AB", "PPC366A", "PPC365B", "PPC310A",
                          "PPC498B", "BLSA11_374", "PTPA34"], [16, 14, 12, 10, 10, 6, 6, 16, 10])[0]
        if ss in ("BLSA11_374",):
            mem = [new_person("male", (18, 50), kd, cnic_p=0.6)] + \
                  [new_person(rng.choice(["male", "female"]), (14, 45), kd, cnic_p=0.5)
                   for _ in range(rng.choice([0, 1, 2]))]
            ex = ["bonded_labour"]
        elif ss == "PTPA34":
            mem = [new_person("male", (16, 40), kd, cnic_p=0.7) for _ in range(rng.choice([1, 2]))]
            ex = ["forced_labour"]
        else:
            child = ss == "PPC366A" or rng.random() < 0.2
            mem = [new_person("female", (12, 17) if child else (18, 35), kd, child=child,
                              cnic_p=0.3 if child else 0.7) for _ in range(rng.choice([1, 1, 2]))]
            ex = {"PPC365B": ["forced_marriage"], "PPC310A": ["forced_marriage"],
                  "PPC498B": ["forced_marriage"]}.get(ss, ["sexual_exploitation"] if rng.random() < 0.5 else [])
        c = Case("SKP", "%d/23" % cid_skp[kd], date, ss, status=pick_status(rng), expl=ex,
                 accused=accused_text(rng))
        cid_skp[kd] += rng.randint(2, 25)
        c.district = kd
        c.ps = "PS " + rng.choice((DIST[kd][3] or []) + ["Saddar", "City", "Sadar"])
        c.members = mem
        skp_cases.append(c)
        n += len(mem)
    skp_cases.sort(key=lambda c: (c.date, c.cid))
    W["SKP"] = [(c, [App(p, "SKP", c.date, c) for p in c.members]) for c in skp_cases]
    # women and girls of Sheikhupura-region FIRs sent to Dar-ul-Aman Lahore
    skp_f = [(a.p, c) for c, apps in W["SKP"] for a in apps
             if a.p.sex == "female" and c.sset not in ("BLSA11_374", "BLSA4_11", "BLSA11", "PTPA3_374")
             and a.p.age_at(c.date) >= 13]
    for p, c in rng.sample(skp_f, min(18, len(skp_f))):
        d = c.date + dt.timedelta(days=rng.randint(0, 3))
        m = d.month if d.month in (2, 3) else 3
        if d.month == 4:
            d = D(2023, 3, 31)
        prot = rng.choices(["in_shelter", "restored_to_family", "referred", "escaped", "discharged"],
                           [40, 30, 8, 7, 15])[0]
        W["DUA"][m].append(App(p, "DUA", d, c, prot=prot, status="", kind="tip", ref=c.ps, month=m))
    for m in (2, 3):
        W["DUA"][m].sort(key=lambda a: a.date)

    # ---------------- Pool E: FIA AHTC Karachi (Mar .xls, Apr .xlsx) --------------------------
    KHI_D = ["Karachi East", "Karachi West", "Karachi South", "Karachi Central", "Korangi",
             "Keamari", "Malir"]

    def khi_case(month, cidn):
        date = rday(rng, 2023, month)
        kind = rng.choices(["bgd_w", "mig", "pk_som", "fish", "dep", "dom"], [22, 22, 22, 10, 16, 8])[0]
        if kind == "bgd_w":
            ss = rng.choice(["PTPA3_371A", "PSMA3_PTPA3", "PTPA3"]); ex = ["sexual_exploitation"]
            mem = [(new_person("female", (17, 30), rng.choice(KHI_D), kind="bgd", cnic_p=0, phone_p=0.1),
                    "victim") for _ in range(rng.choice([1, 2, 3, 4, 5]))]
        elif kind == "mig":
            ss = "PSMA3_FA14"; ex = []
            k = rng.choice(["bgd", "afg", "afg"])
            mem = [(new_person("male", (18, 40), rng.choice(KHI_D), kind=k, cnic_p=0, phone_p=0.2),
                    "smuggled_migrant") for _ in range(rng.choice([1, 2, 3, 4, 6]))]
        elif kind == "pk_som":
            ss = rng.choice(["PSMA3", "EO172"]); ex = []
            dd = rng.choice(KHI_D + ["Gujrat", "Sialkot", "Mandi Bahauddin", "Gujranwala", "Quetta"])
            first = new_person("male", (18, 35), dd, cnic_p=0.9, phone_p=0.5, married=False)
            mem = [(first, "smuggled_migrant")]
            for _ in range(rng.choice([0, 1, 2, 3])):
                q = sibling(first, "male", (18, 35)) if rng.random() < 0.3 else \
                    new_person("male", (18, 35), rng.choice(KHI_D + ["Gujrat", "Sialkot"]), cnic_p=0.9)
                mem.append((q, "smuggled_migrant"))
        elif kind == "fish":
            ss = "PTPA3_374"; ex = ["forced_labour"]
            mem = [(new_person("male", (16, 45), rng.choice(["Keamari", "Karachi West", "Malir"]),
                               cnic_p=0.75), "victim") for _ in range(rng.choice([1, 2, 3, 4]))]
        elif kind == "dep":
            ss = "EO171"; ex = []
            mem = [(new_person("male", (20, 40), rng.choice(KHI_D + ["Gujrat", "Quetta", "Malir"]),
                               cnic_p=0.95), "deportee") for _ in range(rng.choice([1, 2, 3]))]
        else:
            ss = "PTPA3"; ex = ["domestic_servitude"]
            mem = [(new_person("female", (9, 16), rng.choice(KHI_D), child=True, cnic_p=0.3),
                    "victim")]
        c = Case("KHI", "%d/2023" % cidn, date, ss,
                 status=pick_status(rng, (75, 10, 2, 1, 6, 6)), expl=ex, accused=accused_text(rng))
        c.enq = rng.random() < 0.2
        c.kind, c.members = kind, mem
        return c

    km = []
    cidn = 61
    while sum(len(c.members) for c in km) < 204:
        km.append(khi_case(3, cidn)); cidn += 1
    km.sort(key=lambda c: c.date)
    for i, c in enumerate(km):
        c.cid = re.sub(r"\d+/", "%d/" % (61 + i), c.cid)
    ka = []
    while sum(len(c.members) for c in ka) < 150:
        ka.append(khi_case(4, cidn)); cidn += 1
    ka.sort(key=lambda c: c.date)
    for i, c in enumerate(ka):
        c.cid = re.sub(r"\d+/", "%d/" % (61 + len(km) + i), c.cid)
    W["KHI3"] = [(c, [App(p, "KHI3", c.date, c, role=r) for p, r in c.members]) for c in km]
    updk = rng.sample([c for c in km if c.status == "investigation"], 30)
    updk.sort(key=lambda c: c.date)
    partb = []
    for c in updk:
        st = advance_status(rng, c.status)
        apps = []
        for p, r in c.members:
            prot = ""
            if p.kind == "bgd" and r == "victim" and rng.random() < 0.6:
                prot = "repatriated"
            apps.append(App(p, "KHI4", c.date, c, role=r, status=st, prot=prot))
        partb.append((c, apps))
    W["KHI4"] = {"A": [(c, [App(p, "KHI4", c.date, c, role=r) for p, r in c.members]) for c in ka],
                 "B": partb}

    # ---------------- look-alikes: different persons who resemble people already present -------
    add_lookalikes()


def add_lookalikes():
    """Insert namesakes / same-name-and-father look-alikes as extra records near their twins."""
    rng = R
    # GJT Mar deportees: look-alikes of GRW Feb victims; GRW Mar new cases: look-alikes of GJT Feb
    grw_feb = [a.p for c, apps in W["GRW2"]["A"] for a in apps if a.p.sex == "male"]
    for mode, src in (("samefather", rng.sample(grw_feb, 10)), ("namesake", rng.sample(grw_feb, 8))):
        for p in src:
            q = lookalike(p, mode)
            a = App(q, "GJT3", rday(rng, 2023, 3), None, role="deportee", status="",
                    grp=dict(members=[q], date=None, country=rng.choices(COUNTRIES, CW)[0],
                             agent=agent_name(rng), action=("released", None), month=3))
            a.extra["grp"]["date"] = a.date
            L = W["GJT3"]
            cuts = [i for i in range(1, len(L)) if L[i - 1].extra["grp"] is not L[i].extra["grp"]]
            L.insert(rng.choice(cuts), a)
    # LHR April: look-alikes of DUA March residents (same name & father, other age/district)
    dua3 = [a.p for a in W["DUA"][3]]
    for p in rng.sample(dua3, 8):
        q = lookalike(p, "samefather")
        c = Case("LHR", "", rday(rng, 2023, 4), "PTPA3", status="investigation",
                 expl=["sexual_exploitation"], accused=accused_text(rng))
        c.members = [q]
        W["LHR4"]["I"].append((c, [App(q, "LHR4", c.date, c)]))
    W["LHR4"]["I"].sort(key=lambda x: x[0].date)
    base = int(W["LHR4"]["I"][0][0].cid.split("/")[0]) if W["LHR4"]["I"][0][0].cid else 0
    nums = sorted(int(c.cid.split("/")[0]) for c, _ in W["LHR4"]["I"] if c.cid)
    start = nums[0]
    for i, (c, apps) in enumerate(W["LHR4"]["I"]):
        c.cid = "%d/23" % (start + i)
    # NGO: namesakes of SKP independent victims (same name, other father)
    skp_m = [a.p for c, apps in W["SKP"] for a in apps if a.p.sex == "male" and len(a.p.apps) == 1]
    for p in rng.sample(skp_m, 8):
        q = lookalike(p, "namesake")
        W["NGO"].append(App(q, "NGO", rday(rng, 2023, 3), None, prot="restored_to_family",
                            expl=["bonded_labour"], status="", kiln=rng.choice(KILNS), kd=q.dist
                            if q.dist in ("Sheikhupura", "Kasur", "Nankana Sahib", "Okara") else "Sheikhupura",
                            legal="none", famrole="head"))
    # CPWB April: namesake children (same name, other father) of March children
    for a0 in rng.sample(W["CPWB3"], 8):
        p = a0.p
        q = new_person(p.sex, (5, 15), p.dist, child=True, given=list(p.given), cnic_p=0.2)
        q.lookalike_of = p.pid
        W["CPWB4"].append(App(q, "CPWB4", rday(rng, 2023, 4), None, prot="restored_to_family",
                              expl=["begging"], status="", cat="begging"))
    W["CPWB4"].sort(key=lambda a: a.date)


# ---------------------------------------------------------------------------------------------
# 7. Output infrastructure
# ---------------------------------------------------------------------------------------------
FIELDS = ["file", "sheet", "row", "victim_index", "person_id", "name", "father_name",
          "husband_name", "sex", "age", "date_of_birth", "cnic", "phone", "date", "district",
          "province", "nationality", "law_sections", "crime_type", "exploitation", "case_id",
          "case_status", "protection_status", "role"]
TRUTH = []
KINDS = []      # (file, sheet, kind, rows)
CHECK = []      # (file, sheet, row, victim_index, [substrings expected in that row])
FIXED_TS = dt.datetime(2023, 5, 2, 10, 30, 0)


def T(fn, sheet, row, vi, a, chk=(), **kw):
    t = {k: "" for k in FIELDS}
    t.update(file=fn, sheet=sheet or "", row=row, victim_index=vi, person_id=a.p.pid, role=a.role)
    for k, v in kw.items():
        if isinstance(v, (list, tuple)):
            v = "|".join(v)
        t[k] = "" if v is None else str(v)
    if t["district"] and not t["province"]:
        t["province"] = PROV[DIST[t["district"]][0]]
    TRUTH.append(t)
    CHECK.append((fn, sheet or "", row, vi, [str(c) for c in chk if c not in (None, "")]))
    return t


def sex_truth(col=None, rel=None, hon=""):
    if col:
        return col
    if rel == "s":
        return "male"
    if rel in ("d", "w"):
        return "female"
    h = (hon or "").strip().lower()
    if h.startswith("mst"):
        return "female"
    if h == "mr.":
        return "male"
    return ""


def parent_of(p, rng, p_w=0.6):
    """Which relation is written for p: ('s'|'d'|'w', tokens)."""
    if p.sex == "female":
        if p.husband and rng.random() < p_w:
            return "w", p.husband
        return "d", p.father
    return "s", p.father


def par_hon(rng, p=0.08):
    return rng.choice(["Ch. ", "Malik ", "Rana ", "Haji "]) if rng.random() < p else ""


def age_written(a, rng, p_noise=0.08):
    """Age as the unit records it (other units may differ by a year)."""
    age = a.p.age_at(a.date)
    if rng.random() < p_noise:
        age += rng.choice([-1, 1])
    return max(age, 1)


def status_txt(st, rng, urdu=False):
    if not st:
        return ""
    if urdu:
        return rng.choice(STATUS_UR[st])
    return rng.choice(STATUS_TXT[st])


def sect_txt(case, rng, urdu=False):
    en, urv = SSETS[case.sset][1], SSETS[case.sset][2]
    if urdu and urv:
        return rng.choice(urv)
    return rng.choice(en)


def sect_us(case, rng):
    """A rendering that does not itself start with 'u/s' (for 'u/s %s' templates)."""
    en = [x for x in SSETS[case.sset][1] if not x.startswith("u/s")]
    return rng.choice(en)


def kind(fn, sheet, k, rows):
    KINDS.append((fn, sheet or "", k, rows))


def xl_rows_nonempty(ws):
    n = 0
    for row in ws.iter_rows():
        if any(c.value not in (None, "") for c in row):
            n += 1
    return n


def save_xlsx(wb, rel, cached):
    """Save, then write cached values for formula cells (as Excel would) and fix timestamps."""
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb.properties.creator = "FIA"
    wb.properties.created = FIXED_TS
    wb.properties.modified = FIXED_TS
    bio = io.BytesIO()
    wb.save(bio)
    zin = zipfile.ZipFile(io.BytesIO(bio.getvalue()))
    names = [ws.title for ws in wb.worksheets]
    out = io.BytesIO()
    zout = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    for info in zin.infolist():
        data = zin.read(info.filename)
        m = re.match(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
        if m:
            title = names[int(m.group(1)) - 1]
            txt = data.decode("utf-8")
            for ref, (val, typ) in cached.get(title, {}).items():
                pat = re.compile(r'<c r="%s"((?: s="\d+")?)(?: t="\w+")?><f>(.*?)</f><v ?/>' % ref)
                tattr = {"n": "", "e": ' t="e"', "str": ' t="str"'}[typ]
                txt, k = pat.subn(lambda mm: '<c r="%s"%s%s><f>%s</f><v>%s</v>' % (
                    ref, mm.group(1), tattr, mm.group(2), val), txt)
                assert k == 1, (rel, title, ref)
            data = txt.encode("utf-8")
        if info.filename == "docProps/core.xml":
            data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                          b'<dcterms:modified xsi:type="dcterms:W3CDTF">2023-05-02T10:30:00Z</dcterms:modified>', data)
            data = re.sub(rb"<dcterms:created[^>]*>[^<]*</dcterms:created>",
                          b'<dcterms:created xsi:type="dcterms:W3CDTF">2023-05-02T10:30:00Z</dcterms:created>', data)
        zi = zipfile.ZipInfo(info.filename, date_time=(2023, 5, 2, 10, 30, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zout.writestr(zi, data)
    zout.close()
    with open(path, "wb") as f:
        f.write(out.getvalue())


class Sheet:
    """Small helper around an openpyxl worksheet: row cursor, formulas with cached values."""

    def __init__(self, wb, title, first=False):
        self.ws = wb.active if first else wb.create_sheet(title)
        self.ws.title = title
        self.r = 1
        self.cached = {}

    def put(self, row, col, val, fmt=None, wrap=False):
        c = self.ws.cell(row=row, column=col)
        if isinstance(val, tuple) and val and val[0] == "=":
            # ("=", formula, cached_value, type)
            c.value = "=" + val[1]
            self.cached[c.coordinate] = (val[2], val[3])
        else:
            c.value = val
        if fmt:
            c.number_format = fmt
        if wrap or (isinstance(val, str) and "\n" in val):
            c.alignment = Alignment(wrap_text=True, vertical="top")
        return c

    def row(self, vals, start_col=1, fmts=None, bold=False):
        for j, v in enumerate(vals):
            if v is None or v == "":
                continue
            c = self.put(self.r, start_col + j, v, (fmts or {}).get(j))
            if bold:
                c.font = Font(bold=True)
        self.r += 1
        return self.r - 1

    def title(self, text, ncols, bold=True):
        r = self.row([text], bold=bold)
        self.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        self.ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
        return r


def xl_date(d):
    return dt.datetime(d.year, d.month, d.day)


def list_cell(items, style):
    """items: list of (index, text); text '' entries are kept as placeholders unless dropped."""
    if style == "num_inline":
        return " ".join("%d. %s" % (i, x) for i, x in items)
    if style == "num_nl":
        return "\n".join("%d) %s" % (i, x) for i, x in items)
    if style == "newline":
        return "\n".join(x for i, x in items)
    if style == "semicolon":
        return "; ".join(x for i, x in items)
    if style == "comma":
        return ", ".join(x for i, x in items)
    raise ValueError(style)


# ---------------------------------------------------------------------------------------------
# 8. Writers.  Each writes one file and the truth rows for it.
# ---------------------------------------------------------------------------------------------
def victim_text(a, rng, p_hon=0.12, p_nopar=0.07, p_caps=0.1, p_w=0.4):
    """'Name s/o Father' text for a victim inside a case cell. Returns text and truth parts."""
    p = a.p
    hon = honorific(p, rng, p_hon)
    nt, ntr = rn(p.given, rng)
    nt = casefmt(nt, rng, p_caps)
    if rng.random() < p_nopar:
        return dict(txt=hon + nt, name=ntr, rel=None, par="", hon=hon, ntxt=nt)
    rel, par = parent_of(p, rng, p_w)
    pt, ptr = rn(par, rng)
    txt = "%s%s %s %s%s" % (hon, nt, rel_marker(rel, rng), par_hon(rng), casefmt(pt, rng, p_caps))
    return dict(txt=txt, name=ntr, rel=rel, par=ptr, hon=hon, ntxt=nt)


def rel_fields(v):
    return dict(father_name=v["par"] if v["rel"] in ("s", "d") else "",
                husband_name=v["par"] if v["rel"] == "w" else "")


def parallel(values, rng, missing_mode):
    """values: list of (text, truth) per victim, text '' when nothing to write.
    Returns (cell text, [truth per victim])."""
    n = len(values)
    style = rng.choice(["newline", "newline", "comma", "semicolon", "num_nl"])
    if all(t == "" for t, _ in values):
        return rng.choice(["", "N/A", "-"]), [""] * n
    if missing_mode == "full":
        items = [(i + 1, t if t != "" else rng.choice(["-", "N/A", "Nil"])) for i, (t, _) in enumerate(values)]
        return list_cell(items, style), [tr for _, tr in values]
    if missing_mode == "numbered":
        items = [(i + 1, t) for i, (t, _) in enumerate(values) if t != ""]
        return list_cell(items, "num_nl" if rng.random() < 0.6 else "num_inline"), [tr for _, tr in values]
    # 'skip': entries without a value are simply left out, unnumbered
    items = [(i + 1, t) for i, (t, _) in enumerate(values) if t != ""]
    style = rng.choice(["newline", "comma", "semicolon"])
    if len(items) == n:
        return list_cell(items, style), [tr for _, tr in values]
    return list_cell(items, style), [""] * n


NA_WORDS = ("", "N/A", "Not available", "-", "under process", "Nil")


def write_grw_feb():
    rng = random.Random(SEED + 1)
    fn = "FIA_AHTC_Gujranwala/AHTC GRW Feb-2023.xlsx"
    sh = "Feb-2023"
    wb = openpyxl.Workbook()
    S = Sheet(wb, sh, first=True)
    NC = 11
    S.title("FEDERAL INVESTIGATION AGENCY", NC)
    S.title("ANTI HUMAN TRAFFICKING CIRCLE GUJRANWALA", NC)
    S.title("Statement showing the detail of cases registered during the month of February, 2023", NC, bold=False)
    S.r += 1
    HDR = ["Sr. No.", "FIR No. & Date", "U/S", "Name of victim(s) with parentage", "CNIC No.", "Age",
           "Residence", "Country", "Name of Accused / Agent", "Present Status", "Remarks"]
    S.row(HDR, bold=True)
    S.row([str(i) for i in range(1, 12)])
    first_data = S.r
    sr, prev, since = 0, None, 0
    nvict = 0
    draft = []
    for c, apps in W["GRW2"]["A"]:
        if since >= 38:
            S.row(HDR, bold=True)
            since, prev = 0, None
        r = S.r
        sr += 1
        S.put(r, 1, ("=", "A%d+1" % prev, sr, "n") if prev else sr)
        prev = r
        dstyle = rng.choice(["dmy.", "dmy.", "dmy/", "dmy-short", "dmon", "d.m.yy"])
        dtxt = fmt_date(c.date, dstyle)
        has_date = rng.random() > 0.04
        form = rng.choice(["FIR No. %s dated %s", "%s\n%s", "%s dt. %s", "FIR %s dated %s"])
        S.put(r, 2, form % (c.cid, dtxt) if has_date else "FIR No. %s" % c.cid)
        has_sec = rng.random() > 0.04
        if has_sec:
            S.put(r, 3, sect_txt(c, rng))
        vs = [victim_text(a, rng) for a in apps]
        n = len(apps)
        if n == 1:
            S.put(r, 4, vs[0]["txt"])
        else:
            S.put(r, 4, list_cell([(i + 1, v["txt"]) for i, v in enumerate(vs)],
                                  rng.choice(["num_inline", "newline", "semicolon", "num_nl", "num_inline"])))
        # CNICs
        cn = []
        for a in apps:
            if n == 1:
                cv, ct = render_cnic(a.p.cnic, rng)
            else:
                cv, ct = render_cnic(a.p.cnic, rng, styles=("dash", "dash", "plain"))
            cn.append((cv, ct))
        if n == 1:
            S.put(r, 5, cn[0][0])
            cn_truth = [cn[0][1]]
        else:
            mode = rng.choices(["full", "skip", "numbered"], [55, 30, 15])[0]
            txt, cn_truth = parallel([("" if (t == "" and str(v) in NA_WORDS) else str(v), t)
                                      for v, t in cn], rng, mode)
            S.put(r, 5, txt)
        # ages
        ages = []
        for a in apps:
            if rng.random() < 0.07:
                ages.append(("", ""))
            else:
                ages.append(render_age(age_written(a, rng), rng, styles=("n", "n", "yrs", "Y")))
        if n == 1:
            S.put(r, 6, ages[0][0])
            age_truth = [ages[0][1]]
        else:
            mode = rng.choices(["full", "skip"], [60, 40])[0]
            txt, age_truth = parallel(ages, rng, mode)
            S.put(r, 6, txt)
        # residence
        if n == 1 or rng.random() < 0.65:
            at, ad, apv = render_address(apps[0].p, rng)
            S.put(r, 7, at)
            res = [(ad, apv)] * n
        else:
            addrs = [render_address(a.p, rng) for a in apps]
            S.put(r, 7, list_cell([(i + 1, x[0]) for i, x in enumerate(addrs)], rng.choice(["num_nl", "newline"])))
            res = [(x[1], x[2]) for x in addrs]
        S.put(r, 8, c.dest)
        S.put(r, 9, c.accused)
        has_st = rng.random() > 0.05
        st = apps[0].status
        if has_st:
            S.put(r, 10, status_txt(st, rng))
        grp = None
        for a in apps:
            for b in a.p.apps:
                if b.fkey.startswith("GJT") and b.date <= c.date:
                    grp = b.extra["grp"]
        if grp and rng.random() < 0.7:
            S.put(r, 11, "Victims deported from %s on %s" % (grp["country"], fmt_date(grp["date"], "dmy.")))
        elif rng.random() < 0.1:
            S.put(r, 11, rng.choice(["Accused arrested", "Accused on bail", "Recovery Rs. 500,000"]))
        for i, (a, v) in enumerate(zip(apps, vs)):
            T(fn, sh, r, i + 1, a, chk=[v["ntxt"]], name=v["name"], sex=sex_truth(None, v["rel"], v["hon"]),
              age=age_truth[i], cnic=cn_truth[i], date=c.date.isoformat() if has_date else "",
              district=res[i][0], province=res[i][1],
              law_sections=c.codes if has_sec else "", crime_type=c.crime if has_sec else "",
              case_id=c.cid, case_status=st if has_st else "", **rel_fields(v))
        S.r += 1
        since += 1
        nvict += n
        if rng.random() < 0.12:
            draft.append((c, vs))
    last = S.r - 1
    ncount = sum(1 for rr in range(first_data, last + 1) if S.ws.cell(rr, 2).value not in (None, ""))
    S.r += 1
    S.put(S.r, 1, "TOTAL")
    S.put(S.r, 2, ("=", "COUNTA(B%d:B%d)" % (first_data, last), ncount, "n"))
    S.put(S.r, 4, "%d victims" % nvict)
    S.r += 3
    for t in ["Sd/-", "Deputy Director", "FIA AHT Circle Gujranwala"]:
        S.put(S.r, 10, t); S.r += 1
    S.put(S.r + 1, 1, "Focal Person: Inspector Khalid Mehmood (0300-0000000)")
    kind(fn, sh, "data", xl_rows_nonempty(S.ws))
    # summary sheet
    S2 = Sheet(wb, "Summary")
    S2.row(["Summary of cases registered - February 2023"], bold=True)
    S2.row(["Offence", "No. of cases", "No. of victims"], bold=True)
    by = {}
    for c, apps in W["GRW2"]["A"]:
        k = SSETS[c.sset][1][0]
        by.setdefault(k, [0, 0]); by[k][0] += 1; by[k][1] += len(apps)
    r0 = S2.r
    for k, (nc, nv) in sorted(by.items()):
        S2.row([k, nc, nv])
    r1 = S2.r - 1
    S2.row(["Total", ("=", "SUM(B%d:B%d)" % (r0, r1), sum(v[0] for v in by.values()), "n"),
            ("=", "SUM(C%d:C%d)" % (r0, r1), sum(v[1] for v in by.values()), "n")], bold=True)
    kind(fn, "Summary", "summary", xl_rows_nonempty(S2.ws))
    # hidden draft sheet: earlier half-typed copy of some rows (no records)
    S3 = Sheet(wb, "Draft")
    S3.row(["draft - do not send"])
    S3.row(HDR)
    for c, vs in draft:
        S3.row(["", c.cid, "", "\n".join(v["txt"] for v in vs), "", "", "", c.dest, "", "??"])
    S3.ws.sheet_state = "hidden"
    kind(fn, "Draft", "hidden", xl_rows_nonempty(S3.ws))
    save_xlsx(wb, fn, {sh: S.cached, "Summary": S2.cached})


def write_grw_mar():
    rng = random.Random(SEED + 2)
    fn = "FIA_AHTC_Gujranwala/AHTC GRW March-2023.xlsx"
    sh = "March 2023"
    wb = openpyxl.Workbook()
    S = Sheet(wb, sh, first=True)
    NC = 11
    S.title("FIA, AHT Circle Gujranwala", NC)
    S.title("Monthly Return: Cases Registered (March-2023)", NC)
    S.row(["Ref: No. AHTC/GRW/2023/%d dated 05-04-2023" % rng.randint(300, 900)])
    S.r += 1

    def header():
        r = S.r
        for col, txt in ((1, "S#"), (4, "Offence"), (8, "Destination"), (9, "Accused"), (10, "Status"),
                         (11, "Remarks")):
            S.put(r, col, txt).font = Font(bold=True)
            S.ws.merge_cells(start_row=r, start_column=col, end_row=r + 1, end_column=col)
        S.put(r, 2, "Case").font = Font(bold=True)
        S.ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
        S.put(r, 5, "Victims").font = Font(bold=True)
        S.ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=7)
        S.put(r + 1, 2, "FIR No."); S.put(r + 1, 3, "Date")
        S.put(r + 1, 5, "Name, parentage & age"); S.put(r + 1, 6, "CNIC"); S.put(r + 1, 7, "Address")
        S.r += 2

    header()
    since = 0
    for part, label in (("A", "PART-A: CASES REGISTERED DURING MARCH 2023"),
                        ("B", "PART-B: PENDING CASES OF PREVIOUS MONTHS (STATUS UPDATED)")):
        r = S.row([label], bold=True)
        S.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=NC)
        sr, prev = 0, None
        for c, apps in W["GRW3"][part]:
            if since >= 42:
                header(); since, prev = 0, None
            r = S.r
            sr += 1
            S.put(r, 1, ("=", "A%d+1" % prev, sr, "n") if prev else sr)
            prev = r
            S.put(r, 2, c.cid)
            has_date = rng.random() > 0.03
            if has_date:
                if rng.random() < 0.75:
                    S.put(r, 3, xl_date(c.date), "dd-mm-yyyy")
                else:
                    S.put(r, 3, fmt_date(c.date, rng.choice(["dmy-", "dmy/", "th", "dmon"])))
            has_sec = rng.random() > 0.04
            if has_sec:
                S.put(r, 4, sect_txt(c, rng))
            n = len(apps)
            vs, ages, cns = [], [], []
            for a in apps:
                v = victim_text(a, rng, p_nopar=0.05)
                ag = age_written(a, rng)
                st = rng.random()
                if st < 0.08:
                    at = ""
                elif st < 0.7:
                    at = " (%d)" % ag
                elif st < 0.85:
                    at = ", %d yrs" % ag
                else:
                    at = " age %d" % ag
                v["txt2"] = v["txt"] + at
                ages.append(str(ag) if at else "")
                vs.append(v)
                cns.append(render_cnic(a.p.cnic, rng, styles=("dash", "plain") if n > 1 else
                                       ("dash", "plain", "num")))
            if n == 1:
                S.put(r, 5, vs[0]["txt2"])
                if rng.random() < 0.03:
                    S.put(r, 6, "#REF!")
                    cn_truth = [""]
                else:
                    S.put(r, 6, cns[0][0])
                    cn_truth = [cns[0][1]]
            else:
                S.put(r, 5, list_cell([(i + 1, v["txt2"]) for i, v in enumerate(vs)],
                                      rng.choice(["num_nl", "newline", "num_inline"])))
                mode = rng.choices(["full", "skip", "numbered"], [50, 35, 15])[0]
                txt, cn_truth = parallel([("" if (t == "" and str(v) in NA_WORDS) else str(v), t)
                                          for v, t in cns], rng, mode)
                S.put(r, 6, txt)
            if n == 1 or rng.random() < 0.7:
                at, ad, apv = render_address(apps[0].p, rng)
                S.put(r, 7, at)
                res = [(ad, apv)] * n
            else:
                addrs = [render_address(a.p, rng) for a in apps]
                if rng.random() < 0.25:   # one address fewer than the victims: cannot be aligned
                    addrs_w = addrs[:-1]
                    S.put(r, 7, "\n".join(x[0] for x in addrs_w))
                    res = [("", "")] * n
                else:
                    S.put(r, 7, list_cell([(i + 1, x[0]) for i, x in enumerate(addrs)], "num_nl"))
                    res = [(x[1], x[2]) for x in addrs]
            S.put(r, 8, c.dest)
            S.put(r, 9, c.accused)
            st = apps[0].status
            has_st = rng.random() > 0.04
            if has_st:
                S.put(r, 10, status_txt(st, rng))
            if part == "B" and rng.random() < 0.5:
                S.put(r, 11, rng.choice(["Status updated", "Challan submitted on %s" % fmt_date(
                    D(2023, 3, rng.randint(1, 31)), "dmy.") if st == "prosecution" else "I.O changed",
                                         "Accused on interim bail"]))
            for i, (a, v) in enumerate(zip(apps, vs)):
                T(fn, sh, r, i + 1, a, chk=[v["ntxt"]], name=v["name"],
                  sex=sex_truth(None, v["rel"], v["hon"]), age=ages[i], cnic=cn_truth[i],
                  date=c.date.isoformat() if has_date else "", district=res[i][0],
                  province=res[i][1], law_sections=c.codes if has_sec else "",
                  crime_type=c.crime if has_sec else "", case_id=c.cid,
                  case_status=st if has_st else "", **rel_fields(v))
            S.r += 1
            since += 1
        S.r += 1
    S.r += 1
    for t in ["Sd/-", "(Focal Person)", "Assistant Director", "AHT Circle Gujranwala"]:
        S.put(S.r, 9, t); S.r += 1
    kind(fn, sh, "data", xl_rows_nonempty(S.ws))
    S2 = Sheet(wb, "Summary")
    S2.row(["Month", "Cases B/F", "New cases", "Disposed", "Pending"], bold=True)
    S2.row(["January 2023", 61, 38, 12, 87])
    S2.row(["February 2023", 87, len(W["GRW2"]["A"]), 19, 87 + len(W["GRW2"]["A"]) - 19])
    S2.row(["March 2023", 87 + len(W["GRW2"]["A"]) - 19, len(W["GRW3"]["A"]), 22,
            ("=", "B4+C4-D4", 87 + len(W["GRW2"]["A"]) - 19 + len(W["GRW3"]["A"]) - 22, "n")])
    kind(fn, "Summary", "summary", xl_rows_nonempty(S2.ws))
    S3 = Sheet(wb, "Sheet2")
    for k in STATUS_TXT:
        S3.row([k] + STATUS_TXT[k][:3])
    S3.ws.sheet_state = "veryHidden"
    kind(fn, "Sheet2", "hidden", xl_rows_nonempty(S3.ws))
    save_xlsx(wb, fn, {sh: S.cached, "Summary": S2.cached})


def sex_cell(p, rng, styles=("F/M", "word", "word"), p_blank=0.04):
    """Sex column text and its truth."""
    if rng.random() < p_blank and p.sex != "transgender":
        return "", ""
    st = rng.choice(styles)
    if p.sex == "transgender":
        return rng.choice(["TG", "Khawaja Sira", "Transgender", "Khawaja sira"]), "transgender"
    if st == "F/M":
        return ("F" if p.sex == "female" else "M"), p.sex
    if st == "word":
        return ("Female" if p.sex == "female" else "Male"), p.sex
    if st == "kid":
        return ("Girl" if p.sex == "female" else "Boy"), p.sex
    if st == "urdu":
        return ("عورت" if p.sex == "female" else "مرد"), p.sex
    if st == "urdu_kid":
        return ("لڑکی" if p.sex == "female" else "لڑکا"), p.sex
    raise ValueError(st)


def parent_cell(p, rng, bare_male=0.6, p_w=0.5, chain=0.05):
    """Father/Husband column text (relation marker for women, often bare for men)."""
    rel, par = parent_of(p, rng, p_w)
    pt, ptr = rn(par, rng)
    pt = par_hon(rng) + pt
    if rel == "s" and rng.random() < bare_male:
        return pt, dict(rel=None, father_name=ptr, husband_name="")
    if p.sex == "female" and p.husband and rng.random() < chain:
        ft, ftr = rn(p.father, rng)
        ht, htr = rn(p.husband, rng)
        return "D/O %s W/O %s" % (ft, ht), dict(rel="d", father_name=ftr, husband_name=htr)
    txt = "%s %s" % (rel_marker(rel, rng).upper() if rng.random() < 0.5 else rel_marker(rel, rng), pt)
    return txt, dict(rel=rel, father_name=ptr if rel != "w" else "", husband_name=ptr if rel == "w" else "")


def write_lhr(month):
    rng = random.Random(SEED + 10 + month)
    mname = {3: "March", 4: "April"}[month]
    fn = "FIA_AHTC_Lahore/AHTC Lahore victims %s-2023.xlsx" % mname[:3]
    sh = "Mar 23" if month == 3 else "April 2023"
    wb = openpyxl.Workbook()
    S = Sheet(wb, sh, first=True)
    has_distt = month == 3
    cols = ["Sr.", "FIR No.", "Dated", "U/S", "Police Station", "Name", "Father / Husband Name", "CNIC",
            "Age", "Gender", "Address"] + (["Distt."] if has_distt else []) + \
           ["Purpose of trafficking", "Status of case", "Remarks"]
    NC = len(cols)
    ci = {k: i + 1 for i, k in enumerate(cols)}
    S.put(1, NC, "Annexure-B"); S.r = 2
    S.title("FIA ANTI HUMAN TRAFFICKING CIRCLE LAHORE", NC)
    S.title("Victim-wise detail of cases registered during %s, 2023" % mname, NC)

    def header():
        r = S.r
        for k in ("Sr.", "Purpose of trafficking", "Status of case", "Remarks"):
            S.put(r, ci[k], k).font = Font(bold=True)
            S.ws.merge_cells(start_row=r, start_column=ci[k], end_row=r + 1, end_column=ci[k])
        S.put(r, 2, "Case Particulars").font = Font(bold=True)
        S.ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
        S.put(r, 6, "Particulars of Victim").font = Font(bold=True)
        S.ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=ci["Address"] + (1 if has_distt else 0))
        for k in cols[1:ci["Address"] + (1 if has_distt else 0)]:
            S.put(r + 1, ci[k], k).font = Font(bold=True)
        S.r += 2

    header()
    since = 0
    sr = 0
    parts = [("I", None)] if month == 3 else [("I", "PART-I: CASES REGISTERED DURING APRIL 2023"),
                                             ("II", "PART-II: STATUS OF CASES OF PREVIOUS MONTH (MARCH 2023)")]
    for part, label in parts:
        if label:
            r = S.row([label], bold=True)
            S.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=NC)
        for c, apps in W["LHR%d" % month][part]:
            n = len(apps)
            if since + n > 55:
                header(); since = 0
            r0 = S.r
            sr += 1
            # case cells (merged over the victims of the case)
            S.put(r0, ci["Sr."], sr)
            S.put(r0, ci["FIR No."], c.cid if rng.random() < 0.8 else "FIR No. " + c.cid)
            has_date = rng.random() > 0.03
            if has_date:
                if month == 3 and rng.random() < 0.85:
                    S.put(r0, ci["Dated"], xl_date(c.date), "dd.mm.yyyy")
                else:
                    S.put(r0, ci["Dated"], fmt_date(c.date, rng.choice(["dmy-short", "dmy.", "dmon", "th",
                                                                       "mdy_words", "dmy/"])))
            has_sec = rng.random() > 0.03
            if has_sec:
                S.put(r0, ci["U/S"], sect_txt(c, rng))
            S.put(r0, ci["Police Station"], "FIA AHTC Lahore")
            st = apps[0].status
            has_st = rng.random() > 0.04
            if has_st:
                S.put(r0, ci["Status of case"], status_txt(st, rng))
            merge_expl = n > 1 and rng.random() < 0.5
            ex_txt = "; ".join(rng.choice(EXPL_TXT[e]) for e in c.expl) if c.expl else ""
            if merge_expl and ex_txt:
                S.put(r0, ci["Purpose of trafficking"], ex_txt)
            for i, a in enumerate(apps):
                r = r0 + i
                p = a.p
                hon = honorific(p, rng, 0.25)
                nt, ntr = rn(p.given, rng)
                nt = casefmt(nt, rng, 0.12)
                S.put(r, ci["Name"], hon + nt)
                pt, pf = parent_cell(p, rng)
                if rng.random() < 0.04:
                    pt, pf = "", dict(rel=None, father_name="", husband_name="")
                S.put(r, ci["Father / Husband Name"], pt)
                cv, ct = render_cnic(p.cnic, rng, styles=("dash", "num", "num", "plain") if month == 3
                                     else ("dash", "plain", "space"))
                if isinstance(cv, int):
                    S.put(r, ci["CNIC"], cv)          # Excel shows 3.52021E+12
                else:
                    S.put(r, ci["CNIC"], cv)
                av, atr = render_age(age_written(a, rng), rng,
                                     styles=("int", "int", "n", "yrs") if month == 3 else ("n", "yrs", "Y", "about"),
                                     child_minor=0.25)
                if rng.random() < 0.05:
                    av, atr = "", ""
                S.put(r, ci["Age"], av)
                sv, str_ = sex_cell(p, rng)
                S.put(r, ci["Gender"], sv)
                at, ad, apv = render_address(p, rng)
                if rng.random() < 0.05:
                    at, ad, apv = "", "", ""
                S.put(r, ci["Address"], at)
                dist_t, prov_t = ad, apv
                if has_distt:
                    x = rng.random()
                    if x < 0.06:
                        S.put(r, ci["Distt."], "#N/A")
                    elif x < 0.11:
                        pass
                    else:
                        S.put(r, ci["Distt."], dist_variant(p.dist, rng, 0.3))
                        dist_t, prov_t = p.dist, PROV[DIST[p.dist][0]]
                if not merge_expl and ex_txt and rng.random() > 0.05:
                    S.put(r, ci["Purpose of trafficking"], ex_txt)
                    ex_t = c.expl
                elif merge_expl and ex_txt:
                    ex_t = c.expl
                else:
                    ex_t = []
                prot_t = ""
                if month == 4 and part == "II" and p.sex == "female" and rng.random() < 0.15:
                    S.put(r, ci["Remarks"], "Victim in Dar-ul-Aman")
                    prot_t = "in_shelter"
                T(fn, sh, r, 1, a, chk=[nt, cv if ct else ""], name=ntr, father_name=pf["father_name"],
                  husband_name=pf["husband_name"], sex=sex_truth(str_, pf["rel"], hon), age=atr,
                  cnic=ct, date=c.date.isoformat() if has_date else "", district=dist_t,
                  province=prov_t, law_sections=c.codes if has_sec else "",
                  crime_type=c.crime if has_sec else "", exploitation=ex_t, case_id=c.cid,
                  case_status=st if has_st else "", protection_status=prot_t)
            if n > 1:
                keys = ["Sr.", "FIR No.", "Dated", "U/S", "Police Station", "Status of case"] + \
                       (["Purpose of trafficking"] if merge_expl else [])
                for k in keys:
                    S.ws.merge_cells(start_row=r0, start_column=ci[k], end_row=r0 + n - 1, end_column=ci[k])
            S.r = r0 + n
            since += n
    S.r += 2
    S.put(S.r, ci["Address"], "Deputy Director"); S.r += 1
    S.put(S.r, ci["Address"], "FIA AHT Circle Lahore")
    kind(fn, sh, "data", xl_rows_nonempty(S.ws))
    if month == 3:
        S2 = Sheet(wb, "Instructions")
        for t in ["1. Fill one row per victim. Merge case columns for cases with more than one victim.",
                  "2. Write CNIC without dashes.", "3. Purpose: Sexual exploitation / Forced labour / "
                  "Domestic servitude / Forced marriage / Organ removal.",
                  "4. Send by 5th of next month to AHS Directorate (HQ)."]:
            S2.row([t])
        kind(fn, "Instructions", "notes", xl_rows_nonempty(S2.ws))
        S3 = Sheet(wb, "Summary")
        S3.row(["", "Cases", "Victims", "Female", "Male", "TG"], bold=True)
        allv = [a for c, apps in W["LHR3"]["I"] for a in apps]
        S3.row(["March 2023", len(W["LHR3"]["I"]), len(allv), sum(a.p.sex == "female" for a in allv),
                sum(a.p.sex == "male" for a in allv), sum(a.p.sex == "transgender" for a in allv)])
        kind(fn, "Summary", "summary", xl_rows_nonempty(S3.ws))
        S4 = Sheet(wb, "lists")
        for k in ["Sexual exploitation", "Forced labour", "Domestic servitude", "Forced marriage"]:
            S4.row([k])
        S4.ws.sheet_state = "veryHidden"
        kind(fn, "lists", "hidden", xl_rows_nonempty(S4.ws))
    else:
        # hidden copy of last month's sheet, left in the workbook
        S3 = Sheet(wb, "Mar (2)")
        S3.row(["FIA ANTI HUMAN TRAFFICKING CIRCLE LAHORE"])
        S3.row(["Sr.", "FIR No.", "Dated", "U/S", "Name", "Father / Husband Name", "CNIC", "Age"])
        k = 0
        for c, apps in W["LHR3"]["I"][:14]:
            for a in apps:
                k += 1
                S3.row([k, c.cid, fmt_date(c.date, "dmy."), SSETS[c.sset][1][0], canon(a.p.given),
                        canon(a.p.father), a.p.cnic or "", a.p.age_at(c.date)])
        S3.ws.sheet_state = "hidden"
        kind(fn, "Mar (2)", "hidden", xl_rows_nonempty(S3.ws))
    save_xlsx(wb, fn, {sh: S.cached})


def action_text(a, rng):
    g = a.extra["grp"]
    kind_, case = g["action"]
    if kind_ == "released":
        return rng.choice(["Released after interview", "Statement recorded & released", "Released",
                           "Handed over to relatives after interview"]), None, False
    if kind_ == "booked":
        return "Booked u/s %s vide FIR No. %s" % (sect_us(case, rng), case.cid), case, True
    return "Enquiry No. %s registered against agent u/s %s" % (case.cid, sect_us(case, rng)), case, True


def write_gjt(month):
    rng = random.Random(SEED + 20 + month)
    mname = {2: "February", 3: "March"}[month]
    fn = "FIA_CC_Gujrat/Deportees_%s_2023.xls" % mname[:3]
    wb = xlwt.Workbook(encoding="utf-8")
    sh = "Deportees %s-2023" % mname[:3] if month == 2 else "March"
    ws = wb.add_sheet(sh)
    bold = xlwt.easyxf("font: bold on; align: horiz center")
    datef = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    wrap = xlwt.easyxf("align: wrap on, vert top")
    nonempty = set()

    def w(r, c, v, st=None):
        if v in (None, ""):
            return
        nonempty.add(r)
        if st is not None:
            ws.write(r, c, v, st)
        else:
            ws.write(r, c, v)

    if month == 2:
        cols = ["Sr. No", "Name", "Parentage", "CNIC No", "Passport No", "Adress", "Deported from",
                "Date of Deportation", "Route / Mode", "Name of Agent", "Action taken", "Remarks"]
        NC = len(cols)
        for i, t in enumerate(["FEDERAL INVESTIGATION AGENCY", "COMPOSITE CIRCLE GUJRAT",
                               "List of deportees received / interviewed during the month of February 2023"]):
            ws.write_merge(i, i, 0, NC - 1, t, bold); nonempty.add(i)
        hr = 4
    else:
        cols = ["S.No", "Name of Deportee", "S/O, D/O", "Age", "CNIC", "Contact No", "Address", "Country",
                "Date", "Agent", "Action / FIR", "Remarks"]
        NC = len(cols)
        ws.write_merge(0, 0, 0, NC - 1, "FIA Composite Circle Gujrat - Deportees (March 2023)", bold)
        nonempty.add(0)
        hr = 2
    ci = {k: i for i, k in enumerate(cols)}
    for j, t in enumerate(cols):
        w(hr, j, t, bold)
    r = hr + 1
    sr = 0
    last_grp = None
    for a in W["GJT%d" % month]:
        p = a.p
        g = a.extra["grp"]
        if month == 3 and g is not last_grp and len(g["members"]) >= 3:
            w(r, 0, "Deported from %s on %s (%d persons)" % (g["country"], fmt_date(g["date"], "dmy."),
                                                           len(g["members"])))
            r += 1
        if month == 3 and sr and sr % 50 == 0:
            for j, t in enumerate(cols):
                w(r, j, t, bold)
            r += 1
        last_grp = g
        sr += 1
        w(r, 0, sr)
        hon = honorific(p, rng, 0.06)
        nt, ntr = rn(p.given, rng)
        nt = casefmt(nt, rng, 0.3 if month == 2 else 0.05)
        w(r, 1, hon + nt)
        rel, par = parent_of(p, rng, 0.5)
        pt, ptr = rn(par, rng)
        if rng.random() < 0.05:
            ptxt, prel, ptr = "", None, ""
        elif rel == "s" and rng.random() < (0.5 if month == 2 else 0.2):
            ptxt, prel = pt, None
        else:
            ptxt, prel = "%s %s" % (rel_marker(rel, rng).upper(), pt), rel
        w(r, 2, ptxt)
        pf = dict(father_name=ptr if rel != "w" else "", husband_name=ptr if rel == "w" else "")
        cv, ct = render_cnic(p.cnic, rng, styles=("dash", "num", "plain") if month == 2 else ("dash", "plain"))
        w(r, ci["CNIC No" if month == 2 else "CNIC"], cv)
        at, ad, apv = render_address(p, rng, p_none=0.05)
        w(r, ci["Adress" if month == 2 else "Address"], at)
        act, case, has_case = action_text(a, rng)
        age_t = ph_t = ""
        if month == 2:
            if rng.random() < 0.85:
                w(r, ci["Passport No"], "%s%07d" % (rng.choice(["AB", "BV", "CK", "DT", "FK", "GJ"]),
                                                    rng.randint(0, 9999999)))
            w(r, ci["Deported from"], g["country"])
            if rng.random() < 0.88:
                w(r, ci["Date of Deportation"], xl_date(a.date), datef)
            else:
                w(r, ci["Date of Deportation"], fmt_date(a.date, "dmy-short"))
            w(r, ci["Route / Mode"], rng.choice({"Iran": ["By road via Taftan", "Taftan"],
                                                 "Greece": ["Flight (Athens-Lahore)", "By air"],
                                                 "Libya": ["Special flight (Benghazi)", "By air"]}
                                                .get(g["country"], ["By air", "PIA flight", "Flight"])))
            w(r, ci["Name of Agent"], g["agent"])
            w(r, ci["Action taken"], act, wrap)
        else:
            if rng.random() < 0.9:
                av, age_t = render_age(age_written(a, rng), rng, styles=("int", "n", "yrs"))
                w(r, ci["Age"], av)
            pv, ph_t = render_phone(p.phone, rng, styles=("03", "03d", "num"))
            w(r, ci["Contact No"], pv)
            w(r, ci["Country"], g["country"])
            if rng.random() < 0.3:
                w(r, ci["Date"], xl_date(a.date), datef)
            else:
                w(r, ci["Date"], fmt_date(a.date, rng.choice(["dmy-short", "dmy.", "th", "dmy/", "d/m/y"])))
            w(r, ci["Agent"], g["agent"] if rng.random() < 0.8 else "")
            w(r, ci["Action / FIR"], act, wrap)
        if rng.random() < 0.08:
            w(r, ci["Remarks"], rng.choice(["Repeat deportee", "Minor injuries", "Passport impounded",
                                             "Family informed"]))
        T(fn, sh, r + 1, 1, a, chk=[nt, cv if ct else ""], name=ntr, sex=sex_truth(None, prel, hon),
          age=age_t, cnic=ct, phone=ph_t, date=a.date.isoformat(), district=ad, province=apv,
          law_sections=case.codes if has_case else "", crime_type=case.crime if has_case else "",
          case_id=case.cid if has_case else "", **pf)
        r += 1
    r += 1
    w(r, 0, "Total deportees: %d" % sr); r += 3
    w(r, NC - 3, "Sd/-"); w(r + 1, NC - 3, "Incharge Composite Circle Gujrat")
    kind(fn, sh, "data", len(nonempty))
    if month == 2:
        ws2 = wb.add_sheet("Country-wise")
        ws2.write(0, 0, "Country"); ws2.write(0, 1, "Deportees")
        cnt = {}
        for a in W["GJT2"]:
            cnt[a.extra["grp"]["country"]] = cnt.get(a.extra["grp"]["country"], 0) + 1
        for i, (k, v) in enumerate(sorted(cnt.items())):
            ws2.write(i + 1, 0, k); ws2.write(i + 1, 1, v)
        ws2.write(len(cnt) + 1, 0, "Total"); ws2.write(len(cnt) + 1, 1, sum(cnt.values()))
        kind(fn, "Country-wise", "summary", len(cnt) + 2)
    else:
        ws3 = wb.add_sheet("Sheet3")
        ws3.write(0, 0, "rough"); ws3.write(1, 0, "Iran"); ws3.write(1, 1, 61)
        ws3.write(2, 0, "Oman"); ws3.write(2, 1, 33)
        ws3.visibility = 1
        kind(fn, "Sheet3", "hidden", 3)
    path = os.path.join(OUT, fn)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb.save(path)


def write_csv(rel, rows, encoding, delimiter=",", lineterminator="\r\n"):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    bio = io.StringIO()
    wr = csv.writer(bio, delimiter=delimiter, lineterminator=lineterminator, quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        wr.writerow(["" if v is None else str(v) for v in r])
    data = bio.getvalue()
    with open(path, "wb") as f:
        f.write(data.encode(encoding))
    return data


def write_isb():
    rng = random.Random(SEED + 30)
    fn = "FIA_AHTC_Islamabad/ahtc_isb_april_2023.csv"
    cols = ["Sr#", "Enquiry / FIR No", "Date of Regn", "Name & Parentage", "CNIC #", "Mobile #", "Address",
            "Nationality", "Category", "Brief Facts", "Status", "I.O"]
    NC = len(cols)
    rows = [["FIA ANTI HUMAN TRAFFICKING CIRCLE ISLAMABAD"] + [""] * (NC - 1),
            ["Monthly Return of Persons (Victims / Complainants / Accused) - April 2023"] + [""] * (NC - 1),
            cols]
    ios = ["SI Tariq Mehmood", "Inspector Nadia Kanwal", "SI Faheem Abbas", "ASI Rashid Minhas",
           "Inspector Saima Gul"]
    facts = {}
    sr = 0
    for a in W["ISB4"]:
        c = a.case
        p = a.p
        if id(c) not in facts:
            country = rng.choice(["Greece", "Italy", "Saudi Arabia", "Dubai", "Canada", "UK", "Romania",
                                  "Libya", "Turkey", "Malaysia"])
            s_txt = sect_us(c, rng)
            kindc = {"EO22_420": "fraud", "PPC420": "fraud", "PPC420_468_471": "fraud", "EO18_420": "fraud",
                     "PSMA3": "som", "EO172": "som", "PA6": "offload", "PTPA3": "tip", "PTPA34": "tip",
                     "EO171": "deportee"}[c.sset]
            with_sec = rng.random() > 0.08
            if kindc == "fraud":
                t = ("Complainant alleged that accused agent received Rs. %s for %s work visa, neither visa "
                     "provided nor money returned." % (rng.choice(["800,000", "1.2 million", "650,000",
                                                                   "2,500,000", "950,000"]), country))
            elif kindc == "som":
                t = "Intercepted at IIAP while proceeding to %s on fake visa, arranged by agent." % country
            elif kindc == "offload":
                t = "Offloaded at Islamabad International Airport; travel documents found suspicious."
            elif kindc == "tip":
                t = ("Recruited for job in %s, passport confiscated by employer and forced labour without "
                     "wages; returned through embassy." % country)
            else:
                t = "Deported from %s, interviewed at IIAP." % country
            if with_sec:
                t += rng.choice([" FIR No. %s u/s %s registered.", " Case FIR %s u/s %s, PS FIA AHTC Islamabad.",
                                 "\nFIR %s u/s %s"]) % (c.cid, s_txt)
            fir_col = rng.choice(["FIR No. %s", "FIR %s", "%s", "%s"]) % c.cid if rng.random() > 0.1 else ""
            facts[id(c)] = dict(t=t, with_sec=with_sec, fir=fir_col, kind=kindc,
                                date=fmt_date(c.date, rng.choice(["dmy/", "dmy-", "d.m.yy", "dmy/"])),
                                io=rng.choice(ios), st=status_txt(c.status, rng) if rng.random() > 0.05 else "")
        f = facts[id(c)]
        sr += 1
        hon = honorific(p, rng, 0.15)
        nt, ntr = rn(p.given, rng)
        nt = casefmt(nt, rng, 0.08)
        rel, par = parent_of(p, rng, 0.5)
        pt, ptr = rn(par, rng)
        np_ = "%s%s %s %s%s" % (hon, nt, rel_marker(rel, rng).upper() if rng.random() < 0.6 else
                                rel_marker(rel, rng), par_hon(rng), pt)
        cv, ct = render_cnic(p.cnic, rng, styles=("dash", "dash", "plain"))
        pv, pht = render_phone(p.phone, rng)
        at, ad, apv = render_address(p, rng)
        nat = rng.choice(["Pakistani", "Pakistani", "Pak", "PAK"]) if rng.random() > 0.1 else ""
        cat = {"victim": ["Victim"], "smuggled_migrant": ["Smuggled person", "Smuggled migrant"],
               "deportee": ["Deportee"], "complainant": ["Complainant", "Complainant / victim"],
               "witness": ["Witness"], "accused": ["Accused", "Accused (agent)", "Accused (sub-agent)"]}[a.role]
        cat_t = rng.choice(cat)
        rows.append([sr, f["fir"], f["date"], np_, cv, pv, at, nat, cat_t, f["t"], f["st"], f["io"]])
        rec_no = len(rows)
        T(fn, "", rec_no, 1, a, chk=[nt, cv if ct else ""], name=ntr,
          father_name=ptr if rel != "w" else "", husband_name=ptr if rel == "w" else "",
          sex=sex_truth(None, rel, hon), cnic=ct, phone=pht, date=c.date.isoformat(),
          district=ad, province=apv, nationality="PAK" if nat else "",
          law_sections=c.codes if f["with_sec"] else "", crime_type=c.crime if f["with_sec"] else "",
          exploitation=["forced_labour"] if f["kind"] == "tip" else "",
          case_id=c.cid if (f["fir"] or f["with_sec"]) else "",
          case_status=c.status if f["st"] else "")
    rows.append([""] * NC)
    rows.append(["Total persons: %d" % sr] + [""] * (NC - 1))
    rows.append(["Sd/- Assistant Director, AHTC Islamabad"] + [""] * (NC - 1))
    write_csv(fn, rows, "utf-8-sig")
    kind(fn, "", "data", sum(1 for r in rows if any(str(v) for v in r)))


def write_skp():
    rng = random.Random(SEED + 40)
    fn = "Police_Sheikhupura_Region/RPO SKP PTPA-BLSA FIRs Feb-Mar 2023.csv"
    cols = ["Sr", "District", "Police Station", "FIR No", "Dated (FIR)", "Offence", "Name of victim", "Parentage",
            "Age", "Sex", "Caste", "Address", "Accused", "Present Status"]
    NC = len(cols)
    rows = [["OFFICE OF THE REGIONAL POLICE OFFICER, SHEIKHUPURA REGION"] + [""] * (NC - 1),
            ["Detail of FIRs registered under PTPA-2018 / BLSA-1992 / PPC (February \u2013 March 2023)"] + [""] * (NC - 1),
            [""] * NC, cols]
    sr = 0
    for c, apps in W["SKP"]:
        dtxt = fmt_date(c.date, rng.choice(["dmy-short", "dmy/", "dmy.", "dmy-short"]))
        has_date = rng.random() > 0.03
        s_txt = sect_txt(c, rng) if rng.random() > 0.03 else ""
        st = apps[0].status
        st_txt = status_txt(st, rng) if rng.random() > 0.05 else ""
        dist_txt = dist_variant(c.district, rng, 0.3) if rng.random() > 0.05 else ""
        ditto = len(apps) > 1 and rng.random() < 0.5 and bool(dist_txt and has_date and s_txt)
        for i, a in enumerate(apps):
            p = a.p
            sr += 1
            hon = honorific(p, rng, 0.25)
            nt, ntr = rn(p.given, rng)
            nt = casefmt(nt, rng, 0.2)
            pt, pf = parent_cell(p, rng, bare_male=0.5)
            if rng.random() < 0.04:
                pt, pf = "", dict(rel=None, father_name="", husband_name="")
            age = age_written(a, rng)
            av, atr = render_age(age, rng, styles=("n", "n", "yrs", "about"), child_minor=0.2)
            if rng.random() < 0.05:
                av, atr = "", ""
            sv, stt = sex_cell(p, rng, styles=("F/M", "word", "kid") if age < 18 else ("F/M", "word"))
            at, ad, apv = render_address(p, rng)
            caste = rng.choice(["Arain", "Jutt", "Masih", "Rajput", "Mughal", "Bhatti", "Mochi", "Kammi",
                                "Sheikh", "Gujjar", ""])
            if i > 0 and ditto:
                case_cells = ["-do-", "-do-", "-do-", "-do-", "-do-"]
            else:
                case_cells = [dist_txt, c.ps, c.cid, dtxt if has_date else "", s_txt]
            row = [sr] + case_cells + [hon + nt, pt, av, sv, caste, at,
                                       (c.accused if (i == 0 or not ditto) else "-do-"),
                                       (st_txt if (i == 0 or not ditto) else ("-do-" if st_txt else ""))]
            rows.append(row)
            dist_t, prov_t = (c.district, PROV[DIST[c.district][0]]) if dist_txt else (ad, apv)
            T(fn, "", len(rows), 1, a, chk=[nt], name=ntr, father_name=pf["father_name"],
              husband_name=pf["husband_name"], sex=sex_truth(stt, pf["rel"], hon), age=atr,
              date=c.date.isoformat() if has_date else "", district=dist_t, province=prov_t,
              law_sections=c.codes if s_txt else "", crime_type=c.crime if s_txt else "",
              case_id=c.cid, case_status=st if st_txt else "")
    rows.append([""] * NC)
    rows.append(["Total", "", "", "%d FIRs" % len(W["SKP"]), "", "", "%d victims" % sr] + [""] * (NC - 7))
    rows.append([""] * NC)
    rows.append(["Sd/- for Regional Police Officer\u2019s office, Sheikhupura"] + [""] * (NC - 1))
    write_csv(fn, rows, "cp1252", delimiter=";")
    kind(fn, "", "data", sum(1 for r in rows if any(str(v) for v in r)))


def write_ccpo():
    rng = random.Random(SEED + 50)
    fn = "Police_Lahore/CCPO Lahore HT FIRs April 2023.xlsx"
    EN = ["S.No", "Police Station", "FIR No.", "Date", "Offence", "Name of Victim", "Parentage", "Age", "Sex",
          "Address", "Accused", "Status"]
    UR = ["نمبر شمار", "تھانہ", "مقدمہ نمبر", "تاریخ", "جرم / دفعات", "نام متاثرہ", "ولدیت", "عمر", "جنس",
          "سکونت", "ملزمان", "کیفیت"]
    NC = len(EN)
    wb = openpyxl.Workbook()
    first = True
    cached = {}
    counts = []
    for div, cases in W["CCPO4"].items():
        S = Sheet(wb, div, first=first)
        first = False
        S.title("CAPITAL CITY POLICE LAHORE", NC)
        S.title("%s Division: FIRs registered under PTPA / PPC (human trafficking) during April 2023" % div, NC)
        if div == "Saddar":
            S.title("(Investigation Wing)", NC, bold=False)
        hstyle = {"Cantt": "bi", "Civil Lines": "bi", "Iqbal Town": "bi", "City": "two", "Model Town": "two",
                  "Saddar": "ur"}[div]
        if hstyle == "bi":
            S.row(["%s\n%s" % (u, e) for u, e in zip(UR, EN)], bold=True)
        elif hstyle == "two":
            S.row(UR, bold=True)
            S.row(EN, bold=True)
        else:
            S.row(UR, bold=True)
        merge = div in ("City", "Model Town")
        sr = 0
        nv = 0
        for c, apps in cases:
            r0 = S.r
            n = len(apps)
            x = rng.random()
            if x < 0.3:
                dval = (xl_date(c.date), "dd/mm/yyyy")
            else:
                dval = (fmt_date(c.date, rng.choice(["th", "mdy_words", "dmon", "urdu_digits", "urdu_month",
                                                     "dmy/"])), None)
            has_date = rng.random() > 0.03
            urdu_sec = rng.random() < 0.25
            s_txt = sect_txt(c, rng, urdu=urdu_sec) if rng.random() > 0.03 else ""
            st = apps[0].status
            st_txt = status_txt(st, rng, urdu=rng.random() < 0.3) if rng.random() > 0.05 else ""
            for i, a in enumerate(apps):
                r = r0 + i
                p = a.p
                sr += 1
                nv += 1
                S.put(r, 1, sr)
                if i == 0 or not merge:
                    S.put(r, 2, c.ps)
                    S.put(r, 3, c.cid)
                    if has_date:
                        S.put(r, 4, dval[0], dval[1])
                    if s_txt:
                        S.put(r, 5, s_txt)
                    S.put(r, 11, c.accused)
                    if st_txt:
                        S.put(r, 12, st_txt)
                age = age_written(a, rng)
                urdu = rng.random() < 0.2 and p.kind == "pk"
                if urdu:
                    hon = "مسمات " if p.sex == "female" and rng.random() < 0.3 else ""
                    nt = hon + ur(p.given)
                    ntr = canon(p.given)
                    rel, par = parent_of(p, rng, 0.5)
                    pt = {"s": "ولد", "d": "بنت", "w": "زوجہ"}[rel] + " " + ur(par)
                    pf = dict(rel=rel, father_name=canon(par) if rel != "w" else "",
                              husband_name=canon(par) if rel == "w" else "")
                    hon = "Mst." if hon else ""
                    av, atr = render_age(age, rng, styles=("urdu", "urdu_w", "n"))
                    sv, stt = sex_cell(p, rng, styles=("urdu_kid",) if age < 18 else ("urdu",))
                    at, ad, apv = render_address(p, rng, urdu=True)
                else:
                    hon = honorific(p, rng, 0.3)
                    nt, ntr = rn(p.given, rng)
                    nt = hon + casefmt(nt, rng, 0.1)
                    pt, pf = parent_cell(p, rng, bare_male=0.4)
                    av, atr = render_age(age, rng, styles=("n", "yrs", "about", "int"), child_minor=0.3)
                    sv, stt = sex_cell(p, rng, styles=("kid", "word") if age < 18 else ("word", "F/M"))
                    at, ad, apv = render_address(p, rng)
                if rng.random() < 0.04:
                    pt, pf = "", dict(rel=None, father_name="", husband_name="")
                if rng.random() < 0.04:
                    av, atr = "", ""
                S.put(r, 6, nt)
                S.put(r, 7, pt)
                S.put(r, 8, av)
                S.put(r, 9, sv)
                S.put(r, 10, at)
                T(fn, div, r, 1, a, chk=[nt], name=ntr, father_name=pf["father_name"],
                  husband_name=pf["husband_name"], sex=sex_truth(stt, pf["rel"], hon), age=atr,
                  date=c.date.isoformat() if has_date else "", district=ad, province=apv,
                  law_sections=c.codes if s_txt else "", crime_type=c.crime if s_txt else "",
                  case_id=c.cid, case_status=st if st_txt else "")
            if merge and n > 1:
                for col in (2, 3, 4, 5, 11, 12):
                    S.ws.merge_cells(start_row=r0, start_column=col, end_row=r0 + n - 1, end_column=col)
            S.r = r0 + n
        S.r += 1
        S.put(S.r, 10, "SDPO / SHO"); S.put(S.r + 1, 10, "%s Division" % div)
        kind(fn, div, "data", xl_rows_nonempty(S.ws))
        counts.append((div, len(cases), nv))
    S2 = Sheet(wb, "Summary")
    S2.row(["Division", "FIRs", "Victims"], bold=True)
    for d, a_, b_ in counts:
        S2.row([d, a_, b_])
    S2.row(["Total", ("=", "SUM(B2:B%d)" % (len(counts) + 1), sum(x[1] for x in counts), "n"),
            ("=", "SUM(C2:C%d)" % (len(counts) + 1), sum(x[2] for x in counts), "n")], bold=True)
    kind(fn, "Summary", "summary", xl_rows_nonempty(S2.ws))
    S3 = Sheet(wb, "Old")
    S3.row(["March 2023 (old format)"])
    S3.row(EN)
    for k in range(9):
        S3.row([k + 1, "PS Gulberg", "%d/23" % (200 + k), "", "3 PTPA", canon(female_given(rng)), "", "", "F"])
    S3.ws.sheet_state = "hidden"
    kind(fn, "Old", "hidden", xl_rows_nonempty(S3.ws))
    save_xlsx(wb, fn, {"Summary": S2.cached})


def age_exact(dob, d):
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))


def write_dua():
    rng = random.Random(SEED + 60)
    fn = "SWD_DarulAman_Lahore/Admission Register Feb-Apr 2023.xlsx"
    cols = ["Adm. No.", "Date of Admission", "Name of Resident", "Father / Husband", "CNIC No.",
            "Date of Birth", "Age (Yrs)", "Permanent Address", "Referred By", "Reason of Admission", "Status",
            "Date of Discharge", "Remarks"]
    NC = len(cols)
    wb = openpyxl.Workbook()
    adm = 31
    cached = {}
    first = True
    reasons_other = ["Domestic violence", "Dispute with in-laws", "Left home (court marriage)",
                     "Court custody (statement u/s 164 CrPC)", "Homeless / destitute", "Threat to life (honour)",
                     "Shelter on court orders", "Divorce proceedings pending"]
    for m in (2, 3, 4):
        mname = MONTHS[m - 1]
        sh = "%s-23" % mname[:3]
        S = Sheet(wb, sh, first=first)
        first = False
        S.title("GOVERNMENT OF THE PUNJAB", NC)
        S.title("SOCIAL WELFARE & BAIT-UL-MAAL DEPARTMENT", NC)
        S.title("DAR-UL-AMAN LAHORE", NC)
        S.title("ADMISSION REGISTER \u2014 %s 2023" % mname.upper(), NC)
        S.row(cols, bold=True)
        for a in W["DUA"][m]:
            p = a.p
            r = S.r
            x = a.extra
            adm += 1
            S.put(r, 1, "DUA/LHR/23/%03d" % adm)
            adm_is_date = rng.random() < 0.85
            if adm_is_date:
                S.put(r, 2, xl_date(a.date), "dd-mm-yyyy")
            else:
                S.put(r, 2, fmt_date(a.date, rng.choice(["dmy.", "dmy/", "th"])))
            hon = "Mst. " if rng.random() < 0.35 else ""
            nt, ntr = rn(p.given, rng)
            nt = casefmt(nt, rng, 0.1)
            S.put(r, 3, hon + nt)
            # Father / Husband (always with the relation in this register; sometimes both)
            if rng.random() < 0.05:
                pf = dict(rel=None, father_name="", husband_name="")
            else:
                if p.husband and rng.random() < 0.25:
                    ft, ftr = rn(p.father, rng)
                    ht, htr = rn(p.husband, rng)
                    S.put(r, 4, "D/O %s\nW/O %s" % (ft, ht))
                    pf = dict(rel="d", father_name=ftr, husband_name=htr)
                else:
                    rel, par = parent_of(p, rng, 0.6)
                    pt, ptr = rn(par, rng)
                    S.put(r, 4, "%s %s" % (rel_marker(rel, rng).upper(), pt))
                    pf = dict(rel=rel, father_name=ptr if rel != "w" else "",
                              husband_name=ptr if rel == "w" else "")
            cv, ct = render_cnic(p.cnic, rng, styles=("dash", "plain", "num"))
            S.put(r, 5, cv)
            # date of birth / age
            dob_t, age_t = "", ""
            y = rng.random()
            if y < 0.55:                       # DOB as a date cell, age by formula
                S.put(r, 6, xl_date(p.dob), "dd-mm-yyyy")
                ag = age_exact(p.dob, a.date)
                S.put(r, 7, ("=", 'DATEDIF(F%d,B%d,"Y")' % (r, r), ag if adm_is_date else "#VALUE!",
                             "n" if adm_is_date else "e"))
                dob_t, age_t = p.dob.isoformat(), str(ag)
            elif y < 0.65:                     # DOB typed as text: the formula fails
                S.put(r, 6, fmt_date(p.dob, rng.choice(["dmy-", "dmy.", "dmy/"])))
                S.put(r, 7, ("=", 'DATEDIF(F%d,B%d,"Y")' % (r, r), "#VALUE!", "e"))
                dob_t, age_t = p.dob.isoformat(), str(age_exact(p.dob, a.date))
            elif y < 0.9:                      # no DOB, age typed
                ag = age_written(a, rng)
                S.put(r, 7, ag)
                age_t = str(ag)
            else:
                pass
            at, ad, apv = render_address(p, rng)
            S.put(r, 8, at)
            ref = x.get("ref")
            # reason of admission: the only place where an FIR / offence appears
            ex_t, codes, crime, cid = [], "", "", ""
            if x["kind"] == "tip" and a.case is not None:
                c = a.case
                phr = {"sexual_exploitation": ["rescued from brothel", "forced into prostitution"],
                       "forced_marriage": ["sold in marriage"],
                       "domestic_servitude": ["kept as unpaid domestic servant"],
                       "forced_labour": ["forced labour"]}
                bits = [rng.choice(phr[e]) for e in c.expl if e in phr]
                ex_t = [e for e in c.expl if e in phr]
                who = ref if ref else "police"
                txt = "Victim %s; rescued by %s" % (", ".join(bits), who) if bits else "Rescued by %s" % who
                if rng.random() < 0.85:
                    txt += rng.choice([", FIR No. %s u/s %s", " (FIR %s u/s %s)", ". FIR %s, %s"]) % (
                        c.cid, sect_us(c, rng))
                    codes, crime, cid = c.codes, c.crime, c.cid
                S.put(r, 10, txt)
                S.put(r, 9, ref)
            elif x["kind"] == "tip_noFIR":
                S.put(r, 10, rng.choice(["Victim of human trafficking; rescued from brothel",
                                         "Victim of human trafficking (brought by Edhi), rescued from brothel"]))
                ex_t, crime = ["sexual_exploitation"], "tip"
                S.put(r, 9, rng.choice(["Court", "Edhi Foundation", "Self"]))
            elif x["kind"] == "cpwb":
                S.put(r, 10, "Referred by CPWB (girl child)")
                S.put(r, 9, "CPWB Lahore")
            else:
                S.put(r, 10, rng.choice(reasons_other))
                S.put(r, 9, rng.choice(["Court", "Self", "Police", "Women Protection Centre", "Family"]))
            ptxt = ""
            if a.prot and rng.random() > 0.04:
                ptxt = rng.choice(PROT_TXT[a.prot])
                if ptxt == "Handed over to husband" and not p.husband:
                    ptxt = "Handed over to father"
                S.put(r, 11, ptxt)
                if a.prot in ("restored_to_family", "discharged", "referred", "escaped"):
                    dd = a.date + dt.timedelta(days=rng.randint(1, 20))
                    if dd <= D(2023, 4, 30):
                        S.put(r, 12, xl_date(dd), "dd-mm-yyyy")
            if rng.random() < 0.08:
                S.put(r, 13, rng.choice(["Medical done", "Statement recorded", "Produced before court",
                                         "Case pending in family court"]))
            T(fn, sh, r, 1, a, chk=[nt, cv if ct else ""], name=ntr, father_name=pf["father_name"],
              husband_name=pf["husband_name"], sex=sex_truth(None, pf["rel"], hon), age=age_t,
              date_of_birth=dob_t, cnic=ct, date=a.date.isoformat(), district=ad, province=apv,
              law_sections=codes, crime_type=crime, exploitation=ex_t, case_id=cid,
              protection_status=a.prot if ptxt else "")
            S.r += 1
        S.r += 1
        S.put(S.r, 9, "Superintendent"); S.put(S.r + 1, 9, "Dar-ul-Aman Lahore")
        kind(fn, sh, "data", xl_rows_nonempty(S.ws))
        cached[sh] = S.cached
    S2 = Sheet(wb, "Abstract")
    S2.row(["Month", "Admitted", "Discharged", "Remaining"], bold=True)
    tot = 41
    for m in (2, 3, 4):
        adm_n = len(W["DUA"][m])
        dis = sum(1 for a in W["DUA"][m] if a.prot != "in_shelter")
        S2.row([MONTHS[m - 1], adm_n, dis, tot + adm_n - dis])
        tot = tot + adm_n - dis
    kind(fn, "Abstract", "summary", xl_rows_nonempty(S2.ws))
    S3 = Sheet(wb, "Sheet1")
    S3.row(["Name", "Adm date", "reason"])
    for a in W["DUA"][2][:7]:
        S3.row([canon(a.p.given), fmt_date(a.date, "dmy."), "?"])
    S3.ws.sheet_state = "hidden"
    kind(fn, "Sheet1", "hidden", xl_rows_nonempty(S3.ws))
    cached["Abstract"] = S2.cached
    save_xlsx(wb, fn, cached)


CAT_UR = {"begging": ["بھیک مانگتے ہوئے", "بھکاری بچہ"], "domestic": ["گھریلو ملازم (بلا معاوضہ)"],
          "lost": ["گمشدہ"], "runaway": ["گھر سے بھاگا ہوا"], "street": ["آوارہ گردی"]}
CAT_EN = {"begging": ["Begging"], "domestic": ["Domestic Servant (child)"], "lost": ["Lost/Missing"],
          "runaway": ["Runaway"], "street": ["Street Child"]}
CAT_EXPL = {"begging": ["begging"], "domestic": ["domestic_servitude"]}


def write_cpwb_mar():
    rng = random.Random(SEED + 70)
    fn = "CPWB_Lahore/CPWB rescued children March 2023.xlsx"
    sh = "مارچ 2023"
    cols = ["نمبر شمار", "تاریخ", "نام", "ولدیت", "عمر", "جنس", "سکونت", "ب فارم نمبر", "وجہ", "کیفیت", "مقدمہ"]
    NC = len(cols)
    wb = openpyxl.Workbook()
    S = Sheet(wb, sh, first=True)
    S.ws.sheet_view.rightToLeft = True
    S.title("چائلڈ پروٹیکشن اینڈ ویلفیئر بیورو، لاہور", NC)
    S.title("ماہ مارچ 2023 کے دوران ریسکیو کیے گئے بچوں کی تفصیل", NC)
    S.row(cols, bold=True)
    for i, a in enumerate(W["CPWB3"]):
        p = a.p
        r = S.r
        S.put(r, 1, i + 1)
        x = rng.random()
        if x < 0.2:
            S.put(r, 2, xl_date(a.date), "dd/mm/yyyy")
        else:
            S.put(r, 2, fmt_date(a.date, rng.choice(["urdu_digits", "urdu_digits", "urdu_month", "urdu_month",
                                                     "urdu_month_digits", "dmy/"])))
        S.put(r, 3, ur(p.given))
        has_f = rng.random() > 0.05
        if has_f:
            S.put(r, 4, ur(p.father))
        av, atr = render_age(age_written(a, rng), rng, styles=("urdu", "urdu", "urdu_w", "n"))
        if rng.random() < 0.05:
            av, atr = "", ""
        S.put(r, 5, av)
        sv, stt = sex_cell(p, rng, styles=("urdu_kid",), p_blank=0.03)
        S.put(r, 6, sv)
        at, ad, apv = render_address(p, rng, urdu=True)
        S.put(r, 7, at)
        if p.cnic:
            cv, ct = render_cnic(p.cnic, rng, styles=("dash", "plain"), p_na=0.0, p_bad=0.02)
            if ct and rng.random() < 0.15:
                cv = cv.translate(UR_DIG)
        else:
            cv, ct = "-", ""
        S.put(r, 8, cv)
        cat = a.extra["cat"]
        S.put(r, 9, rng.choice(CAT_UR[cat]) if not (cat == "runaway" and p.sex == "female") else "گھر سے بھاگی ہوئی")
        prot_written = rng.random() > 0.04
        if prot_written:
            S.put(r, 10, rng.choice(PROT_UR[a.prot]))
        c = a.case
        if c is not None:
            S.put(r, 11, "مقدمہ نمبر %s بجرم %s تھانہ %s" % (c.cid, sect_txt(c, rng, urdu=True), c.ps))
        T(fn, sh, r, 1, a, chk=[ur(p.given)], name=canon(p.given),
          father_name=canon(p.father) if has_f else "", sex=stt, age=atr, cnic=ct,
          date=a.date.isoformat(), district=ad, province=apv,
          law_sections=c.codes if c else "", crime_type=c.crime if c else "",
          exploitation=CAT_EXPL.get(cat, []), case_id=c.cid if c else "",
          protection_status=a.prot if prot_written else "")
        S.r += 1
    S.r += 1
    S.put(S.r, 9, "دستخط"); S.put(S.r + 1, 9, "ڈسٹرکٹ آفیسر، چائلڈ پروٹیکشن بیورو لاہور")
    kind(fn, sh, "data", xl_rows_nonempty(S.ws))
    S2 = Sheet(wb, "خلاصہ")
    S2.row(["وجہ", "تعداد"], bold=True)
    cnt = {}
    for a in W["CPWB3"]:
        cnt[a.extra["cat"]] = cnt.get(a.extra["cat"], 0) + 1
    for k, v in cnt.items():
        S2.row([CAT_UR[k][0], v])
    S2.row(["کل", ("=", "SUM(B2:B%d)" % (len(cnt) + 1), sum(cnt.values()), "n")])
    kind(fn, "خلاصہ", "summary", xl_rows_nonempty(S2.ws))
    save_xlsx(wb, fn, {"خلاصہ": S2.cached})


def write_cpwb_apr():
    rng = random.Random(SEED + 71)
    fn = "CPWB_Lahore/cpwb_lahore_april_2023.csv"
    cols = ["Child Reg No", "Rescue Date", "Child Name", "Father Name", "Age", "Gender", "B-Form No", "Father CNIC",
            "Address", "District", "Nationality", "Category", "Present Status", "FIR Detail"]
    rows = [cols]
    PST = {"in_shelter": ["In Bureau", "In Bureau (Child Protection Institution)"],
           "restored_to_family": ["Restored to Parents", "Handed over to parents"],
           "referred": ["Referred to Dar-ul-Aman"], "escaped": ["Escaped"]}
    for i, a in enumerate(W["CPWB4"]):
        p = a.p
        reg = "CPWB-LHR-23-04-%04d" % (i + 101)
        dtx = fmt_date(a.date, "iso") if rng.random() < 0.6 else fmt_date(a.date, "dmonY")
        nt, ntr = rn(p.given, rng)
        has_f = rng.random() > 0.04
        ft, ftr = rn(p.father, rng) if has_f else ("", "")
        ag = age_written(a, rng)
        if rng.random() < 0.05:
            av, atr = "", ""
        else:
            av, atr = (str(ag), str(ag)) if rng.random() < 0.6 else ("%d Years" % ag, str(ag))
        sv, stt = sex_cell(p, rng, styles=("word",), p_blank=0.03)
        if p.cnic:
            bv, bt = render_cnic(p.cnic, rng, styles=("dash", "plain"), p_na=0.02, p_bad=0.02)
        else:
            bv, bt = "", ""
        fc = ""
        if rng.random() < 0.5:
            fc = "%s-%07d-%d" % (DIST[p.dist][4] + str(rng.randint(0, 9)), rng.randint(0, 9999999),
                                 rng.choice([1, 3, 5, 7, 9]))
        at, ad, apv = render_address(p, rng)
        dist_txt = dist_variant(p.dist, rng, 0.2) if rng.random() > 0.05 else ""
        dist_t, prov_t = (p.dist, PROV[DIST[p.dist][0]]) if dist_txt else (ad, apv)
        nat = "Pakistani" if rng.random() > 0.1 else ""
        cat = a.extra["cat"]
        prot_txt = rng.choice(PST[a.prot]) if rng.random() > 0.04 else ""
        c = a.case
        fir = ""
        if c is not None:
            ps = c.ps if c.ps.startswith("PS") else "PS " + c.ps
            fir = rng.choice(["FIR %s %s u/s %s", "FIR No. %s, %s, u/s %s"]) % (c.cid, ps, sect_us(c, rng))
        rows.append([reg, dtx, nt, ft, av, sv, bv, fc, at, dist_txt, nat, rng.choice(CAT_EN[cat]), prot_txt, fir])
        T(fn, "", len(rows), 1, a, chk=[nt], name=ntr, father_name=ftr, sex=stt, age=atr, cnic=bt,
          date=a.date.isoformat(), district=dist_t, province=prov_t, nationality="PAK" if nat else "",
          law_sections=c.codes if c else "", crime_type=c.crime if c else "",
          exploitation=CAT_EXPL.get(cat, []), case_id=c.cid if c else "",
          protection_status=a.prot if prot_txt else "")
    path = os.path.join(OUT, fn)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    bio = io.StringIO()
    wr = csv.writer(bio, delimiter="\t", lineterminator="\r\n")
    for r in rows:
        wr.writerow(r)
    with open(path, "wb") as f:
        f.write(b"\xff\xfe" + bio.getvalue().encode("utf-16-le"))
    kind(fn, "", "data", len(rows))


def write_ngo():
    rng = random.Random(SEED + 80)
    fn = "NGO_Insaniyat_LRF/bonded_labour_rescues_Feb-Apr_2023.csv"
    cols = ["Sr No", "Date of Rescue", "Name", "Father/Husband Name", "Gender", "Age", "CNIC", "Contact",
            "Place of Work", "District", "Native Area", "Debt (Rs)", "Nature of Exploitation", "Legal Action",
            "Present Whereabouts", "Remarks"]
    lines = []

    def line(vals):
        bio = io.StringIO()
        csv.writer(bio, lineterminator="\n").writerow(["" if v is None else str(v) for v in vals])
        return bio.getvalue()

    lines.append(line(cols))
    PW = {"restored_to_family": ["Restored to family", "Returned home with family"],
          "in_shelter": ["NGO shelter home", "Living in NGO shelter"],
          "referred": ["Referred to Labour Dept", "Referred to Social Welfare"], "": [""]}
    apps = sorted(W["NGO"], key=lambda a: a.date)
    n = len(apps)
    multiline_at = 17
    broken_at = int(n * 0.62)
    W["_ngo_broken"] = None
    for i, a in enumerate(apps):
        p = a.p
        x = a.extra
        dtx = fmt_date(a.date, rng.choice(["dmy/", "dmy-", "d.m.yy"]))
        nt, ntr = rn(p.given, rng)
        if p.sex == "female":
            rel, par = parent_of(p, rng, 0.8)
        else:
            rel, par = "s", p.father
        pt, ptr = rn(par, rng)
        if rel == "s" and rng.random() < 0.6:
            ptxt, prel = pt, None
        else:
            ptxt, prel = "%s %s" % (rel_marker(rel, rng), pt), rel
        if rng.random() < 0.04:
            ptxt, prel, ptr = "", None, ""
        sv, stt = sex_cell(p, rng, styles=("F/M", "F/M", "word"), p_blank=0.04)
        ag = age_written(a, rng, 0.15)
        if rng.random() < 0.06:
            av, atr = "", ""
        else:
            av, atr = rng.choice([(str(ag), str(ag)), ("~%d" % ag, str(ag)), ("%d yrs" % ag, str(ag))])
        cv, ct = render_cnic(p.cnic, rng, styles=("dash", "plain"))
        pv, pht = render_phone(p.phone, rng, styles=("03", "03d")) if x["famrole"] == "head" else ("", "")
        kd = x["kd"]
        dist_txt = dist_variant(kd, rng, 0.25) if rng.random() > 0.04 else ""
        native, nd, npv = ("", "", "")
        if p.dist != kd or rng.random() < 0.3:
            native, nd, npv = render_address(p, rng, styles=["village", "town", "house", "plain_town"])
        dist_t, prov_t = (kd, PROV[DIST[kd][0]]) if dist_txt else (nd, npv)
        debt = rng.choice(["Rs. 150,000", "85000", "2,40,000", "Rs 60,000", "", "1.2 lac", "300000"]) \
            if x["famrole"] == "head" else ""
        ex_txt = rng.choice(EXPL_TXT["bonded_labour"]) if rng.random() > 0.05 else ""
        c = a.case
        legal = ""
        if x["legal"] == "fir" and c is not None:
            legal = "FIR No. %s %s u/s %s" % (c.cid, c.ps, sect_us(c, rng))
        elif x["legal"] == "app":
            legal = rng.choice(["Application submitted to DPO %s" % DIST[kd][1][0],
                                "Complaint to District Vigilance Committee"])
        else:
            legal = rng.choice(["No FIR", "", "Nil"])
        pw = rng.choice(PW[a.prot])
        rem = ""
        if rng.random() < 0.12:
            rem = rng.choice(["Kiln owner threatened the family, police reluctant to register FIR",
                              "Children not going to school, working since age 7",
                              "Advance (peshgi) taken 3 years ago, amount doubled by munshi",
                              "Family shifted from \"Chak\" to kiln camp"])
        vals = [i + 1, dtx, nt, ptxt, sv, av, cv, pv, x["kiln"], dist_txt, native, debt, ex_txt, legal, pw, rem]
        if i == multiline_at:
            vals[-1] = "Rescued through court order (habeas petition).\nBailiff visited with police."
        if i == broken_at:
            vals[-1] = ""
            txt = line(vals).rstrip("\n")
            txt = txt + '"Owner\'s men stopped the van, family rescued on second visit, see letter dated 14-3\n'
            lines.append(txt)
            W["_ngo_broken"] = len(lines)
        else:
            lines.append(line(vals))
        T(fn, "", len(lines), 1, a, chk=[nt], name=ntr, father_name=ptr if rel != "w" else "",
          husband_name=ptr if rel == "w" else "", sex=sex_truth(stt, prel, ""), age=atr, cnic=ct,
          phone=pht, date=a.date.isoformat(), district=dist_t, province=prov_t,
          law_sections=c.codes if (c is not None and legal.startswith("FIR")) else "",
          crime_type=c.crime if (c is not None and legal.startswith("FIR")) else "",
          exploitation=["bonded_labour"] if ex_txt else [],
          case_id=c.cid if (c is not None and legal.startswith("FIR")) else "",
          protection_status=a.prot if pw else "")
    path = os.path.join(OUT, fn)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write("".join(lines).encode("utf-8"))
    kind(fn, "", "data", len(lines))


def khi_address(p, rng):
    d = p.dist
    if d.startswith("Karachi") or d in ("Korangi", "Keamari", "Malir"):
        towns = DIST[d][3]
        r = rng.random()
        if p.kind != "pk" or r < 0.25:
            return rng.choice(["Machar Colony, Karachi", "Sohrab Goth, Karachi", "Block 7, Karachi",
                               "Karachi"]), "", "Sindh"
        if towns and r < 0.75:
            return "House No. %s-%d, %s, Karachi" % (rng.choice("ABLR"), p.house, towns[0]), d, "Sindh"
        return "House No. %d, %s, %s" % (p.house, p.mohalla, DIST[d][1][0]), d, "Sindh"
    return render_address(p, rng)


def khi_row(a, c, rng, month, has_date):
    """Values shared by the two Karachi layouts."""
    p = a.p
    hon = honorific(p, rng, 0.3 if p.kind == "bgd" else 0.1)
    nt, ntr = rn(p.given, rng)
    nt = hon + casefmt(nt, rng, 0.1)
    ft, ftr = rn(p.father, rng)
    if rng.random() < 0.05:
        ft, ftr = "", ""
    natw = {"PAK": ["Pakistani", "Pakistani", "Pak"], "BGD": ["Bangladeshi", "BD", "Bangladeshi"],
            "AFG": ["Afghan", "Afghani"]}[p.nat]
    nat = rng.choice(natw) if rng.random() > 0.05 else ""
    sv, stt = sex_cell(p, rng, styles=("F/M", "word"), p_blank=0.03)
    if p.kind == "pk":
        cv, ct = render_cnic(p.cnic, rng, styles=("dash", "plain"))
    elif p.kind == "bgd":
        cv, ct = rng.choice(["Passport BN%07d" % rng.randint(0, 9999999), "Nil", "No document"]), ""
    else:
        cv, ct = rng.choice(["PoR %d-%06d" % (rng.randint(10, 99), rng.randint(0, 999999)), "ACC holder",
                             "Nil"]), ""
    at, ad, apv = khi_address(p, rng)
    x = rng.random()
    in_khi = p.dist.startswith("Karachi") or p.dist in ("Korangi", "Keamari", "Malir")
    if x < 0.12 and in_khi:
        dtxt, dist_t, prov_t = "Karachi", ad, "Sindh"
    elif x < 0.16:
        dtxt, dist_t, prov_t = "", ad, apv
    else:
        if p.dist.startswith("Karachi") and rng.random() < 0.4:
            dtxt = rng.choice([p.dist.split()[1], "Distt. " + p.dist.split()[1]])
        else:
            dtxt = dist_variant(p.dist, rng, 0.3)
        dist_t, prov_t = p.dist, PROV[DIST[p.dist][0]]
    if not dist_t and "Karachi" in at:
        prov_t = "Sindh"
    cat = {"victim": ["Victim"], "smuggled_migrant": ["Smuggled Migrant", "Smuggled"],
           "deportee": ["Deportee"]}[a.role]
    return dict(nt=nt, ntr=ntr, ft=ft, ftr=ftr, nat=nat, nat_t=p.nat if nat else "", sv=sv, stt=stt,
                hon=hon, cv=cv, ct=ct, at=at, dtxt=dtxt, dist_t=dist_t, prov_t=prov_t, cat=rng.choice(cat))


def write_khi_mar():
    rng = random.Random(SEED + 90)
    fn = "FIA_AHTC_Karachi/AHTC KHI March 2023.xls"
    sh = "March-23"
    cols = ["S#", "Case/Enq No.", "Date", "Offence (U/S)", "Name", "F/Name", "Nationality", "Gender", "Age/DOB",
            "CNIC/POC/Passport", "Address", "District", "Category", "Case Status", "Remarks"]
    NC = len(cols)
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(sh)
    bold = xlwt.easyxf("font: bold on; align: horiz center")
    datef = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    ws.write_merge(0, 0, 0, NC - 1, "FIA ANTI HUMAN TRAFFICKING CIRCLE KARACHI", bold)
    ws.write_merge(1, 1, 0, NC - 1, "Monthly Progress Report (Victims / Smuggled Migrants) - March 2023", bold)
    for j, t in enumerate(cols):
        ws.write(2, j, t, bold)
    nonempty = {0, 1, 2}
    r = 3
    sr = 0
    for c, apps in W["KHI3"]:
        n = len(apps)
        has_date = rng.random() > 0.03
        s_txt = sect_txt(c, rng) if rng.random() > 0.03 else ""
        st = apps[0].status
        st_txt = status_txt(st, rng) if rng.random() > 0.05 else ""
        dval = (xl_date(c.date), datef) if rng.random() < 0.7 else (fmt_date(c.date, rng.choice(["dmy-", "th"])), None)
        for col, v, sty in ((1, ("Enq. " if c.enq else "") + c.cid, None), (2, dval[0] if has_date else "", dval[1] if has_date else None),
                            (3, s_txt, None), (13, st_txt, None)):
            if n > 1:
                if sty is not None:
                    ws.write_merge(r, r + n - 1, col, col, v, sty)
                else:
                    ws.write_merge(r, r + n - 1, col, col, v)
            elif v != "":
                if sty is not None:
                    ws.write(r, col, v, sty)
                else:
                    ws.write(r, col, v)
        for i, a in enumerate(apps):
            p = a.p
            sr += 1
            v = khi_row(a, c, rng, 3, has_date)
            ws.write(r, 0, sr)
            ws.write(r, 4, v["nt"])
            if v["ft"]:
                ws.write(r, 5, v["ft"])
            if v["nat"]:
                ws.write(r, 6, v["nat"])
            if v["sv"]:
                ws.write(r, 7, v["sv"])
            age_t, dob_t = "", ""
            y = rng.random()
            if y < 0.7:
                av, age_t = render_age(age_written(a, rng), rng, styles=("int", "n", "yrs"))
                ws.write(r, 8, av)
            elif y < 0.93:
                ws.write(r, 8, rng.choice(["%s", "DOB %s", "D.O.B: %s"]) % fmt_date(p.dob, rng.choice(["dmy-", "dmy."])))
                dob_t = p.dob.isoformat()
                age_t = str(age_exact(p.dob, c.date)) if has_date else ""
            ws.write(r, 9, v["cv"])
            ws.write(r, 10, v["at"])
            if v["dtxt"]:
                ws.write(r, 11, v["dtxt"])
            ws.write(r, 12, v["cat"])
            prot_t = ""
            if p.kind == "bgd" and a.role == "victim" and rng.random() < 0.2:
                ws.write(r, 14, "Shifted to Edhi shelter home")
                prot_t = "referred"
            T(fn, sh, r + 1, 1, a, chk=[v["nt"]], name=v["ntr"], father_name=v["ftr"],
              sex=sex_truth(v["stt"], None, v["hon"]), age=age_t, date_of_birth=dob_t, cnic=v["ct"],
              date=c.date.isoformat() if has_date else "", district=v["dist_t"], province=v["prov_t"],
              nationality=v["nat_t"], law_sections=c.codes if s_txt else "",
              crime_type=c.crime if s_txt else "", case_id=c.cid, case_status=st if st_txt else "",
              protection_status=prot_t)
            nonempty.add(r)
            r += 1
    r += 1
    ws.write(r, 10, "Sd/- Deputy Director, AHTC Karachi"); nonempty.add(r)
    kind(fn, sh, "data", len(nonempty))
    ws2 = wb.add_sheet("Abstract")
    ws2.write(0, 0, "Category"); ws2.write(0, 1, "Persons")
    cnt = {}
    for c, apps in W["KHI3"]:
        for a in apps:
            cnt[a.role] = cnt.get(a.role, 0) + 1
    for i, (k, v) in enumerate(sorted(cnt.items())):
        ws2.write(i + 1, 0, k.replace("_", " ").title()); ws2.write(i + 1, 1, v)
    kind(fn, "Abstract", "summary", len(cnt) + 1)
    path = os.path.join(OUT, fn)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb.save(path)


def write_khi_apr():
    rng = random.Random(SEED + 91)
    fn = "FIA_AHTC_Karachi/AHTC KHI April 2023.xlsx"
    sh = "Apr-2023"
    cols = ["S.No", "FIR/Enq No", "Date of Registration", "Sections", "Name of Person", "Father Name",
            "Nationalty", "Sex", "DOB", "Age", "ID Document", "Residential Address", "District", "Category",
            "Status", "Remarks"]
    NC = len(cols)
    wb = openpyxl.Workbook()
    S = Sheet(wb, sh, first=True)
    S.title("FIA ANTI HUMAN TRAFFICKING CIRCLE KARACHI", NC)
    S.title("Monthly Progress Report - April 2023", NC)
    S.r += 1
    S.row(cols, bold=True)
    for part, label in (("A", "A. NEW CASES / PERSONS (APRIL 2023)"),
                        ("B", "B. PROGRESS ON PREVIOUS CASES")):
        rr = S.row([label], bold=True)
        sr = 0
        for c, apps in W["KHI4"][part]:
            has_date = rng.random() > 0.03
            s_txt = sect_txt(c, rng) if rng.random() > 0.03 else ""
            st = apps[0].status
            st_txt = status_txt(st, rng) if rng.random() > 0.05 else ""
            dtx = (xl_date(c.date), "dd-mmm-yy") if rng.random() < 0.6 else \
                (fmt_date(c.date, rng.choice(["dmy/", "dmon", "dmy."])), None)
            for a in apps:
                p = a.p
                r = S.r
                sr += 1
                v = khi_row(a, c, rng, 4, has_date)
                S.put(r, 1, sr)
                S.put(r, 2, ("Enq No. " if c.enq else "") + c.cid)
                if has_date:
                    S.put(r, 3, dtx[0], dtx[1])
                if s_txt:
                    S.put(r, 4, s_txt)
                S.put(r, 5, v["nt"])
                if v["ft"]:
                    S.put(r, 6, v["ft"])
                if v["nat"]:
                    S.put(r, 7, v["nat"])
                if v["sv"]:
                    S.put(r, 8, v["sv"])
                dob_t = age_t = ""
                if rng.random() < 0.3:
                    S.put(r, 9, xl_date(p.dob), "dd-mm-yyyy")
                    dob_t = p.dob.isoformat()
                    if has_date:
                        age_t = str(age_exact(p.dob, c.date))
                if rng.random() < 0.8:
                    ag = age_written(a, rng, 0.0 if dob_t else 0.08)
                    if dob_t:
                        ag = age_exact(p.dob, c.date)
                    S.put(r, 10, ag)
                    age_t = str(ag)
                S.put(r, 11, v["cv"])
                S.put(r, 12, v["at"])
                if v["dtxt"]:
                    S.put(r, 13, v["dtxt"])
                S.put(r, 14, v["cat"])
                if st_txt:
                    S.put(r, 15, st_txt)
                prot_t = ""
                if a.prot == "repatriated":
                    S.put(r, 16, "Repatriated to Bangladesh on %s" % fmt_date(
                        D(2023, 4, rng.randint(1, 28)), "dmy-"))
                    prot_t = "repatriated"
                T(fn, sh, r, 1, a, chk=[v["nt"]], name=v["ntr"], father_name=v["ftr"],
                  sex=sex_truth(v["stt"], None, v["hon"]), age=age_t, date_of_birth=dob_t, cnic=v["ct"],
                  date=c.date.isoformat() if has_date else "", district=v["dist_t"], province=v["prov_t"],
                  nationality=v["nat_t"], law_sections=c.codes if s_txt else "",
                  crime_type=c.crime if s_txt else "", case_id=c.cid, case_status=st if st_txt else "",
                  protection_status=prot_t)
                S.r += 1
        S.r += 1
    kind(fn, sh, "data", xl_rows_nonempty(S.ws))
    S3 = Sheet(wb, "Draft")
    S3.row(["working copy"])
    for c, apps in W["KHI4"]["A"][:6]:
        for a in apps:
            S3.row([c.cid, canon(a.p.given), a.p.nat])
    S3.ws.sheet_state = "hidden"
    kind(fn, "Draft", "hidden", xl_rows_nonempty(S3.ws))
    save_xlsx(wb, fn, {})


# ---------------------------------------------------------------------------------------------
# 9. Main
# ---------------------------------------------------------------------------------------------
README = """# unseen_returns: held-out set of monthly TIP/SOM returns (Feb-Apr 2023)

Everything here is invented: names, CNIC-shaped numbers, phone numbers, FIR numbers. Generated by
`make_set.py` (seeded). `truth.csv` has one line per person record a careful human would enter
(format: the shared truth spec); `sheet_kind.csv` lists every sheet/CSV with its kind.

## Files (10 reporting units)

| file | unit | house style and faults |
|---|---|---|
| FIA_AHTC_Gujranwala/AHTC GRW Feb-2023.xlsx | FIA AHT Circle Gujranwala | Case-wise register: one row per FIR, all victims of the FIR in one cell (numbered inline, line breaks or `;`), their CNICs, ages and residences in parallel cells (sometimes fewer entries than victims), FIR number and date in one cell, title rows, a column-number row, repeated header rows after page breaks, serial numbers as formulas, TOTAL row with a formula, signature block. Sheets: data, `Summary` (counts), `Draft` (hidden, half-typed copy). |
| FIA_AHTC_Gujranwala/AHTC GRW March-2023.xlsx | same circle, next month | Same register retyped by a new focal person: two-row group header with merged cells, ages inside the victims cell "(25)", separate Excel-date column, PART-A (new) and PART-B (pending cases of previous months with updated status: the same victims again). `Sheet2` is very hidden (lists), `Summary` is a B/F-new-disposed-pending table. |
| FIA_AHTC_Lahore/AHTC Lahore victims Mar-2023.xlsx | FIA AHT Circle Lahore | Person-wise "Annexure-B": two-row group header, case cells (Sr, FIR, date, U/S, PS, status, sometimes purpose) merged vertically over the victims of the case, header repeated after page breaks, CNICs as numbers (Excel shows 3.52E+12), Excel dates, Distt. column with some `#N/A` lookup errors, gender incl. Khawaja Sira/TG. `Instructions` (notes), `Summary`, `lists` (very hidden). |
| FIA_AHTC_Lahore/AHTC Lahore victims Apr-2023.xlsx | same circle, next month | Same layout without the Distt. column, dates as text in many forms, PART-II: status of last month's cases (same victims again). A hidden copy of last month's sheet `Mar (2)`. |
| FIA_CC_Gujrat/Deportees_Feb_2023.xls | FIA Composite Circle Gujrat | Legacy .xls deportee list (Iran, Oman, Greece, Libya, Turkey...): parentage with or without S/O, CNICs as numbers or text, passports, Excel dates, action taken in free text (released / booked u/s 17(1) EO vide FIR / enquiry against agent u/s 22 EO r/w 420 PPC). `Country-wise` summary sheet. |
| FIA_CC_Gujrat/Deportees_Mar_2023.xls | same | Different clerk: ages, contact numbers, dates as text in many forms, heading rows for larger deportation groups, repeated header rows; `Sheet3` hidden. |
| FIA_AHTC_Islamabad/ahtc_isb_april_2023.csv | FIA AHT Circle Islamabad | UTF-8 with BOM, comma; two title records, name and parentage in one field, category column (victim, smuggled person, complainant, witness, accused, deportee), law sections only inside the free-text "Brief Facts" (quoted, some with line breaks), total and signature records. |
| Police_Sheikhupura_Region/RPO SKP PTPA-BLSA FIRs Feb-Mar 2023.csv | Regional Police Officer Sheikhupura (police) | Windows-1252, `;` delimiter, title records with an en dash, a blank record, one row per victim with "-do-" ditto marks for the FIR columns, sex as M/F/Boy/Girl, caste column, ages "minor"/"about 30". |
| Police_Lahore/CCPO Lahore HT FIRs April 2023.xlsx | Capital City Police Lahore (police) | One sheet per police division; headers bilingual in one cell, in two rows (Urdu over English) or Urdu only; two divisions merge the FIR cells vertically; some names, parentage (ولد/بنت/زوجہ), addresses, sections, sex, ages, statuses in Urdu; dates as Excel dates, "12th April 2023", "April 12, 2023", Urdu digits and Urdu month names. `Summary`, `Old` (hidden). |
| SWD_DarulAman_Lahore/Admission Register Feb-Apr 2023.xlsx | Social Welfare Dept, Dar-ul-Aman Lahore (shelter) | One sheet per month; Date of Birth with Age by DATEDIF formula (some `#VALUE!` where the DOB was typed as text), "Father / Husband" with D/O / W/O, misleading "Status" column (shelter outcome, not the court case), FIR and sections only inside "Reason of Admission". `Abstract` (summary), `Sheet1` (hidden). |
| CPWB_Lahore/CPWB rescued children March 2023.xlsx | Child Protection & Welfare Bureau Lahore | Urdu only: Urdu sheet name, headers and values (names, parentage, addresses, sex لڑکا/لڑکی, ages "۸ سال", Urdu digits and month names, reasons, status, FIR text); B-form numbers. `خلاصہ` (summary). |
| CPWB_Lahore/cpwb_lahore_april_2023.csv | same bureau, MIS export | UTF-16 LE with BOM, tab-delimited; ISO and "12-Apr-2023" dates; B-Form column (the child's number) beside a Father CNIC column (not the child's); "Child Reg No" is a bureau registration number, not a case number; FIR detail in free text. |
| NGO_Insaniyat_LRF/bonded_labour_rescues_Feb-Apr_2023.csv | NGO (Insaniyat Labour Rights Forum, invented) | UTF-8 without BOM, LF; families rescued from brick kilns (Punjab and Sindh), Father/Husband column with s/o, d/o, w/o or bare, district of the kiln plus a "Native Area" column, debts with thousands separators, legal action in free text. One Remarks field has a quoted line break; one Remarks field opens a quote that is never closed (see below). |
| FIA_AHTC_Karachi/AHTC KHI March 2023.xls | FIA AHT Circle Karachi | Legacy .xls, case cells merged vertically, foreign nationals (Bangladeshi, Afghan) with passports / PoR cards instead of CNICs, one Age/DOB column holding either an age or a date of birth, district column with short forms ("East", "Distt. Central", "Kemari") or just "Karachi". `Abstract` summary sheet. |
| FIA_AHTC_Karachi/AHTC KHI April 2023.xlsx | same circle, next month | Switched to .xlsx: separate DOB and Age columns, part A (new) and part B (progress on March cases, the same persons again, some repatriated). `Draft` hidden. |

About 28% of the 2,708 persons (3,555 records) appear in more than one file (deportees later named in an FIR, victims
of an FIA case admitted to Dar-ul-Aman, children rescued again or named in a police FIR, bonded
labourers in the NGO list and the police FIR list, cases carried into the next month's return), each
time spelled and documented differently. Brothers, namesakes with other fathers, and persons with
the same name and father but another age and district are different persons.

## Decisions taken for the truth

- Rows: titles, headers, repeated headers, part labels, group heading rows, TOTAL and signature rows,
  hidden/very hidden sheets and summary/notes sheets have no truth rows.  Names in "Accused"
  columns are case attributes, not person records; accused persons are records only where a file
  lists them as persons (Islamabad CSV, category "Accused").
- `row` for CSV: the record number counting title records, the header and delimiter-only blank
  records; a quoted line break does not start a new record.
- NGO CSV: one Remarks field (the last column) opens a quote that is never closed. A careful reader
  sees that the quote is unterminated, takes that remark to the end of its line and reads every
  following line as the record it plainly is, so all records are recoverable and numbered as if
  the quote had been closed at the end of that line.
- Multi-victim cells: one truth row per named victim (`victim_index` = position). Parallel CNIC /
  age / residence lists are aligned by position when their count equals the number of victims, by
  number when numbered; otherwise (unnumbered, count differs) the field is left empty for all
  victims of that case. One residence written for several victims applies to all of them.
- Vertically merged case cells and "-do-" ditto marks apply to every victim row they cover.
- `sex` only from a sex column or a relation/honorific marker (S/O, D/O, W/O, ولد, بنت, زوجہ,
  Mst., Mr.); never from the first name, the CNIC digit or the kind of unit.
- `age`: "minor" gives no age; "about 30", "25 yrs", "25Y", "۸ سال" give the number; with only a date
  of birth the age at the record's event date is computed (also where the Age formula shows #VALUE!).
- `district`: the district column when it names a district (short Karachi forms such as "East"
  included; "#N/A" or "Karachi" alone does not), else the last place in the address (towns, tehsils
  and old names resolved; a road named after a city is not the district); "Karachi" alone gives
  province Sindh and no district.
- `crime_type` from the sections per the spec; Emigration Ordinance 17(1) (booked deportees) is
  counted as som_related. Without sections, only the words "human trafficking" count (tip); other
  descriptions (domestic violence, rescued from brothel) give no crime type.
- `exploitation` only where a purpose/category/reason states it (brothel, prostitution, sold in
  marriage, unpaid domestic servant, begging, bonded labour, forced labour, organ removal).
- `case_id`: the FIR / enquiry number as written (without "FIR No."); Dar-ul-Aman admission
  numbers and CPWB child registration numbers are not case numbers.
- `case_status` only from case-status columns; shelter / bureau / NGO status columns and remarks
  ("Victim in Dar-ul-Aman", "Repatriated to Bangladesh on ...", "Shifted to Edhi shelter home") give
  `protection_status`.
- `cnic`: only a 13-digit number written for the person (B-form for children); a number Excel has
  turned into text like 3.52021E+12, a 12-digit number, or the father's CNIC give none.
- `nationality` only where a nationality column states it.
"""


def main():
    build_world()
    write_grw_feb()
    write_grw_mar()
    write_lhr(3)
    write_lhr(4)
    write_gjt(2)
    write_gjt(3)
    write_isb()
    write_skp()
    write_ccpo()
    write_dua()
    write_cpwb_mar()
    write_cpwb_apr()
    write_ngo()
    write_khi_mar()
    write_khi_apr()
    with open(os.path.join(OUT, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, FIELDS, lineterminator="\n")
        w.writeheader()
        for t in TRUTH:
            w.writerow(t)
    with open(os.path.join(OUT, "sheet_kind.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "sheet", "kind", "rows"])
        for k in KINDS:
            w.writerow(k)
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write(README)
    import json
    with open(os.path.join(OUT, "check_hints.json"), "w", encoding="utf-8") as f:
        json.dump([[fn, sh, row, vi] + chk for fn, sh, row, vi, chk in CHECK], f, ensure_ascii=False, indent=0)
    # statistics
    pids = {}
    for t in TRUTH:
        pids.setdefault(t["person_id"], set()).add(t["file"])
    multi = sum(1 for v in pids.values() if len(v) > 1)
    print("records %d, persons %d, persons in >1 file %d (%.1f%%)" % (
        len(TRUTH), len(pids), multi, 100.0 * multi / len(pids)))
    byf = {}
    for t in TRUTH:
        byf[t["file"]] = byf.get(t["file"], 0) + 1
    for k, v in byf.items():
        print("  %5d  %s" % (v, k))


if __name__ == "__main__":
    main()
