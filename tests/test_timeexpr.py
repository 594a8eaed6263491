"""Tests of the time stage: expressions as written, resolved against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from factionmap.model import TimeSpan
from factionmap.timeexpr import parse_published, resolve_time

PUBLISHED = "2015-08-14"  # a Friday


def span(start, end, precision):
    return (start, end, precision)


def day(iso):
    return span(iso, iso, "day")


def month(iso):
    return span(iso, iso, "month")


def year(iso):
    return span(iso, iso, "year")


UNRESOLVED = span(None, None, None)


def resolved(expr, published=PUBLISHED, **kwargs):
    result = resolve_time(expr, published, **kwargs)
    assert result is not None, expr
    assert result.text == expr.strip()
    return (result.start, result.end, result.precision)


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("Thursday", day("2015-08-13")),
        ("Thursday's", day("2015-08-13")),
        ("on Thursday", day("2015-08-13")),
        ("Thursday night", day("2015-08-13")),
        ("late Thursday", day("2015-08-13")),
        ("on Saturday", day("2015-08-08")),
        ("Monday", day("2015-08-10")),
        ("last Thursday", day("2015-08-13")),
        ("last Friday", day("2015-08-07")),
        ("next Tuesday", day("2015-08-18")),
        ("yesterday", day("2015-08-13")),
        ("today", day("2015-08-14")),
        ("tomorrow", day("2015-08-15")),
        ("three days ago", day("2015-08-11")),
        ("August 10", day("2015-08-10")),
        ("on Aug. 20", day("2014-08-20")),
    ],
)
def test_timeexpr_relative_day(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("in January", month("2015-01")),
        ("In October", month("2014-10")),
        ("in August", month("2015-08")),
        ("September", month("2014-09")),
        ("last January", month("2015-01")),
        ("next March", month("2016-03")),
        ("last month", month("2015-07")),
        ("this month", month("2015-08")),
        ("18 months ago", month("2014-02")),
        ("mid-August", month("2015-08")),
        ("early last month", month("2015-07")),
    ],
)
def test_timeexpr_relative_month(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("last year", year("2014")),
        ("this year", year("2015")),
        ("next year", year("2016")),
        ("two years ago", year("2013")),
        ("a year ago", year("2014")),
        ("late last year", year("2014")),
        ("earlier this year", year("2015")),
        ("last summer", year("2014")),
        ("this summer", year("2015")),
        ("in the spring", year("2015")),
        ("in the autumn", year("2014")),
    ],
)
def test_timeexpr_relative_year(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("2013", year("2013")),
        ("in 2013", year("2013")),
        ("the year 1979", year("1979")),
        ("August 2015", month("2015-08")),
        ("in Sept. 2014", month("2014-09")),
        ("June of 2014", month("2014-06")),
        ("2015-08", month("2015-08")),
        ("Aug. 13, 2015", day("2015-08-13")),
        ("August 13 2015", day("2015-08-13")),
        ("13 August 2015", day("2015-08-13")),
        ("the 13th of August 2015", day("2015-08-13")),
        ("2015-08-13", day("2015-08-13")),
        ("Thursday, Aug. 13, 2015", day("2015-08-13")),
        ("on Tuesday, June 3, 2014", day("2014-06-03")),
    ],
)
def test_timeexpr_absolute(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("mid-2014", year("2014")),
        ("early 2015", year("2015")),
        ("in late 2013", year("2013")),
        ("the end of 2014", year("2014")),
        ("in the summer of 2014", year("2014")),
        ("summer 2014", year("2014")),
        ("the winter of 2013", year("2013")),
        ("early August 2014", month("2014-08")),
        ("the 1990s", span("1990", "1999", "year")),
        ("the 1980's", span("1980", "1989", "year")),
        ("the '90s", span("1990", "1999", "year")),
        ("the early 2000s", span("2000", "2009", "year")),
    ],
)
def test_timeexpr_coarse_periods(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("since 2014", span("2014", None, "year")),
        ("ever since mid-2013", span("2013", None, "year")),
        ("since the 1990s", span("1990", None, "year")),
        ("since last year", span("2014", None, "year")),
        ("since January", span("2015-01", None, "month")),
        ("from 2012", span("2012", None, "year")),
        ("by June", span(None, "2015-06", "month")),
        ("until March 2016", span(None, "2016-03", "month")),
        ("before 2010", span(None, "2010", "year")),
        ("by the end of 2015", span(None, "2015", "year")),
        ("until the 1990s", span(None, "1999", "year")),
    ],
)
def test_timeexpr_open_bounds(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("from 2012 to 2014", span("2012", "2014", "year")),
        ("between 2012 and 2014", span("2012", "2014", "year")),
        ("2012-2014", span("2012", "2014", "year")),
        ("2012\u201314", span("2012", "2014", "year")),
        ("from 2014-08-13 to 2015-01-02", span("2014-08-13", "2015-01-02", "day")),
        ("from January to March 2015", span("2015-01", "2015-03", "month")),
        ("between June 2014 and Aug. 13, 2015", span("2014-06", "2015-08", "month")),
        ("from November to February", span("2014-11", "2015-02", "month")),
        ("from 2011 until last year", span("2011", "2014", "year")),
    ],
)
def test_timeexpr_ranges_take_coarser_precision(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr",
    [
        "weeks",
        "just weeks",
        "recently",
        "last week",
        "the past few years",
        "in recent months",
        "two weeks ago",
        "weeks later",
        "earlier this week",
        "the following day",
        "the end of the year",
        "in the winter",
        "since last week",
    ],
)
def test_timeexpr_vague_kept_unresolved(expr):
    assert resolved(expr) == UNRESOLVED


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("Thursday", UNRESOLVED),
        ("in January", UNRESOLVED),
        ("last year", UNRESOLVED),
        ("yesterday", UNRESOLVED),
        ("two years ago", UNRESOLVED),
        ("late last year", UNRESOLVED),
        ("since last year", UNRESOLVED),
        ("August 13", UNRESOLVED),
        ("from January to March", UNRESOLVED),
        ("in 2013", year("2013")),
        ("Aug. 13, 2015", day("2015-08-13")),
        ("since 2014", span("2014", None, "year")),
        ("13 August 2015", day("2015-08-13")),
    ],
)
def test_timeexpr_without_published_relative_stays_unresolved(expr, expected):
    assert resolved(expr, published=None) == expected


@pytest.mark.parametrize(
    "expr, published, expected",
    [
        ("Thursday", "2015-08-13", day("2015-08-13")),  # a Thursday
        ("last Thursday", "2015-08-13", day("2015-08-06")),
        ("Wednesday", "2015-08-13", day("2015-08-12")),
        ("Thursday", "2015-08-13T09:30:00Z", day("2015-08-13")),
        ("Thursday", "2015-08", UNRESOLVED),  # a month says no weekday
        ("in January", "2015-08", month("2015-01")),
        ("last month", "2015-08", month("2015-07")),
        ("last year", "2015", year("2014")),
        ("in January", "2015", UNRESOLVED),
        ("yesterday", "not a date", UNRESOLVED),
    ],
)
def test_timeexpr_publication_precision(expr, published, expected):
    assert resolved(expr, published=published) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("in December", month("2015-12")),
        ("in January", month("2016-01")),
        ("in February", month("2015-02")),
        ("last month", month("2015-12")),
        ("last year", year("2015")),
        ("Thursday", day("2015-12-31")),
        ("yesterday", day("2016-01-04")),
        ("three months ago", month("2015-10")),
        ("Dec. 28", day("2015-12-28")),
        ("last summer", year("2015")),
    ],
)
def test_timeexpr_year_boundary(expr, expected):
    assert resolved(expr, published="2016-01-05") == expected  # a Tuesday


@pytest.mark.parametrize(
    "expr, published, expected",
    [
        ("Thursday", PUBLISHED, day("2015-08-20")),
        ("on Friday", PUBLISHED, day("2015-08-14")),
        ("in January", PUBLISHED, month("2016-01")),
        ("in October", PUBLISHED, month("2015-10")),
        ("in August", PUBLISHED, month("2015-08")),
        ("August 20", PUBLISHED, day("2015-08-20")),
        ("by June", PUBLISHED, span(None, "2016-06", "month")),
        ("in the spring", PUBLISHED, year("2016")),
        ("in December", "2016-01-05", month("2016-12")),
        ("in 2013", PUBLISHED, year("2013")),  # absolute dates ignore the tense
    ],
)
def test_timeexpr_future_resolves_forward(expr, published, expected):
    assert resolved(expr, published=published, future=True) == expected


@pytest.mark.parametrize(
    "expr",
    ["the Taliban", "five", "12", "", "   ", "Islamic State", "may", "march", "the fall of Mosul",
     "1,500 fighters", "by the Taliban", "in Kabul"],
)
def test_timeexpr_not_a_time_expression(expr):
    assert resolve_time(expr, PUBLISHED) is None


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("August the 13th, 2015", day("2015-08-13")),
        ("13/08/2015", day("2015-08-13")),
    ],
)
def test_timeexpr_dateparser_fallback_keeps_written_precision(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr, expected_text",
    [("  on Thursday ", "on Thursday"), ("In October", "In October")],
)
def test_timeexpr_text_is_expression_as_given(expr, expected_text):
    result = resolve_time(expr, PUBLISHED)
    assert isinstance(result, TimeSpan)
    assert result.text == expected_text


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2015-08-14", date(2015, 8, 14)),
        ("2015-08-14T10:00:00+00:00", date(2015, 8, 14)),
        ("2015-08", None),
        ("2015", None),
        ("2015-02-30", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_timeexpr_parse_published(value, expected):
    assert parse_published(value) == expected
