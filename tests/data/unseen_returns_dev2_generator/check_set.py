#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Independent checker: re-reads every return file with openpyxl / xlrd / csv and traces every truth row.

Usage: python3 check_set.py [setdir]    (default ./set). Prints the number of errors (0 = pass).
It does not import make_set.py; it only knows the sheet layouts as a human reader would (where a case block starts).
"""
import csv, io, os, re, sys, datetime as dt
from collections import defaultdict, Counter
import openpyxl, xlrd

D = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'set')
ERR = []


def err(msg):
    ERR.append(msg)


COLS = ['file', 'sheet', 'row', 'victim_index', 'person_id', 'name', 'father_name', 'husband_name', 'sex', 'age',
        'date_of_birth', 'cnic', 'phone', 'date', 'district', 'province', 'nationality', 'law_sections', 'crime_type',
        'exploitation', 'case_id', 'case_status', 'protection_status', 'role']
ENUM = {
 'sex': {'male', 'female', 'transgender'},
 'crime_type': {'tip', 'tip_related', 'som', 'som_related', 'migration_fraud', 'both', 'other'},
 'case_status': {'investigation', 'prosecution', 'convicted', 'acquitted', 'absconding', 'closed'},
 'protection_status': {'restored_to_family', 'in_shelter', 'referred', 'escaped', 'discharged', 'repatriated'},
 'role': {'victim', 'smuggled_migrant', 'accused', 'complainant', 'witness', 'deportee'},
 'exploitation': {'sexual_exploitation', 'forced_labour', 'bonded_labour', 'domestic_servitude', 'begging',
                  'forced_marriage', 'forced_criminality', 'organ_removal', 'illegal_adoption', 'armed_combat', 'mixed', 'other'},
 'nationality': {'PAK', 'AFG', 'BGD', 'IRN', 'IND'},
}
PROV = {}
for prov, ds in {
    'Sindh': 'Sukkur Khairpur Larkana Shikarpur Jacobabad Kashmore Ghotki|Qambar Shahdadkot|Naushahro Feroze|Hyderabad|Jamshoro'
             '|Matiari|Tando Allahyar|Badin|Sanghar|Mirpur Khas|Shaheed Benazirabad|Dadu|Tharparkar|Korangi|Karachi West|Karachi East',
    'Punjab': 'Rawalpindi Attock Chakwal Jhelum Gujrat|Mandi Bahauddin|Gujranwala Sialkot Narowal Hafizabad Kasur Lahore Okara'
              ' Sheikhupura Faisalabad Sahiwal',
    'Islamabad Capital Territory': 'Islamabad', 'Khyber Pakhtunkhwa': 'Peshawar Mardan Swat',
    'Balochistan': 'Quetta Chagai Kech Pishin', 'Azad Jammu and Kashmir': 'Bhimber'}.items():
    for part in ds.split('|'):
        if ' ' in part.strip() and part.strip() in ('Qambar Shahdadkot', 'Naushahro Feroze', 'Mandi Bahauddin', 'Mirpur Khas',
                                                    'Tando Allahyar', 'Shaheed Benazirabad', 'Karachi West', 'Karachi East'):
            PROV[part.strip()] = prov
        else:
            for d in part.split():
                PROV[d] = prov
TIPREL = {'365-B', '366-A', '366-B', '370', '371', '371-A', '371-B', '374'}
UD = str.maketrans('۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩', '01234567890123456789')
MONTHS = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}
UMONTHS = {m: i + 1 for i, m in enumerate(['جنوری', 'فروری', 'مارچ', 'اپریل', 'مئی', 'جون', 'جولائی', 'اگست', 'ستمبر',
                                            'اکتوبر', 'نومبر', 'دسمبر'])}


def crime_from(law):
    if not law:
        return ''
    secs = [tuple(x.split(' ', 1)) for x in law.split('; ')]
    acts = {a for a, _ in secs}
    if ('PTPA' in acts or 'PACHTO' in acts) and 'PSMA' in acts:
        return 'both'
    if 'PTPA' in acts or 'PACHTO' in acts:
        return 'tip'
    if 'PSMA' in acts:
        return 'som'
    if any(a == 'PPC' and s in TIPREL for a, s in secs):
        return 'tip_related'
    if ('EO', '18') in secs or ('EO', '22') in secs:
        return 'migration_fraud'
    if ('EO', '17') in secs:
        return 'som_related'
    return 'other'


# ------------------------------------------------------------------ reading
class Sheet:
    def __init__(self):
        self.rows = []      # list of list of values (0-based)
        self.merged = []    # (r1, c1, r2, c2) 1-based
        self.hidden = False


def read_xlsx(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        s = Sheet()
        s.hidden = ws.sheet_state != 'visible'
        s.max_row = ws.max_row
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            s.rows.append([c.value for c in row])
        s.merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        out[ws.title] = s
    return out


def read_xls(path):
    bk = xlrd.open_workbook(path, formatting_info=True)
    out = {}
    for sh in bk.sheets():
        s = Sheet()
        s.hidden = sh.visibility != 0
        s.max_row = sh.nrows
        for r in range(sh.nrows):
            vals = []
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    vals.append(xlrd.xldate_as_datetime(cell.value, bk.datemode))
                elif cell.ctype == xlrd.XL_CELL_EMPTY:
                    vals.append(None)
                else:
                    vals.append(cell.value)
            s.rows.append(vals)
        out[sh.name] = s
    return out


def read_text(path):
    raw = open(path, 'rb').read()
    if raw[:2] in (b'\xff\xfe', b'\xfe\xff'):
        txt = raw.decode('utf-16')
    elif raw[:3] == b'\xef\xbb\xbf':
        txt = raw[3:].decode('utf-8')
    else:
        try:
            txt = raw.decode('utf-8')
        except UnicodeDecodeError:
            txt = raw.decode('cp1252')
    first = '\n'.join(txt.splitlines()[:6])
    delim = '\t' if first.count('\t') > 3 else (';' if first.count(';') > first.count(',') else ',')
    s = Sheet()
    s.rows = [r for r in csv.reader(io.StringIO(txt, newline=''), delimiter=delim)]
    s.max_row = len(txt.splitlines())
    return {'': s}


def cell_text(v):
    if v is None:
        return ''
    if isinstance(v, dt.datetime):
        return v.strftime('%Y-%m-%d')
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def row_text(s, r):
    if r < 1 or r > len(s.rows):
        return ''
    return ' | '.join(cell_text(v) for v in s.rows[r - 1])


def dates_in(s, rows):
    out = set()
    for r in rows:
        if r < 1 or r > len(s.rows):
            continue
        for v in s.rows[r - 1]:
            if isinstance(v, dt.datetime):
                out.add(v.date())
            elif isinstance(v, (int, float)) and not isinstance(v, bool) and 40000 <= v <= 47000:
                out.add(dt.date(1899, 12, 30) + dt.timedelta(days=int(v)))
            elif isinstance(v, str):
                out |= parse_dates(v)
    return out


def mkdate(y, m, d):
    y = int(y)
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        return dt.date(y, int(m), int(d))
    except ValueError:
        return None


def parse_dates(t):
    t = t.translate(UD)
    out = set()
    for m in re.finditer(r'(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)', t):
        out.add(mkdate(m.group(1), m.group(2), m.group(3)))
    for m in re.finditer(r'(?<![\d/.-])(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})(?![\d-])', t):
        out.add(mkdate(m.group(3), m.group(2), m.group(1)))
    for m in re.finditer(r'(?<!\d)(\d{1,2})[- ]((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)[-, ]+(\d{4}|\d{2})(?!\d)', t, re.I):
        mo = MONTHS.get(m.group(2)[:3].lower())
        if mo:
            out.add(mkdate(m.group(3), mo, m.group(1)))
    for m in re.finditer(r'(\d{1,2})\s+(\S+)\s+(\d{4})', t):
        if m.group(2) in UMONTHS:
            out.add(mkdate(m.group(3), UMONTHS[m.group(2)], m.group(1)))
    out.discard(None)
    return out


def case_ids_in(text):
    t = text.translate(UD)
    return {'%d/%s' % (int(a), b[-2:]) for a, b in re.findall(r'(?<!\d)(\d{1,5})\s*/\s*(\d{4}|\d{2})(?!\d)', t)}


def norm(t):
    return re.sub(r'\s+', ' ', t.translate(UD)).strip().lower()


# ------------------------------------------------------------------ block rules (how a reader finds the case block)
def block_rows(fname, sheet, s, r):
    if fname.startswith('FIA_AHTC_Sukkur'):
        for (r1, c1, r2, c2) in s.merged:
            if c1 == 2 and r1 <= r <= r2:
                return list(range(r1, r2 + 1))
        return [r]
    if fname.startswith('AHTC_HYD'):
        rr = r
        while rr > 1 and not re.search(r'\d', cell_text(s.rows[rr - 1][0])):
            rr -= 1
        return list(range(rr, r + 1))
    if fname.startswith('Punjab_Police_Kasur'):
        rr = r
        while rr > 1 and cell_text(s.rows[rr - 1][2]) == '':
            rr -= 1
        return list(range(rr, r + 1))
    if fname.startswith('FIA_AHTC_Gujrat'):
        return list(range(1, len(s.rows) + 1))
    if fname.startswith('FIA_Immigration_Taftan'):
        rr = r
        while rr > 1 and not cell_text(s.rows[rr - 1][0]).startswith('Batch No'):
            rr -= 1
        return list(range(rr, r + 1))
    return [r]


# ------------------------------------------------------------------ main
def main():
    truth = list(csv.DictReader(open(os.path.join(D, 'truth.csv'), encoding='utf-8', newline='')))
    with open(os.path.join(D, 'truth.csv'), encoding='utf-8') as f:
        hdr = f.readline().strip().split(',')
    if hdr != COLS:
        err('truth.csv header differs from the convention')
    kinds = list(csv.DictReader(open(os.path.join(D, 'sheet_kind.csv'), encoding='utf-8', newline='')))
    files = sorted(f for f in os.listdir(D) if f not in ('truth.csv', 'sheet_kind.csv') and not f.endswith('.md'))
    books = {}
    for f in files:
        p = os.path.join(D, f)
        books[f] = read_xlsx(p) if f.endswith('.xlsx') else read_xls(p) if f.endswith('.xls') else read_text(p)
    # ---- sheet inventory
    kind_of = {}
    for k in kinds:
        kind_of[(k['file'], k['sheet'])] = k['kind']
        if k['kind'] not in ('data', 'hidden', 'summary', 'notes'):
            err('sheet_kind: bad kind %s' % k)
        if k['file'] not in books or k['sheet'] not in books[k['file']]:
            err('sheet_kind: no such sheet %s/%s' % (k['file'], k['sheet']))
            continue
        s = books[k['file']][k['sheet']]
        if int(k['rows']) != s.max_row:
            err('sheet_kind rows %s/%s: %s vs %d' % (k['file'], k['sheet'], k['rows'], s.max_row))
        if (k['kind'] == 'hidden') != s.hidden:
            err('sheet_kind hidden state %s/%s' % (k['file'], k['sheet']))
    for f, b in books.items():
        for sh in b:
            if (f, sh) not in kind_of:
                err('sheet missing from sheet_kind: %s/%s' % (f, sh))
    # ---- truth rows
    keys = Counter()
    pid_files = defaultdict(set)
    checked = Counter()
    for i, t in enumerate(truth):
        where = 'truth line %d (%s/%s r%s)' % (i + 2, t['file'], t['sheet'], t['row'])
        for c in ('sex', 'crime_type', 'case_status', 'protection_status', 'role', 'exploitation', 'nationality'):
            if t[c] and t[c] not in ENUM[c]:
                err('%s: bad %s %r' % (where, c, t[c]))
        keys[(t['file'], t['sheet'], t['row'], t['victim_index'], t['role'])] += 1
        pid_files[t['person_id']].add(t['file'])
        if crime_from(t['law_sections']) != t['crime_type']:
            err('%s: crime_type %s does not follow law_sections %s' % (where, t['crime_type'], t['law_sections']))
        if t['district'] and PROV.get(t['district']) != t['province']:
            err('%s: province %s for district %s' % (where, t['province'], t['district']))
        if not t['district'] and t['province']:
            err('%s: province without district' % where)
        if t['cnic'] and not re.fullmatch(r'\d{13}', t['cnic']):
            err('%s: cnic shape' % where)
        if t['exploitation'] and t['role'] != 'victim':
            err('%s: exploitation on non-victim' % where)
        if t['role'] == 'deportee' and t['sex']:
            err('%s: deportee with sex' % where)
        if t['file'] not in books or t['sheet'] not in books[t['file']]:
            err('%s: file/sheet not found' % where)
            continue
        if kind_of.get((t['file'], t['sheet'])) != 'data':
            err('%s: record on a non-data sheet' % where)
        s = books[t['file']][t['sheet']]
        r = int(t['row'])
        rt = norm(row_text(s, r))
        blk = block_rows(t['file'], t['sheet'], s, r)
        bt = norm(' | '.join(row_text(s, x) for x in blk))
        # name on its row (honorific removed in truth; the written cell may carry it)
        if norm(t['name']) not in rt:
            err('%s: name %r not on row' % (where, t['name']))
        else:
            checked['name'] += 1
        for fld in ('father_name', 'husband_name'):
            if t[fld] and norm(t[fld]) not in rt:
                err('%s: %s %r not on row' % (where, fld, t[fld]))
        # wide layout: name must sit in the Victim-k group given by victim_index
        if t['file'].startswith('AHTC_RWP') and t['role'] in ('victim', 'smuggled_migrant'):
            head = s.rows[2]
            col = head.index('Victim-%s Name' % t['victim_index'])
            if norm(t['name']) not in norm(cell_text(s.rows[r - 1][col])):
                err('%s: name not in Victim-%s group' % (where, t['victim_index']))
        # numbered multi-person cell: the number must be written on the row
        vi = int(t['victim_index'])
        if vi > 1 and not t['file'].startswith('AHTC_RWP'):
            if not re.search(r'(?<!\d)(\(%d\)|%d\.|%d-|%d\))\s' % (vi, vi, vi, vi), row_text(s, r)):
                err('%s: victim_index %d but no such number on row' % (where, vi))
        if t['cnic']:
            if t['cnic'] in re.sub(r'[\s-]', '', row_text(s, r)) or t['cnic'] in re.sub(r'[\s-]', '', bt):
                checked['cnic'] += 1
            else:
                err('%s: cnic %s not found' % (where, t['cnic']))
        if t['phone']:
            if t['phone'] in re.sub(r'\D', '', row_text(s, r)):
                checked['phone'] += 1
            else:
                err('%s: phone %s not found' % (where, t['phone']))
        ds = dates_in(s, blk)
        d = dt.date.fromisoformat(t['date'])
        if d in ds:
            checked['date'] += 1
        else:
            err('%s: date %s not found in block (%s)' % (where, t['date'], sorted(ds)))
        if not (dt.date(2024, 11, 1) <= d <= dt.date(2024, 12, 31)):
            err('%s: date outside period' % where)
        if t['date_of_birth']:
            dob = dt.date.fromisoformat(t['date_of_birth'])
            if dob not in dates_in(s, [r]):
                err('%s: dob not on row' % where)
            a = d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))
            if str(a) != t['age']:
                err('%s: age %s is not completed years from dob' % (where, t['age']))
            checked['dob'] += 1
        elif t['age']:
            nums = set(re.findall(r'\d+', row_text(s, r).translate(UD)))
            if t['age'] in nums:
                checked['age'] += 1
            else:
                err('%s: age %s not on row' % (where, t['age']))
        if t['case_id']:
            if t['case_id'] in case_ids_in(bt):
                checked['case_id'] += 1
            else:
                err('%s: case_id %s not in block' % (where, t['case_id']))
        if t['law_sections']:
            flat = re.sub(r'[\s-]', '', bt.upper())
            for sec in t['law_sections'].split('; '):
                num = sec.split(' ', 1)[1].replace('-', '')
                if num not in flat:
                    err('%s: section %s not in block' % (where, sec))
    for k, n in keys.items():
        if n > 1:
            err('duplicate truth key %s' % (k,))
    multi = sum(1 for v in pid_files.values() if len(v) > 1)
    print('truth rows: %d, files: %d, persons: %d, persons in >1 file: %d (%.1f%%)' %
          (len(truth), len(files), len(pid_files), multi, 100.0 * multi / max(1, len(pid_files))))
    print('traced:', dict(checked))
    for e in ERR[:40]:
        print('ERROR', e)
    print('errors: %d' % len(ERR))
    return 1 if ERR else 0


if __name__ == '__main__':
    sys.exit(main())
