#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Seeded generator of an invented set of FIA/police/shelter TIP-SOM monthly returns (Nov-Dec 2024) with truth.

Usage: python3 make_set.py [outdir]   (default: ./set)
All names, CNICs, phones, FIR and complaint numbers are invented.
"""
import csv, io, os, sys, random, datetime as dt
from collections import Counter, defaultdict
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
import xlwt
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_data import (TOK, MALE_FIRST, SURN_SINDH, SURN_PUNJAB, FEMALE_FIRST, DIST, TOWN_ALIAS, REGIONS, ROADS,
                         URDU_PLACE, MOHALLA, VILLAGE)

SEED = 2024_11_12
rng = random.Random(SEED)
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'set')
os.makedirs(OUT, exist_ok=True)
FIXED_TIME = dt.datetime(2025, 1, 6, 9, 0, 0)

TRUTH_COLS = ['file', 'sheet', 'row', 'victim_index', 'person_id', 'name', 'father_name', 'husband_name', 'sex', 'age',
              'date_of_birth', 'cnic', 'phone', 'date', 'district', 'province', 'nationality', 'law_sections',
              'crime_type', 'exploitation', 'case_id', 'case_status', 'protection_status', 'role']
TRUTH = []
SHEETS = []  # (file, sheet, kind, rows)
UDIG = str.maketrans('0123456789', '۰۱۲۳۴۵۶۷۸۹')
MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
MONTH_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
              'November', 'December']
URDU_MONTH = ['جنوری', 'فروری', 'مارچ', 'اپریل', 'مئی', 'جون', 'جولائی', 'اگست', 'ستمبر', 'اکتوبر', 'نومبر', 'دسمبر']

# ---------------------------------------------------------------- persons
PEOPLE = []
NAMESAKES = []


class P:
    pass


def male_name(region, surname_p=0.55):
    t = []
    r = rng.random()
    if r < 0.3:
        t.append('Muhammad')
    elif r < 0.38:
        t.append('Ghulam')
    t += rng.choice(MALE_FIRST)
    if rng.random() < surname_p:
        t.append(rng.choice(SURN_SINDH if region.startswith('sindh') else SURN_PUNJAB))
    return t


def female_name():
    t = [rng.choice(FEMALE_FIRST)]
    r = rng.random()
    if r < 0.12:
        t.append('Bibi')
    elif r < 0.18:
        t.append('Khatoon')
    elif r < 0.22:
        t = ['Mai'] + t
    return t


def rand_date(a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def new_person(kind, region):
    p = P()
    p.pid = 'P%05d' % (len(PEOPLE) + 1)
    p.kind, p.region, p.files = kind, region, set()
    p.nat = 'PAK'
    if kind in ('child', 'woman'):
        p.sex = 'female' if kind == 'woman' or rng.random() < 0.55 else 'male'
    elif kind == 'accused':
        p.sex = 'female' if rng.random() < 0.1 else 'male'
    else:
        p.sex = 'male'
    p.tg = kind == 'tg'
    if p.tg:
        p.sex = 'transgender'
    lo, hi = {'child': (7, 17), 'woman': (16, 42), 'man': (18, 45), 'accused': (23, 60), 'tg': (18, 35)}[kind]
    age = rng.randint(lo, hi)
    ref = dt.date(2024, 11, 15)
    p.dob = dt.date(ref.year - age - 1, 1, 1) + dt.timedelta(days=rng.randrange(365))
    p.given = female_name() if p.sex == 'female' else male_name(region, 0.6 if kind == 'accused' else 0.45)
    p.father = male_name(region, 0.3)
    if p.sex == 'male' and len(p.given) > 1 and p.given[-1] in SURN_SINDH + SURN_PUNJAB and rng.random() < 0.6:
        p.father = p.father[:-1] + [p.given[-1]] if p.father[-1] in SURN_SINDH + SURN_PUNJAB else p.father + [p.given[-1]]
    p.husband = male_name(region, 0.4) if p.sex == 'female' and age >= 18 and rng.random() < 0.65 else None
    adult = age >= 18
    if region.startswith('foreign'):
        p.nat = 'AFG' if region == 'foreign_afg' else 'BGD'
        p.cnic = None
        p.district = None
        p.town = rng.choice(['Kabul', 'Jalalabad', 'Kunduz', 'Herat']) if p.nat == 'AFG' else rng.choice(['Dhaka', 'Khulna', 'Jessore'])
    else:
        p.district = rng.choice(REGIONS[region])
        prov, towns, _ = DIST[p.district]
        p.town = rng.choice(towns) if towns and rng.random() < 0.55 else p.district
        pd = {'Punjab': '3', 'Sindh': '4', 'Khyber Pakhtunkhwa': '1', 'Balochistan': '5',
              'Islamabad Capital Territory': '6', 'Azad Jammu and Kashmir': '8'}[prov]
        last = rng.choice('13579') if p.sex != 'female' else rng.choice('02468')
        p.cnic = (pd + ''.join(rng.choice('0123456789') for _ in range(11)) + last) if adult and rng.random() < 0.92 else None
    p.phone = ('03' + rng.choice(['00', '01', '03', '05', '06', '08', '12', '14', '21', '33', '45', '47']) +
               ''.join(rng.choice('0123456789') for _ in range(7))) if adult and p.nat == 'PAK' and rng.random() < 0.75 else None
    p.mohalla = rng.choice(MOHALLA)
    p.village = rng.choice([v for v in VILLAGE if v.startswith('Goth')] if region.startswith('sindh')
                           else [v for v in VILLAGE if not v.startswith('Goth')])
    p.house = rng.randint(1, 999)
    # deliberate namesakes: copy name (and sometimes father) of an existing person of the same sex
    if rng.random() < 0.035:
        cands = [q for q in PEOPLE if q.sex == p.sex and q.kind == kind]
        if cands:
            q = rng.choice(cands)
            p.given = list(q.given)
            if rng.random() < 0.4:
                p.father = list(q.father)
            NAMESAKES.append((q.pid, p.pid))
    PEOPLE.append(p)
    return p


def draw(kind, regions, fkey, reuse_p=0.25, used_in=None):
    """Pick a person; with reuse_p an already-recorded person from another file (cross-file appearance)."""
    if rng.random() < reuse_p:
        c = [q for q in PEOPLE if q.kind == kind and q.region in regions and q.files and fkey not in q.files
             and (used_in is None or q.files & used_in)]
        if c:
            p = rng.choice(c)
            p.files.add(fkey)
            return p
    p = new_person(kind, rng.choice(regions))
    p.files.add(fkey)
    return p


# ---------------------------------------------------------------- rendering helpers
def tokv(t, vp):
    v = TOK[t][0]
    return rng.choice(v) if v and rng.random() < vp else t


def rn(tokens, vp=0.3, urdu=False):
    if urdu:
        return ' '.join(TOK[t][1] for t in tokens)
    return ' '.join(tokv(t, vp) for t in tokens)


def honor(p, prob=None):
    if p.sex == 'female':
        return 'Mst. ' if rng.random() < (0.4 if prob is None else prob) else ''
    if rng.random() < (0.12 if prob is None else prob):
        return rng.choice(['Haji ', 'Ch. ', 'Malik ', 'Rana ', 'Mian ', 'Syed '])
    return ''


class R:
    """One appearance (rendered) of a person."""
    pass


def render(p, d, urdu=False, vp=0.3, hon_p=None, rel_mode='auto', age_pm=0.15, cnic_p=0.8):
    r = R()
    r.p = p
    r.name = rn(p.given, vp, urdu)
    r.hon = '' if urdu else honor(p, hon_p)
    r.father_w = rn(p.father, vp, urdu)
    r.husband_w = rn(p.husband, vp, urdu) if p.husband else None
    # relation
    r.father, r.husband = r.father_w, ''
    if p.sex == 'female':
        if p.husband and rel_mode != 'father':
            x = rng.random()
            if x < 0.4:
                r.kind = 'w'
                r.father, r.husband = '', r.husband_w
            elif x < 0.75:
                r.kind = 'd'
            else:
                r.kind = 'dw'
                r.husband = r.husband_w
        else:
            r.kind = 'd'
    else:
        r.kind = 's'
    a = d.year - p.dob.year - ((d.month, d.day) < (p.dob.month, p.dob.day))
    if rng.random() < age_pm:
        a += rng.choice([-1, 1])
    r.age = max(a, 1)
    r.cnic = p.cnic if p.cnic and rng.random() < cnic_p else None
    return r


def relphrase(r, style=None):
    s = style if style is not None else rng.randrange(4)
    if r.kind == 's':
        w = ['s/o', 'S/O', 'S/o', 'son of'][s]
        return '%s %s' % (w, r.father)
    if r.kind == 'd':
        w = ['d/o', 'D/O', 'D/o', 'daughter of'][s]
        return '%s %s' % (w, r.father)
    if r.kind == 'w':
        w = ['w/o', 'W/O', 'W/o', 'wife of'][s]
        return '%s %s' % (w, r.husband)
    return '%s %s %s %s' % (['d/o', 'D/O', 'D/o', 'D/o'][s], r.father, ['w/o', 'W/O', 'W/o', 'W/o'][s], r.husband)


def relsex(r):
    return 'male' if r.kind == 's' else 'female'


def address(p, style=None):
    """Returns address text (district implied by town/alias)."""
    if p.district is None:
        return '%s, %s' % (rng.choice(['Karte Char', 'Shahr-e-Naw', 'Mohalla 5', 'Ward 3']),
                           p.town + (', Afghanistan' if p.nat == 'AFG' else ', Bangladesh'))
    D = p.district
    _, towns, dal = DIST[D]
    town = p.town
    town_w = rng.choice(TOWN_ALIAS.get(town, [town]))
    dist_w = rng.choice([D] * 3 + dal) if dal else D
    s = rng.randrange(6) if style is None else style
    if s == 0 or s == 1:
        return '%s, %s' % (rng.choice(['H# %d, ' % p.house, 'House No. %d ' % p.house, '']) + p.mohalla, town_w if town != D else dist_w)
    if s == 2:
        if town != D:
            return '%s, Tehsil %s, Distt. %s' % (p.village, town_w, dist_w)
        return '%s, District %s' % (p.village, dist_w)
    if s == 3:
        if town != D:
            return '%s, P.O. %s, District %s' % (p.village, town_w, dist_w)
        return '%s %s' % (p.mohalla, dist_w)
    if s == 4 and (town in ROADS or D in ROADS):
        key = town if town in ROADS else D
        if key == town:
            return '%s, %s, %s' % (p.mohalla, ROADS[key], town_w)
        if town == D:
            return '%s, %s, %s' % (p.mohalla, ROADS[key], dist_w)
    return '%s %s' % (p.mohalla, town_w if town != D else dist_w)


def fmt_cnic(c, s=None):
    s = rng.randrange(4) if s is None else s
    if s == 0 or s == 3:
        return '%s-%s-%s' % (c[:5], c[5:12], c[12])
    if s == 1:
        return c
    return '%s %s %s' % (c[:5], c[5:12], c[12])


def fmt_phone(ph, s=None):
    s = rng.randrange(4) if s is None else s
    if s == 0:
        return ph[:4] + '-' + ph[4:], ph
    if s == 1:
        return ph, ph
    if s == 2:
        return '+92' + ph[1:], '92' + ph[1:]
    return '+92 %s %s' % (ph[1:4], ph[4:]), '92' + ph[1:]


def fmt_date(d, s=None):
    s = rng.randrange(8) if s is None else s
    if s == 0:
        return d.strftime('%d-%m-%Y')
    if s == 1:
        return d.strftime('%d/%m/%y')
    if s == 2:
        return '%d.%d.%d' % (d.day, d.month, d.year)
    if s == 3:
        return '%02d-%s-%d' % (d.day, MON[d.month - 1], d.year)
    if s == 4:
        return '%d %s %d' % (d.day, MONTH_FULL[d.month - 1], d.year)
    if s == 5:
        return d.strftime('%d.%m.%y')
    if s == 6:
        return '%d/%d/%d' % (d.day, d.month, d.year)
    return d.strftime('%d-%m-%y')


def udate(d, s=None):
    s = rng.randrange(2) if s is None else s
    if s == 0:
        return ('%d/%d/%d' % (d.day, d.month, d.year)).translate(UDIG)
    return ('%d %s %d' % (d.day, URDU_MONTH[d.month - 1], d.year)).translate(UDIG)


def serial(d):
    return (d - dt.date(1899, 12, 30)).days


# ---------------------------------------------------------------- law sections
SEC_TEMPL = {
 'tip': [[('PTPA', '3')], [('PPC', '371-A'), ('PPC', '371-B'), ('PTPA', '3')], [('PTPA', '3'), ('PPC', '506')]],
 'tip_related': [[('PPC', '371-A'), ('PPC', '371-B')], [('PPC', '365-B')], [('PPC', '366-A'), ('PPC', '371-A')],
                 [('PPC', '374')], [('PPC', '370'), ('PPC', '371')]],
 'both': [[('PTPA', '3'), ('PSMA', '3')]],
 'som': [[('PSMA', '3')], [('PSMA', '3'), ('PSMA', '6')]],
 'migration_fraud': [[('EO', '22')], [('EO', '18'), ('EO', '22')], [('EO', '22'), ('PPC', '420')]],
 'som_related': [[('EO', '17')], [('EO', '17'), ('PPC', '420'), ('PPC', '468'), ('PPC', '471')]],
 'other': [[('PPC', '420'), ('PPC', '468')], [('PPC', '506'), ('PPC', '342')]],
}
ACT_W = {'PTPA': ['PTPA', 'PTPA-2018', 'P.T.P.A'], 'PSMA': ['PSMA', 'PSMA-2018', 'P.S.M.A'], 'PPC': ['PPC', 'P.P.C'],
         'EO': ['EO', 'E.O', 'Emigration Ord.']}


def crime_of(secs):
    acts = {a for a, _ in secs}
    ss = {(a, s) for a, s in secs}
    if ('PTPA' in acts or 'PACHTO' in acts) and 'PSMA' in acts:
        return 'both'
    if 'PTPA' in acts or 'PACHTO' in acts:
        return 'tip'
    if 'PSMA' in acts:
        return 'som'
    if any(a == 'PPC' and s in ('365-B', '366-A', '366-B', '370', '371', '371-A', '371-B', '374') for a, s in ss):
        return 'tip_related'
    if ('EO', '18') in ss or ('EO', '22') in ss:
        return 'migration_fraud'
    if ('EO', '17') in ss:
        return 'som_related'
    return 'other' if secs else ''


def law_str(secs):
    return '; '.join('%s %s' % x for x in secs)


def fmt_secs(secs, s=None):
    s = rng.randrange(4) if s is None else s
    nodash = rng.random() < 0.3

    def sec(x):
        return x.replace('-', '') if nodash else x
    groups = []
    for a, x in secs:
        if groups and groups[-1][0] == a:
            groups[-1][1].append(x)
        else:
            groups.append((a, [x]))
    if s == 0:
        return 'u/s ' + ' r/w '.join('%s %s' % ('/'.join(sec(x) for x in xs), rng.choice(ACT_W[a])) for a, xs in groups)
    if s == 1:
        return ' & '.join('%s %s' % (rng.choice(ACT_W[a]), ', '.join(sec(x) for x in xs)) for a, xs in groups)
    if s == 2:
        return ', '.join('%s %s' % (sec(x), a) for a, x in secs)
    return ' r/w '.join('S.%s %s' % ('/'.join(sec(x) for x in xs), rng.choice(ACT_W[a])) for a, xs in groups)


STATUS = {
 'investigation': ['u/inv', 'U/Inv.', 'PUI', 'Under investigation', 'Under Investgation'],
 'prosecution': ['Challaned', 'challaned', 'Challan submitted', 'PUT', 'Under trial', 'Chalaned'],
 'convicted': ['Convicted', 'Convicted 5 yrs RI', 'Conv. 3 yrs + fine'],
 'acquitted': ['Acquited', 'Acquitted'],
 'absconding': ['P.O.', 'Accused absconding'],
 'closed': ['Cancelled', 'Untraced', 'Closed/filed'],
}
STATUS_W = [('investigation', 45), ('prosecution', 25), ('convicted', 8), ('acquitted', 5), ('absconding', 9), ('closed', 8)]
EXPL = {
 'sexual_exploitation': ['Prostitution', 'Commercial sex', 'forced into prostitution', 'kept at brothel'],
 'forced_labour': ['Forced labour', 'made to work without wages', 'factory work without wages'],
 'bonded_labour': ['brick kiln (peshgi)', 'bhatta labour', 'debt bondage'],
 'domestic_servitude': ['Domestic servitude', 'kept as maid', 'unpaid domestic work', 'child domestic labour'],
 'begging': ['Begging', 'forced begging'],
 'forced_marriage': ['Forced marriage', 'sold in marriage', 'sold for marriage'],
 'mixed': ['Sexual + labour'],
 'other': ['held for ransom in safe house'],
}
EXPL_U = {'sexual_exploitation': 'جنسی استحصال', 'forced_labour': 'جبری مشقت', 'domestic_servitude': 'گھریلو ملازمت',
          'begging': 'گداگری'}
PROT = {
 'restored_to_family': ['Restored to parents', 'Reunited with family'],
 'in_shelter': ['Still in DUA', 'Under stay', 'Residing', 'In shelter', 'Staying at DUA'],
 'referred': ['Referred to CPB', 'Referred to Edhi', 'Referred to Panah', 'Referred for legal aid'],
 'escaped': ['Escaped', 'Ran away', 'Left shelter'],
 'discharged': ['Discharged on court order', 'Released on own request'],
}
PROT_U = {'restored_to_family': 'والدین کے حوالے', 'in_shelter': 'ادارہ میں مقیم', 'referred': 'دارالامان ریفر',
          'escaped': 'فرار', 'discharged': 'عدالتی حکم پر رہا'}


def wchoice(pairs):
    t = sum(w for _, w in pairs)
    x = rng.uniform(0, t)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def expl_for(kind):
    if kind == 'child':
        return rng.choice(['begging', 'domestic_servitude', 'forced_labour', 'sexual_exploitation', 'bonded_labour'])
    if kind == 'woman':
        return rng.choice(['sexual_exploitation', 'forced_marriage', 'domestic_servitude', 'sexual_exploitation', 'mixed'])
    return rng.choice(['forced_labour', 'bonded_labour', 'forced_labour', 'other'])


class Case:
    pass


UNIT = ['']


def new_case(counter, d, crime):
    c = Case()
    counter[0] += rng.randint(1, 6)
    c.no = counter[0]
    c.date = d
    c.secs = rng.choice(SEC_TEMPL[crime])
    c.crime = crime_of(c.secs)
    c.status = wchoice(STATUS_W)
    c.status_w = rng.choice(STATUS[c.status])
    c.cid = '%d/24' % c.no
    c.unit = UNIT[0]
    return c


def month_dates(n, month):
    last = 30 if month == 11 else 31
    return sorted(dt.date(2024, month, rng.randint(1, last)) for _ in range(n))


def add(file, sheet, row, vidx, r, role, date, sex='', age='', dob='', cnic='', phone='', district=None,
        case=None, expl='', prot='', name=None, father=None, husband=None, nat=None, law=None, cid=None, status=None):
    p = r.p
    dist = p.district if district is None else district
    prov = DIST[dist][0] if dist else ''
    if case is not None:
        law = law_str(case.secs) if law is None else law
        cid = case.cid if cid is None else cid
        status = case.status if status is None else status
    law = law or ''
    TRUTH.append({
        'file': file, 'sheet': sheet, 'row': row, 'victim_index': vidx, 'person_id': p.pid,
        'name': r.name if name is None else name,
        'father_name': r.father if father is None else father,
        'husband_name': r.husband if husband is None else husband,
        'sex': sex, 'age': age, 'date_of_birth': dob.isoformat() if dob else '', 'cnic': cnic or '', 'phone': phone or '',
        'date': date.isoformat(), 'district': dist or '', 'province': prov, 'nationality': nat or p.nat,
        'law_sections': law, 'crime_type': crime_of([tuple(x.split(' ', 1)) for x in law.split('; ')]) if law else '',
        'exploitation': expl or '', 'case_id': cid or '', 'case_status': status or '', 'protection_status': prot or '',
        'role': role})


def victim_role(case):
    return 'smuggled_migrant' if case.crime in ('som', 'som_related') else 'victim'


def new_wb():
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = 'clerk'
    return wb


def save_wb(wb, fn, kinds):
    wb.save(os.path.join(OUT, fn))
    for ws in wb.worksheets:
        SHEETS.append((fn, ws.title, kinds.get(ws.title, 'data'), ws.max_row))


def write_csv(fn, lines, encoding, delim=',', bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator='\r\n')
    for l in lines:
        w.writerow(l)
    txt = buf.getvalue()
    assert '\n' not in txt.replace('\r\n', '')
    data = txt.encode(encoding)
    if bom:
        data = b'\xef\xbb\xbf' + data
    with open(os.path.join(OUT, fn), 'wb') as f:
        f.write(data)
    SHEETS.append((fn, '', 'data', len(lines)))


WRAP = Alignment(wrap_text=True, vertical='top')
BOLD = Font(bold=True)


def numbered(items, style):
    if style == 0:
        return '\n'.join('%d. %s' % (i + 1, x) for i, x in enumerate(items))
    if style == 1:
        return ' '.join('(%d) %s' % (i + 1, x) for i, x in enumerate(items))
    if style == 2:
        return ', '.join('%d- %s' % (i + 1, x) for i, x in enumerate(items))
    return '; '.join('%d) %s' % (i + 1, x) for i, x in enumerate(items))


# ================================================================ file writers
LINKS = defaultdict(list)   # (kind of link) -> [(person, case)] for cross-file reuse with the same case


def kinds_for(crime, nv):
    if crime in ('som', 'som_related', 'migration_fraud'):
        return ['man'] * nv
    return [rng.choice(['child', 'child', 'woman', 'woman', 'man']) for _ in range(nv)]


def f_sukkur():
    fn, fk = 'FIA_AHTC_Sukkur_Monthly_Return_Nov-Dec_2024.xlsx', 'SUK'
    UNIT[0] = 'FIA AHTC Sukkur'
    wb = new_wb()
    cnt = [231]
    stale = []
    for month in (11, 12):
        sh = 'Nov-2024' if month == 11 else 'Dec-2024'
        ws = wb.create_sheet(sh)
        for i, t in enumerate(['FEDERAL INVESTIGATION AGENCY', 'ANTI HUMAN TRAFFICKING CIRCLE, SUKKUR',
                               'Monthly progress of cases registered under PTPA/PSMA-2018 and allied laws for the month of %s, 2024' % MONTH_FULL[month - 1]]):
            ws.merge_cells('A%d:L%d' % (i + 1, i + 1))
            ws.cell(i + 1, 1, t).font = BOLD
        heads = {1: 'S#', 2: 'FIR No. & Date', 3: 'Sections of Law', 9: 'Address', 10: 'Accused (Name & Parentage)',
                 11: 'Status', 12: 'Remarks'}
        for c, t in heads.items():
            ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
            ws.cell(5, c, t).font = BOLD
        ws.merge_cells('D5:H5')
        ws['D5'] = "Victim's particulars"
        for c, t in zip(range(4, 9), ['Name', 'Parentage', 'Age', 'Sex', 'CNIC']):
            ws.cell(6, c, t).font = BOLD
        r = 7
        nvt = nat = 0
        dates = month_dates(19, month)
        for i, d in enumerate(dates):
            crime = wchoice([('tip', 30), ('tip_related', 30), ('both', 8), ('som', 14), ('other', 4)])
            c = new_case(cnt, d, crime)
            nv = rng.choice([1, 1, 2, 2, 3, 3, 4, 5])
            vs = [draw(k, ['sindh_n'], fk, 0.25) for k in kinds_for(crime, nv)]
            accs = [draw('accused', ['sindh_n'], fk, 0.1) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
            top = r
            ws.cell(r, 1, i + 1)
            ws.cell(r, 2, rng.choice(['%d/2024\ndt. %s', 'FIR No. %d/24 dated %s', '%d/24\n%s']) % (c.no, fmt_date(d, rng.choice([0, 2, 3, 5]))))
            ws.cell(r, 3, fmt_secs(c.secs))
            ws.cell(r, 11, c.status_w)
            role = victim_role(c)
            for j, p in enumerate(vs):
                rr = render(p, d)
                ws.cell(r, 4, rr.hon + rr.name)
                ws.cell(r, 5, relphrase(rr))
                ws.cell(r, 6, rng.choice([rr.age, rr.age, '%d yrs' % rr.age, '%dY' % rr.age]))
                sx = rng.choice({'male': ['M', 'Male'], 'female': ['F', 'Female', 'female'], 'transgender': ['TG']}[p.sex])
                ws.cell(r, 7, sx)
                if rr.cnic:
                    ws.cell(r, 8, fmt_cnic(rr.cnic))
                elif rng.random() < 0.3:
                    ws.cell(r, 8, rng.choice(['-', 'N/A', 'B-form not available']))
                ws.cell(r, 9, address(p))
                ex = ''
                if role == 'victim' and rng.random() < 0.7:
                    ex = expl_for(p.kind)
                    ws.cell(r, 12, rng.choice(EXPL[ex]))
                add(fn, sh, r, 1, rr, role, d, sex=p.sex, age=rr.age, cnic=rr.cnic, case=c, expl=ex)
                if p.kind == 'child':
                    LINKS['sindh_child'].append((p, c))
                if p.kind == 'woman':
                    LINKS['sindh_woman'].append((p, c))
                if month == 11 and len(stale) < 12:
                    stale.append([i + 1, ws.cell(top, 2).value, ws.cell(top, 3).value, ws.cell(r, 4).value, ws.cell(r, 5).value,
                                  ws.cell(r, 6).value, ws.cell(r, 7).value, ws.cell(r, 8).value, ws.cell(r, 9).value])
                r += 1
            items = []
            ars = []
            for k, p in enumerate(accs):
                ra = render(p, d)
                items.append('%s%s %s r/o %s' % (ra.hon, ra.name, relphrase(ra), address(p, rng.choice([0, 1]))))
                ars.append(ra)
            ws.cell(top, 10, numbered(items, 0) if len(items) > 1 or rng.random() < 0.5 else items[0])
            for k, ra in enumerate(ars):
                add(fn, sh, top, k + 1, ra, 'accused', d, sex=relsex(ra), case=c)
            for col in (1, 2, 3, 10, 11):
                if r - 1 > top:
                    ws.merge_cells(start_row=top, start_column=col, end_row=r - 1, end_column=col)
                ws.cell(top, col).alignment = WRAP
            nvt += len(vs)
            nat += len(accs)
        ws.cell(r + 1, 1, 'Total')
        ws.cell(r + 1, 2, '%d cases' % len(dates))
        ws.cell(r + 1, 4, '%d victims' % nvt)
        ws.cell(r + 1, 10, '%d accused' % nat)
        ws.cell(r + 4, 10, 'Sd/-')
        ws.cell(r + 5, 10, 'Deputy Director')
        ws.cell(r + 6, 10, 'FIA AHT Circle, Sukkur')
    s = wb.create_sheet('Abstract')
    s.append(['Abstract of cases Nov-Dec 2024'])
    s.append(['Crime head', 'Nov', 'Dec', 'Total'])
    for h in ('PTPA', 'PSMA', 'PPC 371-A/B', 'Others'):
        a, b = rng.randint(1, 9), rng.randint(1, 9)
        s.append([h, a, b, a + b])
    h = wb.create_sheet('Oct-2024 (old)')
    h.append(['S#', 'FIR No. & Date', 'Sections of Law', 'Name', 'Parentage', 'Age', 'Sex', 'CNIC', 'Address'])
    for x in stale:
        h.append(x)
    h.sheet_state = 'hidden'
    save_wb(wb, fn, {'Abstract': 'summary', 'Oct-2024 (old)': 'hidden'})


def f_hyderabad():
    fn, fk = 'AHTC_HYD_Register_Nov_Dec24.xls', 'HYD'
    UNIT[0] = 'FIA AHTC Hyderabad'
    wb = xlwt.Workbook(encoding='utf-8')
    ws = wb.add_sheet('Register')
    dstyle = xlwt.easyxf(num_format_str='DD/MM/YYYY')
    head = ['Case No', 'Dated', 'U/S', 'Name of person', 'F/H Name', 'Category', 'Sex', 'Age', 'CNIC No', 'Cell No',
            'Address', 'Status', 'S.No']
    rows = []  # list of lists (None = blank row); converted at the end
    rows.append(['OFFICE OF THE DEPUTY DIRECTOR, FIA ANTI HUMAN TRAFFICKING CIRCLE HYDERABAD'])
    rows.append(['Register of cases (TIP/SOM) - Nov & Dec 2024 (copied from Register No. II)'])
    rows.append(None)
    rows.append(list(head))
    pend = []  # truth to add once row numbers known: (rowidx, args, kwargs)
    cnt = [88]
    page = 1
    since = 0
    for month in (11, 12):
        sno = 0
        for d in month_dates(26, month):
            crime = wchoice([('tip', 25), ('tip_related', 25), ('som', 15), ('migration_fraud', 10), ('both', 5), ('som_related', 6)])
            c = new_case(cnt, d, crime)
            persons = []
            if rng.random() < 0.45:
                persons.append(('complainant', draw('man', ['sindh_s', 'sindh_n'], fk, 0.1), 'Complainant'))
            nv = rng.choice([1, 2, 2, 3, 4])
            ks = kinds_for(crime, nv)
            if crime in ('tip', 'tip_related') and rng.random() < 0.25:
                ks[0] = 'tg'
            vr = victim_role(c)
            for k in ks:
                p = draw(k, ['sindh_s', 'sindh_n'] if k != 'man' or crime not in ('som', 'som_related') else ['sindh_s', 'punjab_n', 'other'], fk, 0.3)
                persons.append((vr, p, rng.choice(['Victim', 'Affectee', 'victim']) if vr == 'victim' else rng.choice(['Migrant', 'Smuggled migrant'])))
            for _ in range(rng.choice([1, 1, 2, 3])):
                persons.append(('accused', draw('accused', ['sindh_s', 'sindh_n'], fk, 0.3), rng.choice(['Accused', 'Agent', 'Sub-agent', 'Smuggler', 'Accused'])))
            if since > 38:
                page += 1
                rows.append(['(Page %d)' % page])
                rows.append(list(head))
                since = 0
            if rng.random() < 0.08:
                rows.append(None)
            first = True
            for role, p, cat in persons:
                rr = render(p, d)
                row = [''] * 13
                if first:
                    row[0] = rng.choice(['FIR %d/2024', '%d/24', 'FIR No.%d/24']) % c.no
                    row[1] = d if rng.random() < 0.5 else fmt_date(d, rng.choice([0, 1, 2, 3]))
                    row[2] = fmt_secs(c.secs)
                    row[11] = c.status_w
                    sno += 1
                    row[12] = sno
                else:
                    dit = rng.choice(['-do-', '"', '', '-do-'])
                    row[0] = dit
                    row[1] = dit
                    row[2] = dit
                    row[11] = dit
                first = False
                row[3] = rr.hon + rr.name
                # combined F/H column
                if rr.kind == 'w':
                    row[4] = 'W/o ' + rr.husband
                elif rr.kind == 'dw':
                    row[4] = 'D/o %s W/o %s' % (rr.father, rr.husband)
                else:
                    row[4] = rng.choice(['', 'S/o ' if rr.kind == 's' else 'D/o ']) + rr.father
                row[5] = cat
                sx = {'male': rng.choice(['M', 'Male']), 'female': rng.choice(['F', 'Female']),
                      'transgender': rng.choice(['TG', 'Khawaja sira'])}[p.sex]
                row[6] = sx
                age = ''
                if role != 'accused' or rng.random() < 0.4:
                    age = rr.age
                    row[7] = age
                if rr.cnic:
                    row[8] = float(rr.cnic) if rng.random() < 0.5 else fmt_cnic(rr.cnic)
                ph = ''
                if p.phone and rng.random() < 0.6:
                    if rng.random() < 0.5:
                        row[9] = int(p.phone)
                        ph = p.phone[1:]
                    else:
                        row[9], ph = fmt_phone(p.phone, rng.choice([0, 1]))
                row[10] = address(p)
                rows.append(row)
                ex = ''
                pend.append((len(rows), rr, role, d, dict(sex=p.sex, age=age, cnic=rr.cnic, phone=ph, case=c, expl=ex)))
                if role == 'victim' and p.sex == 'female' and p.kind == 'woman':
                    LINKS['hyd_woman'].append((p, c))
                if role == 'victim' and p.kind == 'child':
                    LINKS['sindh_child'].append((p, c))
                if p.kind == 'tg':
                    LINKS['tg'].append((p, c))
                since += 1
    rows.append(None)
    rows.append(['', '', '', 'Total persons entered: %d' % len(pend)])
    rows.append(None)
    rows.append(['', '', '', '', '', '', '', '', '', '', 'Sd/- Inspector (Register clerk)'])
    for i, row in enumerate(rows):
        if row is None:
            continue
        for j, v in enumerate(row):
            if v == '' or v is None:
                continue
            if isinstance(v, dt.date):
                ws.write(i, j, v, dstyle)
            else:
                ws.write(i, j, v)
    for rowno, rr, role, d, kw in pend:
        add(fn, 'Register', rowno, 1, rr, role, d, **kw)
    n = wb.add_sheet('Notes')
    n.write(0, 0, 'Notes')
    n.write(1, 0, '1. Entries copied from Register No. II page by page; header repeated on each page.')
    n.write(2, 0, '2. "-do-" / " means same as above.')
    n.write(3, 0, '3. Cell numbers entered as numbers by data entry operator.')
    wb.save(os.path.join(OUT, fn))
    SHEETS.append((fn, 'Register', 'data', len(rows)))
    SHEETS.append((fn, 'Notes', 'notes', 4))


def f_rawalpindi():
    fn, fk = 'AHTC_RWP_TIP_SOM_NovDec2024.csv', 'RWP'
    head = ['Sr.', 'FIR No', 'Date of FIR', 'Offence', 'Complainant', 'Complainant CNIC']
    for k in (1, 2, 3):
        head += ['Victim-%d Name' % k, 'Victim-%d F/H Name' % k, 'Victim-%d Age' % k, 'Victim-%d CNIC' % k, 'Victim-%d Address' % k]
    head += ['Accused persons', 'Country/Route', 'Status', 'Remarks']
    lines = [['FIA Anti Human Trafficking Circle Rawalpindi'], ['Statement of cases registered during November & December 2024'], head]
    cnt = [402]
    i = 0
    for month in (11, 12):
        for d in month_dates(38, month):
            i += 1
            crime = wchoice([('som', 30), ('migration_fraud', 30), ('tip', 12), ('both', 8), ('som_related', 10), ('other', 4)])
            c = new_case(cnt, d, crime)
            ln = len(lines) + 1
            row = [i, rng.choice(['%d/2024', '%d/24', 'FIR No. %d/2024']) % c.no, fmt_date(d, rng.choice([0, 6, 2, 7])), fmt_secs(c.secs)]
            if rng.random() < 0.7:
                pc = draw('man', ['punjab_n'], fk, 0.3)
                rc = render(pc, d, hon_p=0.15)
                row += ['%s%s %s r/o %s' % (rc.hon, rc.name, relphrase(rc), address(pc)), fmt_cnic(rc.cnic) if rc.cnic else '']
                add(fn, '', ln, 1, rc, 'complainant', d, sex='male', cnic=rc.cnic, case=c)
            else:
                row += ['State through SI %s' % rn(male_name('punjab_n')), '']
            vr = victim_role(c)
            nv = rng.choice([1, 2, 2, 3, 3])
            ex = ''
            if vr == 'victim' and crime in ('tip', 'both') and rng.random() < 0.8:
                ex = rng.choice(['forced_labour', 'other', 'bonded_labour'])
            for k in range(3):
                if k < nv:
                    if crime in ('som', 'som_related') and rng.random() < 0.15:
                        p = draw('man', ['foreign_afg'], fk, 0.0)
                    else:
                        p = draw('man', ['punjab_n', 'punjab_c'], fk, 0.3)
                    rr = render(p, d)
                    fh = rr.father if rng.random() < 0.6 else 'S/o ' + rr.father
                    sex = 'male' if fh.startswith('S/o') else ''
                    row += [rr.hon + rr.name, fh, rr.age, fmt_cnic(rr.cnic) if rr.cnic else '', address(p)]
                    add(fn, '', ln, k + 1, rr, vr, d, sex=sex, age=rr.age, cnic=rr.cnic, case=c, expl=ex)
                    LINKS['migrant'].append((p, c))
                else:
                    row += ['', '', '', '', '']
            items = []
            for k in range(rng.choice([1, 1, 2, 3])):
                p = draw('accused', ['punjab_n'], fk, 0.3)
                ra = render(p, d)
                items.append('%s%s %s r/o %s' % (ra.hon, ra.name, relphrase(ra, rng.choice([0, 1, 2])), address(p, rng.choice([0, 1]))))
                add(fn, '', ln, k + 1, ra, 'accused', d, sex='male' if ra.kind == 's' else 'female', case=c)
                LINKS['agent'].append((p, c))
            row.append(numbered(items, 3) if len(items) > 1 else items[0])
            row.append(rng.choice(['Italy via Libya', 'Greece via Iran/Turkey', 'Spain', 'Dubai', 'Saudi Arabia', 'UK (visit visa)', 'Turkey']))
            row.append(c.status_w)
            rem = ''
            if ex:
                rem = {'forced_labour': 'victims made to work without wages abroad', 'other': 'victims held for ransom in safe house',
                       'bonded_labour': 'debt bondage - agent kept passports'}[ex]
            elif crime == 'migration_fraud':
                rem = 'Affectees paid Rs. %s each' % format(rng.randint(30, 250) * 10000, ',')
            row.append(rem)
            lines.append(row)
    lines.append([])
    lines.append(['Total cases: %d' % i])
    write_csv(fn, lines, 'utf-8', bom=True)


def f_gujrat():
    fn, fk = 'FIA_AHTC_Gujrat_MBDin_Case_Proformas.xlsx', 'GUJ'
    wb = new_wb()
    idx = wb.create_sheet('Index')
    idx.append(['Index of case proformas - Nov/Dec 2024'])
    idx.append(['Sheet', 'FIR No', 'Date', 'Offence', 'Affectees', 'Accused'])
    tmpl = wb.create_sheet('Template')
    for i, t in enumerate(['FIR No.', 'Date of FIR', 'Police Station', 'Offence', 'Complainant', 'Complainant CNIC', 'Country', 'Present status']):
        tmpl.cell(i + 4, 1, t)
    tmpl.sheet_state = 'hidden'
    cnt = [377]
    n = 0
    for month in (11, 12):
        for d in month_dates(21, month):
            n += 1
            sh = 'Case-%02d' % n
            ws = wb.create_sheet(sh)
            crime = wchoice([('migration_fraud', 45), ('som', 20), ('som_related', 10), ('tip', 10), ('both', 5), ('other', 5)])
            c = new_case(cnt, d, crime)
            sub = rng.random() < 0.4
            ws.merge_cells('A1:G1')
            ws['A1'] = 'FIA ANTI HUMAN TRAFFICKING CIRCLE GUJRAT' + (' - SUB-CIRCLE MANDI BAHAUDDIN' if sub else '')
            ws['A2'] = 'Case Proforma (Monthly Return %s 2024)' % MONTH_FULL[month - 1]
            ws['A4'], ws['B4'] = 'FIR No.', rng.choice(['FIR No. %d/2024', '%d/2024', '%d/24']) % c.no
            ws['A5'] = 'Date of FIR'
            if rng.random() < 0.5:
                ws['B5'] = dt.datetime(d.year, d.month, d.day)
                ws['B5'].number_format = 'dd-mm-yyyy'
            else:
                ws['B5'] = fmt_date(d, rng.choice([0, 3, 4, 2]))
            ws['A6'], ws['B6'] = 'Police Station', 'FIA AHTC Sub-Circle M.B.Din' if sub else 'FIA AHTC Gujrat'
            ws['A7'], ws['B7'] = 'Offence', fmt_secs(c.secs)
            regs = ['punjab_n']
            vr = victim_role(c)
            nv = rng.choice([2, 3, 3, 4, 5, 6])
            vs = [draw('man', regs, fk, 0.35) for _ in range(nv)]
            comp_is_v1 = rng.random() < 0.5
            cp = vs[0] if comp_is_v1 else draw('man', regs, fk, 0.05)
            rc = render(cp, d)
            ws['A8'], ws['B8'] = 'Complainant', '%s%s %s r/o %s' % (rc.hon, rc.name, relphrase(rc), address(cp))
            ws['A9'] = 'Complainant CNIC'
            if rc.cnic:
                ws['B9'] = int(rc.cnic) if rng.random() < 0.3 else fmt_cnic(rc.cnic)
            add(fn, sh, 8, 1, rc, 'complainant', d, sex='male', cnic=rc.cnic, case=c)
            ws['A10'], ws['B10'] = 'Country', rng.choice(['Italy', 'Greece', 'Libya', 'Saudi Arabia', 'Oman', 'Portugal', 'Romania (work visa)'])
            ws['A11'], ws['B11'] = 'Present status', c.status_w
            ws.merge_cells('A13:G13')
            ws['A13'] = 'PARTICULARS OF AFFECTEES / VICTIMS'
            for j, t in enumerate(['Sr', 'Name', 'Father / Husband Name', 'Age', 'CNIC No.', 'Address', 'Amount paid (Rs.)']):
                ws.cell(14, j + 1, t).font = BOLD
            r = 15
            ex = ''
            if vr == 'victim' and crime in ('tip', 'both') and rng.random() < 0.7:
                ex = rng.choice(['forced_labour', 'other'])
            for j, p in enumerate(vs):
                rr = render(p, d)
                ws.cell(r, 1, j + 1)
                ws.cell(r, 2, rr.hon + rr.name)
                sx = ''
                if rng.random() < 0.6:
                    ws.cell(r, 3, 'S/o ' + rr.father)
                    sx = 'male'
                else:
                    ws.cell(r, 3, rr.father)
                ws.cell(r, 4, rr.age)
                if rr.cnic:
                    ws.cell(r, 5, fmt_cnic(rr.cnic))
                ws.cell(r, 6, address(p))
                if crime == 'migration_fraud':
                    ws.cell(r, 7, rng.randint(3, 30) * 100000)
                add(fn, sh, r, 1, rr, vr, d, sex=sx, age=rr.age, cnic=rr.cnic, case=c, expl=ex)
                LINKS['migrant'].append((p, c))
                r += 1
            r += 1
            ws.cell(r, 1, 'PARTICULARS OF ACCUSED')
            r += 1
            for j, t in enumerate(['Sr', 'Name', 'Parentage', 'CNIC No.', 'Address', 'Role']):
                ws.cell(r, j + 1, t).font = BOLD
            r += 1
            na = rng.choice([1, 1, 2, 2, 3])
            for j in range(na):
                p = draw('accused', regs, fk, 0.35)
                ra = render(p, d, cnic_p=0.5)
                ws.cell(r, 1, j + 1)
                ws.cell(r, 2, ra.hon + ra.name)
                sx = ''
                if ra.kind == 's' and rng.random() < 0.4:
                    ws.cell(r, 3, 'S/o ' + ra.father)
                    sx = 'male'
                elif ra.kind in ('w', 'dw'):
                    ws.cell(r, 3, relphrase(ra, 2))
                    sx = 'female'
                else:
                    ws.cell(r, 3, ra.father)
                    ra.husband = ''
                    ra.father = ra.father_w
                if ra.cnic:
                    ws.cell(r, 4, fmt_cnic(ra.cnic))
                ws.cell(r, 5, address(p))
                ws.cell(r, 6, rng.choice(['Agent', 'Sub-agent', 'Main accused', 'Facilitator']))
                add(fn, sh, r, 1, ra, 'accused', d, sex=sx, cnic=ra.cnic, case=c)
                LINKS['agent'].append((p, c))
                r += 1
            r += 1
            if ex:
                ws.cell(r, 1, 'Remarks:')
                ws.cell(r, 2, {'forced_labour': 'Victims were made to work without wages', 'other': 'Victims were held for ransom in safe house'}[ex])
                r += 1
            ws.cell(r + 1, 5, 'Sd/- I.O.')
            ws.column_dimensions['A'].width = 22
            ws.column_dimensions['B'].width = 40
            idx.append([sh, '%d/2024' % c.no, d.strftime('%d-%m-%Y'), law_str(c.secs), nv, na])
    save_wb(wb, fn, {'Index': 'summary', 'Template': 'hidden'})


def f_larkana():
    fn, fk = 'SindhPolice_Larkana_FIR_Extract_NovDec24.csv', 'LRK'
    head = ['S.No', 'FIR No/Year', 'Date of FIR', 'Police Station', 'Offence', 'Complainant', 'Victim(s)', 'Age(s)',
            'CNIC(s)', 'Accused', 'Present Status', 'I.O. Remarks']
    lines = [['SINDH POLICE - DISTRICT LARKANA'], ['Extract of FIRs registered under TIP related sections – Nov/Dec 2024'], head]
    cnt = [540]
    i = 0
    for month in (11, 12):
        for d in month_dates(32, month):
            i += 1
            crime = wchoice([('tip_related', 45), ('tip', 25), ('other', 10), ('both', 5)])
            ps = rng.choice(['Ratodero', 'Dokri', 'Bakrani', 'Larkana City', 'Waleed', 'Naudero', 'Rehmatpur'])
            UNIT[0] = 'PS %s, Larkana' % ps
            c = new_case(cnt, d, crime)
            ln = len(lines) + 1
            nv = rng.choice([1, 1, 2, 2, 3])
            ks = kinds_for(crime, nv)
            vs = []
            for k in ks:
                if k == 'woman' and rng.random() < 0.15:
                    k = 'tg'
                vs.append(draw(k, ['sindh_n'], fk, 0.35))
            row = [i, rng.choice(['%d/2024', 'FIR %d/24', '%d/24']) % c.no, fmt_date(d, rng.choice([0, 6, 2, 5])),
                   'PS ' + ps,
                   fmt_secs(c.secs)]
            # complainant: usually the father of the first victim
            v0 = vs[0]
            if rng.random() < 0.75:
                cp = new_person('man', 'sindh_n')
                cp.files.add(fk)
                cp.given = list(v0.father)
                cp.dob = dt.date(v0.dob.year - rng.randint(22, 35), cp.dob.month, cp.dob.day)
                cp.district, cp.town = v0.district, v0.town
                rc = render(cp, d, vp=0.0)
                row.append('%s%s %s r/o %s' % (rc.hon, rc.name, relphrase(rc), address(cp, 1)))
                add(fn, '', ln, 1, rc, 'complainant', d, sex='male', case=c)
            else:
                row.append('State through ASI %s' % rn(male_name('sindh_n')))
            items, ages, cn = [], [], []
            role = victim_role(c)
            ex = expl_for(v0.kind if v0.kind != 'tg' else 'woman') if rng.random() < 0.6 else ''
            for j, p in enumerate(vs):
                rr = render(p, d, rel_mode='father' if p.kind == 'child' else 'auto')
                with_addr = rng.random() < 0.5
                items.append('%s%s %s%s' % (rr.hon, rr.name, relphrase(rr, rng.choice([0, 2])), (' r/o ' + address(p, 1)) if with_addr else ''))
                ages.append(str(rr.age))
                cn.append(fmt_cnic(rr.cnic, 0) if rr.cnic else 'nil')
                add(fn, '', ln, j + 1, rr, role, d, sex=relsex(rr), age=rr.age, cnic=rr.cnic, case=c,
                    expl=ex if role == 'victim' else '', district=None if with_addr else '')
                if p.kind == 'child':
                    LINKS['sindh_child'].append((p, c))
                if p.kind == 'woman':
                    LINKS['sindh_woman'].append((p, c))
            if len(vs) > 1 or rng.random() < 0.4:
                row.append(numbered(items, 1))
                row.append(', '.join(ages))
                row.append(' '.join('(%d) %s' % (j + 1, x) for j, x in enumerate(cn)))
            else:
                row += [items[0], ages[0], cn[0] if cn[0] != 'nil' else '']
            acc = []
            for j in range(rng.choice([1, 1, 2, 3])):
                p = draw('accused', ['sindh_n'], fk, 0.3)
                ra = render(p, d)
                acc.append('%s%s %s' % (ra.hon, ra.name, relphrase(ra, rng.choice([0, 1]))))
                add(fn, '', ln, j + 1, ra, 'accused', d, sex=relsex(ra), case=c, district='')
            row.append(numbered(acc, 2) if len(acc) > 1 else acc[0])
            row.append(c.status_w)
            rem = ''
            if ex:
                rem = 'Victim’s statement recorded – %s' % rng.choice(EXPL[ex])
            elif rng.random() < 0.3:
                rem = rng.choice(['Raid conducted – accused fled', 'Medico-legal exam done', 'Accused’s bail dismissed'])
            row.append(rem)
            lines.append(row)
    lines.append(['', 'Total FIRs: %d' % i])
    lines.append(['', 'Sd/- SSP Larkana'])
    write_csv(fn, lines, 'cp1252', delim=';')


def town_or_district_written(p, urdu_p=0.5):
    """District column value: Urdu or English, town (tehsil) or district name."""
    name = p.town if rng.random() < 0.5 else p.district
    if rng.random() < urdu_p and name in URDU_PLACE:
        return URDU_PLACE[name]
    return name


def f_kasur():
    fn, fk = 'Punjab_Police_Kasur_TIP_Return_Dec2024.xlsx', 'KSR'
    wb = new_wb()
    cnt = [611]
    stale = []
    head = ['Sr. No.', 'Police Station', 'FIR No.', 'Date', 'Offence', 'Name', 'Parentage', 'Person type', 'Age / DOB',
            'CNIC', 'ضلع', 'Status of case', 'Remarks']
    for month in (11, 12):
        sh = 'Nov 24' if month == 11 else 'Dec 24'
        ws = wb.create_sheet(sh)
        ws['L1'] = 'Annexure-B'
        ws['A2'] = 'DISTRICT POLICE KASUR'
        ws['A3'] = 'Statement showing cases of human trafficking / kidnapping for sale registered during %s 2024' % MONTH_FULL[month - 1]
        for j, t in enumerate(head):
            ws.cell(5, j + 1, t).font = BOLD
        r = 6
        k = 0
        blank_done = False
        for d in month_dates(30, month):
            k += 1
            crime = wchoice([('tip_related', 45), ('tip', 30), ('other', 10)])
            ps = rng.choice(['Pattoki City', 'Chunian', 'Kot Radha Kishan', 'A-Division Kasur', 'Sadar Kasur',
                             'Mustafabad', 'Khudian', 'Raja Jang'])
            UNIT[0] = ps
            c = new_case(cnt, d, crime)
            if not blank_done and k > 14:
                r += 1     # data continues after a blank row
                blank_done = True
            ws.cell(r, 1, k)
            ws.cell(r, 2, ps)
            ws.cell(r, 3, ('%d/24' % c.no).translate(UDIG) if rng.random() < 0.2 else rng.choice(['%d/24', '%d/2024']) % c.no)
            x = rng.random()
            if x < 0.5:
                ws.cell(r, 4, serial(d))    # Excel serial left as a General number
            elif x < 0.8:
                ws.cell(r, 4, dt.datetime(d.year, d.month, d.day)).number_format = 'dd/mm/yyyy'
            else:
                ws.cell(r, 4, fmt_date(d, rng.choice([0, 2, 3])))
            ws.cell(r, 5, fmt_secs(c.secs, rng.choice([0, 2])))
            ws.cell(r, 12, c.status_w)
            persons = []
            if rng.random() < 0.6:
                persons.append(('complainant', draw('man', ['punjab_c'], fk, 0.05), rng.choice(['Complainant', 'Compl.'])))
            for kk in kinds_for(crime, rng.choice([1, 1, 2, 2, 3])):
                persons.append(('victim', draw(kk, ['punjab_c'], fk, 0.3), rng.choice(['Victim', 'Victim', 'Vic.', 'Abductee'])))
            for _ in range(rng.choice([1, 1, 2, 3])):
                persons.append(('accused', draw('accused', ['punjab_c'], fk, 0.25), rng.choice(['Accused', 'Accused', 'Accd.'])))
            ex_case = expl_for('child') if rng.random() < 0.5 else ''
            for role, p, cat in persons:
                rr = render(p, d, rel_mode='father' if p.kind == 'child' else 'auto')
                ws.cell(r, 6, rr.hon + rr.name)
                ws.cell(r, 7, relphrase(rr, rng.choice([1, 2])))
                ws.cell(r, 8, cat)
                age, dob = '', None
                if p.kind == 'child' and rng.random() < 0.6:
                    dob = p.dob
                    age = d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))
                    if rng.random() < 0.5:
                        ws.cell(r, 9, 'DOB ' + fmt_date(dob, rng.choice([0, 2])))
                    else:
                        ws.cell(r, 9, 'D.O.B: ' + dob.strftime('%d-%b-%Y'))
                elif role != 'accused' or rng.random() < 0.3:
                    age = rr.age
                    ws.cell(r, 9, rng.choice([age, '%d years' % age]))
                if rr.cnic:
                    ws.cell(r, 10, int(rr.cnic) if rng.random() < 0.4 else fmt_cnic(rr.cnic))
                ws.cell(r, 11, town_or_district_written(p))
                ex = ''
                if role == 'victim' and ex_case:
                    ex = ex_case if p.kind == 'child' else expl_for(p.kind)
                    ws.cell(r, 13, rng.choice(EXPL[ex]))
                add(fn, sh, r, 1, rr, role, d, sex=relsex(rr), age=age, dob=dob, cnic=rr.cnic, case=c, expl=ex)
                if role == 'victim':
                    LINKS['kasur_victim'].append((p, c))
                if month == 11 and len(stale) < 15:
                    stale.append([ws.cell(r, j).value for j in range(1, 14)])
                r += 1
        ws.cell(r + 1, 1, 'G. Total')
        ws.cell(r + 1, 3, '%d FIRs' % k)
        ws.cell(r + 4, 10, 'DSP Legal')
        ws.cell(r + 5, 10, 'for District Police Officer, Kasur')
    a = wb.create_sheet('Abstract')
    a.append(['Abstract', 'Nov', 'Dec'])
    a.append(['FIRs registered', 30, 30])
    a.append(['Victims recovered', rng.randint(30, 60), rng.randint(30, 60)])
    h = wb.create_sheet('Sheet3')
    h.append(head)
    for x in stale:
        h.append(x)
    h.sheet_state = 'hidden'
    save_wb(wb, fn, {'Abstract': 'summary', 'Sheet3': 'hidden'})


def f_dua():
    fn, fk = 'DarulAman_Hyderabad_Admissions_NovDec2024.txt', 'DUA'
    head = ['S.No', 'Date of Admission', 'Name of Inmate', 'Age', 'CNIC', 'Address', 'Referred by', 'Reason of admission',
            'Present Status', 'کیفیت']
    lines = [['Dar-ul-Aman Hyderabad (Social Welfare Department, Govt. of Sindh)'],
             ['Admission register extract: November–December 2024'], [], head]
    links = LINKS['hyd_woman'] + LINKS['sindh_woman']
    used = set()
    s = 0
    for month in (11, 12):
        for d in month_dates(95, month):
            s += 1
            case = None
            x = rng.random()
            cands = [y for y in links if y[1].date <= d and y[0].pid not in used and fk not in y[0].files]
            if x < 0.5 and cands:
                p, case = cands[rng.randrange(len(cands))]
                p.files.add(fk)
            elif x < 0.53:
                p = draw('woman', ['foreign_bgd'], fk, 0.0)
            else:
                p = draw('woman', ['sindh_s', 'sindh_n'], fk, 0.08)
            used.add(p.pid)
            rr = render(p, d)
            ln = len(lines) + 1
            age = rr.age
            agew = rng.choice([str(age), '%d yrs' % age, str(age).translate(UDIG)])
            ref, law, cid = '', '', ''
            if case is not None:
                ref = rng.choice(['%s FIR %s %s' % (case.unit, case.cid, fmt_secs(case.secs, 0)),
                                  '%s, FIR No. %d/2024 (%s)' % (case.unit, case.no, fmt_secs(case.secs, 2))])
                law, cid = law_str(case.secs), case.cid
            else:
                ref = rng.choice(['Court of Civil Judge & JM Latifabad', 'Sessions Court Hyderabad', 'Self', 'Edhi Centre',
                                  'Women Protection Cell', 'Court of JM Kotri'])
            ex = ''
            if rng.random() < 0.55:
                ex = expl_for('woman')
                reason = rng.choice(EXPL[ex])
            else:
                reason = rng.choice(['Domestic dispute', 'Protection after court marriage', 'Threats from family', 'Homeless'])
            if p.nat == 'BGD':
                prot = rng.choice(['repatriated', 'in_shelter'])
            else:
                prot = rng.choice(['in_shelter', 'in_shelter', 'restored_to_family', 'escaped', 'discharged', 'referred'])
            if prot == 'repatriated':
                pw = 'Repatriated to Bangladesh'
            elif prot == 'restored_to_family' and p.husband and rr.kind in ('w', 'dw'):
                pw = 'Handed over to husband'
            else:
                pw = rng.choice(PROT[prot])
            uw = PROT_U.get(prot, '') if rng.random() < 0.5 else ''
            nm = '%s%s %s' % (rr.hon, rr.name, relphrase(rr, rng.choice([0, 1, 2])))
            lines.append([s, fmt_date(d), nm, agew, fmt_cnic(rr.cnic) if rr.cnic else '', address(p), ref, reason, pw, uw])
            add(fn, '', ln, 1, rr, 'victim', d, sex='female', age=age, cnic=rr.cnic, expl=ex, prot=prot,
                law=law, cid=cid, status='')
    lines.append([])
    lines.append(['', 'Total admissions: %d' % s])
    lines.append(['', 'Superintendent, Dar-ul-Aman Hyderabad'])
    data = io.StringIO()
    w = csv.writer(data, delimiter='\t', lineterminator='\r\n')
    for l in lines:
        w.writerow(l)
    with open(os.path.join(OUT, fn), 'wb') as f:
        f.write(data.getvalue().encode('utf-16'))
    SHEETS.append((fn, '', 'data', len(lines)))


def f_scpa():
    fn, fk = 'SCPA_Child_Protection_Cases_NovDec24.xlsx', 'SCPA'
    wb = new_wb()
    links = LINKS['sindh_child']
    used = set()
    head = ['نمبر شمار', 'تاریخ اندراج', 'بچے کا نام', 'ولدیت', 'عمر', 'جنس', 'ضلع', 'نوعیت', 'مقدمہ', 'کیفیت']
    for month in (11, 12):
        sh = 'نومبر ۲۰۲۴' if month == 11 else 'دسمبر ۲۰۲۴'
        ws = wb.create_sheet(sh)
        ws.sheet_view.rightToLeft = True
        ws.merge_cells('A1:J1')
        ws['A1'] = 'سندھ چائلڈ پروٹیکشن اتھارٹی'
        ws.merge_cells('A2:J2')
        ws['A2'] = 'سنڌ چائلڊ پروٽيڪشن اٿارٽي — ماهوار رپورٽ (%s)' % URDU_MONTH[month - 1]
        for j, t in enumerate(head):
            ws.cell(3, j + 1, t).font = BOLD
        r = 4
        for k, d in enumerate(month_dates(100, month)):
            case = None
            cands = [y for y in links if y[1].date <= d and y[0].pid not in used and fk not in y[0].files]
            if rng.random() < 0.55 and cands:
                p, case = cands[rng.randrange(len(cands))]
                p.files.add(fk)
            else:
                p = draw('child', ['sindh_n', 'sindh_s'], fk, 0.0)
            used.add(p.pid)
            rr = render(p, d, urdu=True, rel_mode='father')
            ws.cell(r, 1, str(k + 1).translate(UDIG))
            if rng.random() < 0.6:
                ws.cell(r, 2, udate(d))
            else:
                ws.cell(r, 2, dt.datetime(d.year, d.month, d.day)).number_format = 'dd/mm/yyyy'
            ws.cell(r, 3, rr.name)
            ws.cell(r, 4, rr.father)
            ws.cell(r, 5, str(rr.age).translate(UDIG) if rng.random() < 0.6 else rr.age)
            ws.cell(r, 6, 'لڑکا' if p.sex == 'male' else 'لڑکی')
            dist = p.district
            if rng.random() < 0.85:
                ws.cell(r, 7, URDU_PLACE.get(p.town if rng.random() < 0.5 and p.town in URDU_PLACE else p.district, p.district))
            else:
                dist = ''
            ex = ''
            if rng.random() < 0.75:
                ex = rng.choice(list(EXPL_U))
                ws.cell(r, 8, EXPL_U[ex])
            law = cid = ''
            if case is not None:
                ws.cell(r, 9, rng.choice(['مقدمہ نمبر %s (%s)' % (case.cid.translate(UDIG), fmt_secs(case.secs, 2)),
                                          'FIR %s %s u/s %s' % (case.cid, case.unit, fmt_secs(case.secs, 2))]))
                law, cid = law_str(case.secs), case.cid
            prot = rng.choice(['restored_to_family', 'restored_to_family', 'in_shelter', 'escaped', 'discharged', 'referred'])
            ws.cell(r, 10, PROT_U[prot])
            add(fn, sh, r, 1, rr, 'victim', d, sex=p.sex, age=rr.age, district=dist, expl=ex, prot=prot, law=law, cid=cid, status='')
            r += 1
        ws.cell(r + 1, 3, 'کل تعداد: %s' % str(r - 4).translate(UDIG))
    s = wb.create_sheet('خلاصہ')
    s.append(['ضلع', 'تعداد'])
    for x in ('سکھر', 'لاڑکانہ', 'حیدرآباد', 'کراچی'):
        s.append([x, rng.randint(5, 40)])
    h = wb.create_sheet('Sheet1')
    for x in list(EXPL_U.values()) + list(PROT_U.values()):
        h.append([x])
    h.sheet_state = 'hidden'
    save_wb(wb, fn, {'خلاصہ': 'summary', 'Sheet1': 'hidden'})


def f_protector():
    fn, fk = 'Protector_Emigrants_RWP_Complaints_Nov-Dec24.xlsx', 'PE'
    wb = new_wb()
    ws = wb.create_sheet('Complaints')
    ws['A1'] = 'OFFICE OF THE PROTECTOR OF EMIGRANTS, RAWALPINDI'
    ws['A2'] = 'Bureau of Emigration & Overseas Employment'
    ws['A3'] = 'Annexure-B — Statement of complaints against OEPs / unlicensed agents (Nov–Dec 2024)'
    head = ['Complaint No.', 'Date of Receipt', 'Name of Complainant(s)', 'CNIC No(s).', 'Mobile', 'Country',
            'Name of OEP / Agent', 'Nature', 'Amount (Rs.)', 'Action taken', 'Status', 'S.No']
    for j, t in enumerate(head):
        ws.cell(5, j + 1, t).font = BOLD
    r = 6
    no = 1180
    sn = 0
    mig = LINKS['migrant']
    ag = LINKS['agent']
    for month in (11, 12):
        for d in month_dates(38, month):
            no += rng.randint(1, 4)
            sn += 1
            secs = rng.choice([[('EO', '22')], [('EO', '18'), ('EO', '22')], [('EO', '22')], [('EO', '18')], [('EO', '17')]])
            st = rng.choice(['investigation', 'investigation', 'closed', 'prosecution'])
            stw = rng.choice(STATUS[st])
            c = Case()
            c.no, c.date, c.secs, c.crime, c.status, c.cid = no, d, secs, crime_of(secs), st, '%d/24' % no
            ws.cell(r, 1, rng.choice(['PE/RWP/%d/2024', 'PE-RWP-%d/24', '%d/2024']) % no)
            ws.cell(r, 2, fmt_date(d, rng.choice([3, 0, 4])))
            ncomp = rng.choice([1, 1, 1, 2, 3])
            comps = []
            for _ in range(ncomp):
                if rng.random() < 0.45 and mig:
                    p = mig[rng.randrange(len(mig))][0]
                    if fk in p.files or p.nat != 'PAK':
                        p = draw('man', ['punjab_n'], fk, 0.0)
                    else:
                        p.files.add(fk)
                else:
                    p = draw('man', ['punjab_n'], fk, 0.0)
                comps.append(p)
            names, cns, phs = [], [], []
            for j, p in enumerate(comps):
                rr = render(p, d, cnic_p=0.9)
                names.append('%s%s %s' % (rr.hon, rr.name, relphrase(rr)))
                cns.append(fmt_cnic(rr.cnic) if rr.cnic else 'not provided')
                phw, ph = ('', '')
                if p.phone and rng.random() < 0.8:
                    phw, ph = fmt_phone(p.phone)
                phs.append(phw or '-')
                add(fn, 'Complaints', r, j + 1, rr, 'complainant', d, sex='male', cnic=rr.cnic, phone=ph, case=c,
                    district='', status=st)
            if ncomp > 1:
                ws.cell(r, 3, numbered(names, 0))
                ws.cell(r, 4, numbered(cns, 0))
                ws.cell(r, 5, numbered(phs, 0))
            else:
                ws.cell(r, 3, names[0])
                ws.cell(r, 4, cns[0] if cns[0] != 'not provided' else '')
                ws.cell(r, 5, phs[0] if phs[0] != '-' else '')
            ws.cell(r, 6, rng.choice(['Saudi Arabia', 'UAE', 'Qatar', 'Oman', 'Malaysia', 'Romania', 'Italy']))
            nag = rng.choice([1, 1, 2])
            items = []
            for j in range(nag):
                if rng.random() < 0.45 and ag:
                    p = ag[rng.randrange(len(ag))][0]
                    if fk in p.files:
                        p = draw('accused', ['punjab_n'], fk, 0.0)
                    else:
                        p.files.add(fk)
                else:
                    p = draw('accused', ['punjab_n'], fk, 0.0)
                ra = render(p, d)
                items.append('%s%s %s, r/o %s%s' % (ra.hon, ra.name, relphrase(ra, rng.choice([0, 2])), address(p, rng.choice([0, 1])),
                                                    rng.choice([' (unlicensed)', '', ' (sub-agent of M/s Al-Noor Overseas Employment Promoters)'])))
                add(fn, 'Complaints', r, j + 1, ra, 'accused', d, sex=relsex(ra), case=c, status=st)
            ws.cell(r, 7, numbered(items, 0) if nag > 1 else items[0])
            ws.cell(r, 8, rng.choice(['%s (unlicensed recruitment / fraud)', '%s', 'Fraud - %s']) % fmt_secs(secs, rng.choice([1, 3])))
            ws.cell(r, 9, rng.randint(2, 25) * 50000)
            ws.cell(r, 10, rng.choice(['Referred to FIA AHTC RWP for registration of case', 'Notice issued to OEP',
                                       'Parties summoned', 'Compromise effected', 'Referred to FIA Gujrat']))
            ws.cell(r, 11, stw)
            ws.cell(r, 12, sn)
            for col in (3, 4, 5, 7):
                ws.cell(r, col).alignment = WRAP
            r += 1
    ws.cell(r + 2, 1, 'Protector of Emigrants')
    ws.cell(r + 3, 1, 'Rawalpindi')
    n = wb.create_sheet('Instructions')
    n.append(['Fill one line per complaint. Multiple complainants of the same agent may be written in one cell, numbered.'])
    n.append(['Status: U/Inv, Closed/filed, Challan submitted'])
    save_wb(wb, fn, {'Instructions': 'notes'})


def f_taftan():
    fn, fk = 'FIA_Immigration_Taftan_Chaman_Deportees_NovDec24.csv', 'TFT'
    head = ['S.No', 'Name', 'Father Name', 'CNIC / Passport No', 'Address', 'Deported from', 'Remarks']
    lines = [['FIA IMMIGRATION - TAFTAN / CHAMAN'], ['List of Pakistani nationals deported / pushed back - Nov & Dec 2024'], []]
    mig = [x for x in LINKS['migrant'] if x[0].nat == 'PAK']
    cnt = [290]
    b = 0
    dates = sorted(set(month_dates(12, 11) + month_dates(12, 12)))
    for d in dates:
        b += 1
        frm = 'Iran' if rng.random() < 0.75 else 'Afghanistan'
        post = 'Taftan' if frm == 'Iran' else 'Chaman'
        lines.append(['Batch No. %d - deportees received from %s at %s on %s' % (b, frm, post, fmt_date(d, rng.choice([0, 3, 4, 2])))])
        lines.append(head)
        hand = None
        if rng.random() < 0.5:
            cnt[0] += rng.randint(1, 5)
            hc = Case()
            hc.no = cnt[0]
            hc.secs = rng.choice([[('EO', '17')], [('EO', '22')], [('PSMA', '3')]])
            hc.crime, hc.status, hc.cid, hc.date = crime_of(hc.secs), 'investigation', '%d/24' % cnt[0], d
            hand = hc
        for s in range(rng.randint(8, 16)):
            if rng.random() < 0.5 and mig:
                p = mig[rng.randrange(len(mig))][0]
                if fk in p.files:
                    p = draw('man', ['punjab_n', 'punjab_c', 'other', 'sindh_n'], fk, 0.0)
                else:
                    p.files.add(fk)
            else:
                p = draw('man', ['punjab_n', 'punjab_c', 'other', 'sindh_n', 'sindh_s'], fk, 0.0)
            rr = render(p, d, cnic_p=0.85)
            rr.father, rr.husband = rr.father_w, ''
            ln = len(lines) + 1
            if rr.cnic:
                idw = fmt_cnic(rr.cnic, rng.choice([0, 1, 2]))
            else:
                idw = rng.choice(['', 'PP No. %s%07d' % (rng.choice(['AB', 'BK', 'CV', 'FD']), rng.randrange(10 ** 7))])
            case = None
            if hand is not None and rng.random() < 0.4:
                case = hand
                rem = 'Handed over to AHTC %s, FIR %s u/s %s' % (rng.choice(['Quetta', 'Gujranwala', 'Rawalpindi']), hand.cid,
                                                               fmt_secs(hand.secs, 2))
            else:
                rem = rng.choice(['Released after verification', 'Released after verification', 'Handed over to police for further inquiry',
                                  'Handed over to relatives', 'Not verified - held'])
            lines.append([s + 1, rr.hon + rr.name, rr.father, idw, address(p, rng.choice([2, 3, 0, 5])), frm, rem])
            add(fn, '', ln, 1, rr, 'deportee', d, sex='', cnic=rr.cnic, case=case)
        lines.append([])
    lines.append(['Assistant Director, FIA Immigration Taftan'])
    write_csv(fn, lines, 'utf-8')


def f_ngo():
    fn, fk = 'RoshanRaah_Helpline_Referrals_Nov-Dec2024.xlsx', 'NGO'
    wb = new_wb()
    links = LINKS['kasur_victim']
    used = set()
    ref = 310
    for month in (11, 12):
        sh = 'Nov' if month == 11 else 'Dec'
        ws = wb.create_sheet(sh)
        ws['A1'] = 'Roshan Raah Welfare Society, Lahore - Helpline survivor referral log'
        for col in (1, 8, 12):
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
        ws['A3'], ws['H3'], ws['L3'] = 'Ref #', 'District', 'Police case (if any)'
        ws.merge_cells('B3:G3')
        ws['B3'] = 'Survivor'
        ws.merge_cells('I3:K3')
        ws['I3'] = 'Referral'
        for j, t in zip(range(2, 8), ['Name', 'Father / Husband Name', 'Age', 'DOB', 'Sex', 'Contact']):
            ws.cell(4, j, t)
        for j, t in zip(range(9, 12), ['Date', 'Type of abuse', 'Referred to / Outcome']):
            ws.cell(4, j, t)
        r = 5
        for d in month_dates(38, month):
            ref += 1
            ws.cell(r, 1, 'RR-24-%d' % ref)
            case = None
            fam = rng.random() < 0.22
            if fam:
                # brick-kiln family: several persons in one numbered cell with parallel cells
                father = draw('man', ['punjab_c'], fk, 0.05)
                mother = new_person('woman', father.region)
                mother.files.add(fk)
                mother.husband = list(father.given)
                mother.district, mother.town = father.district, father.town
                kids = []
                for _ in range(rng.randint(1, 3)):
                    k = new_person('child', father.region)
                    k.files.add(fk)
                    k.father = list(father.given)
                    k.district, k.town = father.district, father.town
                    kids.append(k)
                members = [father, mother] + kids
                names, ages, sexes = [], [], []
                ex = 'bonded_labour'
                for j, p in enumerate(members):
                    rr = render(p, d, rel_mode='auto')
                    if p is mother:
                        rr.kind, rr.father, rr.husband = 'w', '', rn(father.given, 0.0)
                    if p in kids:
                        rr.father = rn(father.given, 0.0)
                    names.append('%s%s %s' % (rr.hon, rr.name, relphrase(rr, 0)))
                    ages.append(str(rr.age))
                    sexes.append('M' if p.sex == 'male' else 'F')
                    add(fn, sh, r, j + 1, rr, 'victim', d, sex=p.sex, age=rr.age, district=father.district,
                        expl=ex, prot='referred' if False else None)
                ws.cell(r, 2, numbered(names, 0)).alignment = WRAP
                ws.cell(r, 4, ', '.join(ages))
                ws.cell(r, 6, ', '.join(sexes))
                ws.cell(r, 8, rng.choice([father.district, father.town]))
                prot = rng.choice(['referred', 'restored_to_family', 'in_shelter'])
                for t in TRUTH[-len(members):]:
                    t['protection_status'] = prot
                ws.cell(r, 10, rng.choice(EXPL[ex]))
                ws.cell(r, 11, rng.choice(PROT[prot]) if prot != 'restored_to_family' else 'Reunited with family')
            else:
                cands = [y for y in links if y[1].date <= d and y[0].pid not in used and fk not in y[0].files]
                if rng.random() < 0.6 and cands:
                    p, case = cands[rng.randrange(len(cands))]
                    p.files.add(fk)
                else:
                    p = draw(rng.choice(['child', 'woman', 'child']), ['punjab_c'], fk, 0.0)
                used.add(p.pid)
                rr = render(p, d)
                ws.cell(r, 2, rr.hon + rr.name)
                if rr.kind == 'w':
                    ws.cell(r, 3, 'W/o ' + rr.husband)
                elif rr.kind == 'dw':
                    ws.cell(r, 3, 'D/o %s W/o %s' % (rr.father, rr.husband))
                else:
                    ws.cell(r, 3, rr.father)
                age, dob = rr.age, None
                if p.kind == 'child' and rng.random() < 0.6:
                    dob = p.dob
                    age = d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))
                    ws.cell(r, 5, dt.datetime(dob.year, dob.month, dob.day)).number_format = 'dd-mm-yyyy'
                else:
                    ws.cell(r, 4, age)
                ws.cell(r, 6, {'male': rng.choice(['M', 'Male']), 'female': rng.choice(['F', 'Female'])}[p.sex])
                ph = ''
                if p.phone and rng.random() < 0.7:
                    phw, ph = fmt_phone(p.phone)
                    ws.cell(r, 7, phw)
                dist = p.district
                if rng.random() < 0.85:
                    ws.cell(r, 8, rng.choice([p.district, p.town]))
                else:
                    dist = ''
                ex = expl_for(p.kind) if rng.random() < 0.85 else ''
                if ex:
                    ws.cell(r, 10, rng.choice(EXPL[ex]))
                prot = rng.choice(['referred', 'referred', 'restored_to_family', 'in_shelter', 'discharged'])
                ws.cell(r, 11, rng.choice(PROT[prot]))
                law = cid = ''
                if case is not None:
                    ws.cell(r, 12, 'FIR %s PS %s %s' % (case.cid, case.unit, fmt_secs(case.secs, 0)))
                    law, cid = law_str(case.secs), case.cid
                add(fn, sh, r, 1, rr, 'victim', d, sex=p.sex, age=age, dob=dob, phone=ph, district=dist, expl=ex,
                    prot=prot, law=law, cid=cid, status='')
            if rng.random() < 0.6:
                ws.cell(r, 9, dt.datetime(d.year, d.month, d.day)).number_format = 'dd-mmm-yy'
            else:
                ws.cell(r, 9, fmt_date(d, rng.choice([0, 1, 3])))
            r += 1
    n = wb.create_sheet('Read me')
    n.append(['Log maintained by helpline officers. One line per call; families may be written in one cell.'])
    h = wb.create_sheet('calc')
    h.append(['month', 'calls'])
    h.append(['Nov', 38])
    h.append(['Dec', 38])
    h.sheet_state = 'hidden'
    save_wb(wb, fn, {'Read me': 'notes', 'calc': 'hidden'})


UNITS = {
 'FIA_AHTC_Sukkur_Monthly_Return_Nov-Dec_2024.xlsx': 'FIA AHT Circle Sukkur',
 'AHTC_HYD_Register_Nov_Dec24.xls': 'FIA AHT Circle Hyderabad',
 'SindhPolice_Larkana_FIR_Extract_NovDec24.csv': 'Sindh Police, District Larkana',
 'AHTC_RWP_TIP_SOM_NovDec2024.csv': 'FIA AHT Circle Rawalpindi',
 'FIA_AHTC_Gujrat_MBDin_Case_Proformas.xlsx': 'FIA AHT Circle Gujrat / Sub-Circle Mandi Bahauddin',
 'Punjab_Police_Kasur_TIP_Return_Dec2024.xlsx': 'Punjab Police Kasur',
 'DarulAman_Hyderabad_Admissions_NovDec2024.txt': 'Dar-ul-Aman Hyderabad (shelter)',
 'SCPA_Child_Protection_Cases_NovDec24.xlsx': 'Sindh Child Protection Authority',
 'Protector_Emigrants_RWP_Complaints_Nov-Dec24.xlsx': 'Protector of Emigrants Rawalpindi',
 'FIA_Immigration_Taftan_Chaman_Deportees_NovDec24.csv': 'FIA Immigration Taftan / Chaman',
 'RoshanRaah_Helpline_Referrals_Nov-Dec2024.xlsx': 'NGO: Roshan Raah Welfare Society helpline (Lahore)',
}
FORMATS = {
 'FIA_AHTC_Sukkur_Monthly_Return_Nov-Dec_2024.xlsx': 'xlsx',
 'AHTC_HYD_Register_Nov_Dec24.xls': 'legacy xls (BIFF8, xlwt)',
 'SindhPolice_Larkana_FIR_Extract_NovDec24.csv': 'CSV cp1252, `;` delimiter',
 'AHTC_RWP_TIP_SOM_NovDec2024.csv': 'CSV UTF-8 with BOM, comma',
 'FIA_AHTC_Gujrat_MBDin_Case_Proformas.xlsx': 'xlsx (one case per sheet)',
 'Punjab_Police_Kasur_TIP_Return_Dec2024.xlsx': 'xlsx',
 'DarulAman_Hyderabad_Admissions_NovDec2024.txt': 'UTF-16 (BOM) tab-separated text',
 'SCPA_Child_Protection_Cases_NovDec24.xlsx': 'xlsx, Urdu only (RTL)',
 'Protector_Emigrants_RWP_Complaints_Nov-Dec24.xlsx': 'xlsx',
 'FIA_Immigration_Taftan_Chaman_Deportees_NovDec24.csv': 'CSV UTF-8 (no BOM), comma',
 'RoshanRaah_Helpline_Referrals_Nov-Dec2024.xlsx': 'xlsx',
}


def main():
    f_sukkur()
    f_hyderabad()
    f_larkana()
    f_rawalpindi()
    f_gujrat()
    f_kasur()
    f_dua()
    f_scpa()
    f_protector()
    f_taftan()
    f_ngo()
    roleord = {r: i for i, r in enumerate(['victim', 'smuggled_migrant', 'complainant', 'accused', 'witness', 'deportee'])}
    TRUTH.sort(key=lambda t: (t['file'], t['sheet'], t['row'], roleord[t['role']], t['victim_index']))
    with open(os.path.join(OUT, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.DictWriter(f, TRUTH_COLS, lineterminator='\n')
        w.writeheader()
        for t in TRUTH:
            w.writerow(t)
    with open(os.path.join(OUT, 'sheet_kind.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['file', 'sheet', 'kind', 'rows'])
        for x in sorted(SHEETS):
            w.writerow(x)
    # statistics
    per_file = Counter(t['file'] for t in TRUTH)
    roles = defaultdict(Counter)
    for t in TRUTH:
        roles[t['file']][t['role']] += 1
    files_of = defaultdict(set)
    for t in TRUTH:
        files_of[t['person_id']].add(t['file'])
    multi = sum(1 for v in files_of.values() if len(v) > 1)
    recs_multi = sum(1 for t in TRUTH if len(files_of[t['person_id']]) > 1)
    byid = {p.pid: p for p in PEOPLE}
    ns = [(a, b) for a, b in NAMESAKES if a in files_of and b in files_of and byid[a].given == byid[b].given]
    size = sum(os.path.getsize(os.path.join(OUT, f)) for f in UNITS)
    L = ['# Dev set 2: invented TIP/SOM monthly returns, Pakistan, November-December 2024', '',
         'An independent test set for the returns reader: %d return files from %d reporting units, each in its own house style, '
         'with ground truth (`truth.csv`, one line per person record a careful analyst would enter) and a sheet inventory '
         '(`sheet_kind.csv`). It was generated by `make_set.py` (seed %d) and is checked by `check_set.py`, which re-reads '
         'every file.' % (len(UNITS), len(UNITS), SEED), '',
         '**All names, CNICs, phone numbers, FIR/complaint numbers, NGO names and amounts are invented.** Names are random '
         'combinations of common Pakistani first names and surnames; CNICs are random 13-digit numbers (the first digit follows the '
         'province, the last digit is odd for men and even for women); phone numbers are random.', '',
         '| file | unit | format | truth rows | roles |', '|---|---|---|---|---|']
    for f in UNITS:
        L.append('| %s | %s | %s | %d | %s |' % (f, UNITS[f], FORMATS[f], per_file[f],
                                                ', '.join('%s %d' % kv for kv in sorted(roles[f].items()))))
    tr = Counter(t['role'] for t in TRUTH)
    L += ['', '## Totals', '',
          '- truth rows (person records): %d' % len(TRUTH),
          '- by role: ' + ', '.join('%s %d' % kv for kv in sorted(tr.items())),
          '- distinct persons (`person_id`): %d' % len(files_of),
          '- persons appearing in more than one file: %d (%.1f%% of persons; %d records)' % (multi, 100.0 * multi / len(files_of), recs_multi),
          '- deliberate namesake pairs (same name, different person) present in the truth: %d' % len(ns),
          '- total size of the return files: %d bytes' % size, '',
          '## Files', '', '- `truth.csv`: columns exactly as in the project truth conventions; extensions are written down in FEATURES.md.',
          '- `sheet_kind.csv`: file,sheet,kind,rows for every sheet of every workbook and one line per CSV/text file.',
          '- `FEATURES.md`: house style, faults and reading rules per file.',
          '- `../make_set.py` (+ `../common_data.py`, in the folder above this set): the seeded generator. `python3 make_set.py [outdir]` (default `./set`) regenerates; truth.csv is byte-identical.',
          '- `../check_set.py`: `python3 check_set.py [setdir]` re-reads every file with openpyxl/xlrd/csv (not the generator\'s memory), traces each truth row (name, parentage, CNIC, phone, date, age/DOB, case number, sections) to its row or case block, checks enums, crime-type precedence, district-province pairs, key uniqueness and the sheet inventory, and prints the error count.',
          '', '## Requirements', '', 'Python 3 with openpyxl, xlrd (>= 2) and xlwt (for regenerating the .xls).', '']
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(L))
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'FEATURES.md'), encoding='utf-8') as f:
        feat = f.read()
    with open(os.path.join(OUT, 'FEATURES.md'), 'w', encoding='utf-8') as f:
        f.write(feat)
    print('truth rows', len(TRUTH), 'persons', len(files_of), 'multi-file', multi, '%.1f%%' % (100.0 * multi / len(files_of)),
          'namesakes', len(ns), 'size', size)
    for f in UNITS:
        print(' ', per_file[f], f, dict(roles[f]))


if __name__ == '__main__':
    main()
