from datetime import date

import pytest

from factionmap.daterange import date_bounds, parse_on, span_of
from factionmap.errors import FactionmapError
from factionmap.model import TimeSpan


@pytest.mark.parametrize("value, first, last", [
    ("2013", date(2013, 1, 1), date(2013, 12, 31)),
    ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
    ("2015-08-13", date(2015, 8, 13), date(2015, 8, 13)),
])
def test_daterange_bounds_at_precision(value, first, last):
    assert date_bounds(value) == (first, last)


@pytest.mark.parametrize("value", ["2015-13", "Sept 2015", "2015-02-30", ""])
def test_daterange_bad_date_is_e403(value):
    with pytest.raises(FactionmapError) as raised:
        date_bounds(value)
    assert raised.value.code == "E403"


@pytest.mark.parametrize("value, expected", [("2015", date(2015, 12, 31)), ("2015-09-01", date(2015, 9, 1))])
def test_daterange_on_reads_last_day(value, expected):
    assert parse_on(value) == (expected, value)


def test_daterange_span_of_earliest_start_latest_end():
    spans = [TimeSpan("2015-06", None), TimeSpan("2014", "2014"), TimeSpan(None, "2016-01")]
    assert span_of(spans) == ("2014", "2016-01")
