#!/usr/bin/env python3
"""Generate the `unseen_returns_dev` development set of TIP/SOM monthly returns.

Everything here is invented: names are drawn from common Pakistani name pools,
CNIC-shaped numbers are random, places are real district/town names only.

Run:  python3 make_set.py        (seeded; xlsx/xls/csv regenerate byte-identically)
Needs: openpyxl, xlwt==1.3.0 (and xlrd for check_set.py).
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
from openpyxl.utils import get_column_letter
import xlwt

HERE = os.path.dirname(os.path.abspath(__file__))
OUTDIR = HERE   # where the set is written (check_set.py regenerates it into a temporary directory)
SEED = 20231107
D = dt.date

# ---------------------------------------------------------------------------
# 1. Reference data (names, spellings, Urdu, geography)
# ---------------------------------------------------------------------------

VAR = {
    "Muhammad": ["Muhammad", "Mohammad", "Muhammed", "Mohammed", "M.", "Mohd."],
    "Ahmad": ["Ahmad", "Ahmed"], "Mehmood": ["Mehmood", "Mahmood", "Mehmud"],
    "Hussain": ["Hussain", "Husain", "Hussein"], "Hassan": ["Hassan", "Hasan"],
    "Nazir": ["Nazir", "Nazeer"], "Rafiq": ["Rafiq", "Rafique", "Rafeeq"],
    "Siddique": ["Siddique", "Siddiq"], "Yousaf": ["Yousaf", "Yusuf", "Yousuf"],
    "Yaqoob": ["Yaqoob", "Yaqub", "Yakoob"], "Younas": ["Younas", "Younis", "Yunus"],
    "Ramzan": ["Ramzan", "Ramazan"], "Iqbal": ["Iqbal", "Iqbaal"],
    "Ghulam": ["Ghulam", "Gulam"], "Rasool": ["Rasool", "Rasul"],
    "Sharif": ["Sharif", "Shareef"], "Latif": ["Latif", "Lateef"],
    "Majeed": ["Majeed", "Majid"], "Hameed": ["Hameed", "Hamid"],
    "Rehman": ["Rehman", "Rahman"], "Ghaffar": ["Ghaffar", "Ghafar"],
    "Ghafoor": ["Ghafoor", "Ghafur"], "Razzaq": ["Razzaq", "Razaq", "Razzak"],
    "Shahzad": ["Shahzad", "Shehzad"], "Zeeshan": ["Zeeshan", "Zishan"],
    "Waqas": ["Waqas", "Waqqas"], "Usman": ["Usman", "Usmaan", "Osman"],
    "Nadeem": ["Nadeem", "Nadim"], "Naveed": ["Naveed", "Navid"],
    "Rasheed": ["Rasheed", "Rashid"], "Javed": ["Javed", "Javaid", "Javid"],
    "Pervaiz": ["Pervaiz", "Parvez", "Pervez"], "Tariq": ["Tariq", "Tarique"],
    "Kausar": ["Kausar", "Kousar", "Kosar"], "Parveen": ["Parveen", "Perveen", "Parvin"],
    "Naseem": ["Naseem", "Nasim"], "Rubina": ["Rubina", "Robina"],
    "Ayesha": ["Ayesha", "Aisha", "Aysha"], "Fatima": ["Fatima", "Fatma"],
    "Zainab": ["Zainab", "Zenab"], "Maryam": ["Maryam", "Mariam"],
    "Sughran": ["Sughran", "Sughra"], "Zubaida": ["Zubaida", "Zubeda"],
    "Bibi": ["Bibi", "Bi Bi"], "Akhtar": ["Akhtar", "Akhter"],
    "Noreen": ["Noreen", "Nourin"], "Khatoon": ["Khatoon", "Khatun"],
    "Masih": ["Masih", "Maseeh"], "Ditta": ["Ditta", "Dita", "Dittah"],
    "Din": ["Din", "Deen"], "Boota": ["Boota", "Buta"], "Haider": ["Haider", "Hyder"],
    "Asif": ["Asif", "Aasif"], "Imran": ["Imran", "Imraan"], "Shahid": ["Shahid", "Shahed"],
    "Bilal": ["Bilal", "Bilaal"], "Faisal": ["Faisal", "Faysal"],
    "Mustafa": ["Mustafa", "Mustfa"], "Murtaza": ["Murtaza", "Murtza"],
    "Sohail": ["Sohail", "Suhail"], "Jamshed": ["Jamshed", "Jamshaid"],
    "Haroon": ["Haroon", "Harun"], "Hamza": ["Hamza", "Hamzah"],
    "Mubashir": ["Mubashir", "Mubashar"], "Mudassar": ["Mudassar", "Mudasar"],
    "Shoaib": ["Shoaib", "Shoiab"], "Zulfiqar": ["Zulfiqar", "Zulfqar"],
    "Inayat": ["Inayat", "Inayet"], "Liaqat": ["Liaqat", "Liaquat"],
    "Shaukat": ["Shaukat", "Shoukat"], "Maqsood": ["Maqsood", "Maqsud"],
    "Iftikhar": ["Iftikhar", "Iftekhar"], "Touseef": ["Touseef", "Tauseef"],
    "Fiaz": ["Fiaz", "Fayyaz"], "Ijaz": ["Ijaz", "Aijaz"], "Ishfaq": ["Ishfaq", "Ishfaque"],
    "Sajida": ["Sajida", "Sajeda"], "Shamim": ["Shamim", "Shameem"],
    "Saima": ["Saima", "Saema"], "Rukhsana": ["Rukhsana", "Rukhsaana"],
    "Samina": ["Samina", "Sameena"], "Tasleem": ["Tasleem", "Taslim"],
    "Bilqees": ["Bilqees", "Bilqis"], "Musarrat": ["Musarrat", "Musarat"],
    "Mehwish": ["Mehwish", "Mahwish"], "Khadija": ["Khadija", "Khadeeja"],
}

URDU = {
    "Muhammad": "محمد", "Imran": "عمران", "Asif": "آصف", "Usman": "عثمان", "Bilal": "بلال",
    "Waqas": "وقاص", "Shahid": "شاہد", "Nadeem": "ندیم", "Irfan": "عرفان", "Zeeshan": "ذیشان",
    "Arshad": "ارشد", "Ramzan": "رمضان", "Yousaf": "یوسف", "Tariq": "طارق", "Akram": "اکرم",
    "Ali": "علی", "Raza": "رضا", "Hassan": "حسن", "Ahmad": "احمد", "Haider": "حیدر",
    "Ghani": "غنی", "Kashif": "کاشف", "Mehmood": "محمود", "Naveed": "نوید", "Anjum": "انجم",
    "Adnan": "عدنان", "Faisal": "فیصل", "Shahzad": "شہزاد", "Sajid": "ساجد", "Hussain": "حسین",
    "Abbas": "عباس", "Ghulam": "غلام", "Mustafa": "مصطفیٰ", "Murtaza": "مرتضیٰ", "Sohail": "سہیل",
    "Iqbal": "اقبال", "Khalid": "خالد", "Jamshed": "جمشید", "Haroon": "ہارون", "Rasheed": "رشید",
    "Rizwan": "رضوان", "Umair": "عمیر", "Aslam": "اسلم", "Hamza": "حمزہ", "Rehman": "رحمٰن",
    "Ghaffar": "غفار", "Razzaq": "رزاق", "Danish": "دانش", "Saqib": "ثاقب", "Javed": "جاوید",
    "Aqib": "عاقب", "Talha": "طلحہ", "Saeed": "سعید", "Abid": "عابد", "Zahid": "زاہد",
    "Majid": "ماجد", "Khurram": "خرم", "Mudassar": "مدثر", "Nazir": "نذیر", "Mubashir": "مبشر",
    "Shoaib": "شعیب", "Akhtar": "اختر", "Noman": "نعمان", "Ashraf": "اشرف", "Amjad": "امجد",
    "Asghar": "اصغر", "Naeem": "نعیم", "Saleem": "سلیم", "Nasir": "ناصر", "Zafar": "ظفر",
    "Qasim": "قاسم", "Tahir": "طاہر", "Sarfraz": "سرفراز", "Sufyan": "سفیان", "Mohsin": "محسن",
    "Touseef": "توصیف", "Awais": "اویس", "Hafeez": "حفیظ", "Ullah": "اللہ", "Sami": "سمیع",
    "Ehsan": "احسان", "Umar": "عمر", "Farooq": "فاروق", "Ameer": "امیر", "Shakeel": "شکیل",
    "Jahanzaib": "جہانزیب", "Ijaz": "اعجاز", "Ishfaq": "اشفاق", "Mazhar": "مظہر", "Azhar": "اظہر",
    "Babar": "بابر", "Sikandar": "سکندر", "Hayat": "حیات", "Fiaz": "فیاض", "Riaz": "ریاض",
    "Mushtaq": "مشتاق", "Sharif": "شریف", "Nawaz": "نواز", "Rafiq": "رفیق", "Siddique": "صدیق",
    "Latif": "لطیف", "Anwar": "انور", "Yaqoob": "یعقوب", "Younas": "یونس", "Boota": "بوٹا",
    "Akbar": "اکبر", "Bashir": "بشیر", "Allah": "اللہ", "Rakha": "رکھا", "Ditta": "دتہ",
    "Rasool": "رسول", "Nabi": "نبی", "Qadir": "قادر", "Manzoor": "منظور", "Majeed": "مجید",
    "Hameed": "حمید", "Sattar": "ستار", "Ghafoor": "غفور", "Sadiq": "صادق", "Pervaiz": "پرویز",
    "Liaqat": "لیاقت", "Barkat": "برکت", "Fazal": "فضل", "Din": "دین", "Noor": "نور",
    "Sher": "شیر", "Khushi": "خوشی", "Taj": "تاج", "Siraj": "سراج", "Rehmat": "رحمت",
    "Inayat": "عنایت", "Shaukat": "شوکت", "Sabir": "صابر", "Zulfiqar": "ذوالفقار",
    "Maqsood": "مقصود", "Iftikhar": "افتخار", "Nazar": "نظر", "Habib": "حبیب", "Karam": "کرم",
    "Chiragh": "چراغ", "Dost": "دوست", "Lal": "لال", "Masih": "مسیح", "Emmanuel": "عمانوایل",
    "Arif": "عارف", "Rafaqat": "رفاقت", "Nargis": "نرگس", "Sumera": "سمیرا", "Maria": "ماریہ",
    "Sonia": "سونیا", "Naila": "نائلہ", "Shazia": "شازیہ", "Bibi": "بی بی", "Nasreen": "نسرین",
    "Parveen": "پروین", "Rubina": "روبینہ", "Kausar": "کوثر", "Samina": "ثمینہ", "Shamim": "شمیم",
    "Naseem": "نسیم", "Razia": "رضیہ", "Sultana": "سلطانہ", "Sughran": "صغراں", "Zubaida": "زبیدہ",
    "Khatoon": "خاتون", "Saima": "صائمہ", "Noreen": "نورین", "Asma": "عاصمہ", "Sana": "ثناء",
    "Hina": "حنا", "Iqra": "اقراء", "Ayesha": "عائشہ", "Fatima": "فاطمہ", "Zainab": "زینب",
    "Maryam": "مریم", "Rabia": "رابعہ", "Sobia": "صوبیہ", "Nadia": "نادیہ", "Farzana": "فرزانہ",
    "Rukhsana": "رخسانہ", "Shabana": "شبانہ", "Bushra": "بشریٰ", "Sadia": "سعدیہ", "Mehwish": "مہوش",
    "Kiran": "کرن", "Sidra": "سدرہ", "Anum": "انعم", "Amina": "آمنہ", "Nazia": "نازیہ",
    "Tahira": "طاہرہ", "Nabila": "نبیلہ", "Sajida": "ساجدہ", "Irum": "ارم", "Uzma": "عظمیٰ",
    "Aqsa": "اقصیٰ", "Laiba": "لائبہ", "Muqaddas": "مقدس", "Khadija": "خدیجہ", "Hajra": "ہاجرہ",
    "Ghazala": "غزالہ", "Musarrat": "مسرت", "Tasleem": "تسلیم", "Bilqees": "بلقیس",
    "Chandni": "چاندنی", "Bijli": "بجلی", "Reshma": "ریشماں", "Laila": "لیلیٰ", "Rani": "رانی",
    "Pinky": "پنکی", "Gul": "گل", "Khan": "خان", "Agha": "آغا", "Wali": "ولی", "Jan": "جان",
    "Mubarak": "مبارک", "Shafiq": "شفیق", "Naik": "نیک",
}

MALE_GIVEN = [
    "Muhammad Imran", "Muhammad Asif", "Muhammad Usman", "Muhammad Bilal", "Muhammad Waqas",
    "Muhammad Shahid", "Muhammad Nadeem", "Muhammad Irfan", "Muhammad Zeeshan", "Muhammad Arshad",
    "Muhammad Ramzan", "Muhammad Yousaf", "Muhammad Tariq", "Muhammad Akram", "Muhammad Ali",
    "Ali Raza", "Ali Hassan", "Bilal Ahmad", "Waqas Ahmad", "Zeeshan Haider", "Usman Ghani",
    "Imran Ali", "Asif Ali", "Kashif Mehmood", "Naveed Anjum", "Adnan Akram", "Faisal Shahzad",
    "Tariq Mehmood", "Sajid Hussain", "Nadeem Abbas", "Ghulam Mustafa", "Ghulam Abbas",
    "Ghulam Murtaza", "Sohail Ahmad", "Arshad Iqbal", "Khalid Mehmood", "Jamshed Iqbal",
    "Haroon Rasheed", "Rizwan Ali", "Shahzad Ahmad", "Umair Aslam", "Hamza Ali", "Abdul Rehman",
    "Abdul Ghaffar", "Abdul Razzaq", "Danish Ali", "Saqib Javed", "Aqib Javed", "Talha Saeed",
    "Hassan Raza", "Abid Hussain", "Zahid Iqbal", "Majid Ali", "Rasheed Ahmad", "Khurram Shahzad",
    "Mudassar Nazir", "Mubashir Hassan", "Shoaib Akhtar", "Noman Ashraf", "Amjad Ali",
    "Asghar Ali", "Naeem Akhtar", "Saleem Akhtar", "Nasir Mehmood", "Zafar Iqbal", "Qasim Ali",
    "Tahir Abbas", "Sarfraz Ahmad", "Irfan Haider", "Sufyan Ahmad", "Mohsin Raza", "Touseef Ahmad",
    "Awais Ali", "Hafeez Ullah", "Sami Ullah", "Ehsan Ullah", "Umar Farooq", "Ameer Hamza",
    "Shakeel Ahmad", "Jahanzaib Akram", "Ijaz Ahmad", "Ishfaq Ahmad", "Mazhar Iqbal",
    "Azhar Abbas", "Babar Ali", "Sikandar Hayat", "Fiaz Ahmad", "Riaz Ahmad", "Mushtaq Ahmad",
]
FATHER_GIVEN = [
    "Muhammad Aslam", "Muhammad Sharif", "Muhammad Nawaz", "Muhammad Rafiq", "Muhammad Siddique",
    "Muhammad Latif", "Muhammad Iqbal", "Muhammad Anwar", "Muhammad Ashraf", "Muhammad Yaqoob",
    "Muhammad Younas", "Muhammad Boota", "Muhammad Hussain", "Muhammad Ramzan", "Muhammad Akram",
    "Akbar Ali", "Nazir Ahmad", "Bashir Ahmad", "Allah Rakha", "Allah Ditta", "Ghulam Rasool",
    "Ghulam Nabi", "Ghulam Qadir", "Ghulam Hussain", "Manzoor Ahmad", "Mushtaq Ahmad",
    "Abdul Majeed", "Abdul Hameed", "Abdul Sattar", "Abdul Ghafoor", "Sadiq Ali", "Javed Iqbal",
    "Pervaiz Akhtar", "Ashraf Ali", "Liaqat Ali", "Barkat Ali", "Fazal Din", "Noor Muhammad",
    "Sher Muhammad", "Khushi Muhammad", "Taj Din", "Siraj Din", "Rehmat Ali", "Inayat Ullah",
    "Shaukat Ali", "Sabir Hussain", "Zulfiqar Ali", "Maqsood Ahmad", "Arshad Mehmood",
    "Tariq Mehmood", "Khalid Hussain", "Iftikhar Ahmad", "Riaz Ahmad", "Nazar Muhammad",
    "Habib Ullah", "Karam Din", "Chiragh Din", "Dost Muhammad", "Lal Din", "Mubarak Ali",
    "Shafiq Ahmad",
]
FEMALE_GIVEN = [
    "Shazia Bibi", "Nasreen Akhtar", "Parveen Bibi", "Rubina Kausar", "Samina Bibi",
    "Kausar Parveen", "Shamim Akhtar", "Naseem Bibi", "Razia Sultana", "Sughran Bibi",
    "Zubaida Khatoon", "Saima Noreen", "Asma Bibi", "Sana", "Hina Kausar", "Iqra", "Ayesha",
    "Fatima Bibi", "Zainab", "Maryam", "Rabia Bibi", "Sobia", "Nadia", "Farzana Kausar",
    "Rukhsana Bibi", "Shabana", "Bushra Bibi", "Sadia", "Mehwish", "Kiran", "Sidra", "Anum",
    "Amina Bibi", "Nazia", "Tahira Bibi", "Nabila", "Sajida Parveen", "Irum", "Uzma", "Aqsa",
    "Laiba", "Muqaddas", "Khadija", "Hajra Bibi", "Ghazala", "Musarrat Bibi", "Tasleem Akhtar",
    "Bilqees Bibi", "Sana Bibi", "Ayesha Bibi", "Zainab Bibi", "Iqra Bibi",
]
CHR_MALE = ["Pervaiz Masih", "Shakeel Masih", "Yousaf Masih", "Saleem Masih", "Boota Masih",
            "Javed Masih", "Sharif Masih", "Emmanuel Masih", "Yaqoob Masih", "Anwar Masih",
            "Nadeem Masih", "Sohail Masih", "Arif Masih", "Rafaqat Masih"]
CHR_FATHER = ["Inayat Masih", "Barkat Masih", "Rehmat Masih", "Sadiq Masih", "Nazir Masih",
              "Bashir Masih", "Ghulam Masih", "Khushi Masih", "Lal Masih", "Younas Masih"]
CHR_FEMALE = ["Razia Bibi", "Shamim Bibi", "Naila Pervaiz", "Sumera Bibi", "Rubina Masih",
              "Saima Masih", "Nargis Bibi", "Shazia Masih", "Maria Bibi", "Sonia Bibi"]
TG_GIVEN = ["Chandni", "Bijli", "Reshma", "Laila", "Rani", "Pinky", "Nadia", "Sonia"]
AFG_MALE = ["Gul Khan", "Noor Agha", "Abdul Wali", "Habib Ullah", "Jan Muhammad", "Wali Khan",
            "Sher Khan", "Naik Muhammad"]
AFG_FATHER = ["Jan Agha", "Gul Muhammad", "Abdul Qadir", "Noor Khan", "Dost Muhammad"]

# Urdu for the Afghan tokens that are not above
URDU.update({"Qadir": "قادر"})

# geography: canonical district -> province, Roman variants, towns (tehsils), Urdu
PROV = {
    "Gujranwala": "Punjab", "Sialkot": "Punjab", "Narowal": "Punjab", "Hafizabad": "Punjab",
    "Mandi Bahauddin": "Punjab", "Gujrat": "Punjab", "Jhelum": "Punjab", "Sheikhupura": "Punjab",
    "Lahore": "Punjab", "Kasur": "Punjab", "Okara": "Punjab", "Faisalabad": "Punjab",
    "Nankana Sahib": "Punjab", "Toba Tek Singh": "Punjab", "Sahiwal": "Punjab", "Attock": "Punjab",
    "Rawalpindi": "Punjab", "Muzaffargarh": "Punjab", "Rahim Yar Khan": "Punjab",
    "Rajanpur": "Punjab", "Dera Ghazi Khan": "Punjab", "Bahawalpur": "Punjab", "Multan": "Punjab",
    "Mirpur": "Azad Jammu & Kashmir", "Kotli": "Azad Jammu & Kashmir",
    "Bhimber": "Azad Jammu & Kashmir", "Peshawar": "Khyber Pakhtunkhwa",
    "Mardan": "Khyber Pakhtunkhwa", "Swat": "Khyber Pakhtunkhwa",
    "Shaheed Benazirabad": "Sindh", "Hyderabad": "Sindh",
}
GEO = {
    # district: (roman variants, [(town, town_ur)], district_ur, roads named after other cities, cnic prefixes, old name)
    "Gujranwala": (["Gujranwala", "Gujranwalla", "GUJRANWALA", "Gujranwaala", "Gujranwala City"],
                   [("Kamoke", "کامونکی"), ("Nowshera Virkan", "نوشہرہ ورکاں"),
                    ("Qila Didar Singh", "قلعہ دیدار سنگھ"), ("Eminabad", "ایمن آباد")],
                   "گوجرانوالہ", ["Sialkot Road", "Hafizabad Road", "Lahore Road", "Pasrur Road"],
                   ["34101", "34104"], None),
    "Sialkot": (["Sialkot", "Sialkote", "Sailkot", "SIALKOT"],
                [("Daska", "ڈسکہ"), ("Sambrial", "سمبڑیال"), ("Pasrur", "پسرور")],
                "سیالکوٹ", ["Gujranwala Road", "Kashmir Road", "Marala Road"], ["34603", "34602"], None),
    "Narowal": (["Narowal", "Narrowal", "NAROWAL"],
                [("Shakargarh", "شکرگڑھ"), ("Zafarwal", "ظفروال")],
                "نارووال", ["Sialkot Road", "Lahore Road"], ["34502"], None),
    "Hafizabad": (["Hafizabad", "Hafiz Abad", "HAFIZABAD"],
                  [("Pindi Bhattian", "پنڈی بھٹیاں")],
                  "حافظ آباد", ["Gujranwala Road", "Sargodha Road"], ["34301"], None),
    "Mandi Bahauddin": (["Mandi Bahauddin", "M.B.Din", "Mandi Baha ud Din", "Mandi Bahaud Din"],
                        [("Phalia", "پھالیہ"), ("Malakwal", "ملکوال")],
                        "منڈی بہاؤالدین", ["Sargodha Road", "Gujrat Road"], ["34403", "34402"], None),
    "Gujrat": (["Gujrat", "Gujarat", "GUJRAT"],
               [("Kharian", "کھاریاں"), ("Lalamusa", "لالہ موسیٰ"), ("Jalalpur Jattan", "جلالپور جٹاں"),
                ("Sarai Alamgir", "سرائے عالمگیر"), ("Dinga", "ڈنگہ")],
               "گجرات", ["Bhimber Road", "Sargodha Road", "Jalalpur Road"], ["34202", "34201"], None),
    "Jhelum": (["Jhelum", "Jehlum", "JHELUM"],
               [("Dina", "دینہ"), ("Sohawa", "سوہاوہ"), ("Pind Dadan Khan", "پنڈ دادن خان")],
               "جہلم", ["Rawalpindi Road", "Kashmir Road"], ["37302"], None),
    "Sheikhupura": (["Sheikhupura", "Sheikhupoora", "Shiekhupura", "SHEIKHUPURA", "Sheikhupura City"],
                    [("Muridke", "مریدکے"), ("Ferozewala", "فیروزوالہ"), ("Safdarabad", "صفدرآباد"),
                     ("Sharaqpur", "شرقپور")],
                    "شیخوپورہ", ["Lahore Road", "Faisalabad Road", "Sargodha Road"], ["35404", "35405"], None),
    "Lahore": (["Lahore", "LAHORE", "Lhr"],
               [("Shahdara", "شاہدرہ"), ("Raiwind", "رائیونڈ"), ("Kot Lakhpat", "کوٹ لکھپت"),
                ("Township", "ٹاؤن شپ"), ("Youhanabad", "یوحنا آباد"), ("Chung", "چونگ")],
               "لاہور", ["Ferozepur Road", "Multan Road", "Sheikhupura Road"], ["35202", "35201"], None),
    "Kasur": (["Kasur", "Qasur", "Kasoor", "KASUR"],
              [("Chunian", "چونیاں"), ("Pattoki", "پتوکی"), ("Kot Radha Kishan", "کوٹ رادھا کشن"),
               ("Mustafabad", "مصطفیٰ آباد")],
              "قصور", ["Lahore Road", "Depalpur Road", "Raiwind Road"], ["35102", "35103"], None),
    "Okara": (["Okara", "OKARA"],
              [("Renala Khurd", "رینالہ خورد"), ("Depalpur", "دیپالپور"), ("Haveli Lakha", "حویلی لکھا")],
              "اوکاڑہ", ["Faisalabad Road", "Depalpur Road"], ["35303", "35302"], None),
    "Faisalabad": (["Faisalabad", "Faislabad", "FAISALABAD", "Fsd"],
                   [("Jaranwala", "جڑانوالہ"), ("Samundri", "سمندری"), ("Tandlianwala", "تاندلیانوالہ"),
                    ("Chak Jhumra", "چک جھمرہ")],
                   "فیصل آباد", ["Sargodha Road", "Jhang Road", "Sheikhupura Road"], ["33100", "33102"],
                   ("Lyallpur", "لائلپور")),
    "Nankana Sahib": (["Nankana Sahib", "Nankana", "NANKANA SAHIB"],
                      [("Shahkot", "شاہکوٹ"), ("Sangla Hill", "سانگلہ ہل")],
                      "ننکانہ صاحب", ["Sheikhupura Road", "Faisalabad Road"], ["35401"], None),
    "Toba Tek Singh": (["Toba Tek Singh", "T.T.Singh", "T.T Singh"],
                       [("Gojra", "گوجرہ"), ("Kamalia", "کمالیہ")],
                       "ٹوبہ ٹیک سنگھ", ["Jhang Road", "Faisalabad Road"], ["33303"], None),
    "Sahiwal": (["Sahiwal", "SAHIWAL"], [("Chichawatni", "چیچہ وطنی")], "ساہیوال",
                ["Pakpattan Road", "Okara Road"], ["36502"], ("Montgomery", "منٹگمری")),
    "Attock": (["Attock", "ATTOCK"], [("Hazro", "حضرو"), ("Fateh Jang", "فتح جنگ")], "اٹک",
               ["Kohat Road", "Rawalpindi Road"], ["37101"], ("Campbellpur", "کیمبل پور")),
    "Rawalpindi": (["Rawalpindi", "Pindi", "RAWALPINDI"], [("Gujar Khan", "گوجر خان"), ("Kahuta", "کہوٹہ")],
                   "راولپنڈی", ["Peshawar Road", "Murree Road"], ["37405"], None),
    "Muzaffargarh": (["Muzaffargarh", "M.Garh", "Muzafargarh"], [("Alipur", "علی پور"), ("Jatoi", "جتوئی")],
                     "مظفرگڑھ", ["Multan Road", "Jhang Road"], ["32304"], None),
    "Rahim Yar Khan": (["Rahim Yar Khan", "R.Y.Khan", "RYK"], [("Sadiqabad", "صادق آباد"), ("Liaquatpur", "لیاقت پور")],
                       "رحیم یار خان", ["Bahawalpur Road"], ["31303"], None),
    "Rajanpur": (["Rajanpur", "Rajan Pur"], [("Jampur", "جام پور"), ("Rojhan", "روجھان")],
                 "راجن پور", ["D.G.Khan Road"], ["32402"], None),
    "Dera Ghazi Khan": (["Dera Ghazi Khan", "D.G.Khan", "D.G Khan", "DG Khan"], [("Kot Chutta", "کوٹ چھٹہ")],
                        "ڈیرہ غازی خان", ["Multan Road"], ["32102"], None),
    "Bahawalpur": (["Bahawalpur", "BAHAWALPUR"], [("Ahmadpur East", "احمد پور شرقیہ"), ("Hasilpur", "حاصل پور")],
                   "بہاولپور", ["Multan Road"], ["31202"], None),
    "Multan": (["Multan", "MULTAN"], [("Shujabad", "شجاع آباد"), ("Jalalpur Pirwala", "جلالپور پیر والا")],
               "ملتان", ["Bahawalpur Road", "Vehari Road"], ["36302"], None),
    "Mirpur": (["Mirpur AJK", "Mirpur (AJK)", "Mirpur Azad Kashmir"], [("Dadyal", "ڈڈیال"), ("Chakswari", "چکسواری")],
               "میرپور", ["Kotli Road"], ["81302"], None),
    "Kotli": (["Kotli AJK", "Kotli (A.K)", "Kotli Azad Kashmir"], [("Sehnsa", "سہنسہ"), ("Khuiratta", "کھوئی رٹہ")],
              "کوٹلی", ["Mirpur Road"], ["82203"], None),
    "Bhimber": (["Bhimber", "Bhimber AJK", "Bhimbar"], [("Samahni", "سماہنی"), ("Barnala", "برنالہ")],
                "بھمبر", ["Gujrat Road"], ["81102"], None),
    "Peshawar": (["Peshawar", "PESHAWAR"], [("Hayatabad", "حیات آباد")], "پشاور", ["Kohat Road", "Charsadda Road"], ["17301"], None),
    "Mardan": (["Mardan", "MARDAN"], [("Takht Bhai", "تخت بھائی")], "مردان", ["Swabi Road", "Nowshera Road"], ["16101"], None),
    "Swat": (["Swat", "SWAT"], [("Mingora", "مینگورہ"), ("Matta", "مٹہ")], "سوات", ["Mardan Road"], ["15602"], None),
    "Shaheed Benazirabad": (["Shaheed Benazirabad", "S.B.A"], [("Sakrand", "سکرنڈ")], "شہید بینظیر آباد",
                            ["Hyderabad Road"], ["45402"], ("Nawabshah", "نواب شاہ")),
    "Hyderabad": (["Hyderabad", "HYDERABAD"], [("Latifabad", "لطیف آباد"), ("Qasimabad", "قاسم آباد")], "حیدرآباد",
                  ["Karachi Road"], ["41304"], None),
}
COLONIES = [("Madina Colony", "مدینہ کالونی"), ("Islam Pura", "اسلام پورہ"), ("Rehman Pura", "رحمان پورہ"),
            ("Ghousia Colony", "غوثیہ کالونی"), ("Muhammadi Mohallah", "محمدی محلہ"),
            ("Peoples Colony", "پیپلز کالونی"), ("Satellite Town", "سیٹلائٹ ٹاؤن"),
            ("Faisal Town", "فیصل ٹاؤن"), ("Gulshan Colony", "گلشن کالونی"),
            ("Shadman Colony", "شادمان کالونی"), ("Mohallah Arainan", "محلہ آرائیاں"),
            ("Mohallah Sheikhan", "محلہ شیخاں"), ("Bilal Colony", "بلال کالونی"),
            ("Rasool Park", "رسول پارک"), ("Mustafa Town", "مصطفیٰ ٹاؤن"), ("Usman Park", "عثمان پارک"),
            ("Christian Colony", "کرسچن کالونی"), ("Nishat Colony", "نشاط کالونی")]
VILLAGES = [("Kot Ladha", "کوٹ لدھا"), ("Chak Ramdas", "چک رامداس"), ("Thatha Bhalla", "ٹھٹھہ بھلہ"),
            ("Dhok Kamal", "ڈھوک کمال"), ("Basti Malookan", "بستی ملوکاں"), ("Mouza Rampur", "موضع رامپور"),
            ("Jandiala Bagh", "جنڈیالہ باغ"), ("Kot Nihal", "کوٹ نہال"), ("Bhoma Kalan", "بھوما کلاں"),
            ("Dhonkal Khurd", "دھونکل خورد"), ("Chak Sikandar", "چک سکندر"), ("Thatti Ghazi", "ٹھٹی غازی"),
            ("Kot Jaffar", "کوٹ جعفر"), ("Bhattian Wala", "بھٹیاں والا"), ("Dera Bhatta", "ڈیرہ بھٹہ"),
            ("Kalar Wala", "کلر والا"), ("Sandhu Wala", "سندھو والا"), ("Ghuman Wala", "گھمن والا"),
            ("Nathu Kot", "نتھو کوٹ"), ("Chak Mughlani", "چک مغلانی")]
LANDMARKS = ["Bus Stand", "Jamia Masjid", "Govt. Boys High School", "Railway Phatak", "Sabzi Mandi",
             "Eidgah", "Darbar Sharif", "Police Chowki", "Grid Station"]

URDU_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
URDU_MONTHS = ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر",
               "اکتوبر", "نومبر", "دسمبر"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]

# ---------------------------------------------------------------------------
# 2. Law, status, protection, exploitation vocab
# ---------------------------------------------------------------------------
LAWNAMES = {
    "PTPA-2018": ["PTPA", "PTPA 2018", "PTPA-2018", "PTA 2018", "P.T.P.A"],
    "PSMA-2018": ["PSMA", "PSMA 2018", "PSMA-2018", "P.S.M.A"],
    "EO-1979": ["EO", "E.O", "E.O.", "Emigration Ordinance", "EO 1979"],
    "PPC": ["PPC", "P.P.C", "PPC", "P.P.C."],
    "PA-1974": ["PA 1974", "Passport Act 1974", "Passport Act", "PP Act"],
    "BLSA-1992": ["BLSA 1992", "BLSA", "Bonded Labour System (Abolition) Act 1992"],
    "THOTA-2010": ["THOTA 2010", "Transplantation of Human Organs Act 2010"],
    "FA-1946": ["Foreigners Act", "F.A 1946", "Foreigners Act 1946"],
}
URDU_LAW = {"PTPA-2018": "انسداد انسانی اسمگلنگ", "PPC": "ت پ", "BLSA-1992": "جبری مشقت ایکٹ",
            "EO-1979": "امیگریشن آرڈیننس", "PSMA-2018": "انسداد اسمگلنگ تارکین وطن"}
TIP_REL_PPC = {"366-A", "366-B", "370", "371", "371-A", "371-B", "374", "365-B", "498-B", "310-A"}


def crime_type(codes):
    if not codes:
        return ""
    laws = {c.split(":")[0] for c in codes}
    secs = {(c.split(":")[0], c.split(":")[1]) for c in codes}
    tip = bool(laws & {"PTPA-2018", "PACHTO-2002"})
    som = "PSMA-2018" in laws
    if tip and som:
        return "both"
    if tip:
        return "tip"
    if som:
        return "som"
    if any(l == "PPC" and s in TIP_REL_PPC for l, s in secs) or laws & {"BLSA-1992", "THOTA-2010"}:
        return "tip_related"
    if any(l == "EO-1979" and s.startswith("17") for l, s in secs) or "PA-1974" in laws:
        return "som_related"
    if any(l == "EO-1979" and s in ("18", "22") for l, s in secs):
        return "migration_fraud"
    return "other"


STATUS = {
    "investigation": ["U/I", "under inv.", "UNDER INV.", "Under Investigation", "PUI", "UI",
                      "Under investigation (I.O: SI Tariq)", "Pending investigation", "U/Inv"],
    "prosecution": ["Challan submitted", "Challan submitted in court", "sent up", "U/T", "Under trial",
                    "Challaned", "PUT", "Challan u/s 173 Cr.PC submitted"],
    "convicted": ["Convicted", "Convicted 7 years RI", "Convicted (fine Rs. 50,000)", "Conviction 3 yrs"],
    "acquitted": ["Acquitted", "Acquited", "acquitted by court"],
    "absconding": ["PO", "Proclaimed offender", "Accused absconding", "Absconder", "P.O"],
    "closed": ["Cancelled", "cancelled", "Untraced", "Filed", "Disposed of", "Case cancelled (compromise)"],
}
STATUS_UR = {"investigation": ["زیر تفتیش"], "prosecution": ["چالان", "چالان عدالت"], "convicted": ["سزا"],
             "acquitted": ["بری"], "closed": ["خارج", "منسوخ"], "absconding": ["اشتہاری"]}
PROT = {
    "in_shelter": ["In shelter", "Residing in Dar-ul-Aman", "Present in shelter", "Still in shelter"],
    "restored_to_family": ["Restored to family", "Handed over to parents", "Handed over to father",
                           "Restored to parents", "Reunited with family", "Handed over to husband"],
    "repatriated": ["Repatriated", "Repatriated to home country through embassy"],
    "referred": ["Referred to Dar-ul-Aman", "Sent to Dar ul Aman", "Referred to SBBC",
                 "Shifted to Crisis Centre"],
    "escaped": ["Escaped", "Ran away from shelter", "Absconded from shelter"],
    "discharged": ["Discharged", "Discharged on court order", "Released on court orders"],
}
PROT_UR = {"in_shelter": ["دارالامان میں مقیم", "دارالامان میں موجود"],
           "restored_to_family": ["والدین کے حوالے", "والد کے حوالے", "شوہر کے حوالے"],
           "referred": ["کرائسس سنٹر ریفر", "شہید بینظیر بھٹو سنٹر ریفر"],
           "escaped": ["فرار"], "discharged": ["ڈسچارج بحکم عدالت", "عدالتی حکم پر رہا"]}
EXPL = {
    "sexual_exploitation": ["Sexual exploitation", "Forced prostitution", "Commercial sexual exploitation",
                            "Prostitution (forced)"],
    "forced_labour": ["Forced labour", "Forced labour (agriculture)", "Compelled labour"],
    "bonded_labour": ["Bonded labour (brick kiln)", "Bonded labour - peshgi", "Debt bondage (kiln)"],
    "domestic_servitude": ["Domestic servitude", "Kept as house maid without pay", "Domestic worker (servitude)"],
    "begging": ["Begging", "Forced begging", "Organised begging"],
    "forced_marriage": ["Forced marriage", "Sold in marriage", "Forced marriage (Vani)"],
    "organ_removal": ["Kidney removal", "Organ removal (kidney)"],
}
EXPL_UR = {"sexual_exploitation": "جسم فروشی", "forced_marriage": "زبردستی شادی",
           "domestic_servitude": "گھریلو ملازمہ (بلا معاوضہ)", "forced_labour": "جبری مشقت",
           "begging": "بھیک منگوانا", "bonded_labour": "بھٹہ پر پیشگی جبری مشقت"}

# ---------------------------------------------------------------------------
# 3. People
# ---------------------------------------------------------------------------


class Person:
    def __init__(self, pid):
        self.pid = pid
        self.sex = None
        self.given = None
        self.father = None
        self.husband = None
        self.dob = None
        self.cnic = None
        self.phone = None
        self.district = None
        self.town = None         # (roman, urdu) or None
        self.loc = None          # (kind, roman, urdu)
        self.house = None
        self.nat = "PAK"
        self.passport = None
        self.special_vill = None


class World:
    def __init__(self, rng):
        self.rng = rng
        self.people = []
        self.used_cnic = set()

    def _cnic(self, district, sex, family_of=None):
        r = self.rng
        while True:
            if family_of is not None and family_of.cnic:
                pre = family_of.cnic[:5]
            else:
                pre = r.choice(GEO[district][4])
            mid = "".join(r.choice("0123456789") for _ in range(7))
            if mid[0] == "0":
                mid = "1" + mid[1:]
            last = r.choice("13579") if sex == "male" else r.choice("2468")
            c = pre + mid + last
            if c not in self.used_cnic:
                self.used_cnic.add(c)
                return c

    def _phone(self):
        r = self.rng
        pre = r.choice(["300", "301", "302", "303", "304", "305", "306", "307", "308", "309", "311",
                        "312", "313", "314", "315", "320", "321", "322", "323", "324", "331", "332",
                        "333", "334", "335", "336", "340", "341", "342", "343", "344", "345", "346", "347"])
        return "+92" + pre + "".join(r.choice("0123456789") for _ in range(7))

    def new(self, sex, age_lo, age_hi, district, ref_date=D(2023, 10, 1), christian=False, afghan=False,
            tg=False, given=None, father=None, p_cnic=None, p_phone=0.6, married=None, like=None):
        r = self.rng
        p = Person("P%04d" % (len(self.people) + 1))
        p.sex = "transgender" if tg else sex
        age = r.randint(age_lo, age_hi)
        p.dob = ref_date - dt.timedelta(days=int(age * 365.25) + r.randint(0, 360))
        if afghan:
            p.nat = "AFG"
            p.given = (given or r.choice(AFG_MALE)).split()
            p.father = (father or r.choice(AFG_FATHER)).split()
        else:
            if given is None:
                if tg:
                    given = r.choice(TG_GIVEN)
                elif sex == "male":
                    given = r.choice(CHR_MALE if christian else MALE_GIVEN)
                else:
                    given = r.choice(CHR_FEMALE if christian else FEMALE_GIVEN)
            if father is None:
                father = r.choice(CHR_FATHER if christian else FATHER_GIVEN)
            p.given = given.split()
            p.father = father.split()
        if married is None:
            married = sex == "female" and not tg and age >= 20 and r.random() < 0.55
        if married:
            p.husband = r.choice(CHR_MALE if christian else MALE_GIVEN).split()
        p.district = district
        towns = GEO[district][1]
        if like is not None:
            p.town, p.loc, p.house = like.town, like.loc, like.house
        else:
            p.town = r.choice(towns) if towns and r.random() < 0.8 else None
            if r.random() < 0.5:
                p.loc = ("colony",) + (r.choice(COLONIES) if not christian else
                                       r.choice([("Christian Colony", "کرسچن کالونی"), ("Youhanabad", "یوحنا آباد"),
                                                 ("Masih Abad", "مسیح آباد")]))
            else:
                p.loc = ("village",) + r.choice(VILLAGES)
            if district == "Sialkot" and r.random() < 0.15:
                p.loc = ("village", "Kotli Loharan", "کوٹلی لوہاراں")
            p.house = r.randint(2, 640)
        if not afghan:
            if p_cnic is None:
                p_cnic = 0.92 if age >= 18 else 0.45
            if r.random() < p_cnic:
                p.cnic = self._cnic(district, "male" if p.sex == "male" else "female", like)
        if r.random() < p_phone:
            p.phone = self._phone()
        if r.random() < 0.5 or afghan:
            p.passport = r.choice("ABCDEFGHJKLMNPRSTUVWXZ") + r.choice("ABCDEFGHJKLMNPRSTUVWXZ") + \
                "%07d" % r.randint(1000000, 9999999)
        self.people.append(p)
        return p

    def sibling(self, p, sex=None, age_lo=None, age_hi=None):
        """brother/sister: same father, same address, different person"""
        r = self.rng
        sex = sex or p.sex
        age = age_of(p.dob, D(2023, 10, 1))
        lo = max(5, age - 9) if age_lo is None else age_lo
        hi = age + 9 if age_hi is None else age_hi
        chr_ = "Masih" in p.father
        while True:
            q = self.new(sex, lo, hi, p.district, christian=chr_, father=" ".join(p.father), like=p,
                         married=False if sex == "male" else None)
            if q.given != p.given:
                return q
            self.people.pop()

    def namesake(self, p, district):
        """same name and father name, different person (other district, age, CNIC)"""
        r = self.rng
        age = age_of(p.dob, D(2023, 10, 1))
        if age < 18:
            lo, hi = 10, 17
        else:
            lo, hi = 18, 55
        while True:
            q = self.new(p.sex if p.sex != "transgender" else "female", lo, hi, district,
                         given=" ".join(p.given), father=" ".join(p.father),
                         christian="Masih" in p.given, married=False)
            if abs(age_of(q.dob, D(2023, 10, 1)) - age) >= 3 or district != p.district:
                return q
            self.people.pop()


def age_of(dob, when):
    a = when.year - dob.year - ((when.month, when.day) < (dob.month, dob.day))
    return a


# ---------------------------------------------------------------------------
# 4. Rendering helpers: each returns (what goes into the file, truth value)
# ---------------------------------------------------------------------------

def spell(tokens, r, pv=0.35, allow_m=True):
    out = []
    for t in tokens:
        vs = VAR.get(t, [t])
        if len(vs) > 1 and r.random() < pv:
            alts = [v for v in vs[1:] if allow_m or v not in ("M.", "Mohd.")]
            out.append(r.choice(alts) if alts else t)
        else:
            out.append(t)
    return " ".join(out)


def urdu_name(tokens):
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t == "Abdul" and i + 1 < len(tokens):
            out.append("عبدال" + URDU[tokens[i + 1]])
            i += 2
            continue
        out.append(URDU[t])
        i += 1
    return " ".join(out)


MALE_HON = ["Ch. ", "Malik ", "Rana ", "Hafiz ", "Haji "]
FEM_HON = ["Mst. ", "Mst ", "Mussammat ", "MST. "]


def rel_marker(kind, r, style="mixed"):
    if kind == "s":
        return r.choice(["s/o", "S/O", "s/o", "S/o", "s.o", "son of"])
    if kind == "d":
        return r.choice(["d/o", "D/O", "d/o", "D/o", "d.o", "daughter of"])
    return r.choice(["w/o", "W/O", "w/o", "W/o", "wife of"])


def fmt_date(d, style, r=None):
    if style == "slash":
        return "%02d/%02d/%d" % (d.day, d.month, d.year)
    if style == "slash1":
        return "%d/%d/%d" % (d.day, d.month, d.year)
    if style == "dash2":
        return "%d-%d-%02d" % (d.day, d.month, d.year % 100)
    if style == "dash":
        return "%02d-%02d-%d" % (d.day, d.month, d.year)
    if style == "dot":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    if style == "dot2":
        return "%02d.%02d.%02d" % (d.day, d.month, d.year % 100)
    if style == "long":
        suf = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        mon = MONTHS[d.month - 1]
        if r is not None and r.random() < 0.4 and d.month == 9:
            mon = "Sept"
        return "%d%s %s %d" % (d.day, suf, mon, d.year)
    if style == "us":
        mon = MONTHS[d.month - 1] if (r is None or r.random() < 0.5) else ("Sept" if d.month == 9 else MON3[d.month - 1])
        return "%s %d, %d" % (mon, d.day, d.year)
    if style == "mon":
        return "%d-%s-%02d" % (d.day, MON3[d.month - 1], d.year % 100)
    if style == "iso":
        return d.isoformat()
    if style == "urdu_digits":
        return ("%02d-%02d-%d" % (d.day, d.month, d.year)).translate(URDU_DIGITS)
    if style == "urdu_month":
        s = "%d %s %d" % (d.day, URDU_MONTHS[d.month - 1], d.year)
        if r is not None and r.random() < 0.5:
            s = s.translate(URDU_DIGITS)
        return s
    raise ValueError(style)


def fmt_cnic(c, style):
    """returns (value, truth)"""
    if c is None:
        return None, ""
    if style == "dash":
        return "%s-%s-%s" % (c[:5], c[5:12], c[12]), c
    if style == "plain":
        return c, c
    if style == "space":
        return "%s %s %s" % (c[:5], c[5:12], c[12]), c
    if style == "num":
        return int(c), c
    if style == "sci":
        v = "%.5E" % int(c)
        m, e = v.split("E")
        m = m.rstrip("0").rstrip(".")
        return "%sE+%d" % (m, int(e)), ""
    if style == "drop":
        return c[1:], ""
    if style == "dropdash":
        return "%s-%s-%s" % (c[1:5], c[5:12], c[12]), ""
    if style == "urdu":
        return ("%s-%s-%s" % (c[:5], c[5:12], c[12])).translate(URDU_DIGITS), c
    raise ValueError(style)


def typo_cnic(c, r):
    i = r.randint(5, 10)
    l = list(c)
    l[i], l[i + 1] = l[i + 1], l[i]
    t = "".join(l)
    if t == c:
        l[i] = str((int(l[i]) + 1) % 10)
        t = "".join(l)
    return t


NA_CNIC = ["N/A", "Not available", "under process", "-", "NIL", "Not Avail."]


def fmt_phone(e164, style):
    n = e164[3:]  # 3001234567
    if style == "dash":
        return "0%s-%s" % (n[:3], n[3:]), e164
    if style == "plain":
        return "0" + n, e164
    if style == "intl":
        return "+92 %s %s" % (n[:3], n[3:]), e164
    if style == "00":
        return "0092-%s-%s" % (n[:3], n[3:]), e164
    if style == "92":
        return "92" + n, e164
    if style == "num":
        return int(n), e164
    if style == "lost0":
        return n, e164
    raise ValueError(style)


def fmt_age(age, style, r):
    """returns (value, truth_age)"""
    if style == "int":
        return age, age
    if style == "str":
        return str(age), age
    if style == "yrs":
        return r.choice(["%d yrs", "%d Yrs", "%d years", "%dY", "%d-yrs", "%d Y"]) % age, age
    if style == "about":
        return r.choice(["about %d", "abt %d", "%d (approx)", "approx %d"]) % age, age
    if style == "urdu":
        return ("%d سال" % age).translate(URDU_DIGITS), age
    if style == "urdu_ascii":
        return "%d سال" % age, age
    if style == "minor":
        return r.choice(["minor", "Minor", "Nabalig"]), ""
    raise ValueError(style)


def render_sections(codes, r, style=None):
    """codes like ['EO-1979:17(2)','EO-1979:22','PPC:420'] -> e.g. '17(2)/22 E.O r/w 420 PPC'"""
    groups = []
    for c in codes:
        law, sec = c.split(":")
        if groups and groups[-1][0] == law:
            groups[-1][1].append(sec)
        else:
            groups.append((law, [sec]))
    style = style or r.choice(["slash", "slash", "us", "lawS", "dashlaw"])

    def secfmt(s):
        if "-" in s and r.random() < 0.3:
            return s.replace("-", "" if r.random() < 0.6 else " ")
        return s

    parts = []
    for law, secs in groups:
        ln = r.choice(LAWNAMES[law])
        ss = [secfmt(s) for s in secs]
        if style == "slash":
            parts.append("%s %s" % ("/".join(ss), ln))
        elif style == "us":
            parts.append("%s %s" % (",".join(ss), ln))
        elif style == "lawS":
            parts.append("%s S.%s" % (ln, ",".join(ss)))
        elif style == "dashlaw":
            parts.append("/".join("%s-%s" % (s, ln.replace(" ", "")) for s in ss))
        elif style == "urdu":
            ul = URDU_LAW[law]
            if law == "PTPA-2018":
                parts.append("دفعہ %s %s" % ("/".join(ss), ul))
            else:
                parts.append("%s %s" % ("/".join(ss), ul))
    if style == "dashlaw":
        s = "/".join(parts)
    elif style == "urdu":
        s = "، ".join(parts)
    else:
        j = r.choice([" r/w ", ", ", " & ", " / "]) if len(parts) > 1 else ""
        s = j.join(parts)
    if style == "us":
        s = r.choice(["u/s ", "U/S ", "U/s "]) + s
    return s


# ---------------------------------------------------------------------------
# 5. Address rendering
# ---------------------------------------------------------------------------

def addr_roman(p, r, allow_town_only=True, prefix=False):
    """(text, truth_district)"""
    g = GEO[p.district]
    dv = r.choice(g[0]) if r.random() < 0.5 else g[0][0]
    town = p.town[0] if p.town else None
    loc = p.loc[1]
    opts = ["house", "distt"]
    if town:
        opts += ["moh_town", "tehsil", "po", "town_only" if allow_town_only else "tehsil", "gali"]
    opts += ["road"]
    if g[5]:
        opts += ["old"]
    kind = r.choice(opts)
    if g[5] and r.random() < 0.3:
        kind = "old"
    if kind == "house":
        s = "House No. %d, %s, %s" % (p.house, loc, dv) if r.random() < 0.6 else "H# %d %s %s" % (p.house, loc, dv)
    elif kind == "distt":
        s = "%s, Distt. %s" % (loc, dv) if r.random() < 0.5 else "%s, District %s" % (loc, dv)
    elif kind == "moh_town":
        s = ("Mohallah %s, %s" % (loc, town)) if p.loc[0] == "colony" and not loc.startswith("Mohallah") else "%s, %s" % (loc, town)
    elif kind == "tehsil":
        s = "Village %s, Tehsil %s, Distt %s" % (loc, town, dv) if p.loc[0] == "village" else \
            "%s, Tehsil %s, District %s" % (loc, town, dv)
    elif kind == "po":
        s = "%s, P/O %s, %s" % (loc, town, dv)
    elif kind == "town_only":
        s = town
    elif kind == "gali":
        s = "Gali No. %d, %s, %s, %s" % (r.randint(1, 14), loc, town, dv)
    elif kind == "road":
        s = "Near %s, %s, %s" % (r.choice(LANDMARKS), r.choice(g[3]), dv)
    elif kind == "old":
        s = "%s, %s" % (loc, g[5][0]) if r.random() < 0.5 else "Chak No. %d, %s" % (r.randint(20, 480), g[5][0])
    if prefix:
        s = r.choice(["R/o ", "r/o ", "resident of "]) + s
    return s, p.district


def addr_urdu(p, r):
    g = GEO[p.district]
    dist_ur = g[2]
    town_ur = p.town[1] if p.town else None
    loc_ur = p.loc[2]
    opts = ["house", "dist"]
    if town_ur:
        opts += ["town", "tehsil", "town_only"]
    if g[5]:
        opts.append("old")
    kind = r.choice(opts)
    hn = str(p.house)
    if r.random() < 0.5:
        hn = hn.translate(URDU_DIGITS)
    if kind == "house":
        s = "مکان نمبر %s، %s، %s" % (hn, loc_ur, dist_ur)
    elif kind == "dist":
        s = "%s، ضلع %s" % (loc_ur, dist_ur)
    elif kind == "town":
        s = "%s، %s" % (loc_ur, town_ur)
    elif kind == "tehsil":
        s = "%s، تحصیل %s، ضلع %s" % (loc_ur, town_ur, dist_ur)
    elif kind == "town_only":
        s = town_ur
    else:
        s = "%s، %s" % (loc_ur, g[5][1])
    return s, p.district


# ---------------------------------------------------------------------------
# 6. Cases and appearances
# ---------------------------------------------------------------------------

class Case:
    def __init__(self, unit, no, year, date, codes, status, expl=None, ps=None, idtxt=None):
        self.unit = unit
        self.no = no
        self.year = year
        self.date = date
        self.codes = codes
        self.status = status
        self.expl = expl or []
        self.ps = ps
        self.idtxt = idtxt or "%d/%s" % (no, str(year)[2:])
        self.members = []   # list of App
        self.extra = {}


class App:
    def __init__(self, person, unit, date, role="victim", case=None):
        self.p = person
        self.unit = unit
        self.date = date
        self.role = role
        self.case = case
        self.prot = None
        self.expl = []
        self.extra = {}
        if case is not None:
            case.members.append(self)


TRUTH_COLS = ["file", "sheet", "row", "victim_index", "person_id", "name", "father_name", "husband_name",
              "sex", "age", "date_of_birth", "cnic", "phone", "date", "district", "province", "nationality",
              "law_sections", "crime_type", "exploitation", "case_id", "case_status", "protection_status", "role"]

TRUTH = []
SHEETKIND = []   # (file, sheet, kind)
CHECKS = []      # (file, sheet, row, [strings that must appear in that row])


def T(file, sheet, row, vi, app, name, father="", husband="", sex="", age="", dob="", cnic="", phone="",
      date=None, district="", nationality="", codes=None, ctype=None, expl=None, case_id="", case_status="",
      prot="", role=None, must=None):
    codes = codes or []
    rec = {
        "file": file, "sheet": sheet, "row": row, "victim_index": vi, "person_id": app.p.pid,
        "name": name, "father_name": father or "", "husband_name": husband or "", "sex": sex or "",
        "age": "" if age in ("", None) else str(int(age)),
        "date_of_birth": dob.isoformat() if isinstance(dob, dt.date) else (dob or ""),
        "cnic": cnic or "", "phone": phone or "",
        "date": date.isoformat() if isinstance(date, dt.date) else (date or ""),
        "district": district or "", "province": PROV[district] if district else "",
        "nationality": nationality or "",
        "law_sections": "|".join(codes),
        "crime_type": crime_type(codes) if ctype is None else ctype,
        "exploitation": "|".join(expl or []),
        "case_id": case_id or "", "case_status": case_status or "", "protection_status": prot or "",
        "role": role or app.role,
    }
    TRUTH.append(rec)
    if must:
        CHECKS.append((file, sheet, row, must))
    return rec


# ---------------------------------------------------------------------------
# 7. The scenario: who is recorded by which unit, when
# ---------------------------------------------------------------------------
SEP1, SEP30, OCT1, OCT31 = D(2023, 9, 1), D(2023, 9, 30), D(2023, 10, 1), D(2023, 10, 31)


def rdate(r, a, b):
    return a + dt.timedelta(days=r.randint(0, (b - a).days))


def wpick(r, items):
    tot = sum(w for w, _ in items)
    x = r.random() * tot
    for w, it in items:
        x -= w
        if x <= 0:
            return it
    return items[-1][1]


DEP_DISTS = [(14, "Gujranwala"), (12, "Gujrat"), (10, "Sialkot"), (9, "Mandi Bahauddin"), (5, "Lahore"),
             (5, "Sheikhupura"), (5, "Faisalabad"), (4, "Jhelum"), (4, "Hafizabad"), (4, "Narowal"),
             (3, "Kasur"), (2, "Okara"), (2, "Toba Tek Singh"), (4, "Mirpur"), (3, "Kotli"), (3, "Bhimber"),
             (1, "Dera Ghazi Khan"), (1, "Bahawalpur"), (1, "Multan"), (2, "Rawalpindi"), (1, "Attock"),
             (1, "Peshawar"), (1, "Mardan"), (1, "Swat"), (1, "Shaheed Benazirabad"), (1, "Sahiwal")]
GRW_DISTS = [(30, "Gujranwala"), (20, "Sialkot"), (10, "Narowal"), (10, "Hafizabad"),
             (6, "Mandi Bahauddin"), (5, "Sheikhupura"), (3, "Gujrat")]
GJT_DISTS = [(35, "Gujrat"), (15, "Mandi Bahauddin"), (10, "Jhelum"), (8, "Bhimber"), (7, "Mirpur"),
             (6, "Kotli"), (4, "Sialkot")]
LHR_DISTS = [(35, "Lahore"), (12, "Kasur"), (10, "Sheikhupura"), (8, "Okara"), (8, "Faisalabad"),
             (6, "Nankana Sahib"), (3, "Sahiwal"), (3, "Muzaffargarh"), (2, "Rahim Yar Khan"),
             (2, "Gujranwala"), (2, "Bahawalpur"), (2, "Multan")]
SKP_DISTS = [(60, "Sheikhupura"), (12, "Nankana Sahib"), (10, "Lahore"), (8, "Kasur"), (5, "Faisalabad"),
             (3, "Okara")]
CPWB_DISTS = [(40, "Lahore"), (10, "Kasur"), (8, "Sheikhupura"), (6, "Okara"), (8, "Muzaffargarh"),
              (6, "Rahim Yar Khan"), (6, "Rajanpur"), (5, "Dera Ghazi Khan"), (4, "Bahawalpur"),
              (3, "Faisalabad"), (2, "Nankana Sahib")]
NGO_DISTS = [(35, "Kasur"), (20, "Lahore"), (20, "Sheikhupura"), (10, "Nankana Sahib"), (10, "Okara"),
             (5, "Faisalabad")]

SOM_CODES = [
    (25, ["EO-1979:17(2)", "EO-1979:22", "PPC:420"]), (18, ["EO-1979:22", "PPC:420"]),
    (10, ["PSMA-2018:3"]), (8, ["PSMA-2018:3", "PPC:420"]), (5, ["PTPA-2018:3", "PSMA-2018:3"]),
    (6, ["PTPA-2018:3", "PTPA-2018:4"]), (5, ["EO-1979:18", "EO-1979:22"]),
    (5, ["PPC:420", "PPC:468", "PPC:471"]), (5, ["EO-1979:17(2)", "PA-1974:6"]),
    (5, ["PSMA-2018:3", "EO-1979:22", "PPC:420"]), (2, ["EO-1979:17(4)"]),
]
LHR_CODES = [
    (18, (["PTPA-2018:3"], ["sexual_exploitation"])), (12, (["PTPA-2018:3", "PTPA-2018:4"], ["sexual_exploitation"])),
    (18, (["PPC:371-A", "PPC:371-B"], ["sexual_exploitation"])),
    (8, (["PTPA-2018:3", "PPC:371-A", "PPC:371-B"], ["sexual_exploitation"])),
    (5, (["PTPA-2018:3(2)"], ["sexual_exploitation"])), (6, (["PPC:366-A", "PPC:371-A"], ["sexual_exploitation"])),
    (4, (["PTPA-2018:3", "FA-1946:14"], ["sexual_exploitation"])), (2, (["THOTA-2010:9", "PPC:420"], ["organ_removal"])),
    (5, (["PPC:365-B", "PPC:498-B"], ["forced_marriage"])), (5, (["PTPA-2018:3", "PPC:374"], ["forced_labour"])),
    (4, (["PTPA-2018:3", "PPC:109"], ["domestic_servitude"])), (7, (["PTPA-2018:3"], ["begging"])),
    (3, (["PTPA-2018:3", "PTPA-2018:4"], ["sexual_exploitation", "forced_marriage"])),
]
SKP_CODES = [
    (15, (["PPC:371-A", "PPC:371-B", "PTPA-2018:3"], ["sexual_exploitation"], "sex")),
    (14, (["BLSA-1992:11", "PPC:374"], ["bonded_labour"], "kiln")),
    (8, (["PTPA-2018:3"], ["bonded_labour"], "kiln")),
    (8, (["PPC:365-B"], ["forced_marriage"], "marriage")),
    (6, (["PPC:366-A", "PPC:109"], ["sexual_exploitation"], "sex")),
    (16, (["PTPA-2018:3", "PPC:342"], ["domestic_servitude"], "domestic")),
    (5, (["PTPA-2018:3", "PTPA-2018:4"], ["begging"], "begging")),
    (4, (["PPC:371-A", "PPC:371-B"], ["sexual_exploitation"], "tg")),
]
GJT_CODES = [
    (22, ["PSMA-2018:3"]), (20, ["EO-1979:17(2)", "EO-1979:22", "PPC:420"]), (12, ["PA-1974:6", "PSMA-2018:3"]),
    (14, ["EO-1979:22", "PPC:420"]), (6, ["PTPA-2018:3", "PSMA-2018:3"]), (6, ["EO-1979:17(2)"]),
    (4, ["PSMA-2018:3", "PPC:420", "PPC:468"]),
]
COUNTRIES = [(22, "Oman"), (16, "Iran"), (10, "Greece"), (8, "Libya"), (14, "Saudi Arabia"), (10, "UAE"),
             (6, "Turkey"), (5, "Malaysia"), (3, "Azerbaijan"), (3, "Iraq"), (3, "Qatar")]


def renumber(cases, start, r, step=(1, 3)):
    """FIR numbers rise with the date of registration"""
    no = start
    for c in sorted(cases, key=lambda c: (c.date, c.no)):
        c.no = no
        if not c.extra.get("enq"):
            c.idtxt = "%d/%s" % (no, str(c.year)[2:])
        no += r.randint(*step)


def status_for(r, date, later=False):
    if later:
        return wpick(r, [(45, "investigation"), (35, "prosecution"), (6, "convicted"), (3, "acquitted"),
                         (6, "absconding"), (5, "closed")])
    return wpick(r, [(80, "investigation"), (10, "prosecution"), (5, "absconding"), (5, "closed")])


def build_scenario(W):
    r = W.rng
    S = {}

    # --- deportees (airport desk) ---
    def dep_batch(n, a, b, unit):
        apps = []
        for _ in range(n):
            dist = wpick(r, DEP_DISTS)
            afg = r.random() < 0.03
            fem = (not afg) and r.random() < 0.05
            if afg:
                dist = wpick(r, [(1, "Peshawar"), (1, "Lahore"), (1, "Rawalpindi")])
            p = W.new("female" if fem else "male", 19, 46, dist, afghan=afg, p_phone=0.55)
            ap = App(p, unit, rdate(r, a, b), role="deportee")
            ap.extra["country"] = wpick(r, COUNTRIES)
            apps.append(ap)
        apps.sort(key=lambda x: x.date)
        return apps

    S["dep_sep"] = dep_batch(190, SEP1, SEP30, "DEP")
    S["dep_oct"] = dep_batch(150, OCT1, OCT31, "DEP")
    # brothers and namesakes among deportees
    for ap in r.sample(S["dep_sep"], 8):
        if ap.p.nat == "PAK" and ap.p.sex == "male":
            b = W.sibling(ap.p, "male", 19, 40)
            nb = App(b, "DEP", ap.date, role="deportee")   # deported on same flight
            nb.extra["country"] = ap.extra["country"]
            nb.extra["flight_of"] = ap
            S["dep_sep"].append(nb)
    S["dep_sep"].sort(key=lambda x: x.date)

    # --- Child Protection Bureau ---
    cp = []
    for _ in range(140):
        dist = wpick(r, CPWB_DISTS)
        sex = "male" if r.random() < 0.62 else "female"
        p = W.new(sex, 6, 16, dist, p_phone=0.55)
        ap = App(p, "CPWB", rdate(r, SEP1, OCT31))
        cat = wpick(r, [(45, "begging"), (22, "domestic_servitude"), (10, "bonded_labour"),
                        (8, "sexual_exploitation"), (15, "trafficked")])
        ap.extra["cat"] = cat
        cp.append(ap)
    # sibling pairs of beggar children (same father), different persons
    for ap in r.sample([a for a in cp if a.extra["cat"] == "begging"], 10):
        s = W.sibling(ap.p, r.choice(["male", "female"]), 5, 15)
        na = App(s, "CPWB", ap.date)
        na.extra["cat"] = "begging"
        cp.append(na)
    cp.sort(key=lambda x: x.date)
    S["cpwb"] = cp

    # --- FIA AHTC Gujranwala ---
    def grw_cases(n, a, b, start_no, pool_src, n_from_pool, month_tag):
        cases = []
        pool = list(pool_src)
        r.shuffle(pool)
        taken = 0
        no = start_no
        for i in range(n):
            size = wpick(r, [(46, 1), (28, 2), (14, 3), (7, 4), (3, 5), (2, 6)])
            codes = wpick(r, SOM_CODES)
            d = rdate(r, a, b)
            c = Case("GRW", no, 2023, d, codes, status_for(r, d))
            no += r.randint(1, 3)
            if "PTPA-2018" in " ".join(codes):
                c.expl = [wpick(r, [(6, "forced_labour"), (2, "domestic_servitude"), (1, "sexual_exploitation")])]
            # members
            if taken < n_from_pool and pool and r.random() < 0.85:
                # deportee becomes complainant-victim against his agent
                region = {dd for _, dd in GRW_DISTS} | {"Gujrat", "Mandi Bahauddin", "Lahore"}
                cands = sorted([x for x in pool if x.date <= d - dt.timedelta(days=3)],
                               key=lambda x: (x.p.district not in region, x.date))
                if cands:
                    src = cands[0]
                    pool.remove(src)
                    taken += 1
                    App(src.p, "GRW", d, case=c).extra["src"] = src
                    if size > 1 and r.random() < 0.5 and src.p.nat == "PAK":
                        for _ in range(size - 1):
                            App(W.sibling(src.p, "male", 18, 40), "GRW", d, case=c)
                    cases.append(c)
                    continue
            kind = r.random()
            dist = wpick(r, GRW_DISTS)
            first = W.new("male" if r.random() < 0.93 else "female", 18, 45, dist)
            App(first, "GRW", d, case=c)
            for k in range(size - 1):
                if kind < 0.35:
                    q = W.sibling(first, "male", 17, 42)
                else:
                    q = W.new("male", 18, 45, dist if r.random() < 0.7 else wpick(r, GRW_DISTS))
                App(q, "GRW", d, case=c)
            cases.append(c)
        return cases, taken

    grw_sep, _ = grw_cases(80, SEP1, SEP30, 401, [x for x in S["dep_sep"] if x.date < D(2023, 9, 24)], 24, "sep")
    used = {m.extra.get("src") for c in grw_sep for m in c.members}
    dep_pool_oct = [x for x in S["dep_sep"] + S["dep_oct"] if x not in used]
    grw_oct, _ = grw_cases(84, OCT1, OCT31, 497, dep_pool_oct, 72, "oct")
    renumber(grw_sep, 401, r)
    renumber(grw_oct, max(c.no for c in grw_sep) + r.randint(1, 3), r)
    S["grw_sep"], S["grw_oct"] = grw_sep, grw_oct
    # Part-B: Sep cases reported again in October with progress
    S["grw_bf"] = r.sample(grw_sep, 30)

    # --- FIA Composite Circle Gujrat ---
    used = {m.extra.get("src") for c in grw_sep + grw_oct for m in c.members}
    dep_left = [x for x in S["dep_sep"] + S["dep_oct"] if x not in used and x.p.nat == "PAK"]
    r.shuffle(dep_left)
    gj = []
    no = 201
    grw_all_members = [m for c in grw_sep + grw_oct for m in c.members]
    share_grw = r.sample(grw_all_members, 30)
    dep_take = 0
    for i in range(78):
        d = rdate(r, SEP1, OCT31)
        codes = wpick(r, GJT_CODES)
        c = Case("GJT", no, 2023, d, codes, status_for(r, d, later=d < D(2023, 9, 20)))
        no += r.randint(1, 2)
        c.extra["kind"] = wpick(r, [(40, "victims"), (25, "migrants"), (20, "boat"), (15, "mixed")])
        if c.extra["kind"] == "boat":
            c.codes = wpick(r, [(3, ["PSMA-2018:3"]), (1, ["PSMA-2018:3", "PPC:420"]), (1, ["EO-1979:17(2)", "PSMA-2018:3"])])
        mem = 0
        # pull people recorded elsewhere
        if dep_take < 75 and c.extra["kind"] in ("victims", "mixed", "boat") and r.random() < 0.85:
            region = {dd for _, dd in GJT_DISTS}
            cands = sorted([x for x in dep_left if x.date <= d - dt.timedelta(days=2)],
                           key=lambda x: (x.p.district not in region, x.date))
            if cands:
                src = cands[0]
                dep_left.remove(src)
                dep_take += 1
                App(src.p, "GJT", d, role="victim", case=c).extra["src"] = src
                mem += 1
        if share_grw and c.extra["kind"] in ("victims", "mixed") and r.random() < 0.5:
            src = share_grw.pop()
            App(src.p, "GJT", d, role="victim", case=c).extra["src"] = src
            mem += 1
        size = wpick(r, [(40, 1), (30, 2), (15, 3), (10, 4), (5, 5)])
        while mem < size:
            dist = wpick(r, GJT_DISTS)
            if c.extra["kind"] == "boat":
                # missing / drowned son, father is complainant
                son = W.new("male", 17, 30, dist, p_cnic=0.7)
                App(son, "GJT", d, role="victim", case=c)
                fa = W.new("male", 45, 68, dist, given=" ".join(son.father), like=son, married=False)
                fa.district = son.district
                App(fa, "GJT", d, role="complainant", case=c)
                mem += 2
            elif c.extra["kind"] == "migrants":
                q = W.new("male", 18, 38, dist)
                App(q, "GJT", d, role="smuggled_migrant", case=c)
                mem += 1
            else:
                q = W.new("male" if r.random() < 0.9 else "female", 18, 45, dist)
                App(q, "GJT", d, role="victim", case=c)
                mem += 1
        gj.append(c)
    renumber(gj, 201, r, (1, 2))
    gj.sort(key=lambda c: (c.date, c.no))
    S["gjt"] = gj

    # --- FIA AHTC Lahore ---
    def lhr_cases(n, a, b, start_no):
        cases = []
        no = start_no
        for i in range(n):
            d = rdate(r, a, b)
            codes, expl = wpick(r, LHR_CODES)
            c = Case("LHR", no, 2023, d, codes, status_for(r, d), expl=expl)
            if r.random() < 0.12:
                c.idtxt = "Enq. No. %d/23" % r.randint(60, 190)
                c.extra["enq"] = True
            no += r.randint(1, 4)
            size = wpick(r, [(45, 1), (25, 2), (15, 3), (10, 4), (5, 5)])
            foreign = "FA-1946:14" in codes
            for k in range(size):
                if "organ_removal" in expl or "forced_labour" in expl:
                    q = W.new("male", 18, 45, wpick(r, LHR_DISTS))
                elif "begging" in expl:
                    q = W.new(r.choice(["male", "female"]), 8, 16, wpick(r, CPWB_DISTS))
                elif foreign:
                    q = W.new("female", 18, 30, "Lahore", p_cnic=0.0, p_phone=0.1)
                    q.nat = r.choice(["BGD", "BGD", "AFG"])
                    q.given = r.choice(["Rupa Akter", "Shirin Akter", "Nasima Begum", "Salma Khatun",
                                        "Marjina Begum", "Roksana Akter"] if q.nat == "BGD" else
                                       ["Gul Bibi", "Zarmina", "Nazo Bibi"]).split()
                    q.father = r.choice(["Abdul Karim", "Rahim Uddin", "Abdul Jalil", "Gul Agha"]).split()
                    q.husband = None
                elif r.random() < 0.08:
                    q = W.new("female", 18, 32, wpick(r, LHR_DISTS), tg=True, p_cnic=0.6)
                else:
                    q = W.new("female", 13, 38, wpick(r, LHR_DISTS))
                App(q, "LHR", d, case=c)
            cases.append(c)
        return cases

    S["lhr_sep"] = lhr_cases(50, SEP1, SEP30, 301)
    S["lhr_oct"] = lhr_cases(52, OCT1, OCT31, 371)
    renumber(S["lhr_sep"] + S["lhr_oct"], 301, r, (1, 4))
    S["lhr_bf"] = r.sample(S["lhr_sep"], 10)
    kids = [m for c in S["lhr_sep"] + S["lhr_oct"] if "begging" in c.expl for m in c.members]
    for m in kids[:14]:
        cd = m.date + dt.timedelta(days=r.choice([0, 0, 1]))
        if cd <= OCT31:
            ap = App(m.p, "CPWB", cd)
            ap.extra["cat"] = "begging"
            ap.extra["src"] = m
            S["cpwb"].append(ap)
    S["cpwb"].sort(key=lambda x: x.date)

    # --- District Police Sheikhupura ---
    PSS = ["Muridke", "Saddar Muridke", "Ferozewala", "Factory Area", "Safdarabad", "Sharaqpur",
           "City Sheikhupura", "Saddar Sheikhupura", "Kot Abdul Malik", "Narang Mandi", "B-Division"]
    pol = []
    cp_pool = [a for a in S["cpwb"] if a.extra["cat"] in ("domestic_servitude", "bonded_labour", "trafficked",
                                                          "sexual_exploitation")]
    r.shuffle(cp_pool)
    no_by_ps = {ps: r.randint(300, 700) for ps in PSS}
    for i in range(64):
        d = rdate(r, SEP1, OCT31)
        codes, expl, kind = wpick(r, SKP_CODES)
        ps = r.choice(PSS)
        no_by_ps[ps] += r.randint(5, 40)
        c = Case("SKP", no_by_ps[ps], 2023, d, codes, status_for(r, d), expl=expl, ps=ps)
        c.extra["kind"] = kind
        dist = wpick(r, SKP_DISTS)
        if kind == "kiln":
            head = W.new("male", 28, 55, dist, christian=r.random() < 0.5, p_phone=0.5)
            App(head, "SKP", d, role="complainant", case=c)
            nvic = r.randint(1, 4)
            for k in range(nvic):
                if k == 0 and r.random() < 0.5 and head.husband is None:
                    w = W.new("female", 24, 45, dist, christian="Masih" in head.given, married=True,
                              like=head)
                    w.husband = list(head.given)
                    App(w, "SKP", d, case=c)
                else:
                    ch = W.new(r.choice(["male", "female"]), 9, 17, dist, christian="Masih" in head.given,
                               father=" ".join(head.given), like=head, married=False)
                    App(ch, "SKP", d, case=c)
            # the head himself is also a bonded labourer: listed as victim in some FIRs
        elif kind == "domestic":
            if cp_pool and r.random() < 0.85:
                src = cp_pool.pop()
                d2 = min(src.date + dt.timedelta(days=r.choice([0, 0, 1, 2, 3])), OCT31)
                c.date = d2
                App(src.p, "SKP", d2, case=c).extra["src"] = src
                if r.random() < 0.6:
                    fa = W.new("male", 35, 60, src.p.district, given=" ".join(src.p.father), like=src.p,
                               married=False)
                    App(fa, "SKP", d2, role="complainant", case=c)
            else:
                q = W.new(r.choice(["male", "female"]), 8, 15, dist)
                App(q, "SKP", d, case=c)
        elif kind == "begging":
            for k in range(r.randint(2, 4)):
                q = W.new(r.choice(["male", "female"]), 7, 14, wpick(r, CPWB_DISTS), p_phone=0.2)
                App(q, "SKP", d, case=c)
        elif kind == "tg":
            for k in range(r.randint(1, 3)):
                q = W.new("female", 18, 30, dist, tg=True)
                App(q, "SKP", d, case=c)
        else:
            v = W.new("female", 14, 32, dist)
            if r.random() < 0.7:
                fa_or_h = W.new("male", 38, 62, dist, given=" ".join(v.father), like=v, married=False) \
                    if v.husband is None or r.random() < 0.5 else \
                    W.new("male", 22, 45, dist, given=" ".join(v.husband), like=v, married=False)
                App(fa_or_h, "SKP", d, role="complainant", case=c)
            App(v, "SKP", d, case=c)
            if r.random() < 0.35:
                sis = W.sibling(v, "female", 13, 30)
                App(sis, "SKP", d, case=c)
        # accused named in some FIRs
        if r.random() < 0.25:
            acc = W.new("male" if r.random() < 0.8 else "female", 25, 55, dist, p_phone=0.2)
            App(acc, "SKP", d, role="accused", case=c)
        pol.append(c)
    pol.sort(key=lambda c: (c.date, c.ps))
    for ps in PSS:
        renumber([c for c in pol if c.ps == ps], r.randint(320, 760), r, (4, 30))
    S["skp"] = pol
    # children recovered from begging gangs are handed to the Child Protection Bureau
    for c in pol:
        if c.extra["kind"] == "begging":
            for m in c.members:
                if m.role == "victim" and r.random() < 0.85:
                    ap = App(m.p, "CPWB", c.date)
                    ap.extra["cat"] = "begging"
                    ap.extra["src_skp"] = m
                    S["cpwb"].append(ap)
    S["cpwb"].sort(key=lambda x: x.date)

    # --- Dar-ul-Aman Lahore: admissions ---
    dua = []
    lhr_women = [m for c in S["lhr_sep"] + S["lhr_oct"] for m in c.members
                 if m.p.sex == "female" and age_of(m.p.dob, m.date) >= 14 and m.p.nat == "PAK"]
    r.shuffle(lhr_women)
    for m in lhr_women[:76]:
        ad = m.date + dt.timedelta(days=r.choice([0, 0, 1, 1, 2, 3, 5]))
        if ad <= OCT31:
            ap = App(m.p, "DUA", ad)
            ap.extra["src"] = m
            dua.append(ap)
    skp_women = [m for c in S["skp"] for m in c.members
                 if m.p.sex == "female" and m.role == "victim" and age_of(m.p.dob, m.date) >= 14]
    r.shuffle(skp_women)
    for m in skp_women[:46]:
        ad = m.date + dt.timedelta(days=r.choice([0, 1, 1, 2, 4]))
        if ad <= OCT31:
            ap = App(m.p, "DUA", ad)
            ap.extra["src"] = m
            dua.append(ap)
    for i in range(50):
        p = W.new("female", 15, 40, wpick(r, LHR_DISTS + [(6, "Gujranwala"), (4, "Sialkot")]))
        ap = App(p, "DUA", rdate(r, SEP1, OCT31))
        ap.extra["reason"] = wpick(r, [(4, "sexual_exploitation"), (3, "forced_marriage"), (2, "domestic_servitude"),
                                       (2, "none")])
        dua.append(ap)
    # two sisters admitted together (look-alikes)
    for ap in r.sample([a for a in dua if "src" not in a.extra], 6):
        s = W.sibling(ap.p, "female", 15, 30)
        na = App(s, "DUA", ap.date)
        na.extra["reason"] = ap.extra["reason"]
        dua.append(na)
    dua.sort(key=lambda x: x.date)
    S["dua"] = dua

    # --- NGO (Sahara Haqooq Trust, Kasur) ---
    ngo = []
    skp_kiln = [m for c in S["skp"] if c.extra["kind"] == "kiln" for m in c.members]
    r.shuffle(skp_kiln)
    for m in skp_kiln[:34]:
        nd = m.date + dt.timedelta(days=r.randint(1, 20))
        if nd <= OCT31:
            ap = App(m.p, "NGO", nd)
            ap.extra["src"] = m
            ap.extra["type"] = "bonded_labour"
            ngo.append(ap)
    cp_for_ngo = [a for a in S["cpwb"] if a.extra["cat"] in ("begging", "domestic_servitude", "bonded_labour")]
    r.shuffle(cp_for_ngo)
    for m in cp_for_ngo[:24]:
        nd = m.date + dt.timedelta(days=r.randint(2, 25))
        if nd <= OCT31:
            ap = App(m.p, "NGO", nd)
            ap.extra["src"] = m
            ap.extra["type"] = m.extra["cat"] if m.extra["cat"] != "trafficked" else "begging"
            ngo.append(ap)
    dua_for_ngo = [a for a in S["dua"] if a.date < D(2023, 10, 20)]
    r.shuffle(dua_for_ngo)
    for m in dua_for_ngo[:24]:
        nd = m.date + dt.timedelta(days=r.randint(3, 12))
        ap = App(m.p, "NGO", nd)
        ap.extra["src"] = m
        src = m.extra.get("src")
        ap.extra["type"] = (src.case.expl[0] if src and src.case and src.case.expl else
                            (m.extra.get("reason") if m.extra.get("reason") not in (None, "none") else "sexual_exploitation"))
        ngo.append(ap)
    skp_other = [m for c in S["skp"] if c.extra["kind"] in ("domestic", "marriage") for m in c.members
                 if m.role == "victim" and "src" not in m.extra]
    r.shuffle(skp_other)
    for m in skp_other[:10]:
        nd = m.date + dt.timedelta(days=r.randint(2, 20))
        if nd <= OCT31:
            ap = App(m.p, "NGO", nd)
            ap.extra["src"] = m
            ap.extra["type"] = m.case.expl[0]
            ngo.append(ap)
    for i in range(42):
        t = wpick(r, [(30, "bonded_labour"), (12, "domestic_servitude"), (10, "sexual_exploitation"),
                      (8, "forced_marriage"), (5, "begging")])
        dist = wpick(r, NGO_DISTS)
        if t == "bonded_labour":
            p = W.new(r.choice(["male", "male", "female"]), 16, 55, dist, christian=r.random() < 0.5)
        elif t == "begging":
            p = W.new(r.choice(["male", "female"]), 8, 15, dist)
        elif t == "forced_marriage":
            p = W.new("female", 14, 22, dist, married=r.random() < 0.5)
        else:
            p = W.new("female" if r.random() < 0.85 else "male", 12, 35, dist)
        ap = App(p, "NGO", rdate(r, SEP1, OCT31))
        ap.extra["type"] = t
        ngo.append(ap)
    seen = set()
    uniq = []
    for ap in ngo:
        if ap.p.pid not in seen:
            seen.add(ap.p.pid)
            uniq.append(ap)
    ngo = uniq
    ngo.sort(key=lambda x: x.date)
    S["ngo"] = ngo
    # --- namesakes: same name and father's name, different persons ---
    grw_m = [m for c in S["grw_sep"] + S["grw_oct"] for m in c.members if m.p.nat == "PAK"]
    for m in r.sample(grw_m, 8):
        other = wpick(r, [(d_w, d) for d_w, d in DEP_DISTS if d != m.p.district])
        q = W.namesake(m.p, other)
        ap = App(q, "DEP", rdate(r, OCT1, OCT31), role="deportee")
        ap.extra["country"] = wpick(r, COUNTRIES)
        ap.extra["namesake_of"] = m
        S["dep_oct"].append(ap)
    S["dep_oct"].sort(key=lambda x: x.date)
    dep_m = [a for a in S["dep_sep"] if a.p.nat == "PAK" and a.p.sex == "male"]
    for m in r.sample(dep_m, 5):
        other = wpick(r, [(w, d) for w, d in GJT_DISTS if d != m.p.district])
        q = W.namesake(m.p, other)
        c = r.choice([c for c in S["gjt"] if c.extra["kind"] in ("victims", "mixed")])
        App(q, "GJT", c.date, role="victim", case=c).extra["namesake_of"] = m
    lhr_w = [m for c in S["lhr_sep"] + S["lhr_oct"] for m in c.members if m.p.sex == "female" and m.p.nat == "PAK"]
    for m in r.sample(lhr_w, 6):
        other = wpick(r, [(w, d) for w, d in LHR_DISTS if d != m.p.district])
        q = W.namesake(m.p, other)
        ap = App(q, "DUA", rdate(r, SEP1, OCT31))
        ap.extra["reason"] = r.choice(["forced_marriage", "none", "domestic_servitude"])
        S["dua"].append(ap)
    S["dua"].sort(key=lambda x: x.date)
    cpm = [a for a in S["cpwb"]]
    for m in r.sample(cpm, 5):
        other = wpick(r, [(w, d) for w, d in NGO_DISTS if d != m.p.district])
        q = W.namesake(m.p, other)
        ap = App(q, "NGO", rdate(r, SEP1, OCT31))
        ap.extra["type"] = r.choice(["begging", "domestic_servitude", "bonded_labour"])
        S["ngo"].append(ap)
    S["ngo"].sort(key=lambda x: x.date)
    return S


# ---------------------------------------------------------------------------
# 8. Person rendering (Roman)
# ---------------------------------------------------------------------------

def rep_age(p, d, r, noise=0.22):
    a = age_of(p.dob, d)
    x = r.random()
    if x < noise * 0.7:
        a += r.choice([-1, 1])
    elif x < noise:
        a += r.choice([-2, 2])
    return max(a, 3)


class RP:
    """a Roman rendering of one person: text + truth parts"""

    def __init__(self, text, name, father="", husband="", sex=""):
        self.text, self.name, self.father, self.husband, self.sex = text, name, father, husband, sex


def roman_person(p, r, pv=0.35, hon_p=0.3, parent="auto", caps=False, allow_m=True, tg_mark=True,
                 fhon_p=0.06):
    name = spell(p.given, r, pv, allow_m)
    father = spell(p.father, r, pv, allow_m)
    husband = spell(p.husband, r, pv, allow_m) if p.husband else ""
    hon = ""
    sex = ""
    if p.sex == "female" and r.random() < hon_p:
        hon = r.choice(FEM_HON)
        sex = "female"
    elif p.sex == "male" and parent != "none" and r.random() < hon_p * 0.35:
        hon = r.choice(MALE_HON)   # only beside an S/O, so that it never has to tell the sex alone
    fh = r.choice(MALE_HON) if r.random() < fhon_p else ""
    if parent == "none":
        k = None
    elif p.sex == "female":
        k = r.choice(["d", "d", "w", "dw"]) if husband else "d"
    else:
        k = "s"
    txt = hon + name
    t_f = t_h = ""
    if p.sex == "transgender" and tg_mark:
        txt += r.choice([" (Khawaja Sira)", " (TG)", " (Khwaja Sara)"])
        sex = "transgender"
    if k == "s":
        txt += " %s %s%s" % (rel_marker("s", r), fh, father)
        t_f = father
        if sex != "transgender":
            sex = "male"
    elif k == "d":
        txt += " %s %s%s" % (rel_marker("d", r), fh, father)
        t_f = father
        sex = "female"
    elif k == "w":
        txt += " %s %s" % (rel_marker("w", r), husband)
        t_h = husband
        sex = "female"
    elif k == "dw":
        txt += " %s %s%s %s %s" % (rel_marker("d", r), fh, father, rel_marker("w", r), husband)
        t_f, t_h = father, husband
        sex = "female"
    if caps:
        txt = txt.upper()
    return RP(txt, name, t_f, t_h, sex)


def xl_title(ws, row, text, ncols, bold=True, size=12):
    ws.cell(row=row, column=1, value=text).font = Font(bold=bold, size=size)
    if ncols > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    ws.cell(row=row, column=1).alignment = Alignment(horizontal="center")


WRAP = Alignment(wrap_text=True, vertical="top")
FORMULA_CACHE = {}   # file -> {sheet_title: {ref: value}}


def cache(fn, sheet, ref, val):
    FORMULA_CACHE.setdefault(fn, {}).setdefault(sheet, {})[ref] = val


def case_id_text(c, r, style):
    """(written, truth case_id)"""
    core = c.idtxt
    if c.extra.get("enq"):
        return core, core.split()[-1]
    if style == "mix":
        k = r.random()
        if k < 0.55:
            return core, core
        if k < 0.75:
            return "%d/%d" % (c.no, c.year), "%d/%d" % (c.no, c.year)
        if k < 0.9:
            return "FIR No. %s" % core, core
        return "FIR # %d/%d" % (c.no, c.year), "%d/%d" % (c.no, c.year)
    return core, core


# ---------------------------------------------------------------------------
# 9. Writers
# ---------------------------------------------------------------------------

def victims_block(members, r, d, numbered, sep, addr_inline=False, caps=False, mismatch=None):
    """Render a multi-victim group: name cell, cnic cell, age cell, address cell, per-member truth."""
    n = len(members)
    rps, ages, cnics, cn_truth, addrs = [], [], [], [], []
    for m in members:
        rp = roman_person(m.p, r, hon_p=0.1, parent="none" if r.random() < 0.05 else "auto", caps=caps)
        rps.append(rp)
        a = rep_age(m.p, d, r)
        ages.append(a)
        c = m.p.cnic
        if c and r.random() < 0.04:
            c = typo_cnic(c, r)
        if c and r.random() < 0.1:
            c = None
        cnics.append(c)
    per = [dict(name=rp.name, father=rp.father, husband=rp.husband, sex=rp.sex, age="", cnic="", district="",
                text=rp.text) for rp in rps]
    # CNIC list
    cstyle = r.choice(["dash", "dash", "plain"])
    if n == 1:
        if cnics[0]:
            v, t = fmt_cnic(cnics[0], cstyle)
            cn_cell = v
            per[0]["cnic"] = t
        else:
            cn_cell = r.choice(["", "", "N/A", "-"])
        ag_cell = fmt_age(ages[0], r.choice(["int", "int", "yrs", "str"]), r)
        per[0]["age"] = ag_cell[1]
        ag_cell = ag_cell[0]
        if r.random() < 0.06:
            ag_cell = ""
            per[0]["age"] = ""
    else:
        mm = mismatch or ""
        items = []
        if numbered:
            for i, c in enumerate(cnics):
                if c:
                    v, t = fmt_cnic(c, cstyle)
                    items.append("%d. %s" % (i + 1, v))
                    per[i]["cnic"] = t
            cn_cell = "\n".join(items)
        else:
            all_have = all(cnics)
            if all_have and mm != "cnic_short":
                vals = []
                for i, c in enumerate(cnics):
                    v, t = fmt_cnic(c, cstyle)
                    vals.append(v)
                    per[i]["cnic"] = t
                cn_cell = sep.join(vals) if sep != "; " else ", ".join(vals)
            elif mm == "cnic_short" or r.random() < 0.5:
                # the clerk listed only the CNICs at hand: cannot be aligned
                vals = [fmt_cnic(c, cstyle)[0] for c in cnics if c]
                if len(vals) == n:
                    vals = vals[:-1]
                cn_cell = (sep if sep != "; " else ", ").join(vals)
            else:
                vals = []
                for i, c in enumerate(cnics):
                    if c:
                        v, t = fmt_cnic(c, cstyle)
                        vals.append(v)
                        per[i]["cnic"] = t
                    else:
                        vals.append(r.choice(["N/A", "-", "nil"]))
                cn_cell = (sep if sep != "; " else ", ").join(vals)
        # ages
        if mm == "age_short":
            ag_cell = (sep if sep != "; " else ", ").join(str(a) for a in ages[:-1])
        else:
            ag_cell = (sep if sep != "; " else ", ").join(str(a) for a in ages)
            for i in range(n):
                per[i]["age"] = ages[i]
            if r.random() < 0.25:
                ag_cell += r.choice([" yrs", " Years", ""])
    # names
    if n == 1:
        nm_cell = rps[0].text
    elif numbered:
        nm_cell = "\n".join("%d. %s" % (i + 1, rp.text) for i, rp in enumerate(rps))
    else:
        nm_cell = sep.join(rp.text for rp in rps)
    # addresses
    no_addr = r.random() < 0.05
    same = len({(m.p.district, m.p.town, m.p.loc, m.p.house) for m in members}) == 1
    if addr_inline:
        # address appended to each victim's entry, '-do-' for the same as above
        parts = []
        prev = None
        for i, m in enumerate(members):
            if no_addr:
                parts.append(rps[i].text)
                continue
            if prev is not None and prev.town == m.p.town and prev.loc == m.p.loc and prev.district == m.p.district:
                a = r.choice(["r/o -do-", "r/o same", "r/o ditto"])
            else:
                a, _ = addr_roman(m.p, r, prefix=True)
                a = a[0].lower() + a[1:] if a.startswith("R/o") else a
            per[i]["district"] = m.p.district
            parts.append("%s %s" % (rps[i].text, a))
            prev = m.p
        if n == 1:
            nm_cell = parts[0]
        elif numbered:
            nm_cell = "\n".join("%d. %s" % (i + 1, t) for i, t in enumerate(parts))
        else:
            nm_cell = sep.join(parts)
        ad_cell = None
    else:
        if no_addr:
            ad_cell = ""
        elif same and (n == 1 or r.random() < 0.7):
            ad_cell, _ = addr_roman(members[0].p, r)
            for i in range(n):
                per[i]["district"] = members[0].p.district
        else:
            items = []
            for i, m in enumerate(members):
                a, dd = addr_roman(m.p, r)
                per[i]["district"] = dd
                items.append("%d. %s" % (i + 1, a))
            ad_cell = "\n".join(items)
    return nm_cell, cn_cell, ag_cell, ad_cell, per


REMARK_EXPL = {
    "forced_labour": ["Victims were kept in forced labour at a farm in {c}",
                      "forced labour at construction site ({c}), passports confiscated"],
    "domestic_servitude": ["Victim kept as domestic servant without pay in {c}"],
    "sexual_exploitation": ["Victim forced into prostitution in {c}"],
}
DEST = ["Saudi Arabia", "Oman", "Malaysia", "Dubai", "Iraq", "Libya"]


def write_grw(S, r, month):
    if month == "sep":
        fn = "FIA_AHTC_Gujranwala/AHTC GRW Sept 2023.xlsx"
        sheet = "Sep-2023"
        cases = sorted(S["grw_sep"], key=lambda c: (c.date, c.no))
    else:
        fn = "FIA_AHTC_Gujranwala/AHTC GRW Oct 2023.xlsx"
        sheet = "Oct 2023"
        cases = sorted(S["grw_oct"], key=lambda c: (c.date, c.no))
    wb = openpyxl.Workbook()
    ws = wb.active
    if month == "oct":
        ins = ws
        ins.title = "Instructions"
        lines = ["INSTRUCTIONS FOR FILLING THE MONTHLY PROFORMA (HQ letter No. AHS/Data/2023/117)",
                 "1. Report every victim separately with CNIC and age.",
                 "2. Dates to be written as DD/MM/YYYY.",
                 "3. Offence column: mention law and section (PTPA / PSMA / EO / PPC).",
                 "4. Do not merge cells. Do not change the column order.",
                 "5. Cases of previous months to be shown in Part-B with latest status.",
                 "6. The return must reach HQ by 5th of each month."]
        for i, l in enumerate(lines, 1):
            ins.cell(row=i, column=1, value=l)
        SHEETKIND.append((fn, "Instructions", "notes"))
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    SHEETKIND.append((fn, sheet, "data"))

    rowdata = []   # (case, member truths, row) for summary
    if month == "sep":
        xl_title(ws, 1, "FEDERAL INVESTIGATION AGENCY", 11)
        xl_title(ws, 2, "ANTI HUMAN TRAFFICKING CIRCLE, GUJRANWALA", 11)
        xl_title(ws, 3, "Statement showing cases registered and victims identified during the month of September, 2023", 11, size=11)
        ws.cell(row=4, column=11, value="Annexure-B").font = Font(italic=True)
        hdr5 = {1: "Sr.#", 2: "FIR", 5: "Particulars of Victim(s)", 9: "Present Status", 10: "Accused arrested",
                11: "Remarks"}
        for c_, v in hdr5.items():
            ws.cell(row=5, column=c_, value=v).font = Font(bold=True)
        ws.merge_cells("B5:D5")
        ws.merge_cells("E5:H5")
        for col in "AIJK":
            ws.merge_cells("%s5:%s6" % (col, col))
        for c_, v in {2: "No.", 3: "Dated", 4: "U/S", 5: "Name & Parentage", 6: "CNIC No.", 7: "Age",
                      8: "Addres"}.items():
            ws.cell(row=6, column=c_, value=v).font = Font(bold=True)
        row = 7
        first_data = 7
        ncol = 11
    else:
        ws.cell(row=1, column=1, value="FIA AHT CIRCLE GUJRANWALA").font = Font(bold=True, size=13)
        ws.cell(row=2, column=1, value="MONTHLY PROFORMA (VICTIMS) - OCTOBER 2023")
        ws.cell(row=3, column=1, value="PART-A: CASES REGISTERED DURING THE MONTH").font = Font(bold=True)
        hdr = ["S.No", "FIR No/Date", "Offence", "Name, Parentage & Address of Victim(s)", "CNIC", "Age",
               "Circle/PS", "Status", "Remarks"]
        for i, h in enumerate(hdr, 1):
            ws.cell(row=4, column=i, value=h).font = Font(bold=True)
        row = 5
        ncol = 9

    def one_case(c, serial, row, later=False, month_style=month):
        numbered = r.random() < 0.6
        sep = "\n" if r.random() < 0.6 else "; "
        mm = None
        if len(c.members) > 1 and r.random() < 0.3:
            mm = r.choice(["cnic_short", "age_short", "cnic_short"])
            if numbered and mm == "cnic_short":
                numbered = False
        caps = r.random() < 0.12
        d = c.date
        nm, cn, ag, ad, per = victims_block(c.members, r, d, numbered, sep, addr_inline=(month_style == "oct"),
                                            caps=caps, mismatch=mm)
        status = c.status
        if later:
            status = status_for(r, d, later=True)
        st_txt = r.choice(STATUS[status])
        st_truth = status
        if r.random() < 0.03:
            st_txt, st_truth = "", ""
        codes = c.codes
        sec_txt = render_sections(codes, r)
        if r.random() < 0.03:
            sec_txt, codes = "", []
        cid_w, cid_t = case_id_text(c, r, "mix")
        # remarks
        rem = ""
        expl_t = []
        src = c.members[0].extra.get("src")
        if src is not None and src.unit == "DEP":
            rem = r.choice(["Complainant deported from %s on %s", "Deportee (%s), arrived %s",
                            "Complaint of deportee from %s dated %s"]) % (src.extra["country"], fmt_date(src.date, "dot"))
        if c.expl and r.random() < 0.8:
            tmpl = r.choice(REMARK_EXPL[c.expl[0]])
            dest = src.extra["country"] if src is not None and src.unit == "DEP" else r.choice(DEST)
            rem = (rem + ". " if rem else "") + tmpl.format(c=dest)
            expl_t = list(c.expl)
        if not rem and r.random() < 0.25:
            rem = r.choice(["Agent at large", "Raid conducted, accused arrested", "Amount involved Rs. 1.2 M",
                            "Agent nominated, at large", "Visa fraud, amount Rs. 900,000"])
        if month_style == "sep":
            ws.cell(row=row, column=1, value=serial)
            ws.cell(row=row, column=2, value=cid_w)
            dstyle = r.random()
            if dstyle < 0.06:
                dv, dtruth = "", ""
            elif dstyle < 0.72:
                dv, dtruth = d, d
            else:
                dv, dtruth = fmt_date(d, r.choice(["dot", "dash2", "slash", "slash1"])), d
            cell = ws.cell(row=row, column=3, value=dv)
            if isinstance(dv, dt.date):
                cell.number_format = r.choice(["dd.mm.yyyy", "dd-mm-yy", "dd/mm/yyyy"])
            ws.cell(row=row, column=4, value=sec_txt)
            ws.cell(row=row, column=5, value=nm).alignment = WRAP
            ws.cell(row=row, column=6, value=cn).alignment = WRAP
            ws.cell(row=row, column=7, value=ag).alignment = WRAP
            ws.cell(row=row, column=8, value=ad).alignment = WRAP
            ws.cell(row=row, column=9, value=st_txt)
            ws.cell(row=row, column=10, value=r.choice([0, 0, 1, 1, 2, "Nil", "-"]))
            ws.cell(row=row, column=11, value=rem)
        else:
            ws.cell(row=row, column=1, value=serial)
            k = r.random()
            if k < 0.4:
                fd = "%s dt %s" % (cid_w, fmt_date(d, "dot2"))
            elif k < 0.7:
                fd = "%s Dated %s" % (cid_w if cid_w.startswith("FIR") else "FIR " + cid_w, fmt_date(d, "dash"))
            elif k < 0.9:
                fd = "%s\n%s" % (cid_w, fmt_date(d, "slash"))
            else:
                fd = "%s dated %s" % (cid_w, fmt_date(d, "long", r))
            dtruth = d
            if r.random() < 0.06:
                fd, dtruth = cid_w, ""   # date left out
            ws.cell(row=row, column=2, value=fd).alignment = WRAP
            ws.cell(row=row, column=3, value=sec_txt)
            ws.cell(row=row, column=4, value=nm).alignment = WRAP
            ws.cell(row=row, column=5, value=cn).alignment = WRAP
            ws.cell(row=row, column=6, value=ag).alignment = WRAP
            ws.cell(row=row, column=7, value=r.choice(["AHTC GRW", "AHTC Gujranwala", "AHTC GRW", "PS AHTC"]))
            ws.cell(row=row, column=8, value=st_txt)
            ws.cell(row=row, column=9, value=rem)
        for i, (m, pt) in enumerate(zip(c.members, per)):
            T(fn, ws.title, row, i + 1, m, pt["name"], pt["father"], pt["husband"], pt["sex"], pt["age"], "",
              pt["cnic"], "", dtruth, pt["district"], "", codes, None, expl_t, cid_t, st_truth, "", "victim",
              must=[pt["text"]])
        return row + 1

    serial = 1
    since_hdr = 0
    for c in cases:
        if month == "sep" and r.random() < 0.04:
            row += 1   # stray blank row
        if month == "oct" and since_hdr >= 34:
            # page break: header repeated
            for i, h in enumerate(["S.No", "FIR No/Date", "Offence", "Name, Parentage & Address of Victim(s)",
                                   "CNIC", "Age", "Circle/PS", "Status", "Remarks"], 1):
                ws.cell(row=row, column=i, value=h).font = Font(bold=True)
            row += 1
            since_hdr = 0
        row = one_case(c, serial, row)
        serial += 1
        since_hdr += 1
    nv = sum(len(c.members) for c in cases)
    if month == "sep":
        last = row - 1
        ws.cell(row=row, column=1, value="Total")
        ws.cell(row=row, column=2, value="=COUNTA(B%d:B%d)" % (first_data, last))
        cache(fn, ws.title, "B%d" % row, len(cases))
        ws.cell(row=row, column=5, value="%d victims" % nv)
        row += 3
        ws.cell(row=row, column=9, value="Sd/-")
        ws.cell(row=row + 1, column=9, value="Deputy Director")
        ws.cell(row=row + 2, column=9, value="FIA AHT Circle, Gujranwala")
    else:
        ws.cell(row=row, column=1, value="TOTAL")
        ws.cell(row=row, column=2, value="%d cases" % len(cases))
        ws.cell(row=row, column=4, value="%d victims" % nv)
        row += 2
        ws.cell(row=row, column=1, value="PART-B: PROGRESS OF CASES REGISTERED IN PREVIOUS MONTH (B/F)").font = Font(bold=True)
        row += 1
        bf = sorted(S["grw_bf"], key=lambda c: (c.date, c.no))
        for i, c in enumerate(bf, 1):
            row = one_case(c, i, row, later=True)
        row += 2
        ws.cell(row=row, column=1, value="Focal Person")
        ws.cell(row=row, column=8, value="Sd/- Deputy Director AHTC Gujranwala")
    for col, w in zip("ABCDEFGHIJK", [6, 14, 12, 22, 40, 20, 10, 40, 18, 10, 40]):
        ws.column_dimensions[col].width = w

    if month == "sep":
        # hidden draft sheet (no records)
        dr = wb.create_sheet("Sheet2")
        dr.sheet_state = "hidden"
        dr.cell(row=1, column=1, value="draft - do not send")
        for i, c in enumerate(cases[:12], 2):
            m = c.members[0]
            dr.cell(row=i, column=1, value=c.idtxt)
            dr.cell(row=i, column=2, value=" ".join(m.p.given))
            dr.cell(row=i, column=3, value=m.p.cnic or "")
        SHEETKIND.append((fn, "Sheet2", "hidden"))
        ab = wb.create_sheet("Abstract")
        ab.cell(row=1, column=1, value="ABSTRACT - SEPTEMBER 2023").font = Font(bold=True)
        rows = [("Cases registered", len(cases)), ("Victims identified", nv),
                ("Challans submitted", sum(1 for c in cases if c.status == "prosecution")),
                ("Accused arrested", r.randint(20, 45)), ("Enquiries pending", r.randint(60, 140))]
        for i, (k, v) in enumerate(rows, 3):
            ab.cell(row=i, column=1, value=k)
            ab.cell(row=i, column=2, value=v)
        SHEETKIND.append((fn, "Abstract", "summary"))
    save_xlsx(wb, fn)


RECOVERED = ["Brothel, Shahdara", "Guest house, Liberty Market", "Private house, Township", "Hotel room, Lari Adda",
             "Flat, Gulberg III", "Farm house, Bedian Road", "Residence of accused, Johar Town", "Kiln, Raiwind",
             "Dera, Kot Lakhpat", "Spa/massage centre, DHA Phase 6", "Beauty parlour, Iqbal Town"]


def write_lhr(S, r):
    fn = "AHTC_Lahore_Victims_Sep-Oct_2023.xlsx"
    wb = openpyxl.Workbook()
    ins = wb.active
    ins.title = "Instructions"
    for i, l in enumerate(["Victim-wise proforma (one row per victim)", "Gender: M / F / TG",
                           "Nature of exploitation: select from list", "Case status: U/I, Challan, Convicted, Acquitted, PO, Cancelled",
                           "Remarks: where the victim was sent (Dar-ul-Aman / parents / embassy)"], 1):
        ins.cell(row=i, column=1, value=l)
    SHEETKIND.append((fn, "Instructions", "notes"))
    hdr = ["S.No", "Case No.", "Date", "U/S", "Name of Victim", "Father/Husband Name", "Gender", "Age", "D.O.B",
           "CNIC", "Nationality", "Address", "Nature of Exploitaion", "Recovered From", "Case Status", "Remarks"]
    dua_src = {id(a.extra["src"]) for a in S["dua"] if a.extra.get("src") is not None}
    counts = {}
    for sheet, cases, bf, mname in (("Sept 23", S["lhr_sep"], [], "SEPTEMBER 2023"),
                                    ("Oct 23", S["lhr_oct"], S["lhr_bf"], "OCTOBER 2023")):
        ws = wb.create_sheet(sheet)
        SHEETKIND.append((fn, sheet, "data"))
        ws.cell(row=1, column=1, value="OFFICE OF THE DEPUTY DIRECTOR").font = Font(bold=True)
        ws.cell(row=2, column=1, value="FIA ANTI HUMAN TRAFFICKING CIRCLE LAHORE").font = Font(bold=True)
        ws.cell(row=3, column=1, value="Victim-wise detail for the month of %s" % mname.title())
        for i, h in enumerate(hdr, 1):
            ws.cell(row=5, column=i, value=h).font = Font(bold=True)
        row = 6
        serial = 0
        nvict = 0
        use_formula = sheet == "Oct 23"
        prev_num = None
        genders = []
        blocks = [(c, False) for c in sorted(cases, key=lambda c: (c.date, c.no))]
        if bf:
            blocks.append((None, None))
            blocks += [(c, True) for c in sorted(bf, key=lambda c: (c.date, c.no))]
        for c, is_bf in blocks:
            if c is None:
                ws.cell(row=row, column=1, value="Cases brought forward from September 2023 (progress)").font = Font(bold=True)
                row += 1
                prev_num = None
                continue
            top = row
            n = len(c.members)
            status = status_for(r, c.date, later=True) if is_bf else c.status
            st_txt = r.choice(STATUS[status])
            cid_w, cid_t = case_id_text(c, r, "mix")
            codes = c.codes
            sec = render_sections(codes, r)
            if r.random() < 0.03:
                sec, codes = "", []
            merge13 = r.random() < 0.7
            ex_txt = r.choice(EXPL[c.expl[0]]) if c.expl else ""
            if len(c.expl) > 1:
                ex_txt += " / " + r.choice(EXPL[c.expl[1]])
            expl_t = list(c.expl)
            if r.random() < 0.05:
                ex_txt, expl_t = "", []
            ws.cell(row=top, column=2, value=cid_w)
            d_t = c.date
            if r.random() < 0.08:
                d_t = ""
            else:
                dc = ws.cell(row=top, column=3, value=c.date)
                dc.number_format = r.choice(["dd/mm/yyyy", "d-mmm-yy", "dd.mm.yyyy"])
            ws.cell(row=top, column=4, value=sec)
            ws.cell(row=top, column=13, value=ex_txt)
            ws.cell(row=top, column=14, value=r.choice(RECOVERED))
            ws.cell(row=top, column=15, value=st_txt)
            for i, m in enumerate(c.members):
                p = m.p
                serial += 1
                nvict += 1
                # S.No: typed in September; formulas in October, one broken (#REF!) and retyped after it
                if not use_formula or prev_num is None:
                    ws.cell(row=row, column=1, value=serial)
                elif serial == 23:
                    ws.cell(row=row, column=1, value="#REF!")
                else:
                    if prev_num == "err":
                        ws.cell(row=row, column=1, value=serial)
                    else:
                        ws.cell(row=row, column=1, value="=A%d+1" % (row - 1))
                        cache(fn, sheet, "A%d" % row, serial)
                prev_num = "err" if (use_formula and serial == 23) else serial
                # name / parentage
                caps = r.random() < 0.1
                name = spell(p.given, r)
                hon = ""
                sex_m = ""
                if p.sex == "female" and r.random() < 0.4:
                    hon = r.choice(["Mst. ", "Miss ", "Mst "])
                    sex_m = "female"   # Mst. / Miss
                father = spell(p.father, r)
                husband = spell(p.husband, r) if p.husband else ""
                t_f = t_h = ""
                gender_col = {"female": r.choice(["F", "Female", "F", "female"]),
                              "male": r.choice(["M", "Male", "M"]),
                              "transgender": r.choice(["TG", "Khawaja Sira", "Transgender", "TG"])}[p.sex]
                if r.random() < 0.07 and p.sex != "transgender":
                    gender_col = ""
                if p.sex == "female":
                    k = r.choice(["d", "w", "dw"]) if husband else "d"
                    if k == "d":
                        fh = "%s %s" % (r.choice(["D/O", "d/o", "D/o"]), father)
                        t_f = father
                    elif k == "w":
                        fh = "%s %s" % (r.choice(["W/O", "w/o", "W/o"]), husband)
                        t_h = husband
                    else:
                        fh = "D/O %s W/O %s" % (father, husband)
                        t_f, t_h = father, husband
                    sex_m = "female"
                else:
                    if gender_col and r.random() < 0.5:
                        fh = father
                    else:
                        fh = "%s %s" % (r.choice(["S/O", "s/o"]), father)
                        sex_m = sex_m or "male"
                    t_f = father
                if r.random() < 0.03:
                    fh, t_f, t_h = "", "", ""
                    if p.sex == "female" and not hon:
                        sex_m = ""
                    if p.sex != "female":
                        sex_m = ""
                gtruth = {"F": "female", "Female": "female", "female": "female", "M": "male", "Male": "male",
                          "TG": "transgender", "Khawaja Sira": "transgender", "Transgender": "transgender"}.get(gender_col, "")
                sex_t = gtruth or sex_m
                nm_disp = hon + name
                ws.cell(row=row, column=5, value=nm_disp.upper() if caps else nm_disp)
                ws.cell(row=row, column=6, value=fh.upper() if caps else fh)
                ws.cell(row=row, column=7, value=gender_col)
                genders.append(gender_col)
                # age / dob
                dob_t = ""
                age_t = ""
                kind = r.random()
                if kind < 0.22:
                    dcell = ws.cell(row=row, column=9, value=p.dob)
                    dcell.number_format = "dd/mm/yyyy"
                    dob_t = p.dob
                    if r.random() < 0.8 and d_t:
                        ws.cell(row=row, column=8, value='=DATEDIF(I%d,C%d,"Y")' % (row, top))
                        cache(fn, sheet, "H%d" % row, age_of(p.dob, c.date))
                    else:
                        ws.cell(row=row, column=8, value="#N/A")
                    age_t = age_of(p.dob, c.date)
                elif kind < 0.28:
                    ws.cell(row=row, column=9, value=fmt_date(p.dob, "dash"))
                    dob_t = p.dob
                    age_t = age_of(p.dob, c.date)
                elif kind < 0.31:
                    ws.cell(row=row, column=8, value="#N/A")
                elif kind < 0.35:
                    pass
                else:
                    a = rep_age(p, c.date, r)
                    v, age_t = fmt_age(a, r.choice(["int", "int", "int", "yrs"]), r)
                    if a < 18 and r.random() < 0.12:
                        v, age_t = fmt_age(a, "minor", r)
                    ws.cell(row=row, column=8, value=v)
                # cnic
                cn = p.cnic
                cn_t = ""
                if cn and r.random() < 0.1:
                    cn = None
                if cn:
                    if r.random() < 0.04:
                        cn = typo_cnic(cn, r)
                    st = r.choice(["num", "num", "dash", "dash", "plain"])
                    v, cn_t = fmt_cnic(cn, st)
                    cc = ws.cell(row=row, column=10, value=v)
                    if st == "num":
                        cc.number_format = "0"
                elif r.random() < 0.3:
                    ws.cell(row=row, column=10, value=r.choice(NA_CNIC))
                # nationality
                nat_t = ""
                if p.nat != "PAK":
                    ws.cell(row=row, column=11, value={"BGD": "Bangladeshi", "AFG": "Afghan"}[p.nat])
                    nat_t = p.nat
                elif r.random() < 0.6:
                    ws.cell(row=row, column=11, value=r.choice(["Pakistani", "Pakistani", "PAK", "Pak"]))
                    nat_t = "PAK"
                # address
                dist_t = ""
                if p.nat != "PAK":
                    ws.cell(row=row, column=12, value=r.choice(["No fixed abode", "Rescued from Lahore, home Dhaka",
                                                                "Not known"]))
                elif r.random() < 0.94:
                    a, dist_t = addr_roman(p, r)
                    ws.cell(row=row, column=12, value=a)
                # remarks / protection
                prot_t = ""
                rem = ""
                if id(m) in dua_src:
                    if r.random() < 0.8:
                        rem = r.choice(["Sent to Dar-ul-Aman Lahore", "Referred to Dar ul Aman",
                                        "Lodged in Darul Aman on court orders", "Handed over to Dar-ul-Aman"])
                        prot_t = "referred"
                elif p.nat != "PAK":
                    if r.random() < 0.7:
                        rem = r.choice(["Repatriated to Bangladesh through embassy" if p.nat == "BGD" else
                                        "Repatriated to Afghanistan via Torkham"])
                        prot_t = "repatriated"
                elif r.random() < 0.45:
                    k = r.choice(["restored_to_family", "restored_to_family", "referred", "discharged"])
                    rem = r.choice({"restored_to_family": ["Handed over to parents", "Restored to family",
                                                           "Handed over to father on surety bond"],
                                    "referred": ["Referred to SBBC Lahore", "Sent to Child Protection Bureau"],
                                    "discharged": ["Released on court orders"]}[k])
                    prot_t = k
                if is_bf:
                    rem = ("B/F. " + rem) if rem else "B/F"
                ws.cell(row=row, column=16, value=rem)
                if d_t == "" and dob_t:
                    age_t = ""   # age formula cannot be evaluated without the case date
                T(fn, sheet, row, 1, m, name, t_f, t_h, sex_t, age_t, dob_t, cn_t, "", d_t, dist_t, nat_t,
                  codes, None, expl_t, cid_t, status, prot_t, "victim", must=[nm_disp.upper() if caps else nm_disp])
                row += 1
            if n > 1:
                for col in (2, 3, 4, 14, 15) + ((13,) if merge13 else ()):
                    ws.merge_cells(start_row=top, start_column=col, end_row=row - 1, end_column=col)
                    ws.cell(row=top, column=col).alignment = Alignment(vertical="center", wrap_text=True)
                if not merge13:
                    for rr in range(top + 1, row):
                        ws.cell(row=rr, column=13, value=ex_txt)
        counts[sheet] = (row - 1, nvict, genders)
        row += 1
        ws.cell(row=row, column=5, value="Total victims")
        ws.cell(row=row, column=6, value="=COUNTA(E6:E%d)" % (row - 2))
        cache(fn, sheet, "F%d" % row, nvict)
        ws.cell(row=row + 3, column=13, value="Deputy Director")
        ws.cell(row=row + 4, column=13, value="AHT Circle Lahore")
        for col, w in zip(range(1, 17), [6, 14, 11, 18, 22, 26, 8, 8, 11, 16, 11, 36, 24, 24, 16, 30]):
            ws.column_dimensions[get_column_letter(col)].width = w
    sm = wb.create_sheet("Summary")
    SHEETKIND.append((fn, "Summary", "summary"))
    sm.cell(row=1, column=1, value="Summary of victims identified").font = Font(bold=True)
    for i, h in enumerate(["Month", "Victims", "Female", "Male", "TG"], 1):
        sm.cell(row=2, column=i, value=h)
    for j, sheet in enumerate(["Sept 23", "Oct 23"], 3):
        last, nv, genders = counts[sheet]
        sm.cell(row=j, column=1, value=sheet)
        sm.cell(row=j, column=2, value="=COUNTA('%s'!E6:E%d)" % (sheet, last))
        cache(fn, "Summary", "B%d" % j, nv)
        for k, (g, lab) in enumerate([("F", "female"), ("M", "male"), ("TG", "transgender")], 3):
            sm.cell(row=j, column=k + 0, value="=COUNTIF('%s'!G6:G%d,\"%s\")" % (sheet, last, g))
            cache(fn, "Summary", "%s%d" % (get_column_letter(k), j), sum(1 for x in genders if x.lower() == g.lower()))
    dr = wb.create_sheet("Draft")
    dr.sheet_state = "hidden"
    SHEETKIND.append((fn, "Draft", "hidden"))
    dr.cell(row=1, column=1, value="rough - cases under verification")
    for i, c in enumerate(S["lhr_oct"][:8], 2):
        dr.cell(row=i, column=1, value=c.idtxt)
        dr.cell(row=i, column=2, value=" ".join(c.members[0].p.given))
    cd = wb.create_sheet("codes")
    cd.sheet_state = "veryHidden"
    SHEETKIND.append((fn, "codes", "hidden"))
    for i, v in enumerate(["Sexual exploitation", "Forced labour", "Domestic servitude", "Begging", "Forced marriage",
                           "Organ removal"], 1):
        cd.cell(row=i, column=1, value=v)
    for i, v in enumerate(["U/I", "Challan", "Convicted", "Acquitted", "PO", "Cancelled"], 1):
        cd.cell(row=i, column=2, value=v)
    save_xlsx(wb, fn)


FACTS = {
    "sex": ["Complainant alleged that three accused persons lured his daughter on the pretext of a job and forced her into prostitution at a house in {ps}. On raid victim(s) recovered.",
            "On spy information raid conducted at a house in {ps} area where girls were being used for prostitution; victim(s) recovered, nayika arrested.",
            "Victim was sold by accused for Rs. {amt} for immoral purposes (prostitution); recovered on raid."],
    "kiln": ["Complainant stated that he and his family are kept at the brick kiln of accused against peshgi of Rs. {amt}, not allowed to leave; bonded labour.",
             "Raid at Bhatta (brick kiln) of accused; family kept in bonded labour against advance of Rs. {amt} released on court order.",
             "Labourers held in debt bondage at brick kiln, forced to work without wages."],
    "marriage": ["Complainant alleged that accused abducted his daughter and forcibly married her for money (forced marriage).",
                 "Victim given in marriage against her will to settle a debt of Rs. {amt} (forced marriage)."],
    "domestic": ["Minor kept as domestic servant at the house of accused, not paid, beaten, not allowed to go home (domestic servitude).",
                 "Child domestic worker recovered from residence of accused; confined and made to work without pay."],
    "begging": ["Accused gang compelling minor children to beg at traffic signals (forced begging); children recovered.",
                "Children brought from south Punjab were used for begging by accused; recovered by police and CPWB."],
    "tg": ["Khawaja siras forced to dance and into prostitution at private functions by guru/accused; recovered.",
           "Transgender persons kept by accused and forced into prostitution; raid conducted."],
}
CASTES = ["caste Arain", "caste Jutt", "qom Rajput", "caste Christian", "caste Mughal", "qom Kamboh", "caste Awan"]
IO_NAMES = ["SI Muhammad Tariq", "ASI Khalid Mehmood", "Inspector Zafar Iqbal", "SI Naveed Akhtar",
            "ASI Shahbaz Ahmad", "SI Rana Asif", "Inspector Ghulam Abbas"]


def write_police(S, r):
    fn = "Police_Sheikhupura/TIP_FIR_extract_Sep_Oct_2023.xls"
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("TIP Cases")
    SHEETKIND.append((fn, "TIP Cases", "data"))
    bold = xlwt.easyxf("font: bold on")
    wrap = xlwt.easyxf("alignment: wrap on, vert top")
    ws.write(0, 0, "OFFICE OF THE DISTRICT POLICE OFFICER, SHEIKHUPURA", bold)
    ws.write(1, 0, "Detail of cases registered under Prevention of Trafficking in Persons Act, 2018 and allied sections of PPC")
    ws.write(2, 0, "Period: 01.09.2023 to 31.10.2023")
    hdr = ["Sr. No.", "Police Station", "FIR No. & Date", "Name, Parentage & Address", "Category", "Age", "CNIC",
           "Brief Facts", "Present Status", "I.O"]
    for i, h in enumerate(hdr):
        ws.write(4, i, h, bold)
    r0 = 5   # 0-based row index; spreadsheet row = r0 + 1
    month_done = set()
    serial = 0
    for c in S["skp"]:
        mth = c.date.month
        if mth not in month_done:
            ws.write(r0, 0, "SEPTEMBER-2023" if mth == 9 else "OCTOBER-2023", bold)
            r0 += 1
            month_done.add(mth)
        serial += 1
        status_ur = r.random() < 0.3
        st_txt = r.choice(STATUS_UR[c.status]) if status_ur and c.status in STATUS_UR else r.choice(STATUS[c.status])
        st_t = c.status
        cid = "%d/%d" % (c.no, c.year % 100)
        k = r.random()
        if k < 0.45:
            fd, cid_t = "%s dt %s" % (cid, fmt_date(c.date, "dot")), cid
        elif k < 0.7:
            fd, cid_t = "FIR # %d dated %s" % (c.no, fmt_date(c.date, "dash2")), str(c.no)
        elif k < 0.9:
            fd, cid_t = "%s\n%s" % (cid, fmt_date(c.date, "slash")), cid
        else:
            fd, cid_t = "%d/%d, %s" % (c.no, c.year, fmt_date(c.date, "mon")), "%d/%d" % (c.no, c.year)
        d_t = c.date
        if r.random() < 0.06:
            fd, cid_t, d_t = "FIR # %d/%d" % (c.no, c.year % 100), "%d/%d" % (c.no, c.year % 100), ""
        kind = c.extra["kind"]
        fact = r.choice(FACTS[kind]).format(ps=c.ps, amt=r.choice(["1,50,000", "2 lac", "350000", "80,000", "5 lakh"]))
        codes = c.codes
        sec_txt = render_sections(codes, r, style=r.choice(["slash", "us"]))
        expl_t = list(c.expl)
        # sections inside the facts, in various places
        k = r.random()
        if k < 0.4:
            fact = fact + " Case FIR registered %s." % sec_txt
        elif k < 0.75:
            fact = "FIR %s %s PS %s. %s" % (cid, sec_txt, c.ps, fact)
        elif k < 0.95:
            fact = "%s (%s)" % (fact, sec_txt)
        else:
            # neither sections nor offence wording
            fact = r.choice(["Details as per FIR. Investigation in progress.", "As per contents of FIR."])
            codes = []
            expl_t = []
        if codes and r.random() < 0.08:
            fact = r.choice(["Accused nominated in FIR, investigation in progress.", "Details as per FIR."]) + \
                   ((" " + sec_txt) if codes else "")
            expl_t = []
        io = r.choice(IO_NAMES)
        # order: complainant first, then victims, then accused
        members = sorted(c.members, key=lambda m: {"complainant": 0, "victim": 1, "accused": 2}[m.role])
        for i, m in enumerate(members):
            p = m.p
            row_disp = r0 + 1
            rp = roman_person(p, r, hon_p=0.55 if p.sex == "female" else 0.15, caps=r.random() < 0.08)
            urdu_row = p.nat == "PAK" and p.sex != "transgender" and r.random() < 0.12 and \
                all(t in URDU for t in p.given + p.father + (p.husband or []))
            if urdu_row:
                if p.sex == "male":
                    utxt = "%s ولد %s" % (urdu_name(p.given), urdu_name(p.father))
                    rp = RP(utxt, " ".join(p.given), " ".join(p.father), "", "male")
                elif p.husband and r.random() < 0.5:
                    utxt = "مسماۃ %s زوجہ %s" % (urdu_name(p.given), urdu_name(p.husband))
                    rp = RP(utxt, " ".join(p.given), "", " ".join(p.husband), "female")
                else:
                    utxt = "مسماۃ %s دختر %s" % (urdu_name(p.given), urdu_name(p.father))
                    rp = RP(utxt, " ".join(p.given), " ".join(p.father), "", "female")
            txt = rp.text
            if r.random() < 0.3 and not urdu_row:
                txt += ", " + r.choice(CASTES)
            if m.role == "accused" and p.sex == "female" and r.random() < 0.5:
                txt += " (nayika)"
            if urdu_row:
                txt += " سکنہ " + addr_urdu(p, r)[0]
            elif r.random() < 0.85:
                a, _ = addr_roman(p, r, prefix=True)
                txt += " " + a
            cat = {"complainant": r.choice(["Complainant", "Complainant", "مدعی", "Comp."]),
                   "victim": r.choice(["Victim", "Victim", "Recovered victim", "متاثرہ"]),
                   "accused": r.choice(["Accused", "Accused (arrested)", "Accused (PO)", "ملزم"])}[m.role]
            age_v, age_t = "", ""
            if r.random() < 0.85:
                a = rep_age(p, c.date, r)
                st = r.choice(["int", "yrs", "yrs", "str", "about"] + (["minor"] if a < 16 else []) +
                              (["urdu"] if r.random() < 0.2 else []))
                age_v, age_t = fmt_age(a, st, r)
            cn_v, cn_t = "", ""
            if p.cnic and r.random() < 0.45:
                cn_v, cn_t = fmt_cnic(p.cnic, r.choice(["dash", "dash", "plain"]))
            if i == 0:
                ws.write(r0, 0, serial)
                ws.write(r0, 1, c.ps)
                ws.write(r0, 2, fd, wrap)
                ws.write(r0, 7, fact, wrap)
                ws.write(r0, 8, st_txt)
                ws.write(r0, 9, io)
            ws.write(r0, 3, txt, wrap)
            ws.write(r0, 4, cat)
            ws.write(r0, 5, age_v)
            ws.write(r0, 6, cn_v)
            T(fn, "TIP Cases", row_disp, 1, m, rp.name, rp.father, rp.husband, rp.sex, age_t, "", cn_t, "",
              d_t, "Sheikhupura", "", codes, None, expl_t if m.role == "victim" else [], cid_t, st_t, "",
              m.role, must=[rp.text])
            r0 += 1
    r0 += 1
    ws.write(r0, 0, "Total cases: %d" % serial, bold)
    r0 += 3
    ws.write(r0, 7, "Sd/- SP Investigation, Sheikhupura")
    for i, w in enumerate([6, 16, 18, 55, 14, 8, 18, 70, 16, 18]):
        ws.col(i).width = 256 * w
    ab = wb.add_sheet("Abstract")
    SHEETKIND.append((fn, "Abstract", "summary"))
    ab.write(0, 0, "Abstract of TIP cases", bold)
    ab.write(1, 0, "Month")
    ab.write(1, 1, "FIRs")
    ab.write(1, 2, "Victims recovered")
    ab.write(1, 3, "Accused arrested")
    for j, mth in enumerate((9, 10), 2):
        cs = [c for c in S["skp"] if c.date.month == mth]
        ab.write(j, 0, "Sep-23" if mth == 9 else "Oct-23")
        ab.write(j, 1, len(cs))
        ab.write(j, 2, sum(1 for c in cs for m in c.members if m.role == "victim"))
        ab.write(j, 3, r.randint(10, 30))
    dr = wb.add_sheet("Sheet3")
    dr.visibility = 1
    SHEETKIND.append((fn, "Sheet3", "hidden"))
    dr.write(0, 0, "old list")
    for i, c in enumerate(S["skp"][:6], 1):
        dr.write(i, 0, c.ps)
        dr.write(i, 1, " ".join(c.members[0].p.given))
    path = os.path.join(OUTDIR, fn)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb.save(path)


PS_UR = {"Muridke": "مریدکے", "Saddar Muridke": "صدر مریدکے", "Ferozewala": "فیروزوالہ", "Factory Area": "فیکٹری ایریا",
         "Safdarabad": "صفدرآباد", "Sharaqpur": "شرقپور", "City Sheikhupura": "سٹی شیخوپورہ",
         "Saddar Sheikhupura": "صدر شیخوپورہ", "Kot Abdul Malik": "کوٹ عبدالمالک", "Narang Mandi": "نارنگ منڈی",
         "B-Division": "بی ڈویژن"}


def dua_reason(ap, r, urdu):
    """free-text reason of admission; returns (text, codes, expl, case_id)"""
    src = ap.extra.get("src")
    if src is not None and src.case is not None:
        c = src.case
        codes = list(c.codes)
        expl = list(c.expl[:1])
        cid = c.idtxt.split()[-1] if c.extra.get("enq") else "%d/%d" % (c.no, c.year % 100)
        show_sec = r.random() < 0.8
        show_expl = r.random() < 0.75
        if urdu:
            who = "ایف آئی اے سرکل لاہور" if c.unit == "LHR" else "تھانہ " + PS_UR[c.ps]
            kind = "انکوائری نمبر" if c.extra.get("enq") else "مقدمہ نمبر"
            t = "%s %s %s" % (kind, cid, who)
            if show_sec:
                t += " زیر " + render_sections(codes, r, style="urdu") if all(
                    x.split(":")[0] in URDU_LAW for x in codes) else " u/s " + render_sections(codes, r)
            if show_expl and expl and expl[0] in EXPL_UR:
                t += "، " + EXPL_UR[expl[0]] + " سے برآمد"
            else:
                expl = []
        else:
            who = "AHTC Lahore" if c.unit == "LHR" else "PS " + c.ps
            t = "%s %s %s" % ("Enq." if c.extra.get("enq") else "FIR", cid, who)
            if show_sec:
                t += " " + render_sections(codes, r, style="us")
            if show_expl and expl:
                t += ", " + r.choice(["recovered from ", "victim of ", ""]) + r.choice(EXPL[expl[0]]).lower()
            else:
                expl = []
        if not show_sec:
            codes = []
        return t, codes, expl, cid
    reason = ap.extra.get("reason", "none")
    if urdu:
        t = {"sexual_exploitation": "جسم فروشی کے اڈے سے بازیاب، مقدمہ درج نہیں ہوا",
             "forced_marriage": "زبردستی شادی سے انکار، عدالتی حکم پر داخلہ",
             "domestic_servitude": "گھریلو ملازمہ، مالکان کے تشدد سے بچاؤ",
             "none": r.choice(["عدالتی حکم پر داخلہ", "گھر سے بے دخل، تحفظ کے لیے داخلہ"])}[reason]
    else:
        t = {"sexual_exploitation": "Rescued from brothel (no FIR)", "forced_marriage": "Refused forced marriage, court order",
             "domestic_servitude": "Domestic worker, tortured by employer", "none": r.choice(["Court order (protection)",
                                                                                              "Family dispute, seeking protection"])}[reason]
    return t, [], ([] if reason == "none" else [reason]), ""


def write_dua(S, r):
    fn = "DarulAman_Lahore/Admission register Sep-Oct 2023.xlsx"
    wb = openpyxl.Workbook()
    sep = [a for a in S["dua"] if a.date.month == 9]
    octo = [a for a in S["dua"] if a.date.month == 10]
    # --- September: Urdu only ---
    ws = wb.active
    ws.title = "ستمبر 2023"
    ws.sheet_view.rightToLeft = True
    SHEETKIND.append((fn, ws.title, "data"))
    ws.cell(row=1, column=1, value="دارالامان لاہور").font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value="محکمہ سوشل ویلفیئر و بیت المال پنجاب")
    ws.cell(row=3, column=1, value="ماہ ستمبر 2023 میں داخل ہونے والی خواتین کی تفصیل (انسانی اسمگلنگ / اغوا کے مقدمات)")
    hdr = ["نمبر شمار", "تاریخ داخلہ", "نام", "ولدیت / زوجیت", "عمر / تاریخ پیدائش", "شناختی کارڈ نمبر", "سکونت",
           "وجہ داخلہ", "ریفر کنندہ", "کیفیت", "تاریخ اخراج"]
    for i, h in enumerate(hdr, 1):
        ws.cell(row=5, column=i, value=h).font = Font(bold=True)
    row = 6
    for n, ap in enumerate(sep, 1):
        p = ap.p
        ws.cell(row=row, column=1, value=str(n).translate(URDU_DIGITS) if r.random() < 0.5 else n)
        k = r.random()
        d_t = ap.date
        if k < 0.06:
            d_t = ""
        elif k < 0.45:
            ws.cell(row=row, column=2, value=fmt_date(ap.date, "urdu_digits"))
        elif k < 0.8:
            ws.cell(row=row, column=2, value=fmt_date(ap.date, "urdu_month", r))
        else:
            ws.cell(row=row, column=2, value=ap.date).number_format = "dd/mm/yyyy"
        nm = urdu_name(p.given)
        pre = "مسماۃ " if r.random() < 0.65 else ""
        ws.cell(row=row, column=3, value=pre + nm)
        father = " ".join(p.father)
        husband = " ".join(p.husband) if p.husband else ""
        opts = ["d"] + (["w", "dw"] if husband else [])
        kk = r.choice(opts)
        if kk == "d":
            par, t_f, t_h = "بنت " + urdu_name(p.father), father, ""
        elif kk == "w":
            par, t_f, t_h = "زوجہ " + urdu_name(p.husband), "", husband
        else:
            par, t_f, t_h = "بنت %s زوجہ %s" % (urdu_name(p.father), urdu_name(p.husband)), father, husband
        ws.cell(row=row, column=4, value=par)
        k = r.random()
        age_t, dob_t = "", ""
        if k < 0.55:
            a = rep_age(p, ap.date, r)
            v, age_t = fmt_age(a, r.choice(["urdu", "urdu", "urdu_ascii", "int"]), r)
            ws.cell(row=row, column=5, value=v)
        elif k < 0.9:
            ws.cell(row=row, column=5, value=fmt_date(p.dob, r.choice(["urdu_digits", "dash"])))
            dob_t = p.dob
            age_t = age_of(p.dob, ap.date) if d_t else ""
        cn_t = ""
        if p.cnic and r.random() < 0.55:
            v, cn_t = fmt_cnic(p.cnic, r.choice(["urdu", "dash", "plain"]))
            ws.cell(row=row, column=6, value=v)
        elif r.random() < 0.4:
            ws.cell(row=row, column=6, value=r.choice(["نہیں", "دستیاب نہیں", "-"]))
        dist_t = ""
        if r.random() < 0.94:
            a, dist_t = addr_urdu(p, r)
            ws.cell(row=row, column=7, value=a)
        reason, codes, expl, cid = dua_reason(ap, r, urdu=True)
        ws.cell(row=row, column=8, value=reason)
        src = ap.extra.get("src")
        ref = ("ایف آئی اے اینٹی ہیومن ٹریفکنگ سرکل لاہور" if src and src.unit == "LHR" else
               ("تھانہ " + PS_UR[src.case.ps]) if src and src.unit == "SKP" else
               r.choice(["عدالت (جوڈیشل مجسٹریٹ)", "خود آئی", "ویمن پروٹیکشن سنٹر"]))
        ws.cell(row=row, column=9, value=ref)
        prot = wpick(r, [(45, "in_shelter"), (30, "restored_to_family"), (10, "referred"), (6, "escaped"),
                         (9, "discharged")])
        if r.random() < 0.05:
            prot_t = ""
        else:
            ws.cell(row=row, column=10, value=r.choice(PROT_UR[prot]))
            prot_t = prot
        if prot in ("restored_to_family", "discharged", "escaped", "referred") and prot_t:
            ex = ap.date + dt.timedelta(days=r.randint(2, 25))
            ws.cell(row=row, column=11, value=fmt_date(ex, "urdu_digits"))
        T(fn, ws.title, row, 1, ap, " ".join(p.given), t_f, t_h, "female", age_t, dob_t, cn_t, "", d_t,
          dist_t, "", codes, None, expl, cid, "", prot_t, "victim", must=[nm])
        row += 1
    ws.cell(row=row + 1, column=1, value="کل تعداد: %d" % len(sep))
    ws.cell(row=row + 3, column=8, value="سپرنٹنڈنٹ دارالامان لاہور")
    for i, w in enumerate([8, 14, 22, 30, 16, 20, 40, 50, 26, 18, 14], 1):
        ws.column_dimensions[get_column_letter(i)].width = w

    # --- October: a different clerk, bilingual headers, Roman values, misleading 'Status' ---
    ws = wb.create_sheet("October 2023")
    SHEETKIND.append((fn, ws.title, "data"))
    ws.cell(row=1, column=1, value="DAR-UL-AMAN LAHORE / دارالامان لاہور").font = Font(bold=True)
    ws.cell(row=2, column=1, value="Admissions during October 2023")
    hdr = ["S.No / نمبر شمار", "Date of Admission / تاریخ داخلہ", "Name / نام", "Father/Husband / ولدیت",
           "Age / عمر", "CNIC / شناختی کارڈ", "Address / سکونت", "Reason of Admission / وجہ داخلہ",
           "Referred by", "Status", "Date of Exit"]
    for i, h in enumerate(hdr, 1):
        ws.cell(row=4, column=i, value=h).font = Font(bold=True)
    row = 5
    for n, ap in enumerate(octo, 1):
        p = ap.p
        ws.cell(row=row, column=1, value=n)
        k = r.random()
        d_t = ap.date
        if k < 0.06:
            d_t = ""
        elif k < 0.6:
            c = ws.cell(row=row, column=2, value=ap.date)
            c.number_format = "dd-mm-yyyy"
        else:
            ws.cell(row=row, column=2, value=fmt_date(ap.date, r.choice(["slash", "dot", "mon", "long"]), r))
        caps = r.random() < 0.25
        name = spell(p.given, r, pv=0.4)
        hon = r.choice(["Mst. ", "Mst ", "", ""])
        disp = hon + name
        ws.cell(row=row, column=3, value=disp.upper() if caps else disp)
        father = spell(p.father, r, pv=0.4)
        husband = spell(p.husband, r, pv=0.4) if p.husband else ""
        kk = r.choice(["d", "w", "dw"]) if husband else "d"
        if kk == "d":
            par, t_f, t_h = "D/O " + father, father, ""
        elif kk == "w":
            par, t_f, t_h = "W/O " + husband, "", husband
        else:
            par, t_f, t_h = "D/O %s W/O %s" % (father, husband), father, husband
        ws.cell(row=row, column=4, value=par.upper() if caps else par)
        age_t, dob_t = "", ""
        k = r.random()
        if k < 0.7:
            a = rep_age(p, ap.date, r)
            v, age_t = fmt_age(a, r.choice(["int", "yrs", "about", "str"]), r)
            ws.cell(row=row, column=5, value=v)
        elif k < 0.9:
            ws.cell(row=row, column=5, value="DOB " + fmt_date(p.dob, "slash"))
            dob_t, age_t = p.dob, (age_of(p.dob, ap.date) if d_t else "")
        cn_t = ""
        if p.cnic and r.random() < 0.5:
            st = r.choice(["dash", "plain", "num"])
            v, cn_t = fmt_cnic(p.cnic, st)
            cc = ws.cell(row=row, column=6, value=v)
            if st == "num":
                cc.number_format = "0"
        dist_t = ""
        if r.random() < 0.93:
            a, dist_t = addr_roman(p, r)
            ws.cell(row=row, column=7, value=a.upper() if caps else a)
        reason, codes, expl, cid = dua_reason(ap, r, urdu=False)
        ws.cell(row=row, column=8, value=reason)
        src = ap.extra.get("src")
        ws.cell(row=row, column=9, value=("FIA AHTC Lahore" if src and src.unit == "LHR" else
                                           ("PS " + src.case.ps) if src and src.unit == "SKP" else
                                           r.choice(["Court", "Self", "Women Protection Centre", "Court order"])))
        prot = wpick(r, [(50, "in_shelter"), (28, "restored_to_family"), (8, "referred"), (6, "escaped"),
                         (8, "discharged")])
        prot_t = prot
        if r.random() < 0.05:
            prot_t = ""
        else:
            ws.cell(row=row, column=10, value=r.choice(PROT[prot]))
        if prot_t and prot != "in_shelter":
            ex = ap.date + dt.timedelta(days=r.randint(1, 20))
            c = ws.cell(row=row, column=11, value=ex)
            c.number_format = "dd-mm-yyyy"
        T(fn, ws.title, row, 1, ap, name, t_f, t_h, "female" if (hon or par) else "", age_t, dob_t, cn_t, "",
          d_t, dist_t, "", codes, None, expl, cid, "", prot_t, "victim", must=[disp.upper() if caps else disp])
        row += 1
    ws.cell(row=row + 1, column=1, value="Total admissions: %d" % len(octo))
    ws.cell(row=row + 3, column=8, value="Superintendent, Dar-ul-Aman Lahore")
    for i, w in enumerate([8, 14, 24, 34, 10, 18, 40, 50, 22, 26, 12], 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    sm = wb.create_sheet("خلاصہ")
    SHEETKIND.append((fn, "خلاصہ", "summary"))
    sm.sheet_view.rightToLeft = True
    sm.cell(row=1, column=1, value="خلاصہ داخلہ جات")
    sm.cell(row=2, column=1, value="ماہ")
    sm.cell(row=2, column=2, value="داخلہ")
    sm.cell(row=2, column=3, value="والدین کے حوالے")
    sm.cell(row=3, column=1, value="ستمبر")
    sm.cell(row=3, column=2, value=len(sep))
    sm.cell(row=3, column=3, value=r.randint(8, 20))
    sm.cell(row=4, column=1, value="اکتوبر")
    sm.cell(row=4, column=2, value=len(octo))
    sm.cell(row=4, column=3, value=r.randint(8, 20))
    h = wb.create_sheet("Sheet1")
    h.sheet_state = "hidden"
    SHEETKIND.append((fn, "Sheet1", "hidden"))
    h.cell(row=1, column=1, value="پرانا ریکارڈ")
    for i, ap in enumerate(sep[:7], 2):
        h.cell(row=i, column=1, value=urdu_name(ap.p.given))
        h.cell(row=i, column=2, value=urdu_name(ap.p.father))
    save_xlsx(wb, fn)


RESCUE_PLACES = ["Data Darbar", "Liberty Chowk signal", "Kalma Chowk", "Thokar Niaz Baig", "Minar-e-Pakistan",
                 "Lari Adda", "Railway Station", "Badami Bagh", "Akbari Mandi", "Mall Road", "Anarkali Bazaar",
                 "Residence of employer, DHA", "Residence of employer, Model Town", "Brick kiln, Manga Mandi",
                 "Auto workshop, Township", "Ichhra Bazaar"]
CPWB_CAT = {"begging": ["Begging", "Begging", "Child begging (organised)", "Begging"],
            "domestic_servitude": ["Child domestic labour", "Domestic worker (servitude)", "Child domestic worker"],
            "bonded_labour": ["Bonded child labour - brick kiln", "Brick kiln (bonded)"],
            "sexual_exploitation": ["Sexual exploitation", "Commercial sexual exploitation"],
            "trafficked": ["Trafficked child", "Trafficking (sold by relative)", "Trafficked for begging"]}
CPWB_EXPL = {"begging": ["begging"], "domestic_servitude": ["domestic_servitude"], "bonded_labour": ["bonded_labour"],
             "sexual_exploitation": ["sexual_exploitation"], "trafficked": []}


def write_cpwb(S, r):
    fn = "CPWB_Lahore/rescued_children_Sep_Oct_2023.csv"
    NC = 15
    recs = []

    def pad(lst):
        return lst + [""] * (NC - len(lst))

    recs.append(pad(["Child Protection & Welfare Bureau, Lahore"]))
    recs.append(pad(["Statement of children rescued from begging, child labour and trafficking (Sep-Oct 2023)"]))
    recs.append(pad([]))
    recs.append(["Sr.", "Reg. No", "Date of Rescue", "Name of Child", "Father's Name", "Gender", "Age", "B-Form No.",
                 "Father/Guardian CNIC", "Place of Rescue", "Home Address", "Category", "FIR Detail",
                 "Present Status", "Contact No."])
    pol_src = {}
    for c in S["skp"]:
        for m in c.members:
            if m.extra.get("src") is not None:
                pol_src[id(m.extra["src"])] = (c, m)
    for n, ap in enumerate(S["cpwb"], 1):
        p = ap.p
        cat = ap.extra["cat"]
        k = r.random()
        d_t = ap.date
        if k < 0.06:
            dv, d_t = "", ""
        elif k < 0.5:
            dv = fmt_date(ap.date, "dash")
        elif k < 0.75:
            dv = fmt_date(ap.date, "slash1")
        elif k < 0.9:
            dv = fmt_date(ap.date, "iso")
        else:
            dv = fmt_date(ap.date, "mon")
        name = spell(p.given, r, pv=0.3)
        father = spell(p.father, r, pv=0.3)
        if r.random() < 0.04:
            father = ""
        sex_col = {"male": r.choice(["Boy", "Boy", "M", "Male"]), "female": r.choice(["Girl", "Girl", "F", "Female"])}[p.sex]
        if r.random() < 0.08:
            sex_col = ""
        sex_t = {"Boy": "male", "M": "male", "Male": "male", "Girl": "female", "F": "female", "Female": "female"}.get(sex_col, "")
        a = rep_age(p, ap.date, r, noise=0.3)
        st = r.choice(["str", "str", "yrs", "about"])
        if r.random() < 0.06:
            st = "minor"
        av, age_t = fmt_age(a, st, r)
        bf, cn_t = "", ""
        if p.cnic:
            k = r.random()
            if k < 0.5:
                bf, cn_t = fmt_cnic(p.cnic, "dash")
            elif k < 0.7:
                bf, cn_t = fmt_cnic(p.cnic, "plain")
            elif k < 0.85:
                bf, cn_t = fmt_cnic(p.cnic, "sci")
            else:
                bf = r.choice(["Not made", "applied", "N/A"])
        else:
            bf = r.choice(["", "", "Not made", "N/A"])
        fcn = ""
        if r.random() < 0.6:
            fake = W_GLOBAL._cnic(p.district, "male")
            fcn = fmt_cnic(fake, "dash")[0]
        place = r.choice({"begging": RESCUE_PLACES[:11], "domestic_servitude": RESCUE_PLACES[11:13] + ["Residence of employer, Gulberg"],
                          "bonded_labour": ["Brick kiln, Manga Mandi", "Brick kiln, Raiwind Road", "Bhatta, Kahna"],
                          "sexual_exploitation": ["Hotel, Lari Adda", "House in Shahdara", "Guest house, Badami Bagh"],
                          "trafficked": ["Lari Adda", "Railway Station", "Daewoo terminal, Thokar", "Badami Bagh"]}[cat])
        dist_t = ""
        if r.random() < 0.92:
            a_txt, dist_t = addr_roman(p, r)
            if r.random() < 0.3 and "," in a_txt:
                i = a_txt.index(",")
                a_txt = a_txt[:i + 1] + "\n" + a_txt[i + 1:].lstrip()   # quoted line break
        else:
            a_txt = r.choice(["Not known", "Homeless", "Footpath, no fixed abode"])
        cat_txt = r.choice(CPWB_CAT[cat])
        expl = list(CPWB_EXPL[cat])
        if cat == "trafficked" and "begging" in cat_txt:
            expl = ["begging"]
        fir_txt, codes, cid, cst = "", [], "", ""
        ps_hit = pol_src.get(id(ap))
        lsrc = ap.extra.get("src")
        ssrc = ap.extra.get("src_skp")
        if ssrc is not None and r.random() < 0.75:
            c = ssrc.case
            cid = "%d/%d" % (c.no, c.year % 100)
            fir_txt = "Recovered by police, FIR %s PS %s" % (cid, c.ps)
            if r.random() < 0.5:
                fir_txt += " " + render_sections(c.codes, r, style="us")
                codes = list(c.codes)
        elif lsrc is not None and lsrc.unit == "LHR" and r.random() < 0.8:
            c = lsrc.case
            cid = c.idtxt.split()[-1] if c.extra.get("enq") else "%d/%d" % (c.no, c.year % 100)
            fir_txt = "Joint raid with FIA AHTC Lahore, %s %s" % ("Enq." if c.extra.get("enq") else "FIR", cid)
            if r.random() < 0.6:
                fir_txt += " " + render_sections(c.codes, r, style="us")
                codes = list(c.codes)
        elif ps_hit is not None and r.random() < 0.7:
            c, m = ps_hit
            cid = "%d/%d" % (c.no, c.year % 100)
            fir_txt = "FIR %s PS %s (Sheikhupura)" % (cid, c.ps)
            if r.random() < 0.7:
                fir_txt += " " + render_sections(c.codes, r, style="us")
                codes = list(c.codes)
        elif cat in ("trafficked", "sexual_exploitation", "bonded_labour") and r.random() < 0.6:
            no = r.randint(500, 1900)
            cid = "%d/23" % no
            ps = r.choice(["Gulberg", "Data Darbar", "Lari Adda", "Manga Mandi", "Raiwind City", "Shahdara Town"])
            codes = r.choice([["PTPA-2018:3"], ["PTPA-2018:3", "PTPA-2018:4"], ["BLSA-1992:11"], ["PPC:374"]])
            if cat == "bonded_labour":
                codes = ["BLSA-1992:11", "PPC:374"]
            fir_txt = "FIR %s PS %s %s" % (cid, ps, render_sections(codes, r, style="us"))
            if r.random() < 0.4:
                cst = r.choice(["investigation", "prosecution"])
                fir_txt += ", " + r.choice(STATUS[cst]).lower()
        prot = wpick(r, [(40, "in_shelter"), (40, "restored_to_family"), (15, "referred"), (5, "escaped")])
        ptxt = {"in_shelter": ["In CPWB custody", "Under care at CPWB", "In Bureau custody"],
                "restored_to_family": ["Restored to parents", "Handed over to father", "Restored to family (court order)"],
                "referred": ["Referred to SOS Village", "Referred to Dar-ul-Aman", "Shifted to Gehwara"],
                "escaped": ["Ran away", "Escaped from Bureau"]}[prot]
        prot_t = prot
        pt = r.choice(ptxt)
        if r.random() < 0.04:
            pt, prot_t = "", ""
        ph, ph_t = "", ""
        if p.phone and r.random() < 0.8:
            ph, ph_t = fmt_phone(p.phone, r.choice(["dash", "plain", "plain", "lost0"]))
        regno = "CPWB-LHR-23-%04d" % (1100 + n * 3)
        recs.append([str(n), regno, dv, name, father, sex_col, str(av), bf, fcn, place, a_txt, cat_txt, fir_txt, pt,
                     str(ph)])
        ctype = None if codes else ("tip" if "raffick" in cat_txt else "")
        T(fn, "", len(recs), 1, ap, name, father, "", sex_t, age_t, "", cn_t, ph_t, d_t, dist_t, "", codes,
          ctype, expl, cid, cst, prot_t, "victim", must=[name])
    recs.append(pad([]))
    recs.append(pad(["", "", "Total children rescued: %d" % len(S["cpwb"])]))
    recs.append(pad(["Prepared by: Child Protection Officer (Rescue), CPWB Lahore"]))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for rec in recs:
        w.writerow(rec)
    data = "\ufeff" + buf.getvalue()
    write_bytes(fn, data.encode("utf-8"))
    SHEETKIND.append((fn, "", "data"))


def write_bytes(fn, b):
    path = os.path.join(OUTDIR, fn)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b)


NGO_TYPE = {"bonded_labour": ["Bonded labour (brick kiln)", "Bonded labour – peshgi", "Brick kiln bondage"],
            "domestic_servitude": ["Domestic servitude", "Child domestic servitude"],
            "sexual_exploitation": ["Sex trafficking", "Sexual exploitation"],
            "forced_marriage": ["Forced marriage", "Forced marriage (Vani)"],
            "begging": ["Child begging", "Forced begging"]}


def write_ngo(S, r):
    fn = "NGO_Sahara_Trust/sahara_trust_intake_SepOct23.csv"
    NC = 14
    lines = []
    lines.append(";".join(["Sahara Haqooq Trust – Legal Aid & Rehabilitation Unit, Kasur"] + [""] * (NC - 1)))
    lines.append(";".join(["Client intake register September–October 2023 (victims of bonded labour, trafficking & forced marriage)"] + [""] * (NC - 1)))
    lines.append(";".join(["Case Ref", "Intake Date", "Client Name", "Parentage", "Gender", "Age", "CNIC", "Mobile",
                           "Address", "District", "Type of Case", "Legal Status", "Rehabilitation", "Remarks"]))
    n_total = len(S["ngo"])
    bad_at = int(n_total * 0.68)
    quote_ok = True
    for n, ap in enumerate(S["ngo"], 1):
        p = ap.p
        src = ap.extra.get("src")
        t = ap.extra["type"]
        k = r.random()
        dv = fmt_date(ap.date, "slash" if k < 0.5 else ("dot2" if k < 0.75 else "long"), r)
        d_t = ap.date
        if r.random() < 0.07:
            dv, d_t = "", ""
        if dv.endswith("2023") and " " in dv and r.random() < 0.5:
            dv = "%d %s %d" % (ap.date.day, MON3[ap.date.month - 1], ap.date.year)
        name = spell(p.given, r, pv=0.4)
        hon = ""
        sex_m = ""
        if p.sex == "female" and r.random() < 0.3:
            hon = "Mst. "
            sex_m = "female"
        father = spell(p.father, r, pv=0.4)
        husband = spell(p.husband, r, pv=0.4) if p.husband else ""
        t_f = t_h = ""
        if p.sex == "female" and husband and r.random() < 0.6:
            par = "W/O " + husband
            t_h = husband
            sex_m = "female"
        elif r.random() < 0.5:
            par = ("S/O " if p.sex == "male" else "D/O ") + father
            t_f = father
            sex_m = "male" if p.sex == "male" else "female"
        else:
            par = father
            t_f = father
        if p.sex == "transgender":
            sex_m = ""
        g = {"male": r.choice(["M", "Male", "M"]), "female": r.choice(["F", "Female", "F"]), "transgender": "TG"}[p.sex]
        if r.random() < 0.07:
            g = ""
        sex_t = {"M": "male", "Male": "male", "F": "female", "Female": "female", "TG": "transgender"}.get(g, "") or sex_m
        age_v, age_t = "", ""
        if r.random() < 0.92:
            a = rep_age(p, ap.date, r)
            age_v, age_t = fmt_age(a, r.choice(["str", "str", "yrs", "about"]), r)
        cn_v, cn_t = "", ""
        if p.cnic and r.random() < 0.75:
            stl = r.choice(["dash", "dash", "plain", "sci", "drop"] if n < bad_at else ["dash", "plain"])
            cn_v, cn_t = fmt_cnic(p.cnic, stl)
        elif r.random() < 0.4:
            cn_v = r.choice(["Not available", "N/A", "NIL"])
        ph_v, ph_t = "", ""
        if p.phone and r.random() < 0.7:
            ph_v, ph_t = fmt_phone(p.phone, r.choice(["dash", "plain", "lost0", "intl"]))
        dist_col, dist_t, addr = "", "", ""
        if r.random() < 0.9:
            addr, dist_t = addr_roman(p, r)
        if r.random() < 0.7:
            dist_col = r.choice(GEO[p.district][0][:2])
            dist_t = p.district
        # legal status
        codes, cid, cst = [], "", ""
        legal = ""
        if src is not None and src.unit == "SKP":
            c = src.case
            cid = "%d/%d" % (c.no, c.year % 100)
            legal = "FIR %s PS %s" % (cid, c.ps)
            if r.random() < 0.75:
                legal += " " + render_sections(c.codes, r, style=r.choice(["us", "slash"]))
                codes = list(c.codes)
            if r.random() < 0.7:
                cst = status_for(r, c.date, later=True)
                legal += " – " + r.choice(STATUS[cst]).lower()
        elif src is not None and src.unit == "DUA" and src.extra.get("src") is not None:
            c = src.extra["src"].case
            cid = c.idtxt.split()[-1] if c.extra.get("enq") else "%d/%d" % (c.no, c.year % 100)
            legal = "%s %s (%s)" % ("Enquiry" if c.extra.get("enq") else "FIR", cid,
                                    "AHTC Lahore" if c.unit == "LHR" else "PS " + c.ps)
        elif r.random() < 0.35 and t in ("bonded_labour", "forced_marriage", "sexual_exploitation"):
            cid = "%d/23" % r.randint(200, 990)
            ps = r.choice(["Chunian", "Pattoki", "Kot Radha Kishan", "Mustafabad", "Kasur City", "Raiwind"])
            codes = {"bonded_labour": ["BLSA-1992:11", "PPC:374"], "forced_marriage": ["PPC:498-B"],
                     "sexual_exploitation": ["PTPA-2018:3", "PPC:371-A"]}[t]
            legal = "FIR %s PS %s %s" % (cid, ps, render_sections(codes, r, style="us"))
            cst = r.choice(["investigation", "investigation", "absconding"])
            legal += " – " + r.choice(STATUS[cst])
        else:
            legal = r.choice(["No FIR", "Application filed with DPO", "Petition u/s 491 Cr.PC filed", ""])
        typ = r.choice(NGO_TYPE[t])
        expl = [t]
        if not codes:
            ctype = {"bonded_labour": "tip_related", "sexual_exploitation": "tip" if "traffick" in typ else "",
                     "forced_marriage": "tip_related", "domestic_servitude": "", "begging": ""}[t]
            # wording rule (FEATURES.md): 'trafficking' -> tip; 'bonded labour', 'forced marriage' -> tip_related
            if t == "bonded_labour" and "bonded" not in typ.lower() and "bondage" not in typ.lower():
                ctype = ""
        else:
            ctype = None
        prot = wpick(r, [(35, "restored_to_family"), (25, "in_shelter"), (15, "referred"), (10, "discharged"),
                         (15, None)])
        ptxt = {"restored_to_family": ["Restored to family", "Reunited with family", "Returned home"],
                "in_shelter": ["In shelter (Sahara Home)", "Residing at Sahara shelter"],
                "referred": ["Referred to Dar-ul-Aman", "Referred to SBBC Kasur"],
                "discharged": ["Discharged", "Discharged after rehabilitation"], None: [""]}[prot]
        pt = r.choice(ptxt)
        remarks = r.choice(["", "", "Legal aid provided", "Follow-up visit done", "Counselling sessions (3)",
                            "Family threatened by kiln owner", "Medical examination arranged", "Case in court",
                            "Kiln owner’s munshi visited family", "Client’s statement recorded"])
        fields = [("SHT-%03d/23" % (300 + n)), dv, hon + name, par, g, str(age_v), str(cn_v), str(ph_v), addr,
                  dist_col, typ, legal, pt, remarks]
        if n < bad_at and quote_ok and r.random() < 0.06:
            fields[13] = r.choice(['"Said: ""munshi will come back""; family scared"', '"Owner says ""peshgi not cleared""; threatens"',
                                   '"Refused to go home; says ""they will sell me again"""'])   # properly quoted with ; inside
        elif n < bad_at and r.random() < 0.05:
            fields[8] = '"%s"' % fields[8].replace('"', '')
        if n == bad_at:
            fields[13] = '"Family says the contractor still threatening them; shifted to relatives'   # never closed
        line = ";".join(fields)
        lines.append(line)
        T(fn, "", len(lines), 1, ap, name, t_f, t_h, sex_t, age_t, "", cn_t, ph_t, d_t, dist_t, "", codes,
          ctype, expl, cid, cst, prot, "victim", must=[hon + name])
    lines.append(";".join(["", "Total clients: %d" % n_total] + [""] * (NC - 2)))
    lines.append(";".join(["Prepared by: Programme Officer (Legal)"] + [""] * (NC - 1)))
    data = "\r\n".join(lines) + "\r\n"
    # after the unterminated quote no other quote character may appear (human reading is line-based)
    tail = data[data.index("never") if False else data.index("shifted to relatives") + 20:]
    assert '"' not in tail
    write_bytes(fn, data.encode("cp1252"))
    SHEETKIND.append((fn, "", "data"))


FLIGHTS = {"Oman": ["WY-343", "PK-232", "WY-347"], "Iran": ["W5-1152 (MHD-LHE)", "IR-716", "W5-1152"],
           "Greece": ["TK-714 (via IST)", "QR-628 (via DOH)"], "Libya": ["Special flight 8Q-1132", "TK-714 (via IST)"],
           "Saudi Arabia": ["SV-734", "PK-760", "XY-317", "PA-872"], "UAE": ["EK-622", "FZ-359", "G9-528", "PK-204"],
           "Turkey": ["TK-714", "PC-1214"], "Malaysia": ["MH-8806", "OD-131"], "Azerbaijan": ["J2-4371"],
           "Iraq": ["IA-435", "UBD-122"], "Qatar": ["QR-628", "QR-620"]}
REASONS = {"Oman": ["Overstay", "Absconded from sponsor", "Illegal entry by sea", "Visa expired"],
           "Iran": ["Illegal entry", "Without documents", "Illegal entry (en route to Turkey)"],
           "Greece": ["Illegal entry", "Irregular stay", "Asylum rejected"],
           "Libya": ["Illegal entry (en route to Italy)", "Without documents", "Rescued at sea"],
           "Saudi Arabia": ["Overstay", "Umrah visa overstay", "Absconded from sponsor", "Fake visa"],
           "UAE": ["Overstay", "Visit visa misuse", "Fake visa", "Absconded from sponsor"],
           "Turkey": ["Illegal entry", "Without documents"], "Malaysia": ["Overstay", "Fake visa"],
           "Azerbaijan": ["Fake visa", "Irregular stay"], "Iraq": ["Overstay (Ziarat visa)", "Without documents"],
           "Qatar": ["Overstay", "Fake visa"]}
COUNTRY_TXT = {"Oman": ["Oman", "OMAN", "Muscat (Oman)"], "Iran": ["Iran", "IRAN"], "Greece": ["Greece", "GREECE"],
               "Libya": ["Libya", "LIBYA"], "Saudi Arabia": ["K.S.A", "KSA", "Saudi Arabia"],
               "UAE": ["U.A.E", "UAE", "Dubai (UAE)"], "Turkey": ["Turkey", "Turkiye"], "Malaysia": ["Malaysia"],
               "Azerbaijan": ["Azerbaijan"], "Iraq": ["Iraq"], "Qatar": ["Qatar"]}


def dep_action(ap, r, S_downstream):
    """returns (text, codes, case_id)"""
    tgt = S_downstream.get(id(ap))
    if tgt == "GRW":
        return r.choice(["Handed over to AHTC Gujranwala for legal action against agent",
                         "Referred to AHTC GRW", "Sent to FIA AHT Circle Gujranwala"]), [], ""
    if tgt == "GJT":
        return r.choice(["Handed over to FIA CC Gujrat", "Referred to Composite Circle Gujrat for action against agent"]), [], ""
    k = r.random()
    if k < 0.62:
        return r.choice(["Released after interview", "Released after verification", "Released", "Released on personal surety",
                         "Cleared after profiling"]), [], ""
    if k < 0.8:
        no = r.randint(611, 799)
        cid = "%d/23" % no
        return r.choice(["Booked vide FIR No. %s u/s 17(1) E.O, AHTC Lahore" % cid,
                         "FIR %s registered U/S 17(1) EO at AHTC LHR" % cid]), ["EO-1979:17(1)"], cid
    if k < 0.9:
        no = r.randint(611, 799)
        cid = "%d/23" % no
        codes = r.choice([["EO-1979:22", "PPC:420"], ["EO-1979:17(2)", "EO-1979:22"], ["PSMA-2018:3"]])
        return "FIR No. %s registered against agent %s" % (cid, render_sections(codes, r, style="us")), codes, cid
    return "", [], ""


def write_dep_sep(S, r, down):
    fn = "FIA_Immigration_AIIAP/deportees_Sep2023.csv"
    NC = 10
    recs = []
    recs.append(["FIA IMMIGRATION – ALLAMA IQBAL INTERNATIONAL AIRPORT, LAHORE"] + [""] * (NC - 1))
    recs.append(["DEPORTEE DESK: LIST OF DEPORTEES RECEIVED DURING SEPTEMBER 2023"] + [""] * (NC - 1))
    recs.append(["S.No", "Date of Arrival", "Flight No.", "Name & Parentage", "Passport No.", "CNIC No.",
                 "Deported From", "Reason of Deportation", "Address", "Action Taken"])
    for n, ap in enumerate(S["dep_sep"], 1):
        p = ap.p
        k = r.random()
        if k < 0.06:
            dv, d_t = "", ""
        else:
            dv = fmt_date(ap.date, "slash" if k < 0.6 else ("mon" if k < 0.85 else "dot"))
            d_t = ap.date
        country = ap.extra["country"]
        flight = r.choice(FLIGHTS[country])
        caps = r.random() < 0.55
        rp = roman_person(p, r, hon_p=0.25, caps=caps, parent="none" if r.random() < 0.04 else "auto", fhon_p=0.0)
        cn_v, cn_t = "", ""
        if p.cnic and r.random() < 0.9:
            st = r.choice(["dash", "dash", "plain", "sci", "sci", "space"])
            c = p.cnic if r.random() > 0.03 else typo_cnic(p.cnic, r)
            cn_v, cn_t = fmt_cnic(c, st)
        elif p.nat == "AFG":
            cn_v = r.choice(["POR card", "Afghan national", "N/A"])
        pp = p.passport or ""
        reason = r.choice(REASONS[country])
        nat_t = ""
        if p.nat == "AFG":
            reason += r.choice([" – Afghan national holding Pak passport", " (Afghan national)"])
            nat_t = "AFG"
        addr, dist_t = "", ""
        if r.random() < 0.93 and p.nat == "PAK":
            addr, dist_t = addr_roman(p, r)
            if caps:
                addr = addr.upper()
        elif p.nat == "AFG":
            addr = r.choice(["Afghan Basti, Lahore", "Board Bazar, Peshawar", "Not given"])
            dist_t = {"Afghan Basti, Lahore": "Lahore", "Board Bazar, Peshawar": "Peshawar", "Not given": ""}[addr]
        act, codes, cid = dep_action(ap, r, down)
        recs.append([str(n), dv, flight, rp.text, pp, str(cn_v), r.choice(COUNTRY_TXT[country]), reason, addr, act])
        T(fn, "", len(recs), 1, ap, rp.name if not caps else rp.name, rp.father, rp.husband, rp.sex, "", "", cn_t, "",
          d_t, dist_t, nat_t, codes, None, [], cid, "", "", "deportee", must=[rp.text])
    recs.append([""] * NC)
    recs.append(["", "Total deportees: %d" % len(S["dep_sep"])] + [""] * (NC - 2))
    recs.append(["Incharge Deportee Desk"] + [""] * (NC - 1))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\r\n")
    for rec in recs:
        w.writerow(rec)
    write_bytes(fn, ("\ufeff" + buf.getvalue()).encode("utf-16-le"))
    SHEETKIND.append((fn, "", "data"))


def write_dep_oct(S, r, down):
    fn = "FIA_Immigration_AIIAP/Deportees Oct-2023.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Oct-23"
    SHEETKIND.append((fn, "Oct-23", "data"))
    ws.cell(row=1, column=1, value="FIA Immigration AIIAP Lahore – Deportees received October 2023").font = Font(bold=True)
    hdr = ["Sr", "Arrival Date", "Flight", "Passenger Name", "Father Name", "Gender", "DOB", "Passport No", "CNIC",
           "Nationality", "Deported From", "Category", "Contact", "Permanent Address", "Remarks"]
    for i, h in enumerate(hdr, 1):
        ws.cell(row=3, column=i, value=h).font = Font(bold=True)
    row = 4
    by_country = {}
    for n, ap in enumerate(S["dep_oct"], 1):
        p = ap.p
        country = ap.extra["country"]
        by_country[country] = by_country.get(country, 0) + 1
        ws.cell(row=row, column=1, value=n)
        if r.random() < 0.06:
            d_t = ""
        elif r.random() < 0.85:
            ws.cell(row=row, column=2, value=ap.date).number_format = "dd-mmm-yy"
            d_t = ap.date
        else:
            ws.cell(row=row, column=2, value=fmt_date(ap.date, "slash"))
            d_t = ap.date
        ws.cell(row=row, column=3, value=r.choice(FLIGHTS[country]))
        caps = r.random() < 0.4
        name = spell(p.given, r, pv=0.4)
        hon = "Mst. " if p.sex == "female" and r.random() < 0.4 else ""
        father = spell(p.father, r, pv=0.4)
        ws.cell(row=row, column=4, value=(hon + name).upper() if caps else hon + name)
        if r.random() < 0.95:
            ws.cell(row=row, column=5, value=father.upper() if caps else father)
            f_t = father
        else:
            f_t = ""
        g = {"male": r.choice(["M", "Male", "M"]), "female": r.choice(["F", "Female"])}[p.sex]
        sex_t = {"M": "male", "Male": "male", "F": "female", "Female": "female"}[g]
        if r.random() < 0.06:
            g = ""
            sex_t = "female" if hon else ""
        ws.cell(row=row, column=6, value=g)
        dob_t, age_t = "", ""
        k = r.random()
        if k < 0.55:
            ws.cell(row=row, column=7, value=p.dob).number_format = "dd/mm/yyyy"
            dob_t = p.dob
            if d_t:
                age_t = age_of(p.dob, ap.date)
        elif k < 0.7:
            ws.cell(row=row, column=7, value=fmt_date(p.dob, "dot"))
            dob_t = p.dob
            if d_t:
                age_t = age_of(p.dob, ap.date)
        elif k < 0.8:
            ws.cell(row=row, column=7, value=str(p.dob.year))   # year only: not a date of birth
        ws.cell(row=row, column=8, value=p.passport or "")
        cn_t = ""
        if p.cnic and r.random() < 0.9:
            k = r.random()
            if k < 0.45:
                ws.cell(row=row, column=9, value=int(p.cnic)).number_format = "0"
                cn_t = p.cnic
            elif k < 0.5:
                ws.cell(row=row, column=9, value=int(p.cnic[1:])).number_format = "0"   # lost leading digit
            else:
                v, cn_t = fmt_cnic(p.cnic, r.choice(["dash", "plain"]))
                ws.cell(row=row, column=9, value=v)
        nat_t = ""
        if p.nat == "AFG":
            ws.cell(row=row, column=10, value=r.choice(["Afghan", "AFG", "Afghanistan"]))
            nat_t = "AFG"
        elif r.random() < 0.9:
            ws.cell(row=row, column=10, value=r.choice(["Pakistani", "PAK", "Pakistani", "Pak"]))
            nat_t = "PAK"
        ws.cell(row=row, column=11, value=r.choice(COUNTRY_TXT[country]))
        ws.cell(row=row, column=12, value=r.choice(["DFD" if "Fake" in r.choice(REASONS[country]) else "Overstay",
                                                     "Overstay", "Illegal entry", "Absconder", "DFD"]))
        ph_t = ""
        if p.phone and r.random() < 0.75:
            st = r.choice(["num", "dash", "plain", "92"])
            v, ph_t = fmt_phone(p.phone, st)
            ws.cell(row=row, column=13, value=v)
        dist_t = ""
        if p.nat == "PAK" and r.random() < 0.94:
            a, dist_t = addr_roman(p, r)
            ws.cell(row=row, column=14, value=a.upper() if caps else a)
        act, codes, cid = dep_action(ap, r, down)
        ws.cell(row=row, column=15, value=act)
        disp = (hon + name).upper() if caps else hon + name
        T(fn, "Oct-23", row, 1, ap, name, f_t, "", sex_t, age_t, dob_t, cn_t, ph_t, d_t, dist_t, nat_t, codes,
          None, [], cid, "", "", "deportee", must=[disp])
        row += 1
    ws.cell(row=row + 1, column=4, value="Total: %d" % len(S["dep_oct"]))
    for i, w in enumerate([5, 11, 14, 26, 22, 7, 11, 12, 16, 11, 14, 11, 14, 40, 46], 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    sm = wb.create_sheet("Summary")
    SHEETKIND.append((fn, "Summary", "summary"))
    sm.cell(row=1, column=1, value="Country-wise deportees, October 2023")
    for j, (cty, cnt) in enumerate(sorted(by_country.items()), 2):
        sm.cell(row=j, column=1, value=cty)
        sm.cell(row=j, column=2, value=cnt)
    sm.cell(row=j + 1, column=1, value="Total")
    sm.cell(row=j + 1, column=2, value="=SUM(B2:B%d)" % j)
    cache(fn, "Summary", "B%d" % (j + 1), sum(by_country.values()))
    ls = wb.create_sheet("Lists")
    ls.sheet_state = "veryHidden"
    SHEETKIND.append((fn, "Lists", "hidden"))
    for i, v in enumerate(["DFD", "Overstay", "Illegal entry", "Absconder", "OPD"], 1):
        ls.cell(row=i, column=1, value=v)
    save_xlsx(wb, fn)


def write_gjt(S, r):
    fn = "FIA_CC_Gujrat/HT-HS Return Sep-Oct 2023 (Gujrat).xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "HT-HS Sep-Oct 23"
    SHEETKIND.append((fn, ws.title, "data"))
    ws.cell(row=1, column=1, value="FIA COMPOSITE CIRCLE GUJRAT").font = Font(bold=True, size=13)
    ws.cell(row=2, column=1, value="Victim / Smuggled Migrant / Complainant wise return for the months of September & October 2023")
    ur = ["نمبر شمار", "مقدمہ نمبر", "تاریخ", "دفعات", "نوعیت", "نام", "ولدیت", "جنس", "تاریخ پیدائش",
          "شناختی کارڈ", "قومیت", "ضلع", "پتہ", "موبائل", "کیفیت", "ریمارکس"]
    en = ["Sr", "FIR No", "Date", "Sections", "Category", "Name", "Father Name", "Sex", "D.O.B", "CNIC", "Nationality",
          "District", "Address", "Mobile", "Status", "Remarks"]
    for i, (u, e) in enumerate(zip(ur, en), 1):
        ws.cell(row=4, column=i, value=u).font = Font(bold=True)
        ws.cell(row=5, column=i, value=e).font = Font(bold=True)
    row = 6
    serial = 0
    first = row
    for c in S["gjt"]:
        cid_w, cid_t = case_id_text(c, r, "mix")
        dstyle = r.random()
        d_t = c.date
        if dstyle < 0.07:
            dval, d_t = "", ""
        elif dstyle < 0.35:
            dval = c.date
        else:
            dval = fmt_date(c.date, r.choice(["long", "us", "mon", "dot"]), r)
        codes = list(c.codes)
        sec = render_sections(codes, r)
        st = c.status
        st_txt = r.choice(STATUS[st])
        members = sorted(c.members, key=lambda m: {"complainant": 0, "victim": 1, "smuggled_migrant": 2}[m.role])
        for i, m in enumerate(members):
            p = m.p
            serial += 1
            ws.cell(row=row, column=1, value=serial)
            if i == 0:
                ws.cell(row=row, column=2, value=cid_w)
                dc = ws.cell(row=row, column=3, value=dval)
                if isinstance(dval, dt.date):
                    dc.number_format = "dd/mm/yyyy"
                ws.cell(row=row, column=4, value=sec)
                ws.cell(row=row, column=15, value=st_txt)
            else:
                ditto = r.choice(["-do-", "-do-", "do", '"', "-Do-"])
                for col in (2, 3, 4, 15):
                    ws.cell(row=row, column=col, value=ditto if r.random() < 0.93 else r.choice(["-do-", "do"]))
            cat = {"victim": r.choice(["Victim", "Victim", "Affectee"]),
                   "smuggled_migrant": r.choice(["Smuggled Migrant", "Smuggled migrant", "S. Migrant"]),
                   "complainant": r.choice(["Complainant", "Complainant (father)", "Comp."])}[m.role]
            ws.cell(row=row, column=5, value=cat)
            name = spell(p.given, r, pv=0.35)
            hon = r.choice(MALE_HON) if p.sex == "male" and r.random() < 0.08 else ("Mst. " if p.sex == "female" and r.random() < 0.5 else "")
            ws.cell(row=row, column=6, value=hon + name)
            father = spell(p.father, r, pv=0.35)
            f_t = father
            if r.random() < 0.04:
                father, f_t = "", ""
            ws.cell(row=row, column=7, value=father)
            g = {"male": r.choice(["M", "Male", "مرد", "M"]), "female": r.choice(["F", "Female", "عورت"])}[p.sex]
            sex_t = {"M": "male", "Male": "male", "مرد": "male", "F": "female", "Female": "female", "عورت": "female"}[g]
            if r.random() < 0.08:
                g, sex_t = "", ("female" if hon.startswith("Mst") else "")
            ws.cell(row=row, column=8, value=g)
            dob_t, age_t = "", ""
            k = r.random()
            if k < 0.5:
                ws.cell(row=row, column=9, value=p.dob).number_format = "dd-mm-yyyy"
                dob_t, age_t = p.dob, (age_of(p.dob, c.date) if d_t else "")
            elif k < 0.75:
                ws.cell(row=row, column=9, value=fmt_date(p.dob, r.choice(["dot", "slash", "long"]), r))
                dob_t, age_t = p.dob, (age_of(p.dob, c.date) if d_t else "")
            elif k < 0.8:
                ws.cell(row=row, column=9, value="#VALUE!")
            elif k < 0.88:
                ws.cell(row=row, column=9, value="%d yrs" % rep_age(p, c.date, r))   # age typed in the DOB column
                age_t = int(ws.cell(row=row, column=9).value.split()[0])
            cn_t = ""
            if p.cnic and r.random() < 0.85:
                stl = r.choice(["num", "dash", "dash", "plain"])
                v, cn_t = fmt_cnic(p.cnic, stl)
                cc = ws.cell(row=row, column=10, value=v)
                if stl == "num":
                    cc.number_format = "0"
            elif r.random() < 0.5:
                ws.cell(row=row, column=10, value=r.choice(NA_CNIC))
            nat_t = ""
            if r.random() < 0.7:
                ws.cell(row=row, column=11, value=r.choice(["Pakistani", "Pakistani", "PAK", "پاکستانی"]))
                nat_t = "PAK"
            dist_t = ""
            if r.random() < 0.7:
                ws.cell(row=row, column=12, value=r.choice(GEO[p.district][0][:3]))
                dist_t = p.district
            if r.random() < 0.85:
                a, dd = addr_roman(p, r)
                ws.cell(row=row, column=13, value=a)
                dist_t = dd
            ph_t = ""
            if p.phone and r.random() < 0.6:
                v, ph_t = fmt_phone(p.phone, r.choice(["dash", "plain", "num"]))
                ws.cell(row=row, column=14, value=v)
            rem = ""
            src = m.extra.get("src")
            if c.extra["kind"] == "boat" and m.role == "victim":
                rem = r.choice(["Missing after boat capsized off Libya/Greece", "Reported missing in Libya", "Body not recovered"])
            elif src is not None and src.unit == "DEP":
                rem = "Deported from %s on %s" % (src.extra["country"], fmt_date(src.date, "dot"))
            elif m.role == "smuggled_migrant":
                rem = r.choice(["Offloaded at Sialkot airport (fake visit visa)", "Intercepted at Islamabad airport",
                                "Offloaded at AIIAP, travel agent arrested"])
            ws.cell(row=row, column=16, value=rem)
            T(fn, ws.title, row, 1, m, name, f_t, "", sex_t, age_t, dob_t, cn_t, ph_t, d_t, dist_t, nat_t, codes,
              None, [], cid_t, st, "", m.role, must=[hon + name])
            row += 1
    ws.cell(row=row, column=1, value="TOTAL")
    ws.cell(row=row, column=2, value="=COUNTA(F%d:F%d)" % (first, row - 1))
    cache(fn, ws.title, "B%d" % row, serial)
    ws.cell(row=row + 2, column=13, value="Assistant Director (AHT), FIA Composite Circle Gujrat")
    for i, w in enumerate([5, 12, 16, 24, 16, 22, 22, 6, 12, 16, 11, 14, 40, 14, 14, 36], 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    h = wb.create_sheet("Sheet3")
    h.sheet_state = "hidden"
    SHEETKIND.append((fn, "Sheet3", "hidden"))
    h.cell(row=1, column=1, value="for checking")
    for i, c in enumerate(S["gjt"][:10], 2):
        h.cell(row=i, column=1, value=c.idtxt)
        h.cell(row=i, column=2, value=" ".join(c.members[0].p.given))
    save_xlsx(wb, fn)


# ---------------------------------------------------------------------------
# 10. xlsx post-processing: cached formula values, fixed timestamps
# ---------------------------------------------------------------------------

def save_xlsx(wb, fn):
    wb.properties.creator = "FIA"
    wb.properties.lastModifiedBy = "focal person"
    buf = io.BytesIO()
    wb.save(buf)
    titles = [ws.title for ws in wb.worksheets]
    cached = FORMULA_CACHE.get(fn, {})
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    zout = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    for info in zin.infolist():
        data = zin.read(info.filename)
        m = re.match(r"xl/worksheets/sheet(\d+)\.xml$", info.filename)
        if m:
            title = titles[int(m.group(1)) - 1]
            vals = cached.get(title, {})
            if vals:
                txt = data.decode("utf-8")
                for ref, v in vals.items():
                    pat = re.compile(r'(<c r="%s"[^>]*>)(<f>.*?</f>)<v\s*/>' % ref)
                    if not pat.search(txt):
                        raise RuntimeError("formula cell %s!%s not found" % (title, ref))
                    txt = pat.sub(lambda mm: mm.group(1) + mm.group(2) + "<v>%s</v>" % v, txt, count=1)
                data = txt.encode("utf-8")
        if info.filename == "docProps/core.xml":
            txt = data.decode("utf-8")
            txt = re.sub(r"(<dcterms:created[^>]*>)[^<]*", r"\g<1>2023-11-03T09:00:00Z", txt)
            txt = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", r"\g<1>2023-11-03T09:30:00Z", txt)
            data = txt.encode("utf-8")
        zi = zipfile.ZipInfo(info.filename, date_time=(2023, 11, 3, 9, 30, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o600 << 16
        zout.writestr(zi, data)
    zout.close()
    write_bytes(fn, out.getvalue())


# ---------------------------------------------------------------------------
# 11. main
# ---------------------------------------------------------------------------
W_GLOBAL = None
CSV_ENC = {"CPWB_Lahore/rescued_children_Sep_Oct_2023.csv": ("utf-8-sig", ","),
           "NGO_Sahara_Trust/sahara_trust_intake_SepOct23.csv": ("cp1252", ";"),
           "FIA_Immigration_AIIAP/deportees_Sep2023.csv": ("utf-16", "\t")}


def read_rows(fn, sheet, base=None):
    """{row_number: [cell values]} as a spreadsheet user (or, for CSV, a careful reader) sees them"""
    path = os.path.join(base or OUTDIR, fn)
    out = {}
    if fn.endswith(".xlsx"):
        wb = openpyxl.load_workbook(path)
        ws = wb[sheet]
        for row in ws.iter_rows():
            out[row[0].row] = [c.value for c in row]
    elif fn.endswith(".xls"):
        import xlrd
        bk = xlrd.open_workbook(path)
        sh = bk.sheet_by_name(sheet)
        for i in range(sh.nrows):
            out[i + 1] = sh.row_values(i)
    else:
        enc, delim = CSV_ENC[fn]
        text = open(path, encoding=enc, newline="").read()
        if "NGO_" in fn:
            # an unterminated quote: a careful human reads this file line by line
            for i, line in enumerate(text.split("\r\n")[:-1], 1):
                out[i] = line.split(delim)
        else:
            for i, rec in enumerate(csv.reader(io.StringIO(text), delimiter=delim), 1):
                out[i] = rec
    return out


def count_nonempty_rows(fn, sheet):
    rows = read_rows(fn, sheet)
    return sum(1 for v in rows.values() if any(x not in (None, "") and str(x).strip() for x in v))


def main(outdir=None):
    global W_GLOBAL, OUTDIR
    OUTDIR = outdir or HERE
    TRUTH.clear()
    SHEETKIND.clear()
    CHECKS.clear()
    FORMULA_CACHE.clear()
    W = World(random.Random(SEED))
    W_GLOBAL = W
    S = build_scenario(W)
    # which deportees were passed on to a circle
    down = {}
    for key, unit in (("grw_sep", "GRW"), ("grw_oct", "GRW"), ("gjt", "GJT")):
        for c in S[key]:
            for m in c.members:
                src = m.extra.get("src")
                if src is not None and src.unit == "DEP" and id(src) not in down:
                    down[id(src)] = unit
    # each writer has its own random stream, so that editing one file leaves the others unchanged
    write_grw(S, random.Random(SEED + 1), "sep")
    write_grw(S, random.Random(SEED + 2), "oct")
    write_lhr(S, random.Random(SEED + 3))
    write_police(S, random.Random(SEED + 4))
    write_dua(S, random.Random(SEED + 5))
    write_cpwb(S, random.Random(SEED + 6))
    write_ngo(S, random.Random(SEED + 7))
    write_dep_sep(S, random.Random(SEED + 8), down)
    write_dep_oct(S, random.Random(SEED + 9), down)
    write_gjt(S, random.Random(SEED + 10))
    # truth
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=TRUTH_COLS, lineterminator="\n")
    w.writeheader()
    for t in TRUTH:
        w.writerow(t)
    write_bytes("truth.csv", buf.getvalue().encode("utf-8"))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["file", "sheet", "kind", "rows"])
    for f, sh, k in SHEETKIND:
        w.writerow([f, sh, k, count_nonempty_rows(f, sh)])
    write_bytes("sheet_kind.csv", buf.getvalue().encode("utf-8"))
    print("records:", len(TRUTH), "persons:", len({t["person_id"] for t in TRUTH}))


if __name__ == "__main__":
    main()
