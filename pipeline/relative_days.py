"""Days stated relative to the day a text is written: "Today at 09:30", "Yesterday", "On Tuesday".

Plain functions, testable on a string. News items are written on, and about, the day of their
page: a sentence that *opens* with a relative day states when its event happened, counted from
that day (the page's day for a current-events headline, the day in its path for a related item):

==========================================  ======================================
opening words                               day
==========================================  ======================================
today, tonight, this morning/afternoon/     the page's day
evening, earlier today, (at 09:30) today
yesterday, last night, late yesterday       the day before
the day before yesterday, two days ago      two days before (N days ago: N before)
tomorrow                                    the day after
(on) Monday .. Sunday (morning, night...)   the latest such weekday on or before the page's day
last Monday .. Sunday                       the latest such weekday before the page's day
last week                                   the calendar week before the page's (a range;
                                            ``opening_last_week``)
==========================================  ======================================

A leading clock time ("At 09:30 local time today,", "Today at 09:30,") does not change the day.
Only the opening of a sentence counts: "after yesterday's downing of a jet" inside a sentence
names an earlier happening in a subordinate clause, not when the sentence's event happened.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .prefilter import guarded, starting

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_TIME = r"(?:at\s+(?:around\s+|about\s+|approximately\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+local\s+time|\s*\(?(?:UTC|GMT)\)?)?,?\s+)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_OPENING = re.compile(
    rf"^\s*(?:{_TIME})?(?P<phrase>"
    r"(?P<before_yesterday>the\s+day\s+before\s+yesterday)"
    r"|(?P<ago>(?P<n>\d+|one|two|three|four|five|six|seven)\s+days?\s+ago)"
    r"|(?:earlier\s+|later\s+|late\s+|early\s+)?(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?:late\s+|early\s+)?(?P<yesterday>yesterday|last\s+night)" + _PART +
    r"|(?P<tomorrow>tomorrow)" + _PART +
    r"|(?:(?P<last>last)\s+|on\s+|early\s+|late\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)" + _PART +
    r")\b(?!['\u2019]s)",
    re.I,
)


@dataclass(frozen=True)
class RelativeDay:
    day: dt.date
    phrase: str  # the words as written ("Yesterday", "On Tuesday")


def opening_relative_day(sentence: str, anchor: dt.date) -> RelativeDay | None:
    """The day a sentence's opening words state, counted from ``anchor``; None when the sentence
    does not open with a relative day (see the module table)."""
    m = _OPENING.match(sentence or "")
    if not m:
        return None
    if m.group("before_yesterday"):
        offset = -2
    elif m.group("ago"):
        n = m.group("n").lower()
        offset = -(int(n) if n.isdigit() else _NUMBERS[n])
    elif m.group("today"):
        offset = 0
    elif m.group("yesterday"):
        offset = -1
    elif m.group("tomorrow"):
        offset = 1
    else:
        back = (anchor.weekday() - WEEKDAYS.index(m.group("weekday").lower())) % 7
        offset = -(back or 7) if m.group("last") else -back
    return RelativeDay(anchor + dt.timedelta(days=offset), m.group("phrase"))



# "Last week" is the writer's time: the calendar week (Monday to Sunday) before the one of the day
# the text is written. A sentence that opens with it ("Only last week, the air force bombed the
# market") states a range of seven days, not a day; quoted words (a witness's) are left out, their
# "last week" counting from a day the quote does not give.
_LAST_WEEK = re.compile(r"^\s*(?:only\s+|just\s+|also\s+)?(?P<phrase>last\s+week)\b(?!['\u2019]s)", re.I)


@dataclass(frozen=True)
class RelativeWeek:
    first: dt.date
    last: dt.date
    phrase: str
    start: int
    end: int


def opening_last_week(sentence: str, written: dt.date) -> RelativeWeek | None:
    """The week before ``written``'s (Monday to Sunday) when the sentence opens with "last week"
    (see above) and quotes nothing; else None."""
    s = sentence or ""
    m = _LAST_WEEK.match(s)
    if m is None or any(q in s for q in '"\u201c\u201d'):
        return None
    monday = written - dt.timedelta(days=written.weekday() + 7)
    return RelativeWeek(monday, monday + dt.timedelta(days=6), m.group("phrase"), m.start("phrase"), m.end("phrase"))

# A narrative's flashback: a statement dated by a day *before* the one just told, in the past
# perfect ("On 5 October, shells landed in Hatay. The day before, the Prime Minister had announced
# ... . Immediately after this second incident, artillery fired ..."). It tells what had happened
# earlier; the story's current day stays the day before it, so it dates neither the undated
# statements after it nor the anaphors ("the next day") that follow.
_BACKWARD = re.compile(
    r"^(?:the\s+|a\s+)?(?:(?:day|night|evening|morning)\s+before|previous\s+(?:day|night|evening|morning)"
    r"|(?:\d+|one|two|three|four|five|six|seven|a)\s+(?:days?|weeks?)\s+(?:earlier|before)|earlier\s+that\s+(?:day|week|month))$",
    re.I,
)
_PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:already|earlier|previously|also|reportedly|just|been)\s+)*[a-z]+(?:ed|en|wn|ne|t|d)\b", re.I)


def is_flashback(sentence: str, date_words: str) -> bool:
    """Whether a statement dated by ``date_words`` (the date's own words, "The day before") is a
    flashback: a backward relative day and a verb in the past perfect (see above)."""
    return bool(_BACKWARD.match((date_words or "").strip())) and _PAST_PERFECT.search(sentence or "") is not None


# A report, on the story's day, of what had happened on earlier days ("An international coalition
# spokesperson stated that they had destroyed numerous targets between 7–9 June" after "On 10
# June, ..."): reported speech in the past perfect. Like a flashback, it keeps its own dates but
# does not take the story back: "At the end of the day" after it is still 10 June.
# speed only, same matches: prefilter.guarded, prefilter.starting
_REPORTED_PAST = guarded(starting(re.compile(
    r"\b(?:stated|said|reported|announced|claimed|confirmed|added|noted|revealed|declared)\s+"
    r"(?:that\s+)?(?:[\w'’-]+\s+){0,6}?had\s+(?:(?:already|earlier|previously|also|reportedly|just|been)\s+)*"
    r"[a-z]+(?:ed|en|wn|ne|t|d)\b", re.I)))


def is_reported_past(sentence: str, dates, current: dt.date | None) -> bool:
    """Whether a statement is a report of days before the story's ``current`` day (see above):
    every date a day (or a range of days) that ends before it, in reported past perfect."""
    if current is None or not dates or _REPORTED_PAST.search(sentence or "") is None:
        return False
    return all(d.precision == "day" and (d.last or d.date) < current for d in dates)


# A narrative's flash-forward: a follow-up told where the happening is, dated well after the story's
# current day ("X was reported killed in an airstrike on 26 November. The army however later stated
# in April 2017 that he was still alive."). Encyclopedia articles written as events unfolded add
# what was learnt or said later beside the happening it concerns, with "later" after its subject;
# the story's current day stays the one told before it, so the days after it are not given the
# follow-up's year. A sentence opening with "Later," or counting the time ("three months later")
# moves the story on and is no flash-forward; nor is a date within a month of the current day.
_LATER_ADVERB = re.compile(
    r"(?<![\w-])(?:later|subsequently)\b(?!\s+(?:that|the\s+same|in\s+the\s+(?:day|same|month|year)|on\s+the\s+same)\b)", re.I)
_MEASURED_BEFORE = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?)\s*$", re.I)
FLASHFORWARD_GAP = dt.timedelta(days=31)


def is_flashforward(sentence: str, dates, current: dt.date | None) -> bool:
    """Whether a statement is a follow-up told ahead of the story (see above): "later" (or
    "subsequently") after its subject and before its first date, every date starting more than
    ``FLASHFORWARD_GAP`` after the story's ``current`` day."""
    if current is None or not dates:
        return False
    s = sentence or ""
    lead = len(s) - len(s.lstrip(" *-–"))
    for m in _LATER_ADVERB.finditer(s, 0, dates[0].start):
        if m.start() <= lead or _MEASURED_BEFORE.search(s, 0, m.start()):
            continue
        return all(d.date - current > FLASHFORWARD_GAP for d in dates)
    return False


# A relative day anywhere in a sentence of prose ("Latamneh was targeted on Monday evening", "...
# because yesterday the national hospital was targeted", 'According to X, on Tuesday "aircraft
# struck ..."'): not a habit ("every Monday", "each Friday"), not a day to come ("next Monday",
# "tomorrow"), not a possessive naming another happening ("yesterday's downing").
_WITHIN = re.compile(
    r"(?<![\w-])(?P<phrase>"
    r"(?P<before_yesterday>the\s+day\s+before\s+yesterday)"
    r"|(?:earlier\s+|later\s+|late\s+|early\s+)?(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?:late\s+|early\s+)?(?P<yesterday>yesterday|last\s+night)" + _PART +
    # a weekday not in a name ("Sunday Times")
    r"|(?:(?P<last>last)\s+|on\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?!\s+(?-i:[A-Z]))" + _PART +
    r")\b(?!['\u2019]s)",
    re.I,
)
_NOT_A_DAY_BEFORE = re.compile(r"\b(?:every|each|next|coming|until|till|since|by|from|on\s+a)\s+$", re.I)


@dataclass(frozen=True)
class RelativeSpan:
    day: dt.date
    phrase: str
    start: int
    end: int


def relative_day_within(sentence: str, anchor: dt.date) -> RelativeSpan | None:
    """The first relative day a sentence of prose names as its happening's day, counted from
    ``anchor`` (the narrative's current day: the latest day the text has stated), see the module
    table; "tomorrow" and days to come are never a happening's day. Weekdays with a date ("Tuesday
    4 April 2017") are dates, not relative days: the caller asks only of sentences without a date."""
    for m in _WITHIN.finditer(sentence or ""):
        if _NOT_A_DAY_BEFORE.search(sentence[: m.start()]):
            continue
        if m.group("before_yesterday"):
            offset = -2
        elif m.group("today"):
            offset = 0
        elif m.group("yesterday"):
            offset = -1
        else:
            back = (anchor.weekday() - WEEKDAYS.index(m.group("weekday").lower())) % 7
            offset = -(back or 7) if m.group("last") else -back
        return RelativeSpan(anchor + dt.timedelta(days=offset), m.group("phrase"), m.start(), m.end())
    return None


# A weekday named in an article's prose ("..., the coalition's spokesman said Wednesday", "On Monday,
# the army shelled the town"): a news report copied into the narrative names the day it speaks of by
# its weekday, in the week the story is in.
_WEEKDAY = re.compile(
    r"(?<![\w-])(?:on\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?!\s+(?-i:[A-Z]))" + _PART + r"\b(?!['\u2019]s)", re.I)


def weekday_near(sentence: str, anchor: dt.date) -> RelativeSpan | None:
    """The day of the first weekday a sentence names, the one nearest to ``anchor`` (the story's
    current day, from three days before to three days after it); None without a weekday, or with
    one that is a habit or a day to come ("every Friday", "next Monday", "last Sunday": the article
    does not give the day "last" counts from). Decision: an article narrates forward and back
    around its current day, so neither the weekday on or before it (as a news page counts) nor the
    one after it is assumed."""
    for m in _WEEKDAY.finditer(sentence or ""):
        if _NOT_A_DAY_BEFORE.search(sentence[: m.start()]) or re.search(r"\blast\s+$", sentence[: m.start()], re.I):
            continue
        ahead = (WEEKDAYS.index(m.group("weekday").lower()) - anchor.weekday()) % 7
        offset = ahead if ahead <= 3 else ahead - 7
        return RelativeSpan(anchor + dt.timedelta(days=offset), m.group(0), m.start(), m.end())
    return None
