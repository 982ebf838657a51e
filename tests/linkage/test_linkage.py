"""Deduplication and linking: correctness, invariance, incremental ids, bad input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import polars as pl
import pytest
import tipsom as ts
from tipsom import comparisons as cl
from tipsom.exceptions import InvalidArgumentError, SchemaError, SettingsError
from tipsom.linkage import evaluate_clusters

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import victims

DATA = Path(__file__).parents[1] / "data" / "linkage"


@pytest.fixture(scope="module")
def records() -> pl.DataFrame:
    return victims(600, seed=3)


@pytest.fixture(scope="module")
def linkage(records: pl.DataFrame) -> ts.Linkage:
    return ts.deduplicate(records)


def fake_1000_settings() -> dict:
    return ts.create_settings(
        unique_id_column="unique_id",
        blocking_rules=[
            ts.block_on("first_name", "surname"),
            ts.block_on("surname", "dob"),
            ts.block_on("first_name", "dob"),
            ts.block_on("email"),
        ],
        comparisons=[
            cl.ForenameSurnameComparison("first_name", "surname"),
            cl.JaroWinklerAtThresholds("surname", term_frequency_adjustments=True),
            cl.LevenshteinAtThresholds("dob", (1, 2)),
            cl.ExactMatch("city", term_frequency_adjustments=True),
            cl.LevenshteinAtThresholds("email", (2,)),
        ],
    )


# -- results on generated data with truth ------------------------------------------
def test_generated_data_quality(records: pl.DataFrame, linkage: ts.Linkage) -> None:
    ev = linkage.evaluate("true_person_id")
    pairwise = ev.filter(pl.col("metric") == "pairwise").row(0, named=True)
    bcubed = ev.filter(pl.col("metric") == "b_cubed").row(0, named=True)
    assert pairwise["f1"] > 0.85, ev
    assert bcubed["f1"] > 0.9, ev
    n_true = records["true_person_id"].n_unique()
    assert abs(linkage.stats["n_persons"] - n_true) / n_true < 0.2


def test_records_persons_pairs_shape(
    records: pl.DataFrame, linkage: ts.Linkage
) -> None:
    out = linkage.records
    assert out.columns == [*records.columns, "person_id"]
    assert out.height == records.height
    persons = linkage.persons
    assert persons["n_records"].sum() == records.height
    assert persons.height == out["person_id"].n_unique()
    assert {"source", "n_sources", "name", "cnic", "sex"} <= set(persons.columns)
    # person_id is the smallest record id of the person.
    smallest = out.group_by("person_id").agg(pl.col("record_id").min())
    assert (smallest["person_id"] == smallest["record_id"]).all()
    pairs = linkage.pairs
    assert {"record_id_l", "record_id_r", "match_weight", "match_probability"} <= set(
        pairs.columns
    )
    assert (pairs["record_id_l"] < pairs["record_id_r"]).all()
    p = 1 / (1 + 2 ** (-pairs["match_weight"]))
    assert np.allclose(p.to_numpy(), pairs["match_probability"].to_numpy())


def test_explain_adds_up(linkage: ts.Linkage) -> None:
    top = linkage.pairs.sort("match_weight", descending=True).row(0, named=True)
    ex = linkage.explain(top["record_id_l"], top["record_id_r"])
    w = ex.table["match_weight"].to_list()
    assert sum(w[:-1]) == pytest.approx(w[-1])
    assert ex.match_weight == pytest.approx(top["match_weight"])
    fig = ex.chart()
    assert fig.axes
    import matplotlib.pyplot as plt

    plt.close(fig)
    with pytest.raises(InvalidArgumentError):
        linkage.explain("nope", top["record_id_r"])


def test_review_is_borderline(linkage: ts.Linkage) -> None:
    rev = linkage.review(0.2, 0.9)
    assert rev["match_probability"].is_between(0.2, 0.9, closed="left").all()
    assert "name_l" in rev.columns
    assert "name_r" in rev.columns


def test_term_frequency_weighs_common_names_less(linkage: ts.Linkage) -> None:
    pairs = linkage.pairs.filter(pl.col("gamma_name") == 1)
    rows = []
    for r in pairs.head(200).iter_rows(named=True):
        t = linkage.explain(r["record_id_l"], r["record_id_r"]).table
        adj = t.filter(pl.col("comparison") == "name")["tf_adjustment"][0]
        rows.append((t.filter(pl.col("comparison") == "name")["value_l"][0], adj))
    adj = dict(rows)
    common = [a for n, a in adj.items() if n.startswith("fatima khan")]
    rare = [a for n, a in adj.items() if len(n.split()) == 3]
    assert common
    assert rare
    assert min(rare) > max(common)


# -- determinism
def test_row_order_invariance(records: pl.DataFrame, linkage: ts.Linkage) -> None:
    shuffled = records.sample(fraction=1.0, shuffle=True, seed=11)
    again = ts.deduplicate(shuffled)
    a = linkage.records.select("record_id", "person_id").sort("record_id")
    b = again.records.select("record_id", "person_id").sort("record_id")
    assert a.equals(b)
    assert linkage.settings == again.settings


def test_padding_empty_text_and_categoricals(
    records: pl.DataFrame, linkage: ts.Linkage
) -> None:
    # Text crosses to the core dictionary-encoded straight from Arrow: padding is trimmed,
    # empty text is missing, categoricals are text, as on every other path.
    text = [c for c, t in records.schema.items() if t == pl.String and c != "record_id"]
    messy = records.with_columns(
        [(" " + pl.col(c) + "  ").alias(c) for c in text]
    ).with_columns(
        pl.col("phone").fill_null(""), pl.col("district").cast(pl.Categorical)
    )
    again = ts.deduplicate(messy)
    assert again.records["person_id"].equals(linkage.records["person_id"])
    assert again.settings == linkage.settings


def test_thread_count_invariance(tmp_path: Path) -> None:
    import subprocess

    script = (
        f"import sys, json; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from synthetic import victims\nimport tipsom as ts\n"
        "l = ts.deduplicate(victims(300, seed=5))\n"
        "print(json.dumps(l.records['person_id'].to_list()))\n"
        "print(json.dumps(l.settings))\n"
    )
    outs = []
    for threads in ("1", "2", "3"):
        env = {**__import__("os").environ, "RAYON_NUM_THREADS": threads}
        res = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outs.append(res.stdout)
    assert outs[0] == outs[1] == outs[2]


# -- incremental linking
def test_incremental_keeps_ids(records: pl.DataFrame) -> None:
    first = records.filter(pl.col("date") < pl.date(2023, 1, 1))
    later = records.filter(pl.col("date") >= pl.date(2023, 1, 1))
    base = ts.deduplicate(first)
    grown = base.add(later)
    before = base.records.select("record_id", "person_id")
    after = grown.records.select("record_id", "person_id")
    joined = before.join(after, on="record_id", suffix="_after")
    assert (joined["person_id"] == joined["person_id_after"]).all()
    assert after.height == records.height
    # Some new records joined existing persons.
    new_ids = set(later["record_id"])
    kept = set(before["person_id"])
    joined_old = after.filter(
        pl.col("record_id").is_in(list(new_ids)) & pl.col("person_id").is_in(list(kept))
    )
    assert joined_old.height > 0
    assert grown.evaluate("true_person_id")["f1"][1] > 0.85


def test_save_and_load(
    tmp_path: Path, records: pl.DataFrame, linkage: ts.Linkage
) -> None:
    path = tmp_path / "model.json"
    linkage.save(path)
    linker = ts.Linker.load(path)
    assert linker.is_trained
    again = linker.deduplicate(records)
    assert not again.stats["trained"]
    assert again.records["person_id"].equals(linkage.records["person_id"])


# -- bad input
def test_empty_and_one_row(records: pl.DataFrame) -> None:
    empty = ts.deduplicate(records.head(0))
    assert empty.records.height == 0
    assert empty.persons.height == 0
    one = ts.deduplicate(records.head(1))
    assert one.records["person_id"].to_list() == records.head(1)["record_id"].to_list()


def test_all_null_fields_and_no_identifier(records: pl.DataFrame) -> None:
    nulls = records.head(20).with_columns(
        pl.lit(None, dtype=pl.String).alias(c)
        for c in (
            "name",
            "name_key",
            "father_name",
            "father_name_key",
            "cnic",
            "phone",
            "sex",
            "district",
            "province",
        )
    )
    out = ts.deduplicate(nulls)
    assert out.records["person_id"].n_unique() == 20
    assert out.stats["n_without_identifier"] == 20
    mixed = pl.concat([records.slice(20, 200), nulls])
    out = ts.deduplicate(mixed)
    assert out.stats["n_without_identifier"] >= 20


def test_missing_settings_column_is_named(records: pl.DataFrame) -> None:
    with pytest.raises(SchemaError, match="'father_name_key'"):
        ts.deduplicate(records.drop("father_name_key"))


def test_duplicate_record_ids(records: pl.DataFrame) -> None:
    dup = pl.concat([records.head(5), records.head(1)])
    with pytest.raises(SchemaError, match="unique id"):
        ts.deduplicate(dup)


def test_bad_settings() -> None:
    s = ts.default_settings()
    s["comparisons"][0]["levels"][1]["treshold"] = 0.9
    with pytest.raises(SettingsError, match="treshold"):
        ts.Linker(s)
    s = ts.default_settings()
    s["format_version"] = 99
    with pytest.raises(SettingsError, match="format_version"):
        ts.Linker(s)


def test_exploding_rule_refused(records: pl.DataFrame) -> None:
    s = ts.default_settings()
    s["blocking_rules"].append(ts.block_on("province", name="same province"))
    s["max_pairs_per_rule"] = 10_000
    counts = ts.count_pairs(records, settings=s)
    size = counts.filter(pl.col("blocking_rule") == "same province")["pairs"][0]
    assert size > 10_000
    with pytest.raises(InvalidArgumentError, match=f"same province.*{size} pairs"):
        ts.deduplicate(records, settings=s)


def test_error_messages_do_not_echo_values(records: pl.DataFrame) -> None:
    dup = pl.concat([records.head(3), records.head(1)])
    with pytest.raises(SchemaError) as e:
        ts.deduplicate(dup)
    for value in records.head(1).row(0):
        if isinstance(value, str) and len(value) > 3:
            assert value not in str(e.value)


def trained(settings: dict) -> dict:
    """Give every level an m and u (two records are too few to estimate them)."""
    for c in settings["comparisons"]:
        levels = [lv for lv in c["levels"] if lv["type"] != "null"]
        k = len(levels)
        m = [0.5**r for r in range(k)]
        u = [0.25 ** (k - 1 - r) for r in range(k)]
        for lv, mi, ui in zip(levels, m, u, strict=True):
            lv["m_probability"] = mi / sum(m)
            lv["u_probability"] = ui / sum(u)
    return settings


def test_cannot_link_two_cnics_different_sex() -> None:
    df = pl.DataFrame(
        {
            "record_id": ["a", "b"],
            "name": ["ali raza", "ali raza"],
            "father_name": ["umar", "umar"],
            "cnic": ["3520112345671", "3520199999992"],
            "sex": ["male", "female"],
        }
    )
    # Term frequencies are off: in two records every name is "frequent".
    base = dict(
        blocking_rules=[ts.block_on("name")],
        comparisons=[
            cl.NameComparison("name", term_frequency_adjustments=False),
            cl.NameComparison("father_name", term_frequency_adjustments=False),
        ],
    )
    linked = ts.deduplicate(df, settings=trained(ts.create_settings(**base)))
    assert linked.records["person_id"].n_unique() == 1
    apart = ts.deduplicate(
        df, settings=trained(ts.create_settings(**base, cannot_link=[["cnic", "sex"]]))
    )
    assert apart.records["person_id"].n_unique() == 2


def test_pandas_in_pandas_out(records: pl.DataFrame) -> None:
    pd = pytest.importorskip("pandas")
    out = ts.deduplicate(records.head(200).to_pandas())
    assert isinstance(out.records, pd.DataFrame)
    assert isinstance(out.persons, pd.DataFrame)


# -- splink's data and FEBRL-like linking
def test_fake_1000_against_truth() -> None:
    df = pl.read_csv(DATA / "fake_1000.csv", infer_schema_length=0).with_columns(
        pl.col("unique_id").cast(pl.Int64)
    )
    out = ts.deduplicate(df, settings=fake_1000_settings())
    ev = out.evaluate("cluster")
    # Splink's own tutorial settings reach about 0.57 / 0.71 on this data.
    assert ev["f1"][0] > 0.7, ev
    assert ev["f1"][1] > 0.8, ev


def test_link_two_registers(records: pl.DataFrame) -> None:
    a = records.filter(pl.col("source").str.starts_with("FIA"))
    b = records.filter(~pl.col("source").str.starts_with("FIA"))
    out = ts.link(a, b)
    pairs = out.pairs.filter(pl.col("match_probability") > 0.9)
    assert pairs.height > 0
    ra = set(a["record_id"])
    rb = set(b["record_id"])
    for l_, r_ in pairs.select("record_id_l", "record_id_r").iter_rows():
        assert (l_ in ra and r_ in rb) or (l_ in rb and r_ in ra)


def test_evaluate_clusters_known_values() -> None:
    ev = evaluate_clusters([1, 1, 1, 2, 2], [1, 1, 1, 2, 2])
    assert ev["f1"].to_list() == [1.0, 1.0]
    ev = evaluate_clusters([1, 2, 3], [1, 1, 1])
    assert ev["precision"][0] == 1.0
    assert ev["recall"][0] == 0.0
    assert ev["recall"][1] == pytest.approx(1 / 3)


def test_settings_json_round_trip(linkage: ts.Linkage) -> None:
    s = linkage.settings
    text = json.dumps(s)
    assert ts.Linker(text).settings == s
    assert s["candidate_match_probability"] > 0


def test_repr_and_progress(records: pl.DataFrame) -> None:
    seen: list[str] = []
    out = ts.deduplicate(records.head(300), progress=lambda s, d, t: seen.append(s))
    assert {"blocking", "comparing", "estimating u", "clustering"} <= set(seen)
    assert "persons" in out._repr_html_()
    assert "records ->" in repr(out)
    html = out.explain(*out.pairs.row(0)[:2])._repr_html_()
    assert "match_weight" in html


# -- training from labelled pairs ---------------------------------------------------
@pytest.fixture(scope="module")
def pipeline_records() -> pl.DataFrame:
    # The real pipeline: generated raw returns, normalized into the canonical columns.
    return ts.normalize(ts.datasets.circle_returns(800, seed=11))


def truth_labels(links: ts.Linkage, records: pl.DataFrame, n: int) -> pl.DataFrame:
    """Labelled pairs from the truth column, as a reviewer would give them."""
    truth = records.select("record_id", "true_person_id")
    return (
        links.pairs.select("record_id_l", "record_id_r")
        .join(truth, left_on="record_id_l", right_on="record_id")
        .join(truth, left_on="record_id_r", right_on="record_id", suffix="_r")
        .with_columns(
            match=(pl.col("true_person_id") == pl.col("true_person_id_r")).cast(pl.Int8)
        )
        .select("record_id_l", "record_id_r", "match")
        .head(n)
    )


def test_labels_train_m_and_round_trip(
    tmp_path: Path, pipeline_records: pl.DataFrame
) -> None:
    unsupervised = ts.deduplicate(pipeline_records)
    labels = truth_labels(unsupervised, pipeline_records, 400)
    assert labels["match"].sum() > 20
    assert (labels["match"] == 0).sum() > 5
    links = ts.deduplicate(pipeline_records, labels=labels)
    assert links.stats["trained"]
    assert links.stats["labelled_pairs"] == labels.height
    assert links.settings["training"]["labelled_pairs"] == labels.height
    assert "labelled pairs" in links._repr_html_()
    # m of the name comparison is the share of labelled matches at each level.
    name = next(c for c in links.settings["comparisons"] if c["name"] == "name")
    gammas = links.pairs.join(
        labels.filter(pl.col("match") == 1), on=["record_id_l", "record_id_r"]
    )["gamma_name"]
    nonnull = gammas.filter(gammas != 0)
    exact_share = (nonnull == 1).sum() / nonnull.len()
    assert name["levels"][1]["m_probability"] == pytest.approx(exact_share, abs=1e-9)
    # Labels from the truth do at least as well as EM here.
    f1 = links.evaluate("true_person_id")["f1"]
    assert f1[1] > 0.9
    # The fitted model survives save/load and gives the same persons.
    path = tmp_path / "labelled.json"
    links.save(path)
    linker = ts.Linker.load(path)
    assert linker.is_trained
    assert linker.settings["training"]["labelled_pairs"] == labels.height
    again = linker.deduplicate(pipeline_records)
    assert not again.stats["trained"]
    assert again.records["person_id"].equals(links.records["person_id"])
    # Pandas labels and splink's column name are accepted.
    splink_style = labels.rename({"match": "clerical_match_score"}).to_pandas()
    same = ts.deduplicate(pipeline_records, labels=splink_style)
    assert same.records["person_id"].equals(links.records["person_id"])


def test_bad_labels(pipeline_records: pl.DataFrame) -> None:
    a, b = pipeline_records["record_id"][:2].to_list()
    cases = [
        (pl.DataFrame({"record_id_l": [a], "match": [1]}), SchemaError, "record_id_r"),
        (
            pl.DataFrame({"record_id_l": [a], "record_id_r": [b]}),
            SchemaError,
            "match",
        ),
        (
            pl.DataFrame({"record_id_l": [a], "record_id_r": ["nobody"], "match": [1]}),
            InvalidArgumentError,
            "unknown id",
        ),
        (
            pl.DataFrame({"record_id_l": [a], "record_id_r": [a], "match": [1]}),
            InvalidArgumentError,
            "same record twice",
        ),
        (
            pl.DataFrame({"record_id_l": [a], "record_id_r": [b], "match": [3]}),
            InvalidArgumentError,
            "between 0 and 1",
        ),
        (
            pl.DataFrame({"record_id_l": [a], "record_id_r": [b], "match": [0]}),
            InvalidArgumentError,
            "at least one labelled match",
        ),
        (
            pl.DataFrame(
                {"record_id_l": [a], "record_id_r": [None], "match": [1]},
                schema={
                    "record_id_l": pl.String,
                    "record_id_r": pl.String,
                    "match": pl.Int64,
                },
            ),
            InvalidArgumentError,
            "must not be missing",
        ),
    ]
    for labels, error, text in cases:
        with pytest.raises(error, match=text):
            ts.deduplicate(pipeline_records, labels=labels)
