#!/usr/bin/env python3
"""Independent checker for held-out set 4.

Re-reads every return with openpyxl / xlrd / csv (nothing is imported from make_set.py) and traces every truth.csv row
back to its sheet row or case block: name (with victim_index inside multi-person cells), parentage, sex, CNIC, phone,
age / date of birth, date, case number, law sections, status, exploitation, protection status, district and
nationality.  Also checks the enumerations, crime_type derivation, the sheet inventory (sheet_kind.csv) and that every
person row/cell of the returns has a truth line.  Prints the number of errors (0 = pass).
"""
import csv
import datetime as dt
import os
import re
import sys

import openpyxl
import xlrd

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


# ----------------------------------------------------------------------------- file layouts (how blocks are formed)
LAYOUT = {
    'AHTC_Faisalabad_Monthly_Return_Sep-Oct_2024.xlsx': {'block_col': None},
    'AHTC Multan Return Sept-Oct 24.xls': {'block_col': 0, 'name_col': 'Name'},
    'AHTC_Peshawar_Statement_Sep_Oct_2024.csv': {'block_col': 0, 'enc': 'cp1252', 'delim': ',', 'name_col': 'Name of Person'},
    'AHTC_Karachi_TIP_SOM_Sep-Oct2024.xlsx': {'block_col': 0, 'name_col': 'Name & Parentage'},
    'Rawalpindi_Police_TIP_Register_2024.csv': {'block_col': None, 'enc': 'utf-8-sig', 'delim': ','},
    'DUA_Multan_Admission_Register_Sep-Oct_2024.xlsx': {'block_col': None, 'name_col': 'Name of Inmate'},
    'CPB_Rawalpindi_Monthly_Sep_Oct_2024_Urdu.xlsx': {'block_col': None, 'name_col': 'نام بچہ / بچی'},
    'Umeed_Helpline_Referrals_Sep-Oct_2024.csv': {'block_col': None, 'enc': 'utf-16', 'delim': '\t', 'name_col': 'Survivor Name'},
    'Immigration_AIIAP_Lahore_Deportees_Sep-Oct_2024.csv': {'block_col': None, 'enc': 'utf-8', 'delim': ',', 'name_col': 'Name'},
}
DITTO = {'', '-do-', '"', 'do', '-', None}

# ----------------------------------------------------------------------------- gazetteer (independent of the generator)
GAZ = {
    'Punjab': {
        'Faisalabad': 'Faisalabad|Lyallpur|Jaranwala|Samundri|Tandlianwala|Faislabad|فیصل آباد|جڑانوالہ',
        'Multan': 'Multan|Shujabad|Jalalpur Pirwala|ملتان|شجاع آباد',
        'Rawalpindi': 'Rawalpindi|Gujar Khan|Kahuta|Taxila|Pindi|Kallar Syedan|راولپنڈی|گوجر خان|ٹیکسلا|کہوٹہ',
        'Lahore': 'Lahore|Raiwind|Shahdara|لاہور',
        'Gujranwala': 'Gujranwala|Kamoke|Gujrawala|Nowshera Virkan|گوجرانوالہ|کامونکے',
        'Sialkot': 'Sialkot|Daska|Pasrur|Pasroor|Sambrial|Sailkot|سیالکوٹ|ڈسکہ',
        'Gujrat': 'Gujrat|Kharian|Lalamusa|Gujarat|گجرات|کھاریاں',
        'Mandi Bahauddin': 'Mandi Bahauddin|Phalia|Mandi Bahaud Din|Malakwal|منڈی بہاؤالدین',
        'Sheikhupura': 'Sheikhupura|Muridke|Mureedkay|Shekhupura|Ferozewala|شیخوپورہ|مریدکے',
        'Kasur': 'Kasur|Kot Radha Kishan|Qasur|Chunian|Pattoki|قصور',
        'Narowal': 'Narowal|Shakargarh|نارووال',
        'Hafizabad': 'Hafizabad|Hafiz Abad|Pindi Bhattian|حافظ آباد',
        'Sahiwal': 'Sahiwal|Montgomery|Chichawatni|ساہیوال',
        'Attock': 'Attock|Campbellpur|Fateh Jang|Hazro|اٹک|فتح جنگ',
        'Jhelum': 'Jhelum|Dina|Pind Dadan Khan|جہلم|دینہ',
        'Chakwal': 'Chakwal|Choa Saidan Shah|چکوال',
        'Vehari': 'Vehari|Burewala|Mailsi|وہاڑی',
        'Khanewal': 'Khanewal|Mian Channu|Kabirwala|خانیوال',
        'Muzaffargarh': 'Muzaffargarh|Alipur|Jatoi|مظفر گڑھ',
        'Rahim Yar Khan': 'Rahim Yar Khan|Sadiqabad|R.Y. Khan|Khanpur|رحیم یار خان',
        'Bahawalpur': 'Bahawalpur|Ahmadpur East|Hasilpur|بہاولپور',
        'Dera Ghazi Khan': 'Dera Ghazi Khan|D.G. Khan|DG Khan|ڈیرہ غازی خان',
        'Toba Tek Singh': 'Toba Tek Singh|Gojra|Kamalia|T.T. Singh|ٹوبہ ٹیک سنگھ',
        'Jhang': 'Jhang|Shorkot|Athara Hazari|جھنگ',
        'Sargodha': 'Sargodha|Bhalwal|Kot Momin|سرگودھا',
        'Okara': 'Okara|Depalpur|Renala Khurd|اوکاڑہ',
    },
    'Islamabad Capital Territory': {'Islamabad': 'Islamabad|اسلام آباد'},
    'Khyber Pakhtunkhwa': {
        'Peshawar': 'Peshawar|Hayatabad|پشاور', 'Mardan': 'Mardan|Takht Bhai|Katlang|مردان',
        'Swat': 'Swat|Mingora|Matta|Kabal|سوات|مینگورہ', 'Charsadda': 'Charsadda|Tangi|Shabqadar|چارسدہ',
        'Nowshera': 'Nowshera|Pabbi|Jehangira|نوشہرہ', 'Khyber': 'Khyber|Landi Kotal|Jamrud|خیبر', 'Kohat': 'Kohat|Lachi|کوہاٹ'},
    'Sindh': {
        'Karachi East': 'Gulshan-e-Iqbal|Gulistan-e-Jauhar|گلشن اقبال', 'Karachi West': 'Orangi|اورنگی',
        'Korangi': 'Landhi|Korangi|لانڈھی', 'Karachi Central': 'North Nazimabad|New Karachi|ناظم آباد',
        'Hyderabad': 'Hyderabad|Latifabad|Qasimabad|حیدرآباد', 'Shaheed Benazirabad': 'Nawabshah|Shaheed Benazirabad|Sakrand|نواب شاہ'},
    'Balochistan': {'Quetta': 'Quetta|کوئٹہ', 'Chagai': 'Taftan|Dalbandin|Chagai|تفتان'},
    'Azad Jammu and Kashmir': {'Bhimber': 'Bhimber|Samahni|Barnala|بھمبر'},
}
DIST_PROV = {d: p for p, ds in GAZ.items() for d in ds}
for _p, _ds in GAZ.items():
    for _d in _ds:
        _ds[_d] = _d + '|' + _ds[_d]

ENUM = {
    'sex': {'male', 'female', 'transgender'},
    'crime_type': {'tip', 'tip_related', 'som', 'som_related', 'migration_fraud', 'both', 'other'},
    'case_status': {'investigation', 'prosecution', 'convicted', 'acquitted', 'absconding', 'closed'},
    'protection_status': {'restored_to_family', 'in_shelter', 'referred', 'escaped', 'discharged', 'repatriated'},
    'role': {'victim', 'smuggled_migrant', 'accused', 'complainant', 'witness', 'deportee'},
    'exploitation': {'sexual_exploitation', 'forced_labour', 'bonded_labour', 'domestic_servitude', 'begging', 'forced_marriage',
                     'forced_criminality', 'organ_removal', 'illegal_adoption', 'armed_combat', 'mixed', 'other'},
}
STATUS_KW = {'investigation': [r'u/inv', r'\bpui\b', r'under investi?gation', r'\bu/i\b'],
             'prosecution': [r'challan', r'chalaned', r'\bput\b', r'under trial'],
             'convicted': [r'convicted', r'\bconv\.'], 'acquitted': [r'acquit'],
             'absconding': [r'\bp\.o\.', r'absconding'], 'closed': [r'cancelled', r'untraced', r'closed/filed']}
EXPL_KW = {'sexual_exploitation': ['prostitution', 'commercial sex', 'brothel', 'جنسی استحصال'],
           'forced_labour': ['forced labour', 'without wages', 'جبری مشقت'],
           'bonded_labour': ['brick kiln', 'bhatta', 'peshgi', 'debt bondage'],
           'domestic_servitude': ['domestic servitude', 'as maid', 'unpaid domestic', 'domestic labour', 'گھریلو ملازمت'],
           'begging': ['begging', 'گداگری'], 'forced_marriage': ['forced marriage', 'in marriage', 'for marriage'],
           'mixed': ['sexual + labour'], 'other': ['ransom']}
PROT_KW = {'restored_to_family': ['restored to parents', 'handed over to husband', 'reunited', 'handed over to parents', 'والدین کے حوالے'],
           'in_shelter': ['still in dua', 'under stay', 'residing', 'in shelter', 'staying at dua', 'sent to dar-ul-aman', 'ادارہ میں مقیم'],
           'referred': ['referred to cpb', 'referred to edhi', 'referred to panah', 'referred for legal aid', 'دارالامان ریفر'],
           'escaped': ['escaped', 'ran away', 'left shelter', 'فرار'],
           'discharged': ['discharged', 'released on own request', 'عدالتی حکم پر رہا'],
           'repatriated': ['repatriated']}
ACT_KW = {'PTPA': ['PTPA'], 'PSMA': ['PSMA'], 'PPC': ['PPC', 'ت پ'], 'EO': ['EO', 'E.O.'], 'FA': ['Foreigners'],
          'PASSPORT_ACT': ['Passport Act'], 'PACHTO': ['PACHTO']}
HONORIFIC = re.compile(r'^(Mst\.?|Haji|Ch\.|Malik|Rana|Mian|Syed|مسماۃ|مسمی)\s')
UR = str.maketrans('۰۱۲۳۴۵۶۷۸۹', '0123456789')
MONTHS = {m.lower(): i + 1 for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July',
                                                   'August', 'September', 'October', 'November', 'December'])}
UR_MON = {'جنوری': 'January', 'فروری': 'February', 'مارچ': 'March', 'اپریل': 'April', 'مئی': 'May', 'جون': 'June',
          'جولائی': 'July', 'اگست': 'August', 'ستمبر': 'September', 'اکتوبر': 'October', 'نومبر': 'November', 'دسمبر': 'December'}


def mon(s):
    s = s.lower().rstrip('.')
    for k, v in MONTHS.items():
        if k.startswith(s) and len(s) >= 3:
            return v
    return None


def to_text(v):
    if v is None:
        return ''
    if isinstance(v, (dt.datetime, dt.date)):
        return v.strftime('%d.%m.%Y')
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def dates_in(values):
    out = set()
    for v in values:
        if isinstance(v, dt.datetime):
            out.add(v.date()); continue
        if isinstance(v, dt.date):
            out.add(v); continue
        s = to_text(v).translate(UR)
        for u, e in UR_MON.items():
            s = s.replace(u, e)
        for m in re.finditer(r'(?<![\d/])(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?[\s,-]+(\d{4}|\d{2})(?!\d)', s):
            mm = mon(m.group(2))
            if mm:
                y = int(m.group(3)); y = y + 2000 if y < 100 else y
                try:
                    out.add(dt.date(y, mm, int(m.group(1))))
                except ValueError:
                    pass
        for m in re.finditer(r'\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})', s):
            mm = mon(m.group(1))
            if mm:
                try:
                    out.add(dt.date(int(m.group(3)), mm, int(m.group(2))))
                except ValueError:
                    pass
        for m in re.finditer(r'(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)', s):
            out.add(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        for m in re.finditer(r'(?<![\d/])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])', s):
            y = int(m.group(4)); y = y + 2000 if y < 100 else y
            try:
                out.add(dt.date(y, int(m.group(3)), int(m.group(1))))
            except ValueError:
                pass
    return out


def split_parts(text):
    t = to_text(text).strip()
    if not t:
        return []
    if '\n' in t:
        parts = [x for x in t.split('\n') if x.strip()]
    elif ';' in t:
        parts = t.split(';')
    elif re.match(r'^\s*1\)\s', t):
        parts = re.split(r'\s*\d+\)\s+', t)[1:]
    else:
        parts = [t]
    return [re.sub(r'^\s*\d+[.)]\s+', '', x).strip() for x in parts]


def digits(v):
    return re.sub(r'\D', '', to_text(v).translate(UR))


# ----------------------------------------------------------------------------- readers -> {sheet: (raw grid, filled grid, hidden)}
def read_xlsx(path):
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        raw = [[c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column)]
        fill = [list(r) for r in raw]
        for mr in ws.merged_cells.ranges:
            v = raw[mr.min_row - 1][mr.min_col - 1]
            for r in range(mr.min_row, mr.max_row + 1):
                for c in range(mr.min_col, mr.max_col + 1):
                    fill[r - 1][c - 1] = v
        out[ws.title] = (raw, fill, ws.sheet_state, ws.max_row)
    return out


def read_xls(path):
    wb = xlrd.open_workbook(path, formatting_info=True)
    out = {}
    for sh in wb.sheets():
        raw = []
        for r in range(sh.nrows):
            row = []
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    row.append(xlrd.xldate_as_datetime(cell.value, wb.datemode))
                elif cell.ctype == xlrd.XL_CELL_EMPTY or cell.ctype == xlrd.XL_CELL_BLANK:
                    row.append(None)
                else:
                    row.append(cell.value)
            raw.append(row)
        fill = [list(r) for r in raw]
        for rlo, rhi, clo, chi in sh.merged_cells:
            v = raw[rlo][clo]
            for r in range(rlo, rhi):
                for c in range(clo, chi):
                    fill[r][c] = v
        out[sh.name] = (raw, fill, 'hidden' if sh.visibility else 'visible', sh.nrows)
    return out


def read_csv(path, enc, delim):
    with open(path, 'rb') as fh:
        b = fh.read()
    if enc == 'utf-16':
        assert b[:2] == b'\xff\xfe', 'no UTF-16 BOM'
    text = b.decode(enc)
    if enc == 'utf-16':
        text = text.lstrip('\ufeff')
    lines = text.splitlines()
    rows = list(csv.reader(lines, delimiter=delim))
    rows = [[x if x != '' else None for x in r] for r in rows]
    return {'': (rows, rows, 'visible', len(lines))}


def crime_type(secs):
    acts = [s.split(' ')[0] for s in secs]
    tip = 'PTPA' in acts or 'PACHTO' in acts
    if tip and 'PSMA' in acts:
        return 'both'
    if tip:
        return 'tip'
    if 'PSMA' in acts:
        return 'som'
    if set(secs) & {'PPC 365-B', 'PPC 366-A', 'PPC 366-B', 'PPC 370', 'PPC 371', 'PPC 371-A', 'PPC 371-B', 'PPC 374'}:
        return 'tip_related'
    if set(secs) & {'EO 18', 'EO 22'}:
        return 'migration_fraud'
    if 'EO 17' in secs:
        return 'som_related'
    return 'other' if secs else ''


def kw_hits(text, table, regex=False):
    t = text.lower()
    hits = set()
    for k, kws in table.items():
        for kw in kws:
            if (re.search(kw, t) if regex else kw.lower() in t):
                hits.add(k)
    return hits


def name_at(part, name):
    """the person written in part starts with name (after an optional honorific or 'Complainant:')"""
    rx = (r'(?:^|Complainant:\s*)(?:(?:Mst\.?|Haji|Ch\.|Malik|Rana|Mian|Syed)\s+)?' + re.escape(name) +
          r'(?=$|[\s,().])')
    return re.search(rx, part) is not None


def main():
    books = {}
    for f, lay in LAYOUT.items():
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            err('missing file %s' % f); continue
        if f.endswith('.xlsx'):
            books[f] = read_xlsx(p)
        elif f.endswith('.xls'):
            books[f] = read_xls(p)
        else:
            books[f] = read_csv(p, lay['enc'], lay['delim'])
    # ---- sheet inventory
    kinds = {}
    with open(os.path.join(HERE, 'sheet_kind.csv'), encoding='utf-8') as fh:
        for r in csv.DictReader(fh):
            kinds[(r['file'], r['sheet'])] = r
            if r['kind'] not in ('data', 'hidden', 'summary', 'notes'):
                err('bad kind %s' % r)
    for f, sheets in books.items():
        for s, (raw, fill, state, nrows) in sheets.items():
            k = kinds.get((f, s))
            if not k:
                err('sheet not in sheet_kind.csv: %s / %s' % (f, s)); continue
            if int(k['rows']) != nrows:
                err('row count %s/%s: sheet_kind %s, file %d' % (f, s, k['rows'], nrows))
            if (state == 'hidden') != (k['kind'] == 'hidden'):
                err('hidden state mismatch %s/%s' % (f, s))
    for (f, s) in kinds:
        if f not in books or s not in books[f]:
            err('sheet_kind lists missing sheet %s/%s' % (f, s))
    # ---- truth
    with open(os.path.join(HERE, 'truth.csv'), encoding='utf-8', newline='') as fh:
        rd = csv.DictReader(fh)
        cols = rd.fieldnames
        truth = list(rd)
    want = ('file,sheet,row,victim_index,person_id,name,father_name,husband_name,sex,age,date_of_birth,cnic,phone,date,'
            'district,province,nationality,law_sections,crime_type,exploitation,case_id,case_status,protection_status,role').split(',')
    if cols != want:
        err('truth.csv columns differ')
    seen = set()
    for i, t in enumerate(truth, start=2):
        if None in t.values() or None in t:
            err('truth line %d: wrong number of fields' % i); continue
        where = 'truth line %d (%s/%s r%s i%s %s)' % (i, t['file'], t['sheet'], t['row'], t['victim_index'], t['name'])
        for k, vals in ENUM.items():
            if t[k] and t[k] not in vals:
                err('%s: bad %s %r' % (where, k, t[k]))
        if not re.fullmatch(r'[A-Z]{3}', t['nationality']):
            err('%s: nationality' % where)
        key = (t['file'], t['sheet'], t['row'], t['victim_index'], t['role'])
        if key in seen:
            err('%s: duplicate key' % where)
        seen.add(key)
        if (t['file'], t['sheet']) not in kinds or kinds[(t['file'], t['sheet'])]['kind'] != 'data':
            err('%s: not on a data sheet' % where); continue
        raw, fill, _, _ = books[t['file']][t['sheet']]
        r = int(t['row']) - 1
        vi = int(t['victim_index'])
        if r >= len(raw):
            err('%s: row out of range' % where); continue
        rowraw = raw[r]
        lay = LAYOUT[t['file']]
        # block start
        b = r
        if lay['block_col'] is not None:
            while b > 0 and (fill[b][lay['block_col']] in DITTO or to_text(fill[b][lay['block_col']]).strip() in DITTO):
                b -= 1
        blockvals = list(fill[r]) + list(fill[b])
        blocktext = ' | '.join(to_text(v) for v in blockvals).translate(UR)
        rowtext = ' | '.join(to_text(v) for v in rowraw)
        # ---- name / index
        name = t['name']
        if not name or HONORIFIC.match(name) or name != name.strip():
            err('%s: name empty/honorific' % where)
        part = None
        for v in rowraw:
            ps = split_parts(v)
            if len(ps) >= vi and name_at(ps[vi - 1], name):
                part = ps[vi - 1]
                break
            if vi == 1 and ps and len(ps) == 1 and name_at(ps[0], name):
                part = ps[0]; break
        if part is None:
            err('%s: name not found at index' % where); continue
        # ---- parentage and sex
        ctx = part + ' | ' + rowtext
        rel = None
        for who, rx in ((t['husband_name'], r'([wW])/[oO]\s+'), (t['father_name'], r'([sSdD])/[oO]\s+')):
            if not who:
                continue
            m = re.search(rx + re.escape(who) + r'(?![A-Za-z])', part) or re.search(rx + re.escape(who) + r'(?![A-Za-z])', rowtext)
            if m:
                rel = rel or m.group(1).lower()
            elif who == t['father_name'] and any(to_text(v).strip() == who for v in rowraw):
                pass  # father column
            else:
                err('%s: parentage %r not found' % (where, who))
        if t['husband_name'] and re.search(r'\b[wW]/[oO]\s+' + re.escape(t['husband_name']), ctx) is None:
            err('%s: husband not after w/o' % where)
        gmap = {'m': 'male', 'male': 'male', 'f': 'female', 'female': 'female', 'tg': 'transgender', 'transgender': 'transgender',
                'khawaja sira': 'transgender', 'لڑکا': 'male', 'لڑکی': 'female', 'خواجہ سرا': 'transgender'}
        gcell = [gmap[to_text(v).strip().lower()] for v in rowraw if to_text(v).strip().lower() in gmap]
        if gcell:
            exp_sex = gcell[0]
        else:
            m = re.search(re.escape(name) + r'(?:\s+alias\s+\w+)?\s+\(?([sSdDwW])/[oO]\s', part)
            if m is None and len(split_parts(rowraw[0] if rowraw else '')) <= 1:
                m = re.search(r'(?:^|\|\s)([sSdDwW])/[oO]\s', rowtext)
            exp_sex = {'s': 'male', 'd': 'female', 'w': 'female'}[m.group(1).lower()] if m else ''
        if t['sex'] != exp_sex:
            err('%s: sex %r expected %r' % (where, t['sex'], exp_sex))
        # ---- CNIC, phone
        if t['cnic']:
            if not re.fullmatch(r'\d{13}', t['cnic']):
                err('%s: cnic not 13 digits' % where)
            ok = False
            for v in rowraw:
                ps = split_parts(v)
                cand = [ps[vi - 1]] if len(ps) >= vi and len(ps) > 1 else [to_text(v)]
                if len(ps) > 1 and len(ps) < vi:
                    cand = []
                if any(t['cnic'] in digits(x) for x in cand):
                    ok = True
            if not ok:
                err('%s: cnic %s not in row' % (where, t['cnic']))
        if t['phone'] and not any(t['phone'] in digits(v) for v in rowraw):
            err('%s: phone not in row' % where)
        # ---- date, age, dob
        d = dt.date.fromisoformat(t['date'])
        if d not in dates_in(blockvals):
            err('%s: date %s not in row/block' % (where, t['date']))
        if t['date_of_birth']:
            dob = dt.date.fromisoformat(t['date_of_birth'])
            if dob not in dates_in(rowraw):
                err('%s: dob not in row' % where)
            if int(t['age']) != d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day)):
                err('%s: age from dob wrong' % where)
        elif t['age']:
            ok = False
            for v in rowraw:
                if v is None or isinstance(v, (dt.date, dt.datetime)):
                    continue
                ps = split_parts(v)
                cand = ps[vi - 1] if len(ps) >= vi else (to_text(v) if vi == 1 else '')
                if re.search(r'(?<![\d/.-])%s(?![\d/.-])' % t['age'], cand.translate(UR)) and len(digits(cand)) <= 3:
                    ok = True
            if not ok:
                err('%s: age %s not found' % (where, t['age']))
        # ---- case number, sections, status
        if t['case_id']:
            n, yy = t['case_id'].split('/')
            if not re.search(r'(?<!\d)%s/(20)?%s(?!\d)' % (n, yy), blocktext):
                err('%s: case %s not in block' % (where, t['case_id']))
        secs = [s for s in t['law_sections'].split(';') if s]
        for s in secs:
            act, num = s.split(' ')
            if not re.search(r'(?<!\d)%s(?!\d)' % re.escape(re.match(r'\d+', num).group(0)), blocktext):
                err('%s: section %s not in block' % (where, s))
            if not any(k in blocktext for k in ACT_KW[act]):
                err('%s: act %s not in block' % (where, act))
        if t['crime_type'] != crime_type(secs):
            err('%s: crime_type %s != derived %s' % (where, t['crime_type'], crime_type(secs)))
        if secs and not t['case_id']:
            err('%s: sections without case' % where)
        st = kw_hits(blocktext, STATUS_KW, regex=True)
        if t['role'] == 'deportee' and t['case_id'] and t['case_status'] != 'investigation':
            err('%s: deportee handed over with FIR must be investigation' % where)
        if t['case_status'] and not t['case_id']:
            err('%s: status without case' % where)
        if t['case_status']:
            if t['case_status'] not in st and not (t['role'] == 'deportee' and 'Handed over' in rowtext):
                err('%s: status %s not in block %s' % (where, t['case_status'], st))
        elif st and t['file'] not in ('DUA_Multan_Admission_Register_Sep-Oct_2024.xlsx', 'CPB_Rawalpindi_Monthly_Sep_Oct_2024_Urdu.xlsx',
                                      'Umeed_Helpline_Referrals_Sep-Oct_2024.csv'):
            err('%s: status written but empty in truth %s' % (where, st))
        # ---- exploitation / protection
        ex = kw_hits(rowtext, EXPL_KW)
        if t['exploitation']:
            if t['role'] != 'victim':
                err('%s: exploitation on non-victim' % where)
            if t['exploitation'] not in ex:
                err('%s: exploitation %s not in row %s' % (where, t['exploitation'], ex))
        elif ex and t['role'] == 'victim':
            err('%s: exploitation written but empty %s' % (where, ex))
        pr = kw_hits(rowtext, PROT_KW)
        if t['protection_status'] and t['protection_status'] not in pr:
            err('%s: protection %s not in row %s' % (where, t['protection_status'], pr))
        if not t['protection_status'] and pr and t['role'] == 'victim':
            err('%s: protection written but empty %s' % (where, pr))
        # ---- district / nationality
        if t['district']:
            if DIST_PROV.get(t['district']) != t['province']:
                err('%s: district/province %s/%s' % (where, t['district'], t['province']))
            else:
                al = GAZ[t['province']][t['district']].split('|')
                if not any(a in ctx for a in al):
                    err('%s: district %s not in address' % (where, t['district']))
        elif t['province']:
            err('%s: province without district' % where)
        if t['nationality'] == 'AFG' and not re.search(r'Afgh|Afg ', rowtext):
            err('%s: AFG not written' % where)
        if t['nationality'] == 'BGD' and 'Bangladesh' not in rowtext:
            err('%s: BGD not written' % where)
    # ---- coverage: every person row / cell has a truth line
    tcount = {}
    for t in truth:
        tcount.setdefault((t['file'], t['sheet'], int(t['row'])), []).append(t)
    skip = re.compile(r'^(Total|G\. Total|Cases:|\d+ persons|Shift Incharge|Sd/-|Anonymous|Anonymous caller|Name not disclosed|AHT Circle FIA Peshawar|کل|[\u0660-\u06f9\d]+)$')
    for f, lay in LAYOUT.items():
        for s, (raw, fill, state, n) in books.get(f, {}).items():
            if kinds.get((f, s), {}).get('kind') != 'data':
                continue
            if 'name_col' in lay:
                hdr = [i for i, row in enumerate(raw) if lay['name_col'] in [to_text(v).strip() for v in row]]
                if not hdr:
                    err('no header in %s/%s' % (f, s)); continue
                ci = [to_text(v).strip() for v in raw[hdr[0]]].index(lay['name_col'])
                for r, row in enumerate(raw):
                    if r <= hdr[0] or ci >= len(row):
                        continue
                    v = to_text(row[ci]).strip()
                    if not v or v == lay['name_col'] or skip.match(v) or to_text(row[0]).strip() in ('Total', 'G. Total', 'کل'):
                        continue
                    if len(tcount.get((f, s, r + 1), [])) != 1:
                        err('coverage %s/%s row %d: %d truth lines' % (f, s, r + 1, len(tcount.get((f, s, r + 1), []))))
            else:  # one case per row: count persons in the cells
                hdrrow = [i for i, row in enumerate(raw) if any(to_text(v).strip() in ('Sr.', 'Sr') for v in row)][0]
                heads = [to_text(v).strip() for v in raw[hdrrow]]
                if f.startswith('AHTC_Faisalabad'):
                    vc, ac, rc = 4, 7, 9
                else:
                    vc, ac, rc = heads.index('Victim(s)'), heads.index('Accused'), heads.index('Complainant')
                for r, row in enumerate(raw):
                    if r <= hdrrow + 1 or not re.fullmatch(r'\d+', to_text(row[0]).strip()):
                        continue
                    exp = {}
                    vtxt = to_text(row[vc])
                    exp['v'] = 0 if re.match(r'^(Nil|Victims not identified)', vtxt) or not vtxt else len(split_parts(vtxt))
                    atxt = to_text(row[ac])
                    exp['a'] = 0 if atxt in ('', 'Unknown') else len(split_parts(atxt))
                    ctxt = to_text(row[rc])
                    exp['c'] = (1 if 'Complainant:' in ctxt else 0) if f.startswith('AHTC_Faisalabad') else (1 if ctxt else 0)
                    got = tcount.get((f, s, r + 1), [])
                    g = {'v': sum(1 for t in got if t['role'] in ('victim', 'smuggled_migrant')),
                         'a': sum(1 for t in got if t['role'] == 'accused'), 'c': sum(1 for t in got if t['role'] == 'complainant')}
                    if g != exp:
                        err('coverage %s/%s row %d: expected %s got %s' % (f, s, r + 1, exp, g))
    # ---- person identity sanity: a person keeps sex (except TG written s/o) and nationality
    per = {}
    for t in truth:
        per.setdefault(t['person_id'], []).append(t)
    for pid, ts in per.items():
        if len({t['nationality'] for t in ts}) > 1:
            err('%s: nationality differs across records' % pid)
    multi = sum(1 for ts in per.values() if len({t['file'] for t in ts}) > 1)
    print('truth records: %d, persons: %d, in >1 file: %d (%.1f%%)' % (len(truth), len(per), multi, 100.0 * multi / len(per)))
    for e in ERR[:200]:
        print('ERROR', e)
    print('errors: %d' % len(ERR))
    return 1 if ERR else 0


if __name__ == '__main__':
    sys.exit(main())
