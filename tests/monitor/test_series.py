"""Samples files (JSON, CSV), their bad-input table, windows, breaching readings and silences."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegate.errors import InputError
from casegate.monitor import Sample, first_breach, parse_window, read_samples, silences

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "monitor"
UTC = dt.UTC


def test_csv_and_json_read_sorted_and_in_utc() -> None:
    csv = read_samples(FIX / "flags.csv")
    assert len(csv) == 5 and csv[0].value == 0.002 and csv[0].case == "atlas-2-api"
    js = read_samples(FIX / "flags.json")
    assert [s.timestamp for s in js] == [
        dt.datetime(2026, 12, 1, 0, tzinfo=UTC), dt.datetime(2026, 12, 1, 11, tzinfo=UTC),
        dt.datetime(2026, 12, 2, 0, tzinfo=UTC)]


def test_bare_list_and_case_from_the_command_line(tmp_path: Path) -> None:
    f = tmp_path / "s.json"
    f.write_text('[{"signal": "x", "timestamp": "2026-12-01T00:00:00", "value": 1}]')
    (s,) = read_samples(f, case="c1")
    assert s.case == "c1" and s.timestamp.tzinfo is not None


BAD = [
    ("a.json", '{"casegate": 2, "samples": []}', "unsupported samples format version 2"),
    ("a.json", '{"casegate": 1, "samples": {}}', "`samples` must be a list"),
    ("a.json", '[{"signal": "x", "timestamp": "yesterday", "value": 1, "case": "c"}]',
     "a.json: samples[0]: timestamp 'yesterday' is not an ISO 8601"),
    ("a.json", '[{"signal": "x", "timestamp": "2026-12-01", "value": "high", "case": "c"}]',
     "value 'high' is not a number"),
    ("a.json", '[{"signal": "x", "timestamp": "2026-12-01", "value": true, "case": "c"}]',
     "value True is not a number"),
    ("a.json", '[{"signal": "x", "timestamp": "2026-12-01", "value": 1}]', "names no case"),
    ("a.json", '[{"timestamp": "2026-12-01", "value": 1, "case": "c"}]', "no signal name"),
    ("a.json", '[{"signal": "x", "value": 1, "case": "c"}]', "no timestamp"),
    ("a.json", '[1]', "a sample must be an object"),
    ("a.json", '[]', "no samples"),
    ("a.json", '{"casegate": 1, "samples": [', "not valid JSON"),
    ("a.csv", "signal,value\nx,1\n", "a.csv:1: the CSV header lacks timestamp"),
    ("a.csv", "signal,timestamp,value,case\nx,2026-12-01,1,c\nx,2026-12-02,NaN,c\n",
     "a.csv:3: value 'NaN' is not finite"),
    ("a.csv", "signal,timestamp,value,case\nx,2026-12-01,1,c,extra\n", "more cells than the header"),
    ("a.csv", "signal,timestamp,value,case\nx,2026-12-01,,c\n", "no value"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[b[2][:40] for b in BAD])
def test_bad_samples_are_refused_with_where_and_why(tmp_path: Path, name: str, text: str,
                                                    message: str) -> None:
    f = tmp_path / name
    f.write_text(text)
    with pytest.raises(InputError) as e:
        read_samples(f)
    assert message in e.value.diagnostics()


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        read_samples(FIX / "nope.csv")


def test_windows() -> None:
    assert parse_window("24h") == dt.timedelta(hours=24)
    assert parse_window("7d") == dt.timedelta(days=7)
    assert parse_window("30m") == dt.timedelta(minutes=30)
    assert parse_window("2w") == dt.timedelta(weeks=2)
    for bad in ("24", "0h", "1y", "h", "-1d", "1.5h"):
        with pytest.raises(InputError):
            parse_window(bad)


def test_breach_found_on_the_example_series() -> None:
    samples = read_samples(FIX / "flags.csv")
    # readings .002, .003, .004, .009, .011: the first above .005 is the one at 2026-12-02T00:00
    b = first_breach(samples, op=">", threshold=0.005)
    assert b is not None and b.timestamp == dt.datetime(2026, 12, 2, tzinfo=UTC) and b.value == 0.009
    # nothing before `since`... but a breach after it still counts
    later = first_breach(samples, op=">", threshold=0.005, since=dt.datetime(2026, 12, 2, 1, tzinfo=UTC))
    assert later is not None and later.timestamp == dt.datetime(2026, 12, 2, 8, tzinfo=UTC)
    assert first_breach(samples, op=">", threshold=0.005, until=dt.datetime(2026, 12, 1, 23, tzinfo=UTC)) is None
    assert first_breach(samples, op="<", threshold=0.001) is None


T0 = dt.datetime(2026, 12, 1, tzinfo=UTC)


def _flags(*points: tuple[int, float]) -> list[Sample]:
    return [Sample(T0 + dt.timedelta(minutes=m), "flag-rate", v, "c") for m, v in points]


def test_padding_readings_do_not_dilute_a_breaching_one() -> None:
    """The lab pads the window of a real 0.02 reading with nine readings of 0.0: the mean of the
    window is 0.002, under the 0.005 threshold, but the 0.02 reading still breaches."""
    real = _flags((600, 0.02))
    padded = real + _flags(*((600 - i, 0.0) for i in range(1, 10)))
    assert math.fsum(s.value for s in padded) / len(padded) < 0.005
    for readings in (real, padded):
        b = first_breach(readings, op=">", threshold=0.005)
        assert b is not None and b.value == 0.02 and b.timestamp == T0 + dt.timedelta(minutes=600)
    # padding the other way (a signal that must stay high) does not hide a low reading either
    low = _flags((60, 0.5)) + _flags(*((60 + i, 1.0) for i in range(1, 20)))
    b = first_breach(low, op="<", threshold=0.9)
    assert b is not None and b.value == 0.5


@settings(max_examples=300, deadline=None)
@given(
    points=st.lists(st.tuples(st.integers(0, 200), st.sampled_from([0.0, 0.25, 0.5, 1.0, 2.0, 3.0])),
                    min_size=1, max_size=40),
    padding=st.lists(st.tuples(st.integers(0, 200), st.sampled_from([0.0, 0.25, 0.5, 1.0, 2.0, 3.0])),
                     max_size=40),
    op=st.sampled_from([">", ">=", "<", "<="]),
    threshold=st.sampled_from([0.5, 1.0, 1.5]),
)
def test_more_readings_never_undo_a_breach(points: list[tuple[int, float]],
                                           padding: list[tuple[int, float]], op: str,
                                           threshold: float) -> None:
    samples = [Sample(T0 + dt.timedelta(hours=h), "s", v, "c") for h, v in points]
    extra = [Sample(T0 + dt.timedelta(hours=h), "s", v, "c") for h, v in padding]
    ops = {">": float.__gt__, ">=": float.__ge__, "<": float.__lt__, "<=": float.__le__}
    got = first_breach(samples, op=op, threshold=threshold)
    assert (got is not None) == any(ops[op](s.value, threshold) for s in samples)
    more = first_breach(samples + extra, op=op, threshold=threshold)
    if got is not None:
        assert more is not None and more.timestamp <= got.timestamp


def test_silences_from_the_start_between_readings_and_up_to_now() -> None:
    day = dt.timedelta(hours=24)
    readings = [Sample(T0 + dt.timedelta(hours=h), "s", 0.0, "c") for h in (10, 20, 60)]
    # 10 and 20 keep the watch; 20 -> 60 is 40h; 60 -> 100 is 40h and still open
    got = silences(readings, since=T0, until=T0 + dt.timedelta(hours=100), limit=day)
    assert [(g.since, g.until) for g in got] == [
        (T0 + dt.timedelta(hours=20), T0 + dt.timedelta(hours=60)),
        (T0 + dt.timedelta(hours=60), None)]
    # no reading at all: silent since the watch began, once the limit has passed and not before
    assert [g.since for g in silences([], since=T0, until=T0 + day + dt.timedelta(seconds=1), limit=day)] == [T0]
    assert silences([], since=T0, until=T0 + day, limit=day) == []
    # readings before the watch began or after `until` keep nothing alive
    old_and_future = [Sample(T0 - dt.timedelta(hours=1), "s", 0.0, "c"),
                      Sample(T0 + dt.timedelta(hours=90), "s", 0.0, "c")]
    assert [g.since for g in silences(old_and_future, since=T0, until=T0 + dt.timedelta(hours=30),
                                      limit=day)] == [T0]
