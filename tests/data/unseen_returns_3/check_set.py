#!/usr/bin/env python3
"""Re-reads every file of unseen_returns_3 (openpyxl / xlrd / csv, not the generator's objects) and checks
that every truth row can be traced: name (and father/husband name), CNIC and phone in the person's own row,
district (or one of its tehsil/town/old-name/misspelling/Urdu aliases) in the person's row, and the
event date in the row or its case block (the block = the row and the rows above it up to the nearest row
whose first column is filled). Also checks enums, formats, sheet_kind.csv coverage and hidden flags.
Exit status 1 on any failure."""
import csv, datetime as dt, os, re, sys
from collections import defaultdict
import openpyxl, xlrd

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_set import DIST   # vocabulary only (district -> aliases); the files themselves are read below

UR = str.maketrans('۰۱۲۳۴۵۶۷۸۹', '0123456789')
MON = ['January','February','March','April','May','June','July','August','September','October','November','December']
URM = {5:'مئی', 6:'جون'}
ENUM = {
 'sex': {'', 'male', 'female', 'transgender'},
 'crime_type': {'', 'tip', 'som', 'both', 'tip_related', 'som_related', 'migration_fraud', 'other'},
 'exploitation': {'', 'sexual_exploitation', 'forced_labour', 'bonded_labour', 'domestic_servitude', 'begging', 'forced_marriage',
                  'forced_criminality', 'organ_removal', 'illegal_adoption', 'armed_combat', 'mixed', 'other'},
 'case_status': {'', 'investigation', 'prosecution', 'convicted', 'acquitted', 'absconding', 'closed'},
 'protection_status': {'', 'in_shelter', 'restored_to_family', 'repatriated', 'referred', 'escaped', 'discharged'},
 'role': {'victim', 'smuggled_migrant', 'accused', 'complainant', 'witness', 'deportee'},
}
COLS = ['file','sheet','row','victim_index','person_id','name','father_name','husband_name','sex','age','date_of_birth','cnic',
        'phone','date','district','province','nationality','law_sections','crime_type','exploitation','case_id','case_status',
        'protection_status','role']

def cell_text(v):
    if v is None: return ''
    if isinstance(v, dt.datetime): return v.date().isoformat()
    if isinstance(v, dt.date): return v.isoformat()
    if isinstance(v, float) and v.is_integer(): return str(int(v))
    return str(v).translate(UR)

def read_all():
    """-> {(file, sheet): {'rows': {rownum: [texts]}, 'hidden': bool}}"""
    out = {}
    for fn in sorted(os.listdir(HERE)):
        p = os.path.join(HERE, fn)
        if fn.endswith('.xlsx'):
            wb = openpyxl.load_workbook(p)
            for ws in wb.worksheets:
                rows = {}
                for r in ws.iter_rows():
                    rows[r[0].row] = [cell_text(c.value) for c in r]
                out[(fn, ws.title)] = {'rows': rows, 'hidden': ws.sheet_state != 'visible'}
        elif fn.endswith('.xls'):
            bk = xlrd.open_workbook(p)
            for sh in bk.sheets():
                rows = {}
                for i in range(sh.nrows):
                    vals = []
                    for j in range(sh.ncols):
                        c = sh.cell(i, j)
                        if c.ctype == xlrd.XL_CELL_DATE:
                            vals.append(xlrd.xldate_as_datetime(c.value, bk.datemode).date().isoformat())
                        else: vals.append(cell_text(c.value))
                    rows[i+1] = vals
                out[(fn, sh.name)] = {'rows': rows, 'hidden': sh.visibility != 0}
        elif fn.endswith('.csv') and fn not in ('truth.csv', 'sheet_kind.csv'):
            raw = open(p, 'rb').read()
            try: txt = raw.decode('utf-8-sig')
            except UnicodeDecodeError: txt = raw.decode('cp1252')
            rows = {i: [cell_text(x) for x in r] for i, r in enumerate(csv.reader(txt.splitlines()), 1)}
            out[(fn, '')] = {'rows': rows, 'hidden': False}
    return out

def date_forms(iso):
    d = dt.date.fromisoformat(iso)
    suf = 'th' if 10 <= d.day <= 20 else {1:'st',2:'nd',3:'rd'}.get(d.day % 10, 'th')
    return {iso, d.strftime('%d.%m.%Y'), f'{d.day}.{d.month}.{d.year}', d.strftime('%d-%b-%y'), d.strftime('%d/%m/%Y'),
            d.strftime('%d-%m-%Y'), f'{d.day}{suf} {MON[d.month-1]} {d.year}', f'{d.day}{suf} {MON[d.month-1]}, {d.year}',
            f'{MON[d.month-1]} {d.day}, {d.year}', f'{d.day} {URM.get(d.month, "?")} {d.year}',
            str((d - dt.date(1899, 12, 30)).days)}

def aliases(district):
    prov, locs, urdu = DIST[district]
    al = {district, urdu}
    for l in locs: al.add(l); al.add(l.split(',')[0].strip())
    return al

def main():
    data = read_all()
    errs = []
    kinds = list(csv.DictReader(open(os.path.join(HERE, 'sheet_kind.csv'), encoding='utf-8')))
    kind_of = {(k['file'], k['sheet']): k['kind'] for k in kinds}
    for key, v in data.items():
        if key not in kind_of: errs.append(f'sheet not in sheet_kind.csv: {key}')
        elif (kind_of[key] == 'hidden') != v['hidden']: errs.append(f'hidden flag mismatch: {key}')
    for key in kind_of:
        if key not in data: errs.append(f'sheet_kind lists missing sheet {key}')
    truth = list(csv.DictReader(open(os.path.join(HERE, 'truth.csv'), encoding='utf-8')))
    if list(truth[0].keys()) != COLS: errs.append('truth.csv columns differ from the brief')
    per_sheet = defaultdict(int)
    for t in truth:
        key = (t['file'], t['sheet']); per_sheet[key] += 1
        where = f"{t['file']}|{t['sheet']}|r{t['row']}|{t['person_id']}"
        if kind_of.get(key) != 'data': errs.append(f'{where}: truth row on non-data sheet'); continue
        rows = data[key]['rows']; r = int(t['row'])
        if r not in rows: errs.append(f'{where}: row out of range'); continue
        row_txt = ' | '.join(rows[r])
        block = [row_txt]; k = r
        while k > 1 and not (rows.get(k) or [''])[0].strip():
            k -= 1; block.append(' | '.join(rows.get(k, [])))
        block_txt = ' | '.join(block)
        for col in ENUM:
            if t[col] not in ENUM[col]: errs.append(f'{where}: bad {col} {t[col]!r}')
        if t['name'] not in row_txt: errs.append(f'{where}: name {t["name"]!r} not in row')
        for col in ('father_name', 'husband_name'):
            if t[col] and t[col] not in row_txt: errs.append(f'{where}: {col} {t[col]!r} not in row')
        digits = re.sub(r'\D', '', row_txt)
        if t['cnic']:
            if not re.fullmatch(r'\d{13}', t['cnic']): errs.append(f'{where}: cnic format')
            elif t['cnic'] not in digits: errs.append(f'{where}: cnic not in row')
        if t['phone'] and t['phone'] not in digits: errs.append(f'{where}: phone not in row')
        if t['date']:
            if not any(f in block_txt for f in date_forms(t['date'])): errs.append(f'{where}: date {t["date"]} not in block')
        if t['date_of_birth'] and not any(f in row_txt for f in date_forms(t['date_of_birth'])):
            errs.append(f'{where}: dob not in row')
        if t['district']:
            if t['district'] not in DIST: errs.append(f'{where}: unknown district {t["district"]}')
            elif not any(a in row_txt for a in aliases(t['district'])): errs.append(f'{where}: district {t["district"]} not traceable in row')
            elif DIST[t['district']][0] != t['province']: errs.append(f'{where}: province mismatch')
        if t['case_id'] and t['case_id'].split('/')[0] not in block_txt: errs.append(f'{where}: case id not in block')
        if t['age'] and t['age'] not in row_txt and not t['date_of_birth']: errs.append(f'{where}: age not in row')
        if t['law_sections']:
            for c in t['law_sections'].split('|'):
                act, sec = c.split(':')
                if act not in ('PPC', 'PTPA-2018', 'PSMA-2018', 'EO-1979', 'PACHTO-2002'): errs.append(f'{where}: act {act}')
    for key, kd in kind_of.items():
        if kd == 'data' and per_sheet[key] == 0: errs.append(f'data sheet without truth rows: {key}')
        if kd != 'data' and per_sheet[key]: errs.append(f'truth rows on {kd} sheet {key}')
    size = sum(os.path.getsize(os.path.join(HERE, f)) for f in os.listdir(HERE))
    if size > 1_600_000: errs.append(f'set too large: {size}')
    pids = defaultdict(set)
    for t in truth: pids[t['person_id']].add(t['file'])
    multi = sum(len(v) > 1 for v in pids.values())
    print(f'{len(truth)} truth rows, {len(pids)} persons, {multi} ({multi/len(pids):.1%}) in >1 file, '
          f'{len(data)} sheets read, {size} bytes')
    for e in errs[:60]: print('FAIL', e)
    print('errors:', len(errs))
    return 1 if errs else 0

if __name__ == '__main__':
    sys.exit(main())
