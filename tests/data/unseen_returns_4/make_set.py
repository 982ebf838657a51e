#!/usr/bin/env python3
"""Seeded generator of a held-out set of Pakistani TIP/SOM monthly returns (Sep-Oct 2024).

All names, CNICs, phone numbers, FIR numbers and addresses are invented.
Run: python3 make_set.py   (writes the returns, truth.csv, sheet_kind.csv, README.md into this folder)
"""
import csv
import datetime as dt
import os
import random
import re

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
import xlwt

OUT = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20241031)
D = dt.date

# ----------------------------------------------------------------------------- gazetteer
# census district -> (province, roman place aliases, urdu place aliases, cnic prefix, roads named after other places)
P_, S_, K_, B_, I_, A_ = ('Punjab', 'Sindh', 'Khyber Pakhtunkhwa', 'Balochistan',
                          'Islamabad Capital Territory', 'Azad Jammu and Kashmir')
DIST = {
    'Faisalabad': (P_, ['Faisalabad', 'Lyallpur', 'Jaranwala', 'Samundri', 'Tandlianwala', 'Faislabad'], ['فیصل آباد', 'جڑانوالہ'], '33100', ['Sargodha Road', 'Jhang Road']),
    'Multan': (P_, ['Multan', 'Shujabad', 'Jalalpur Pirwala', 'Multan Cantt'], ['ملتان', 'شجاع آباد'], '36302', ['Vehari Road', 'Bahawalpur Road']),
    'Rawalpindi': (P_, ['Rawalpindi', 'Gujar Khan', 'Kahuta', 'Taxila', 'Pindi', 'Kallar Syedan'], ['راولپنڈی', 'گوجر خان', 'ٹیکسلا', 'کہوٹہ'], '37405', ['Peshawar Road', 'Murree Road']),
    'Lahore': (P_, ['Lahore', 'Raiwind', 'Shahdara', 'Lahore Cantt'], ['لاہور'], '35202', ['Multan Road', 'Ferozepur Road']),
    'Gujranwala': (P_, ['Gujranwala', 'Kamoke', 'Gujrawala', 'Nowshera Virkan'], ['گوجرانوالہ', 'کامونکے'], '34101', ['Sialkot Road', 'Hafizabad Road']),
    'Sialkot': (P_, ['Sialkot', 'Daska', 'Pasrur', 'Pasroor', 'Sambrial', 'Sailkot'], ['سیالکوٹ', 'ڈسکہ'], '34603', ['Daska Road']),
    'Gujrat': (P_, ['Gujrat', 'Kharian', 'Lalamusa', 'Gujarat'], ['گجرات', 'کھاریاں'], '34201', ['Bhimber Road']),
    'Mandi Bahauddin': (P_, ['Mandi Bahauddin', 'Phalia', 'Mandi Bahaud Din', 'Malakwal'], ['منڈی بہاؤالدین'], '34402', []),
    'Sheikhupura': (P_, ['Sheikhupura', 'Muridke', 'Mureedkay', 'Shekhupura', 'Ferozewala'], ['شیخوپورہ', 'مریدکے'], '35404', ['Lahore Road']),
    'Kasur': (P_, ['Kasur', 'Kot Radha Kishan', 'Qasur', 'Chunian', 'Pattoki'], ['قصور'], '35102', []),
    'Narowal': (P_, ['Narowal', 'Shakargarh'], ['نارووال'], '34501', []),
    'Hafizabad': (P_, ['Hafizabad', 'Hafiz Abad', 'Pindi Bhattian'], ['حافظ آباد'], '34301', []),
    'Sahiwal': (P_, ['Sahiwal', 'Montgomery', 'Chichawatni'], ['ساہیوال'], '36502', []),
    'Attock': (P_, ['Attock', 'Campbellpur', 'Fateh Jang', 'Hazro'], ['اٹک', 'فتح جنگ'], '37101', []),
    'Jhelum': (P_, ['Jhelum', 'Dina', 'Pind Dadan Khan'], ['جہلم', 'دینہ'], '37301', []),
    'Chakwal': (P_, ['Chakwal', 'Choa Saidan Shah'], ['چکوال'], '37201', []),
    'Vehari': (P_, ['Vehari', 'Burewala', 'Mailsi'], ['وہاڑی'], '36603', ['Multan Road']),
    'Khanewal': (P_, ['Khanewal', 'Mian Channu', 'Kabirwala'], ['خانیوال'], '36103', []),
    'Muzaffargarh': (P_, ['Muzaffargarh', 'Alipur', 'Jatoi'], ['مظفر گڑھ'], '32304', []),
    'Rahim Yar Khan': (P_, ['Rahim Yar Khan', 'Sadiqabad', 'R.Y. Khan', 'Khanpur'], ['رحیم یار خان'], '31303', []),
    'Bahawalpur': (P_, ['Bahawalpur', 'Ahmadpur East', 'Hasilpur'], ['بہاولپور'], '31202', []),
    'Dera Ghazi Khan': (P_, ['Dera Ghazi Khan', 'D.G. Khan', 'DG Khan'], ['ڈیرہ غازی خان'], '32102', []),
    'Toba Tek Singh': (P_, ['Toba Tek Singh', 'Gojra', 'Kamalia', 'T.T. Singh'], ['ٹوبہ ٹیک سنگھ'], '33301', []),
    'Jhang': (P_, ['Jhang', 'Shorkot', 'Athara Hazari'], ['جھنگ'], '33202', []),
    'Sargodha': (P_, ['Sargodha', 'Bhalwal', 'Kot Momin'], ['سرگودھا'], '38403', []),
    'Okara': (P_, ['Okara', 'Depalpur', 'Renala Khurd'], ['اوکاڑہ'], '35302', ['Depalpur Road']),
    'Islamabad': (I_, ['Islamabad', 'Bhara Kahu, Islamabad', 'Tarnol, Islamabad', 'G-9/2, Islamabad'], ['اسلام آباد', 'بھارہ کہو اسلام آباد'], '61101', []),
    'Peshawar': (K_, ['Peshawar', 'Peshawar Cantt', 'Hayatabad, Peshawar'], ['پشاور'], '17301', ['Charsadda Road', 'Kohat Road']),
    'Mardan': (K_, ['Mardan', 'Takht Bhai', 'Katlang'], ['مردان'], '16101', ['Nowshera Road']),
    'Swat': (K_, ['Swat', 'Mingora', 'Matta', 'Kabal'], ['سوات', 'مینگورہ'], '15602', []),
    'Charsadda': (K_, ['Charsadda', 'Tangi', 'Shabqadar'], ['چارسدہ'], '17101', []),
    'Nowshera': (K_, ['Nowshera', 'Pabbi', 'Jehangira'], ['نوشہرہ'], '17201', []),
    'Khyber': (K_, ['Khyber', 'Landi Kotal', 'Jamrud'], ['خیبر'], '21303', []),
    'Kohat': (K_, ['Kohat', 'Lachi'], ['کوہاٹ'], '14301', []),
    'Karachi East': (S_, ['Gulshan-e-Iqbal, Karachi', 'Gulistan-e-Jauhar, Karachi'], ['گلشن اقبال کراچی'], '42101', []),
    'Karachi West': (S_, ['Orangi Town, Karachi', 'Orangi, Karachi'], ['اورنگی ٹاؤن کراچی'], '42401', []),
    'Korangi': (S_, ['Landhi, Karachi', 'Korangi, Karachi'], ['لانڈھی کراچی'], '42201', []),
    'Karachi Central': (S_, ['North Nazimabad, Karachi', 'New Karachi'], ['نارتھ ناظم آباد کراچی'], '42101', []),
    'Hyderabad': (S_, ['Hyderabad', 'Latifabad, Hyderabad', 'Qasimabad, Hyderabad'], ['حیدرآباد'], '41303', []),
    'Shaheed Benazirabad': (S_, ['Nawabshah', 'Shaheed Benazirabad', 'Sakrand'], ['نواب شاہ'], '44201', []),
    'Quetta': (B_, ['Quetta', 'Satellite Town, Quetta'], ['کوئٹہ'], '54400', []),
    'Chagai': (B_, ['Taftan', 'Dalbandin', 'Chagai'], ['تفتان'], '54201', []),
    'Bhimber': (A_, ['Bhimber', 'Samahni', 'Barnala'], ['بھمبر'], '81102', []),
}
MOH = ['Islampura', 'Rehmanpura', 'Ghausia Colony', 'Madina Town', 'Samanabad', 'Nishatabad', 'Dhok Hassu',
       'Pir Wadhai', 'Dhok Kala Khan', 'Gulgasht Colony', 'Eidgah Mohallah', 'Peoples Colony', 'Mohallah Qazian',
       'Mohallah Sheikhan', 'Jinnah Colony', 'Bilal Town', 'Usmania Mohallah', 'Shadman Colony', 'Faisal Colony',
       'Gulshan Colony', 'Hussainabad', 'Mohallah Arain', 'Green Town', 'Allama Iqbal Colony', 'Khayaban Colony']
VIL = ['Kotli Jattan', 'Bhatti Kot', 'Kot Sultan', 'Jandiala', 'Dera Rahim', 'Pind Ranjha', 'Thatta Jaffar',
       'Dhok Bhalla', 'Chak Khurd', 'Mohri Wala', 'Basti Jamal', 'Kot Fateh', 'Dhoke Hafiz', 'Mauza Jhok',
       'Lohari Wala', 'Chah Bohar Wala', 'Sadiq Nagar', 'Garhi Daulat', 'Ismail Kot', 'Shah Wali']
MOH_UR = ['محلہ اسلام پورہ', 'ڈھوک حسو', 'پیر ودھائی', 'ڈھوک کالا خان', 'محلہ قاضیاں', 'جناح کالونی', 'بلال ٹاؤن',
          'غوثیہ کالونی', 'مدینہ ٹاؤن', 'محلہ شیخاں', 'فیصل کالونی', 'عثمانیہ محلہ', 'گلشن کالونی']
FOREIGN = {
    'AFG': ['Kabul, Afghanistan', 'Jalalabad, Nangarhar (Afghanistan)', 'Kunduz, Afghanistan', 'Kandahar, Afghanistan'],
    'BGD': ['Dhaka, Bangladesh', 'Jessore, Bangladesh', 'Village Char Fasson, Bhola (Bangladesh)', 'Khulna, Bangladesh'],
}

# ----------------------------------------------------------------------------- names (roman, urdu)
MALE = [('Muhammad Asif', 'محمد آصف'), ('Muhammad Imran', 'محمد عمران'), ('Muhammad Akram', 'محمد اکرم'),
        ('Muhammad Bilal', 'محمد بلال'), ('Muhammad Usman', 'محمد عثمان'), ('Zahid Hussain', 'زاہد حسین'),
        ('Shahid Iqbal', 'شاہد اقبال'), ('Tariq Mehmood', 'طارق محمود'), ('Khalid Mehmood', 'خالد محمود'),
        ('Naveed Ahmad', 'نوید احمد'), ('Waqas Ahmad', 'وقاص احمد'), ('Adnan Ali', 'عدنان علی'),
        ('Kamran Ali', 'کامران علی'), ('Ali Raza', 'علی رضا'), ('Ghulam Abbas', 'غلام عباس'),
        ('Ghulam Rasool', 'غلام رسول'), ('Ghulam Mustafa', 'غلام مصطفیٰ'), ('Allah Ditta', 'اللہ دتہ'),
        ('Allah Rakha', 'اللہ رکھا'), ('Irfan Ahmad', 'عرفان احمد'), ('Sajid Mehmood', 'ساجد محمود'),
        ('Abdul Rehman', 'عبدالرحمن'), ('Abdul Ghaffar', 'عبدالغفار'), ('Noor Muhammad', 'نور محمد'),
        ('Sher Khan', 'شیر خان'), ('Gul Zaman', 'گل زمان'), ('Fazal Rabi', 'فضل ربی'), ('Rahim Ullah', 'رحیم اللہ'),
        ('Zar Wali', 'زر ولی'), ('Nadeem Akhtar', 'ندیم اختر'), ('Arshad Mehmood', 'ارشد محمود'),
        ('Rashid Ali', 'راشد علی'), ('Javed Iqbal', 'جاوید اقبال'), ('Saleem Akhtar', 'سلیم اختر'),
        ('Faisal Hayat', 'فیصل حیات'), ('Hamza Ali', 'حمزہ علی'), ('Umar Farooq', 'عمر فاروق'),
        ('Shahzad Ahmad', 'شہزاد احمد'), ('Asad Abbas', 'اسد عباس'), ('Mudassar Hussain', 'مدثر حسین'),
        ('Qaiser Abbas', 'قیصر عباس'), ('Jamshed Iqbal', 'جمشید اقبال'), ('Yasir Arafat', 'یاسر عرفات'),
        ('Amjad Ali', 'امجد علی'), ('Ijaz Ahmad', 'اعجاز احمد'), ('Liaqat Ali', 'لیاقت علی'),
        ('Mushtaq Ahmad', 'مشتاق احمد'), ('Riaz Hussain', 'ریاض حسین'), ('Sarfraz Ahmad', 'سرفراز احمد'),
        ('Zulfiqar Ali', 'ذوالفقار علی'), ('Altaf Hussain', 'الطاف حسین'), ('Zafar Iqbal', 'ظفر اقبال'),
        ('Muhammad Ramzan', 'محمد رمضان'), ('Muhammad Sadiq', 'محمد صادق'), ('Muhammad Nawaz', 'محمد نواز'),
        ('Muhammad Hanif', 'محمد حنیف'), ('Muhammad Saleem', 'محمد سلیم'), ('Abdul Qadir', 'عبدالقادر'),
        ('Sana Ullah', 'ثناء اللہ'), ('Inam Ullah', 'انعام اللہ'), ('Shafiq Ahmad', 'شفیق احمد'),
        ('Mehboob Alam', 'محبوب عالم'), ('Aurangzeb', 'اورنگزیب'), ('Dilawar Khan', 'دلاور خان'),
        ('Wajid Ali', 'واجد علی'), ('Ahsan Raza', 'احسن رضا'), ('Haider Ali', 'حیدر علی'),
        ('Zeeshan Haider', 'ذیشان حیدر'), ('Nasir Mehmood', 'ناصر محمود'), ('Munir Ahmad', 'منیر احمد'),
        ('Fayyaz Hussain', 'فیاض حسین'), ('Javed Akhtar', 'جاوید اختر'), ('Muhammad Javed', 'محمد جاوید'),
        ('Khurram Shahzad', 'خرم شہزاد'), ('Tanveer Ahmad', 'تنویر احمد'), ('Mazhar Iqbal', 'مظہر اقبال')]
BOYS = [('Ali Hamza', 'علی حمزہ'), ('Abdullah', 'عبداللہ'), ('Muhammad Hasnain', 'محمد حسنین'),
        ('Ahmad Raza', 'احمد رضا'), ('Subhan Ali', 'سبحان علی'), ('Hamid Ali', 'حامد علی'), ('Shehroz', 'شہروز'),
        ('Muhammad Rizwan', 'محمد رضوان'), ('Arslan', 'ارسلان'), ('Danish', 'دانش'), ('Muhammad Ahmad', 'محمد احمد'),
        ('Usman Ghani', 'عثمان غنی'), ('Bilal Hussain', 'بلال حسین'), ('Muhammad Zain', 'محمد زین'), ('Saad Ali', 'سعد علی')]
FEMALE = [('Nasreen Bibi', 'نسرین بی بی'), ('Parveen Akhtar', 'پروین اختر'), ('Shazia Bibi', 'شازیہ بی بی'),
          ('Rubina Kausar', 'روبینہ کوثر'), ('Kausar Parveen', 'کوثر پروین'), ('Sajida Bibi', 'ساجدہ بی بی'),
          ('Naseem Akhtar', 'نسیم اختر'), ('Samina Bibi', 'ثمینہ بی بی'), ('Rukhsana Bibi', 'رخسانہ بی بی'),
          ('Shabana', 'شبانہ'), ('Fatima Bibi', 'فاطمہ بی بی'), ('Ayesha Siddiqa', 'عائشہ صدیقہ'),
          ('Zainab Bibi', 'زینب بی بی'), ('Hina Naz', 'حنا ناز'), ('Sadia Parveen', 'سعدیہ پروین'),
          ('Nazia Bibi', 'نازیہ بی بی'), ('Bushra Bibi', 'بشریٰ بی بی'), ('Asma Bibi', 'عاصمہ بی بی'),
          ('Saima Naz', 'صائمہ ناز'), ('Farzana Kausar', 'فرزانہ کوثر'), ('Ghazala Parveen', 'غزالہ پروین'),
          ('Iqra Batool', 'اقراء بتول'), ('Maryam Bibi', 'مریم بی بی'), ('Sana Bibi', 'ثناء بی بی'),
          ('Khadija Bibi', 'خدیجہ بی بی'), ('Razia Sultana', 'رضیہ سلطانہ'), ('Noreen Akhtar', 'نورین اختر'),
          ('Tahira Parveen', 'طاہرہ پروین'), ('Amina Bibi', 'آمنہ بی بی'), ('Sumaira Bibi', 'سمیرا بی بی'),
          ('Misbah', 'مصباح'), ('Mehwish', 'مہوش'), ('Kiran Shahzadi', 'کرن شہزادی'), ('Rehana Kausar', 'ریحانہ کوثر'),
          ('Nusrat Bibi', 'نصرت بی بی'), ('Shamim Akhtar', 'شمیم اختر'), ('Mumtaz Begum', 'ممتاز بیگم'),
          ('Safia Bibi', 'صفیہ بی بی'), ('Anila', 'انیلہ'), ('Uzma Parveen', 'عظمیٰ پروین'), ('Naseem Bibi', 'نسیم بی بی'),
          ('Robina Yasmin', 'روبینہ یاسمین'), ('Shaista Parveen', 'شائستہ پروین'), ('Nasreen Akhtar', 'نسرین اختر')]
GIRLS = [('Mahnoor', 'ماہ نور'), ('Areeba', 'اریبہ'), ('Laiba', 'لائبہ'), ('Alishba', 'علیشبہ'), ('Hafsa', 'حفصہ'),
         ('Muskan', 'مسکان'), ('Eman Fatima', 'ایمان فاطمہ'), ('Kinza', 'کنزہ'), ('Iqra', 'اقراء'), ('Zainab', 'زینب'),
         ('Ayesha', 'عائشہ'), ('Noor Fatima', 'نور فاطمہ'), ('Sana', 'ثناء'), ('Rimsha', 'رمشا')]
TG = [('Bindiya', 'بندیا'), ('Nadra', 'نادرہ'), ('Shabnam', 'شبنم'), ('Payal', 'پائل'), ('Reshma', 'ریشماں'), ('Nisha', 'نشا')]
AFGHAN = [('Gul Agha', 'گل آغا'), ('Abdul Wali', 'عبدالولی'), ('Naqibullah', 'نقیب اللہ'), ('Zabihullah', 'ذبیح اللہ'),
          ('Hayatullah', 'حیات اللہ'), ('Noorullah', 'نور اللہ'), ('Mirwais', 'میرویس'), ('Jan Agha', 'جان آغا'),
          ('Shafiullah', 'شفیع اللہ'), ('Khan Mohammad', 'خان محمد'), ('Abdul Basir', 'عبدالبصیر'), ('Ahmad Shah', 'احمد شاہ')]
BENGALI_F = [('Rahima Khatun', ''), ('Shirin Akter', ''), ('Nasima Begum', ''), ('Moushumi Akter', ''),
             ('Taslima Khatun', ''), ('Rozina Begum', ''), ('Salma Akter', ''), ('Jesmin Nahar', '')]
BENGALI_M = [('Abdul Karim', ''), ('Rafiqul Islam', ''), ('Shahidul Islam', ''), ('Nurul Amin', ''), ('Abul Kalam', '')]

VAR = {'Muhammad': ['Mohammad', 'Mohd', 'Muhammed', 'M.'], 'Hussain': ['Husain', 'Hussein'], 'Zahid': ['Zaheed'],
       'Ahmad': ['Ahmed'], 'Parveen': ['Perveen', 'Parvin'], 'Ghulam': ['Gulam'], 'Rehman': ['Rahman'],
       'Mehmood': ['Mahmood', 'Mehmud'], 'Kausar': ['Kosar', 'Kauser'], 'Akhtar': ['Akhter'], 'Naseem': ['Nasim'],
       'Nasreen': ['Nasrin'], 'Rasool': ['Rasul'], 'Saleem': ['Salim'], 'Hanif': ['Haneef'], 'Ramzan': ['Ramazan'],
       'Javed': ['Javaid'], 'Shahzad': ['Shehzad'], 'Fayyaz': ['Fiaz'], 'Ijaz': ['Aijaz'], 'Riaz': ['Riyaz'],
       'Munir': ['Muneer'], 'Yasir': ['Yaser'], 'Khadija': ['Khadeeja'], 'Ayesha': ['Aisha'], 'Fatima': ['Fatma'],
       'Farooq': ['Farooque'], 'Usman': ['Osman'], 'Waqas': ['Waqqas'], 'Shahzadi': ['Shehzadi'], 'Tanveer': ['Tanvir']}
UR_DIG = str.maketrans('0123456789', '۰۱۲۳۴۵۶۷۸۹')
MON = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
       'November', 'December']
UR_MON = ['', 'جنوری', 'فروری', 'مارچ', 'اپریل', 'مئی', 'جون', 'جولائی', 'اگست', 'ستمبر', 'اکتوبر', 'نومبر', 'دسمبر']


def ud(s):
    return str(s).translate(UR_DIG)


def ch(seq):
    return R.choice(seq)


def wch(pairs):
    tot = sum(w for _, w in pairs)
    x = R.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def ordsuf(n):
    return 'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')


def fdate(d, style):
    if style == 'dot':
        return d.strftime('%d.%m.%Y')
    if style == 'dash':
        return d.strftime('%d-%m-%Y')
    if style == 'slash':
        return d.strftime('%d/%m/%Y')
    if style == 'slash_yy':
        return d.strftime('%d/%m/%y')
    if style == 'mon_yy':
        return d.strftime('%d-%b-%y')
    if style == 'mon_yyyy':
        return d.strftime('%d-%b-%Y')
    if style == 'ord':
        return '%d%s %s %d' % (d.day, ordsuf(d.day), MON[d.month], d.year)
    if style == 'ord_short':
        return '%d%s %s %d' % (d.day, ordsuf(d.day), MON[d.month][:3], d.year)
    if style == 'us':
        m = 'Sept' if d.month == 9 else MON[d.month][:3]
        return '%s %d, %d' % (m, d.day, d.year)
    if style == 'iso':
        return d.isoformat()
    if style == 'short_dot':
        return '%d.%d.%s' % (d.day, d.month, str(d.year)[2:])
    if style == 'ur_text':
        return '%s %s %s' % (ud(d.day), UR_MON[d.month], ud(d.year))
    if style == 'ur_dash':
        return ud(d.strftime('%d-%m-%Y'))
    if style == 'ur_mixed':
        return '%d %s %d' % (d.day, UR_MON[d.month], d.year)
    raise ValueError(style)


def rand_date(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


def age_at(dob, d):
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))


# ----------------------------------------------------------------------------- law
SEC = {
    'tip': [('3/4 PTPA', ['PTPA 3', 'PTPA 4']), ('3 PTPA 2018', ['PTPA 3']),
            ('3/4 PTPA r/w 371-A PPC', ['PTPA 3', 'PTPA 4', 'PPC 371-A']),
            ('Sec. 3 of PTPA, 2018 r/w 370/371-A PPC', ['PTPA 3', 'PPC 370', 'PPC 371-A']),
            ('3 PTPA r/w 365-B PPC', ['PTPA 3', 'PPC 365-B'])],
    'tip_related': [('371-A/371-B PPC', ['PPC 371-A', 'PPC 371-B']), ('365-B PPC', ['PPC 365-B']),
                    ('366-A/366-B PPC', ['PPC 366-A', 'PPC 366-B']), ('370/371-A PPC', ['PPC 370', 'PPC 371-A']),
                    ('374 PPC', ['PPC 374']), ('365-B/376 PPC', ['PPC 365-B', 'PPC 376']), ('371-A PPC', ['PPC 371-A'])],
    'som': [('3 PSMA 2018', ['PSMA 3']), ('3/4 PSMA', ['PSMA 3', 'PSMA 4']),
            ('Sec 3 PSMA r/w 17 EO', ['PSMA 3', 'EO 17'])],
    'both': [('3 PTPA / 3 PSMA', ['PTPA 3', 'PSMA 3']), ('3/4 PTPA r/w 3 PSMA 2018', ['PTPA 3', 'PTPA 4', 'PSMA 3'])],
    'migration_fraud': [('22 E.O.', ['EO 22']), ('18/22 EO 1979', ['EO 18', 'EO 22']),
                        ('22(b) EO r/w 420 PPC', ['EO 22', 'PPC 420']), ('17/22 E.O.', ['EO 17', 'EO 22']),
                        ('22 E.O. r/w 420/468/471 PPC', ['EO 22', 'PPC 420', 'PPC 468', 'PPC 471'])],
    'som_related': [('17 E.O.', ['EO 17']), ('17(2) EO', ['EO 17']), ('17 EO r/w 6 Passport Act 1974', ['EO 17', 'PASSPORT_ACT 6'])],
    'other': [('420/468/471 PPC', ['PPC 420', 'PPC 468', 'PPC 471']), ('14 Foreigners Act', ['FA 14'])],
}


def crime_type(secs):
    acts = [s.split(' ')[0] for s in secs]
    nums = set(secs)
    tip = 'PTPA' in acts or 'PACHTO' in acts
    if tip and 'PSMA' in acts:
        return 'both'
    if tip:
        return 'tip'
    if 'PSMA' in acts:
        return 'som'
    if nums & {'PPC 365-B', 'PPC 366-A', 'PPC 366-B', 'PPC 370', 'PPC 371', 'PPC 371-A', 'PPC 371-B', 'PPC 374'}:
        return 'tip_related'
    if nums & {'EO 18', 'EO 22'}:
        return 'migration_fraud'
    if 'EO 17' in nums:
        return 'som_related'
    return 'other' if secs else ''


STATUS = {'investigation': ['u/inv', 'U/Inv.', 'PUI', 'Under investigation', 'Under Investgation', 'U/I'],
          'prosecution': ['Challaned', 'challaned', 'Challan submitted', 'PUT', 'Under trial', 'Chalaned'],
          'convicted': ['Convicted', 'Convicted 5 yrs RI', 'Conv. 3 yrs + fine'],
          'acquitted': ['Acquitted', 'Acquited'],
          'absconding': ['P.O.', 'Accused absconding'],
          'closed': ['Cancelled', 'Untraced', 'Closed/filed']}
STATUS_W = [('investigation', 55), ('prosecution', 20), ('convicted', 5), ('acquitted', 3), ('absconding', 9), ('closed', 8)]
PROT = {'restored_to_family': ['Restored to parents', 'Handed over to husband', 'Reunited with family',
                               'Handed over to parents on surety'],
        'in_shelter': ['Still in DUA', 'Under stay', 'Residing', 'In shelter', 'Staying at DUA'],
        'referred': ['Referred to CPB', 'Referred to Edhi', 'Referred to Panah shelter', 'Referred for legal aid'],
        'escaped': ['Escaped', 'Ran away', 'Left shelter without permission'],
        'discharged': ['Discharged on court order', 'Released on own request', 'Case closed - discharged'],
        'repatriated': ['Repatriated to Bangladesh']}
PROT_UR = {'restored_to_family': 'والدین کے حوالے', 'in_shelter': 'ادارہ میں مقیم', 'referred': 'دارالامان ریفر',
           'escaped': 'فرار', 'discharged': 'عدالتی حکم پر رہا'}
EXPL = {'sexual_exploitation': ['Prostitution', 'Commercial sex', 'forced into prostitution', 'kept in brothel'],
        'forced_labour': ['Forced labour', 'made to work without wages', 'forced labour in factory'],
        'bonded_labour': ['brick kiln (peshgi)', 'bonded labour at bhatta', 'debt bondage'],
        'domestic_servitude': ['Domestic servitude', 'kept as maid', 'unpaid domestic work', 'child domestic labour'],
        'begging': ['Begging', 'forced begging'],
        'forced_marriage': ['Forced marriage', 'sold in marriage', 'sold for marriage'],
        'mixed': ['Sexual + labour'],
        'other': ['held for ransom in safe house']}
EXPL_UR = {'sexual_exploitation': 'جنسی استحصال', 'forced_labour': 'جبری مشقت', 'domestic_servitude': 'گھریلو ملازمت',
           'begging': 'گداگری'}
EXPL_W = [('sexual_exploitation', 25), ('forced_labour', 12), ('bonded_labour', 10), ('domestic_servitude', 18),
          ('begging', 10), ('forced_marriage', 15), ('mixed', 3), ('other', 3)]

# ----------------------------------------------------------------------------- persons
PERSONS = []


def mk_cnic(dist, sex):
    pre = DIST[dist][3]
    last = R.choice([1, 3, 5, 7, 9]) if sex == 'male' else R.choice([2, 4, 6, 8])
    return pre + '%07d' % R.randint(1000000, 9999999) + str(last)


def mk_phone():
    return '03' + ch(['00', '01', '02', '03', '05', '06', '07', '08', '09', '11', '12', '13', '15', '21', '22',
                      '33', '34', '36', '45', '47']) + '%07d' % R.randint(0, 9999999)


HOME_W = {
    'adult_f': [('Multan', 14), ('Faisalabad', 8), ('Lahore', 8), ('Rawalpindi', 8), ('Muzaffargarh', 6), ('Khanewal', 5),
                ('Vehari', 5), ('Bahawalpur', 4), ('Rahim Yar Khan', 4), ('Dera Ghazi Khan', 4), ('Kasur', 3), ('Okara', 3),
                ('Sahiwal', 3), ('Sheikhupura', 3), ('Islamabad', 3), ('Karachi East', 3), ('Karachi West', 3), ('Korangi', 2),
                ('Hyderabad', 2), ('Jhang', 3), ('Toba Tek Singh', 2), ('Peshawar', 2), ('Swat', 1), ('Attock', 1),
                ('Shaheed Benazirabad', 1), ('Quetta', 1)],
    'child': [('Rawalpindi', 30), ('Islamabad', 8), ('Attock', 5), ('Jhelum', 4), ('Chakwal', 4), ('Muzaffargarh', 4),
              ('Rahim Yar Khan', 3), ('Dera Ghazi Khan', 3), ('Peshawar', 3), ('Swat', 2), ('Multan', 3), ('Faisalabad', 3),
              ('Lahore', 3), ('Karachi West', 2), ('Okara', 2), ('Sargodha', 2)],
    'migrant': [('Gujranwala', 14), ('Sialkot', 12), ('Gujrat', 12), ('Mandi Bahauddin', 10), ('Sheikhupura', 6),
                ('Hafizabad', 6), ('Faisalabad', 6), ('Narowal', 4), ('Jhelum', 4), ('Bhimber', 4), ('Peshawar', 4),
                ('Swat', 4), ('Mardan', 4), ('Charsadda', 3), ('Multan', 3), ('Lahore', 3), ('Kasur', 2), ('Okara', 2),
                ('Toba Tek Singh', 2), ('Sargodha', 2), ('Rawalpindi', 2), ('Chagai', 1), ('Quetta', 1), ('Kohat', 2),
                ('Nowshera', 2), ('Attock', 2)],
    'accused': [('Gujranwala', 6), ('Sialkot', 5), ('Gujrat', 5), ('Mandi Bahauddin', 4), ('Faisalabad', 7), ('Multan', 7),
                ('Lahore', 6), ('Rawalpindi', 7), ('Peshawar', 6), ('Khyber', 3), ('Mardan', 3), ('Karachi East', 4),
                ('Karachi Central', 3), ('Korangi', 3), ('Karachi West', 2), ('Quetta', 2), ('Chagai', 2), ('Islamabad', 3),
                ('Muzaffargarh', 2), ('Sheikhupura', 3), ('Kasur', 2), ('Jhang', 2), ('Bahawalpur', 2), ('Hyderabad', 2)],
    'complainant': [('Faisalabad', 8), ('Multan', 8), ('Rawalpindi', 12), ('Islamabad', 3), ('Jhang', 3), ('Toba Tek Singh', 3),
                    ('Gujranwala', 3), ('Sialkot', 3), ('Gujrat', 3), ('Khanewal', 3), ('Vehari', 3), ('Attock', 3),
                    ('Jhelum', 2), ('Chakwal', 2), ('Bahawalpur', 2)],
    'tg': [('Karachi East', 3), ('Korangi', 2), ('Rawalpindi', 3), ('Islamabad', 2), ('Lahore', 2), ('Hyderabad', 1)],
}
AFG_PK = ['Peshawar', 'Khyber', 'Nowshera', 'Karachi West', 'Quetta']


def new_person(kind, name_pair=None, father_pair=None):
    p = {'pid': 'P%04d' % (len(PERSONS) + 1), 'kind': kind, 'nat': 'PAK', 'husband': None, 'foreign_addr': None}
    ref = D(2024, 9, 15)
    if kind == 'adult_f':
        p['sex'] = 'female'; age = R.randint(18, 45); pool = FEMALE
    elif kind == 'child':
        p['sex'] = ch(['female', 'male', 'female']); age = R.randint(7, 17)
        pool = GIRLS + FEMALE[:12] if p['sex'] == 'female' else BOYS + MALE[:20]
    elif kind in ('migrant', 'accused', 'complainant'):
        p['sex'] = 'male'
        age = R.randint(19, 40) if kind == 'migrant' else (R.randint(25, 60) if kind == 'accused' else R.randint(30, 66))
        pool = MALE
        if kind == 'accused' and R.random() < 0.12:
            p['sex'] = 'female'; pool = FEMALE; age = R.randint(30, 55)
    elif kind == 'afghan':
        p['sex'] = 'male'; age = R.randint(18, 40); pool = AFGHAN; p['nat'] = 'AFG'
    elif kind == 'bengali':
        p['sex'] = 'female'; age = R.randint(18, 30); pool = BENGALI_F; p['nat'] = 'BGD'
    elif kind == 'tg':
        p['sex'] = 'transgender'; age = R.randint(20, 40); pool = TG
    p['name'] = name_pair or ch(pool)
    fpool = AFGHAN if kind == 'afghan' else (BENGALI_M if kind == 'bengali' else MALE)
    p['father'] = father_pair or ch(fpool)
    while p['father'][0] == p['name'][0]:
        p['father'] = ch(fpool)
    p['dob'] = ref - dt.timedelta(days=int(age * 365.25) + R.randint(0, 360))
    if kind == 'adult_f' and R.random() < 0.6 and age >= 20:
        p['husband'] = ch(MALE)
    if kind == 'accused' and p['sex'] == 'female' and R.random() < 0.7:
        p['husband'] = ch(MALE)
    if kind == 'afghan':
        if R.random() < 0.55:
            p['foreign_addr'] = ch(FOREIGN['AFG']); p['dist'] = None
        else:
            p['dist'] = ch(AFG_PK)
        p['cnic'] = None
    elif kind == 'bengali':
        p['foreign_addr'] = ch(FOREIGN['BGD']); p['dist'] = None; p['cnic'] = None
    else:
        p['dist'] = wch(HOME_W[kind if kind in HOME_W else 'adult_f'])
        p['cnic'] = mk_cnic(p['dist'], 'male' if p['sex'] == 'transgender' else p['sex'])
    p['phone'] = mk_phone()
    p['moh'] = ch(MOH); p['moh_ur'] = ch(MOH_UR); p['vil'] = ch(VIL); p['hno'] = R.randint(1, 980)
    p['chak'] = '%d %s' % (R.randint(5, 580), ch(['RB', 'GB', 'JB', 'WB', 'EB']))
    p['files'] = []
    PERSONS.append(p)
    return p


def variant(roman, keep=0.72):
    toks = roman.split(' ')
    out = []
    for t in toks:
        if t in VAR and R.random() > keep:
            out.append(ch(VAR[t]))
        else:
            out.append(t)
    s = ' '.join(out)
    if ' Ullah' in s and R.random() < 0.3:
        s = s.replace(' Ullah', 'ullah')
    return s


HON_F = ['Mst.', 'Mst.', 'Mst.', 'Mst']
HON_M = ['Haji', 'Ch.', 'Malik', 'Rana', 'Mian', 'Syed']


def address(p, script='roman', style=None):
    if p['foreign_addr']:
        return p['foreign_addr'], '', ''
    dist = p['dist']
    prov, places, urp, _, roads = DIST[dist]
    if script == 'urdu':
        return '%s، %s' % (p['moh_ur'], ch(urp)), dist, prov
    place = ch(places)
    st = style or wch([('moh', 30), ('hno', 20), ('vil', 20), ('chak', 8), ('road', 10), ('plain', 12)])
    if st == 'vil' and ',' in place:
        st = 'moh'
    if st == 'road' and not roads:
        st = 'moh'
    if st == 'chak' and dist not in CHAK_D:
        st = 'moh'
    if st == 'moh':
        a = 'Mohallah %s, %s' % (p['moh'], place) if 'Mohallah' not in p['moh'] else '%s, %s' % (p['moh'], place)
    elif st == 'hno':
        a = 'H.No. %d, St. %d, %s, %s' % (p['hno'], p['hno'] % 17 + 1, p['moh'], place)
    elif st == 'vil':
        teh = place if ',' not in place else dist
        a = 'Village %s, Tehsil %s, Distt. %s' % (p['vil'], teh, dist) if R.random() < 0.5 else 'Moza %s, %s' % (p['vil'], place)
    elif st == 'chak':
        a = 'Chak No. %s, %s' % (p['chak'], place)
    elif st == 'road':
        a = '%s, %s' % (ch(roads), dist if R.random() < 0.5 else (place if ',' not in place else dist))
        a = 'House %d, near %s' % (p['hno'], a) if R.random() < 0.4 else a
    else:
        a = place
    return a, dist, prov


CHAK_D = ['Faisalabad', 'Toba Tek Singh', 'Jhang', 'Sahiwal', 'Okara', 'Vehari', 'Khanewal', 'Bahawalpur', 'Sargodha',
          'Multan']


def cnic_text(c, allow_num=False):
    """(cell value, truth digits)"""
    st = wch([('dash', 60), ('plain', 18), ('num', 10 if allow_num else 0), ('typo', 10), ('digit_typo', 2)])
    if st == 'digit_typo':
        i = R.randint(5, 11)
        c = c[:i] + str((int(c[i]) + R.randint(1, 8)) % 10) + c[i + 1:]
        st = 'dash'
    if st == 'dash':
        return '%s-%s-%s' % (c[:5], c[5:12], c[12]), c
    if st == 'plain':
        return c, c
    if st == 'num':
        return int(c), c
    v = ch(['%s-%s -%s', '%s %s %s', '%s%s-%s', '%s-%s%s', '%s_%s_%s'])
    return v % (c[:5], c[5:12], c[12]), c


def phone_text(ph, allow_num=False):
    st = wch([('dash', 45), ('plain', 25), ('intl', 15), ('space', 10), ('num', 10 if allow_num else 0)])
    if st == 'dash':
        return ph[:4] + '-' + ph[4:], ph
    if st == 'plain':
        return ph, ph
    if st == 'intl':
        return '+92' + ph[1:], '92' + ph[1:]
    if st == 'space':
        return '+92 %s %s' % (ph[1:4], ph[4:]), '92' + ph[1:]
    return int(ph), ph[1:]


def wage(p, d):
    """written age for this appearance (true age +-1 sometimes)"""
    a = age_at(p['dob'], d)
    j = wch([(0, 80), (1, 10), (-1, 10)])
    return max(1, a + j)


def rel_parts(p, mode='inline'):
    """returns (text, father_truth, husband_truth, sex_by_rel) for inline relation text"""
    fa = variant(p['father'][0])
    if p['sex'] == 'female' and p['husband']:
        hu = variant(p['husband'][0])
        k = wch([('w', 55), ('d', 25), ('dw', 20)])
        if k == 'w':
            return ('w/o %s' % hu, '', hu, 'female')
        if k == 'd':
            return ('d/o %s' % fa, fa, '', 'female')
        return ('d/o %s w/o %s' % (fa, hu), fa, hu, 'female')
    if p['sex'] == 'female':
        return ('d/o %s' % fa, fa, '', 'female')
    return ('s/o %s' % fa, fa, '', 'male')


def cap_rel(t):
    return t.replace('s/o', ch(['s/o', 'S/O', 'S/o'])).replace('d/o', ch(['d/o', 'D/O', 'D/o'])).replace('w/o', ch(['w/o', 'W/O', 'W/o']))


def rel_norm(t):
    return t  # relation words already canonical in truth (names only)


def name_written(p, hon_p=0.3):
    nm = variant(p['name'][0])
    w = nm
    if R.random() < hon_p:
        if p['sex'] == 'female':
            w = ch(HON_F) + ' ' + nm
        elif p['sex'] == 'male' and p['kind'] in ('accused', 'complainant', 'migrant'):
            w = ch(HON_M) + ' ' + nm
    return w, nm


# ----------------------------------------------------------------------------- truth
TRUTH = []
SHEETKIND = []
COLS = ['file', 'sheet', 'row', 'victim_index', 'person_id', 'name', 'father_name', 'husband_name', 'sex', 'age',
        'date_of_birth', 'cnic', 'phone', 'date', 'district', 'province', 'nationality', 'law_sections', 'crime_type',
        'exploitation', 'case_id', 'case_status', 'protection_status', 'role']


def T(file, sheet, row, vi, p, name, role, date, father='', husband='', sex='', age='', dob='', cnic='', phone='',
      district='', province='', law=None, case_id='', status='', expl='', prot='', nat=None):
    law = law or []
    TRUTH.append({'file': file, 'sheet': sheet, 'row': row, 'victim_index': vi, 'person_id': p['pid'], 'name': name,
                  'father_name': father, 'husband_name': husband, 'sex': sex, 'age': '' if age in (None, '') else str(age),
                  'date_of_birth': dob.isoformat() if dob else '', 'cnic': cnic or '', 'phone': phone or '',
                  'date': date.isoformat(), 'district': district, 'province': province,
                  'nationality': nat if nat is not None else p['nat'], 'law_sections': ';'.join(law),
                  'crime_type': crime_type(law), 'exploitation': expl if role == 'victim' else '', 'case_id': case_id,
                  'case_status': status, 'protection_status': prot, 'role': role})
    p['files'].append(file)


# ----------------------------------------------------------------------------- allocation of persons to files
F1 = 'AHTC_Faisalabad_Monthly_Return_Sep-Oct_2024.xlsx'
F2 = 'AHTC Multan Return Sept-Oct 24.xls'
F3 = 'AHTC_Peshawar_Statement_Sep_Oct_2024.csv'
F4 = 'AHTC_Karachi_TIP_SOM_Sep-Oct2024.xlsx'
F5 = 'Rawalpindi_Police_TIP_Register_2024.csv'
F6 = 'DUA_Multan_Admission_Register_Sep-Oct_2024.xlsx'
F7 = 'CPB_Rawalpindi_Monthly_Sep_Oct_2024_Urdu.xlsx'
F8 = 'Umeed_Helpline_Referrals_Sep-Oct_2024.csv'
F9 = 'Immigration_AIIAP_Lahore_Deportees_Sep-Oct_2024.csv'
FILES = [F1, F2, F3, F4, F5, F6, F7, F8, F9]

PRIMARY = {
    F1: {'adult_f': 70, 'child': 16, 'migrant': 58, 'accused': 80, 'complainant': 30},
    F2: {'adult_f': 58, 'migrant': 80, 'accused': 70, 'complainant': 34},
    F3: {'migrant': 100, 'afghan': 58, 'accused': 62, 'complainant': 10},
    F4: {'adult_f': 55, 'child': 16, 'migrant': 34, 'afghan': 16, 'bengali': 28, 'tg': 9, 'accused': 68},
    F5: {'adult_f': 50, 'child': 44, 'tg': 4, 'accused': 62, 'complainant': 52},
    F6: {'adult_f': 160},
    F7: {'child': 180},
    F8: {'adult_f': 80, 'child': 44, 'tg': 7},
    F9: {'migrant': 260},
}
COMPAT = {
    'adult_f': {F6: [(F2, 4), (F8, 4), (F1, 1)], F2: [(F6, 5), (F8, 2)], F1: [(F6, 2), (F8, 3), (F5, 1)],
                F4: [(F8, 2), (F1, 1)], F5: [(F8, 3), (F6, 2), (F1, 1)], F8: [(F6, 4), (F5, 3), (F1, 2), (F4, 1)]},
    'child': {F7: [(F5, 6), (F8, 3)], F5: [(F7, 6), (F8, 2)], F8: [(F7, 4), (F5, 2)], F1: [(F8, 1), (F7, 1)],
              F4: [(F8, 1)]},
    'migrant': {F9: [(F1, 4), (F2, 4), (F3, 3), (F4, 1)], F1: [(F9, 5), (F2, 1)], F2: [(F9, 5), (F1, 1)],
                F3: [(F9, 3), (F4, 2)], F4: [(F9, 2), (F3, 2)]},
    'afghan': {F3: [(F4, 1)], F4: [(F3, 1)]},
    'accused': {F1: [(F2, 2), (F9, 0), (F4, 1), (F5, 1)], F2: [(F1, 2), (F4, 1)], F3: [(F4, 2), (F1, 1)],
                F4: [(F3, 2), (F1, 1)], F5: [(F1, 1), (F4, 1)]},
    'complainant': {F1: [(F2, 1)], F2: [(F1, 1)], F5: [(F1, 1)]},
    'tg': {F4: [(F8, 1)], F8: [(F4, 1), (F5, 1)], F5: [(F8, 1)]},
}
MULTI_P = {'adult_f': 0.30, 'child': 0.34, 'migrant': 0.33, 'afghan': 0.22, 'accused': 0.22, 'complainant': 0.08,
           'tg': 0.35, 'bengali': 0.0}

FILE_PERSONS = {f: [] for f in FILES}
for f in FILES:
    for kind, n in PRIMARY[f].items():
        for _ in range(n):
            p = new_person(kind)
            p['alloc'] = [f]
            FILE_PERSONS[f].append(p)
# cross-file appearances
for p in list(PERSONS):
    f = p['alloc'][0]
    opts = [x for x in COMPAT.get(p['kind'], {}).get(f, []) if x[1] > 0]
    if opts and R.random() < MULTI_P[p['kind']]:
        g = wch(opts)
        p['alloc'].append(g); FILE_PERSONS[g].append(p)
        opts2 = [x for x in COMPAT[p['kind']].get(g, []) if x[0] not in p['alloc'] and x[1] > 0]
        if opts2 and R.random() < 0.12:
            h = wch(opts2)
            p['alloc'].append(h); FILE_PERSONS[h].append(p)
# namesakes: same name (and sometimes the same father name), different persons
NAMESAKES = []
for _ in range(46):
    src = ch([q for q in PERSONS if q['kind'] in ('adult_f', 'migrant', 'accused', 'child', 'complainant')])
    kind = src['kind']
    if kind == 'child' and src['sex'] == 'male':
        kind = 'migrant'
    q = new_person(kind if kind != 'child' else 'adult_f', name_pair=src['name'],
                   father_pair=src['father'] if R.random() < 0.5 else None)
    if q['sex'] != src['sex']:
        q['sex'] = src['sex']
        q['husband'] = None if q['sex'] == 'male' else q['husband']
        q['cnic'] = mk_cnic(q['dist'], q['sex']) if q['cnic'] else None
    f = ch(src['alloc'] + [x for x in FILES if x in PRIMARY and kind in PRIMARY[x]])
    if kind == 'child':
        f = ch([F6, F8, F1])
    if q['kind'] == 'migrant' and f in (F6, F7, F8):
        f = F9
    if q['kind'] == 'adult_f' and f in (F3, F9, F7):
        f = F6
    if q['kind'] in ('accused', 'complainant') and f not in (F1, F2, F3, F4, F5):
        f = F2
    q['alloc'] = [f]
    FILE_PERSONS[f].append(q)
    NAMESAKES.append((src['pid'], q['pid']))
for f in FILES:
    R.shuffle(FILE_PERSONS[f])


# ----------------------------------------------------------------------------- cases
def chunk_sizes(n, weights):
    out = []
    while n > 0:
        k = min(n, wch(weights))
        out.append(k)
        n -= k
    return out


def build_cases(f, start_no, tip_cats, mig_cats, ps_list=None, date_lo=D(2024, 9, 1), date_hi=D(2024, 10, 31)):
    ppl = FILE_PERSONS[f]
    vt = [p for p in ppl if p['kind'] in ('adult_f', 'child', 'tg', 'bengali')]
    vm = [p for p in ppl if p['kind'] in ('migrant', 'afghan')]
    acc = [p for p in ppl if p['kind'] == 'accused']
    comp = [p for p in ppl if p['kind'] == 'complainant']
    cases = []
    for pool, cats in ((vt, tip_cats), (vm, mig_cats)):
        i = 0
        for k in chunk_sizes(len(pool), [(1, 42), (2, 28), (3, 16), (4, 9), (5, 5)]):
            cat = wch(cats)
            cases.append({'victims': pool[i:i + k], 'cat': cat, 'accused': [], 'comp': None})
            i += k
    R.shuffle(cases)
    ai = 0
    for c in cases:
        k = wch([(0, 18), (1, 45), (2, 26), (3, 11)])
        c['accused'] = acc[ai:ai + k]
        ai += k
    while ai < len(acc):  # accused-only cases (victims not named in the return)
        k = wch([(1, 50), (2, 35), (3, 15)])
        cases.append({'victims': [], 'cat': wch(tip_cats + mig_cats), 'accused': acc[ai:ai + k], 'comp': None})
        ai += k
    for cp in comp:
        free = [c for c in cases if c['comp'] is None]
        ch(free)['comp'] = cp
    for c in cases:
        c['date'] = rand_date(date_lo, date_hi)
        sec_text, secs = ch(SEC[c['cat']]) if c['cat'] != 'other' else SEC['other'][0]
        c['sec_text'], c['secs'] = sec_text, secs
        c['status'] = wch(STATUS_W)
        c['status_text'] = ch(STATUS[c['status']])
        c['ps'] = ch(ps_list) if ps_list else ''
        ct = crime_type(secs)
        c['ct'] = ct
        c['expl'] = wch(EXPL_W) if ct in ('tip', 'tip_related', 'both') and R.random() < 0.75 else None
        if c['expl'] and any(v['kind'] == 'child' for v in c['victims']) and c['expl'] == 'forced_marriage' and R.random() < .5:
            c['expl'] = 'begging'
    cases.sort(key=lambda c: c['date'])
    no = start_no
    for c in cases:
        no += R.randint(1, 5)
        c['no'] = no
        c['case_id'] = '%d/24' % no
    return cases


def victim_role(case, p):
    return 'smuggled_migrant' if case['ct'] in ('som', 'som_related') else 'victim'


def xl_title(ws, row, text, ncol, bold=True, size=12):
    ws.cell(row=row, column=1, value=text).font = Font(bold=bold, size=size)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncol)
    ws.cell(row=row, column=1).alignment = Alignment(horizontal='center')


WRAP = Alignment(wrap_text=True, vertical='top')


def inline_person(p, hon_p=0.3, addr_p=1.0, script='roman'):
    nw, nt = name_written(p, hon_p)
    rel, fa, hu, sx = rel_parts(p)
    rel = cap_rel(rel)
    dist = prov = ''
    if R.random() < addr_p:
        a, dist, prov = address(p)
        text = '%s %s %s %s' % (nw, rel, ch(['r/o', 'r/o', 'R/O', 'resident of']), a)
    else:
        text = '%s %s' % (nw, rel)
    return text, {'name': nt, 'father': fa, 'husband': hu, 'sex': sx, 'district': dist, 'province': prov}


def numbered(items, style='dot'):
    if len(items) == 1:
        return items[0]
    if style == 'dot':
        return '\n'.join('%d. %s' % (i + 1, t) for i, t in enumerate(items))
    if style == 'paren':
        return ' '.join('%d) %s' % (i + 1, t) for i, t in enumerate(items))
    return '; '.join(items)


def set_widths(ws, widths):
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = w


# ============================================================================= F1 Faisalabad (xlsx, one case per row)
def write_f1():
    cases = build_cases(F1, 270, [('tip', 40), ('tip_related', 35), ('both', 5), ('other', 3)],
                        [('migration_fraud', 50), ('som', 25), ('som_related', 15), ('both', 5)])
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    summary = []
    for month, sname, mname in ((9, 'Sep 2024', 'September'), (10, 'Oct 2024', 'October')):
        ws = wb.create_sheet(sname)
        set_widths(ws, [5, 16, 12, 22, 48, 20, 8, 44, 14, 40])
        xl_title(ws, 1, 'FEDERAL INVESTIGATION AGENCY, ANTI HUMAN TRAFFICKING CIRCLE FAISALABAD', 10)
        xl_title(ws, 2, 'Monthly Progress Report of TIP / SOM cases for the month of %s, 2024' % mname, 10, size=11)
        for c0, txt in ((1, 'Sr.'), (4, 'U/S'), (8, 'Particulars of Accused'), (9, 'Present position'), (10, 'Remarks')):
            ws.cell(row=3, column=c0, value=txt)
            ws.merge_cells(start_row=3, start_column=c0, end_row=4, end_column=c0)
        ws.cell(row=3, column=2, value='FIR / Enquiry'); ws.merge_cells('B3:C3')
        ws.cell(row=3, column=5, value='Particulars of Victim(s)'); ws.merge_cells('E3:G3')
        ws['B4'] = 'No.'; ws['C4'] = 'Dated'; ws['E4'] = 'Name, Parentage & Residence'; ws['F4'] = 'CNIC No.'; ws['G4'] = 'Age'
        for r in (3, 4):
            for cc in range(1, 11):
                ws.cell(row=r, column=cc).font = Font(bold=True)
        row = 5
        sr = 0
        nv = na = 0
        mc = [c for c in cases if c['date'].month == month]
        for c in mc:
            sr += 1
            if sr > 1 and R.random() < 0.09:
                row += 1  # blank spacer row
            d = c['date']
            st = wch([('fir', 45), ('firno', 25), ('enq', 10), ('ps', 20)])
            fir = {'fir': '%d/24' % c['no'], 'firno': 'FIR No. %d/2024' % c['no'], 'enq': 'Enq. No. %d/2024' % c['no'],
                   'ps': '%d/2024 PS AHTC Fsd' % c['no']}[st]
            ws.cell(row=row, column=1, value=sr)
            ws.cell(row=row, column=2, value=fir)
            if R.random() < 0.6:
                cell = ws.cell(row=row, column=3, value=d)
                cell.number_format = ch(['DD.MM.YYYY', 'dd-mmm-yy', 'DD/MM/YYYY'])
            else:
                ws.cell(row=row, column=3, value=fdate(d, ch(['dot', 'mon_yy', 'ord', 'us', 'slash', 'short_dot'])))
            ws.cell(row=row, column=4, value=c['sec_text'])
            common = dict(law=c['secs'], case_id=c['case_id'], status=c['status'])
            vtexts, ctexts, atexts = [], [], []
            for i, p in enumerate(c['victims']):
                txt, tr = inline_person(p, 0.35)
                vtexts.append(txt)
                age = wage(p, d)
                if p['cnic'] and R.random() < 0.65:
                    cv, cn = cnic_text(p['cnic'], allow_num=len(c['victims']) == 1)
                else:
                    cv, cn = ch(['N/A', '-', 'Not available', '']), ''
                ctexts.append(cv)
                atexts.append(age)
                T(F1, sname, row, i + 1, p, tr['name'], victim_role(c, p), d, tr['father'], tr['husband'], tr['sex'],
                  age, None, cn, '', tr['district'], tr['province'],
                  expl=c['expl'] or '', **common)
                nv += 1
            if vtexts:
                ws.cell(row=row, column=5, value=numbered(vtexts)).alignment = WRAP
                if len(vtexts) == 1:
                    ws.cell(row=row, column=6, value=ctexts[0] if ctexts[0] != '' else None)
                    ws.cell(row=row, column=7, value=atexts[0] if R.random() < 0.7 else '%d yrs' % atexts[0])
                else:
                    ws.cell(row=row, column=6, value='\n'.join('%d. %s' % (i + 1, x) for i, x in enumerate(ctexts))).alignment = WRAP
                    ws.cell(row=row, column=7, value='\n'.join('%d. %s' % (i + 1, x) for i, x in enumerate(atexts))).alignment = WRAP
            else:
                ws.cell(row=row, column=5, value=ch(['Nil', 'Victims not identified', 'Nil (raid case)']))
            acc = []
            for i, p in enumerate(c['accused']):
                txt, tr = inline_person(p, 0.25, addr_p=0.8)
                cn = ''
                if R.random() < 0.25 and p['cnic']:
                    cv, cn = cnic_text(p['cnic'])
                    txt = '%s (CNIC %s)' % (txt, cv)
                if R.random() < 0.12:
                    nm_alias = ch(['Billa', 'Jeeda', 'Kaka', 'Bao', 'Pappu', 'Mithu', 'Chhota'])
                    txt = re.sub(r'^(.*?) ([sdwSDW]/[oO]) ', lambda m: '%s alias %s %s ' % (m.group(1), nm_alias, m.group(2)), txt, count=1)
                acc.append(txt)
                T(F1, sname, row, i + 1, p, tr['name'], 'accused', d, tr['father'], tr['husband'], tr['sex'], '', None,
                  cn, '', tr['district'], tr['province'], **common)
                na += 1
            if acc:
                ws.cell(row=row, column=8, value=numbered(acc)).alignment = WRAP
            ws.cell(row=row, column=9, value=c['status_text'])
            rem = []
            if c['expl'] and c['victims']:
                rem.append(ch(['Nature of exploitation: %s', 'Victim(s) %s', 'Exploitation: %s']) % ch(EXPL[c['expl']]))
            if c['comp']:
                p = c['comp']
                txt, tr = inline_person(p, 0.3, addr_p=0.7)
                ph = cn = ''
                if R.random() < 0.5:
                    pv, ph = phone_text(p['phone'])
                    txt += ', Cell %s' % pv
                rem.append('Complainant: ' + txt)
                T(F1, sname, row, 1, p, tr['name'], 'complainant', d, tr['father'], tr['husband'], tr['sex'], '', None,
                  cn, ph, tr['district'], tr['province'], **common)
            if R.random() < 0.15:
                rem.append(ch(['Raid conducted with local police', 'Interim challan submitted', 'Case property recovered',
                               'Transferred from AHTC Lahore', 'Bail granted to accused']))
            if rem:
                ws.cell(row=row, column=10, value='. '.join(rem)).alignment = WRAP
            summary.append((sname, c))
            row += 1
        ws.cell(row=row, column=1, value='Total')
        ws.cell(row=row, column=2, value='%d cases' % sr)
        ws.cell(row=row, column=5, value='Victims: %d' % nv)
        ws.cell(row=row, column=8, value='Accused: %d' % na)
        for cc in range(1, 11):
            ws.cell(row=row, column=cc).font = Font(bold=True)
        ws.cell(row=row + 3, column=8, value='Sd/-')
        ws.cell(row=row + 4, column=8, value='Deputy Director')
        ws.cell(row=row + 5, column=8, value='FIA AHT Circle, Faisalabad')
        SHEETKIND.append((F1, sname, 'data', ws.max_row))
    ws = wb.create_sheet('Abstract')
    ws.append(['Abstract of cases (Sep-Oct 2024)'])
    ws.append(['Month', 'Cases registered', 'TIP', 'SOM', 'Others'])
    for sname in ('Sep 2024', 'Oct 2024'):
        cs = [c for s, c in summary if s == sname]
        ws.append([sname, len(cs), sum(1 for c in cs if c['ct'] in ('tip', 'tip_related', 'both')),
                   sum(1 for c in cs if c['ct'] in ('som', 'som_related')),
                   sum(1 for c in cs if c['ct'] in ('migration_fraud', 'other'))])
    ws.append(['Total', '=SUM(B3:B4)', '=SUM(C3:C4)', '=SUM(D3:D4)', '=SUM(E3:E4)'])
    SHEETKIND.append((F1, 'Abstract', 'summary', ws.max_row))
    ws = wb.create_sheet('Draft')
    ws.sheet_state = 'hidden'
    ws.append(['Sr.', 'FIR No.', 'Dated', 'U/S', 'Victims', 'Accused', 'Status'])
    for s, c in summary[:14]:
        ws.append([None, '%d/24' % c['no'], fdate(c['date'], 'dot'), c['sec_text'],
                   ', '.join(v['name'][0] for v in c['victims']), ', '.join(a['name'][0] for a in c['accused']), 'draft'])
    SHEETKIND.append((F1, 'Draft', 'hidden', ws.max_row))
    wb.save(os.path.join(OUT, F1))
    return cases


# ============================================================================= F2 Multan (legacy xls, one person per row, case cells merged)
def role_word(role, ct):
    if role == 'victim':
        return ch(['Victim', 'Victim', 'Affectee'])
    if role == 'smuggled_migrant':
        return ch(['Migrant', 'Smuggled migrant', 'Smuggled Migrant'])
    if role == 'accused':
        return ch(['Accused', 'Accused', 'Agent', 'Sub-agent'] + (['Smuggler'] if ct in ('som', 'som_related', 'both') else []))
    return 'Complainant'


def write_f2():
    cases = build_cases(F2, 410, [('tip', 30), ('tip_related', 45), ('other', 4)],
                        [('migration_fraud', 50), ('som', 22), ('som_related', 20), ('both', 4)])
    wb = xlwt.Workbook(encoding='utf-8')
    st_title = xlwt.easyxf('font: bold on, height 260; align: horiz center')
    st_head = xlwt.easyxf('font: bold on; borders: left thin, right thin, top thin, bottom thin; align: wrap on, vert centre')
    st_cell = xlwt.easyxf('align: wrap on, vert top')
    st_date = {f: xlwt.easyxf('align: vert top', num_format_str=f) for f in ('DD-MM-YYYY', 'DD/MM/YYYY', 'D-MMM-YY')}
    st_num = xlwt.easyxf('align: vert top', num_format_str='0')
    heads = ['S.No', 'FIR No.', 'Dated', 'U/S', 'Name', 'Parentage', 'Age', 'Category', 'CNIC No.', 'Cell No.',
             'Residence', 'Present Status']
    for month, sname, mname in ((9, 'Sept 24', 'September'), (10, 'Oct 24', 'October')):
        ws = wb.add_sheet(sname)
        for i, w in enumerate([6, 10, 12, 18, 24, 26, 6, 12, 18, 14, 40, 14]):
            ws.col(i).width = w * 256
        ws.write_merge(0, 0, 0, 11, 'FIA ANTI HUMAN TRAFFICKING CIRCLE MULTAN', st_title)
        ws.write_merge(1, 1, 0, 11, 'Monthly Return of cases / persons - %s 2024' % mname, st_title)
        for i, h in enumerate(heads):
            ws.write(2, i, h, st_head)
        r = 3  # 0-based row index
        sr = 0
        npers = 0
        for c in [c for c in cases if c['date'].month == month]:
            sr += 1
            d = c['date']
            people = [(p, victim_role(c, p)) for p in c['victims']] + [(p, 'accused') for p in c['accused']]
            if c['comp']:
                people.append((c['comp'], 'complainant'))
            if not people:
                continue
            n = len(people)
            merged = R.random() < 0.7
            fir = ch(['%d/24', '%d/2024', 'FIR %d/24', 'Enq. %d/24']) % c['no']
            datestyle = None
            if R.random() < 0.65:
                dval, dsty = d, st_date[ch(list(st_date))]
            else:
                dval, dsty = fdate(d, ch(['dot', 'slash', 'mon_yy', 'dash', 'ord'])), st_cell
            for col, val, sty in ((0, sr, st_cell), (1, fir, st_cell), (2, dval, dsty), (3, c['sec_text'], st_cell),
                                  (11, c['status_text'], st_cell)):
                if merged and n > 1:
                    ws.write_merge(r, r + n - 1, col, col, val, sty)
                else:
                    ws.write(r, col, val, sty)
            common = dict(law=c['secs'], case_id=c['case_id'], status=c['status'])
            for p, role in people:
                nw, nt = name_written(p, 0.3)
                rel, fa, hu, sx = rel_parts(p)
                ws.write(r, 4, nw, st_cell)
                ws.write(r, 5, cap_rel(rel), st_cell)
                age = ''
                if role in ('victim', 'smuggled_migrant') and R.random() < 0.85:
                    age = wage(p, d)
                    ws.write(r, 6, age, st_cell)
                ws.write(r, 7, role_word(role, c['ct']), st_cell)
                cn = ''
                if p['cnic'] and R.random() < (0.7 if role != 'accused' else 0.4):
                    cv, cn = cnic_text(p['cnic'], allow_num=True)
                    ws.write(r, 8, float(cv) if isinstance(cv, int) else cv, st_num if isinstance(cv, int) else st_cell)
                ph = ''
                if role != 'accused' and R.random() < 0.45:
                    pv, ph = phone_text(p['phone'], allow_num=True)
                    ws.write(r, 9, float(pv) if isinstance(pv, int) else pv, st_num if isinstance(pv, int) else st_cell)
                dist = prov = ''
                if R.random() < 0.92:
                    a, dist, prov = address(p)
                    ws.write(r, 10, a, st_cell)
                T(F2, sname, r + 1, 1, p, nt, role, d, fa, hu, sx, age, None, cn, ph, dist, prov, **common)
                if role in ('victim', 'smuggled_migrant'):
                    p.setdefault('ahtc', ('Multan', c))
                r += 1
                npers += 1
        ws.write(r, 0, 'Total', st_head)
        ws.write(r, 4, 'Cases: %d / Persons: %d' % (sr, npers), st_head)
        ws.write(r + 3, 9, 'Assistant Director')
        ws.write(r + 4, 9, 'AHT Circle, FIA Multan')
        SHEETKIND.append((F2, sname, 'data', r + 5))
    ws = wb.add_sheet('Summary')
    ws.write(0, 0, 'Summary Sep-Oct 2024')
    ws.write(1, 0, 'Head'); ws.write(1, 1, 'Sept'); ws.write(1, 2, 'Oct')
    for i, ct in enumerate(['tip', 'tip_related', 'migration_fraud', 'som', 'som_related', 'both', 'other']):
        ws.write(2 + i, 0, ct.replace('_', ' ').upper())
        ws.write(2 + i, 1, sum(1 for c in cases if c['ct'] == ct and c['date'].month == 9))
        ws.write(2 + i, 2, sum(1 for c in cases if c['ct'] == ct and c['date'].month == 10))
    SHEETKIND.append((F2, 'Summary', 'summary', 9))
    ws = wb.add_sheet('Old')
    ws.visibility = 1
    ws.write(0, 0, 'old format - do not use')
    for i, c in enumerate(cases[:10]):
        ws.write(1 + i, 0, '%d/24' % c['no'])
        ws.write(1 + i, 1, ', '.join(v['name'][0] for v in c['victims']))
    SHEETKIND.append((F2, 'Old', 'hidden', 11))
    wb.save(os.path.join(OUT, F2))
    return cases


# ============================================================================= F3 Peshawar (cp1252 CSV, ditto marks)
def write_csv(fname, rows, enc, delim=','):
    import io
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator='\r\n')
    for row in rows:
        w.writerow(row)
    data = buf.getvalue()
    with open(os.path.join(OUT, fname), 'wb') as fh:
        if enc == 'utf-8-sig':
            fh.write(data.encode('utf-8-sig'))
        elif enc == 'utf-16':
            fh.write(b'\xff\xfe' + data.encode('utf-16-le'))
        else:
            fh.write(data.encode(enc))
    SHEETKIND.append((fname, '', 'data', len(rows)))


def write_f3():
    cases = build_cases(F3, 150, [('tip', 50), ('tip_related', 50)],
                        [('som', 40), ('som_related', 20), ('migration_fraud', 25), ('both', 5), ('other', 10)])
    for c in cases:  # Foreigners Act only for Afghan cases
        if c['cat'] == 'other' and not any(v['kind'] == 'afghan' for v in c['victims']):
            c['sec_text'], c['secs'] = ch(SEC['som_related'][:2]); c['ct'] = crime_type(c['secs'])
        elif c['cat'] == 'other':
            c['sec_text'], c['secs'] = SEC['other'][1]; c['ct'] = 'other'
    head = ['S#', 'Case No.', 'Date', 'Sections of Law', 'Name of Person', 'Father Name', 'Age', 'Role',
            'Nationality', 'Address', 'Status', 'Remarks']
    rows = [['FIA ANTI HUMAN TRAFFICKING CIRCLE PESHAWAR'] + [''] * 11,
            ['Statement showing cases registered / persons arrested during Sep & Oct 2024'] + [''] * 11,
            [''] * 12, head]
    sr = 0
    np_ = 0
    for c in cases:
        d = c['date']
        people = [(p, 'smuggled_migrant' if c['ct'] in ('som', 'som_related', 'other') else 'victim') for p in c['victims']]
        people += [(p, 'accused') for p in c['accused']]
        if c['comp']:
            people.append((c['comp'], 'complainant'))
        sr += 1
        ditto = ch(['-do-', '-do-', '"', '', 'do'])
        common = dict(law=c['secs'], case_id=c['case_id'], status=c['status'])
        for k, (p, role) in enumerate(people):
            nw, nt = name_written(p, 0.2)
            if k == 0:
                row = [str(sr), ch(['FIR No. %d/2024', '%d/24', 'FIR %d/24', '%d/2024']) % c['no'],
                       fdate(d, ch(['mon_yy', 'us', 'ord', 'dot', 'slash_yy', 'ord_short'])), c['sec_text']]
            else:
                row = ['', ditto, ditto if ditto != 'do' else '-do-', ditto]
            fa = variant(p['father'][0])
            age = ''
            agec = ''
            if role in ('victim', 'smuggled_migrant') and R.random() < 0.8:
                age = wage(p, d)
                agec = ch(['%d', '%d', '%d yrs', '%d Y']) % age
            if role == 'smuggled_migrant':
                rw = ch(['Smuggled Migrant', 'Migrant', 'Migrant'])
            elif role == 'victim':
                rw = ch(['Victim', 'Affectee'])
            else:
                rw = role_word(role, c['ct'])
            if p['nat'] == 'AFG':
                natc = ch(['Afghan', 'Afghani', 'Afg national', 'Afghan'])
            else:
                natc = ch(['Pakistani', 'Pak', 'Pakistani', 'PAK'])
            dist = prov = ''
            a = ''
            if R.random() < 0.9:
                a, dist, prov = address(p)
            rem = []
            cn = ''
            if p['cnic'] and R.random() < 0.45:
                cv, cn = cnic_text(p['cnic'])
                rem.append('CNIC %s' % cv)
            if role == 'victim' and c['expl']:
                rem.append(ch(EXPL[c['expl']]))
            if k == 0 and R.random() < 0.35:
                rem.append(ch(['Intercepted at Torkham \u2013 en route to Iran', 'Arrested from Karkhano market',
                               'Apprehended at Bab-e-Khyber check post', 'Travelling to Greece via Iran & Turkey',
                               'Intercepted at bus stand Peshawar', "Agent\u2019s office sealed"]))
            row += [nw, fa, agec, rw, natc, a, c['status_text'] if k == 0 else (ditto if ditto != 'do' else '-do-'),
                    '. '.join(rem)]
            rows.append(row)
            T(F3, '', len(rows), 1, p, nt, role, d, fa, '', '', age, None, cn, '', dist, prov,
              expl=c['expl'] or '', **common)
            if role in ('victim', 'smuggled_migrant'):
                p.setdefault('ahtc', ('Peshawar', c))
            np_ += 1
        if R.random() < 0.05:
            rows.append([''] * 12)
    rows.append([''] * 12)
    rows.append(['Total persons: %d' % np_] + [''] * 11)
    rows.append(['Sd/- Assistant Director', '', '', '', 'AHT Circle FIA Peshawar'] + [''] * 7)
    write_csv(F3, rows, 'cp1252')
    return cases


# ============================================================================= F4 Karachi (xlsx, one person per row, merged case cells)
def write_f4():
    cases = build_cases(F4, 520, [('tip', 40), ('tip_related', 45), ('both', 5)],
                        [('som', 35), ('som_related', 25), ('migration_fraud', 30), ('both', 5), ('other', 5)])
    for c in cases:
        if any(v['kind'] == 'bengali' for v in c['victims']) and c['ct'] not in ('tip', 'tip_related', 'both'):
            c['sec_text'], c['secs'] = ch(SEC['tip']); c['ct'] = crime_type(c['secs'])
            c['expl'] = 'sexual_exploitation'
        if c['cat'] == 'other' and not any(v['kind'] == 'afghan' for v in c['victims']):
            c['sec_text'], c['secs'] = ch(SEC['som']); c['ct'] = crime_type(c['secs'])
        elif c['cat'] == 'other':
            c['sec_text'], c['secs'] = SEC['other'][1]; c['ct'] = 'other'
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'TIP-SOM Cases'
    set_widths(ws, [5, 26, 20, 34, 12, 8, 9, 20, 12, 36, 20, 14, 28])
    xl_title(ws, 1, 'FIA ANTI HUMAN TRAFFICKING CIRCLE KARACHI', 13)
    xl_title(ws, 2, 'Detail of cases registered under PTPA / PSMA / EO / PPC during September & October 2024', 13, size=11)
    heads = ['S.No', 'FIR No. / Date / PS', 'Section of Law', 'Name & Parentage', 'Role', 'Gender', 'Age',
             'CNIC / Passport', 'Nationality', 'Address', 'Exploitation', 'Status', 'Remarks']
    for i, h in enumerate(heads):
        ws.cell(row=3, column=i + 1, value=h).font = Font(bold=True)
    row = 4
    sr = 0
    npers = 0
    for month, label in ((9, 'SEPTEMBER 2024'), (10, 'OCTOBER 2024')):
        ws.cell(row=row, column=1, value=label).font = Font(bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=13)
        row += 1
        for c in [c for c in cases if c['date'].month == month]:
            d = c['date']
            people = [(p, victim_role(c, p)) for p in c['victims']] + [(p, 'accused') for p in c['accused']]
            if not people:
                continue
            sr += 1
            n = len(people)
            fir = ch(['FIR %d/24 dt %s PS AHTC Karachi', 'FIR No. %d/2024 dated %s', '%d/24\n%s',
                      'FIR %d/2024 (%s) PS FIA AHTC']) % (c['no'], fdate(d, ch(['dot', 'mon_yy', 'slash', 'dash'])))
            ws.cell(row=row, column=1, value=sr)
            ws.cell(row=row, column=2, value=fir).alignment = WRAP
            ws.cell(row=row, column=3, value=c['sec_text']).alignment = WRAP
            ws.cell(row=row, column=12, value=c['status_text'])
            if n > 1:
                for col in (1, 2, 3, 12):
                    ws.merge_cells(start_row=row, start_column=col, end_row=row + n - 1, end_column=col)
            common = dict(law=c['secs'], case_id=c['case_id'], status=c['status'])
            for p, role in people:
                nw, nt = name_written(p, 0.3)
                fa = hu = sx_rel = ''
                if p['kind'] == 'bengali' and R.random() < 0.5:
                    txt = nw
                else:
                    rel, fa, hu, sx_rel = rel_parts(p)
                    txt = '%s %s' % (nw, cap_rel(rel))
                ws.cell(row=row, column=4, value=txt)
                ws.cell(row=row, column=5, value=role_word(role, c['ct']))
                sx = p['sex']
                gtxt = {'male': ch(['M', 'Male']), 'female': ch(['F', 'Female']), 'transgender': ch(['TG', 'Khawaja sira'])}[sx]
                ws.cell(row=row, column=6, value=gtxt)
                age = ''
                if role != 'accused' or R.random() < 0.2:
                    if R.random() < 0.9:
                        age = wage(p, d)
                        ws.cell(row=row, column=7, value=ch([age, age, '%d yrs' % age, 'approx %d' % age, '%d Y' % age]))
                cn = ''
                if p['cnic'] and R.random() < 0.6:
                    cv, cn = cnic_text(p['cnic'], allow_num=True)
                    ws.cell(row=row, column=8, value=cv)
                elif p['nat'] != 'PAK' or R.random() < 0.2:
                    ws.cell(row=row, column=8, value='PP No. %s%07d' % (ch(['AB', 'BN', 'CK', 'EF', 'A0']), R.randint(0, 9999999)))
                natc = {'PAK': ch(['Pakistani', 'Pak', 'Pakistani']), 'AFG': ch(['Afghan', 'Afghani']),
                        'BGD': ch(['Bangladeshi', 'Bengali (Bangladesh)'])}[p['nat']]
                ws.cell(row=row, column=9, value=natc)
                dist = prov = ''
                if R.random() < 0.93:
                    a, dist, prov = address(p)
                    ws.cell(row=row, column=10, value=a)
                expl = ''
                if role == 'victim' and c['expl'] and R.random() < 0.9:
                    expl = c['expl']
                    ws.cell(row=row, column=11, value=ch(EXPL[expl]))
                prot = ''
                if role == 'victim':
                    if p['kind'] == 'bengali' and R.random() < 0.6:
                        prot = 'repatriated'
                    elif R.random() < 0.55:
                        prot = wch([('restored_to_family', 4), ('in_shelter', 3), ('referred', 2)])
                    if prot:
                        t = ch(PROT[prot])
                        if prot == 'in_shelter':
                            t = ch(['Sent to Dar-ul-Aman', 'In shelter', 'Staying at DUA'])
                        if prot == 'referred':
                            t = ch(['Referred to Edhi', 'Referred to Panah shelter', 'Referred for legal aid'])
                        ws.cell(row=row, column=13, value=t)
                elif role == 'accused' and R.random() < 0.2:
                    ws.cell(row=row, column=13, value=ch(['Arrested', 'On bail', 'Not arrested yet', 'Arrested from Sohrab Goth']))
                T(F4, 'TIP-SOM Cases', row, 1, p, nt, role, d, fa, hu, sx, age, None, cn, '', dist, prov,
                  expl=expl, prot=prot, **common)
                row += 1
                npers += 1
    ws.cell(row=row, column=1, value='G. Total')
    ws.cell(row=row, column=2, value='%d cases' % sr)
    ws.cell(row=row, column=4, value='%d persons' % npers)
    ws.cell(row=row + 2, column=10, value='(Signature) Deputy Director AHTC Karachi')
    SHEETKIND.append((F4, 'TIP-SOM Cases', 'data', ws.max_row))
    ws = wb.create_sheet('Notes')
    for t in ['Notes:', '1. Merged cells in S.No/FIR/Section/Status columns cover all persons of one case.',
              '2. Passport numbers are given where CNIC is not available.',
              '3. Bangladeshi nationals repatriated through High Commission.',
              '4. Figures are provisional and subject to reconciliation with HQ.']:
        ws.append([t])
    SHEETKIND.append((F4, 'Notes', 'notes', ws.max_row))
    ws = wb.create_sheet('Pivot')
    ws.sheet_state = 'hidden'
    ws.append(['Role', 'Count'])
    for rw in ('Victim', 'Accused', 'Migrant'):
        ws.append([rw, R.randint(10, 90)])
    SHEETKIND.append((F4, 'Pivot', 'hidden', ws.max_row))
    wb.save(os.path.join(OUT, F4))
    return cases


# ============================================================================= F5 Rawalpindi Police (UTF-8-BOM CSV, one case per row, ';' lists)
PS_RWP = ['Civil Lines', 'Waris Khan', 'Ratta Amral', 'Saddar Bairooni', 'Gujar Khan', 'Taxila', 'New Town', 'Airport',
          'Sadiqabad', 'Pirwadhai', 'Kahuta', 'Saddar Wah', 'Banni', 'Westridge']


def write_f5():
    cases = build_cases(F5, 880, [('tip', 20), ('tip_related', 70), ('other', 3)], [('tip_related', 1)], ps_list=PS_RWP)
    head = ['Sr', 'Police Station', 'FIR No. & Date', 'Offence (U/S)', 'Complainant', 'Victim(s)', 'Victim Age(s)',
            'Victim CNIC/B-Form', 'Accused', 'Stage', 'Remarks']
    rows = [['DISTRICT POLICE RAWALPINDI'] + [''] * 10,
            ['Register of cases under TIP / allied laws \u2013 September & October 2024'] + [''] * 10, head]
    sr = 0
    cur_m = 9
    for c in cases:
        d = c['date']
        if d.month != cur_m:
            rows.append(['October 2024'] + [''] * 10)
            cur_m = d.month
        if R.random() < 0.05:
            rows.append([''] * 11)
        sr += 1
        ln = len(rows) + 1
        fir = ch(['%d/24 dated %s', 'FIR No. %d/2024 dt. %s', 'FIR %d/24 (%s)']) % (
            c['no'], fdate(d, ch(['dot', 'slash_yy', 'dash', 'slash', 'short_dot'])))
        common = dict(law=c['secs'], case_id=c['case_id'], status=c['status'])
        comp = ''
        if c['comp']:
            p = c['comp']
            txt, tr = inline_person(p, 0.3, addr_p=0.8)
            ph = ''
            if R.random() < 0.6:
                pv, ph = phone_text(p['phone'])
                txt += ', Cell %s' % pv
            comp = txt
            T(F5, '', ln, 1, p, tr['name'], 'complainant', d, tr['father'], tr['husband'], tr['sex'], '', None, '', ph,
              tr['district'], tr['province'], **common)
        vt, va, vc = [], [], []
        for i, p in enumerate(c['victims']):
            txt, tr = inline_person(p, 0.3, addr_p=0.75)
            vt.append(txt)
            age = ''
            if R.random() < 0.85:
                age = wage(p, d)
                va.append(str(age))
            else:
                va.append('-')
            cn = ''
            if p['cnic'] and R.random() < 0.45:
                cv, cn = cnic_text(p['cnic'])
                vc.append(cv)
            else:
                vc.append('-')
            T(F5, '', ln, i + 1, p, tr['name'], victim_role(c, p), d, tr['father'], tr['husband'], tr['sex'], age, None,
              cn, '', tr['district'], tr['province'], expl=c['expl'] or '', **common)
            p.setdefault('police_case', c)
        at = []
        for i, p in enumerate(c['accused']):
            txt, tr = inline_person(p, 0.2, addr_p=0.7)
            at.append(txt)
            T(F5, '', ln, i + 1, p, tr['name'], 'accused', d, tr['father'], tr['husband'], tr['sex'], '', None, '', '',
              tr['district'], tr['province'], **common)
        rem = ''
        if c['expl'] and c['victims']:
            rem = ch(['Victim(s) %s', 'Nature: %s', '%s']) % ch(EXPL[c['expl']])
        rows.append([str(sr), 'PS ' + c['ps'] if R.random() < 0.5 else c['ps'], fir, 'u/s ' + c['sec_text'] if R.random() < 0.5 else c['sec_text'],
                     comp, '; '.join(vt) if vt else 'Nil', '; '.join(va) if len(va) > 1 else (va[0] if va else ''),
                     '; '.join(vc) if len(vc) > 1 else (vc[0] if vc else ''),
                     numbered(at, 'paren') if at else 'Unknown', c['status_text'], rem])
    rows.append([''] * 11)
    rows.append(['Total FIRs: %d' % sr] + [''] * 10)
    rows.append(['', '', '', '', '', '', '', '', 'SP Investigation Rawalpindi', '', ''])
    write_csv(F5, rows, 'utf-8-sig')
    return cases


# ============================================================================= F6 Dar-ul-Aman Multan (xlsx, shelter register)
def write_f6():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Register'
    set_widths(ws, [6, 14, 36, 18, 18, 38, 38, 22, 30])
    xl_title(ws, 1, 'DAR-UL-AMAN MULTAN', 9, size=14)
    xl_title(ws, 2, 'Social Welfare & Bait-ul-Maal Department, Govt. of the Punjab', 9, size=11)
    xl_title(ws, 3, 'Admission Register of Inmates - September & October 2024', 9, size=11)
    heads = ['Sr. No.', 'Date of Admission', 'Name of Inmate', 'Age / D.O.B', 'CNIC', 'Residence', 'Admitted through',
             'Present Position', 'Remarks']
    for i, h in enumerate(heads):
        ws.cell(row=4, column=i + 1, value=h).font = Font(bold=True)
        ws.cell(row=4, column=i + 1).alignment = Alignment(wrap_text=True)
    ppl = [(rand_date(D(2024, 9, 1), D(2024, 10, 31)), p) for p in FILE_PERSONS[F6]]
    ppl.sort(key=lambda x: (x[0], x[1]['pid']))
    row = 5
    sr = 0
    firno = 380
    cur_m = None
    for d, p in ppl:
        if d.month != cur_m:
            ws.cell(row=row, column=1, value=MON[d.month] + ' 2024').font = Font(bold=True, italic=True)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
            row += 1
            cur_m = d.month
        sr += 1
        ws.cell(row=row, column=1, value=sr)
        if R.random() < 0.7:
            ws.cell(row=row, column=2, value=d).number_format = 'DD-MM-YYYY'
        else:
            ws.cell(row=row, column=2, value=fdate(d, ch(['ord', 'ord_short', 'slash', 'dot', 'us'])))
        nw, nt = name_written(p, 0.55)
        rel, fa, hu, sx = rel_parts(p)
        ws.cell(row=row, column=3, value='%s %s' % (nw, cap_rel(rel)))
        age = ''
        dob = None
        k = wch([('age', 60), ('dob', 25), ('none', 15)])
        if k == 'age':
            age = wage(p, d)
            ws.cell(row=row, column=4, value=ch([age, '%d years' % age, '%d yrs' % age, '%d' % age]))
        elif k == 'dob':
            dob = p['dob']
            age = age_at(dob, d)
            ws.cell(row=row, column=4, value=ch(['D.O.B %s', 'DOB: %s', 'DOB %s']) % fdate(dob, ch(['dash', 'dot', 'slash'])))
        else:
            ws.cell(row=row, column=4, value='-')
        cn = ''
        if p['cnic'] and R.random() < 0.55:
            cv, cn = cnic_text(p['cnic'], allow_num=True)
            ws.cell(row=row, column=5, value=cv)
        else:
            ws.cell(row=row, column=5, value=ch(['N/A', 'Nil', None, 'Not available']))
        dist = prov = ''
        if R.random() < 0.95:
            a, dist, prov = address(p)
            ws.cell(row=row, column=6, value=a)
        law, cid = [], ''
        if R.random() < 0.3:
            firno += R.randint(1, 30)
            sec_text, law = ch(SEC['tip_related'] + SEC['tip'][:2])
            cid = '%d/24' % firno
            via = ch(['PS Cantt Multan FIR No. %d/24 u/s %s', 'PS Mumtazabad vide FIR %d/24 u/s %s',
                      'PS Shah Rukn-e-Alam, FIR %d/2024 u/s %s', 'Police (FIR %d/24, %s)']) % (firno, sec_text)
        else:
            via = ch(['Court order of Judicial Magistrate Multan', 'Police Helpline 15', 'Self', 'Referred by Umeed Helpline',
                      'Order of Sessions Judge Multan', 'Women Protection Centre Multan', 'Social Welfare Officer'])
        ws.cell(row=row, column=7, value=via)
        prot = wch([('restored_to_family', 35), ('in_shelter', 30), ('referred', 8), ('escaped', 7), ('discharged', 20)])
        ws.cell(row=row, column=8, value=ch(PROT[prot]))
        expl = ''
        if R.random() < 0.55:
            expl = wch([('forced_marriage', 35), ('sexual_exploitation', 25), ('domestic_servitude', 25), ('bonded_labour', 8),
                        ('forced_labour', 7)])
            ws.cell(row=row, column=9, value=ch(EXPL[expl]))
        elif R.random() < 0.5:
            ws.cell(row=row, column=9, value=ch(['Domestic dispute', 'Family matter', 'Court marriage case', 'Khula case pending',
                                                 'alongwith 2 minor children']))
        T(F6, 'Register', row, 1, p, nt, 'victim', d, fa, hu, sx, age, dob, cn, '', dist, prov, law=law, case_id=cid,
          expl=expl, prot=prot)
        row += 1
    ws.cell(row=row, column=1, value='Total admissions: %d' % sr)
    ws.cell(row=row + 2, column=7, value='Superintendent')
    ws.cell(row=row + 3, column=7, value='Dar-ul-Aman Multan')
    SHEETKIND.append((F6, 'Register', 'data', ws.max_row))
    ws = wb.create_sheet('Summary')
    ws.append(['Month', 'Admitted', 'Restored', 'In DUA', 'Others'])
    for m in (9, 10):
        ws.append([MON[m], sum(1 for d, p in ppl if d.month == m), R.randint(20, 40), R.randint(10, 30), R.randint(5, 20)])
    SHEETKIND.append((F6, 'Summary', 'summary', ws.max_row))
    wb.save(os.path.join(OUT, F6))


# ============================================================================= F7 CPB Rawalpindi (Urdu xlsx)
PS_UR = {'Civil Lines': 'سول لائنز', 'Waris Khan': 'وارث خان', 'Ratta Amral': 'رتہ امرال', 'Saddar Bairooni': 'صدر بیرونی',
         'Gujar Khan': 'گوجر خان', 'Taxila': 'ٹیکسلا', 'New Town': 'نیو ٹاؤن', 'Airport': 'ایئرپورٹ', 'Sadiqabad': 'صادق آباد',
         'Pirwadhai': 'پیرودھائی', 'Kahuta': 'کہوٹہ', 'Saddar Wah': 'صدر واہ', 'Banni': 'بنی', 'Westridge': 'ویسٹریج'}


def urdu_secs(secs):
    ppc = [s.split(' ')[1] for s in secs if s.startswith('PPC')]
    other = [s for s in secs if not s.startswith('PPC')]
    parts = []
    if other:
        acts = {}
        for s in other:
            a, n = s.split(' ')
            acts.setdefault(a, []).append(n)
        for a, ns in acts.items():
            parts.append('%s %s' % (ud('/'.join(ns)), a))
    if ppc:
        parts.append(ud('/'.join(ppc)).replace('-A', '-اے').replace('-B', '-بی') + ' ت پ')
    return ' و '.join(parts)


def write_f7():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    heads = ['نمبر شمار', 'تاریخ داخلہ', 'نام بچہ / بچی', 'ولدیت', 'جنس', 'عمر', 'ب فارم نمبر', 'پتہ', 'نوعیت کیس',
             'مقدمہ', 'موجودہ صورتحال']
    ppl = [(rand_date(D(2024, 9, 1), D(2024, 10, 31)), p) for p in FILE_PERSONS[F7]]
    ppl.sort(key=lambda x: (x[0], x[1]['pid']))
    firno = 700
    counts = {}
    for m in (9, 10):
        sname = '%s 2024' % UR_MON[m]
        ws = wb.create_sheet(sname)
        ws.sheet_view.rightToLeft = True
        set_widths(ws, [8, 16, 20, 20, 8, 10, 20, 34, 16, 40, 20])
        xl_title(ws, 1, 'چائلڈ پروٹیکشن اینڈ ویلفیئر بیورو راولپنڈی', 11, size=14)
        xl_title(ws, 2, 'ماہانہ رپورٹ بچگان داخل شدہ ماہ %s %s' % (UR_MON[m], ud(2024)), 11, size=11)
        for i, h in enumerate(heads):
            ws.cell(row=3, column=i + 1, value=h).font = Font(bold=True)
        row = 4
        sr = 0
        for d, p in [x for x in ppl if x[0].month == m]:
            sr += 1
            if sr > 1 and R.random() < 0.04:
                row += 1
            ws.cell(row=row, column=1, value=ud(sr) if R.random() < 0.6 else sr)
            if R.random() < 0.4:
                ws.cell(row=row, column=2, value=d).number_format = 'DD-MM-YYYY'
            else:
                ws.cell(row=row, column=2, value=fdate(d, ch(['ur_text', 'ur_dash', 'ur_mixed', 'slash'])))
            nm = p['name'][1]
            ws.cell(row=row, column=3, value=nm)
            fa = p['father'][1]
            ws.cell(row=row, column=4, value=fa)
            ws.cell(row=row, column=5, value={'male': 'لڑکا', 'female': 'لڑکی'}.get(p['sex'], 'خواجہ سرا'))
            age = wage(p, d)
            ws.cell(row=row, column=6, value=ch(['%s سال' % ud(age), ud(age), age, '%d سال' % age]))
            cn = ''
            if p['cnic'] and R.random() < 0.4:
                c = p['cnic']
                cv = '%s-%s-%s' % (c[:5], c[5:12], c[12])
                cn = c
                ws.cell(row=row, column=7, value=ud(cv) if R.random() < 0.6 else cv)
            a, dist, prov = address(p, 'urdu')
            ws.cell(row=row, column=8, value=a)
            expl = wch([('begging', 35), ('domestic_servitude', 25), ('forced_labour', 15), ('sexual_exploitation', 5), ('', 20)])
            ws.cell(row=row, column=9, value=EXPL_UR[expl] if expl else ch(['گمشدہ بچہ', 'لاوارث', 'گھر سے بھاگا ہوا']))
            law, cid = [], ''
            pc = p.get('police_case')
            if pc is not None and R.random() < 0.75:
                law, cid = pc['secs'], pc['case_id']
                ws.cell(row=row, column=10, value='مقدمہ نمبر %s زیر دفعہ %s تھانہ %s' % (ud(cid), urdu_secs(law), PS_UR[pc['ps']]))
            elif R.random() < 0.2:
                firno += R.randint(1, 40)
                sec_text, law = ch(SEC['tip_related'][:5] + SEC['tip'][:2])
                cid = '%d/24' % firno
                ws.cell(row=row, column=10, value='مقدمہ نمبر %s زیر دفعہ %s تھانہ %s' % (
                    ud(cid) if R.random() < 0.7 else cid, urdu_secs(law), PS_UR[ch(PS_RWP)]))
            else:
                ws.cell(row=row, column=10, value='-')
            prot = wch([('restored_to_family', 40), ('in_shelter', 30), ('referred', 10), ('escaped', 7), ('discharged', 13)])
            ws.cell(row=row, column=11, value=PROT_UR[prot])
            T(F7, sname, row, 1, p, nm, 'victim', d, fa, '', p['sex'], age, None, cn, '', dist, prov, law=law, case_id=cid,
              expl=expl, prot=prot)
            row += 1
        counts[m] = sr
        ws.cell(row=row, column=1, value='کل')
        ws.cell(row=row, column=3, value=ud(sr))
        ws.cell(row=row + 2, column=8, value='دستخط انچارج چائلڈ پروٹیکشن یونٹ')
        SHEETKIND.append((F7, sname, 'data', ws.max_row))
    ws = wb.create_sheet('خلاصہ')
    ws.sheet_view.rightToLeft = True
    ws.append(['مہینہ', 'کل بچے', 'لڑکے', 'لڑکیاں'])
    for m in (9, 10):
        sub = [p for d, p in ppl if d.month == m]
        ws.append([UR_MON[m], len(sub), sum(1 for p in sub if p['sex'] == 'male'), sum(1 for p in sub if p['sex'] == 'female')])
    SHEETKIND.append((F7, 'خلاصہ', 'summary', ws.max_row))
    ws = wb.create_sheet('نوٹ')
    ws.sheet_view.rightToLeft = True
    for t in ['نوٹ:', 'ب فارم نمبر صرف دستیاب ہونے کی صورت میں درج کیا گیا ہے۔', 'عمر والدین کے بیان کے مطابق ہے۔',
              'ت پ = تعزیرات پاکستان']:
        ws.append([t])
    SHEETKIND.append((F7, 'نوٹ', 'notes', ws.max_row))
    wb.save(os.path.join(OUT, F7))


# ============================================================================= F8 NGO helpline (UTF-16 tab-separated)
def write_f8():
    head = ['Case Ref', 'Date of Call', 'Date of Referral', 'Survivor Name', 'Gender', 'Age', 'Contact No', 'Location',
            'Nature of Complaint', 'Helpline Action', 'Follow-up Status']
    rows = [['Umeed-e-Nau Helpline 0800-86433 \u2013 Referral log'] + [''] * 10,
            ['Reporting period: 01/09/2024 \u2013 31/10/2024'] + [''] * 10, head]
    ppl = [(rand_date(D(2024, 8, 29), D(2024, 10, 29)), p) for p in FILE_PERSONS[F8]]
    ppl += [(rand_date(D(2024, 9, 1), D(2024, 10, 29)), None) for _ in range(9)]
    ppl.sort(key=lambda x: (x[0], x[1]['pid'] if x[1] else 'Z'))
    n = 0
    for dcall, p in ppl:
        n += 1
        dref = dcall + dt.timedelta(days=wch([(0, 40), (1, 25), (2, 15), (3, 10), (5, 10)]))
        if dref > D(2024, 10, 31):
            dref = D(2024, 10, 31)
        if dref.month < 9:
            dref = D(2024, 9, 1) + dt.timedelta(days=R.randint(0, 2))
        sty = ch(['slash', 'dot', 'iso', 'mon_yyyy', 'slash'])
        ref = 'UH-24-%04d' % (100 + n * 3)
        if p is None:
            rows.append([ref, fdate(dcall, sty), fdate(dref, sty), ch(['Anonymous caller', 'Name not disclosed', 'Anonymous']),
                         ch(['Female', 'F', '']), '', '', ch(['Lahore', 'Rawalpindi', 'Multan', '']),
                         ch(['Domestic violence', 'Harassment', 'Information only']), 'Police 15 informed', 'Closed - no contact'])
            continue
        urdu = R.random() < 0.15 and p['kind'] != 'tg'
        fa = hu = ''
        if urdu:
            nt = p['name'][1]
            txt = nt
        else:
            nw, nt = name_written(p, 0.15)
            txt = nw
            if R.random() < 0.4:
                rel, fa, hu, _ = rel_parts(p)
                txt = '%s (%s)' % (nw, cap_rel(rel)) if R.random() < 0.5 else '%s %s' % (nw, cap_rel(rel))
        g = {'male': ch(['Male', 'M']), 'female': ch(['Female', 'F']), 'transgender': ch(['Transgender', 'Khawaja sira', 'TG'])}[p['sex']]
        age = ''
        agec = ''
        if R.random() < 0.88:
            age = wage(p, dref)
            agec = ch(['%d', '%d', '%d yrs']) % age
        ph = ''
        phc = ''
        if R.random() < 0.6:
            phc, ph = phone_text(p['phone'])
        a, dist, prov = address(p, style=wch([('plain', 60), ('moh', 25), ('hno', 15)]))
        expl = ''
        if R.random() < 0.78:
            expl = wch([('domestic_servitude', 22), ('sexual_exploitation', 18), ('forced_marriage', 20), ('forced_labour', 12),
                        ('begging', 10), ('bonded_labour', 10), ('mixed', 4), ('other', 4)])
            nat = ch(EXPL[expl])
        else:
            nat = ch(['Domestic violence', 'Harassment at workplace', 'Threats by in-laws', 'Missing person report'])
        prot = ''
        if R.random() < 0.85:
            prot = wch([('restored_to_family', 30), ('in_shelter', 25), ('referred', 25), ('escaped', 6), ('discharged', 14)])
            fu = ch(PROT[prot])
            if prot == 'in_shelter':
                fu = ch(['Staying at DUA', 'In shelter', 'Sent to Dar-ul-Aman', 'Residing at shelter home'])
        else:
            fu = ch(['Pending', 'Follow-up call due', 'No response'])
        agency = ch(['Counselling given', 'Police 15 informed', 'Legal advice on call', 'Conference call with DPO office',
                     'Information shared with FIA', 'Counselling given'])
        rows.append([ref, fdate(dcall, sty), fdate(dref, sty), txt, g, agec, phc, a, nat, agency, fu])
        T(F8, '', len(rows), 1, p, nt, 'victim', dref, fa, hu, p['sex'], age, None, '', ph, dist, prov, expl=expl, prot=prot)
    rows.append([''] * 11)
    rows.append(['Total entries: %d' % n] + [''] * 10)
    write_csv(F8, rows, 'utf-16', delim='\t')


# ============================================================================= F9 FIA Immigration AIIAP Lahore (UTF-8 CSV, deportees)
def write_f9():
    head = ['Sr.', 'Date of Arrival', 'Flight No.', 'Name', 'Father Name', 'Passport No.', 'CNIC', 'Deported From',
            'Reason', 'Address', 'Action Taken']
    ppl = [(rand_date(D(2024, 9, 1), D(2024, 10, 31)), p) for p in FILE_PERSONS[F9]]
    ppl.sort(key=lambda x: (x[0], x[1]['pid']))
    rows = [['FIA IMMIGRATION \u2013 ALLAMA IQBAL INTERNATIONAL AIRPORT, LAHORE'] + [''] * 10]
    flights = {'Saudi Arabia': ['SV-734', 'PK-760', 'XY-318', 'SV 736'], 'UAE': ['EK-622', 'FZ 361', 'PA-411', 'EY-243'],
               'Oman': ['WY-343', 'PK-228'], 'Qatar': ['QR-628', 'QR 620'], 'Greece': ['TK-714 (via IST)', 'QR-628 (via DOH)'],
               'Libya': ['Special flight', 'TK-714 (via IST)'], 'Turkey': ['TK-714', 'PK-8712'], 'Malaysia': ['PK-894', 'OD-131'],
               'Iraq': ['IA-433', 'FZ-361 (via DXB)'], 'UK': ['PK-758', 'BA-259']}
    reasons = {'Saudi Arabia': ['Begging', 'Overstay', 'Expired iqama', 'Absconded from sponsor', 'Illegal stay'],
               'UAE': ['Overstay', 'Working on visit visa', 'Begging', 'Absconded from sponsor'],
               'Oman': ['Overstay', 'Illegal entry'], 'Qatar': ['Overstay', 'Fake visa'],
               'Greece': ['Illegal entry', 'Illegal stay'], 'Libya': ['Illegal entry (boat)', 'Illegal stay'],
               'Turkey': ['Illegal entry', 'Fake visa'], 'Malaysia': ['Overstay', 'Fake visa'],
               'Iraq': ['Overstay (Ziarat visa)', 'Begging'], 'UK': ['Illegal stay', 'Asylum rejected']}
    cur_m = None
    sr = 0
    for d, p in ppl:
        if d.month != cur_m:
            if cur_m is not None:
                rows.append([''] * 11)
            rows.append(['Detail of deportees received during %s 2024' % MON[d.month]] + [''] * 10)
            rows.append(head)
            cur_m = d.month
            sr = 0
        sr += 1
        ctry = ch(list(flights))
        nw, nt = name_written(p, 0.12)
        fa = variant(p['father'][0])
        cn = ''
        cv = ''
        if R.random() < 0.75:
            cv, cn = cnic_text(p['cnic'])
        dist = prov = ''
        a = ''
        if R.random() < 0.85:
            a, dist, prov = address(p)
        law, cid, status = [], '', ''
        ah = p.get('ahtc')
        if ah and ah[1]['ct'] in ('migration_fraud', 'som', 'som_related', 'both') and R.random() < 0.8:
            c = ah[1]
            law, cid, status = c['secs'], c['case_id'], 'investigation'
            act = ch(['Handed over to AHTC %s vide FIR No. %d/24 u/s %s', 'Handed over to AHTC %s, FIR %d/24 u/s %s',
                      'Handed over to AHTC %s (FIR %d/2024 u/s %s)']) % (ah[0], c['no'], c['sec_text'])
        elif R.random() < 0.18:
            sec_text, law = ch([('22 EO', ['EO 22']), ('17 E.O.', ['EO 17']), ('18/22 EO', ['EO 18', 'EO 22']),
                                ('3 PSMA', ['PSMA 3'])])
            no = R.randint(300, 990)
            cid, status = '%d/24' % no, 'investigation'
            act = 'Handed over to AHTC %s, FIR %d/24 u/s %s' % (ch(['Gujranwala', 'Lahore', 'Faisalabad', 'Sialkot']), no, sec_text)
        else:
            act = ch(['Released after interview', 'Allowed to go after verification', 'Handed over to AHTC Lahore for enquiry',
                      'Released on personal surety', 'Statement recorded, released'])
        rows.append([str(sr), fdate(d, ch(['slash', 'iso', 'short_dot', 'mon_yyyy', 'dot'])), ch(flights[ctry]), nw, fa,
                     '%s%07d' % (ch(['AB', 'BN', 'CK', 'EF', 'GR', 'KS']), R.randint(0, 9999999)), cv, ctry,
                     ch(reasons[ctry]), a, act])
        T(F9, '', len(rows), 1, p, nt, 'deportee', d, fa, '', '', '', None, cn, '', dist, prov, law=law, case_id=cid,
          status=status)
    rows.append([''] * 11)
    rows.append(['', '', '', 'Shift Incharge', '', '', '', 'FIA Immigration AIIAP Lahore', '', '', ''])
    write_csv(F9, rows, 'utf-8')


# ============================================================================= main
def main():
    c1 = write_f1()
    for c in c1:
        for v in c['victims']:
            v.setdefault('ahtc', ('Faisalabad', c))
    write_f2()
    write_f3()
    write_f4()
    write_f5()
    write_f6()
    write_f7()
    write_f8()
    write_f9()
    TRUTH.sort(key=lambda t: (FILES.index(t['file']), t['sheet'], t['row'], t['role'], t['victim_index']))
    with open(os.path.join(OUT, 'truth.csv'), 'w', encoding='utf-8', newline='') as fh:
        w = csv.DictWriter(fh, fieldnames=COLS, lineterminator='\n')
        w.writeheader()
        for t in TRUTH:
            w.writerow(t)
    with open(os.path.join(OUT, 'sheet_kind.csv'), 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['file', 'sheet', 'kind', 'rows'])
        for r in SHEETKIND:
            w.writerow(r)
    write_readme()


UNITS = {F1: ('FIA AHT Circle Faisalabad', 'xlsx'), F2: ('FIA AHT Circle Multan', 'xls (BIFF8, xlwt)'),
         F3: ('FIA AHT Circle Peshawar', 'CSV cp1252'), F4: ('FIA AHT Circle Karachi', 'xlsx'),
         F5: ('District Police Rawalpindi (FIR register)', 'CSV UTF-8 with BOM'),
         F6: ('Dar-ul-Aman Multan (shelter)', 'xlsx'), F7: ('Child Protection & Welfare Bureau Rawalpindi (Urdu)', 'xlsx'),
         F8: ('Umeed-e-Nau Helpline (NGO)', 'UTF-16 LE tab-separated text (.csv)'),
         F9: ('FIA Immigration, Allama Iqbal Intl Airport Lahore', 'CSV UTF-8 (no BOM)')}


def write_readme():
    pids = {}
    for t in TRUTH:
        pids.setdefault(t['person_id'], set()).add(t['file'])
    multi = sum(1 for v in pids.values() if len(v) > 1)
    lines = ['# Held-out set 4: TIP/SOM monthly returns, September-October 2024', '',
             'A synthetic set of monthly returns from nine Pakistani units (FIA AHT Circles, police, shelter, CPB, NGO,',
             'FIA Immigration) with ground truth. **All names, parentage, CNICs, B-form numbers, phone numbers, passport',
             'numbers, FIR/enquiry numbers and addresses are invented** (common name pools, random numbers). Any resemblance',
             'to a real person is accidental.', '',
             'Generated by `python3 make_set.py` (seeded; truth.csv is byte-identical on every run).',
             'Verified by `python3 check_set.py` (re-reads every file with openpyxl / xlrd / csv and prints the error count).', '',
             '## Files', '', '| File | Unit | Format | Truth rows | Roles |', '|---|---|---|---|---|']
    for f in FILES:
        ts = [t for t in TRUTH if t['file'] == f]
        roles = {}
        for t in ts:
            roles[t['role']] = roles.get(t['role'], 0) + 1
        lines.append('| `%s` | %s | %s | %d | %s |' % (f, UNITS[f][0], UNITS[f][1], len(ts),
                                                       ', '.join('%s %d' % (k, roles[k]) for k in sorted(roles))))
    roles = {}
    for t in TRUTH:
        roles[t['role']] = roles.get(t['role'], 0) + 1
    lines += ['', '## Totals', '',
              '- truth records: %d' % len(TRUTH),
              '- distinct persons (person_id): %d' % len(pids),
              '- persons appearing in more than one file: %d (%.1f%%)' % (multi, 100.0 * multi / len(pids)),
              '- namesake pairs (same name, different person; about half also share the father name): %d' % len(NAMESAKES),
              '- roles: ' + ', '.join('%s %d' % (k, roles[k]) for k in sorted(roles)), '',
              '## Other files', '',
              '- `truth.csv` - one line per person record (columns and conventions: /work/notes/truth_conventions.md plus the',
              '  extensions in FEATURES.md).',
              '- `sheet_kind.csv` - one line per sheet of every workbook and one per CSV (kind data/hidden/summary/notes, rows =',
              '  last used row / line count).',
              '- `FEATURES.md` - per-file house style, faults and reading rules used for the truth.',
              '- `make_set.py`, `check_set.py` - generator and independent checker.', '']
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines))


if __name__ == '__main__':
    main()
