"""Synthetic circle returns with ground truth, for tests, notebooks and workshops.

No real person is in these data. The generator follows the project's domain reference:
Pakistani names with Roman spelling variants and Urdu script, parentage written as
``S/O``, ``D/O``, ``W/O``, honorifics, CNICs with the province digit and sex parity
(and typos, transpositions, Excel damage, a parent's CNIC for a child), dates, ages and
sex in the forms offices use, district aliases, nationalities, law sections as officers
write them, forms of exploitation and case status. FIA data are SOM-heavy; police, Darul
Aman and NGO records add domestic trafficking. A share of persons is recorded by two to
four units; siblings and namesakes are distinct persons who look alike on purpose.

Raw columns (all text, canonical names shared with :func:`tipsom.read_returns`):
``record_id, source, source_type, case_id, fir_no, police_station, name, father_name,
husband_name, sex, age, date_of_birth, cnic, passport, phone, nationality, address,
district, province, date, law_sections, exploitation, case_status, destination,
remarks``. A unit leaves null what its house style has no column for.

Ground-truth columns (dropped with ``truth=False``):

``true_person_id`` (int)
    The person a record describes; records with one id are one person.
``true_name``, ``true_father_name``, ``true_husband_name``
    Canonical Roman names, honorifics and relations removed.
``true_sex``
    ``male``, ``female`` or ``transgender``.
``true_date_of_birth``, ``true_date``
    ISO dates; ``true_date`` is the event (identification / FIR) date.
``true_age`` (int)
    Completed years at ``true_date``.
``true_cnic``, ``true_phone``, ``true_passport``
    13 digits, E.164, passport number; null where the person has none.
``true_district``, ``true_province``
    2023 census district names (AJK districts, outside the census, by their own names).
``true_nationality``
    ISO 3166-1 alpha-3.
``true_crime_type``
    ``tip``, ``som``, ``both`` or ``other``.
``true_exploitation`` (list)
    Codes of ``tipsom`` exploitation forms; empty for smuggled migrants.
``true_case_status``
    Case-status code.
``true_noise`` (list)
    Every distortion applied to the record (``cnic.typo``, ``name.urdu_script``,
    ``date.excel_serial``, ``district.variant``...), so accuracy can be measured where
    the truth is recoverable.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from tipsom import _core
from tipsom.exceptions import InvalidArgumentError

__all__ = ["NOISE_DEFAULTS", "WrittenReturns", "circle_returns", "write_circle_returns"]

#: Default distortion rates (probabilities per record); keys are accepted by ``noise=``.
NOISE_DEFAULTS: dict[str, float] = {
    "name_variant": 0.3,
    "name_urdu_script": 0.08,
    "name_honorific": 0.2,
    "name_typo": 0.04,
    "name_upper": 0.12,
    "name_missing": 0.003,
    "father_missing": 0.05,
    "cnic_missing": 0.2,
    "cnic_typo": 0.03,
    "cnic_transposition": 0.02,
    "cnic_digit_dropped": 0.01,
    "cnic_excel_scientific": 0.03,
    "cnic_urdu_digits": 0.04,
    "child_parent_cnic": 0.6,
    "date_shift": 0.7,
    "date_missing": 0.01,
    "dob_present": 0.3,
    "age_missing": 0.07,
    "age_minor": 0.05,
    "age_range": 0.03,
    "age_approx": 0.08,
    "sex_missing": 0.04,
    "sex_wrong": 0.005,
    "phone_missing": 0.35,
    "phone_typo": 0.02,
    "passport_missing": 0.2,
    "passport_typo": 0.02,
    "nationality_missing": 0.15,
    "address_missing": 0.05,
    "district_missing": 0.04,
    "district_source_seat": 0.02,
    "district_tehsil": 0.05,
    "district_misspelt": 0.03,
    "district_variant": 0.3,
    "law_sections_missing": 0.03,
    "exploitation_missing": 0.15,
    "status_missing": 0.08,
}


@dataclass(frozen=True)
class WrittenReturns:
    """What :func:`write_circle_returns` wrote.

    Attributes
    ----------
    records : polars.DataFrame
        The generated records, as :func:`circle_returns` returns them (with truth).
    files : polars.DataFrame
        One row per file: ``path``, ``file_name``, ``format`` (``csv``/``xlsx``),
        ``encoding`` and ``delimiter`` (CSV only), ``sheets`` (list, XLSX only),
        ``source`` (as in the records), ``source_title`` (as printed in the title rows),
        ``style`` (house-style id) and ``n_records``.
    locations : polars.DataFrame
        One row per written record: ``record_id``, ``file_name``, ``sheet`` (null
        for CSV) and ``row``, the 1-based row a spreadsheet program shows (for CSV,
        the record number counting title lines and the header).
    """

    records: pl.DataFrame
    files: pl.DataFrame
    locations: pl.DataFrame


def _options(
    n_persons: int,
    seed: int,
    share_multi_source: float,
    share_siblings: float,
    share_namesakes: float,
    start_date: str,
    end_date: str,
    noise: Mapping[str, float] | None,
) -> str:
    for name, value in (("n_persons", n_persons), ("seed", seed)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            msg = f"`{name}` must be a non-negative integer, got {value!r}"
            raise InvalidArgumentError(msg)
    if seed >= 2**64:
        msg = f"`seed` must be below 2**64, got {seed}"
        raise InvalidArgumentError(msg)
    unknown = sorted(set(noise or {}) - set(NOISE_DEFAULTS))
    if unknown:
        msg = (
            f"`noise` has unknown keys {unknown}; "
            f"known keys: {', '.join(NOISE_DEFAULTS)}"
        )
        raise InvalidArgumentError(msg)
    return json.dumps(
        {
            "n_persons": n_persons,
            "seed": seed,
            "share_multi_source": float(share_multi_source),
            "share_siblings": float(share_siblings),
            "share_namesakes": float(share_namesakes),
            "start_date": str(start_date),
            "end_date": str(end_date),
            "noise": {
                **NOISE_DEFAULTS,
                **{k: float(v) for k, v in (noise or {}).items()},
            },
        }
    )


def circle_returns(
    n_persons: int = 1000,
    *,
    seed: int = 0,
    share_multi_source: float = 0.2,
    share_siblings: float = 0.08,
    share_namesakes: float = 0.03,
    start_date: str = "2019-01-01",
    end_date: str = "2025-06-30",
    noise: Mapping[str, float] | None = None,
    truth: bool = True,
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> pl.DataFrame:
    """Generate victim records as FIA circles, police, shelters and an NGO report them.

    Parameters
    ----------
    n_persons : int, default 1000
        Number of distinct persons. There are more records than persons, because a
        share of persons is recorded by several units.
    seed : int, default 0
        Seed; the same seed gives the same frame on any machine and thread count.
    share_multi_source : float, default 0.2
        Share of persons recorded by two to four units (else by one).
    share_siblings : float, default 0.08
        Share of persons who are a sibling of another person (same father, family CNIC
        stem, address and case; close ages).
    share_namesakes : float, default 0.03
        Share of persons who share their name and father's name with other persons.
    start_date, end_date : str
        Range of event dates (ISO).
    noise : mapping of str to float, optional
        Distortion rates overriding :data:`NOISE_DEFAULTS` (probabilities per record).
    truth : bool, default True
        Keep the ``true_*`` ground-truth columns.
    progress : callable, optional
        Called as ``progress(stage, done, total)`` during long runs.

    Returns
    -------
    polars.DataFrame
        One row per record; raw text columns, then the truth columns (see the module
        documentation). Ordered by unit, then date.

    Raises
    ------
    tipsom.exceptions.InvalidArgumentError
        For negative counts, shares or rates outside [0, 1], or malformed dates.

    Examples
    --------
    >>> import tipsom.datasets as ds
    >>> df = ds.circle_returns(200, seed=1)
    >>> df.height >= 200, df["true_person_id"].n_unique()
    (True, 200)
    >>> df.equals(ds.circle_returns(200, seed=1))
    True
    >>> "true_name" in ds.circle_returns(10, truth=False).columns
    False
    """
    options = _options(
        n_persons,
        seed,
        share_multi_source,
        share_siblings,
        share_namesakes,
        start_date,
        end_date,
        noise,
    )
    frame = pl.DataFrame(_core.synth_circle_returns(options, progress))
    if not truth:
        frame = frame.select(pl.exclude("^true_.*$"))
    return frame


def write_circle_returns(
    directory: str | Path,
    *,
    n_persons: int = 1000,
    seed: int = 0,
    share_multi_source: float = 0.2,
    share_siblings: float = 0.08,
    share_namesakes: float = 0.03,
    start_date: str = "2019-01-01",
    end_date: str = "2025-06-30",
    noise: Mapping[str, float] | None = None,
    overwrite: bool = False,
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> WrittenReturns:
    """Generate returns and write them as the units send them: CSV and Excel files.

    Each unit has its own house style: title rows naming the unit and the period,
    its own header spellings (``Name of Victim``, ``F/Name``, ``CNIC/B-Form``, ``U/S``,
    Urdu headers such as ``نام`` and ``ولدیت``), merged group headers, blank rows,
    a header repeated at page breaks, TOTAL and signature rows, sheets per month or
    year, a summary or notes sheet without victim records, CNICs stored as numbers and
    dates as Excel date cells in some workbooks, and CSV files in UTF-8, UTF-8 with BOM,
    Windows-1252 and UTF-16 LE, with comma, semicolon or tab delimiters and quoted line
    breaks.

    Parameters
    ----------
    directory : str or pathlib.Path
        Where to write; created if missing.
    n_persons, seed, share_multi_source, share_siblings, share_namesakes : optional
        As in :func:`circle_returns`.
    start_date, end_date, noise : optional
        As in :func:`circle_returns`.
    overwrite : bool, default False
        Replace existing files (otherwise an existing file is an error).
    progress : callable, optional
        Called as ``progress(stage, done, total)`` during long runs.

    Returns
    -------
    WrittenReturns
        The records (with truth), the files written and every record's location.

    Raises
    ------
    tipsom.exceptions.InvalidArgumentError
        For bad options, or when a file exists and ``overwrite`` is false.

    Examples
    --------
    >>> import tempfile
    >>> import tipsom.datasets as ds
    >>> with tempfile.TemporaryDirectory() as d:
    ...     out = ds.write_circle_returns(d, n_persons=300, seed=2)
    ...     sorted(set(out.files["format"]))
    ['csv', 'xlsx']
    >>> out.locations.height == out.records.height
    True
    """
    options = _options(
        n_persons,
        seed,
        share_multi_source,
        share_siblings,
        share_namesakes,
        start_date,
        end_date,
        noise,
    )
    records, files, locations = _core.synth_write_circle_returns(
        Path(directory), options, overwrite, progress
    )
    return WrittenReturns(
        records=pl.DataFrame(records),
        files=pl.DataFrame(files),
        locations=pl.DataFrame(locations),
    )
