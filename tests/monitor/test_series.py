"""Samples files (JSON, CSV), their bad-input table, windows, and the sliding windowed mean."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegate.errors import InputError
from casegate.monitor import Sample, first_breach, parse_window, read_samples, window_mean

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
    # 24h means: 0.002, .0025, .003, (.003+.004+.009)/3=.00533 -> breach at 2026-12-02T00:00
    b = first_breach(samples, op=">", threshold=0.005, window=parse_window("24h"))
    assert b is not None and b.end == dt.datetime(2026, 12, 2, tzinfo=UTC) and b.count == 3
    assert math.isclose(b.mean, (0.003 + 0.004 + 0.009) / 3)
    # nothing before `since`... but a breach after it still counts
    later = first_breach(samples, op=">", threshold=0.005, window=parse_window("24h"),
                         since=dt.datetime(2026, 12, 2, 1, tzinfo=UTC))
    assert later is not None and later.end == dt.datetime(2026, 12, 2, 8, tzinfo=UTC)
    assert first_breach(samples, op=">", threshold=0.005, window=parse_window("24h"),
                        until=dt.datetime(2026, 12, 1, 23, tzinfo=UTC)) is None
    assert first_breach(samples, op="<", threshold=0.001, window=parse_window("24h")) is None
    assert window_mean(samples, dt.datetime(2026, 12, 1, 8, tzinfo=UTC), parse_window("8h")) is not None


def _brute(samples: list[Sample], op: str, threshold: float, window: dt.timedelta) -> dt.datetime | None:
    ops = {">": float.__gt__, ">=": float.__ge__, "<": float.__lt__, "<=": float.__le__}
    for end in sorted({s.timestamp for s in samples}):
        m = window_mean(samples, end, window)
        assert m is not None
        if ops[op](m.mean, threshold):
            return end
    return None


T0 = dt.datetime(2026, 12, 1, tzinfo=UTC)


@settings(max_examples=300, deadline=None)
@given(
    points=st.lists(st.tuples(st.integers(0, 200), st.sampled_from([0.0, 0.25, 0.5, 1.0, 2.0, 3.0])),
                    min_size=1, max_size=40),
    op=st.sampled_from([">", ">=", "<", "<="]),
    threshold=st.sampled_from([0.5, 1.0, 1.5]),
    hours=st.integers(1, 48),
)
def test_sliding_breach_matches_brute_force(points: list[tuple[int, float]], op: str,
                                            threshold: float, hours: int) -> None:
    samples = [Sample(T0 + dt.timedelta(hours=h), "s", v, "c") for h, v in points]
    w = dt.timedelta(hours=hours)
    got = first_breach(samples, op=op, threshold=threshold, window=w)
    assert (got.end if got else None) == _brute(samples, op, threshold, w)
