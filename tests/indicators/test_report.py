from __future__ import annotations

import base64
import datetime as dt
import re
import shutil
import subprocess

import polars as pl
import pytest
import tipsom as ts
from tipsom.exceptions import DataQualityWarning, InvalidArgumentError
from tipsom.report import SECTIONS


def synthetic(n: int = 400, seed: int = 3) -> pl.DataFrame:
    """Records with every canonical column; about 20% are repeat records of a person."""
    import random

    rng = random.Random(seed)
    provinces = {
        "Punjab": ["Lahore", "Gujranwala", "Sialkot"],
        "Sindh": ["Karachi South", "Hyderabad"],
        "Khyber Pakhtunkhwa": ["Peshawar"],
        "Balochistan": ["Quetta"],
    }
    forms = [
        "sexual_exploitation",
        "forced_labour",
        "bonded_labour",
        "domestic_servitude",
        "begging",
    ]
    rows = []
    for i in range(n):
        pid = f"p{rng.randrange(int(n * 0.8))}"
        prov = rng.choice(list(provinces))
        sex = rng.choice(["male", "female", "female", "unknown"])
        age = rng.randint(8, 50)
        rows.append(
            {
                "record_id": f"r{i}",
                "person_id": pid,
                "source": rng.choice(
                    ["AHTC Lahore", "AHTC Karachi", "Punjab Police", "Sindh SWD"]
                ),
                "source_type": rng.choice(["fia_circle", "police", "social_welfare"]),
                "sex": sex,
                "age": age,
                "age_group": "child" if age < 18 else "adult",
                "nationality": rng.choice(["PAK", "PAK", "PAK", "AFG", None]),
                "province": prov,
                "district": rng.choice(provinces[prov]),
                "date": dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(900)),
                "crime_type": rng.choice(["tip", "tip", "som", "unknown"]),
                "exploitation": rng.sample(forms, rng.randint(0, 2)),
                "case_id": f"c{rng.randrange(n // 3)}",
                "case_status": rng.choice(
                    ["investigation", "prosecution", "convicted", "acquitted"]
                ),
                "issues": rng.choice([[], [], ["date.ambiguous"]]),
            }
        )
    return pl.DataFrame(rows)


class Linkage:
    def __init__(self, records):
        self.records = records


def suspects_frame() -> pl.DataFrame:
    d = dt.date.fromisoformat
    return pl.DataFrame(
        {
            "suspect_id": [f"s{i}" for i in range(12)],
            "sex": ["male"] * 9 + ["female"] * 3,
            "nationality": ["PAK"] * 10 + ["AFG"] * 2,
            "case_id": [f"c{i // 2}" for i in range(12)],
            "status": ["convicted", "acquitted", "prosecution", "arrested"] * 3,
            "date_fir": [d("2023-01-01")] * 12,
            "date_challan": [d("2023-02-01"), d("2023-02-01"), d("2023-03-01"), None]
            * 3,
            "date_verdict": [d("2023-09-01"), d("2023-10-01"), None, None] * 3,
        }
    )


def returns_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source": ["AHTC Lahore"] * 3,
            "month": ["2023-01", "2023-02", "2023-03"],
            "brought_forward": [10, 12, 11],
            "new": [5, 3, 4],
            "disposed": [3, 4, 2],
            "pending": [12, 11, 14],
        }
    )


@pytest.fixture(scope="module")
def report_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    records = synthetic()
    ts.report(
        records,
        Linkage(records),
        path=path,
        suspects=suspects_frame(),
        returns=returns_frame(),
    )
    return path


def test_report_is_self_contained(report_path):
    text = report_path.read_text(encoding="utf-8")
    for sid, _ in SECTIONS:
        assert f'<section id="{sid}">' in text
    assert not re.search(r"(src|href)=\"(https?:)?//", text)
    assert "<script" not in text
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', text)
    assert len(images) >= 6
    assert all(base64.b64decode(i)[:8] == b"\x89PNG\r\n\x1a\n" for i in images)
    assert "x</td>" in text  # some cells are withheld
    assert "1 of 3 monthly returns fail" in text
    assert "Victims per 100,000 population by province and sex" in text


def test_report_without_linkage_says_so(tmp_path):
    records = synthetic(120).drop("person_id")
    path = ts.report(records, path=tmp_path / "r.html")
    assert "No record linkage" in path.read_text(encoding="utf-8")


def test_report_exact_counts_are_marked(tmp_path):
    records = synthetic(60)
    path = ts.report(
        records, Linkage(records), path=tmp_path / "r.html", suppress_below=None
    )
    assert "NOT FOR PUBLICATION" in path.read_text(encoding="utf-8")


def test_report_empty_data(tmp_path):
    with pytest.raises(InvalidArgumentError, match="empty"):
        ts.report(synthetic(10).head(0), path=tmp_path / "r.html")


def test_excel_export(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    records = synthetic(200)
    path = ts.indicators.export_excel(
        records, Linkage(records), path=tmp_path / "t.xlsx", suspects=suspects_frame()
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "About"
    assert len(wb.sheetnames) >= 8
    values = [
        c.value for ws in wb.worksheets[1:] for row in ws.iter_rows() for c in row
    ]
    assert "x" in values
    with pytest.warns(DataQualityWarning):
        ts.indicators.export_excel(records.drop("person_id"), path=tmp_path / "u.xlsx")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed")
def test_report_opens_in_headless_chromium(report_path, tmp_path):
    base = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
    ]
    url = report_path.resolve().as_uri()
    dom = subprocess.run(
        [*base, "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    for sid, title in SECTIONS:
        section = re.search(rf'<section id="{sid}">(.*?)</section>', dom, re.S)
        assert section, f"section {sid} missing from the rendered page"
        assert title.split()[0] in section.group(1)
    for sid in ("victims", "exploitation", "trends", "justice", "sources", "quality"):
        section = re.search(rf'<section id="{sid}">(.*?)</section>', dom, re.S).group(1)
        assert "data:image/png;base64," in section, f"no chart in {sid}"
    shot = tmp_path / "shot.png"
    subprocess.run(
        [*base, f"--screenshot={shot}", "--window-size=1200,3000", url],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


def test_report_includes_normalization_quality_when_available(tmp_path, monkeypatch):
    calls = []

    def quality(records):
        calls.append(records.height)
        return pl.DataFrame(
            {"source": ["AHTC Lahore"], "check": ["cnic.length"], "n": [3]}
        )

    monkeypatch.setattr(ts, "quality", quality, raising=False)
    records = synthetic(80)
    text = ts.report(records, Linkage(records), path=tmp_path / "q.html").read_text(
        encoding="utf-8"
    )
    assert calls == [80]
    assert "cnic.length" in text
