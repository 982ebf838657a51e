#!/usr/bin/env python3
"""Score tipsom against a directory of returns that carries its own ground truth.

    python scripts/score_returns.py DIR [--json OUT] [--link]

DIR holds the return files plus ``truth.csv`` (one line per person record a careful human
would enter) and ``sheet_kind.csv`` (kind of every sheet / CSV: data, hidden, summary, notes).
Only tipsom's public API is used:

    raw, report = tipsom.read_returns(DIR, with_report=True, on_error="report")
    records = tipsom.normalize(raw)
    tipsom.deduplicate(records)            # with --link

Output records are matched to truth rows by (file basename, sheet (empty for CSV), row =
``source_row``, ``victim_index`` (1 when the column is absent or empty)).  Several truth
records of one such key (complainant, victims and accused of one FIR line) are told apart by
role, then name.  For every truth
field the script prints n (truth non-empty among matched records), the accuracy (output equal to
truth after light normalisation) and how often the output has a value where the truth is empty;
for the main fields also the accuracy over ALL truth records (missing records count as wrong).
Missing output columns count as wrong.  Records read from files that are not returns (not listed
in sheet_kind.csv, e.g. truth.csv itself) are counted separately and left out of linking.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import os
import re
import sys
import time
from collections import Counter, defaultdict

FIELDS = [
    "name",
    "father_name",
    "husband_name",
    "sex",
    "age",
    "date_of_birth",
    "cnic",
    "phone",
    "date",
    "district",
    "province",
    "nationality",
    "law_sections",
    "crime_type",
    "exploitation",
    "case_id",
    "case_status",
    "protection_status",
    "role",
]
MAIN = [
    "date",
    "district",
    "province",
    "crime_type",
    "case_status",
    "cnic",
    "sex",
    "age",
]
ALL_FIELDS = MAIN + [
    "name",
    "father_name",
    "law_sections",
    "case_id",
    "protection_status",
    "role",
    "exploitation",
    "nationality",
    "phone",
    "date_of_birth",
]
INFORMATIONAL = {"name", "father_name", "husband_name"}
ENUMS = {"sex", "crime_type", "case_status", "protection_status", "role", "nationality"}
EMPTY = {"", "none", "null", "nan", "unknown", "n/a", "na"}
COARSE = {"tip_related": "tip", "som_related": "som", "migration_fraud": "som"}


# ----------------------------------------------------------------------------------------------
# light normalisation
# ----------------------------------------------------------------------------------------------
def is_empty(v, field=None):
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, (list, tuple, set, frozenset)):
        return all(is_empty(x) for x in v)
    s = str(v).strip()
    if s.lower() in ("", "none", "null", "nan", "nat"):
        return True
    if field in ENUMS and s.lower() in EMPTY:
        return True
    return False


def _as_set(v, lower=False):
    if isinstance(v, (list, tuple, set, frozenset)):
        items = [str(x) for x in v if not is_empty(x)]
    else:
        items = [x for x in re.split(r"[|;,]", str(v))]
    out = set()
    for x in items:
        x = x.strip().strip("[]'\" ")
        if not x or x.lower() in EMPTY:
            continue
        out.add(x.lower() if lower else x.upper())
    return frozenset(out)


def _iso(v):
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    s = str(v).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return "%s-%s-%s" % m.groups()
    return s


def _int(v):
    try:
        f = float(str(v).strip())
        if math.isnan(f):
            return None
        return int(f)
    except (TypeError, ValueError):
        m = re.match(r"^\s*(\d+)", str(v))
        return int(m.group(1)) if m else str(v).strip().lower()


def _case_id(v):
    s = str(v).strip().lower()
    s = re.sub(r"^(fir|enq(uiry)?|case|e)?\s*(no\.?|#|number)?\s*[:.\-]?\s*", "", s)
    return re.sub(r"\s+", "", s)


# Truth sets write a section as "ACT:section" ("PTPA-2018:3") or "ACT section" ("PTPA 3",
# "PASSPORT_ACT 6"); both compare as ACT-without-year:section.
_ACT_KEYS = {"PASSPORT_ACT": "PA", "PASSPORT": "PA", "FOREIGNERS_ACT": "FA"}


def _law_token(x):
    m = re.match(r"^\s*([A-Z_]+)(?:-\d{4})?\s*[: ]\s*(\S+)\s*$", x)
    if not m:
        return x
    act = _ACT_KEYS.get(m.group(1), m.group(1))
    return "%s:%s" % (act, m.group(2))


def norm(field, v):
    """Comparable form of a value (truth or output); None when empty."""
    if is_empty(v, field):
        return None
    if field in ("date", "date_of_birth"):
        return _iso(v)
    if field == "age":
        return _int(v)
    if field in ("law_sections",):
        s = frozenset(_law_token(x) for x in _as_set(v))
        return s or None
    if field == "exploitation":
        s = _as_set(v, lower=True)
        return s or None
    if field in INFORMATIONAL:
        s = re.sub(r"[^a-z]", "", str(v).lower())
        return s or None
    if field == "cnic":
        d = re.sub(r"\D", "", str(v))
        return d or str(v).strip()
    if field == "phone":
        return re.sub(r"[^\d+]", "", str(v))
    if field == "case_id":
        return _case_id(v)
    return str(v).strip().casefold()


def coarse(v):
    return COARSE.get(v, v) if v is not None else None


# ----------------------------------------------------------------------------------------------
def load_truth(d):
    with open(os.path.join(d, "truth.csv"), encoding="utf-8-sig", newline="") as f:
        truth = list(csv.DictReader(f))
    kinds = {}
    p = os.path.join(d, "sheet_kind.csv")
    if os.path.exists(p):
        with open(p, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                kinds[(os.path.basename(r["file"]), r.get("sheet") or "")] = (
                    r.get("kind") or "data"
                )
    return truth, kinds


def to_rows(df):
    """polars or pandas frame -> list of dicts."""
    if hasattr(df, "to_dicts"):
        return df.to_dicts()
    if hasattr(df, "to_dict"):
        return df.to_dict(orient="records")
    return list(df)


def columns(df):
    return list(df.columns)


def key_of(rec):
    f = rec.get("source_file")
    f = os.path.basename(str(f)) if not is_empty(f) else ""
    sh = rec.get("source_sheet")
    sh = "" if is_empty(sh) else str(sh)
    r = rec.get("source_row")
    try:
        r = int(float(r))
    except (TypeError, ValueError):
        r = -1
    vi = rec.get("victim_index")
    try:
        vi = int(float(vi)) if not is_empty(vi) else 1
    except (TypeError, ValueError):
        vi = 1
    return (f, sh, r, vi)


def pct(a, b):
    return None if not b else round(100.0 * a / b, 1)


def fmt(p):
    return "   -  " if p is None else "%5.1f%%" % p


def pairwise(pred, true):
    """Pairwise precision/recall/F1 of clusters pred vs true (parallel lists of labels)."""

    def c2(n):
        return n * (n - 1) // 2

    both = Counter(zip(pred, true))
    tp = sum(c2(n) for n in both.values())
    pp = sum(c2(n) for n in Counter(pred).values())
    tt = sum(c2(n) for n in Counter(true).values())
    p = tp / pp if pp else None
    r = tp / tt if tt else None
    f1 = (
        2 * p * r / (p + r)
        if p and r
        else (0.0 if p is not None and r is not None else None)
    )
    return dict(
        true_pairs=tt,
        predicted_pairs=pp,
        true_positive_pairs=tp,
        precision=p,
        recall=r,
        f1=f1,
        predicted_clusters=len(set(pred)),
        true_clusters=len(set(true)),
    )


def print_frame(df, title):
    print("\n== %s ==" % title)
    try:
        import polars as pl

        if not isinstance(df, pl.DataFrame):
            df = pl.from_pandas(df)
        with pl.Config(
            tbl_rows=-1,
            tbl_cols=-1,
            fmt_str_lengths=70,
            tbl_width_chars=260,
            tbl_hide_dataframe_shape=False,
        ):
            print(df)
    except Exception:  # pragma: no cover - printing must never crash the score
        print(df)


def frame_to_json(df):
    try:
        return [
            {
                k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v)
                for k, v in r.items()
            }
            for r in to_rows(df)
        ]
    except Exception:
        return str(df)


# ----------------------------------------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("--link", action="store_true")
    a = ap.parse_args(argv)
    import tipsom

    out = {"dir": a.dir}
    truth, kinds = load_truth(a.dir)
    return_files = {f for f, _ in kinds}
    t0 = time.time()
    raw, report = tipsom.read_returns(a.dir, with_report=True, on_error="report")
    t1 = time.time()
    records = tipsom.normalize(raw)
    t2 = time.time()
    out["seconds"] = {"read": round(t1 - t0, 2), "normalize": round(t2 - t1, 2)}
    cols = columns(records)
    recs = to_rows(records)
    missing_cols = [
        f
        for f in FIELDS + ["victim_index", "source_file", "source_sheet", "source_row"]
        if f not in cols
    ]

    # ---------------- match ----------------
    # Several truth records can share (file, sheet, row, victim_index): a complainant, the
    # victims and the accused of one case row.  Each truth record gets its own key (the base
    # key plus its position among those records); an output record takes the unmatched
    # truth record of its base key with the same role, else the same name, else the first.
    tkey = {}
    groups = defaultdict(list)
    for t in truth:
        kb = (
            os.path.basename(t["file"]),
            t.get("sheet") or "",
            int(t["row"]),
            int(t.get("victim_index") or 1),
        )
        k = kb + (len(groups[kb]),)
        groups[kb].append(k)
        tkey[k] = t
    matched = {}  # truth key -> output record index
    spurious = Counter()  # reason -> n
    spurious_by_file = Counter()
    nonreturn_idx = set()

    def pick(cands, r):
        for field in ("role", "name"):
            ov = norm(field, r.get(field))
            for k in cands:
                if ov is not None and norm(field, tkey[k].get(field)) == ov:
                    return k
        return cands[0]

    for i, r in enumerate(recs):
        kb = key_of(r)
        if kb[0] not in return_files:
            nonreturn_idx.add(i)
            spurious["file not a return (not in sheet_kind.csv)"] += 1
            continue
        cands = [k for k in groups.get(kb, ()) if k not in matched]
        if cands:
            matched[pick(cands, r)] = i
            continue
        if kb in groups:
            spurious["duplicate of a matched key"] += 1
        else:
            kind = kinds.get((kb[0], kb[1]), "unknown sheet")
            spurious["sheet kind: %s" % kind] += 1
        spurious_by_file[kb[0]] += 1
    n_truth = len(truth)
    n_match = len(matched)
    n_spur_returns = sum(
        v for k, v in spurious.items() if not k.startswith("file not a return")
    )
    n_spur_nondata = sum(
        v
        for k, v in spurious.items()
        if k.startswith("sheet kind:") and k != "sheet kind: data"
    )
    print(
        "tipsom %s   dir %s   read %.1fs  normalize %.1fs"
        % (getattr(tipsom, "__version__", "?"), a.dir, t1 - t0, t2 - t1)
    )
    print("\n== Records ==")
    print("truth records                      %6d" % n_truth)
    print("output records                     %6d" % len(recs))
    print(
        "  from files that are not returns  %6d   (left out below)" % len(nonreturn_idx)
    )
    print(
        "matched                            %6d  (%s of truth)"
        % (n_match, fmt(pct(n_match, n_truth)))
    )
    print("missing                            %6d" % (n_truth - n_match))
    print("spurious (output not in truth)     %6d" % n_spur_returns)
    print(
        "  of which from non-data sheets    %6d   (hidden / summary / notes per sheet_kind.csv)"
        % n_spur_nondata
    )
    for k, v in sorted(spurious.items()):
        if not k.startswith("file not a return"):
            print("    %-40s %6d" % (k, v))
    if missing_cols:
        print("output columns missing (count as wrong): %s" % ", ".join(missing_cols))
    out["records"] = dict(
        truth=n_truth,
        truth_keys=len(tkey),
        output=len(recs),
        output_from_non_return_files=len(nonreturn_idx),
        matched=n_match,
        missing=n_truth - n_match,
        spurious=n_spur_returns,
        spurious_from_non_data_sheets=n_spur_nondata,
        spurious_by_reason={k: v for k, v in spurious.items()},
        missing_output_columns=missing_cols,
    )

    # ---------------- field accuracy ----------------
    def out_val(i, f):
        if f not in cols:
            return None
        return recs[i].get(f)

    fstats = {}
    per_file = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    per_file_counts = defaultdict(lambda: [0, 0])
    for t in truth:
        per_file_counts[t["file"]][0] += 1
    for f in FIELDS:
        n = ok = extra = n_empty = 0
        n_all = ok_all = 0
        ok_coarse = ok_coarse_all = 0
        wrong_examples = Counter()
        for k, t in tkey.items():
            tv = norm(f, t.get(f, ""))
            i = matched.get(k)
            ov = norm(f, out_val(i, f)) if i is not None else None
            if tv is not None:
                n_all += 1
                good = ov == tv
                if f == "crime_type" and coarse(ov) == coarse(tv):
                    ok_coarse_all += 1
                    if i is not None:
                        ok_coarse += 1
                if good:
                    ok_all += 1
                if i is not None:
                    n += 1
                    if good:
                        ok += 1
                    elif f in ENUMS and len(wrong_examples) < 200:
                        wrong_examples[(t.get(f), str(ov))] += 1
                    if f in MAIN:
                        per_file[t["file"]][f][0] += 1
                        per_file[t["file"]][f][1] += int(good)
            elif i is not None:
                n_empty += 1
                if ov is not None:
                    extra += 1
        st = dict(
            n=n,
            correct=ok,
            accuracy=pct(ok, n),
            truth_empty=n_empty,
            output_when_truth_empty=extra,
            output_when_truth_empty_pct=pct(extra, n_empty),
            n_all=n_all,
            correct_all=ok_all,
            accuracy_all=pct(ok_all, n_all),
            informational=f in INFORMATIONAL,
        )
        if f == "crime_type":
            st.update(
                coarse_correct=ok_coarse,
                coarse_accuracy=pct(ok_coarse, n),
                coarse_accuracy_all=pct(ok_coarse_all, n_all),
            )
        if wrong_examples:
            st["top_confusions"] = [
                dict(truth=a_, output=b_, n=c_)
                for (a_, b_), c_ in wrong_examples.most_common(8)
            ]
        fstats[f] = st
    for k, t in tkey.items():
        if k in matched:
            per_file_counts[t["file"]][1] += 1

    print("\n== Field accuracy (matched records) ==")
    print(
        "%-18s %6s %8s  %10s %9s   %8s"
        % ("field", "n", "accuracy", "out|empty", "(of n)", "ALL truth")
    )
    for f in FIELDS:
        s = fstats[f]
        tag = "  (informational: letters only)" if f in INFORMATIONAL else ""
        print(
            "%-18s %6d %8s  %10d %9s   %8s%s"
            % (
                f,
                s["n"],
                fmt(s["accuracy"]),
                s["output_when_truth_empty"],
                "/%d" % s["truth_empty"],
                fmt(s["accuracy_all"]),
                tag,
            )
        )
        if f == "crime_type":
            print(
                "%-18s %6s %8s  %10s %9s   %8s"
                % (
                    "  crime coarse",
                    "",
                    fmt(s["coarse_accuracy"]),
                    "",
                    "",
                    fmt(s["coarse_accuracy_all"]),
                )
            )
    print(
        "(ALL truth = correct / truth non-empty over all truth records, missing records count as wrong)"
    )

    print("\n== Main fields, accuracy over ALL truth records ==")
    for f in MAIN:
        s = fstats[f]
        print(
            "  %-12s %s  (%d / %d)"
            % (f, fmt(s["accuracy_all"]), s["correct_all"], s["n_all"])
        )
    for f in ("case_status", "crime_type", "sex", "role", "protection_status"):
        if fstats[f].get("top_confusions"):
            print(
                "  confusions %s: %s"
                % (
                    f,
                    "; ".join(
                        "%s->%s x%d" % (c["truth"], c["output"], c["n"])
                        for c in fstats[f]["top_confusions"][:6]
                    ),
                )
            )
    out["fields"] = fstats

    print(
        "\n== Per file: records matched and accuracy of main fields (matched records) =="
    )
    hdr = "%-62s %9s " % ("file", "matched") + " ".join("%8s" % f[:8] for f in MAIN)
    print(hdr)
    pf_json = {}
    for fn in sorted(per_file_counts):
        tot, m = per_file_counts[fn]
        row = "%-62s %4d/%-4d " % (os.path.basename(fn)[:62], m, tot)
        pj = {"truth": tot, "matched": m}
        for f in MAIN:
            n, ok = per_file[fn][f]
            p = pct(ok, n)
            row += " %8s" % (fmt(p).strip() if n else "-")
            pj[f] = {"n": n, "correct": ok, "accuracy": p}
        print(row)
        pf_json[fn] = pj
    if spurious_by_file:
        print(
            "spurious records by file: "
            + ", ".join("%s %d" % (k, v) for k, v in spurious_by_file.most_common())
        )
    out["per_file"] = pf_json
    out["spurious_by_file"] = dict(spurious_by_file)

    # ---------------- read report ----------------
    sheets = getattr(report, "sheets", None)
    problems = getattr(report, "problems", None)
    if sheets is not None:
        print_frame(sheets, "report.sheets")
        out["report_sheets"] = frame_to_json(sheets)
    if problems is not None:
        try:
            n_prob = len(problems)
        except TypeError:
            n_prob = 0
        if n_prob:
            print_frame(problems, "report.problems")
        else:
            print("\n== report.problems == (none)")
        out["report_problems"] = frame_to_json(problems)

    # ---------------- linkage ----------------
    if a.link:
        print("\n== Linkage (tipsom.deduplicate with defaults) ==")
        try:
            import polars as pl

            keep = [i for i in range(len(recs)) if i not in nonreturn_idx]
            frame = records
            if not isinstance(frame, pl.DataFrame):
                frame = pl.from_pandas(frame)
            frame = (
                frame.with_row_index("_score_idx")
                if hasattr(frame, "with_row_index")
                else frame.with_row_count("_score_idx")
            )
            frame = frame.filter(pl.col("_score_idx").is_in(keep))
            if "record_id" not in frame.columns:
                frame = frame.with_columns(
                    pl.col("_score_idx").cast(pl.Utf8).alias("record_id")
                )
            t3 = time.time()
            links = tipsom.deduplicate(frame)
            t4 = time.time()
            lr = links.records
            if not isinstance(lr, pl.DataFrame):
                lr = pl.from_pandas(lr)
            if "_score_idx" in lr.columns:
                pid_of = dict(
                    zip(lr["_score_idx"].to_list(), lr["person_id"].to_list())
                )
            else:
                rid = dict(
                    zip(
                        frame["record_id"].cast(pl.Utf8).to_list(),
                        frame["_score_idx"].to_list(),
                    )
                )
                pid_of = {
                    rid[str(r)]: p
                    for r, p in zip(
                        lr["record_id"].to_list(), lr["person_id"].to_list()
                    )
                }
            pred, true = [], []
            for k, i in matched.items():
                if i in pid_of and pid_of[i] is not None:
                    pred.append(str(pid_of[i]))
                    true.append(tkey[k]["person_id"])
            res = pairwise(pred, true)
            res["seconds"] = round(t4 - t3, 2)
            try:
                res["persons_all_records"] = (
                    links.persons.height
                    if hasattr(links.persons, "height")
                    else len(links.persons)
                )
            except Exception:
                pass
            res["truth_persons_all"] = len({t["person_id"] for t in truth})
            print("matched records linked        %d" % len(pred))
            print(
                "truth persons among them       %d   predicted persons among them %d"
                % (res["true_clusters"], res["predicted_clusters"])
            )
            print(
                "pairs: truth %d, predicted %d, correct %d"
                % (
                    res["true_pairs"],
                    res["predicted_pairs"],
                    res["true_positive_pairs"],
                )
            )
            print(
                "pairwise precision %s  recall %s  F1 %s   (%.1fs)"
                % tuple(
                    [
                        "-" if res[x] is None else "%.3f" % res[x]
                        for x in ("precision", "recall", "f1")
                    ]
                    + [t4 - t3]
                )
            )
            if "persons_all_records" in res:
                print(
                    "persons over all linked records: %s (truth: %d persons)"
                    % (res["persons_all_records"], res["truth_persons_all"])
                )
            out["linkage"] = res
        except Exception as e:  # report, do not crash the score
            print("linkage failed: %s: %s" % (type(e).__name__, e))
            out["linkage"] = {"error": "%s: %s" % (type(e).__name__, e)}

    if a.json_out:
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1, default=str, ensure_ascii=False)
        print("\nfigures written to %s" % a.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
