"""Tests of the time stage: expressions as written, resolved against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from factionmap.model import TimeSpan
from factionmap.extract.timeexpr import parse_published, resolve_time

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
        "the past few years",
        "in recent years",  # how far back "recent" years reach is unsaid
        "weeks later",
        "the following day",  # counted from a day the text told: storytime's work
        "the following Monday",
        "in the coming days",
        "the end of the year",
        "in the winter",
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


# -- weeks, weekends, "ago", the recent past, deadlines (reltime) ---------------------------


def months(first, last):
    return span(first, last, "month")


@pytest.mark.parametrize(
    "expr, published, expected",
    [
        # a week names no day: the month(s) its Monday to Sunday fall in
        ("last week", PUBLISHED, month("2015-08")),  # Aug 3-9
        ("last week", "2024-08-06", months("2024-07", "2024-08")),  # Jul 29 - Aug 4
        ("this week", "2021-04-01", months("2021-03", "2021-04")),  # Mar 29 - publication
        ("this week", "2015-08-03", month("2015-08")),  # a past event: up to the Monday published
        ("earlier this week", "2021-04-01", months("2021-03", "2021-04")),
        ("late last week", "2024-08-06", months("2024-07", "2024-08")),
        ("next week", "2015-08-28", months("2015-08", "2015-09")),  # Aug 31 - Sep 6
        ("later this week", "2015-08-28", month("2015-08")),  # publication to Sunday Aug 30
        ("the past week", "2015-08-03", months("2015-07", "2015-08")),  # the seven days up to it
        ("since last week", "2024-08-06", span("2024-07", None, "month")),
        ("two weeks ago", PUBLISHED, months("2015-07", "2015-08")),  # the week of Jul 31
        ("a week ago", PUBLISHED, month("2015-08")),
        # a weekend is fuzzy like a week (see reltime): the month of its Saturday and Sunday
        ("over the weekend", "2022-08-02", month("2022-07")),
        ("last weekend", "2015-11-02", months("2015-10", "2015-11")),  # Oct 31 - Nov 1
        ("last weekend", "2015-11-08", months("2015-10", "2015-11")),  # a Sunday: the one before
        ("this weekend", "2015-11-08", month("2015-11")),  # a Sunday: the weekend under way
        ("the weekend", "2015-11-05", months("2015-10", "2015-11")),  # a Thursday: Oct 31 - Nov 1
    ],
)
def test_timeexpr_weeks_and_weekends(expr, published, expected):
    assert resolved(expr, published=published) == expected


def test_timeexpr_weekend_to_come():
    # said of what is still to come, "this weekend" on a Thursday is the next one (Nov 7-8)
    assert resolved("this weekend", published="2015-11-05", future=True) == month("2015-11")
    assert resolved("this weekend", published="2015-10-29", future=True) == months("2015-10", "2015-11")


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("10 years ago", year("2005")),
        ("roughly 10 years ago", year("2005")),
        ("some three years ago", year("2012")),
        ("nearly two years ago", year("2013")),
        ("about two months ago", month("2015-06")),
        ("a decade ago", year("2005")),
        ("two decades ago", year("1995")),
        ("more than two years ago", span(None, "2013", "year")),  # before then
        ("less than a year ago", span("2014", "2015", "year")),  # since then
        ("over three months ago", span(None, "2015-05", "month")),
    ],
)
def test_timeexpr_ago_with_approximators_and_bounds(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr, published, expected",
    [
        ("in recent months", "2022-09-06", year("2022")),  # six months back is still 2022
        ("in recent months", "2015-03-10", span("2014", "2015", "year")),
        ("in recent weeks", PUBLISHED, months("2015-07", "2015-08")),
        ("in recent days", PUBLISHED, month("2015-08")),
        ("over the past three weeks", PUBLISHED, months("2015-07", "2015-08")),
        ("over the past two days", PUBLISHED, span("2015-08-12", "2015-08-14", "day")),
        ("in the last two years", PUBLISHED, span("2013", "2015", "year")),
    ],
)
def test_timeexpr_recent_past_runs_up_to_publication(expr, published, expected):
    assert resolved(expr, published=published) == expected


@pytest.mark.parametrize(
    "expr, future, expected",
    [
        ("in less than two weeks", True, span(None, "2015-08-28", "day")),
        ("within two weeks", True, span(None, "2015-08-28", "day")),
        ("within two months", True, span(None, "2015-10", "month")),
        ("within the next three days", False, span(None, "2015-08-17", "day")),  # the future said
        # said of the past, it is how long something took, not when
        ("in less than two weeks", False, UNRESOLVED),
    ],
)
def test_timeexpr_deadlines_end_only(expr, future, expected):
    assert resolved(expr, future=future) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("on the morning of 9 November 2024", day("2024-11-09")),
        ("in the early hours of 5 June 2021", day("2021-06-05")),
        ("in the early hours of Sunday", day("2015-08-09")),
        ("on the night of Sunday", day("2015-08-09")),
        ("late on Tuesday", day("2015-08-11")),
        ("early on Thursday", day("2015-08-13")),
        ("overnight Monday", day("2015-08-10")),
        ("overnight on Monday", day("2015-08-10")),
        ("late last month", month("2015-07")),  # a part of a month stays the month
        ("late in 2014", year("2014")),
    ],
)
def test_timeexpr_part_of_a_day_keeps_the_day(expr, expected):
    assert resolved(expr) == expected


@pytest.mark.parametrize(
    "expr, published",
    [
        ("last week", None),
        ("over the weekend", None),
        ("roughly 10 years ago", None),
        ("in recent months", None),
        ("last week", "2015-08"),  # a month says no week
        ("over the weekend", "2015-08"),
        ("two weeks ago", "2015"),
        ("in recent weeks", "2015"),
    ],
)
def test_timeexpr_relative_needs_a_fine_enough_publication(expr, published):
    assert resolved(expr, published=published) == UNRESOLVED


def test_timeexpr_relative_with_month_publication():
    assert resolved("in recent months", published="2015-08") == year("2015")
    assert resolved("about two months ago", published="2015-08") == month("2015-06")


# -- counted from a day the text told (reltime.from_reference, used by storytime) -----------


@pytest.mark.parametrize(
    "expr, start, precision, expected",
    [
        ("the next day", "2015-08-10", "day", day("2015-08-11")),
        ("the following day", "2015-08-31", "day", day("2015-09-01")),
        ("the day before", "2015-08-10", "day", day("2015-08-09")),
        ("the previous day", "2015-03-01", "day", day("2015-02-28")),
        ("later that day", "2015-08-10", "day", day("2015-08-10")),
        ("earlier in the day", "2015-08-10", "day", day("2015-08-10")),
        ("the same day", "2015-08-10", "day", day("2015-08-10")),
        ("hours later", "2015-08-10", "day", day("2015-08-10")),
        ("two days later", "2015-08-10", "day", day("2015-08-12")),
        ("three days earlier", "2015-08-01", "day", day("2015-07-29")),
        ("the following Monday", "2015-08-14", "day", day("2015-08-17")),  # from a Friday
        ("the following Monday", "2015-08-10", "day", day("2015-08-17")),  # a Monday: the next one
        ("the previous Friday", "2015-08-10", "day", day("2015-08-07")),
        ("three weeks earlier", "2015-08-10", "day", month("2015-07")),  # the week of Jul 20
        ("two months later", "2015-08", "month", month("2015-10")),
        ("a year earlier", "2015", "year", year("2014")),
        ("that year", "2014-06-02", "day", year("2014")),
        ("the following year", "2014-06", "month", year("2015")),
        ("that month", "2014-06-02", "day", month("2014-06")),
        # the told time is too coarse for the words
        ("the next day", "2015-08", "month", UNRESOLVED),
        ("two days later", "2015", "year", UNRESOLVED),
        ("that month", "2015", "year", UNRESOLVED),
    ],
)
def test_reltime_from_a_told_day(expr, start, precision, expected):
    from factionmap.extract.reltime import from_reference

    assert from_reference(expr, start, precision) == expected


@pytest.mark.parametrize("expr", ["next week", "next month", "monday", "last year", "in 2014", "the attack"])
def test_reltime_from_a_told_day_leaves_other_words(expr):
    from factionmap.extract.reltime import from_reference

    assert from_reference(expr, "2015-08-10", "day") is None


def test_an_anniversary_counts_its_years_back():
    from factionmap.language.nlp import parse
    from factionmap.extract.reltime import anniversary_of

    doc = parse("Crowds marked the fifth anniversary of the massacre. The massacre was remembered.")
    first, other = [t for t in doc if t.text == "massacre"]
    assert anniversary_of(first, "2024-01-03", "day") == ("2019-01-03", "2019-01-03", "day")
    assert anniversary_of(first, "2024-02-29", "day") == ("2019-02", "2019-02", "month")  # no 29 February
    assert anniversary_of(first, None, None) == (None, None, None)  # the event's date is unknown, not the day's
    assert anniversary_of(other, "2024-01-03", "day") is None  # no anniversary said
