#!/usr/bin/env python3
"""Self-check of truth.csv against the files (independent re-reading with openpyxl / xlrd / csv).

For every truth row: the row exists in that sheet, the person's written name is in that row (in the
victim_index-th entry of a multi-victim cell), and every non-empty truth value that can be traced
(CNIC, phone, age/date of birth, date, district, case id) is recoverable from the row or from the
case block above it (merged cells, '-do-', fill-down). Also checks canonical district/province names,
sheet kinds and that hidden/summary/notes sheets yield no truth rows.
"""
import csv
import datetime as dt
import os
import re
import sys
from collections import defaultdict

import hashlib
import shutil
import tempfile

import openpyxl

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_set as M  # noqa: E402  (reference tables only; main() is not run)

ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
UD = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
errors = []


def err(t, msg):
    errors.append("%s|%s|%s|%s: %s" % (t["file"], t["sheet"], t["row"], t["victim_index"], msg))


def cell_text(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%d/%m/%Y")
    return str(v)


def row_text(cells):
    return " | ".join(cell_text(v) for v in cells)


MONTHS = {m.lower(): i for i, m in enumerate(M.MONTHS, 1)}
MONTHS.update({m[:3].lower(): i for i, m in enumerate(M.MONTHS, 1)})
MONTHS["sept"] = 9
UMONTHS = {m: i for i, m in enumerate(M.URDU_MONTHS, 1)}


def dates_in(text):
    """all dates readable in a text, day first"""
    out = set()
    t = text.translate(UD)
    for d, m, y in re.findall(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})(?!\d)", t):
        y = int(y)
        y = y + 2000 if y < 100 else y
        try:
            out.add(dt.date(y, int(m), int(d)))
        except ValueError:
            pass
    for y, m, d in re.findall(r"(\d{4})-(\d{2})-(\d{2})", t):
        out.add(dt.date(int(y), int(m), int(d)))
    mre = "|".join(sorted(MONTHS, key=len, reverse=True))
    for d, mon, y in re.findall(r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+(%s)[\s,-]+(\d{2,4})" % mre, t, flags=re.I):
        if mon.lower() in MONTHS:
            y = int(y)
            y = y + 2000 if y < 100 else y
            try:
                out.add(dt.date(y, MONTHS[mon.lower()], int(d)))
            except ValueError:
                pass
    for mon, d, y in re.findall(r"([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})", t):
        if mon.lower() in MONTHS:
            out.add(dt.date(int(y), MONTHS[mon.lower()], int(d)))
    for d, mon, y in re.findall(r"(\d{1,2})\s+(\S+)\s+(\d{4})", t):
        if mon in UMONTHS:
            out.add(dt.date(int(y), UMONTHS[mon], int(d)))
    return out


def digits(text):
    return re.sub(r"\D", "", text.translate(UD))


def load_all():
    data = {}
    merged = {}
    for f, sh in set((t["file"], t["sheet"]) for t in TRUTH) | set((k["file"], k["sheet"]) for k in KINDS):
        rows = M.read_rows(f, sh)
        if f.endswith(".xlsx"):
            wb = openpyxl.load_workbook(os.path.join(HERE, f))
            ws = wb[sh]
            merged[(f, sh)] = ws.merged_cells.ranges
            # date cells as dates
            for row in ws.iter_rows():
                rows[row[0].row] = [c.value for c in row]
        data[(f, sh)] = rows
    return data, merged


def district_words(d):
    g = M.GEO[d]
    words = list(g[0]) + [t[0] for t in g[1]] + [g[2]] + [t[1] for t in g[1]]
    if g[5]:
        words += list(g[5])
    return words


TRUTH = list(csv.DictReader(open(os.path.join(HERE, "truth.csv"), encoding="utf-8")))
KINDS = list(csv.DictReader(open(os.path.join(HERE, "sheet_kind.csv"), encoding="utf-8")))
# regenerate the set in a temporary directory: gives the written form of every name (M.CHECKS) and
# proves that the files here are exactly what make_set.py produces
tmp = tempfile.mkdtemp()
M.main(tmp)
for dirpath, _, files in os.walk(tmp):
    for fn in files:
        rel = os.path.relpath(os.path.join(dirpath, fn), tmp)
        a = hashlib.md5(open(os.path.join(tmp, rel), "rb").read()).hexdigest()
        b = hashlib.md5(open(os.path.join(HERE, rel), "rb").read()).hexdigest() if os.path.exists(os.path.join(HERE, rel)) else None
        if a != b:
            errors.append("file differs from a fresh generation: %s" % rel)
shutil.rmtree(tmp)
M.OUTDIR = HERE
CHECKS = defaultdict(list)
for f_, s_, r_, must in M.CHECKS:
    CHECKS[(f_, s_, str(r_))].extend(must)

canon_d = {}
for rr in csv.DictReader(open(os.path.join(ROOT, "src/reference/data/districts.csv"), encoding="utf-8")):
    canon_d[rr["district"]] = rr["province_code"]
canon_p = {}
for rr in csv.DictReader(open(os.path.join(ROOT, "src/reference/data/provinces.csv"), encoding="utf-8")):
    canon_p[rr["province_code"]] = rr["province"]

data, merged = load_all()
kind_of = {(k["file"], k["sheet"]): k["kind"] for k in KINDS}

# sheet kinds against workbooks
for k in KINDS:
    f, sh = k["file"], k["sheet"]
    if f.endswith(".xlsx"):
        ws = openpyxl.load_workbook(os.path.join(HERE, f))[sh]
        hidden = ws.sheet_state in ("hidden", "veryHidden")
        if hidden != (k["kind"] == "hidden"):
            errors.append("sheet kind mismatch %s %s" % (f, sh))
    elif f.endswith(".xls"):
        import xlrd
        bk = xlrd.open_workbook(os.path.join(HERE, f))
        s = bk.sheet_by_name(sh)
        if (s.visibility != 0) != (k["kind"] == "hidden"):
            errors.append("sheet kind mismatch %s %s" % (f, sh))
for f in sorted(set(t["file"] for t in TRUTH)):
    path = os.path.join(HERE, f)
    if f.endswith(".xlsx"):
        for sh in openpyxl.load_workbook(path).sheetnames:
            if (f, sh) not in kind_of:
                errors.append("sheet missing from sheet_kind.csv: %s %s" % (f, sh))

seen = set()
for t in TRUTH:
    key = (t["file"], t["sheet"], t["row"], t["victim_index"])
    if key in seen:
        err(t, "duplicate truth key")
    seen.add(key)
    if kind_of.get((t["file"], t["sheet"])) != "data":
        err(t, "truth row on a non-data sheet")
    rows = data[(t["file"], t["sheet"])]
    r = int(t["row"])
    if r not in rows:
        err(t, "row not found")
        continue
    cells = rows[r]
    txt = row_text(cells)
    # block above (merged / -do- / fill-down): up to 12 rows, stop at a header-ish row
    block = [txt]
    for k in range(1, 13):
        if r - k in rows:
            block.append(row_text(rows[r - k]))
    btxt = " || ".join(block)
    # name in the right entry
    musts = CHECKS.get((t["file"], t["sheet"], t["row"]), [])
    vi = int(t["victim_index"])
    found = False
    for m in musts:
        for v in cells:
            s = cell_text(v)
            if m and m in s:
                entries = re.split(r"\n|; ", s)
                if 0 < vi <= len(entries) and m in entries[vi - 1]:
                    found = True
    if not found:
        err(t, "name %r not in its entry (%r)" % (t["name"], musts[:3]))
    low = txt.lower()
    if t["name"] and not any(m for m in musts):
        err(t, "no check string")
    # cnic
    if t["cnic"]:
        if t["cnic"] not in digits(txt) and t["cnic"] not in [digits(cell_text(v)) for v in cells]:
            err(t, "cnic not in row")
        if len(t["cnic"]) != 13:
            err(t, "cnic length")
    if t["phone"]:
        if not re.fullmatch(r"\+923\d{9}", t["phone"]):
            err(t, "phone format")
        if t["phone"][3:] not in digits(txt):
            err(t, "phone not in row")
    if t["date_of_birth"]:
        dob = dt.date.fromisoformat(t["date_of_birth"])
        if dob not in dates_in(txt) and not any(v == dt.datetime.combine(dob, dt.time()) for v in cells):
            err(t, "dob not in row")
    if t["date"]:
        d = dt.date.fromisoformat(t["date"])
        ok = any(isinstance(v, dt.datetime) and v.date() == d for k in range(0, 13) for v in rows.get(r - k, []))
        if not ok and d not in dates_in(btxt):
            err(t, "date not recoverable near row")
        if not (dt.date(2023, 9, 1) <= d <= dt.date(2023, 10, 31)):
            err(t, "date outside the two months")
    if t["age"]:
        a = int(t["age"])
        ok = re.search(r"(?<!\d)%d(?!\d)" % a, txt.translate(UD)) is not None
        if not ok and t["date_of_birth"] and t["date"]:
            ok = M.age_of(dt.date.fromisoformat(t["date_of_birth"]), dt.date.fromisoformat(t["date"])) == a
        if not ok:
            err(t, "age not in row")
    if t["district"]:
        if t["district"] not in canon_d:
            err(t, "district not canonical")
        elif canon_p[canon_d[t["district"]]] != t["province"]:
            err(t, "province does not match district")
        if "Police_Sheikhupura" not in t["file"]:
            words = district_words(t["district"])
            if not any(w.lower() in low for w in words if w):
                err(t, "district %s not readable in row" % t["district"])
    elif t["province"]:
        err(t, "province without district")
    if t["case_id"] and t["case_id"] not in btxt:
        err(t, "case id not near row")
    if t["law_sections"]:
        for code in t["law_sections"].split("|"):
            if not re.fullmatch(r"[A-Z]+(-\d{4})?:[0-9]+(-[A-Z])?(\(\d\))?", code):
                err(t, "bad law code %s" % code)
    for col, allowed in (("sex", {"", "male", "female", "transgender"}),
                         ("crime_type", {"", "tip", "som", "both", "tip_related", "som_related", "migration_fraud", "other"}),
                         ("case_status", {"", "investigation", "prosecution", "convicted", "acquitted", "absconding", "closed"}),
                         ("protection_status", {"", "in_shelter", "restored_to_family", "repatriated", "referred", "escaped", "discharged"}),
                         ("role", {"victim", "smuggled_migrant", "deportee", "accused", "complainant", "witness"})):
        if t[col] not in allowed:
            err(t, "bad %s %r" % (col, t[col]))
    if t["crime_type"] and t["law_sections"] and M.crime_type(t["law_sections"].split("|")) != t["crime_type"]:
        err(t, "crime type does not follow sections")

pids = defaultdict(set)
for t in TRUTH:
    pids[t["person_id"]].add(t["file"])
multi = sum(1 for v in pids.values() if len(v) > 1)
print("truth rows:", len(TRUTH), " persons:", len(pids), " in >1 file: %d (%.0f%%)" % (multi, 100.0 * multi / len(pids)))
print("errors:", len(errors))
for e in errors[:60]:
    print("  ", e)
sys.exit(1 if errors else 0)
