"""Audit the suppression pattern of many generated releases (issue 14's check).

For each of N generated data sets (persons spread log-uniformly from about 50 to
5,000, with roles, protection outcomes, case dates and six months of returns of the
units), build every published table with ``publication_tables``' joint suppression
and audit it with ``tipsom.indicators.publication_audit``: every withheld count below
the threshold must have a feasible range at least the threshold wide, and no other
withheld count may be exactly derivable. Prints one line per data set that fails and a
summary.

    PYTHONPATH=python python3 benches/audit_releases.py --n 200
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "privacy"))

import polars as pl
import tipsom as ts
from release_data import Linkage, release_records, release_returns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200, help="number of data sets")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failed, withheld, sizes, start = 0, 0, [], time.perf_counter()
    tables: set[str] = set()
    for k in range(args.n):
        n_records = round(math.exp(rng.uniform(math.log(90), math.log(8800))))
        seed = rng.randrange(1 << 30)
        records = release_records(n_records, seed)
        persons = records["person_id"].n_unique()
        sizes.append(persons)
        audit = ts.indicators.publication_audit(
            records, Linkage(records), returns=release_returns(seed)
        )
        tables.update(audit["table"].to_list())
        withheld += audit.height
        bad = audit.filter(~pl.col("safe"))
        if bad.height:
            failed += 1
            print(f"data set {k}: {persons} persons, {bad.height} unsafe", flush=True)
        if (k + 1) % 20 == 0:
            elapsed = time.perf_counter() - start
            print(f"  {k + 1} data sets, {failed} failing, {elapsed:.0f} s", flush=True)
    seconds = time.perf_counter() - start
    print(
        f"{args.n} data sets of {min(sizes)}-{max(sizes)} persons: "
        f"{args.n - failed} pass the audit, {failed} fail; "
        f"{withheld} withheld counts audited in {len(tables)} tables; {seconds:.0f} s"
    )
    print("tables with withheld counts: " + "; ".join(sorted(tables)))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
