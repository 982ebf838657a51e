#!/usr/bin/env python3
"""Self-check of truth.csv against the files, re-reading them independently of make_set.py
(openpyxl / xlrd / csv).  For every truth row it checks that the row holds the person's name as
written, and that each non-empty truth value can be found in that row or in the case cells that
cover it (merged cells, "-do-" ditto rows).  Prints problems and a summary; exit 1 on problems."""
import csv
import datetime as dt
import io
import os
import re
import sys

import openpyxl
import xlrd

HERE = os.path.dirname(os.path.abspath(__file__))
UR_DIG = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
UR_MONTHS = ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر",
             "نومبر", "دسمبر"]


def cell_text(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (dt.datetime, dt.date)):
        return "DATE:" + v.strftime("%Y-%m-%d")
    return str(v)


def dates_in(text):
    """Independent day-first date extraction."""
    out = set()
    t = text.translate(UR_DIG)
    for m in re.finditer(r"DATE:(\d{4}-\d{2}-\d{2})", t):
        out.add(m.group(1))
    for m in re.finditer(r"(?<![\d/])(\d{4})-(\d{2})-(\d{2})(?!\d)", t):
        out.add("%s-%s-%s" % m.groups())
    for m in re.finditer(r"(?<![\d/.-])(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\d/])", t):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        try:
            out.add(dt.date(y, mo, d).isoformat())
        except ValueError:
            pass
    low = t.lower()
    for i, mn in enumerate(MONTHS):
        for m in re.finditer(r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+%s[a-z]*[\s,-]+(\d{4}|\d{2})\b" % mn[:3], low):
            y = int(m.group(2)); y = y + 2000 if y < 100 else y
            try:
                out.add(dt.date(y, i + 1, int(m.group(1))).isoformat())
            except ValueError:
                pass
        for m in re.finditer(r"%s[a-z]*\s+(\d{1,2}),\s*(\d{4})" % mn, low):
            out.add(dt.date(int(m.group(2)), i + 1, int(m.group(1))).isoformat())
    for i, mn in enumerate(UR_MONTHS):
        for m in re.finditer(r"(\d{1,2})\s*%s\s*(\d{4})" % mn, t):
            out.add(dt.date(int(m.group(2)), i + 1, int(m.group(1))).isoformat())
    return out


def digits(s):
    return re.sub(r"\D", "", s.translate(UR_DIG))


# ---------------------------------------------------------------------------------------------
def load_xlsx(path):
    wb = openpyxl.load_workbook(path)            # formulas as text
    wbv = openpyxl.load_workbook(path, data_only=True)   # cached values
    sheets = {}
    for ws in wb.worksheets:
        wv = wbv[ws.title]
        rows = {}
        for row in wv.iter_rows():
            for c in row:
                if c.value is not None:
                    rows.setdefault(c.row, []).append(cell_text(c.value))
        ctx = {}
        for mr in ws.merged_cells.ranges:
            top = wv.cell(mr.min_row, mr.min_col).value
            for r in range(mr.min_row + 1, mr.max_row + 1):
                ctx.setdefault(r, []).append(cell_text(top))
        sheets[ws.title] = (rows, ctx, ws.sheet_state)
    return sheets


def load_xls(path):
    bk = xlrd.open_workbook(path, formatting_info=True)
    sheets = {}
    for sh in bk.sheets():
        rows = {}
        for r in range(sh.nrows):
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_EMPTY or cell.value == "":
                    continue
                if cell.ctype == xlrd.XL_CELL_DATE:
                    v = xlrd.xldate.xldate_as_datetime(cell.value, bk.datemode)
                else:
                    v = cell.value
                rows.setdefault(r + 1, []).append(cell_text(v))
        ctx = {}
        for (r0, r1, c0, c1) in sh.merged_cells:
            top = sh.cell(r0, c0)
            v = xlrd.xldate.xldate_as_datetime(top.value, bk.datemode) if top.ctype == xlrd.XL_CELL_DATE else top.value
            for r in range(r0 + 2, r1 + 1):
                ctx.setdefault(r, []).append(cell_text(v))
        sheets[sh.name] = (rows, ctx, ["visible", "hidden", "veryHidden"][sh.visibility])
    return sheets


def human_csv_records(text, delim):
    """Split into records like a careful reader: quoted line breaks stay inside a record, but a
    quote left open at the end of a line is closed there if the next line plainly starts a record."""
    lines = text.split("\n")
    recs, cur = [], None
    start_re = re.compile(r"^\d+%s\d" % re.escape(delim))
    for ln in lines:
        if cur is None:
            cur = ln
        else:
            if start_re.match(ln):            # open quote never closed: close it at the line end
                recs.append(cur + '"')
                cur = ln
            else:
                cur = cur + "\n" + ln
        if cur.count('"') % 2 == 0:
            recs.append(cur)
            cur = None
    if cur is not None:
        recs.append(cur)
    if recs and recs[-1] == "":
        recs = recs[:-1]
    out = []
    for r in recs:
        out.append(next(csv.reader(io.StringIO(r.rstrip("\r")), delimiter=delim)) if r.strip() else [])
    return out


def load_csv(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xff\xfe"):
        text, delim = raw[2:].decode("utf-16-le"), "\t"
    elif raw.startswith(b"\xef\xbb\xbf"):
        text, delim = raw[3:].decode("utf-8"), ","
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        delim = ";" if text.split("\n")[0].count(";") > text.split("\n")[0].count(",") else ","
    text = text.replace("\r\n", "\n")
    recs = human_csv_records(text, delim)
    rows, ctx = {}, {}
    last = {}
    for i, rec in enumerate(recs, 1):
        vals = [v for v in rec if v != ""]
        if vals:
            rows[i] = vals
        # ditto marks: the values of the last row without "-do-" in that column
        full = []
        for j, v in enumerate(rec):
            if v.strip().lower() == "-do-":
                full.append(last.get(j, ""))
            else:
                last[j] = v
        ctx[i] = full
    return {"": (rows, ctx, "visible")}


# ---------------------------------------------------------------------------------------------
DIST_ALIASES = {}


def dist_names():
    sys.path.insert(0, HERE)
    import make_set as M
    for d, v in M.DIST.items():
        names = set(v[1]) | set(v[3]) | ({v[2]} if v[2] else set())
        for old, new in ((M.OLD_NAMES.get(d), None),):
            if old:
                names.add(old)
        if d.startswith("Karachi"):
            names.add(d.split()[1])
        DIST_ALIASES[d] = {n.lower() for n in names}
    canon = set()
    with open("/work/main/src/reference/data/districts.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            canon.add(r["district"])
    return canon


def main():
    canon = dist_names()
    truth = list(csv.DictReader(open(os.path.join(HERE, "truth.csv"), encoding="utf-8")))
    hints = {}
    import json
    for r in json.load(open(os.path.join(HERE, "check_hints.json"), encoding="utf-8")):
        hints[(r[0], r[1], int(r[2]), int(r[3]))] = [str(x) for x in r[4:]]
    cache = {}
    probs = []
    provs = {"Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan", "Islamabad Capital Territory",
             "Gilgit-Baltistan", "Azad Jammu & Kashmir"}
    seen = set()
    for t in truth:
        key = (t["file"], t["sheet"], int(t["row"]), int(t["victim_index"]))
        if key in seen:
            probs.append(("duplicate key", key))
        seen.add(key)
        fn = t["file"]
        if fn not in cache:
            p = os.path.join(HERE, fn)
            cache[fn] = load_xlsx(p) if fn.endswith(".xlsx") else load_xls(p) if fn.endswith(".xls") else load_csv(p)
        sheets = cache[fn]
        if t["sheet"] not in sheets:
            probs.append(("no sheet", key)); continue
        rows, ctx, state = sheets[t["sheet"]]
        if state != "visible":
            probs.append(("record on hidden sheet", key))
        r = int(t["row"])
        own = rows.get(r, [])
        allt = own + [x for x in ctx.get(r, []) if x]
        text = "\n".join(allt)
        low = text.lower()
        for h in hints.get(key, []):
            if h not in "\n".join(own):
                probs.append(("hint not in row", key, h[:30]))
        if t["date"] and t["date"] not in dates_in(text):
            probs.append(("date", key, t["date"]))
        if t["date_of_birth"] and t["date_of_birth"] not in dates_in(text):
            probs.append(("dob", key, t["date_of_birth"]))
        if t["cnic"]:
            if not any(t["cnic"] == digits(seg) for x in own for seg in re.split(r"[\n;,]|\d\)\s|\d\.\s", x)):
                if t["cnic"] not in digits(text):
                    probs.append(("cnic", key, t["cnic"]))
        if t["age"]:
            if not re.search(r"(?<!\d)%s(?!\d)" % t["age"], text.translate(UR_DIG)) and not t["date_of_birth"]:
                probs.append(("age", key, t["age"]))
        if t["case_id"] and t["case_id"] not in text:
            probs.append(("case_id", key, t["case_id"]))
        if t["phone"] and t["phone"][-7:] not in digits(text):
            probs.append(("phone", key, t["phone"]))
        if t["district"]:
            if t["district"] not in canon:
                probs.append(("district not canonical", key, t["district"]))
            if not any(a in low for a in DIST_ALIASES[t["district"]]):
                probs.append(("district", key, t["district"]))
        if t["province"] and t["province"] not in provs:
            probs.append(("province", key, t["province"]))
        for code in filter(None, t["law_sections"].split("|")):
            sec = code.split(":")[1]
            sec_alt = {sec, sec.replace("-", ""), sec.replace("(", "-").replace(")", "")}
            if not any(s in text for s in sec_alt):
                probs.append(("section", key, code))
        if t["sex"] and not re.search(r"\b(m|f|male|female|boy|girl|tg|khawaja sira|transgender|s/o|d/o|w/o|s\.o|d\.o|son of|daughter of|wife of|mst)\b|\bmr\.|مرد|عورت|لڑکا|لڑکی|ولد|بنت|زوجہ|مسمات", low):
            probs.append(("sex", key, t["sex"]))
    # rows of sheet_kind
    for k in csv.DictReader(open(os.path.join(HERE, "sheet_kind.csv"), encoding="utf-8")):
        sheets = cache.get(k["file"])
        if sheets is None:
            p = os.path.join(HERE, k["file"])
            sheets = load_xlsx(p) if p.endswith(".xlsx") else load_xls(p) if p.endswith(".xls") else load_csv(p)
            cache[k["file"]] = sheets
        if k["sheet"] not in sheets:
            probs.append(("kind: no sheet", k["file"], k["sheet"])); continue
        rows, ctx, state = sheets[k["sheet"]]
        if int(k["rows"]) != len(rows):
            probs.append(("kind rows", k["file"], k["sheet"], k["rows"], len(rows)))
        if (state != "visible") != (k["kind"] == "hidden"):
            probs.append(("kind hidden state", k["file"], k["sheet"], state, k["kind"]))
    # every workbook sheet listed
    listed = {(k["file"], k["sheet"]) for k in csv.DictReader(open(os.path.join(HERE, "sheet_kind.csv"), encoding="utf-8"))}
    for fn, sheets in cache.items():
        for sh in sheets:
            if (fn, sh) not in listed:
                probs.append(("sheet not in sheet_kind", fn, sh))
    for p in probs[:80]:
        print(p)
    kinds = {}
    for p in probs:
        kinds[p[0]] = kinds.get(p[0], 0) + 1
    print("truth rows %d, problems %d %s" % (len(truth), len(probs), kinds))
    return 1 if probs else 0


if __name__ == "__main__":
    sys.exit(main())
