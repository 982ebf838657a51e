#!/usr/bin/env python3
"""Writes the held-out set unseen_returns_3 (seeded, deterministic).

Everything is invented. Run:  python3 make_set.py   (from any directory)
Outputs, in this script's directory: the return files, truth.csv, sheet_kind.csv.
"""
import csv, datetime as dt, os, random
import openpyxl, xlwt
from openpyxl.styles import Font, Alignment

SEED = 20240701
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date

# ---------------------------------------------------------------- vocabulary
URDU = {
 'Muhammad':'محمد','Ali':'علی','Ahmad':'احمد','Hussain':'حسین','Zahid':'زاہد','Usman':'عثمان','Bilal':'بلال',
 'Hamza':'حمزہ','Umar':'عمر','Hassan':'حسن','Imran':'عمران','Asif':'آصف','Arslan':'ارسلان','Danish':'دانش',
 'Faisal':'فیصل','Saqib':'ثاقب','Shahid':'شاہد','Rizwan':'رضوان','Naveed':'نوید','Waqas':'وقاص','Adnan':'عدنان',
 'Kashif':'کاشف','Sajid':'ساجد','Tariq':'طارق','Akram':'اکرم','Aslam':'اسلم','Iqbal':'اقبال','Javed':'جاوید',
 'Khalid':'خالد','Rashid':'راشد','Saleem':'سلیم','Naeem':'نعیم','Nadeem':'ندیم','Shafiq':'شفیق','Rafiq':'رفیق',
 'Latif':'لطیف','Anwar':'انور','Bashir':'بشیر','Nazir':'نذیر','Ghulam':'غلام','Rasool':'رسول','Sarwar':'سرور',
 'Yousaf':'یوسف','Ayub':'ایوب','Abbas':'عباس','Haider':'حیدر','Akbar':'اکبر','Sultan':'سلطان','Khan':'خان',
 'Din':'دین','Raza':'رضا','Shahzad':'شہزاد','Zubair':'زبیر','Yasir':'یاسر','Qadir':'قادر','Mushtaq':'مشتاق',
 'Fatima':'فاطمہ','Zainab':'زینب','Ayesha':'عائشہ','Maryam':'مریم','Sana':'ثناء','Rabia':'رابعہ','Nasreen':'نسرین',
 'Shamim':'شمیم','Kausar':'کوثر','Parveen':'پروین','Rukhsana':'رخسانہ','Bibi':'بی بی','Sadia':'سعدیہ','Iqra':'اقراء',
 'Hina':'حنا','Amna':'آمنہ','Shazia':'شازیہ','Nazia':'نازیہ','Saima':'صائمہ','Asma':'اسماء','Kiran':'کرن',
 'Sumaira':'سمیرا','Noreen':'نورین','Bushra':'بشریٰ','Tahira':'طاہرہ','Razia':'رضیہ','Sughran':'صغراں',
 'Zubaida':'زبیدہ','Naseem':'نسیم','Fozia':'فوزیہ','Sonia':'سونیا','Bindiya':'بندیا','Reshma':'ریشما','Chahat':'چاہت',
 'Nadira':'نادرہ','Mehak':'مہک',
}
VAR = {'Muhammad':['Muhammad','Mohammad','Mohd','Muhammed','M.'],'Hussain':['Hussain','Husain','Hussein'],
       'Zahid':['Zahid','Zaheed'],'Ahmad':['Ahmad','Ahmed'],'Usman':['Usman','Osman'],'Shahzad':['Shahzad','Shehzad'],
       'Naveed':['Naveed','Navid'],'Saleem':['Saleem','Salim'],'Naeem':['Naeem','Naim'],'Nasreen':['Nasreen','Nasrin'],
       'Shamim':['Shamim','Shameem'],'Kausar':['Kausar','Kousar','Kosar'],'Parveen':['Parveen','Perveen','Parvin'],
       'Ghulam':['Ghulam','Gulam'],'Javed':['Javed','Javaid'],'Tariq':['Tariq','Tarik'],'Yousaf':['Yousaf','Yousuf','Yusuf'],
       'Rasool':['Rasool','Rasul'],'Zainab':['Zainab','Zenab'],'Fatima':['Fatima','Fatimah'],'Rizwan':['Rizwan','Rizwaan'],
       'Iqbal':['Iqbal','Iqbaal'],'Sughran':['Sughran','Sughra'],'Nazir':['Nazir','Nazeer'],'Bashir':['Bashir','Basheer'],
       'Rafiq':['Rafiq','Rafique'],'Shafiq':['Shafiq','Shafique'],'Latif':['Latif','Lateef'],'Qadir':['Qadir','Qadeer']}
MGIV = ['Ali','Bilal','Hamza','Umar','Hassan','Imran','Asif','Arslan','Danish','Faisal','Saqib','Shahid','Rizwan','Naveed',
        'Waqas','Adnan','Kashif','Sajid','Tariq','Zahid','Usman','Shahzad','Zubair','Yasir','Haider','Abbas']
MOLD = ['Akram','Aslam','Iqbal','Javed','Khalid','Rashid','Saleem','Naeem','Nadeem','Shafiq','Rafiq','Latif','Anwar',
        'Bashir','Nazir','Sarwar','Yousaf','Ayub','Akbar','Sultan','Mushtaq','Qadir']
MSUF = ['Hussain','Ahmad','Ali','Khan','Din','Raza','Iqbal','Akbar','Abbas']
FGIV = ['Fatima','Zainab','Ayesha','Maryam','Sana','Rabia','Nasreen','Shamim','Kausar','Parveen','Rukhsana','Sadia','Iqra',
        'Hina','Amna','Shazia','Nazia','Saima','Asma','Kiran','Sumaira','Noreen','Bushra','Tahira','Razia','Sughran',
        'Zubaida','Naseem','Fozia','Mehak']
FSUF = ['Bibi','Kausar','Parveen','Naseem','Shamim']
TGIV = ['Sonia','Bindiya','Reshma','Chahat','Nadira','Mehak']
M_HON = ['Haji','Ch.','Malik','Rana','Mian','Syed']

# district -> (province, address localities [text that names the district or a tehsil/town/old name], urdu)
DIST = {
 'Gujranwala':('Punjab',['Gujranwala','Gujrawala','Kamoke','Nowshera Virkan','Eminabad','Sialkot Road, Gujranwala','Qila Didar Singh'],'گوجرانوالہ'),
 'Sialkot':('Punjab',['Sialkot','Sailkot','Daska','Pasrur','Pasroor','Sambrial','Sambarhyal','Daska Road, Sambrial'],'سیالکوٹ'),
 'Gujrat':('Punjab',['Gujrat','Gujarat','Kharian','Lalamusa','Jalalpur Jattan','Sarai Alamgir'],'گجرات'),
 'Mandi Bahauddin':('Punjab',['Mandi Bahauddin','Mandi Bahaud Din','M.B.Din','Phalia','Malakwal'],'منڈی بہاؤالدین'),
 'Hafizabad':('Punjab',['Hafizabad','Hafiz Abad','Pindi Bhattian'],'حافظ آباد'),
 'Narowal':('Punjab',['Narowal','Shakargarh','Zafarwal'],'نارووال'),
 'Sheikhupura':('Punjab',['Sheikhupura','Shekhupura','Muridke','Mureedkay','Ferozewala','Lahore Road, Sheikhupura'],'شیخوپورہ'),
 'Lahore':('Punjab',['Lahore','Raiwind','Shalimar Town, Lahore','Township, Lahore','Shahdara, Lahore','Multan Road, Lahore'],'لاہور'),
 'Kasur':('Punjab',['Kasur','Qasur','Chunian','Pattoki','Kot Radha Kishan'],'قصور'),
 'Faisalabad':('Punjab',['Faisalabad','Lyallpur','Jaranwala','Samundri','Jhang Road, Faisalabad'],'فیصل آباد'),
 'Jhelum':('Punjab',['Jhelum','Dina','Pind Dadan Khan','Sohawa'],'جہلم'),
 'Toba Tek Singh':('Punjab',['Toba Tek Singh','T.T.Singh','Gojra','Kamalia'],'ٹوبہ ٹیک سنگھ'),
 'Rawalpindi':('Punjab',['Rawalpindi','Gujar Khan','Kahuta','Taxila'],'راولپنڈی'),
 'Okara':('Punjab',['Okara','Renala Khurd','Depalpur'],'اوکاڑہ'),
 'Sahiwal':('Punjab',['Sahiwal','Montgomery','Chichawatni'],'ساہیوال'),
 'Rahim Yar Khan':('Punjab',['Rahim Yar Khan','R.Y.Khan','Sadiqabad','Liaquatpur'],'رحیم یار خان'),
 'Dera Ghazi Khan':('Punjab',['Dera Ghazi Khan','D.G.Khan','D.G. Khan'],'ڈیرہ غازی خان'),
 'Muzaffargarh':('Punjab',['Muzaffargarh','Alipur','Jatoi'],'مظفرگڑھ'),
 'Attock':('Punjab',['Attock','Campbellpur','Hazro','Fateh Jang'],'اٹک'),
 'Islamabad':('Islamabad Capital Territory',['Islamabad','Bhara Kahu, Islamabad','Tarnol, Islamabad','Sihala, Islamabad','G-9/2, Islamabad'],'اسلام آباد'),
 'Peshawar':('Khyber Pakhtunkhwa',['Peshawar','Hayatabad, Peshawar','Badaber'],'پشاور'),
 'Mardan':('Khyber Pakhtunkhwa',['Mardan','Takht Bhai','Katlang'],'مردان'),
 'Swat':('Khyber Pakhtunkhwa',['Swat','Mingora','Matta, Swat'],'سوات'),
 'Dera Ismail Khan':('Khyber Pakhtunkhwa',['Dera Ismail Khan','D.I.Khan','D.I. Khan'],'ڈیرہ اسماعیل خان'),
 'Korangi':('Sindh',['Korangi No. 5, Karachi','Landhi, Karachi'],'کورنگی'),
 'Karachi East':('Sindh',['Gulshan-e-Iqbal, Karachi','Gulistan-e-Jauhar, Karachi'],'کراچی شرقی'),
 'Karachi South':('Sindh',['Lyari, Karachi','Saddar, Karachi'],'کراچی جنوبی'),
 'Karachi West':('Sindh',['Orangi Town, Karachi','Baldia Town, Karachi'],'کراچی غربی'),
 'Karachi Central':('Sindh',['North Karachi','Nazimabad, Karachi','New Karachi'],'کراچی وسطی'),
 'Keamari':('Sindh',['Keamari, Karachi','Machar Colony, Keamari'],'کیماڑی'),
 'Malir':('Sindh',['Malir, Karachi','Malir Cantt'],'ملیر'),
 'Shaheed Benazirabad':('Sindh',['Nawabshah','Shaheed Benazirabad','Sakrand'],'شہید بینظیر آباد'),
 'Hyderabad':('Sindh',['Hyderabad','Latifabad, Hyderabad','Qasimabad, Hyderabad'],'حیدرآباد'),
 'Quetta':('Balochistan',['Quetta','Sariab Road, Quetta','Kuchlak'],'کوئٹہ'),
 'Chagai':('Balochistan',['Taftan','Dalbandin','Nokkundi'],'چاغی'),
 'Killa Abdullah':('Balochistan',['Killa Abdullah','Qila Abdullah','Gulistan, Killa Abdullah'],'قلعہ عبداللہ'),
 'Bhimber':('Azad Jammu and Kashmir',['Bhimber, AJK','Samahni, Bhimber'],'بھمبر'),
}
MIGRANT_D = ['Gujranwala']*5+['Sialkot']*4+['Gujrat']*4+['Mandi Bahauddin']*3+['Hafizabad']*2+['Narowal']*2+['Sheikhupura']*2+['Jhelum','Toba Tek Singh','Faisalabad','Lahore','Rawalpindi','Bhimber','Peshawar','Mardan','Swat','Dera Ismail Khan','Kasur']
WOMAN_D = ['Lahore']*6+['Kasur']*2+['Sheikhupura']*2+['Sialkot']*3+['Gujranwala']*2+['Okara','Sahiwal','Faisalabad','Rahim Yar Khan','Muzaffargarh','Dera Ghazi Khan','Narowal']
CHILD_D = ['Lahore']*5+['Sialkot']*3+['Kasur']*2+['Sheikhupura','Okara','Rahim Yar Khan','Muzaffargarh','Dera Ghazi Khan','Faisalabad','Gujranwala']
KHI_D = ['Korangi','Karachi East','Karachi South','Karachi West','Karachi Central','Keamari','Malir','Shaheed Benazirabad','Hyderabad']
CNIC_PFX = {'Punjab':['34101','34104','34603','34201','34401','34402','35202','35201','33100','35102','37405','34501','36302','37101','32102'],
            'Islamabad Capital Territory':['61101'],'Khyber Pakhtunkhwa':['17301','16101','15602','12101'],
            'Sindh':['42201','42101','42301','42401','41303','45402'],'Balochistan':['54400','54201','56502'],
            'Azad Jammu and Kashmir':['81302','81102']}

MONTH = ['January','February','March','April','May','June','July','August','September','October','November','December']
UR_MONTH = {5:'مئی',6:'جون',4:'اپریل',7:'جولائی'}
UR_DIG = str.maketrans('0123456789','۰۱۲۳۴۵۶۷۸۹')

def ordinal(n):
    return str(n)+('th' if 10<=n%100<=20 else {1:'st',2:'nd',3:'rd'}.get(n%10,'th'))

def fmt_date(d, style):
    if style=='dot': return d.strftime('%d.%m.%Y')
    if style=='dot1': return f'{d.day}.{d.month}.{d.year}'
    if style=='mon': return d.strftime('%d-%b-%y')
    if style=='ord': return f'{ordinal(d.day)} {MONTH[d.month-1]} {d.year}'
    if style=='ordc': return f'{ordinal(d.day)} {MONTH[d.month-1]}, {d.year}'
    if style=='slash': return d.strftime('%d/%m/%Y')
    if style=='dash': return d.strftime('%d-%m-%Y')
    if style=='long': return f'{MONTH[d.month-1]} {d.day}, {d.year}'
    if style=='urdu': return f'{d.day} {UR_MONTH[d.month]} {d.year}'.translate(UR_DIG)
    raise ValueError(style)

def excel_serial(d):
    return (d - D(1899,12,30)).days

# ---------------------------------------------------------------- persons
class P: pass
PERSONS = []
def cnic_for(prov, sex):
    last = R.choice([1,3,5,7,9]) if sex=='male' else R.choice([2,4,6,8])
    if sex=='transgender': last = R.choice([1,2,3,4,5,6,7,8,9])
    return R.choice(CNIC_PFX[prov]) + ''.join(R.choice('0123456789') for _ in range(7)) + str(last)

def male_name():
    r = R.random()
    if r<0.35: return ['Muhammad', R.choice(MGIV+MOLD)]
    if r<0.55: return [R.choice(MGIV), R.choice(MSUF)]
    if r<0.65: return ['Ghulam', R.choice(['Rasool','Abbas','Akbar','Qadir','Haider'])]
    if r<0.80: return [R.choice(MGIV)]
    return [R.choice(MOLD), R.choice(MSUF)]

def old_male_name():
    r = R.random()
    if r<0.3: return ['Muhammad', R.choice(MOLD)]
    if r<0.6: return [R.choice(MOLD), R.choice(MSUF)]
    if r<0.7: return ['Ghulam', R.choice(['Rasool','Qadir','Haider'])]
    return [R.choice(MOLD)]

def female_name():
    r = R.random()
    if r<0.3: return [R.choice(FGIV), R.choice(FSUF)]
    return [R.choice(FGIV)]

def new_person(cls):
    p = P(); p.pid = f'P{len(PERSONS)+1:05d}'; p.cls = cls; p.files = []
    if cls=='migrant':
        p.sex = 'female' if R.random()<0.06 else 'male'; p.age = R.randint(18,42); dl = MIGRANT_D
    elif cls=='woman':
        p.sex = 'female' if R.random()<0.93 else 'transgender'; p.age = R.randint(15,38); dl = WOMAN_D
    elif cls=='child':
        p.sex = R.choice(['male','female','female']); p.age = R.randint(7,16); dl = CHILD_D
    elif cls=='accused':
        p.sex = 'female' if R.random()<0.1 else 'male'; p.age = R.randint(26,62); dl = MIGRANT_D
    elif cls=='khi':
        p.sex = 'female' if R.random()<0.08 else 'male'; p.age = R.randint(19,45); dl = KHI_D+MIGRANT_D[:10]
    elif cls=='afghan':
        p.sex = 'female' if R.random()<0.08 else 'male'; p.age = R.randint(16,40); dl = None
    elif cls=='bonded':
        p.sex = R.choice(['male','female']); p.age = R.randint(9,55); dl = ['Sialkot','Sheikhupura','Kasur','Okara','Faisalabad','Rahim Yar Khan','Narowal']
    else:  # complainant
        p.sex = 'male' if R.random()<0.85 else 'female'; p.age = R.randint(35,65); dl = MIGRANT_D+WOMAN_D
    p.nat = 'AFG' if cls=='afghan' else ('BGD' if cls=='woman' and R.random()<0.04 else 'PAK')
    if p.sex=='male': p.name = male_name()
    elif p.sex=='female': p.name = female_name()
    else: p.name = [R.choice(TGIV)]
    p.father = old_male_name()
    p.husband = male_name() if (p.sex=='female' and p.age>=20 and R.random()<0.5) else None
    if p.nat=='PAK':
        p.district = R.choice(dl); p.prov = DIST[p.district][0]
        p.cnic = cnic_for(p.prov, p.sex) if p.age>=18 or R.random()<0.3 else None
        p.locality = R.choice(['Mohallah Islampura','Mohallah Rehmanpura','Chak No. 12','Village Kotli','Gali No. 4, Ghausia Colony',
                                'Mohallah Ahmadabad','Basti Rasoolpur','Village Butter','Street 7, Madina Town','House 233, Faisal Colony',
                                'Village Dhool','Mohallah Qasaban','Ward No. 9','Village Jandiala'])
    else:
        p.district = None; p.prov = None; p.cnic = None
        p.locality = R.choice(['Kabul','Herat','Jalalabad','Kunduz','Mazar-e-Sharif']) if p.nat=='AFG' else R.choice(['Dhaka','Khulna','Jessore','Satkhira'])
    p.dob = D(2024,5,1) - dt.timedelta(days=int(p.age*365.25)+R.randint(0,360))
    p.phone = '03'+R.choice(['00','01','02','03','04','05','06','07','08','09','10','11','12','13','14','15','21','22','23','33','34','35','36','45','46','47'])+''.join(R.choice('0123456789') for _ in range(7)) if (p.age>=18 and R.random()<0.8) else None
    PERSONS.append(p)
    return p

# file keys and which classes each holds (class -> number of person slots)
FILES = ['grw','lhr','isb','skt','dua','cpb','ngo','khi','qta']
CAP = {
 'grw':{'migrant':150,'accused':80,'child':25},
 'lhr':{'woman':150,'migrant':95,'child':40,'accused':95},
 'isb':{'migrant':120,'woman':45,'accused':55},
 'skt':{'woman':110,'child':60,'bonded':50,'accused':65},
 'dua':{'woman':215},
 'cpb':{'child':215},
 'ngo':{'woman':90,'bonded':80,'child':55},
 'khi':{'migrant':190,'khi':110},
 'qta':{'migrant':110,'afghan':110,'accused':55},
}
COMPLAINANTS = {'grw':45,'isb':25,'skt':20,'qta':0,'lhr':0}
MULTI_P = 0.30   # chance a newly created person is spread over >1 file

remaining = {f:dict(c) for f,c in CAP.items()}
for cls in ['migrant','woman','child','accused','khi','afghan','bonded']:
    while True:
        cands = [f for f in FILES if remaining[f].get(cls,0)>0]
        if not cands: break
        p = new_person(cls)
        k = 1
        if len(cands)>1 and R.random()<MULTI_P:
            k = 3 if (len(cands)>2 and R.random()<0.15) else 2
        w = [remaining[f][cls] for f in cands]
        chosen = []
        for _ in range(k):
            f = R.choices(cands, weights=w)[0]
            i = cands.index(f); cands.pop(i); w.pop(i)
            chosen.append(f)
            if not cands: break
        for f in chosen:
            remaining[f][cls] -= 1; p.files.append(f)
for f,n in COMPLAINANTS.items():
    for _ in range(n):
        p = new_person('complainant'); p.files.append(f)

# namesakes: different persons given the same name (and sometimes the same father name)
same_sex = {}
for p in PERSONS: same_sex.setdefault((p.sex, p.cls in ('child',)), []).append(p)
for key, lst in same_sex.items():
    for _ in range(min(12, len(lst)//20)):
        a, b = R.sample(lst, 2)
        b.name = list(a.name)
        if R.random()<0.4: b.father = list(a.father)
        b.namesake_of = a.pid

# ---------------------------------------------------------------- appearances
PREF = {'grw':{'Muhammad':'Muhammad'},'lhr':{'Muhammad':'Mohammad'},'isb':{'Muhammad':'Mohd'},'khi':{'Muhammad':'Muhammad'},
        'qta':{'Muhammad':'Mohammad'},'skt':{'Muhammad':'Muhammad'},'dua':{},'ngo':{'Muhammad':'M.'},'cpb':{}}

def spell(tokens, fkey, var_p=0.35):
    out = []
    for t in tokens:
        if fkey in PREF and t in PREF[fkey] and R.random()<0.7:
            out.append(PREF[fkey][t])
        elif t in VAR and R.random()<var_p:
            out.append(R.choice(VAR[t]))
        else:
            out.append(t)
    return ' '.join(out)

def urdu(tokens):
    return ' '.join(URDU[t] for t in tokens)

class A:  # one appearance (= one truth record)
    pass

def appear(p, fkey, role, urdu_script=False, cnic_p=0.0, phone_p=0.0, age_noise=0.2):
    a = A(); a.p = p; a.role = role; a.fkey = fkey
    if urdu_script:
        a.name = urdu(p.name); a.father = urdu(p.father); a.husband = urdu(p.husband) if p.husband else ''
    else:
        a.name = spell(p.name, fkey); a.father = spell(p.father, fkey)
        a.husband = spell(p.husband, fkey) if p.husband else ''
    a.hon = ''
    if not urdu_script:
        if p.sex=='female' and R.random()<0.5: a.hon = 'Mst.'
        elif p.sex=='male' and p.age>35 and R.random()<0.3: a.hon = R.choice(M_HON)
    a.age = p.age + (R.choice([-1,1]) if R.random()<age_noise else 0)
    a.cnic = p.cnic if (p.cnic and R.random()<cnic_p) else ''
    a.phone = p.phone if (p.phone and R.random()<phone_p) else ''
    a.loc = R.choice(DIST[p.district][1]) if p.district else ''
    a.district = p.district or ''; a.province = p.prov or ''
    # parent link shown: husband for married women half the time
    if p.sex=='female' and p.husband and R.random()<0.5: a.link = ('w/o', a.husband)
    elif p.sex=='female': a.link = ('d/o', a.father)
    elif p.sex=='male': a.link = ('s/o', a.father)
    else: a.link = (R.choice(['s/o','d/o']), a.father)   # transgender persons: as written on the card
    a.dob = ''
    a.nat = ''
    a.law = ''; a.crime = ''; a.expl = ''; a.case_id = ''; a.status = ''; a.prot = ''; a.date = None
    a.show_father = True
    return a

def full_addr(a, style=0):
    if not a.loc: return a.p.locality + (', Afghanistan' if a.p.nat=='AFG' else ', Bangladesh')
    if style==1: return f'{a.p.locality}, {a.loc}'
    if style==2: return f'R/o {a.p.locality}, {a.loc}'
    if style==3:
        if ',' in a.loc: return f'{a.p.locality}, {a.loc}'
        return f'{a.p.locality}, Distt. {a.loc}' if a.loc==a.p.district else f'{a.p.locality}, Tehsil {a.loc}'
    return f'{a.p.locality} {a.loc}'

def members(fkey, cls):
    return [p for p in PERSONS if fkey in p.files and p.cls==cls]

# ------------------------------------------------------------- law helpers
TIP_PPC = {'365-B','366-A','366-B','370','371','371-A','371-B','374'}   # 374 per domain.md table 1.7
def crime_type(codes):
    acts = {c.split(':')[0] for c in codes}; secs = set(codes)
    if not codes: return ''
    if ('PTPA-2018' in acts or 'PACHTO-2002' in acts) and 'PSMA-2018' in acts: return 'both'
    if 'PTPA-2018' in acts or 'PACHTO-2002' in acts: return 'tip'
    if 'PSMA-2018' in acts: return 'som'
    if any(c.startswith('PPC:') and c[4:] in TIP_PPC for c in codes): return 'tip_related'
    if 'EO-1979:18' in secs or 'EO-1979:22' in secs: return 'migration_fraud'
    if 'EO-1979:17' in secs: return 'som_related'
    return 'other'

# case templates: (written sections text, codes, exploitation or '')
CASES_FRAUD = [('18/22 E.O. r/w 420 PPC',['EO-1979:18','EO-1979:22','PPC:420']),
               ('22(b) EO 1979, 420/468/471 PPC',['EO-1979:22','PPC:420','PPC:468','PPC:471']),
               ('u/s 18, 22 Emigration Ordinance 1979',['EO-1979:18','EO-1979:22']),
               ('420 PPC, 22 EO',['PPC:420','EO-1979:22'])]
CASES_SOM = [('3/6 PSMA 2018',['PSMA-2018:3','PSMA-2018:6']),('PSMA-2018 s.3',['PSMA-2018:3']),
             ('17(2) EO r/w 3 PSMA',['EO-1979:17','PSMA-2018:3']),('17 EO 1979',['EO-1979:17'])]
CASES_TIP = [('3 PTPA 2018',['PTPA-2018:3']),('3/4 PTPA-2018',['PTPA-2018:3','PTPA-2018:4']),
             ('371-A/371-B PPC',['PPC:371-A','PPC:371-B']),('366-A PPC',['PPC:366-A']),('365-B PPC',['PPC:365-B']),
             ('370/371 PPC',['PPC:370','PPC:371']),('3 PTPA r/w 371-A PPC',['PTPA-2018:3','PPC:371-A']),('374 PPC',['PPC:374'])]
CASE_BOTH = ('3 PTPA / 3 PSMA 2018',['PTPA-2018:3','PSMA-2018:3'])

STATUS = [('u/inv','investigation'),('U/Inv.','investigation'),('PUI','investigation'),('Under investigation','investigation'),
          ('Challaned','prosecution'),('challaned','prosecution'),('Challan submitted','prosecution'),('PUT','prosecution'),('Under trial','prosecution'),
          ('Convicted 5 yrs RI','convicted'),('Convicted','convicted'),('Conv. 3 yrs + fine 50000','convicted'),
          ('Acquited','acquitted'),('Acquitted','acquitted'),('P.O.','absconding'),('Accused absconding','absconding'),
          ('Cancelled','closed'),('Untraced','closed'),('Closed/filed','closed')]
def vrole(codes):
    """role of a person written in a generic 'victim(s)' column: smuggled_migrant in pure smuggling cases"""
    return 'smuggled_migrant' if crime_type(codes) in ('som','som_related') else 'victim'

def pick_status():
    return R.choices(STATUS, weights=[6,3,4,4,4,2,2,3,2,1,1,1,1,1,2,2,1,1,1])[0]

def rand_date(month=None):
    m = month or R.choice([5,6])
    return D(2024, m, R.randint(1, 31 if m==5 else 30))

def case_no(base):
    return f'{base}/24'

TRUTH = []
SHEET_KIND = []
COLS = ['file','sheet','row','victim_index','person_id','name','father_name','husband_name','sex','age','date_of_birth','cnic',
        'phone','date','district','province','nationality','law_sections','crime_type','exploitation','case_id','case_status',
        'protection_status','role']

LINK_SEX = {'s/o':'male','d/o':'female','w/o':'female'}
def emit(fname, sheet, row, a, vi=1, sex='link', drop=()):
    """sex: 'col' = a sex column was written (true sex); 'link' = derived from the s/o, d/o, w/o written; 'none'."""
    link = a.link
    fath = a.father if link[0] in ('s/o','d/o') else ''
    hus = a.husband if link[0]=='w/o' else ''
    if getattr(a,'both_links',False): fath = a.father; hus = a.husband
    age = a.age
    if a.dob and a.date:
        age = dob_age(a.dob, a.date)
    sx = a.p.sex if sex=='col' else (LINK_SEX[link[0]] if sex=='link' else '')
    if 'age' in drop: age = ''
    TRUTH.append({'file':fname,'sheet':sheet,'row':row,'victim_index':vi,'person_id':a.p.pid,'name':a.name,
                  'father_name':fath,'husband_name':hus,'sex':sx,'age':age,
                  'date_of_birth':a.dob.isoformat() if a.dob else '','cnic':a.cnic,'phone':a.phone,
                  'date':a.date.isoformat() if a.date else '','district':a.district,'province':a.province,'nationality':a.nat,
                  'law_sections':'|'.join(a.law) if a.law else '','crime_type':crime_type(a.law) if a.law else '',
                  'exploitation':a.expl,'case_id':a.case_id,'case_status':a.status,'protection_status':a.prot,'role':a.role})

def dob_age(dob, d):
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))

def dash_cnic(c):
    return f'{c[:5]}-{c[5:12]}-{c[12]}' if c else ''

def name_written(a, hon=True):
    return (a.hon+' ' if (hon and a.hon) else '') + a.name

def link_text(a, style='s/o'):
    k, v = a.link
    if style=='S/O': k = k.upper()
    elif style=='son': k = {'s/o':'son of','d/o':'daughter of','w/o':'wife of'}[k]
    return f'{k} {v}'

def bold(ws, row, ncol):
    for c in range(1, ncol+1): ws.cell(row, c).font = Font(bold=True)

def chunk(lst, lo, hi):
    out = []; i = 0
    while i < len(lst):
        n = R.randint(lo, hi); out.append(lst[i:i+n]); i += n
    return out

# =================================================================== F1 Gujranwala
def make_grw():
    fname = 'FIA_AHTC_Gujranwala_Monthly_Return_May_June_2024.xlsx'
    wb = openpyxl.Workbook(); ab = wb.active; ab.title = 'Abstract'
    vict = members('grw','migrant') + members('grw','child'); R.shuffle(vict)
    accs = members('grw','accused'); R.shuffle(accs)
    comps = members('grw','complainant')
    groups = chunk(vict, 1, 5)
    cases = []
    fir = 201
    for g in groups:
        kids = [p for p in g if p.cls=='child']
        if kids: law = R.choice(CASES_TIP[:2]+[CASES_TIP[5]]); expl = R.choice(['begging','forced_labour','bonded_labour'])
        else:
            r = R.random()
            law = R.choice(CASES_FRAUD) if r<0.65 else (R.choice(CASES_SOM) if r<0.9 else R.choice(CASES_TIP[:2]))
            expl = 'forced_labour' if law[1][0].startswith('PTPA') else ''
        na = R.choice([0,1,1,1,2,2,3]); ac = [accs.pop() for _ in range(min(na, len(accs)))]
        cp = comps.pop() if (comps and R.random()<0.35) else None
        m = R.choice([5,6]); cases.append(dict(fir=fir, date=rand_date(m), m=m, law=law, expl=expl, vic=g, acc=ac, comp=cp, st=pick_status()))
        fir += R.randint(1,3)
    for p in accs:  # leftover accused -> attach to random cases
        R.choice(cases)['acc'].append(p)
    free = [c for c in cases if c['comp'] is None]
    for p in comps:
        if free: free.pop(R.randrange(len(free)))['comp'] = p
    counts = {}
    for m, sname in [(5,'May 2024'),(6,'June 2024')]:
        ws = wb.create_sheet(sname)
        ws['A1'] = 'FEDERAL INVESTIGATION AGENCY'; ws['A2'] = 'ANTI HUMAN TRAFFICKING CIRCLE, GUJRANWALA'
        ws['A3'] = f'Monthly Return of Cases Registered during the month of {MONTH[m-1]}, 2024'
        for r in (1,2,3): ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=13); ws.cell(r,1).font = Font(bold=True)
        # two-row group header (rows 5-6)
        grp = [(1,1,'Sr.'),(2,4,'F.I.R.'),(5,5,'Complainant'),(6,9,'Victim(s) / Affectee(s)'),(10,11,'Accused'),(12,12,'Status'),(13,13,'Remarks')]
        sub = {2:'No.',3:'Date',4:'U/S',6:'Name',7:'Parentage',8:'Age',9:'CNIC / Address',10:'Name & Parentage',11:'Address'}
        for c1,c2,t in grp:
            ws.cell(5,c1,t)
            if c2>c1: ws.merge_cells(start_row=5,start_column=c1,end_row=5,end_column=c2)
            else: ws.merge_cells(start_row=5,start_column=c1,end_row=6,end_column=c1)
        for c,t in sub.items(): ws.cell(6,c,t)
        bold(ws,5,13); bold(ws,6,13)
        row = 7; sr = 0; nrec = 0
        for cs in [c for c in cases if c['m']==m]:
            sr += 1
            law_txt, codes = cs['law']
            nrows = max(len(cs['vic']), len(cs['acc']), 1)
            top = row
            status_txt, status = cs['st']
            for i in range(nrows):
                r = row + i
                if i < len(cs['vic']):
                    p = cs['vic'][i]; a = appear(p,'grw',vrole(codes),cnic_p=0.55)
                    a.date = cs['date']; a.law = codes; a.case_id = case_no(cs['fir']); a.status = status; a.expl = cs['expl']
                    ws.cell(r,6,name_written(a)); ws.cell(r,7,link_text(a, R.choice(['s/o','S/O'])))
                    ws.cell(r,8,a.age)
                    ws.cell(r,9,(dash_cnic(a.cnic)+'\n' if a.cnic else '')+full_addr(a, R.choice([0,1,2])))
                    emit(fname, sname, r, a); nrec += 1
                if i < len(cs['acc']):
                    p = cs['acc'][i]; a = appear(p,'grw','accused')
                    a.date = cs['date']; a.law = codes; a.case_id = case_no(cs['fir']); a.status = status
                    ws.cell(r,10,f'{name_written(a)} {link_text(a)}'); ws.cell(r,11,full_addr(a, 1))
                    emit(fname, sname, r, a, drop=('age',)); nrec += 1
            if cs['comp']:
                p = cs['comp']; a = appear(p,'grw','complainant')
                a.date = cs['date']; a.law = codes; a.case_id = case_no(cs['fir']); a.status = status
                ws.cell(top,5,f'{name_written(a)} {link_text(a)}, {full_addr(a,1)}')
                emit(fname, sname, top, a, drop=('age',)); nrec += 1
            ws.cell(top,1,sr); ws.cell(top,2,cs['fir']); ws.cell(top,3,fmt_date(cs['date'], R.choice(['dot','dot','dot1'])))
            ws.cell(top,4,law_txt); ws.cell(top,12,status_txt)
            rem = {'begging':'Children used for begging','forced_labour':'Victims made to work without wages','bonded_labour':'Debt bondage at brick kiln'}.get(cs['expl'],'')
            if rem: ws.cell(top,13,rem)
            if nrows>1:
                for c in (1,2,3,4,5,12,13):
                    ws.merge_cells(start_row=top,start_column=c,end_row=top+nrows-1,end_column=c)
                    ws.cell(top,c).alignment = Alignment(vertical='top', wrap_text=True)
            row += nrows
        ws.cell(row+1,1,'Sd/- Deputy Director, AHTC Gujranwala')
        SHEET_KIND.append((fname, sname, 'data', ws.max_row)); counts[sname] = (sr, nrec)
    # abstract
    ab['A1'] = 'ABSTRACT — AHTC GUJRANWALA'; ab['A3'] = 'Month'; ab['B3'] = 'Cases registered'; ab['C3'] = 'Persons shown'
    ab['A4'] = 'May 2024'; ab['B4'] = counts['May 2024'][0]; ab['C4'] = counts['May 2024'][1]
    ab['A5'] = 'June 2024'; ab['B5'] = counts['June 2024'][0]; ab['C5'] = counts['June 2024'][1]
    ab['A6'] = 'Total'; ab['B6'] = '=B4+B5'; ab['C6'] = '=C4+C5'
    ab['A8'] = 'B/F enquiries'; ab['B8'] = 61; ab['A9'] = 'Enquiries converted to cases'; ab['B9'] = 23
    SHEET_KIND.insert(len(SHEET_KIND)-2, (fname,'Abstract','summary',ab.max_row))
    # hidden draft: stale copy of a few victims (not to be counted)
    hd = wb.create_sheet('Draft (old)'); hd.sheet_state = 'hidden'
    hd.append(['FIR','Name','Parentage','Remarks'])
    for cs in cases[:12]:
        for p in cs['vic'][:1]: hd.append([cs['fir'], ' '.join(p.name), 'S/o '+' '.join(p.father), 'draft - do not send'])
    SHEET_KIND.append((fname,'Draft (old)','hidden',hd.max_row))
    wb.save(os.path.join(HERE,fname)); return fname

# =================================================================== F2 Lahore (numbered multi-person cells)
def make_lhr():
    fname = 'AHTC_Lahore_Case_Register_2024-05_06.xlsx'
    wb = openpyxl.Workbook(); ins = wb.active; ins.title = 'Instructions'
    for i,t in enumerate(['INSTRUCTIONS FOR FILLING THE RETURN',
        '1. Enter one row per FIR. Write all victims in column F, numbered 1., 2., ...',
        '2. Write accused in column G in the same manner. Age in brackets.',
        '3. Dates as on FIR. Sections as per FIR.',
        '4. Send by 5th of following month to AHS Wing HQ, Islamabad.'],1): ins.cell(i,1,t)
    SHEET_KIND.append((fname,'Instructions','notes',ins.max_row))
    ws = wb.create_sheet('Cases May-June 24')
    ws['A1'] = 'AHTC Lahore — Register of cases (TIP / HS) — May & June 2024'; ws['A1'].font = Font(bold=True)
    hdr = ['S.No','FIR No.','Date of FIR','Police Station / Circle','Offence (Sections)','Victim(s) (name, parentage, age)',
           'Accused (name, parentage)','Nature of exploitation','Status of case','Remarks']
    for c,t in enumerate(hdr,1): ws.cell(3,c,t)
    bold(ws,3,len(hdr))
    accs = members('lhr','accused'); R.shuffle(accs)
    groups = []
    for cls in ('woman','migrant','child'):
        v = members('lhr',cls); R.shuffle(v); groups += chunk(v, 1, 4)
    EXPL_TXT = {'sexual_exploitation':['Sexual exploitation','Prostitution','Commercial sex'],'forced_labour':['Forced labour','Forced Labor'],
                'domestic_servitude':['Domestic servitude','Domestic work (unpaid)'],'begging':['Begging','Forced begging'],
                'forced_marriage':['Forced marriage','Sold in marriage'],'mixed':['Sexual + labour']}
    row = 4; fir = 310; sr = 0
    counts = {'cases':0,'victims':0,'accused':0}
    for g in sorted(groups, key=lambda g: R.random()):
        sr += 1; fir += R.randint(1,4)
        d = rand_date(); ps = R.choice(['AHTC Lahore','PS Kot Lakhpat','PS Shahdara','PS Nishtar Colony','PS Raiwind','PS Gulberg'])
        adult_m = all(p.cls=='migrant' for p in g)
        if adult_m:
            law = R.choice(CASES_FRAUD+CASES_SOM[:2]) if R.random()<0.8 else CASE_BOTH; expl = '' if law!=CASE_BOTH else 'forced_labour'
        else:
            law = R.choice(CASES_TIP[:7]); 
            if law[1]==['PPC:365-B']: expl = 'forced_marriage'
            elif any(p.cls=='child' for p in g): expl = R.choice(['begging','domestic_servitude','sexual_exploitation'])
            else: expl = R.choice(['sexual_exploitation','sexual_exploitation','domestic_servitude','forced_marriage','mixed'])
        show_expl = expl and R.random()<0.85
        st_txt, st = pick_status()
        vt = []
        for i,p in enumerate(g,1):
            a = appear(p,'lhr',vrole(law[1]),cnic_p=0.35)
            a.date = d; a.law = law[1]; a.case_id = case_no(fir); a.status = st; a.expl = expl if show_expl else ''
            bits = f'{name_written(a)} {link_text(a)}'
            if a.cnic and R.random()<0.6: bits += f', CNIC {dash_cnic(a.cnic) if R.random()<0.6 else a.cnic}'
            else: a.cnic = ''
            bits += f' ({a.age})' if R.random()<0.8 else f', age {a.age} yrs'
            if R.random()<0.5: bits += f' r/o {full_addr(a,1)}'
            else: a.district = ''; a.province = ''
            if R.random()<0.2:
                a.prot = R.choice(['restored_to_family','in_shelter','referred'])
                bits += {'restored_to_family':' [restored to family]','in_shelter':' [sent to Dar-ul-Aman]','referred':' [referred to CPB]'}[a.prot]
            vt.append(f'{i}. {bits}' if len(g)>1 else bits)
            emit(fname, ws.title, row, a, vi=i); counts['victims'] += 1
        na = R.choice([0,1,1,2,2,3]); ac = [accs.pop() for _ in range(min(na,len(accs)))]
        at = []
        for i,p in enumerate(ac,1):
            a = appear(p,'lhr','accused')
            a.date = d; a.law = law[1]; a.case_id = case_no(fir); a.status = st
            a.district = ''; a.province = ''
            at.append((f'{i}. ' if len(ac)>1 else '') + f'{name_written(a)} {link_text(a)}')
            emit(fname, ws.title, row, a, vi=i, drop=('age',)); counts['accused'] += 1
        sep = R.choice(['\n',' ','  '])
        vals = [sr, f'{fir}/24' if R.random()<0.5 else f'FIR No. {fir}/2024', fmt_date(d, R.choice(['ord','ordc','ord'])), ps,
                law[0], sep.join(vt), sep.join(at) if at else 'Unknown / not arrested',
                R.choice(EXPL_TXT[expl]) if show_expl else '', st_txt, '']
        for c,v in enumerate(vals,1): ws.cell(row,c,v)
        row += 1; counts['cases'] += 1
    # any leftover accused: add as separate "absconder" rows of the last cases
    while accs:
        p = accs.pop(); sr += 1; fir += 1; d = rand_date(); st_txt, st = ('P.O.','absconding')
        a = appear(p,'lhr','accused'); a.date = d; a.law = ['PTPA-2018:3']; a.case_id = case_no(fir); a.status = st
        a.district=''; a.province=''
        vals = [sr, f'{fir}/24', fmt_date(d,'ord'), 'AHTC Lahore', '3 PTPA 2018', 'Victim not recovered', f'{name_written(a)} {link_text(a)}', '', st_txt, 'Red Book proposal']
        for c,v in enumerate(vals,1): ws.cell(row,c,v)
        emit(fname, ws.title, row, a, drop=('age',)); counts['accused'] += 1; row += 1
    SHEET_KIND.append((fname, ws.title, 'data', ws.max_row))
    sm = wb.create_sheet('Summary')
    sm.append(['Item','May+June 2024']); sm.append(['Cases registered', counts['cases']]); sm.append(['Victims recovered', counts['victims']])
    sm.append(['Accused nominated', counts['accused']]); sm.append(['Convictions', 3])
    SHEET_KIND.append((fname,'Summary','summary',sm.max_row))
    wb.save(os.path.join(HERE,fname)); return fname

# =================================================================== F3 Islamabad (.xls, person-wise)
def make_isb():
    fname = 'AHTC_Islamabad_Persons_MayJune2024.xls'
    wb = xlwt.Workbook(encoding='utf-8')
    dstyle = xlwt.easyxf(num_format_str='DD/MM/YYYY')
    hb = xlwt.easyxf('font: bold on')
    accs = members('isb','accused'); comps = members('isb','complainant')
    groups = []
    for cls in ('migrant','woman'):
        v = members('isb',cls); R.shuffle(v); groups += chunk(v, 1, 4)
    R.shuffle(groups)
    recs = []; fir = 88
    for g in groups:
        fir += R.randint(1,3); d = rand_date()
        if any(p.cls=='woman' for p in g): law = R.choice(CASES_TIP[:4]); expl = R.choice(['sexual_exploitation','domestic_servitude',''])
        else: law = R.choice(CASES_FRAUD+CASES_SOM); expl = ''
        st_txt, st = pick_status()
        members_ = [(p,vrole(law[1])) for p in g]
        for _ in range(R.choice([0,1,1,2])):
            if accs: members_.append((accs.pop(),'accused'))
        if comps and R.random()<0.3: members_.insert(0,(comps.pop(),'complainant'))
        for p,role in members_: recs.append((fir,d,law,expl,st_txt,st,p,role))
    for p in accs+comps:
        fir += 1; recs.append((fir, rand_date(), CASES_FRAUD[0], '', 'u/inv', 'investigation', p, 'accused' if p.cls=='accused' else 'complainant'))
    ws = wb.add_sheet('Persons'); sname = 'Persons'
    ws.write(0,0,'FIA AHT CIRCLE ISLAMABAD - PERSON-WISE STATEMENT (MAY-JUNE 2024)', hb)
    hdr = ['S.No','FIR No','Date of FIR','Name','Father/Husband Name','Gender','Age','CNIC','Mobile','Address','Province','Sections','Category','Status','Remarks']
    for c,t in enumerate(hdr): ws.write(2,c,t,hb)
    r = 3
    ROLE_TXT = {'victim':['Victim','Affectee','Victim'],'smuggled_migrant':['Migrant','Smuggled migrant'],'accused':['Accused','Agent','Sub-agent'],'complainant':['Complainant']}
    for i,(fir,d,law,expl,st_txt,st,p,role) in enumerate(recs,1):
        a = appear(p,'isb',role,cnic_p=0.75,phone_p=0.6)
        a.date = d; a.law = law[1]; a.case_id = case_no(fir); a.status = st
        a.expl = expl if role=='victim' else ''
        g = {'male':R.choice(['M','Male']),'female':R.choice(['F','Female']),'transgender':'TG'}[p.sex]
        rel = f'W/o {a.husband}' if a.link[0]=='w/o' else a.father
        ws.write(r,0,i); ws.write(r,1,f'{fir}/2024'); ws.write(r,2,excel_serial(d) if R.random()<0.5 else dt.datetime(d.year,d.month,d.day), dstyle)
        ws.write(r,3,name_written(a)); ws.write(r,4,rel); ws.write(r,5,g); ws.write(r,6,a.age)
        if a.cnic: ws.write(r,7,int(a.cnic) if R.random()<0.6 else dash_cnic(a.cnic))
        if a.phone:
            ws.write(r,8,int(a.phone)); a.phone = a.phone.lstrip('0')   # stored as a number: leading 0 lost
        ws.write(r,9,full_addr(a,1)); ws.write(r,10,a.province)
        ws.write(r,11,law[0]); ws.write(r,12,R.choice(ROLE_TXT[role])); ws.write(r,13,st_txt)
        if a.expl: ws.write(r,14,{'sexual_exploitation':'forced into prostitution','domestic_servitude':'kept as domestic servant'}[a.expl])
        emit(fname, sname, r+1, a, sex='col')
        r += 1
    SHEET_KIND.append((fname,sname,'data',r))
    s2 = wb.add_sheet('Summary')
    s2.write(0,0,'Category'); s2.write(0,1,'Count')
    for j,(k,v) in enumerate([('Victims',sum(1 for x in recs if x[7]=='victim')),('Accused',sum(1 for x in recs if x[7]=='accused')),('Complainants',sum(1 for x in recs if x[7]=='complainant'))],1):
        s2.write(j,0,k); s2.write(j,1,v)
    SHEET_KIND.append((fname,'Summary','summary',4))
    wb.save(os.path.join(HERE,fname)); return fname

# =================================================================== F4 Police Sialkot CSV (BOM, continuation rows)
def make_skt():
    fname = 'Police_Sialkot_HT_FIRs_May-Jun-2024.csv'
    vict = members('skt','woman') + members('skt','child') + members('skt','bonded'); R.shuffle(vict)
    accs = members('skt','accused'); comps = members('skt','complainant')
    groups = chunk(vict, 1, 5)
    rows = [['DISTRICT POLICE SIALKOT - FIRs REGISTERED UNDER HUMAN TRAFFICKING LAWS (MAY-JUNE 2024)'],
            ['Sr','Police Station','FIR No','Date','Offence','Victim Name','Parentage','Sex','Age','Address','Accused / Complainant','Case Status','Remarks']]
    fir = 400; sr = 0
    SEX = {'male':['Male','M','مرد'],'female':['Female','F','عورت'],'transgender':['خواجہ سرا','Khawaja sira','TG']}
    pending = []
    for g in groups:
        sr += 1; fir += R.randint(1,9); d = rand_date()
        ps = R.choice(['PS Daska City','PS Sambrial','PS Pasrur','PS Saddar Sialkot','PS Kotli Loharan','PS Uggoki','PS Sabz Pir'])
        if any(p.cls=='bonded' for p in g): law = R.choice([('374 PPC r/w BLSA 1992',['PPC:374']),('3 PTPA 2018',['PTPA-2018:3'])]); expl='bonded_labour'
        elif all(p.cls=='child' for p in g): law = R.choice([CASES_TIP[0],CASES_TIP[3],CASES_TIP[5]]); expl = R.choice(['begging','domestic_servitude','forced_labour'])
        else: law = R.choice(CASES_TIP[:7]); expl = 'forced_marriage' if law[1]==['PPC:365-B'] else R.choice(['sexual_exploitation','sexual_exploitation','forced_marriage','domestic_servitude'])
        st_txt, st = pick_status()
        ac = [accs.pop() for _ in range(min(R.choice([0,1,1,2]),len(accs)))]
        cp = comps.pop() if comps and R.random()<0.4 else None
        others = [(p,'accused') for p in ac] + ([(cp,'complainant')] if cp else [])
        n = max(len(g), len(others))
        rem = {'bonded_labour':'Recovered from brick kiln (bhatta)','begging':'Children used for begging','domestic_servitude':'Recovered from house, unpaid domestic work',
               'forced_labour':'Forced labour in workshop','sexual_exploitation':'Raid on brothel','forced_marriage':'Sold for marriage'}[expl]
        for i in range(n):
            line = ['']*13
            if i==0:
                line[0]=sr; line[1]=ps; line[2]=f'{fir}/24'; line[3]=fmt_date(d, R.choice(['mon','mon','dot'])); line[4]=law[0]; line[11]=st_txt; line[12]=rem
            rown = len(rows)+1
            if i < len(g):
                p = g[i]; a = appear(p,'skt','victim',cnic_p=0.3)
                a.date=d; a.law=law[1]; a.case_id=case_no(fir); a.status=st; a.expl=expl
                line[5]=name_written(a); line[6]=link_text(a, R.choice(['s/o','S/O','son'])); line[7]=R.choice(SEX[p.sex]) if R.random()<0.85 else ''
                line[8]=a.age; line[9]=full_addr(a, R.choice([0,1,3]))
                if a.cnic: line[9] = line[9] + f' CNIC {a.cnic}'
                emit(fname,'',rown,a, sex='col' if line[7] else 'link')
            if i < len(others):
                p, role = others[i]; a = appear(p,'skt',role)
                a.date=d; a.law=law[1]; a.case_id=case_no(fir); a.status=st
                a.district=''; a.province=''
                line[10] = ('Complainant: ' if role=='complainant' else 'Accused: ') + f'{name_written(a)} {link_text(a)}'
                emit(fname,'',rown,a, drop=('age',))
            rows.append(line)
    while accs:
        p = accs.pop(); i = len(rows)-1
        if rows[i][10]=='' :
            a = appear(p,'skt','accused')
            # continue last case
            last = [t for t in TRUTH if t['file']==fname][-1]
            a.date = D.fromisoformat(last['date']); a.law = last['law_sections'].split('|'); a.case_id = last['case_id']; a.status = last['case_status']
            a.district=''; a.province=''
            rows[i][10] = f'Accused: {name_written(a)} {link_text(a)}'; emit(fname,'',i+1,a, drop=('age',))
        else:
            line = ['']*13; a = appear(p,'skt','accused')
            last = [t for t in TRUTH if t['file']==fname][-1]
            a.date = D.fromisoformat(last['date']); a.law = last['law_sections'].split('|'); a.case_id = last['case_id']; a.status = last['case_status']
            a.district=''; a.province=''
            line[10] = f'Accused: {name_written(a)} {link_text(a)}'; rows.append(line); emit(fname,'',len(rows),a, drop=('age',))
    with open(os.path.join(HERE,fname),'w',encoding='utf-8-sig',newline='') as f:
        csv.writer(f).writerows(rows)
    SHEET_KIND.append((fname,'','data',len(rows)))
    return fname

# =================================================================== F5 Dar-ul-Aman Lahore (bilingual, DOB, outcomes)
PROT_TXT = {'restored_to_family':['Restored to parents on {d}','Handed over to husband vide court order','Restored to family'],
            'in_shelter':['Still in DUA','Under stay in Dar-ul-Aman','Residing'],
            'referred':['Referred to CPB','Shifted to Edhi Home','Referred to Panah shelter'],
            'escaped':['Escaped from DUA on {d}','Ran away'],'discharged':['Discharged on court order','Released on own request (surety bond)'],
            'repatriated':['Repatriated to Bangladesh via embassy']}
def make_dua():
    fname = 'DarulAman_Lahore_Admission_Register_May_June_2024.xlsx'
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Register'
    ws['A1'] = 'SOCIAL WELFARE & BAIT-UL-MAL DEPARTMENT PUNJAB'; ws['A2'] = 'DAR-UL-AMAN LAHORE — ADMISSION REGISTER (دارالامان لاہور)'
    hdr = ['S.No / نمبر شمار','Date of Admission / تاریخ داخلہ','Name / نام','D/o - W/o / ولدیت / زوجیت','Date of Birth / تاریخ پیدائش',
           'CNIC / شناختی کارڈ نمبر','Address / پتہ','District / ضلع','Nationality / قومیت','Referred by / بھیجنے والا','FIR / مقدمہ','Remarks / کیفیت']
    for c,t in enumerate(hdr,1): ws.cell(4,c,t)
    bold(ws,4,len(hdr))
    ps = members('dua','woman'); R.shuffle(ps)
    row = 5
    for i,p in enumerate(ps,1):
        a = appear(p,'dua','victim',cnic_p=0.5)
        d = rand_date(); a.date = d
        if R.random()<0.75: a.dob = p.dob
        ws.cell(row,1,i)
        c2 = R.random()
        if c2<0.4: ws.cell(row,2,dt.datetime(d.year,d.month,d.day)).number_format = 'dd-mmm-yy'
        elif c2<0.7: ws.cell(row,2,fmt_date(d,'mon'))
        else: ws.cell(row,2,fmt_date(d,'dot'))
        ws.cell(row,3,name_written(a))
        if p.husband and R.random()<0.35:
            ws.cell(row,4,f'D/o {a.father} W/o {a.husband}'); a.both_links = True
        else: ws.cell(row,4,link_text(a,'S/O'))
        if a.dob:
            ws.cell(row,5,a.dob.strftime('%d.%m.%Y') if R.random()<0.5 else dt.datetime(a.dob.year,a.dob.month,a.dob.day)).number_format = 'dd/mm/yyyy'
        else:
            ws.cell(row,5,f'Age {a.age} yrs (approx)')
        if a.cnic: ws.cell(row,6,dash_cnic(a.cnic) if R.random()<0.5 else a.cnic)
        ws.cell(row,7,full_addr(a, R.choice([0,1,2])))
        if p.district and R.random()<0.7: ws.cell(row,8,R.choice([p.district, DIST[p.district][2]]))
        if p.nat!='PAK' or R.random()<0.3: ws.cell(row,9,{'PAK':'Pakistani','BGD':'Bangladeshi'}[p.nat]); a.nat = p.nat
        ws.cell(row,10,R.choice(['Court of Judicial Magistrate','SHO PS Shahdara','AHTC Lahore (FIA)','Family court','Self / walk-in','CPB Lahore']))
        if R.random()<0.45:
            law = R.choice([CASES_TIP[2],CASES_TIP[3],CASES_TIP[4],CASES_TIP[0]]); fir = R.randint(120,690)
            ws.cell(row,11,f'FIR {fir}/24 PS {R.choice(["Shahdara","Kot Lakhpat","Raiwind","Township","Gulberg"])} u/s {law[0]}')
            a.law = law[1]; a.case_id = f'{fir}/24'
        prot = 'repatriated' if p.nat=='BGD' and R.random()<0.7 else R.choices(list(PROT_TXT)[:5], weights=[5,4,2,1,1])[0]
        od = d + dt.timedelta(days=R.randint(2,25))
        txt = R.choice(PROT_TXT[prot]).format(d=od.strftime('%d.%m.%Y'))
        if R.random()<0.3 and prot!='repatriated':
            ex = R.choice(['sexual_exploitation','forced_marriage','domestic_servitude']); a.expl = ex
            txt = {'sexual_exploitation':'Victim of prostitution racket','forced_marriage':'Forced marriage (sold)','domestic_servitude':'Kept as maid without pay'}[ex] + '. ' + txt
        ws.cell(row,12,txt); a.prot = prot
        if not ws.cell(row,8).value and not a.loc: a.district=''; a.province=''
        emit(fname, ws.title, row, a)
        row += 1
    SHEET_KIND.append((fname, ws.title, 'data', ws.max_row))
    hd = wb.create_sheet('Old format'); hd.sheet_state = 'hidden'
    hd.append(['Name','Father','Admission']); 
    for p in ps[:15]: hd.append([' '.join(p.name), ' '.join(p.father), 'April 2024'])
    SHEET_KIND.append((fname,'Old format','hidden',hd.max_row))
    sm = wb.create_sheet('Summary')
    sm.append(['خلاصہ / Summary','May','June']);
    may = sum(1 for t in TRUTH if t['file']==fname and t['date'][5:7]=='05'); jun = sum(1 for t in TRUTH if t['file']==fname and t['date'][5:7]=='06')
    sm.append(['Admissions', may, jun]); sm.append(['Restored', sum(1 for t in TRUTH if t['file']==fname and t['protection_status']=='restored_to_family'), ''])
    SHEET_KIND.append((fname,'Summary','summary',sm.max_row))
    wb.save(os.path.join(HERE,fname)); return fname

# =================================================================== F6 Child Protection Bureau (Urdu-only)
def make_cpb():
    fname = 'CPWB_Punjab_Bachay_Record_Mai_Jun_2024.xlsx'
    wb = openpyxl.Workbook()
    ins = wb.active; ins.title = 'ہدایات'
    ins['A1'] = 'ہدایات: ہر بچے کا اندراج الگ سطر میں کریں۔ عمر سالوں میں لکھیں۔'; ins['A2'] = 'رپورٹ ہر ماہ کی ۵ تاریخ تک ہیڈ آفس بھجوائیں۔'
    SHEET_KIND.append((fname,'ہدایات','notes',ins.max_row))
    kids = members('cpb','child'); R.shuffle(kids)
    SEXU = {'male':'لڑکا','female':'لڑکی','transgender':'خواجہ سرا'}
    EXPU = {'begging':'گداگری','domestic_servitude':'گھریلو ملازمت (بلا معاوضہ)','forced_labour':'جبری مشقت','sexual_exploitation':'جنسی استحصال'}
    PROTU = {'restored_to_family':'والدین کے حوالے','in_shelter':'ادارہ میں مقیم','escaped':'فرار','referred':'دارالامان ریفر','discharged':'عدالتی حکم پر رہا'}
    for m, sname in [(5,'مئی ۲۰۲۴'),(6,'جون ۲۰۲۴')]:
        ws = wb.create_sheet(sname)
        ws['A1'] = 'چائلڈ پروٹیکشن اینڈ ویلفیئر بیورو پنجاب'; ws['A2'] = f'ریسکیو کیے گئے بچوں کا ریکارڈ — {UR_MONTH[m]} ۲۰۲۴'
        hdr = ['نمبر شمار','تاریخ','نام بچہ / بچی','ولدیت','جنس','عمر','پتہ','ضلع','نوعیت','مقدمہ','کیفیت']
        for c,t in enumerate(hdr,1): ws.cell(4,c,t)
        bold(ws,4,len(hdr))
        mine = kids[:len(kids)//2] if m==5 else kids[len(kids)//2:]
        row = 5
        for i,p in enumerate(mine,1):
            a = appear(p,'cpb','victim',urdu_script=True)
            d = rand_date(m); a.date = d
            ws.cell(row,1,str(i).translate(UR_DIG))
            ws.cell(row,2,fmt_date(d,'urdu') if R.random()<0.7 else fmt_date(d,'dot').translate(UR_DIG))
            ws.cell(row,3,a.name); ws.cell(row,4,a.father); a.link = ('s/o' if p.sex=='male' else 'd/o', a.father)
            ws.cell(row,5,SEXU[p.sex]); ws.cell(row,6,str(a.age).translate(UR_DIG) if R.random()<0.6 else a.age)
            if p.district:
                ws.cell(row,7,f'{R.choice(["محلہ اسلام پورہ","گاؤں کوٹلی","چک نمبر ۱۲","گلی نمبر ۴"])}، {DIST[p.district][2]}')
                if R.random()<0.6: ws.cell(row,8,DIST[p.district][2])
            ex = R.choice(['begging','begging','domestic_servitude','forced_labour']) if R.random()<0.85 else ''
            if ex: ws.cell(row,9,EXPU[ex]); a.expl = ex
            if R.random()<0.2:
                law = R.choice([CASES_TIP[0],CASES_TIP[5]]); fir = R.randint(100,700)
                sec = 'دفعہ ۳ انسداد انسانی اسمگلنگ ایکٹ ۲۰۱۸' if law[1][0].startswith('PTPA') else 'دفعہ ۳۷۰/۳۷۱ ت پ'
                ws.cell(row,10,f'مقدمہ نمبر {str(fir).translate(UR_DIG)}/۲۴ {sec}'); a.law = law[1]; a.case_id = f'{fir}/24'
            prot = R.choices(list(PROTU), weights=[6,4,1,1,1])[0]
            ws.cell(row,11,PROTU[prot]); a.prot = prot
            emit(fname, sname, row, a, sex='col')
            row += 1
        SHEET_KIND.append((fname, sname, 'data', ws.max_row))
    sm = wb.create_sheet('خلاصہ')
    sm.append(['ماہ','کل بچے','لڑکے','لڑکیاں'])
    for m, nm in [(5,'مئی'),(6,'جون')]:
        tt = [t for t in TRUTH if t['file']==fname and t['date'][5:7]==f'{m:02d}']
        sm.append([nm, len(tt), sum(t['sex']=='male' for t in tt), sum(t['sex']=='female' for t in tt)])
    SHEET_KIND.append((fname,'خلاصہ','summary',sm.max_row))
    wb.save(os.path.join(HERE,fname)); return fname

# =================================================================== F7 NGO referrals CSV (cp1252)
def make_ngo():
    fname = 'NGO_Roshni_Referrals_MayJun2024.csv'
    ps = members('ngo','woman') + members('ngo','bonded') + members('ngo','child'); R.shuffle(ps)
    rows = [['Ref #','Date referred','Client name','Husband / Father','Sex','Age','Contact','District','Type of exploitation','Police case','Referred to','Outcome']]
    EXT = {'sexual_exploitation':['sexual exploitation','commercial sexual exploitation – brothel'],'bonded_labour':['bonded labour – brick kiln','peshgi bondage (agri)'],
           'forced_marriage':['forced marriage','“sold” in marriage'],'domestic_servitude':['domestic servitude','child domestic labour'],
           'begging':['begging'],'forced_labour':['forced labour – factory']}
    OUT = {'restored_to_family':['Reunited with family','Restored to parents’ custody'],'in_shelter':['In shelter (Panah)','Staying at DUA'],
           'referred':['Referred for legal aid','Referred to CPB'],'escaped':['Left shelter (escaped)'],'discharged':['Case closed – discharged']}
    for i,p in enumerate(ps,1):
        a = appear(p,'ngo','victim',cnic_p=0.0,phone_p=0.5)
        d = rand_date(); a.date = d
        ex = 'bonded_labour' if p.cls=='bonded' else (R.choice(['begging','domestic_servitude','forced_labour']) if p.cls=='child' else R.choice(['sexual_exploitation','forced_marriage','domestic_servitude']))
        a.expl = ex
        sx = {'male':'M','female':'F','transgender':'TG'}[p.sex]
        rel = f'w/o {a.husband}' if a.link[0]=='w/o' else a.father
        law = ''; pc = ''
        if R.random()<0.35:
            lw = {'bonded_labour':('374 PPC',['PPC:374']),'sexual_exploitation':CASES_TIP[2],'forced_marriage':CASES_TIP[4]}.get(ex, CASES_TIP[0])
            fir = R.randint(50,600); pc = f'FIR {fir}/24 u/s {lw[0]}'; a.law = lw[1]; a.case_id = f'{fir}/24'
        prot = R.choices(list(OUT), weights=[4,3,3,1,1])[0]; a.prot = prot
        dist = ''
        if p.district and R.random()<0.8: dist = R.choice([p.district, R.choice(DIST[p.district][1]).split(',')[-1].strip()])
        else: a.district = ''; a.province = ''
        ph = ''
        if a.phone: ph = a.phone[:4]+'-'+a.phone[4:] if R.random()<0.5 else '+92'+a.phone[1:]
        if ph.startswith('+92'): a.phone = '92'+a.phone[1:]
        rows.append([f'RSH-{2400+i}', fmt_date(d, R.choice(['dash','long','slash'])), name_written(a), rel, sx, a.age, ph, dist,
                     R.choice(EXT[ex]), pc, R.choice(['Panah Shelter','Legal Aid Cell','CPB','Dar-ul-Aman','Bhatta Mazdoor Union','—']), R.choice(OUT[prot])])
        emit(fname,'',len(rows),a, sex='col')
    with open(os.path.join(HERE,fname),'w',encoding='cp1252',newline='') as f:
        csv.writer(f).writerows(rows)
    SHEET_KIND.append((fname,'','data',len(rows)))
    return fname

# =================================================================== F8 FIA Immigration deportees, Karachi airport
def make_khi():
    fname = 'FIA_Immigration_JIAP_Karachi_Deportees_May-June_2024.xlsx'
    wb = openpyxl.Workbook(); sm = wb.active; sm.title = 'Summary'
    ps = members('khi','migrant') + members('khi','khi'); R.shuffle(ps)
    COUNTRIES = [('Oman','WY-324'),('Saudi Arabia','SV-700'),('UAE','EK-600'),('Qatar','QR-604'),('Malaysia','PK-895'),('Libya','via DXB'),('Greece','via IST')]
    REASON = ['Overstay','Illegal entry','DFD (forged visa)','Absconded from sponsor','Expired iqama','Illegal stay / no documents','Begging']
    half = len(ps)//2
    bycountry = {}
    for m, sname, lst in [(5,'Deportees May-24',ps[:half]),(6,'Deportees June-24',ps[half:])]:
        ws = wb.create_sheet(sname)
        ws['A1'] = 'FIA IMMIGRATION — JINNAH INTERNATIONAL AIRPORT KARACHI'; ws['A2'] = f'List of Pakistani nationals deported ({MONTH[m-1]} 2024)'
        hdr = ['S#','Flight','Date of arrival','Name','Father Name','Passport No','CNIC','Deported from','Reason','Address','Action taken']
        for c,t in enumerate(hdr,1): ws.cell(4,c,t)
        bold(ws,4,len(hdr))
        row = 5
        for i,p in enumerate(lst,1):
            a = appear(p,'khi','deportee',cnic_p=0.85); a.nat = 'PAK'
            d = rand_date(m); a.date = d
            ctry, fl = R.choice(COUNTRIES); bycountry[ctry] = bycountry.get(ctry,0)+1
            ws.cell(row,1,i); ws.cell(row,2,fl); ws.cell(row,3,dt.datetime(d.year,d.month,d.day)).number_format = 'dd-mm-yyyy'
            ws.cell(row,4,name_written(a, hon=False)); a.hon=''; ws.cell(row,5,a.father)
            a.link = ('d/o' if p.sex=='female' else 's/o', a.father)
            ws.cell(row,6,R.choice(['AB','BK','CV','DS','FA'])+''.join(R.choice('0123456789') for _ in range(7)))
            if a.cnic: ws.cell(row,7,dash_cnic(a.cnic) if R.random()<0.7 else int(a.cnic))
            ws.cell(row,8,ctry); rs = R.choice(REASON); ws.cell(row,9,rs)
            ws.cell(row,10,full_addr(a, R.choice([0,1])))
            if rs.startswith('DFD') or R.random()<0.15:
                fir = R.randint(250,420); law = R.choice([('17 EO 1979',['EO-1979:17']),('17 EO r/w 420/468/471 PPC',['EO-1979:17','PPC:420','PPC:468','PPC:471']),('6 PSMA 2018',['PSMA-2018:6'])])
                ws.cell(row,11,f'Handed over to AHTC Karachi, FIR {fir}/24 u/s {law[0]}'); a.law = law[1]; a.case_id = f'{fir}/24'; a.status = 'investigation'
            else:
                ws.cell(row,11,R.choice(['Released after interview','Released after verification','Offloaded - released on undertaking']))
            emit(fname, sname, row, a, sex='none', drop=('age',))   # no sex or age column
            row += 1
        SHEET_KIND.append((fname, sname, 'data', ws.max_row))
    sm['A1'] = 'Deportees by country (May-June 2024)'; r = 2
    for k,v in sorted(bycountry.items()): sm.cell(r,1,k); sm.cell(r,2,v); r += 1
    sm.cell(r,1,'Total'); sm.cell(r,2,sum(bycountry.values()))
    SHEET_KIND.insert(len(SHEET_KIND)-2,(fname,'Summary','summary',sm.max_row))
    hd = wb.create_sheet('working'); hd.sheet_state = 'hidden'
    hd.append(['name','cnic','note'])
    for p in ps[:20]: hd.append([' '.join(p.name), p.cnic or '', 'check IBMS'])
    SHEET_KIND.append((fname,'working','hidden',hd.max_row))
    wb.save(os.path.join(HERE,fname)); return fname

# =================================================================== F9 AHTC Quetta smuggling (blank continuation rows, role column)
def make_qta():
    fname = 'AHTC_Quetta_Smuggling_Cases_May_June_2024.xlsx'
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Cases'
    ws['A1'] = 'FIA BALOCHISTAN ZONE — AHT CIRCLE QUETTA'; ws['A2'] = 'Cases of human smuggling / trafficking — May & June 2024'
    hdr1 = ['Case particulars','','','','Persons involved','','','','','','','Progress','']
    hdr2 = ['FIR No','Date','Place of interception','Sections','Role','Name','S/o, D/o, W/o','Age','Nationality','CNIC / PoR No','Home address','Status','Remarks']
    for c,t in enumerate(hdr1,1):
        if t: ws.cell(4,c,t)
    ws.merge_cells('A4:D4'); ws.merge_cells('E4:K4'); ws.merge_cells('L4:M4')
    for c,t in enumerate(hdr2,1): ws.cell(5,c,t)
    bold(ws,4,13); bold(ws,5,13)
    mig = members('qta','migrant') + members('qta','afghan'); R.shuffle(mig)
    accs = members('qta','accused')
    groups = chunk(mig, 2, 7)
    row = 6; fir = 71
    for g in groups:
        fir += R.randint(1,3); d = rand_date()
        place = R.choice(['Taftan border','Nokkundi check post','Quetta bus terminal (Hazar Ganji)','Dalbandin','Chaman border','Noshki road picket'])
        r = R.random()
        if r<0.12: law = CASE_BOTH; expl = R.choice(['forced_labour','other'])
        elif r<0.8: law = R.choice(CASES_SOM[:3]); expl = ''
        else: law = R.choice([('17 EO r/w 14 Foreigners Act',['EO-1979:17']),CASES_SOM[3]]); expl = ''
        st_txt, st = pick_status()
        people = [(p,'smuggled_migrant') for p in g]
        for _ in range(R.choice([1,1,2])):
            if accs: people.insert(0,(accs.pop(),'accused'))
        for i,(p,role) in enumerate(people):
            if law is CASE_BOTH and role!='accused': role = 'victim'
            a = appear(p,'qta',role,cnic_p=0.6)
            a.date = d; a.law = law[1]; a.case_id = case_no(fir); a.status = st; a.expl = expl if role=='victim' else ''
            if i==0:
                rd = R.random()
                ws.cell(row,1,f'{fir}/2024'); ws.cell(row,2,dt.datetime(d.year,d.month,d.day) if rd<0.45 else (excel_serial(d) if rd<0.6 else fmt_date(d,'slash')))
                if isinstance(ws.cell(row,2).value, dt.datetime): ws.cell(row,2).number_format='dd/mm/yyyy'
                ws.cell(row,3,place); ws.cell(row,4,law[0]); ws.cell(row,12,st_txt)
                if law is CASE_BOTH: ws.cell(row,13,'Migrants held for ransom in safe house; PTPA added' if expl=='other' else 'Migrants made to work unpaid at transit point')
            ws.cell(row,5,{'accused':R.choice(['Accused','Agent','Smuggler']),'smuggled_migrant':R.choice(['Migrant','Smuggled migrant','Migrant']),'victim':'Victim'}[role])
            ws.cell(row,6,name_written(a)); ws.cell(row,7,link_text(a))
            ws.cell(row,8,a.age)
            if p.nat=='AFG': ws.cell(row,9,R.choice(['Afghan','Afghani','AFG'])); a.nat='AFG'
            elif R.random()<0.7: ws.cell(row,9,'Pakistani'); a.nat='PAK'
            if a.cnic: ws.cell(row,10,dash_cnic(a.cnic) if R.random()<0.5 else a.cnic)
            elif p.nat=='AFG' and R.random()<0.5: ws.cell(row,10,'PoR '+''.join(R.choice('0123456789') for _ in range(8)))
            ws.cell(row,11,full_addr(a, R.choice([0,1,2])))
            emit(fname, ws.title, row, a)
            row += 1
        row += 0
    while accs:
        p = accs.pop(); last = [t for t in TRUTH if t['file']==fname][-1]
        a = appear(p,'qta','accused'); a.date = D.fromisoformat(last['date']); a.law = last['law_sections'].split('|'); a.case_id = last['case_id']; a.status = last['case_status']
        ws.cell(row,5,'Accused'); ws.cell(row,6,name_written(a)); ws.cell(row,7,link_text(a)); ws.cell(row,8,a.age); ws.cell(row,11,full_addr(a,1))
        emit(fname, ws.title, row, a); row += 1
    SHEET_KIND.append((fname, ws.title, 'data', ws.max_row))
    sm = wb.create_sheet('Monthly abstract')
    sm.append(['Month','Cases','Migrants intercepted','Afghan nationals','Accused arrested'])
    for m in (5,6):
        tt = [t for t in TRUTH if t['file']==fname and t['date'][5:7]==f'{m:02d}']
        sm.append([MONTH[m-1], len({t['case_id'] for t in tt}), sum(t['role']!='accused' for t in tt), sum(t['nationality']=='AFG' for t in tt), sum(t['role']=='accused' for t in tt)])
    SHEET_KIND.append((fname,'Monthly abstract','summary',sm.max_row))
    wb.save(os.path.join(HERE,fname)); return fname

# ------------------------------------------------------------------ main
if __name__ == '__main__':
    for fn in [f for f in os.listdir(HERE) if f.endswith(('.xlsx','.xls','.csv'))]:
        os.remove(os.path.join(HERE, fn))
    made = [make_grw(), make_lhr(), make_isb(), make_skt(), make_dua(), make_cpb(), make_ngo(), make_khi(), make_qta()]
    with open(os.path.join(HERE,'truth.csv'),'w',encoding='utf-8',newline='') as f:
        w = csv.DictWriter(f, fieldnames=COLS); w.writeheader(); w.writerows(TRUTH)
    with open(os.path.join(HERE,'sheet_kind.csv'),'w',encoding='utf-8',newline='') as f:
        w = csv.writer(f); w.writerow(['file','sheet','kind','rows']); w.writerows(SHEET_KIND)
    pids = {}
    for t in TRUTH: pids.setdefault(t['person_id'], set()).add(t['file'])
    multi = sum(1 for v in pids.values() if len(v)>1)
    print(f'files={len(made)} truth_rows={len(TRUTH)} persons={len(pids)} multi_file_persons={multi} ({multi/len(pids):.1%})')
    from collections import Counter
    for fn,c in sorted(Counter(t['file'] for t in TRUTH).items()): print(f'  {c:5d}  {fn}')
    print(' roles', dict(Counter(t['role'] for t in TRUTH)))
