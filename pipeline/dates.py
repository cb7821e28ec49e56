"""Dates as documents write them, turned into (date, precision) pairs.

Plain functions, no Dagster. A date in this dataset is always the *first day* of the period the
text states, with a precision telling how much of it is real: ``day`` (2015-09-30), ``month``
(2015-09-01 for "September 2015"), ``year`` (2015-01-01 for "in 2015").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from .prefilter import folded, lowercase_twin, starting

PRECISIONS = ("day", "month", "year")

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_LOOSE_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_NEWS_PATH = re.compile(r"/news/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$)")


def parse_loose_iso(text: str) -> dt.date | None:
    """``2015-09-4`` -> 2015-09-04; also accepts ``2018-10-31T11:05:18Z`` and ``2023-10-21 01:10``.

    Returns None when the text does not start with a valid Y-M-D date.
    """
    return _ymd(_LOOSE_ISO.match(text or ""))


def date_from_news_path(path: str) -> dt.date | None:
    """``/news/2016/01/9/some-slug.md`` -> 2016-01-09 (None if the path holds no valid date)."""
    return _ymd(_NEWS_PATH.search(path or ""))


def _ymd(m: re.Match | None) -> dt.date | None:
    """The date of a match whose groups 1-3 are year, month, day; None if absent or invalid."""
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Dates that prose sentences state
# ---------------------------------------------------------------------------------------------
#
# ``DateResolver`` reads one document in order (``enter_section`` for each heading, ``resolve``
# for each sentence) and returns the date(s) at which what a sentence tells happened.
#
# The decision rules are in the docstring of ``DateResolver`` below.


@dataclass(frozen=True)
class StatedDate:
    """A date a sentence states for its event; see the rules above."""

    date: dt.date
    precision: str  # "day" | "month" | "year"
    qualifier: str | None  # "early" | "mid" | "late" | "end" | None
    text: str
    start: int
    end: int
    year_from: str  # "sentence" | "section" | "previous" | "anaphora" | "document" | "page"
    last: dt.date | None = None  # last day of a stated range ("between 9 and 11 October")
    flags: tuple[str, ...] = ()  # "outside_section_period"


_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# a month name in capitals ("4 APRIL 2017", as incident header blocks write dates in capitals like
# their governorates) counts only beside a day or a year (``_MON``), never alone: "MAY" alone is a verb
_MONTH_UPPER = _MONTH_FULL.upper()
_MON = rf"(?:(?:{_MONTH_FULL}|{_MONTH_UPPER})|(?:{_MONTH_ABBR})\.?)(?![A-Za-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_END = r"(?![\w%]|[.,:/]\d|[-–—]\d)"
_NUM_BEFORE = r"(?<![\w$£€.,/:#-])"

_CORE_RE = re.compile(
    rf"""
    (?=[0-9JFMASOND])  # cheap first-character filter
    (?:
    {_NUM_BEFORE}(?P<iso>(?P<iy>{_YEAR})(?P<isep>[-/])(?P<im>0[1-9]|1[0-2])(?P=isep)(?P<id>0[1-9]|[12]\d|3[01]))(?![\w/-])
  | {_NUM_BEFORE}(?P<num>(?P<na>{_DAY})(?P<sep>[/.-])(?P<nb>{_DAY})(?P=sep)(?P<ny>{_YEAR}))(?![\w/.-]\w|[\w-])
  | {_NUM_BEFORE}(?P<d0>{_DAY}){_ORD}?(?:\s*,\s*{_DAY}{_ORD}?){{0,5}}\s*(?:[–—/-]|,?\s(?:and|or|to|until)\s)\s*(?:the\s+)?(?P<d0b>{_DAY}){_ORD}?(?:\s+of)?\s+(?P<m0>{_MON})(?:,?\s+(?P<y0>{_YEAR}){_YEAR_END})?
  | {_NUM_BEFORE}(?P<d1>{_DAY}){_ORD}?(?:\s+of)?\s+(?P<m1>{_MON})(?:,?\s+(?P<y1>{_YEAR}){_YEAR_END})?
  | (?<![\w])(?P<m2>{_MON})\s+(?P<d2>{_DAY}){_ORD}?(?![\w])(?!,\d|[.:]\d)(?:,?\s+(?P<y2>{_YEAR}){_YEAR_END})?
  | (?<![\w])(?P<m3>{_MON}),?\s+(?:of\s+)?(?P<y3>{_YEAR}){_YEAR_END}
  | (?:(?<=[Mm]id-)|(?<=[Ee]arly-)|(?<=[Ll]ate-)|{_NUM_BEFORE})(?P<y4>{_YEAR})(?:\s*[–—-]\s*(?P<y4b>{_YEAR}|\d\d)(?![\w%]))?{_YEAR_END}
  | (?<![\w])(?P<m5>{_MONTH_FULL})(?![\w])
    )
    """,
    re.X,
)

_TOD = r"(?:morning|afternoon|evening|night)"
# the number words of "eleven days later" .. "twenty days later" (one to ten stand in each pattern)
_TEENS = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
_ANA_RE = re.compile(
    rf"""
    \b(?=\w)(?:
      (?P<same>(?:that|the)\s+(?:very\s+)?same\s+(?:day|{_TOD})(?!\s+as\b)
              |(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|{_TOD})
              |(?:later|earlier)\s+in\s+the\s+day
              |the\s+end\s+of\s+(?:the|that)\s+day
              |(?<=on\s)that\s+day|that\s+day(?=\s*(?:[,.;:)"”]|$))
              |that\s+{_TOD}(?=\s*(?:[,.;:)"”]|$))
              |(?<![\w-])overnight(?=\s*,)
              |later\s+in\s+the\s+same\s+day
              |(?:in|during)\s+the\s+{_TOD}\s+of\s+(?:that|the\s+same)\s+day
              |(?<=during\s)the\s+day(?!\s+(?:of|before|after|when)\b)(?=\s*(?:[,.;:)"”]|$))
              |(?<=by\s)(?:nightfall|dusk|sunset)(?![\w-]))
    | (?P<loose>(?:around|about|at)\s+(?:this|that|the\s+same)\s+time(?!\s+(?:as|of|when)\b)
              |(?<![\w-])(?:in|by|during)\s+the\s+(?:morning|afternoon|evening|night)(?!\s+(?:of|hours)\b)
              |(?<![\w-])(?:meanwhile|elsewhere)(?=\s*,)
              |(?<![\w-])(?:during|in)\s+(?:this|that|the\s+same)\s+(?:time|period)(?=\s*,)
              |(?<![\w-])in\s+the\s+meantime(?=\s*,)
              |(?<![\w-])(?:during|in)\s+the\s+(?:immediate\s+)?aftermath\s+of\s+(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?
                 (?:attacks?|strikes?|airstrikes?|bombings?|raids?|shelling|massacre)(?=\s*,|\s+(?:it|the|a|an|there)\b))
    | (?P<next>the\s+(?:following|next)\s+(?:day|{_TOD})|the\s+day\s+after(?=\s*(?:[,.;:)]|$))|the\s+day\s+after\s+(?:that|this)(?![\w-]))
    | (?P<prev>the\s+(?:previous|preceding)\s+(?:day|{_TOD})|the\s+(?:day|{_TOD})\s+(?:before|prior)(?=\s*(?:[,.;:)]|$)))
    | (?P<later>(?P<n>\d{{1,2}}|a|one|two|three|four|five|six|seven|eight|nine|ten|{_TEENS})\s+(?P<unit>days?|weeks?)\s+(?:later|afterwards?|after\s+(?:that|this)(?![\w-]))
              |(?P<fortnight>a\s+fortnight)\s+(?:later|afterwards?|after\s+(?:that|this)(?![\w-]))
              |after\s+(?P<n2>\d{{1,2}}|a|one|two|three|four|five|six|seven|eight|nine|ten|{_TEENS})\s+(?P<unit2>days?|weeks?)(?=\s*(?:[,.;)]|$))
              |(?<![\w-])after\s+(?P<n3>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit3>days?|weeks?)
                  \s+of\s+(?:[a-z-]+\s+){{0,2}}?(?:fighting|clashes|battle|combat|siege|bombardment|shelling)(?=\s*,))
    | (?P<span>(?<![\w-])(?:(?:over|during|in|within|throughout|through|for)\s+)?(?:(?:the\s+)?course\s+of\s+)?
              the\s+(?:next|following|subsequent)\s+(?P<n5>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten)
              \s+(?P<unit5>days|weeks)
              |(?<![\w-])(?:over|during|in|within|throughout)\s+the\s+(?:next|following|subsequent)\s+(?P<week5>week)(?![\w-]))
    | (?P<earlier>(?P<n6>\d{{1,2}}|a|one|two|three|four|five|six|seven|eight|nine|ten|{_TEENS})\s+(?P<unit6>days?|weeks?)\s+
              (?:earlier|before(?=\s*(?:[,.;)]|$))))
    | (?P<fewdays>(?:a\s+few|several|some)\s+days\s+(?:later|afterwards?)|(?<![\w-])days\s+later
              |(?<![\w-])(?:later|earlier)\s+(?:that|the\s+same|in\s+the)\s+week(?![\w-])
              |(?<![\w-])(?:that|the)\s+same\s+week(?!\s+as\b)|(?<![\w-])the\s+(?:following|next)\s+week(?![\w-])
              |(?<![\w-])within\s+(?:a\s+few\s+|several\s+)?days(?![\w-])
              |(?<![\w-])(?:(?:over|during|in|throughout)\s+)?the\s+(?:next|following|subsequent|coming)\s+(?:few\s+|several\s+)?weeks
              |over\s+the\s+(?:next|following)\s+(?:few|several)\s+days
              |(?<![\w-])within\s+(?:a|one)\s+week(?=\s*,)
              |(?<![\w-])(?:in|during|over)\s+the\s+days\s+(?:that\s+)?(?:followed|after(?:wards)?)(?![\w-])
              |(?<![\w-])(?:(?:over|during|in|throughout)\s+)?(?:(?:the\s+)?course\s+of\s+)?the\s+(?:next|following|subsequent)\s+days
              |(?<![\w-])after\s+(?:a\s+few|several|some)\s+days\s+of\s+(?:[a-z-]+\s+){{0,2}}?
                  (?:fighting|clashes|battle|combat|siege|bombardment|shelling)(?=\s*,))
    | (?P<monthslater>(?P<n4>a|one|two|three|four|five|six)\s+months?\s+(?:later|afterwards?))
    | (?P<monthsspan>(?<![\w-])(?:for|over|during|in|throughout)\s+the\s+(?:next|following|coming|subsequent)\s+
              (?:few\s+|several\s+|two\s+|three\s+|four\s+|five\s+|six\s+)?months(?![\w-]))
    | (?P<atend>(?<=[Bb]y\s)(?:this|that)\s+(?:point|time)|(?<=[Bb]y\s)then)
    | (?P<samemonth>(?:later|earlier)\s+(?:that|the\s+same)\s+month|(?:that|the)\s+same\s+month(?!\s+as\b)
              |(?<![\w-])mid-month(?![\w-])|(?<![\w-])(?:early|late)\s+in\s+the\s+month(?![\w-])
              |(?<![\w-])(?:early|late|mid|in\s+the\s+middle\s+of|at\s+the\s+(?:end|start|beginning)\s+of
                 |towards?\s+the\s+end\s+of|by\s+the\s+end\s+of)\s+(?:that|the)\s+month(?![\w-]))
    | (?P<nextmonth>the\s+(?:following|next)\s+month)
    | (?P<dom>(?<=[Oo]n\s)the\s+(?P<domn>\d{{1,2}})(?:st|nd|rd|th)(?![\w-])(?!\s+(?:of\s+)?(?:{_MONTH_FULL}|{_MONTH_ABBR})\b))
    | (?P<sameyear>(?:later|earlier)\s+(?:that|the\s+same)\s+year|(?:that|the)\s+same\s+year(?!\s+as\b)
              |(?<![\w-])(?:later|earlier|early|late)\s+in\s+the\s+year(?![\w-]))
    | (?P<nextyear>the\s+(?:following|next)\s+year)
    | (?P<prevyear>(?<![\w-])(?:during|in|throughout)\s+the\s+(?:previous|preceding|prior)\s+year(?![\w-]))
    | (?P<spanback>(?<![\w-])(?:over|during|in|within|throughout)\s+the\s+(?:previous|preceding|past|last)\s+
              (?P<n7>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|{_TEENS})\s+(?P<unit7>days|weeks)(?![\w-]))
    )\b
    """,
    re.I | re.X,
)
# speed only: every alternative starts with a word character (the ``(?=\w)``), and the same pattern
# runs case-sensitively over the lowercased sentence (``prefilter.lowercase_twin``)
_ANA_LOWER = lowercase_twin(_ANA_RE)
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                 "eighteen": 18, "nineteen": 19, "twenty": 20}

# What stands right before a date: (modifier) (preposition) (qualifier) (article), read backwards
# from the date by anchoring at the end of a short window. (Speed only: a match is empty or starts
# with a letter, and holds only letters, spaces, commas and dashes: ``_apply_prefix`` starts the
# search after the window's last other character, and the look-ahead skips other positions.)
_PREFIX_RE = re.compile(
    r"""
    (?=[^\W\d_]|$)
    (?<![^\W\d_])  # at the start of a word: "Mizella the next day" has no article "a"
    (?P<mod>\b(?:at\s+least|already|only|even|as\s+early\s+as|as\s+late\s+as|some\s*time)\s+)?
    (?P<prep>\b(?:on\s+or\s+(?:around|about)|in\s+(?:the\s+)?course\s+of|on|in|at|by|since|from|during|as\s+of|until|till|to|towards?|through|throughout|before
               |after|of|between|for|around|about|circa|effective|starting|beginning|prior\s+to
               |ahead\s+of|following|and|or|than|into|within|over)\s+)?
    (?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?
    (?P<qual>(?:the\s+)?(?:very\s+)?(?P<qw>end|beginning|start|middle)\s+of\s+
            |(?:the\s+)?(?P<qf>first|last|final)\s+(?:few\s+)?(?:days|weeks?|weekends?)\s+of\s+
            |(?:the\s+)?(?P<qn>second|third|fourth)\s+(?:week|weekend)\s+of\s+
            |(?:the\s+)?(?P<qd>first|last|final)\s+day\s+of\s+
            |(?:the\s+)?(?P<qq>first|second|third|fourth|last|final)\s+quarter\s+of\s+
            |(?:the\s+)?(?P<qh>first|second|latter)\s+half\s+of\s+
            |(?P<qr>early|mid|late)\s+to\s+(?:early|mid|late)(?:\s*[-–]\s*|\s+)
            |(?P<qtod>(?:early|late)\s+on\s+|(?:the\s+)?(?:(?:early|late|small)\s+)?(?:(?:morning|afternoon|evening|night)(?:\s+hours)?|hours|dawn|weekend)\s+of\s+)
            |(?P<qs>(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?)?
                  (?:(?:early|mid|late)(?:\s*[-–]\s*|\s+))?
                  (?:(?:spring|summer|fall|autumn|winter)\s+(?:and|or|to)\s+(?:the\s+)?(?:(?:early|mid|late)(?:\s*[-–]\s*|\s+))?)?
                  (?P<season>spring|summer|fall|autumn|winter)(?:\s+of)?\s+)
            |(?P<qa>early|mid|middle|late)(?:\s*[-–]\s*|\s+))?
    (?P<wd2>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?  # "the early hours of Wednesday 21 August"
    (?P<art>(?:the|a|an)\s+)?
    $""",
    re.I | re.X,
)
# the same, run case-sensitively over the lowercased sentence (``prefilter.lowercase_twin``; speed
# only: ``_apply_prefix`` reads the groups' text lowercased and their spans, both the same)
_PREFIX_LOWER = lowercase_twin(_PREFIX_RE)
_PREFIX_WINDOW = 64
# up to the last character of a window that no prefix holds (not a letter, space, comma or dash)
_BEFORE_PREFIX_RE = re.compile(r"(?s:.*)(?:[^\w\s,\-–]|[\d_])")
_ONLY_COMMAS_RE = re.compile(r"[\s,]*")

_QUAL_NORMAL = {"early": "early", "beginning": "early", "start": "early", "mid": "mid",
                "middle": "mid", "late": "late", "end": "end",
                "first": "early", "last": "late", "final": "late"}  # "the first days of September"
# "the second week of March" (early), "the third week of March" (mid), "the fourth week" (late)
_WEEK_QUAL = {"second": "early", "third": "mid", "fourth": "late"}
# "the first quarter of 2019" (early), the second and third (mid), "the last quarter" (late)
_QUARTER_QUAL = {"first": "early", "second": "mid", "third": "mid", "fourth": "late", "last": "late", "final": "late"}

# Between two date cores of one phrase: "17 September and 13 October", "December 2015 – February".
_GAP_RE = re.compile(
    r"""\s*(?:(?P<dash>[–—-])|(?P<word>to|until|till|through|and|or)\s|,\s*(?P<word2>to|until|till|through)\s
        |(?P<comma>[,;])(?:\s*(?:and|or)\s)?)\s*
    (?:(?:on|in)\s+)?
    (?P<qual>(?:the\s+)?(?P<qw>end|beginning|start|middle)\s+of\s+|(?P<qa>early|mid|late)(?:\s*[-–]\s*|\s+))?$""",
    re.I | re.X,
)

# list bullets, then the emphasis that opens a bold or italic date label ("**3 January 2018** – ...")
_BULLETS_RE = re.compile(r"^\s*(?:(?:[*•·+>\-–—]|\d{1,3}[.)])\s+)*(?:(?:\*{1,3}|_{1,3})(?=[\dA-Z]))?")
_CONNECTIVE_RE = re.compile(
    r"(?:However|Nevertheless|Nonetheless|Meanwhile|Namely|Then|Later|Subsequently|Finally|Also"
    r"|Additionally|Furthermore|Moreover|Officially|Overall|Separately|Similarly|Again|Initially"
    r"|Eventually|Thus|Still|Instead|Previously|Afterwards|Thereafter|Consequently|Accordingly"
    r"|But|And|So|Yet|Notably|Reportedly"
    # "Soon after, ...", "Soon after by December 12, ...": a time after the previous statement,
    # not a subordinate clause (that has its own object: "Soon after the attack, ...")
    r"|(?:Soon|Shortly)\s+(?:after(?:wards)?|thereafter)(?=\s*,|\s+(?:on|in|by)\s+(?:\d|[A-Z])))\b\s*,?\s*"
)
_INTRO_RE = re.compile(
    r"(?:According\s+to\s+[^,;()]{1,150}|[A-Z][^\s,;()]*(?:\s+[^\s,;()]+){0,3}),\s*"
)
# "After midnight on 7 July", "Before dawn on 3 May": a time of day, not another happening
_TIME_OF_DAY_AFTER = r"(?!\s+(?:midnight|dawn|daybreak|sunrise|sunset|dusk|nightfall|noon|midday)\b)"
_SUBORDINATE_RE = re.compile(
    rf"(?:(?:After|Before){_TIME_OF_DAY_AFTER}|Following|Prior\s+to|In\s+response\s+to|In\s+the\s+wake\s+of|Amid|Amidst"
    r"|Despite|While|Whilst|Although|Though|When|Whereas|Until|Unlike|Because|Since|As|If|Once"
    rf"|Shortly\s+(?:after|before){_TIME_OF_DAY_AFTER}|Ahead\s+of"
    # a fronted gerund clause of method: "Through comparing ... the weather on 3 January ..., the
    # Archive was able to confirm": its date is what was compared, not the sentence's happening
    r"|(?:Through|By|Upon|In)\s+(?!(?:morning|evening|spring|beginning|during|ending)\b)[a-z]{3,}ing)\b"
)
# the fronted clauses among those that tell what went on at the time of the main clause
_SIMULTANEOUS_RE = re.compile(r"(?:While|Whilst|When|As(?!\s+(?:of|part|well|a\s+result|such)\b))\b")
# Words that, earlier in the same clause, make a later date describe another event.
_RELATIVE_RE = re.compile(
    # "captured the hill after intense clashes with ISIL on 8 September": the fighting that ends
    # in the happening is not another event
    rf"\b(?:(?:before|(?:after|(?<!the\s)following)(?!\s+(?:(?:heavy|intense|fierce|violent|brief|short|a|an)\s+)*"
    r"(?:clashes|fighting|battles?|counter-?attacks?|firefights?|skirmish(?:es)?)\b))"
    rf"(?!\s+(?:this|that)(?:\s+(?:on|in)\b|\s*$)){_TIME_OF_DAY_AFTER}"
    r"|afterwards|prior\s+to"
    r"|ahead\s+of|since|until|till"
    r"|in\s+the\s+wake\s+of|in\s+response\s+to|amid|amidst|compared\s+(?:to|with)|than"
    # an intended or expected happening: "... with the purpose of taking control of the city by 15
    # October", "in order to reach the town by 5 May", "an attack expected the next day"
    r"|in\s+order\s+to|with\s+the\s+(?:purpose|aim|goal|intention)\s+of|aim(?:ed|ing|s)?\s+(?:to|at)"
    r"|intend(?:ed|ing|s)?\s+to|plan(?:ned|ning|s)?\s+to|hop(?:ed|ing)\s+to|seek(?:ing|s)?\s+to"
    # a happening arranged for a day: "a summit was scheduled to occur in February 2020", "the
    # talks were due to take place on 3 March", "the truce was set to begin on 12 September"
    r"|scheduled\s+(?:to|for)|(?:is|are|was|were)\s+(?:due|set)\s+to"
    r"|(?<!\bas\s)expected)\b",
    re.I,
)  # "Three days following this on 18 November": "this" is the previous statement, the date its own
_RELATIVE_RE = starting(_RELATIVE_RE)  # speed only, same matches (prefilter.starting)
# a relative clause that dates the noun it follows: "one incident which occurred on", "an attack
# that took place on"
# (or was attacked: "The hospital, which was targeted on 3 May 2017, served 50,000 people": the
# attack on it is the only happening the sentence dates)
_OCCURRED_RE = re.compile(
    r"\b(?:(?:which|that)\s+(?:had\s+)?(?:(?:reportedly|allegedly)\s+)?(?:occurred|took\s+place|happened"
    r"|(?:was|were|had\s+been)\s+(?:(?:reportedly|allegedly|also|again|first|previously)\s+)?"
    r"(?:attacked|targeted|hit|struck|bombed|shelled|destroyed|damaged))"
    # a person the relative clause tells a happening of: "a local commander, who was arrested by
    # ISIL around 8 January on charges ...", "his deputy, who was killed on 3 May"
    r"|who\s+(?:was|were|had\s+been)\s+(?:(?:reportedly|allegedly|later|also)\s+)?(?:killed|arrested|captured"
    r"|executed|assassinated|detained|kidnapped|abducted|wounded|injured))"
    r"(?:\s+(?:by|with)\s+[^,;()]{1,40}?)?\s+(?:(?:on|in)\s+)?$",
    re.I)
# a place named right before a full date without a preposition: "in Saraqib January 29th 2018"
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|near)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*$")
_CLAUSE_BREAK_RE = re.compile(r"[,;:(\[\"“”]")
_WITH_ABSOLUTE_RE = re.compile(r"\s*with\s+(?:[\w'’.-]+\s+){1,8}?[a-z]+ing\b", re.I)
_CLAUSE_INITIAL_RE = re.compile(r"(?:\bthat\s*[:,]?|[“\"‘«;])\s*$")
_APPOSITIVE_BEFORE_RE = re.compile(r",\s*$")
_APPOSITIVE_AFTER_RE = re.compile(r"\s*,")
_COORD_BEFORE_RE = re.compile(
    r"(?:;\s*(?:and\s+|but\s+|while\s+)?|,\s*(?:and|while|but)\s+|\band\s+then\s+)$", re.I)
_COORD_AFTER_RE = re.compile(r"(?:\s*,|\s+(?:the|a|an|it|its|they|he|she|[A-Z]))")
_NEW_PREDICATE_RE = re.compile(
    # ", and the Syrian Army regained ...": after a comma, a short subject may stand before the verb
    # (", but ISIL once again recaptured ...", "... on 1 September but ISIL regained ...")
    r"(?:;|(?:,\s+(?:and|but)|\s+but)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}"
    r"(?:(?:once\s+)?again\s+|also\s+|then\s+|later\s+|soon\s+|quickly\s+|eventually\s+|subsequently\s+)?"
    r"(?=(?:[a-z]+ed|began|took|fell|won|lost|retook|overran|withdrew|seized)\b)"
    r"|,?\s+(?:and|but)\s+(?:then\s+|also\s+|later\s+|subsequently\s+|eventually\s+|finally\s+)?"
    r"(?:again\b|(?:[a-z]+ed|began|took|fell|came|went|met|won|lost|made|left|led|held|struck|shot|hit"
    r"|fought|withdrew|broke|overran|retook|sent|drove|flew|ran|rose|gave|saw|said|told|blew|brought"
    r"|caught|kept|spent|built|set|put|cut|shut)\b))")
# "..., capturing the Jirah Airbase late on 12 May": a participle clause after a comma, with a day
# of its own, states a second happening (not "including", "according to", "following", nor
# "starting with an attack on 2 October", a member of a set the sentence counts)
_PARTICIPLE_CLAUSE_RE = re.compile(
    r",\s+(?:then\s+|thus\s+|later\s+|eventually\s+|finally\s+|subsequently\s+)?"
    r"(?!(?:including|according|during|following|regarding|concerning|excluding|pending|"
    r"considering|notwithstanding|citing|saying|claiming|adding|noting|stating|reporting|"
    r"describing|calling|accusing|referring|marking|bringing|raising|leaving|making|being|having|"
    r"starting|beginning|ending|continuing|lasting|spanning)\b)"
    r"[a-z]{3,}ing\b(?:\s+[\w'’-]+){1,8}\s*$")
# a comma splice: "X captured Y, the next day, Z captured W" (a full first clause, a comma, the
# date adverbial and a comma, then the second clause with its own subject)
_SPLICE_BEFORE_RE = re.compile(r",\s*$")
# a list of places each with its day: "bombings occurred in Jarablus on 7 July (seven wounded),
# al-Bab on 8 July (several killed), ...": between two days, a closing note in brackets, a comma
# and the next place's name (capitalised words and article particles)
_NAMED_PLACE = r"(?:(?:al|el|as|ash|ad|ar|an|at|az)-)?[A-Z][\w'’]*(?:[\s-](?:(?:al|el|as|ash|ad|ar|an|at|az)-)?[A-Z][\w'’]*){0,3}"
# "in Jarablus on 7 July, al-Bab on 8 July", "the attacks on Khan Shaykhun on 4 April 2017 and on
# Douma on 7 April 2018", "hit Khan Shaykhun on 4 April 2017 and Douma on 7 April 2018": places
# listed each with its day (a place where, or a place struck: "on", after a verb of striking)
_LISTED_PLACE_DAY_RE = re.compile(
    r"\s*(?:\([^()]{0,80}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:in|at|near|on)\s+)?" + _NAMED_PLACE + r"\s+")
_PLACE_BEFORE_DAY_RE = re.compile(
    r"\b(?:in|at|near|(?:attacks?|strikes?|airstrikes?|raids?|bombings?|shelling)\s+on"
    r"|hit|struck|targeted|bombed|shelled)\s+" + _NAMED_PLACE + r"\s+$")
_SPLICE_AFTER_RE = re.compile(r"\s*,\s+(?:the\s+|a\s+|an\s+|it\s+|its\s+|they\s+|he\s+|she\s+|[A-Z])")
_FINITE_PAST_RE = re.compile(
    r"\b(?:[a-z]{2,}ed|began|took|fell|came|went|met|won|lost|made|left|led|held|struck|shot|hit"
    r"|fought|withdrew|broke|overran|retook|sent|drove|flew|ran|seized|captured)\b")
# "..., as well as an attack", "and the third incident", "and another strike": a coordinated
# noun phrase (up to three words after its determiner) that may name a happening of its own.
# (a comma alone too: "the attack on X on 4 April, the attack on Y on 7 April and ...")
_COORD_EVENT_NP_RE = re.compile(
    r"(?:,\s*(?:(?:and|as\s+well\s+as|while)\s+)?|\s(?:and|as\s+well\s+as|while)\s+)(?:in\s+)?(?:the|a|an|another)\s+"
    r"((?:[\w-]+\s+){0,2}[\w-]+)", re.I)
# "until" opening a clause of its own that tells a happening: "The group operated in X until the local
# administration banned it in December 2015" (the ban is the happening the date is of; a state lasted
# until it)
_UNTIL_REPORT_RE = re.compile(r"\b(?:reports?|articles?|investigations?|stud(?:y|ies)|documentar(?:y|ies))\b", re.I)
_UNTIL_CLAUSE_RE = re.compile(
    r"\b(?:until|till)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|it\s+|they\s+|he\s+|she\s+|[A-Z])", re.I)
# "until" naming the happening that ended a role or a state: "led by X until his death on 16 March
# 2017", "until their capture in May", "until being extracted by US special forces in April", "until
# he was replaced by Y around 31 December": the
# date is that happening's (a death, a capture, a removal), the only one the clause tells
_UNTIL_HAPPENING_NOUN_RE = re.compile(
    r"\b(?:until|till)\s+(?:(?:his|her|their|its)\s+(?:(?:own|eventual|later|reported|alleged)\s+)?"
    r"(?:death|killing|assassination|execution|capture|arrest|detention|abduction|kidnapping|dismissal"
    r"|resignation|removal|replacement|defection|surrender|release|extraction|withdrawal)"
    r"|being\s+(?:\w+ly\s+)?[a-z]{3,}ed\b"
    # a person's removal: "led by X until he was replaced by Y around 31 December"
    r"|(?:he|she)\s+was\s+(?:killed|replaced|dismissed|removed|arrested|captured|executed|assassinated)\b)", re.I)


def _until_happening(clause: str) -> bool:
    """Whether the only word of ``clause`` that would put a later date after another event is an
    "until" opening a finite clause (subject and past verb) whose happening that date dates."""
    last = None
    for last in _RELATIVE_RE.finditer(clause):  # noqa: B007 -- keeps the last match
        pass
    if last is None or last.group(0).lower() not in ("until", "till"):
        return False
    if any(m.group(0).lower() not in ("until", "till") for m in _RELATIVE_RE.finditer(clause)):
        return False
    if _UNTIL_REPORT_RE.search(clause, last.end()):
        return False  # "until a New York Times report exposed it in November 2021": a publication
    if _UNTIL_HAPPENING_NOUN_RE.match(clause, last.start()) is not None and _MODAL_RE.search(clause, last.end()) is None:
        return True  # "led by X until his death on 16 March 2017"
    return (_UNTIL_CLAUSE_RE.match(clause, last.start()) is not None
            and _FINITE_PAST_RE.search(clause, last.end()) is not None
            and _MODAL_RE.search(clause, last.end()) is None)


# a happening to come: "would take place from 1 September", "will continue throughout 2019"
_MODAL_RE = re.compile(r"\b(?:would|will|shall|scheduled|planned|due\s+to|set\s+to|(?:is|are|was|were)\s+to)\b", re.I)
# a gapped coordinate: "..., and another 13 villages to the southwest ... between 21 and 24 January"
_GAPPED_COUNT_RE = re.compile(
    r"(?:,\s*|\s)and\s+(?:then\s+)?(?:another|a\s+further)\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|dozens|several|a\s+dozen)\s+[a-z]", re.I)
# a sentence opening in a named operation with its period in brackets: "During the Quneitra
# offensive (June 2015), ..."
_OPERATION_LEAD_RE = re.compile(
    r"(?:During|In|Throughout)\s+the\s+(?:[A-Z][\w'’-]*\s+){1,4}"
    r"(?:offensive|battle|siege|campaign|operation|clashes|assault|conflict)\s*\(")
# taking part in a named operation with its period in brackets: "Hezbollah played a significant role
# in the Daraa offensive (February–June 2017)", "the brigade took part in the Battle of X (2016)"
_PARTICIPATION_RE = re.compile(
    r"\b(?:participated|took\s+part|fought|played\s+an?\s+(?:[a-z]+\s+){0,2}role)\s+in\s+the\s+"
    r"(?:(?:[A-Z][\w'’-]*\s+){1,4}(?:offensive|battle|siege|campaign|operation|clashes|assault|conflict)"
    r"|(?:Battle|Siege)\s+of\s+(?:[\w'’-]+\s+){1,3})\s*\(")


def takes_part_in_operation(sentence: str, d: StatedDate) -> bool:
    """Whether ``d`` is the bracketed period of a named operation the sentence's subject took part
    in ("played a significant role in the Daraa offensive (February–June 2017), with several
    casualties"): when it took part, not a span over which something was counted."""
    m = _PARTICIPATION_RE.search(sentence, 0, d.start + 1)
    return m is not None and not sentence[m.end():d.start].strip()


# Without a period to fit, a yearless day this long before the previous statement's is next year's.
BACKWARD_TOLERANCE = dt.timedelta(days=60)
# An "Aftermath" section's yearless days may fall this long before the document's period ends.
AFTERMATH_OVERLAP = dt.timedelta(days=31)
# A heading for what happened after the document's period ("Aftermath", "Subsequent events").
_AFTERMATH_RE = re.compile(r"\b(?:aftermath|subsequent\s+events|later\s+events|afterwards)\b", re.I)
_HAVING_RE = re.compile(r"\s*having\b", re.I)  # ", having lifted the siege in October 2013,"
_REL_PRONOUN_RE = re.compile(r"\s*(?:which|who|whom|whose|where)\b", re.I)
# the participle of an appositive telling an entity's origin: ", formed in 2012,", ", founded by
# defectors in March 2013,", ", originally built in 2010," (DateResolver._in_origin_appositive)
_ORIGIN_PARTICIPLE_RE = re.compile(
    r"\s*(?:(?:originally|first|initially|officially|formally|jointly|reportedly)\s+)?"
    r"(?:formed|founded|co-founded|established|created|set\s+up|built|constructed|born|raised|organi[sz]ed)"
    r"(?:\s+(?:by|as)\s+[^,;()]{1,40}?)?\s*", re.I)
_REL_PRONOUN_INNER_RE = re.compile(r"\b(?:which|whom|whose)\b|\bthat\s+(?:had|was|were)\b", re.I)
# The main clause's verb after a restrictive relative clause without commas ("A stalemate that had been in place
# for four years finally ended in July 2016", "The siege that had lasted three years ended in May"): a verb in the
# past tense past the relative clause's own verb, not after an auxiliary, a conjunction, a relative pronoun, "by"
# or a determiner (a participle there is the relative clause's own or an adjective)
_PAST_IRREGULAR = frozenset("began fell took won lost broke came became ended".split())
_NOT_BEFORE_MAIN_VERB = frozenset("had has have was were been be being is are and or by who which that whom whose the a an "
                                  "its their his her of to not".split())


def _main_verb_after(relative: str) -> bool:
    """Whether the text after "that had / was / were" reaches a main clause's verb (see above)."""
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", relative)
    for i in range(1, len(words)):
        w = words[i]
        if "-" in w or not (w in _PAST_IRREGULAR or re.fullmatch(r"[a-z]{3,}ed", w)):
            continue
        if words[i - 1].lower() not in _NOT_BEFORE_MAIN_VERB:
            return True
    return False
# A label before a list item's statement: an image's file name, a flag, a short name and a colon
# or dash ("Flag of Russia.svg", "🇷🇺 Russia:", "Syria –", "United States:").
_LABEL_RE = re.compile(
    r"(?:[^\s:]+(?:\s+[^\s:]+){0,7}?\.(?i:svg|png|jpe?g|gif|webm|ogg|ogv|tiff?)\b\s*"
    r"|[\U0001F1E6-\U0001F1FF]{2}\s*"
    r"|!\[[^\]]*\]\([^)]*\)\s*)+"
    r"(?:[A-Z][\w.'-]*(?:\s+[\w.'()-]+){0,4}?\s*(?::|\s[–-])\s+)?"
    # "Khan Shaykhun, Idlib – 4 April 2017 – ...": a place with its governorate
    r"|[A-Z][\w.'-]*(?:\s+[\w.'()#-]+){0,4}?(?:,\s+[A-Z][\w.'-]*(?:\s+[\w.'()-]+){0,2}?)?\s*(?::|\s[–-])\s+")
_CLOSING_PAREN_RE = re.compile(r"\s*[)\]]\s*[.;]?\s*(?:\*\*|__)?\s*")
# a list item's short label and an opening bracket: "Saraqib (", "**Incident 2 (Kafr Zita)** ["
_PAREN_LABEL_RE = re.compile(
    r"^\s*(?:(?:[*•·+>\-–—]|\d{1,3}[.)])\s+)*(?:\*\*|__)?[A-Z][^()\[\]:;.,]{0,50}?(?:,\s*[A-Z][^()\[\]:;.,]{0,30}?)?"
    r"(?:\s*\([^()]{1,30}\))?(?:\*\*|__)?\s*[(\[]")
# the bracket closing that date, then a colon or a dash: "): ", "] – "
# (not a quoted title: "Atlantic Council (Feb. 2017): \"Breaking Aleppo\"" cites a report)
_PAREN_LABEL_CLOSE_RE = re.compile(r"\s*[)\]]\s*(?:\*\*|__)?\s*(?::|[–—-])\s+(?![\"“'‘\[]|\*+[\"“])")
_LABEL_AFTER_RE = re.compile(r"\s*(?:\*{1,3}|_{1,3})?\s*(?::|[–-])(?:\*{1,3}|_{1,3})?\s+")
# what an entry of attacked places names: "Shifa hospital (Ariha), 06/02/2018"
_TARGET_NOUNS = frozenset({
    "hospital", "hospitals", "clinic", "clinics", "medical", "health", "ambulance", "school", "schools",
    "market", "markets", "bakery", "bakeries", "mosque", "mosques", "church", "shelter", "camp",
    "station", "neighbourhood", "neighborhood", "village", "town", "city", "building", "facility",
    "centre", "center", "convoy", "bridge", "dam", "university", "house", "houses", "home", "homes",
})
# who wrote a cited work: "Human Rights Watch, Hospitals under attack, 6 February 2018"
_AUTHOR_RE = re.compile(
    r"\b(?:Watch|Amnesty|International|Council|Commission|Ministry|Network|Organi[sz]ation|Campaign"
    r"|Committee|Agency|Observatory|Institute|Foundation|Times|Post|Guardian|Reuters|News)\b")
# what brackets after an item say befell it: "(attacked on ", "(hit ", "(targeted again in "
_ATTACKED_IN_BRACKETS_RE = re.compile(
    r"[(\[]\s*(?:(?:was|were)\s+)?(?:attacked|targeted|hit|struck|bombed|shelled|destroyed|damaged|bombarded"
    r"|raided)(?:\s+(?:again|twice|once|first|also|repeatedly|by\s+[^,;()]{1,30}?))?\s*(?:on|in)?$", re.I)
# a participle of an attack right before a bare day: "Al-Salaam hospital, attacked 3 January 2018"
_ATTACKED_BARE_RE = re.compile(
    r"\b(?:attacked|targeted|hit|struck|bombed|shelled|bombarded|raided)(?:\s+(?:again|twice|once|also))?\s+$", re.I)
# the clause of a bracket before its date when it tells what befell the person named before it:
# "killed", "reported killed by an airstrike", "both deserted to Jabhat Fateh al-Sham", "all killed"
_BRACKETED_HAPPENING_RE = re.compile(
    r"\s*(?:(?:all|both|each|later|reportedly|reported|allegedly|was|were|being|been)\s+)*"
    r"(?:killed|died|executed|assassinated|captured|arrested|detained|kidnapped|abducted|wounded|injured"
    r"|deserted|defected|surrendered|released|replaced|dismissed|resigned)\b[^()\[\],;]{0,60}?\s*", re.I)
# between two bracketed days of a list of places: ") and Douma (", "), the Rahmeh hospital ("
_LISTED_PLACE_GAP_RE = re.compile(
    r"\s*\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:the|a|an)\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,5}\s*\(\s*")
# a happening named with its date after "of": "the chemical attack of 21 August 2013", "the
# attack on Douma of 7 April 2018", "the massacre of 25 May 2012"
_EVENT_OF_BEFORE_RE = re.compile(
    r"\b(?:attacks?|strikes?|airstrikes?|air\s+strikes?|air\s+raids?|massacres?|bombings?|bombardments?|raids?"
    r"|shelling|explosions?|assault|ambush)(?:\s+(?:on|in|against)\s+[^,;()]{1,40}?)?\s*$", re.I)  # before "of"
# a day closing a short entry: "Shifa hospital (Ariha), 06/02/2018" (see _closing_entry_date)
_ENTRY_SEPARATOR_RE = re.compile(r"\w[)\]*_]*\s*(?:,|:|\s[–—-])\s*$")
_ENTRY_END_RE = re.compile(r"\s*(?:\*\*|__)?\s*[.;]?\s*")
_NOT_AN_ENTRY_RE = re.compile(
    r"[\"“”‘’']|\b(?:reports?|article|statement|press\s+release|publication|study|paper|letter|videos?|photos?"
    r"|images?|footage|screen\s*shots?|stills?|maps?|tweets?|posts?|sources?|updated|accessed|retrieved"
    r"|published|posted|uploaded|captured|taken|filmed|recorded)\b", re.I)
_NOT_AN_ENTRY_RE = starting(_NOT_AN_ENTRY_RE)  # speed only, same matches (prefilter.starting)
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z][A-Za-z'-]*)(?:\s+([A-Za-z][A-Za-z'-]*))?")
_TRIGGER_RE = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|(?i:\b(?:day|days|week|weeks|month|months|year|morning"
    r"|afternoon|evening|night|overnight|point|time|then|meanwhile|meantime|period|aftermath|fortnight|nightfall"
    r"|dusk|sunset)\b)")
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_TRIGGER_RE = starting(_TRIGGER_RE)
_LOOSE_OPENING_RE = re.compile(r"\s*(?:[*•·>\-–—]\s*)?(?:(?:However|But|And|Then|Also|Later),?\s+)?")
_ANA_TRIGGER_RE = re.compile(r"day|week|month|year|morning|afternoon|evening|night|by th|time|meanwhile|meantime|period|aftermath"
                             r"|fortnight|dusk|sunset"
                             r"|\d(?:st|nd|rd|th)\b")

# anaphors that count back from the date a sentence states (``DateResolver._counted_back``)
_COUNTED_BACK = frozenset({"earlier", "prev", "prevyear", "spanback"})
_QUOTE_CHARS_RE = re.compile(r'["“”]')
# a relative word between a report's date and a backward anaphor; "that" only when no verb of
# reporting stands right before it ("reported that" is a complementiser)
_RELATIVE_WORD_RE = re.compile(r"\b(?:which|who|whom|whose|where|that)\b", re.I)
_REPORT_THAT_RE = re.compile(
    r"\b(?:reported|said|says|announced|confirmed|stated|claimed|revealed|alleged|added|told\s+\w+)\s+that$", re.I)
# a word of reporting: what follows was reported at the stated date and may have happened before it
_REPORT_CUE_RE = re.compile(
    r"\b(?:according\s+to|reported(?:ly)?|reports?|said|says|announced|confirmed|stated|claimed|revealed"
    r"|(?:was|were)\s+(?:\w+ly\s+)?(?:said|reported|announced|confirmed|believed))\b", re.I)
_LEAD_PREPS = frozenset({None, "on", "in", "at", "by", "since", "from", "during", "as of",
                         "between", "throughout", "starting", "beginning", "towards", "toward",
                         "around", "about", "circa", "on or around", "on or about",
                         "over"})  # "Over 12–13 May, ...": the days the sentence's happening took
_CONTINUED_INTO_RE = re.compile(
    r"\b(?:continued|lasted|went\s+on|dragged\s+on|persisted|extended|stretched)\s+(?:well\s+|far\s+|deep\s+)?$", re.I)
# "into" etc. are not; "throughout 12 February": the day the happening filled
_MENTION_PREPS = frozenset({"on", "in", "at", "by", "during", "between", "towards", "toward", "throughout"})
# an approximate day or month inside the sentence ("arrested around 8 January", "deserted on or
# about 7 December"): the happening's date as the writer knew it (a year is left out: "around
# 2012" tells a period, not a happening's date)
_APPROXIMATE_PREPS = frozenset({"around", "circa", "on or around", "on or about"})
# the months of a season that lies within one year (a winter spans two)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
_NON_PLURAL_S = frozenset({"was", "has", "this", "thus", "its", "is", "as", "his", "perhaps",
                           "always", "across", "towards", "whereas", "unless", "besides",
                           "afterwards", "onwards", "alongside", "various", "previous",
                           "serious", "numerous", "famous", "news", "status", "us"})
_COUNT_NOUNS = frozenset({"people", "men", "women", "children", "personnel", "aircraft", "feet",
                          "km", "kg", "tonnes", "tons", "miles", "metres", "meters", "civilians",
                          "troops", "soldiers", "fighters", "militants", "strikes", "sorties"})
_EVENT_NOUNS = frozenset({
    "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "bombing", "bombings",
    "raid", "raids", "massacre", "offensive", "shelling", "shootdown", "explosion", "assault",
    "clash", "clashes", "incident", "ceasefire", "cease-fire", "truce", "agreement", "deal",
    "summit", "meeting", "talks", "visit", "vote", "election", "elections", "announcement",
    "operation", "crash", "downing", "ambush", "battle", "protest", "protests", "coup", "treaty",
    "veto", "speech", "interview", "withdrawal", "deployment", "invasion", "intervention",
    "campaign", "escalation", "decision", "resolution", "bombardment", "shooting", "killing",
    "killings", "uprising", "landing", "evacuation",
})
# "the Khan Shaykhun chemical attack (", "the Hama offensive [": a happening named with its
# article, right before the brackets that hold its date
_NAMED_HAPPENING_RE = re.compile(
    r"\bthe\s+(?:[\w'’-]+\s+){0,5}?(?:" + "|".join(sorted(_EVENT_NOUNS, key=lambda w: (-len(w), w)))
    + r")\s*[(\[]\s*$", re.I)
# Days whose bare "the <day> <event>" names one famous event, whatever year the context has.
_NAMED_DAYS = frozenset({(9, 11)})
_AIR_NOUNS = frozenset({"strike", "strikes", "raid", "raids", "attack", "attacks"})
_ORDINAL_NOUNS = frozenset({"second", "third", "fourth", "fifth", "sixth", "latter", "last", "other"})
# A date that names a document: "In February 2017 UN OHCHR report on Aleppo, ...", "the February
# OHCHR report", "a March 2017 Human Rights Watch study": the date, then at most four capitalised
# words (the publisher's name), then a report noun. It is the publication's date, not a happening's.
_DOCUMENT_NOUN_AFTER_RE = re.compile(
    r"\s+(?:(?:[A-Z][\w'’.&-]*|of|for|on|the)\s+){0,4}?"
    r"(?:reports?|stud(?:y|ies)|findings|investigations?|inquiry|analys[ie]s|articles?|papers?"
    r"|publications?|press\s+releases?|surveys?|assessments?|dossiers?|bulletins?|briefings?"
    r"|books?|documentar(?:y|ies)|updates?|reviews?|polls?)\b")


@dataclass
class _Core:
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None  # "2015–16"
    day2: int | None = None  # "5–6 May", "5 and 7 October"
    qual: str | None = None
    qstart: int = -1  # where the date words begin (qualifier included)
    season: str | None = None  # "in the early fall of 2014", "during the winter of 2015-16"


@dataclass
class _Phrase:

    pstart: int  # start of the whole prefix (modifier/preposition/qualifier/article)
    tstart: int  # start of the date words (prefix words that are part of the date included)
    end: int
    prep: str | None = None
    art: str | None = None
    tod: bool = False
    cores: list[_Core] = field(default_factory=list)
    link: str = "single"  # "single" | "range" | "coord"
    ana: str | None = None  # anaphor kind
    ana_n: int = 0
    in_paren: bool = False

    def pend_before(self, other: _Phrase) -> bool:
        return self.end <= other.pstart


def _month_of(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _core_from_match(m: re.Match) -> _Core:
    g = m.groupdict()
    c = _Core(m.start(), m.end())
    if g["iso"]:
        c.year, c.month, c.day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["num"]:
        # "29/01/2018", "22-04-2017": day first, as Syrian and most non-US sources write it; month
        # first only when the second number cannot be a month ("04/22/2017")
        a, b = int(g["na"]), int(g["nb"])
        c.year, c.day, c.month = int(g["ny"]), *((a, b) if b <= 12 else (b, a))
    elif g["d0"]:
        c.day, c.day2, c.month = int(g["d0"]), int(g["d0b"]), _month_of(g["m0"])
        c.year = int(g["y0"]) if g["y0"] else None
    elif g["d1"]:
        c.day, c.month = int(g["d1"]), _month_of(g["m1"])
        c.year = int(g["y1"]) if g["y1"] else None
    elif g["m2"]:
        c.day, c.month = int(g["d2"]), _month_of(g["m2"])
        c.year = int(g["y2"]) if g["y2"] else None
    elif g["m3"]:
        c.month, c.year = _month_of(g["m3"]), int(g["y3"])
    elif g["y4"]:
        c.year = int(g["y4"])
        if g["y4b"]:
            b = g["y4b"]
            c.year2 = int(b) if len(b) == 4 else (c.year // 100) * 100 + int(b)
    else:
        c.month = _month_of(g["m5"])
    c.qstart = c.start
    return c


def _paren_mask(s: str) -> list[tuple[int, int]]:
    """Spans of parenthesised text (depth >= 1)."""
    if "(" not in s:
        return []
    spans, depth, open_at = [], 0, 0
    for i, ch in enumerate(s):
        if ch == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((open_at, i + 1))
    if depth:
        spans.append((open_at, len(s)))
    return spans


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _gap(period: Period, span: tuple[dt.date, dt.date]) -> int:
    """Days between a span and a closed period (0 when they overlap)."""
    first, last = span
    if period.start is not None and last < period.start:
        return (period.start - last).days
    if period.end is not None and first > period.end:
        return (first - period.end).days
    return 0


def _norm(word: str | None) -> str | None:
    return " ".join(word.lower().split()) if word else None


# "the 22nd of July", "the 3rd to the 4th of April": an ordinal day the article belongs to
_ORDINAL_OF_RE = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+|(?:to|and|until|[–—-])\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+of\s+)", re.I)
_DAY_MONTH_RE = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_FULL}|{_MONTH_ABBR})\b", re.I)


def _apply_prefix(s: str, ph: _Phrase, at: int, first: _Core | None) -> None:
    lo = max(0, at - _PREFIX_WINDOW)
    other = _BEFORE_PREFIX_RE.match(s, lo, at)
    low = folded(s)
    m = (_PREFIX_RE.search(s, other.end() if other else lo, at) if low is None
         else _PREFIX_LOWER.search(low, other.end() if other else lo, at))
    if not m or m.start() == m.end():
        return
    ph.pstart = m.start()
    ph.prep = _norm(m.group("prep"))
    if ph.prep is not None and ph.prep.startswith("in") and ph.prep.endswith("course of"):
        ph.prep = "during"  # "(Sometime) in (the) course of July": during July
    ph.art = _norm(m.group("art"))
    if ph.art == "the" and (_ORDINAL_OF_RE.match(s, at) or (ph.prep == "on" and _DAY_MONTH_RE.match(s, at))):
        # "on the 22nd of July", "on the 21 August": the article belongs to the date, it is no
        # adjective (an adjectival date names its event noun: "in the 21 August attack")
        ph.art = None
    if m.group("qual"):
        if m.group("qtod"):
            ph.tod = True
            if ph.prep is None and re.match(r"(?:early|late)\s+on\s", m.group("qtod"), re.I):
                # "announced late on 21 February", "captured the village early on 3 May": a time of
                # that day, the day itself introduced by its "on"
                ph.prep = "on"
        elif m.group("qs"):
            # a season of a year is no part of a month: the year's precision, no qualifier
            if first is None or first.month is not None:
                return
            first.season = m.group("season").lower()
            first.qstart = m.start("qual")
            ph.tstart = m.start("qual")
        elif m.group("qq"):
            # a quarter of a year is no part of a month: "the first quarter of 2019" is early 2019
            if first is None or first.month is not None:
                return
            first.qual = _QUARTER_QUAL[m.group("qq").lower()]
            first.qstart = m.start("qual")
            ph.tstart = m.start("qual")
        elif m.group("qd"):
            # "the first day of June" is 1 June, "the last day of May" 31 May (a yearless February's
            # last day depends on its year: no date)
            if first is None or first.month is None or first.day is not None:
                return
            if m.group("qd").lower() == "first":
                first.day = 1
            elif first.year is not None or first.month != 2:
                first.day = _month_end(first.year or 2001, first.month).day
            else:
                ph.prep = "of"  # read as before: a date after "of", not the sentence's
                return
            first.qstart = m.start("qual")
            ph.tstart = m.start("qual")
        elif m.group("qn"):
            # "the second week of March 2016": a part of the month (a week of a year is no date)
            if first is None or first.month is None or first.day is not None:
                return
            first.qual = _WEEK_QUAL[m.group("qn").lower()]
            first.qstart = m.start("qual")
            ph.tstart = m.start("qual")
        elif first is not None:
            qh = m.group("qh")
            first.qual = ("early" if qh.lower() == "first" else "late") if qh else \
                _QUAL_NORMAL[(m.group("qw") or m.group("qa") or m.group("qf") or m.group("qr")).lower()]
            first.qstart = m.start("qual")
            ph.tstart = m.start("qual")


# "3 and 28": days joined by a word, no list of days before ("12, 13 and 14 September" is a range)
_AND_OR_DAYS_RE = re.compile(r"(?:st|nd|rd|th)?\s+(?:and|or)\s+")
# a number that labels what it follows, not a day: "Incident 1 – 3 January 2018", "Attack 2 - 4 April"
_NUMBER_LABEL_BEFORE_RE = re.compile(
    r"(?:\b(?:incident|attack|strike|case|event|part|section|chapter|phase|stage|figure|fig\.|image|photo"
    r"|video|table|annex|appendix|map|step|item|no\.?|nr\.?|number)|#)\s*$", re.I)


def _core_matches(s: str):
    """The date cores of ``s`` in order; a day range whose first number labels the noun before it
    ("Incident 1 – 3 January 2018", an archive's incident title) is read from its second number."""
    pos = 0
    while (m := _CORE_RE.search(s, pos)) is not None:
        if m.group("d0") and _NUMBER_LABEL_BEFORE_RE.search(s, max(0, m.start() - 16), m.start()):
            single = _CORE_RE.match(s, m.start("d0b"))
            if single is not None:
                m = single
        yield m
        pos = m.end()


def _split_coordinated_days(m: re.Match, c: _Core) -> list[_Core]:
    """"3 and 28 January 2018": two days, not a range (a range is "5–6 May", "between 3 and 5 May",
    or days that follow each other, "12 and 13 September"); the core as it is otherwise."""
    if not m.group("d0") or c.day2 is None or c.day is None or c.day2 - c.day <= 1:
        return [c]
    joint = _AND_OR_DAYS_RE.fullmatch(m.string, m.end("d0"), m.start("d0b"))
    if joint is None:
        return [c]
    # the first day's own ordinal ("the 15th and 17th of May") is part of it, not of the gap
    first_end = m.end("d0") + (2 if m.string[m.end("d0"):m.end("d0") + 2].lower() in ("st", "nd", "rd", "th") else 0)
    first = _Core(c.start, first_end, year=c.year, month=c.month, day=c.day)
    first.qstart = c.start
    second = _Core(m.start("d0b"), c.end, year=c.year, month=c.month, day=c.day2)
    second.qstart = second.start
    return [first, second]


def _find_phrases(s: str) -> list[_Phrase]:
    parens = _paren_mask(s)
    cores = [part for m in _core_matches(s) for part in _split_coordinated_days(m, _core_from_match(m))]
    phrases: list[_Phrase] = []
    i = 0
    while i < len(cores):
        group = [cores[i]]
        link = "single"
        while i + 1 < len(cores):
            g = _GAP_RE.match(s, group[-1].end, cores[i + 1].start)
            if not g:
                break
            nxt = cores[i + 1]
            if g.group("comma") and (link == "range" or nxt.month is None or group[-1].month is None
                                     or (nxt.day is None) != (group[-1].day is None)):
                break  # "24 November, 25 November, and 26 November" is a list; nothing else is
            if g.group("qual"):
                nxt.qual = _QUAL_NORMAL[(g.group("qw") or g.group("qa")).lower()]
                nxt.qstart = g.start("qual")
            word = (g.group("word") or g.group("word2") or "").lower()  # ("August 8, 2014, to August 29, 2019")
            link = "coord" if (word == "and" or g.group("comma")) and link != "range" else "range"
            group.append(nxt)
            i += 1
        i += 1
        ph = _Phrase(group[0].start, group[0].start, group[-1].end, cores=group, link=link)
        _apply_prefix(s, ph, group[0].start, group[0])
        if ph.prep == "between" and link == "coord":
            ph.link = "range"
        ph.in_paren = _in_spans(group[0].start, parens)
        phrases.append(ph)
    low = s.lower()
    folded_s = folded(s)
    anaphors = (() if not _ANA_TRIGGER_RE.search(low)
                else _ANA_RE.finditer(s) if folded_s is None else _ANA_LOWER.finditer(folded_s))
    for m in anaphors:
        kind = next(k for k in ("same", "loose", "next", "prev", "later", "span", "earlier", "fewdays", "monthslater", "monthsspan", "atend", "samemonth",
                                "nextmonth", "dom", "sameyear", "nextyear", "prevyear", "spanback") if m.group(k))
        if kind == "loose":
            # "Meanwhile,", "Around this time,", "In the evening": the time of the statement before,
            # only opening a sentence that states no date of its own ("Meanwhile, on 5 May, ...";
            # mid-sentence, "while at the same time preserving the wall" is no time at all)
            if any(p.cores for p in phrases) or not _LOOSE_OPENING_RE.fullmatch(s, 0, m.start()):
                continue
            kind = "same"
        if (kind in ("later", "fewdays") and m.group(0)[:5].lower() == "after"
                and any(p.cores and p.cores[0].day is not None and p.cores[0].month is not None
                        and p.pstart >= m.end() and p.prep in (None, "on") and not _in_spans(p.pstart, parens)
                        for p in phrases)):
            # "After three days of heavy fighting, the army captured the town on 1 January 2017":
            # how long the fighting lasted before the day the sentence states, not a count from
            # the statement before
            continue
        ph = _Phrase(m.start(), m.start(), m.end(), ana=kind)
        if kind == "monthslater":
            ph.ana_n = _NUMBER_WORDS[m.group("n4").lower()]
        if kind == "dom":
            ph.ana_n = int(m.group("domn"))
        if kind == "span":  # "over the next four days", "in course of the next two weeks"
            n = (m.group("n5") or "one").lower()
            ph.ana_n = (int(n) if n.isdigit() else _NUMBER_WORDS[n]) * (1 if (m.group("unit5") or "").lower() == "days" else 7)
        if kind == "spanback":  # "over the previous 10 days", "in the past two weeks": counted back
            n = m.group("n7").lower()
            ph.ana_n = (int(n) if n.isdigit() else _NUMBER_WORDS[n]) * (7 if m.group("unit7").lower() == "weeks" else 1)
        if kind == "earlier":  # "Two days earlier, ...", "a week before,": counted back
            n = m.group("n6").lower()
            ph.ana_n = -(int(n) if n.isdigit() else _NUMBER_WORDS[n]) * (7 if m.group("unit6").lower().startswith("week") else 1)
        if kind == "later" and m.group("fortnight"):
            ph.ana_n = 14  # "a fortnight later"
        elif kind == "later":
            n = (m.group("n") or m.group("n2") or m.group("n3")).lower()
            unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower()
            ph.ana_n = (int(n) if n.isdigit() else _NUMBER_WORDS[n]) * (7 if unit.startswith("week") else 1)
        _apply_prefix(s, ph, m.start(), None)
        if kind == "later" and ph.prep in _APPROXIMATE_PREPS | {"about"} and ph.ana_n >= 7:
            # "About a week later", "around two weeks later": no day, the month that many days on
            # (as "the following week"); "about three days later" stays no date (a day is claimed)
            ph.ana, ph.prep = "fewdays", None
        ph.in_paren = _in_spans(m.start(), parens)
        # "the next day on 30 August": the explicit date that follows stands for the anaphor
        follower = next((p for p in phrases if p.cores and p.pstart >= ph.end), None)
        if (follower is not None and follower.prep in (None, "on")
                and _ONLY_COMMAS_RE.fullmatch(s, ph.end, follower.pstart)):
            follower.pstart = ph.pstart
            continue
        phrases.append(ph)
    phrases.sort(key=lambda p: p.pstart)
    return phrases


_OPEN_START_RE = re.compile(r"(?:since|from|after|starting)\s+(?:(?:early|mid|late)(?:\s*[-–]\s*|\s+))?$", re.I)
_OPEN_END_BEFORE_RE = re.compile(r"(?:until|before|till|up\s+to)\s+(?:(?:early|mid|late)(?:\s*[-–]\s*|\s+))?$", re.I)
_OPEN_END_AFTER_RE = re.compile(r"\s*(?:[-–—]\s*|\bto\s+)(?:the\s+)?(?:present|ongoing|now)\b|\s*(?:and\s+)?(?:afterwards?|onwards?)\b",
                                re.I)


_OPEN_END_WORD_RE = re.compile(r"\b(?:afterwards?|onwards?|present|ongoing)\b", re.I)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """A stretch of time a heading, a title or a front-matter date states; ``None`` = open end.

    ``unit`` is "day", "month" or "year" when the period is exactly one of those (a heading "9
    October 2019", "March 2018", "2017"), else None.
    """

    start: dt.date | None
    end: dt.date | None
    unit: str | None = None

    def overlaps(self, a: dt.date, b: dt.date) -> bool:
        return (self.start is None or b >= self.start) and (self.end is None or a <= self.end)

    def distance(self, a: dt.date, b: dt.date) -> int:
        """Days between [a, b] and the period (0 when they overlap)."""
        if self.start is not None and b < self.start:
            return (self.start - b).days
        if self.end is not None and a > self.end:
            return (a - self.end).days
        return 0

    def years(self) -> range:
        first, final = self.start or self.end, self.end or self.start
        if first is None or final is None:
            return range(0)             # a period has a start or an end; never reached
        return range(first.year - 1, final.year + 2)


def _span(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    """First and last day of a (year, month?, day?) point."""
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), _month_end(year, month)
    d = dt.date(year, month, day)
    return d, d


def _unit(start: dt.date, end: dt.date) -> str | None:
    if start == end:
        return "day"
    if start.day == 1 and end == _month_end(start.year, start.month):
        return "month"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    return None


def _partial_period(text: str) -> tuple[int, int | None] | None:
    """(month, day) of a heading that names a month or day without a year ("March", "9 October")."""
    t = re.sub(r"[*_`#]", "", text).strip()
    m = re.fullmatch(rf"(?:(?P<d>{_DAY}){_ORD}?\s+)?(?P<m>{_MONTH_FULL})(?:\s+(?P<d2>{_DAY}){_ORD}?)?", t)
    if not m:
        return None
    day = m.group("d") or m.group("d2")
    return _month_of(m.group("m")), (int(day) if day else None)


def parse_period(text: str) -> Period | None:
    """The period a heading or a title states, wherever it stands in the text: "2011",
    "December 2015 – February 2016", "Northern offensive (June 2016)", "2019–20: Eastern Syria
    redeployment", "2021–present", "Since October 2020", "Battle of X (2017)". The first date
    phrase of the text counts; a text without one, or whose phrase has no year ("March"), gives
    None."""
    text = re.sub(r"[*_`]", "", text or "").strip().lstrip("#").strip()
    phrases = [p for p in _find_phrases(text) if p.cores]
    return _phrase_period(text, phrases[0]) if phrases else None


def period_start_day(text: str) -> dt.date | None:
    """The first day of an infobox date that states its first day ("February 9, 2019 – March 23,
    2019", "6 June – 17 October 2017"); None when it starts with a month or a year ("June –
    October 2017")."""
    period = span_period(text)
    if period is None or period.start is None:
        return None
    clean = re.sub(r"[*_`]", "", text or "").strip()
    first = next((ph for ph in _find_phrases(clean) if ph.cores), None)
    return period.start if first is not None and first.cores[0].day is not None else None


def span_period(text: str) -> Period | None:
    """The period from the first to the last date a text states, open when any part is open: an
    infobox date such as "21–29 February 2016", "22 September 2014 – present" or "Main combat
    phase: 9–17 October 2019 Post-ceasefire operations: 18 October – 25 November 2019"."""
    text = re.sub(r"[*_`]", "", text or "").strip()
    parts = [p for p in (_phrase_period(text, ph) for ph in _find_phrases(text) if ph.cores) if p]
    if not parts:
        return None
    starts = [p.start for p in parts if p.start is not None]
    ends = [p.end for p in parts if p.end is not None]
    start = min(starts) if len(starts) == len(parts) else None
    end = max(ends) if len(ends) == len(parts) else None
    if start is None and end is None:
        return None
    return Period(start, end, _unit(start, end) if start and end else None)


# the label of a phase in an infobox date: "Main combat phase:", "Post-ceasefire operations:",
# "Insurgency phase:" (a capitalised label of at most four words and a colon before a date)
_PHASE_LABEL_RE = re.compile(r"(?:^|\s)[A-Z][\w-]*(?:\s+[\w-]+){0,3}\s*:\s*(?=\d|[A-Z][a-z]+\s+\d|[A-Z][a-z]+\s*[–—-])")


def main_phase(text: str) -> Period | None:
    """The first phase of an infobox date that labels two or more phases ("Main combat phase: 20
    January – 24 March 2018 Main insurgency phase: 25 March 2018 – 9 August 2019" -> 20 January -
    24 March 2018); None for a date of one period ("6 November 2016 – 23 February 2017").

    Decision: the first phase is the operation the article is named after; later phases (an
    insurgency, an occupation, post-ceasefire operations) continue it. A day that states no year
    and that nothing before it places (a Reactions or Human rights section) is read in the first
    phase's year when the whole span would admit two years."""
    clean = re.sub(r"[*_`]", "", text or "").strip()
    if len(_PHASE_LABEL_RE.findall(clean)) < 2:
        return None
    first = parse_period(clean)
    return first if first is not None and first.start is not None and first.end is not None else None


def _phrase_period(text: str, ph: _Phrase) -> Period | None:
    cores = ph.cores
    first, last = cores[0], cores[-1]
    y_last = last.year2 or last.year
    y_first = first.year
    if y_first is None:
        y_first = y_last
        if y_first is not None and first.month and last.month and first.month > last.month:
            y_first -= 1
    if y_first is None or y_last is None:
        return None
    try:
        if len(cores) == 1 and first.year2 is None:
            start, end = _span(y_first, first.month, first.day)
            if first.day2 is not None and first.month is not None:
                end = dt.date(y_first, first.month, first.day2)
        else:
            start = _span(y_first, first.month, first.day)[0]
            last_day = last.day2 if last.day2 is not None else last.day
            end = _span(y_last, last.month, last_day)[1]
    except ValueError:
        return None
    if start > end:
        return None
    before = text[:ph.tstart]
    if _OPEN_START_RE.search(before):
        return Period(start, None)
    if _OPEN_END_BEFORE_RE.search(before):
        return Period(None, end)
    if _OPEN_END_AFTER_RE.match(text, ph.end) or _OPEN_END_WORD_RE.search(text, ph.end):
        return Period(start, None)
    return Period(start, end, _unit(start, end))


def starts_with_label(text: str) -> bool:
    """Whether a paragraph opens with a label that is not a date: an image file name, a flag, a
    short name and a colon or dash ("🇷🇺 Russia:", "Arab League:", "Syria –")."""
    p0 = _BULLETS_RE.match(text).end()  # type: ignore[union-attr]  # all optional: always matches
    m = _LABEL_RE.match(text, p0)
    if not m:
        return False
    first = next((p for p in _find_phrases(text[:m.end()]) if p.cores), None)
    return first is None or first.pstart > 0


class DateResolver:
    """Stateful, one per document, fed the document's headings and sentences in reading order.

    ``DateResolver(periods=..., published=...)`` takes the document's own period as written (an
    article's infobox date and title) and the page date that un-yeared dates count back from (a
    Syrian Archive page's date). ``enter_section(heading, level=2)`` takes the heading text (no
    leading #'s); a heading at a level forgets the headings of that level and deeper, and a
    top-level one (level <= 2) also forgets the previous dated sentence, as does a heading whose
    period does not hold it; a heading that is one day ("9 October 2019") becomes what "later in
    the day" refers to. Headings without paragraphs are entered like any other. ``resolve(sentence,
    commit=True)`` returns the date(s) at which what the sentence tells happened, [] when none can
    be resolved; ``status`` then says "dated", "refused" (a date frames or dates the sentence but
    could not be used: the sentence is not undated) or "none". With ``commit=False`` the caller
    decides with ``note(dates)`` whether the sentence sets the context (background does not). A
    wrong date is far worse than none: every rule below errs towards [].

    1. Date forms. Day: "30 September 2015", "27 September", "22nd of July", "September 30,
       2015", "August 22nd 2018", "July 22nd", "2015-09-30", "on the 22nd of July" (the article is the
       date's); "On the 14th" is that day of the month the story is in. Month: "January 2016", "December of 2017", "June"
       (only after a preposition or a qualifier), "January and February 2012", "the first
       days of September 2017", "the first week (or weekend) of August", "the first half of June" (early; "the second half": late), "from early to mid-September 2014" (early), "continued well
       into March 2017". Year: "2015"
       only after a preposition ("In 2015,", "in 2011", "Since 2014", "By 2012", "during 2016")
       or a qualifier ("mid-2019"). Qualifiers early/mid/late/"the end of" ("the beginning/start
       of" -> "early", "the middle of" -> "mid") are kept in ``qualifier`` for month and year
       precision a season of a year ("in the early fall of 2014", "in summer 2016") is the year
       (year precision, no qualifier: a season is no part of a month), and a winter across two years
       ("during the winter of 2015–16") is December to February, as that month range would be; a time of day ("in the morning of 2 October", "In the morning hours of 12 November", "Early on 20 September") is not
       a qualifier. ``text`` is the date's own words, qualifier included, preposition excluded
       ("early May 2016", "the end of December 2015", "That same day"). Never dates: years as
       adjectives or in names ("the 2015 deployment", "2015 Russian Sukhoi Su-24 shootdown",
       "an August 2019 poll"), anything in parentheses ("(2016–2017)", "(May 2012)"; a day in brackets closing an
       item that names a happening is the item's date, but not after a clause of its own that
       names another happening with its article: "... struck Shayrat in response to the Khan
       Shaykhun chemical attack (4 April 2017)" is not dated 4 April), "1950s",
       "19,160", "S-400", "Tu-154", a year followed by a counted plural ("in 2000 troops"),
       "the September 11 attacks" (a named day of another year), and a month that names a report
       or another publication ("In February 2017 UN OHCHR report on Aleppo, ...", "the February
       OHCHR report", "a March 2017 Human Rights Watch study"): the publication's date neither
       dates the sentence (status "refused") nor gives its year to the days it and later sentences
       state. Ranges ("December 2015 –
       February 2016", "between 17 September and 13 October", "5–6 May") give their first day at
       its precision, with ``last`` their last day ("12, 13 and 14 September" too; but two days
       joined by "and" or "or" that do not follow each other, "on 3 and 28 January", are two
       dates, and "Incident 1 – 3 January" is no range); ranges of bare years ("2015–16") give
       nothing. Coordinations ("In June and July 2018") give one date per member.
    2. Which date is the sentence's.
       (a) A *leading* date: the sentence (after list bullets, one connective such as
       "However," / "Namely,", and an "According to X," or a short introductory phrase of at
       most four words and a comma) opens with a date adverbial: "On X", "In X", "By X", "At the
       end of X", "Since X", "From X", "As of X", "During X", "Between X and Y", "Early on X", "Around X", "On or around X",
       "On the morning of X", "In an October 2016 TV interview", a bare "7 November 2013," or an
       anaphor ("That same day"), or a list item's date label followed by a dash or colon ("5
       April – ...", "2013: ...", "November – ...", after a label such as an image file name, a
       flag or "United States:"). That date is the sentence's event date; every other date in
       the sentence is a mere mention, except a coordinated clause with its own date ("...; on
       7 October ...", "..., and on 7 October, ...", "... and again on 30 March", "... and
       captured it on 5 May", "..., and by the following day they ...", a comma splice "X
       captured Y, the next day, Z captured W", a participle clause with a day of its own ",
       capturing the airbase late on 12 May" but not "including ...", "following ...",
       "starting with ..."), which adds a second event (an anaphor there counts from the
       sentence's own previous date). A
       leading "Until/Before/After/Prior to/Following X" frames the sentence without dating it:
       the sentence returns [] ("After midnight on 7 July", "Before dawn on 3 May" are times of
       day: the date is the sentence's), except that an anaphor opening the main clause counts
       from the day the fronted clause states ("After the army came within 2 km of the town on
       10 February, the next day, ..." is 11 February). "Soon after," / "Soon after by 12
       December," is a connective (a time after the statement before), not a fronted clause.
       (b) No leading date: the *first* date phrase that the sentence introduces as when
       something happened: "on X" (day), "in X" / "during X" / "at the end of X" (any
       precision), "by X" (day or month), an appositive ", 28 September 2015,", a qualified bare
       date ("took place mid-2019"), an adjectival date before an event noun ("the July 22nd
       strikes"), an anaphor ("carried out that same day"; a bare "that day" only before
       punctuation or after "on"), and, at the start of a reported clause (after "that", an
       opening quote or a semicolon), any leading form ("announced that: "From September 30,
       2015, ..."", "estimate that as of January 2019, ..."). Skipped: dates after "of / from /
       to / until / since / as of / before / after / prior to / effective / into"; dates in the
       fronted subordinate clause of "After / Following / While / Although / Amid / ..."; dates
       in a clause where "after / before / following / since / until / in response to / ..."
       comes first ("...before the formal Russian intervention began in September 2015" -> []; but
       an "until" that opens a clause with its own subject and past verb dates that happening:
       "operated in Afrin until the local administration banned it in December 2015");
       dates of an intended or expected happening ("with the purpose of taking the city by 15
       October", "in order to", "planned to", "an attack expected the next day", "a summit was
       scheduled to occur in February 2020", "the talks were due to take place on 3 March");
       dates in a relative clause ("..., which they breached the previous day", "that had been
       imposed the day before", ", having lifted the siege in October 2013,"). If that first
       phrase cannot be resolved, the sentence returns [] (no later mention is tried). When that
       first phrase is a month and the same sentence then states a day of that month as when
       its happening took place ("The final incident in August was on 30 August", "... in July
       2016, starting with a 7 July attack"), the day is the sentence's date.
       (b') A sentence opening in a named operation with its period in brackets ("During the
       Quneitra offensive (June 2015), ...") and stating no date of its own happened in that
       period. A clause "..., but ISIL once again recaptured them on 29 August" (its subject, an
       adverb, its verb) is a coordinated clause. "after (intense) clashes / fighting / a
       counter-attack on 8 September" dates the happening the fighting ends in (not another event).
       (b'') Taking part in a named operation with its period in brackets ("X played a major
       role in the Daraa offensive (February–June 2017)", "fought in the Battle of Y (August
       2017)"; not in a relative clause or the past perfect) is dated by that period when the
       sentence states no date of its own; a bracketed year alone dates nothing more.
       A list of places each with its day ("bombings occurred in Jarablus on 7 July (seven
       wounded), al-Bab on 8 July (several killed), and ...") gives a date per place.
       (c) A coordinated noun phrase naming another happening, with a date of its own ("... on 3
       August in X and the third incident on 5 August", "..., as well as an attack on a convoy
       the following day on 11 July") adds a second event, as a coordinated clause does.
    3. A missing year is taken, in order, (i) from the same date phrase (range or coordination:
       "17 September and 13 October 2015"); for a coordinated second event, from the sentence's
       first event date when the month-day does not go backwards; never from another date the
       sentence merely mentions; (ii) from the nearest heading that states a period, wherever
       the period stands in it ("Northern offensive (June 2016)", "2019–20: ...", "2021–present",
       "March" under "2018"): the year of that period in which the day fits ("December 2015 –
       February 2016": December -> 2015, January -> 2016); when several fit ("2015–16") the
       first that does not go back more than ``BACKWARD_TOLERANCE`` before the previous dated
       sentence (a narrative may look back a few days), the range's first year without one;
       once a sentence has stated a day after the heading's period ("On 16 February 2013" under
       "2011–2012": the story moved on), the yearless days after it follow it, flagged
       "outside_section_period", rather than being pulled back into the heading's years;
       when none fits, the previous sentence's year if it is within a year of the period, else
       the year nearest to the period (the date is then flagged "outside_section_period"); a
       heading with no period ("Background") defers to its parent; an open heading ("Since
       October 2020") only admits the previous sentence's year if it falls in the open period;
       (iii) from the nearest preceding dated sentence (its last date), kept across subsections
       but forgotten at a new top-level (level <= 2) section, and moving to the next year when
       only that one fits the document's period (or, when both fit, when the day lies more than
       ``BACKWARD_TOLERANCE`` before the previous statement's), or, in a document without a period or page
       date, when the day lies more than ``BACKWARD_TOLERANCE`` (60 days) before the previous
       statement's day (a narrative goes forward); a previous year more than a year before the
       document's period is history and is ignored; on a page with a page date that has
       named a full day, (v) comes first (a report's "in April 2017" or a statement dated by
       counting days does not set the year of a later quoted "on February 3"); (iv) the document's period (infobox date,
       title): under an "Aftermath" / "Subsequent events" heading the first such day on or after
       the day a month (``AFTERMATH_OVERLAP``) before the period's last day (an aftermath may
       begin in the period's last weeks); else the year in which the day fits (when the infobox
       labels phases over more than a year, "Main combat phase: ... Insurgency phase: ...", and the
       day fits two years, the year nearest to the first phase, see ``main_phase``), else the
       nearest one (year_from="document");
       (v) on a page with a page date (a Syrian Archive page), the nearest preceding date with
       its year written out that any sentence of the page names, whatever its role (the header's
       "Date: 9 June 2016", the first paragraph's incident date): the year that puts the day
       nearest to it (year_from="previous"; "On 9 June" in a witness quote under a later heading
       of a page published in 2017 is 2016); decision: an archive page narrates its incident, so
       its un-yeared dates lie near the incident's date, not the publication date; (vi) the page
       date when the page names no such date: the latest such day on or before it
       (year_from="page"); (vii)
       ``default_year`` if given (reported as year_from="section"). Otherwise [].
    4. Anaphors resolve against the last date of the previous dated sentence: "that same day",
       "on the same day", "later/earlier that day", "that day" (same date and precision), "the
       following/next day", "the day after", "N days later/afterwards/after that", "a week later", "N weeks
       later", a closing "after one day" / "after two weeks" (+N days, +7N; need a day
       reference), "the previous day", "the day before/prior" (-1), "that same month", "the
       following month", "that same year", "the following year", "later in the day", "later in
       the same day", "in the evening of that day", "by the end of the day", "that night", "the
       following morning/night" (+1), "by this point" / "by then" (the last day of the previous
       range), "several / a few / some days later", "days later", "later that week" (the month a few days on),
       "the following week" (the month a week on), "that same week" (the statement's month), "over the next several days",
       "After a few days of fighting," (no day: the month three days after the previous date),
       "After four days of fighting," (+4 days; but with a day of its own, "After three days of
       fighting, the army captured the town on 1 January 2017", that day), "One month later" (the month after), "early /
       late / mid that month", "mid-month", "early / late in the month", "at the end / start of
       the month" (the previous statement's month), "On the 14th" (that day of the previous
       statement's month), and "N days/weeks later" (at most 14 days) after a month-precision date (that
       month), "the next day" after an early or mid part of a month (that month and part). "During this time,", "In the meantime," open like "Meanwhile,". Opening a sentence that states no date of its own, "Meanwhile,", "Around this time",
       "At the same time", "In the evening", "By the evening", "Elsewhere," are the previous statement's time
       too (across paragraphs, until a top-level section); "During the same day", "during the day"
       and "and later in the day" (a second clause) are its day. A sentence the resolver does
       not date whose fronted "Following / After ... on D," clause states a day after the
       previous statement's moves the story on: an anaphor after it has no date until a
       statement is dated again. After a range, "the next day" counts
       from its last day. "the next day on 30 August" uses the explicit date. Also "throughout /
       during the following night" (+1), "Overnight," (the previous statement's night), "Within
       days" (as "several days later"), "After several days of fighting" right after a range of
       days (the range's last day), "for the next few months" (the previous statement's year, year
       precision); "on the 21 August" is a day, "(Sometime) in (the) course of July" is July; a
       fronted "While / Whilst / When / As ... on D," clause dates a main clause that states no date
       (simultaneity; "After", "Although", "Until" do not); "N days later" inside an absolute "with
       X dying ..." clause is not the sentence's date. In an article with a period, a yearless day
       more than ``BACKWARD_TOLERANCE`` before the previous statement goes to the next year when
       that is nearer the period ("In late December 2015, ... On 3 April, ..." about May-August
       2016).
    5. Forms found by the date audit (``benchmarks/audit_dates.py``): "the second / third /
       fourth week of March" (early / mid / late), "the weekend of 14–15 May" (the days), "the
       first / last quarter of 2019" (year precision, early / late; the second and third mid),
       "the first / last day of June" (that day; a yearless February's last day is none), "Between
       the 15th and 17th of May" (a range), "Over 12–13 May," opening a sentence, "Shortly after
       midnight on D" (D), "later / earlier / early / late in the year" (the previous statement's
       year), "a fortnight later" (+14), "eleven .. twenty days later", "About a week
       later" / "around two weeks later" (no day: the month that many days on), "By nightfall"
       (the previous statement's day), "Within a week," opening a sentence and "in the days that
       followed" (as "several days later"). A date in an appositive that tells where its noun comes
       from (", formed in 2012,", ", built in March 2016,") is background of the entity and dates
       neither the sentence nor what follows. Decision, "By 17 May, X had captured Y" and "by
       November 2019": dated at that day or month, as the labels read it (the latest the text
       places the happening, usually the day it was reported), not as an open bound; a total
       "by" a date is a cumulative casualty figure (``pipeline.casualties``), an "as of" state is
       background (``pipeline.statements``).
    6. Counted back from the sentence's own date (``_counted_back``, the nineteenth labelled batch):
       when the stated date is a report's (before its word of reporting, "On 7 March, X was
       reported to be killed a day earlier", or in an opening "According to a panel in May 2012,"),
       a backward anaphor of what it reports dates the happening: "a day earlier", "two days
       before", "the previous day" (-N), "during the previous year" (the year before), "over the
       previous / past N days" (the window before the stated day: its month when it lies in one
       month, else its days). Not in a relative clause or quote, not "of / from the previous day";
       alone, "during the previous year" and a window are no date.
    """

    def __init__(self, default_year: int | None = None, *, periods: tuple[str, ...] | list[str] = (),
                 published: dt.date | None = None):
        self.default_year = default_year
        self.document_period: Period | None = next(
            (p for p in (span_period(t) for t in periods) if p is not None), None)
        # an infobox date of labelled phases ("Main combat phase: 20 January – 24 March 2018 Main
        # insurgency phase: 25 March 2018 – 9 August 2019"): its first phase, the operation itself
        self.main_phase: Period | None = next(
            (p for p in (main_phase(t) for t in periods) if p is not None), None)
        self.published = published
        self._sections: dict[int, Period | None] = {}
        self._aftermath: dict[int, bool] = {}  # headings "Aftermath", "Subsequent events", by level
        self._last: StatedDate | None = None
        self._forgotten: StatedDate | None = None  # the previous statement before forget(): what an anaphor refers to
        self._fallback: StatedDate | None = None  # of the sentence being resolved: the forgotten statement
        # a sentence the previous statement did not date moved the story on: "Following an
        # operation late on 11 August, paratroopers captured two towns" after "On 9 August, ..."
        # happened on an unknown day after it; an anaphor after it ("Meanwhile, ...") refers to
        # that day, so it has no date until a statement is dated again
        self._moved = False
        self._sub_day: StatedDate | None = None  # of the sentence being resolved: its fronted clause's day
        # the latest day with its year written out ("9 June 2016") that any sentence fed so far
        # names, whatever its role: on a page with a page date, what un-yeared dates count from
        self._full: dt.date | None = None
        # the document's whole text (``attach_text``): the days it writes out in full bound the
        # years of the yearless days its entries tell in passing (see ``_entry_dates``)
        self._text: str | None = None
        self._written: tuple[dt.date, dt.date] | None = None
        self._written_known = False  # whether ``_written`` has been computed for the attached text
        self.status = "none"  # of the last resolve(): "dated" | "refused" | "none"

    def attach_text(self, text: str) -> None:
        """The document's whole text, read only if an entry's yearless day needs the span of the
        days the document writes out in full (``_entry_dates``)."""
        self._text, self._written, self._written_known = text, None, False

    def _written_span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the attached text writes out with its year ("10 December 2016",
        "20 Aug. 2017"), within the document's period; None without a text or such days."""
        if not self._written_known:
            self._written_known = True
            days: list[dt.date] = []
            for ph in _find_phrases(self._text or ""):
                for c in ph.cores:
                    if c.year is None or c.month is None or c.day is None:
                        continue
                    try:
                        day = dt.date(c.year, c.month, c.day)
                    except ValueError:
                        continue
                    period = self.document_period
                    if period is None or period.overlaps(day, day):
                        days.append(day)
            self._written = (min(days), max(days)) if days else None
        return self._written

    # -- context ---------------------------------------------------------------------------
    def enter_section(self, heading: str, level: int = 2) -> None:
        for lv in [lv for lv in self._sections if lv >= level]:
            del self._sections[lv]
        for lv in [lv for lv in self._aftermath if lv >= level]:
            del self._aftermath[lv]
        self._aftermath[level] = _AFTERMATH_RE.search(heading or "") is not None
        self._forgotten = None
        if level <= 2:
            self._last, self._moved = None, False
        period = parse_period(heading or "")
        if period is None:
            part = _partial_period(heading or "")
            if part is not None:
                period = self._complete(*part)
        self._sections[level] = period
        if period is not None and self._last is not None:
            last = self._last
            if not period.overlaps(last.date, last.last or last.date):
                self._last = None  # another period: "later in the day" is not about that date
        if period is not None and period.unit == "day":
            self._last = self.section_date()  # "9 October 2019": what "later in the day" refers to

    def _complete(self, month: int, day: int | None) -> Period | None:
        """A heading "March" (or "9 October") under a parent that gives the year."""
        sec = self.section_period()
        doc = self.document_period
        for period in (sec, doc):
            if period is None or period.start is None or period.end is None:
                continue
            fits = self._fits(period, month, day)
            if len(fits) == 1:
                a, b = _span(fits[0], month, day)
                return Period(a, b, _unit(a, b))
            return None
        return None

    def section_period(self) -> Period | None:
        """The period of the nearest enclosing heading that states one."""
        for lv in sorted(self._sections, reverse=True):
            if self._sections[lv] is not None:
                return self._sections[lv]
        return None

    def section_date(self) -> StatedDate | None:
        """The date of the nearest enclosing heading when it is exactly one day, month or year
        ("9 October 2019", "March" under "2018", "2017"): what an undated statement under it is
        dated by."""
        sec = self.section_period()
        if sec is None or sec.unit is None or sec.start is None:
            return None
        return StatedDate(sec.start, sec.unit, None, "", 0, 0, "section")

    @staticmethod
    def _fits(period: Period, month: int, day: int | None) -> list[int]:
        out = []
        for y in period.years():
            try:
                if period.overlaps(*_span(y, month, day)):
                    out.append(y)
            except ValueError:  # 29 February of a common year
                continue
        return out

    @staticmethod
    def _closest(period: Period, month: int, day: int | None) -> int | None:
        best = None
        for y in period.years():
            try:
                key = (period.distance(*_span(y, month, day)), y)
            except ValueError:
                continue
            best = key if best is None or key < best else best
        return best[1] if best else None

    def _forward(self, years: list[int], month: int, day: int | None) -> int | None:
        """Of the years a period admits, the first that does not go back before the previous
        dated statement (a narrative moves forward: "On 20 December 2019 ... On 4 January" is
        January 2020); None without a previous statement."""
        prev = self._last
        if prev is None:
            return None
        for y in sorted(years):
            try:
                if _span(y, month, day)[1] >= prev.date - BACKWARD_TOLERANCE:
                    return y
            except ValueError:
                continue
        return max(years)

    def _infer_year(self, month: int, day: int | None = None) -> tuple[int, str] | None:
        prev = self._last
        prev_year = (prev.last or prev.date).year if prev is not None else None
        sec = self.section_period()
        if sec is not None:
            if sec.start is None or sec.end is None:  # "Since October 2020": only the previous year
                if prev_year is not None and sec.overlaps(*_span(prev_year, month, day)):
                    return prev_year, "previous"
                return None
            if prev is not None and (prev.last or prev.date) > sec.end:
                # the story has moved on past the heading's period with a year of its own ("On
                # 16–17 February 2013, ..." under "2011–2012"): its yearless days follow it (and
                # are flagged outside the period), the heading does not pull them back
                moved = prev.last or prev.date
                return self._forward([moved.year, moved.year + 1], month, day) or moved.year, "previous"
            fits = self._fits(sec, month, day)
            if len(fits) == 1:
                return fits[0], "section"
            if fits:  # "2015–16": the narrative goes on from the previous dated statement; without
                # one, the first year of the range in which the day fits ("2019–2020 phase")
                y = self._forward(fits, month, day)
                return (y, "previous") if y is not None else (fits[0], "section")
            # outside the heading's period (flagged): the narrative's year when it is near the
            # period, else the year nearest to the period
            if prev_year is not None and prev_year in sec.years():
                return prev_year, "previous"
            y = self._closest(sec, month, day)
            return (y, "section") if y is not None else None
        doc = self.document_period
        closed: Period | None = None        # the document's period when it has both ends
        if doc is not None and doc.start is not None and doc.end is not None:
            closed = doc
            if prev_year is not None and prev_year < doc.start.year - 1:
                prev_year = None  # history before the document's period does not date its narrative
        if self.published is not None and self._full is not None:
            prev_year = None  # a page's nearest preceding full day, not the previous statement, see (v)
        if prev_year is not None:
            if closed is not None:
                inside = [y for y in (prev_year, prev_year + 1) if y in self._fits(closed, month, day)]
                if inside:
                    return self._forward(inside, month, day) or inside[0], "previous"
                # before the period (a Background, Preparations): a narrative goes forward, so a
                # day well before the previous statement's ("In late December 2015, ... On 3
                # April, ..." in an article about May-August 2016) is the next year's, when that
                # is nearer the period
                ref = self._last.last or self._last.date if self._last is not None else None
                try:
                    if ref is not None and _span(prev_year, month, day)[1] < ref - BACKWARD_TOLERANCE \
                            and _gap(closed, _span(prev_year + 1, month, day)) <= _gap(closed, _span(prev_year, month, day)):
                        return prev_year + 1, "previous"
                except ValueError:
                    pass
            prev = self._last
            if closed is None and self.published is None and prev is not None and prev.precision == "day" \
                    and day is not None:
                # no period to fit: a narrative goes forward, so a day well before the previous
                # statement's ("On 10 July 2012, ... On 5 June it was confirmed ...") is next year's
                try:
                    if _span(prev_year, month, day)[1] < (prev.last or prev.date) - BACKWARD_TOLERANCE:
                        return prev_year + 1, "previous"
                except ValueError:
                    pass
            return prev_year, "previous"
        if closed is not None and closed.end is not None and any(self._aftermath.values()):
            # "## Aftermath": a day without a year is the first such day after the period ends, or
            # in its last month: an aftermath often begins while the period's last front still
            # fights ("in the beginning of October", "on 6 October" after a period ending on 21
            # October are that October, not the next)
            for y in (closed.end.year, closed.end.year + 1):
                try:
                    first, _last = _span(y, month, day)
                except ValueError:
                    continue
                if first >= closed.end - AFTERMATH_OVERLAP:
                    return y, "document"
        if closed is not None:
            fits = self._fits(closed, month, day)
            if len(fits) == 1:
                return fits[0], "document"
            if len(fits) > 1 and self.main_phase is not None:
                # a period of labelled phases over more than a year: a day its narrative does not
                # place is told of the operation, the first phase (the year nearest to it)
                y = self._closest(self.main_phase, month, day)
                if y is not None and y in fits:
                    return y, "document"
            if not fits:
                y = self._closest(closed, month, day)
                if y is not None:
                    return y, "document"
        if self.published is not None and self._full is not None:
            # a page's un-yeared date is near the full date written before it (the incident's
            # own date in the header or first paragraph), not the page's publication date: the
            # year putting the day nearest to that date
            full = self._full
            best: tuple[int, int] | None = None
            for y in (full.year - 1, full.year, full.year + 1):
                try:
                    gap = abs((_span(y, month, day)[0] - full).days)
                except ValueError:  # 29 February of a common year
                    continue
                if best is None or gap < best[0]:
                    best = (gap, y)
            if best is not None:
                return best[1], "previous"
        if self.published is not None:
            pub = self.published
            y = pub.year if (month, day or 1) <= (pub.month, pub.day) else pub.year - 1
            return y, "page"
        if self.default_year is not None:
            return self.default_year, "section"
        return None

    def _flagged(self, d: StatedDate) -> StatedDate:
        sec = self.section_period()
        if sec is None:
            return d
        last = d.last or (d.date if d.precision == "day" else
                          _month_end(d.date.year, d.date.month) if d.precision == "month"
                          else dt.date(d.date.year, 12, 31))
        if sec.overlaps(d.date, last):
            return d
        return dataclasses.replace(d, flags=d.flags + ("outside_section_period",))

    # -- resolution ------------------------------------------------------------------------
    def resolve(self, sentence: str, commit: bool = True) -> list[StatedDate]:
        """The dates of what the sentence tells. ``commit=False`` leaves the context alone (the
        caller then decides with :meth:`note` whether the sentence's dates set it)."""
        s = sentence or ""
        self.status = "none"
        # only the first sentence of a labelled item refers to the item before it
        self._fallback, self._forgotten = self._forgotten, None
        self._sub_day = None
        if not _TRIGGER_RE.search(s):
            return []
        phrases = _find_phrases(s)
        if not phrases:
            return []
        # a document's date ("In February 2017 UN OHCHR report on Aleppo, ...") neither dates the
        # sentence nor gives its year to the days the sentence and the ones after it state
        documents = [ph for ph in phrases if self._names_document(s, ph)]
        phrases = [ph for ph in phrases if ph not in documents]
        out = [self._flagged(d) for d in self._select(s, phrases)] if phrases else []
        for ph in phrases:
            for c in ph.cores:
                if c.year is not None and c.month is not None and c.day is not None and not ph.in_paren:
                    try:
                        self._full = dt.date(c.year, c.month, c.day or 1)
                    except ValueError:
                        continue
        last = self._last
        if not out and self._sub_day is not None and last is not None \
                and self._sub_day.date > (last.last or last.date):
            self._moved = True  # "Following an operation late on 11 August, ...": see __init__
        if out:
            self.status = "dated"
            if commit:
                self._last, self._forgotten, self._moved = out[-1], None, False
        elif self.status == "none" and any(self._names_other_time(s, ph) for ph in phrases):
            self.status = "refused"
        elif self.status == "none" and documents:
            self.status = "document"  # only a report's date: not undated, but a member of a set may inherit
        return out

    @staticmethod
    def _names_document(s: str, ph: _Phrase) -> bool:
        """Whether the date phrase is the date of a report or another publication it modifies
        ("In February 2017 UN OHCHR report", "the February OHCHR report", "a March 2017 study")."""
        if ph.in_paren or ph.ana is not None or not ph.cores or ph.cores[0].month is None:
            return False
        if ph.cores[0].day is not None or ph.link != "single":
            return False
        return _DOCUMENT_NOUN_AFTER_RE.match(s, ph.end) is not None

    def _names_other_time(self, s: str, ph: _Phrase) -> bool:
        """A day or month the sentence names outside parentheses and relative clauses, though
        not as its event's date ("the statement of 20 October"): the sentence is not undated."""
        if ph.in_paren or not ph.cores or ph.cores[0].month is None:
            return False
        if ph.cores[0].day is None and ph.cores[0].year is None and ph.prep is None:
            return False  # a bare "May" may be a name
        return not self._in_relative_clause(s, ph)

    def forget(self) -> None:
        """Forget the previous dated statement: a new entry begins (a list item with its own
        label, "🇩🇪 Germany: ...", tells its own story, not the one of the item before it): it
        gives no year to the item's days; an anaphor of the item ("Al-Lataminah: on the same day,
        ...", "Morek – the same day – ...") still refers to the item before."""
        self._forgotten = self._last or self._forgotten
        self._last = None

    def current_day(self) -> dt.date | None:
        """The narrative's current day, what a speaker's "yesterday" or "on Monday" counts from:
        the latest day with its year written out that the text named ("Today, 04 April 2017",
        "On Tuesday April 4th 2017"), else the previous dated statement's (last) day when it is a
        day; None without either. Decision: not the previous statement's day first, since a
        witness's "yesterday" after "In the same day X was targeted" still counts from the day
        the witness speaks. When the previous dated statement is a month or a year ("In August
        2017, ..."), there is no current day: None."""
        last = self._last
        if last is None:
            return self._full
        if last.precision != "day":
            return None
        day = last.last or last.date
        return self._full if self._full is not None and self._full >= day else day

    def story_day(self) -> dt.date | None:
        """The previous dated statement's (last) day, None when it is no day (a month, a year)."""
        last = self._last
        if last is None or last.precision != "day":
            return None
        return last.last or last.date

    def note(self, dates: list[StatedDate]) -> None:
        """Make ``dates`` (of a statement the caller kept) the previous dated statement."""
        if dates:
            self._last, self._forgotten, self._moved = dates[-1], None, False

    def _lead_positions(self, s: str) -> tuple[set[int], int, int]:
        p0 = _BULLETS_RE.match(s).end()  # type: ignore[union-attr]  # all optional: always matches
        positions = {p0}
        m = _LABEL_RE.match(s, p0)
        if m:  # "Flag of Russia.svg", "🇷🇺 Russia:", "Syria –": a label before the statement
            p0 = m.end()
            positions.add(p0)
        p1 = p0
        m = _CONNECTIVE_RE.match(s, p0)
        if m:
            p1 = m.end()
            positions.add(p1)
        m = _INTRO_RE.match(s, p1)
        if m:
            positions.add(m.end())
        return positions, p0, p1

    def _select(self, s: str, phrases: list[_Phrase]) -> list[StatedDate]:
        # a backward anaphor dates only counted back from the sentence's own date (below): alone
        # ("the fourth time it changed hands in the previous four days") it is no date of its own
        got = self._select_stated(s, [p for p in phrases if p.ana not in ("spanback", "prevyear")])
        if len(got) == 1 and got[0].year_from != "anaphora":
            back = self._counted_back(s, phrases, got[0])
            if back is not None:
                return [back]
        return got

    def _counted_back(self, s: str, phrases: list[_Phrase], stated: StatedDate) -> StatedDate | None:
        """The happening's own date when the sentence counts back from the date it states: a
        report's day or month with what it reports "a day earlier", "two days before", "the
        previous day" or "during the previous year" ("On 7 March, a commander was reported to be
        killed a day earlier" is 6 March; "According to a panel in May 2012, Iran supplied arms
        during the previous year" is 2011), and a window "over the previous 10 days" before the
        stated day, with or without a report. A backward anaphor in a relative clause ("..., which
        they had lost two days earlier") tells another happening and is left alone, and without a
        word of reporting before it an "earlier" may tell another happening ("captured the hill it
        lost two days earlier"): only the window counts back then."""
        cue = _REPORT_CUE_RE.search(s)
        if cue is None:
            return None
        if cue.start() < stated.end:
            # the stated date must be the report's: before its word of reporting ("On 7 March, X was
            # reported ..."), or in an opening "According to X in May 2012," (not "CNN reported that
            # on 25 October, ...": that day is the happening's)
            comma = s.find(",", stated.end)
            if not cue.group(0).lower().startswith("according") or comma < 0 or s[stated.end:comma].strip():
                return None
        for ph in phrases:
            if ph.ana not in _COUNTED_BACK or ph.in_paren or ph.pstart < max(stated.end, cue.end()):
                continue
            if ph.prep not in (None, "on"):
                continue  # "the attacks of the previous day", "a report from the previous day"
            between = s[stated.end:ph.pstart]
            if _QUOTE_CHARS_RE.search(between) or self._in_relative_clause(s, ph):
                continue  # a quote's own "in the last ten days"; "..., which they had lost two days earlier"
            if any(not _REPORT_THAT_RE.search(between, 0, m.end()) for m in _RELATIVE_WORD_RE.finditer(between)):
                continue  # "a ceasefire ... that came into force the day prior": another happening
            return self._anaphor(s, ph, stated)
        return None

    def _select_stated(self, s: str, phrases: list[_Phrase]) -> list[StatedDate]:
        positions, p0, p1 = self._lead_positions(s)
        lead = next((p for p in phrases if not p.in_paren and p.pstart in positions), None)
        after_label = next((p for p in phrases if not p.in_paren and p.pstart == p0), None)
        if after_label is not None and after_label is not lead and self._is_lead_form(s, after_label):
            lead = after_label  # "November 2019 Syria bombings: On 2 November, ...": the statement's own date
        if lead is not None and self._is_label_date(s, lead):
            # a list item's date label: "5 April – ...", "2013: ...", "November – ..."
            first = self._dates_of(s, lead, None)
            if not first:
                self.status = "refused"
                return []
            return self._with_coordinated(s, phrases, lead, first)
        if lead is not None and self._is_lead_form(s, lead):
            if lead.prep not in _LEAD_PREPS:
                self.status = "refused"
                return []
            first = self._dates_of(s, lead, None)
            if not first:
                self.status = "refused"
                return []
            return self._with_coordinated(s, phrases, lead, first)
        labelled = self._paren_label_date(s, phrases)
        if labelled is not None:
            # "Saraqib (4 February 2018): two barrels hit the town": a list item's label with its
            # date in brackets dates the item
            first = self._dates_of(s, labelled, None)
            if first:
                return self._with_coordinated(s, phrases, labelled, first)
        operation = self._operation_period(s, phrases, p1)
        if operation is not None and not any(p.cores and not p.in_paren for p in phrases) or (
                operation is not None and _PARTICIPATION_RE.search(s, 0, operation.pstart) is not None
                and not any(p.cores and not p.in_paren and p.pstart < operation.pstart for p in phrases)):
            # ("took part in the X offensive (January–April 2017) and in the Battle of Y in
            # February 2017": the later date is a coordinated second event)
            # "During the Quneitra offensive (June 2015), ...": the operation's bracketed period
            first = self._dates_of(s, operation, None)
            if first:
                return self._with_coordinated(s, phrases, operation, first)
        # no leading date: the first date introduced as when something happened
        occurrence: _Phrase | None = None
        sub_end = -1  # a fronted "After ...," / "While ...," clause dates another event
        simultaneous = False  # ... unless it tells what went on at the same time ("While ...,")
        for start in (p0, p1):
            if _SUBORDINATE_RE.match(s, start):
                comma = s.find(",", start)
                sub_end = max(sub_end, comma if comma >= 0 else len(s))
                simultaneous = simultaneous or _SIMULTANEOUS_RE.match(s, start) is not None
        sub_day: StatedDate | None = None  # the day the fronted clause states ("on 10 February")
        role_ends: list[_Phrase] = []  # days of relative clauses that end a role: "who led it until his death on X"
        for ph in phrases:
            if ph.in_paren:
                continue
            if ph.pstart < sub_end:
                self.status = "refused"
                if ph.ana is None and ph.cores and ph.cores[0].day is not None:
                    got_sub = self._dates_of(s, ph, None)
                    sub_day = got_sub[-1] if got_sub and got_sub[-1].precision == "day" else None
                    self._sub_day = sub_day
                continue
            if sub_day is not None and ph.ana is not None and ph.pstart <= sub_end + 3:
                # "After the army advanced ... on 10 February, the next day, the rebels ...": the
                # anaphor opening the main clause counts from the fronted clause's day
                got = self._dates_of(s, ph, None, ref=sub_day)
                if got:
                    return got + self._coordinated(s, phrases, ph, got[-1])
            if self._in_relative_clause(s, ph):
                if occurrence is None and ph.cores and _OCCURRED_RE.search(s[:ph.pstart]):
                    occurrence = ph  # "one incident which occurred on 26 April 2015": the incident's day
                elif ph.cores and self._ends_a_role(s, ph):
                    role_ends.append(ph)  # "a Jordanian, who worked as a spy until being extracted in April"
                continue  # "..., which they breached the previous day": another, earlier event
            if not self._is_mention_form(s, ph):
                if self._frames(s, ph):
                    self.status = "refused"
                continue
            got = self._entry_dates(s, ph) if self._ends_a_role(s, ph) else self._dates_of(s, ph, None)
            if not got:
                self.status = "refused"
                return []
            coordinated = self._coordinated(s, phrases, ph, got[-1])
            if not coordinated and len(got) == 1:
                finer = self._finer_day(s, phrases, ph, got[0])
                if finer is not None:  # "The final incident in August was on 30 August"
                    return self._with_coordinated(s, phrases, finer[0], [finer[1]])
            return got + coordinated
        closing = self._closing_paren_date(s, phrases)
        if closing is not None:
            listed = self._bracketed_list(s, phrases, closing)
            got = [d for ph in listed for d in (self._dates_of(s, ph, None) or [])]
            return got or self._dates_of(s, closing, None) or []
        entry = self._closing_entry_date(s, phrases)
        if entry is not None:
            got = self._dates_of(s, entry, None)
            if got:
                self.status = "none"
                return got
        bracketed = sorted([ph for ph in phrases if self._bracketed_happening(s, ph)] + role_ends,
                           key=lambda p: p.pstart)
        if bracketed:
            # "Sub-units led by X (killed on 22 February), and others": a list item whose only
            # dated happening is told in brackets after the person it befell
            got = [d for ph in bracketed for d in (self._entry_dates(s, ph) or [])]
            if got:
                return got
        if occurrence is not None and self.status != "refused":
            return self._entry_dates(s, occurrence) or []
        if simultaneous and sub_day is not None and not any(
                not p.in_paren and p.pstart > sub_end for p in phrases):
            # "While ISIL continued its attacks on 31 July, the SDF captured two districts": a
            # fronted clause of simultaneity (while, whilst, when, as) states the day of the main
            # clause when that states none of its own (after / before / until / although do not)
            self.status = "none"
            return [sub_day]
        return []

    @staticmethod
    def _operation_period(s: str, phrases: list[_Phrase], p1: int) -> _Phrase | None:
        """The bracketed period of a named operation the sentence opens in, when the sentence
        states no date of its own: "During the Quneitra offensive (June 2015), the Southern Front
        rejected ...", "In the Quneitra offensive (October 2015) both ... claimed ...": what it
        tells happened in that month (or day, or year)."""
        m = _OPERATION_LEAD_RE.match(s, p1)
        if m is None:
            # "X played a significant role in the Daraa offensive (February–June 2017)": taking
            # part in it is dated by its period, a range's first month (or day) with its end
            m = _PARTICIPATION_RE.search(s, p1)
            if m is None or re.search(r"\b(?:who|which|that|had)\s+$", s[:m.start()], re.I):
                return None  # "Rebels who had fought in the Hama offensive (March 2017) shelled ..."
            ph = next((p for p in phrases if p.pstart >= m.end()), None)
            if ph is None or not ph.in_paren or ph.ana is not None or s[m.end():ph.pstart].strip() \
                    or not re.match(r"\s*\)", s[ph.end:]) or not ph.cores or ph.cores[0].month is None:
                return None
            return ph
        ph = next((p for p in phrases if p.pstart >= m.end()), None)
        if ph is None or not ph.in_paren or ph.ana is not None or len(ph.cores) != 1 or s[m.end():ph.pstart].strip():
            return None
        if ph.link != "single" or not re.match(r"\s*\)\s*,?\s", s[ph.end:]):
            return None
        return ph

    def _entry_dates(self, s: str, ph: _Phrase) -> list[StatedDate]:
        """The dates of what befell a person an entry names, told in passing (in brackets, in a
        relative clause, after "until"): a list of units and commanders is not told in time order,
        so a day without a year takes it from the phrase, the headings or the document's period,
        never from the entry before it ("(killed on 12 November)" after an entry of "20 Aug. 2017"
        in an order of battle of 2016–2017 is not November 2017). Decision: when the period leaves
        two years possible, the entry is not dated."""
        if not ph.cores or ph.cores[0].year is not None:
            return self._dates_of(s, ph, None) or []
        saved, default = self._last, self.default_year
        self._last = None
        try:
            got = self._dates_of(s, ph, None) or []
            year = None if got else self._year_near_written_days(ph.cores[0])
            if year is not None:
                # an entry of an order of battle of "2016–2017" whose days run from December 2016
                # to September 2017: "(killed on 12 November)" is November 2016, nearer them
                self.default_year = year
                got = [dataclasses.replace(d, year_from="document") for d in self._dates_of(s, ph, None) or []]
            return got
        finally:
            self._last, self.default_year = saved, default

    def _year_near_written_days(self, core: _Core) -> int | None:
        """When the document's period leaves two years for a yearless day, the year that puts it
        inside or nearest to the span of the days the document writes out in full; None on a tie."""
        span = self._written_span()
        period = self.document_period
        if span is None or period is None or period.start is None or period.end is None or core.month is None:
            return None
        gaps: dict[int, int] = {}
        for y in range(period.start.year, period.end.year + 1):
            try:
                first, last = _span(y, core.month, core.day)
            except ValueError:
                continue
            if not period.overlaps(first, last):
                continue
            gaps[y] = max((span[0] - last).days, (first - span[1]).days, 0)
        if len(gaps) < 2:
            return None
        best = sorted(gaps.items(), key=lambda kv: kv[1])
        return best[0][0] if best[0][1] < best[1][1] else None

    @staticmethod
    def _ends_a_role(s: str, ph: _Phrase) -> bool:
        """Whether the date phrase dates a happening that ended a role or a state, named after
        "until" ("led by X until his death on 13 January")."""
        before = s[:ph.pstart]
        breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(before)]
        clause = before[breaks[-1] if breaks else 0:]
        last = None
        for last in _RELATIVE_RE.finditer(clause):  # noqa: B007 -- keeps the last match
            pass
        return last is not None and _UNTIL_HAPPENING_NOUN_RE.match(clause, last.start()) is not None

    @staticmethod
    def _bracketed_happening(s: str, ph: _Phrase) -> bool:
        """A date in brackets that a happening verb of the bracket's own clause introduces: "X
        (killed on 22 February)", "Y (alias Z, killed in May 2017)", "both deserted to W around 7
        December)": an order of battle or a list of commanders tells a death, a capture, a
        defection so, after the person it befell. Not a bare date ("(May 2012)"), a period
        ("(since 6 June 2017)") or a toll up to a day ("(of which at least 7 were killed by 14
        March 2017)": "by" counts up to it)."""
        if not ph.in_paren or ph.ana is not None or not ph.cores or ph.cores[0].month is None:
            return False
        if ph.prep not in ("on", "in") and ph.prep not in _APPROXIMATE_PREPS:
            return False
        opening = max(s.rfind("(", 0, ph.pstart), s.rfind("[", 0, ph.pstart))
        if opening < 0 or s.rfind(")", opening, ph.pstart) >= 0:
            return False
        closing = re.compile(r"[^()\[\]]*[)\]]").match(s, ph.end)
        if closing is None:
            return False
        clause = re.split(r"[,;]", s[opening + 1: ph.pstart])[-1]
        return _BRACKETED_HAPPENING_RE.fullmatch(clause) is not None

    @staticmethod
    def _closing_paren_date(s: str, phrases: list[_Phrase]) -> _Phrase | None:
        """A day in brackets closing an item that names a happening ("Sarin attack in Khan
        Shaykhoun (4 April 2017)", "- Barrel bomb on the hospital of Kafr Zita (2 April 2017)."):
        an archive's list of incidents gives each its day so; a bracketed year or range ("the
        Battle of Aleppo (2012–2016)") is not one."""
        ph = phrases[-1] if phrases else None
        if ph is None or not ph.in_paren or len(ph.cores) != 1 or ph.cores[0].month is None:
            return None
        inner = s[: ph.pstart].rstrip()
        # "Al-Salaam hospital (attacked on 3 January 2018)": the brackets say what befell the item
        attacked = _ATTACKED_IN_BRACKETS_RE.search(inner)
        if not inner.endswith(("(", "[")) and attacked is None:
            return None  # the brackets hold more than the day: "(all killed on 4 December)"
        if _CLOSING_PAREN_RE.fullmatch(s, ph.end) is None:
            return None
        words = re.findall(r"[a-z]+", s[: ph.pstart].lower())
        if ph.cores[0].day is None:
            # a month only for a short entry of an attacked place: "Al-Salaam hospital (January 2018)"
            if ph.cores[0].year is None or len(words) > 10 or _AUTHOR_RE.search(s, 0, ph.pstart) or not (
                    attacked or any(w in _TARGET_NOUNS for w in words)):
                return None
            return ph
        if attacked is not None:
            return ph
        if not any(w in _EVENT_NOUNS for w in words) and not _FINITE_PAST_RE.search(s, 0, ph.pstart):
            return None  # neither an attack named nor a happening stated ("Chlorine was used in Douma (7 April 2018)")
        # "The US struck Shayrat in response to the Khan Shaykhun chemical attack (4 April 2017)":
        # a clause of its own before a named happening ("the ... attack (day)") refers to that other
        # happening by its name; only an item that is the happening's name itself is dated so
        named = _NAMED_HAPPENING_RE.search(s, max(0, ph.pstart - 120), ph.pstart)
        if named is not None and _FINITE_PAST_RE.search(s, 0, named.start()):
            return None
        return ph

    @staticmethod
    def _bracketed_list(s: str, phrases: list[_Phrase], closing: _Phrase) -> list[_Phrase]:
        """The places of a list of attacks, each with its day in brackets, the last one closing the
        sentence ("the attacks on Khan Shaykhoun (4 April 2017) and Douma (7 April 2018)"): one
        date per place, in order; [closing] alone when the brackets before it are not such a list."""
        listed = [closing]
        for ph in reversed([p for p in phrases if p.pend_before(closing)]):
            nxt = listed[0]
            if not (ph.in_paren and len(ph.cores) == 1 and ph.cores[0].day is not None
                    and s[: ph.pstart].rstrip().endswith("(")
                    and _LISTED_PLACE_GAP_RE.fullmatch(s, ph.end, nxt.pstart)):
                break
            listed.insert(0, ph)
        return listed

    @staticmethod
    def _closing_entry_date(s: str, phrases: list[_Phrase]) -> _Phrase | None:
        """A day closing a short entry after a comma, colon or dash ("Shifa hospital (Ariha),
        06/02/2018", "The Rahma medical point in Khan Shaykhoun: 8 February 2018"): an archive's
        list of attacked places gives each its day so. Not a citation or a caption (quotes, a
        report, a video, a source named before it) and not an entry of more than twelve words."""
        ph = phrases[-1] if phrases else None
        if ph is None or ph.in_paren or ph.ana is not None or ph.prep is not None or ph.art is not None:
            return None
        if len(ph.cores) != 1 or ph.cores[0].day is None or ph.cores[0].qual is not None:
            return None
        before = s[: ph.pstart]
        if not _ENTRY_SEPARATOR_RE.search(before) or not _ENTRY_END_RE.fullmatch(s, ph.end):
            return None
        if len(before.split()) > 12 or _NOT_AN_ENTRY_RE.search(before) or _AUTHOR_RE.search(before):
            return None
        words = re.findall(r"[a-z]+", before.lower())
        if not any(w in _EVENT_NOUNS or w in _TARGET_NOUNS for w in words):
            return None
        return ph

    @staticmethod
    def _paren_label_date(s: str, phrases: list[_Phrase]) -> _Phrase | None:
        """The date in brackets right after a list item's short label, the brackets followed by a
        colon or a dash: "Saraqib (4 February 2018): ...", "**Kafr Zita** [24 March 2017] – ..."
        (the item's own date, as an archive lists incidents); None otherwise."""
        m = _PAREN_LABEL_RE.match(s)
        if m is None:
            return None
        ph = next((p for p in phrases if p.pstart >= m.end() - 1), None)
        if ph is None or s[m.end(): ph.pstart].strip() or not ph.cores or ph.cores[0].month is None:
            return None
        if _PAREN_LABEL_CLOSE_RE.match(s, ph.end) is None:
            return None
        return ph

    def _finer_day(self, s: str, phrases: list[_Phrase], first_ph: _Phrase,
                   coarse: StatedDate) -> tuple[_Phrase, StatedDate] | None:
        """A day inside the month a sentence first names, stated later in the same sentence as
        when the happening took place: "The final incident ... in August was on 30 August",
        "... occurring in July 2016, starting with a 7 July attack", "... during October 2016,
        starting with an attack on 1 October". The sentence's date is that day (the month only
        frames it); a day of another month, in a relative clause or after "before / since ..."
        does not refine it. So does a day inside the season a sentence first names ("The tensions
        further escalated in summer 2015 with the 20 July bombing in Suruç"): a season is a year's
        date only because it is no month."""
        season = first_ph.cores[0].season if first_ph.cores else None
        if coarse.precision == "year" and coarse.last is None and season in _SEASON_MONTHS:
            lo, hi = _SEASON_MONTHS[season]
            months = set(range(lo, hi + 1))
            anchor = dataclasses.replace(coarse, precision="month", date=dt.date(coarse.date.year, lo, 1))
        elif coarse.precision != "month" or coarse.last is not None:
            return None
        else:
            months, anchor = {coarse.date.month}, coarse
        for ph in phrases:
            if ph.pstart < first_ph.end or ph.in_paren or ph.ana is not None or len(ph.cores) != 1:
                continue
            c = ph.cores[0]
            if c.day is None or c.day2 is not None or c.month not in months:
                continue
            if ph.art in ("a", "an", "the"):
                if ph.prep is not None or not self._valid_core_shape(s, ph) or not self._event_noun_after(s, ph.end):
                    continue
            elif ph.art is not None or ph.prep != "on" or not self._is_mention_form(s, ph):
                continue
            if self._in_relative_clause(s, ph):
                continue
            got = self._dates_of(s, ph, anchor)
            if got and len(got) == 1 and got[0].precision == "day" and got[0].date.year == coarse.date.year:
                if c.year is None:  # the day's year is the month's: it comes from where the month's did
                    return ph, dataclasses.replace(got[0], year_from=coarse.year_from)
                return ph, got[0]
        return None

    @staticmethod
    def _is_label_date(s: str, ph: _Phrase) -> bool:
        return (ph.ana is None and ph.prep is None and ph.art is None and bool(ph.cores)
                and ph.cores[0].qual is None and _LABEL_AFTER_RE.match(s, ph.end) is not None)

    @staticmethod
    def _in_relative_clause(s: str, ph: _Phrase) -> bool:
        before = s[:ph.pstart]
        breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(before)]
        clause = before[breaks[-1] if breaks else 0:]
        inner = list(_REL_PRONOUN_INNER_RE.finditer(clause))
        if inner and inner[-1].group(0).lower().startswith("that") and _main_verb_after(clause[inner[-1].end():]):
            inner = inner[:-1]      # "A stalemate that had been in place for four years finally ended in July 2016"
        return (bool(_REL_PRONOUN_RE.match(clause)) or bool(inner) or bool(_HAVING_RE.match(clause))
                or DateResolver._in_origin_appositive(before, breaks, clause))

    @staticmethod
    def _in_origin_appositive(before: str, breaks: list[int], clause: str) -> bool:
        """Whether the date stands in an appositive that tells where its noun comes from: "The
        brigade, formed in 2012, joined the offensive", "the hospital, built in March 2016, was
        struck": a background year of an entity (a reduced relative clause between commas), never
        the date of the sentence's happening, nor of what follows it ("The following year, ...")."""
        return bool(breaks) and before[breaks[-1] - 1] == "," and _ORIGIN_PARTICIPLE_RE.fullmatch(clause) is not None

    def _frames(self, s: str, ph: _Phrase) -> bool:
        """A date that frames the sentence in time without dating it ("since 2011", "until 2018",
        "before the intervention began in September 2015"): the statement is not undated."""
        if ph.art is not None or ph.prep == "of" or (ph.ana is None and not ph.cores):
            return False
        if ph.ana is not None and ph.prep in ("into", "until", "till"):
            # "explosions continued into the next day": where the happening ran to, after the
            # day it began (the narrative's current day): the sentence is still undated
            return False
        if ph.ana is None and not self._valid_core_shape(s, ph):
            return False
        before = s[:ph.pstart]
        breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(before)]
        clause = before[breaks[-1] if breaks else 0:]
        return ph.prep is not None or bool(_RELATIVE_RE.search(clause))

    def _with_coordinated(self, s: str, phrases: list[_Phrase], first_ph: _Phrase,
                          first: list[StatedDate]) -> list[StatedDate]:
        return first + self._coordinated(s, phrases, first_ph, first[-1])

    # -- forms -----------------------------------------------------------------------------
    @staticmethod
    def _precision_kind(ph: _Phrase) -> str:
        c = ph.cores[0]
        if c.day is not None:
            return "day"
        if c.month is not None:
            return "month"
        return "year"

    def _valid_core_shape(self, s: str, ph: _Phrase) -> bool:
        """Shape checks independent of position."""
        if ph.ana is not None:
            return True
        kind = self._precision_kind(ph)
        c0 = ph.cores[0]
        if ph.prep == "at" and c0.qual is None and c0.season is None:
            return False  # (but "At the beginning of summer 2012": a season's part)
        if ph.prep == "on" and kind == "year":
            return False
        if kind == "year" and len(ph.cores) == 1 and c0.year2 is None:
            if ph.prep is None and c0.qual is None:
                return False
            nw = _NEXT_WORD_RE.match(s, ph.end)
            if nw:
                w = nw.group(1)
                wl = w.lower()
                if w[0].islower() and (wl in _COUNT_NOUNS or (wl.endswith("s") and len(wl) > 3
                                                               and wl not in _NON_PLURAL_S)):
                    return False
        if (kind == "month" and len(ph.cores) == 1 and c0.year is None and ph.prep is None
                and c0.qual is None):
            return False
        return True

    def _event_noun_after(self, s: str, end: int) -> bool:
        nw = _NEXT_WORD_RE.match(s, end)
        if not nw:
            return False
        w1 = nw.group(1).lower()
        w2 = (nw.group(2) or "").lower()
        return w1 in _EVENT_NOUNS or (w1 == "air" and w2 in _AIR_NOUNS)

    def _is_lead_form(self, s: str, ph: _Phrase) -> bool:
        if not self._valid_core_shape(s, ph):
            return False
        if ph.ana is not None:
            # "In the same day X was targeted" (a translated witness statement), "During the same
            # day, ...": "on the same day"
            return ph.art is None and (ph.prep in (None, "on", "by", "at")
                                       or (ph.prep in ("in", "during") and ph.ana == "same")
                                       or (ph.prep in ("during", "throughout") and ph.ana in ("next", "prev")))
        kind = self._precision_kind(ph)
        if ph.art is not None:
            # "In an October 2016 TV interview, ..." / "The October 2015 airstrikes were ..."
            c0 = ph.cores[0]
            if kind == "year" or (c0.year is None and (c0.month, c0.day) in _NAMED_DAYS):
                return False
            return ph.prep == "in" or (ph.prep is None and self._event_noun_after(s, ph.end))
        if ph.prep is None:
            c0 = ph.cores[0]
            if c0.year is None and c0.qual is None:  # a bare "27 September," needs its comma
                return kind == "day" and _APPOSITIVE_AFTER_RE.match(s, ph.end) is not None
            return kind == "day" or kind == "month" or c0.qual is not None
        return True

    def _is_mention_form(self, s: str, ph: _Phrase) -> bool:
        if not self._valid_core_shape(s, ph):
            return False
        before = s[:ph.pstart]
        clause_initial = bool(_CLAUSE_INITIAL_RE.search(before))
        # the clause this phrase sits in must not put it after another event
        breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(before)]
        clause = before[breaks[-1] if breaks else 0:]
        if _RELATIVE_RE.search(clause) and not _until_happening(clause):
            return False
        if ph.ana == "later" and _WITH_ABSOLUTE_RE.match(clause):
            # "Two reporters were injured by an IED, with one of them dying of his wounds five days
            # later": the absolute clause tells what became of the main clause's happening; its
            # day is not the day the sentence's happening took place
            return False
        if ph.ana == "earlier":
            # "stated that it had assisted Turkish forces ... a week earlier": inside the sentence,
            # a day counted back is what the statement recalls, not its own day (only an opening
            # "Two days earlier, ..." dates the sentence)
            return False
        if ph.ana is not None:
            # "captured X and later in the day captured Y": the same day as the statement before
            # "continued throughout the following night": the night after the statement before
            return ph.art is None and (ph.prep in (None, "on", "by")
                                       or (ph.prep in ("in", "during", "and") and ph.ana == "same")
                                       or (ph.prep in ("during", "throughout") and ph.ana in ("next", "prev")))
        kind = self._precision_kind(ph)
        if ph.art is not None:
            if kind == "year" or ph.art != "the":
                return False
            c0 = ph.cores[0]
            if c0.year is None and (c0.month, c0.day) in _NAMED_DAYS:
                return False  # "the September 11 attacks" names an event of another year
            return ph.prep in (None, "in", "on", "during") and self._event_noun_after(s, ph.end)
        if clause_initial and ph.prep in _LEAD_PREPS:
            return self._is_lead_form(s, ph)
        if ph.prep is None:
            c0 = ph.cores[0]
            if c0.qual is not None and c0.qual != "end":
                return True
            if c0.day is not None and _ATTACKED_BARE_RE.search(before):
                return True  # "Al-Salaam hospital, attacked 3 January 2018"
            if c0.day is not None and c0.year is not None and _PLACE_BEFORE_RE.search(before):
                return True  # "an earlier bombing at the market in Saraqib January 29th 2018"
            appositive = (_APPOSITIVE_BEFORE_RE.search(before) is not None
                          and _APPOSITIVE_AFTER_RE.match(s, ph.end) is not None)
            return appositive and (kind == "day" or (kind == "month" and c0.year is not None))
        if ph.prep == "into" and _CONTINUED_INTO_RE.search(before):
            return True  # "attempts ... continued well into March 2017": the month it reached
        if ph.prep in ("from", "throughout") and _MODAL_RE.search(before):
            return False  # "The drills would take place from 1 September until 8 September": planned
        if ph.prep == "from" and ph.ana is None and kind == "day" and (
                ph.link == "range" or ph.cores[0].day2 is not None):
            # "Fighting raged from 29 to 30 August": the stated range of the happening (not a
            # period of years or months: "were treated in hospitals from 2013 to September 2018")
            return True
        if ph.prep == "of" and kind in ("day", "month") and _EVENT_OF_BEFORE_RE.search(before):
            return True  # "the chemical attack of 21 August 2013 killed ...": the happening it names
        if ph.prep in _APPROXIMATE_PREPS and kind in ("day", "month"):
            return True  # "was arrested by ISIL around 8 January": the happening's day, approximately
        if ph.prep not in _MENTION_PREPS:
            return False
        if ph.prep == "by" and kind == "year":
            return False
        return True

    def _coordinated(self, s: str, phrases: list[_Phrase], first_ph: _Phrase,
                     anchor: StatedDate) -> list[StatedDate]:
        """Dates of further events the sentence states in a clause of their own: "...; on 7
        October ...", "..., and on 7 October, ...", "... and again on 30 March 2017", "It began in
        September and resulted in the capture of Dabiq on 16 October", "..., and by the following
        day they captured ..." (an anaphor here counts from the sentence's previous date)."""
        out: list[StatedDate] = []
        prev_end = first_ph.end
        for ph in phrases:
            if ph.pstart < first_ph.end or ph.in_paren or ph.art is not None:
                continue
            # "late on 12 May", "early on 3 June": a time of day before "on" is that "on"
            on_day = ph.tod and ph.prep is None and ph.ana is None and bool(ph.cores) and ph.cores[0].day is not None
            if ph.ana is None and ph.prep not in ("on", "in", "by", "during", "between") and not on_day:
                continue
            # "..., and the next day the clinic was hit": the "and" read as the anaphor's
            # preposition is the coordinator of a clause of its own
            and_ana = ph.ana is not None and ph.prep == "and"
            if ph.ana is not None and ph.prep not in (None, "on", "by") and not and_ana:
                continue
            at = ph.tstart if and_ana else ph.pstart
            gap = s[prev_end:at]
            m = _COORD_BEFORE_RE.search(s, 0, at)
            shape_a = m is not None and m.start() >= prev_end and (
                m.group(0).startswith(";") or _COORD_AFTER_RE.match(s, ph.end) is not None)
            if not shape_a and and_ana and _COORD_AFTER_RE.match(s, ph.end) is not None \
                    and not (_RELATIVE_RE.search(gap) or _REL_PRONOUN_INNER_RE.search(gap)):
                shape_a = True  # "... hit the hospital and the following day they hit the school"
            if not shape_a and (ph.ana is not None or ph.prep == "on") and _SPLICE_BEFORE_RE.search(gap) \
                    and _SPLICE_AFTER_RE.match(s, ph.end) and _FINITE_PAST_RE.search(gap):
                shape_a = True  # "X captured Y, the next day, Z captured W"
            if not shape_a and (ph.prep == "on" or on_day):
                part = _PARTICIPLE_CLAUSE_RE.search(gap)
                if part is not None and not (_RELATIVE_RE.search(s, 0, ph.pstart)
                                             or _REL_PRONOUN_INNER_RE.search(part.group(0))
                                             or _CLAUSE_BREAK_RE.search(part.group(0)[1:])):
                    shape_a = True  # "..., capturing the Jirah Airbase late on 12 May"
            if not shape_a and ph.prep == "on" and first_ph.prep == "on" and ph.cores \
                    and _LISTED_PLACE_DAY_RE.fullmatch(gap) \
                    and _PLACE_BEFORE_DAY_RE.search(s, max(0, first_ph.pstart - 60), first_ph.pstart):
                shape_a = True  # "... in Jarablus on 7 July (seven wounded), al-Bab on 8 July ..."
            pred = None if shape_a else _NEW_PREDICATE_RE.search(gap)
            if not shape_a and pred is None:
                if not self._coordinated_event_noun(gap):
                    continue
                shape_a = True  # "..., as well as an attack on a convoy the following day on 11 July"
            clause = gap[pred.start():] if pred is not None else ""
            if pred is not None and (_RELATIVE_RE.search(clause) or _REL_PRONOUN_INNER_RE.search(clause)
                                     or _CLAUSE_BREAK_RE.search(clause.lstrip(",; "))):
                continue
            if not self._valid_core_shape(s, ph):
                continue
            ref = out[-1] if out else anchor
            got = self._dates_of(s, ph, ref, ref=ref)
            new = [d for d in got or [] if d.date != ref.date and all(d.date != o.date for o in out)]
            if new:
                out.extend(new)
                prev_end = ph.end
        return out

    def _coordinated_event_noun(self, gap: str) -> bool:
        """Whether the words between two date phrases coordinate another happening with its own
        date: "... on 3 August in X and the third incident on 5 August", "An attack on 10 July ...
        was identified, as well as an attack on a convoy the following day on 11 July". The
        coordinated noun phrase must name an event ("incident", "attack", "strike" ...) and reach
        the date without a clause break or a relative word ("and the attack that followed on ...")."""
        found = None
        gapped = _GAPPED_COUNT_RE.search(gap)
        if gapped is not None:
            # "captured four villages within the next three days, and another 13 villages ...
            # between 21 and 24 January": the verb left out, a further count of what it took
            rest = gap[gapped.end():]
            return not (_CLAUSE_BREAK_RE.search(rest) or _RELATIVE_RE.search(rest)
                        or _REL_PRONOUN_INNER_RE.search(rest) or _REL_PRONOUN_RE.search(rest))
        for m in _COORD_EVENT_NP_RE.finditer(gap):
            words = [w.lower() for w in m.group(1).split()]
            # "The first against X on 13 October, and the second on 28 October": an ordinal stands
            # for the event noun of the set
            if any(w in _EVENT_NOUNS for w in words) or (len(words) == 1 and words[0] in _ORDINAL_NOUNS):
                found = m
        if found is None:
            return False
        rest = gap[found.start(1):]
        return not (_CLAUSE_BREAK_RE.search(rest) or _RELATIVE_RE.search(rest)
                    or _REL_PRONOUN_INNER_RE.search(rest) or _REL_PRONOUN_RE.search(rest)
                    or re.search(r"\bthat\b", rest))

    # -- dates -----------------------------------------------------------------------------
    def _dates_of(self, s: str, ph: _Phrase, anchor: StatedDate | None,
                  ref: StatedDate | None = None) -> list[StatedDate] | None:
        if ph.ana is not None:
            d = self._anaphor(s, ph, ref)
            return [d] if d else None
        cores = ph.cores
        years: list[int | None] = [c.year for c in cores]
        srcs: list[str | None] = ["sentence" if c.year is not None else None for c in cores]
        for i in range(len(cores) - 2, -1, -1):
            following = years[i + 1]
            if years[i] is None and following is not None:
                c, n = cores[i], cores[i + 1]
                if (c.month is not None and n.month is not None
                        and (c.month, c.day or 0) > (n.month, n.day or 0)):
                    if ph.link != "range":
                        return None  # "December and January 2016": which year is December in?
                    years[i], srcs[i] = following - 1, "sentence"  # "December – January 2016"
                    continue
                years[i], srcs[i] = following, "sentence"
        for i, c in enumerate(cores):
            if years[i] is not None:
                continue
            if c.month is None:
                return None
            before = years[i - 1] if i > 0 else None
            if before is not None and ph.link == "range":
                prev_c = cores[i - 1]
                forward = (c.month, c.day or 1) >= (prev_c.month or 1, prev_c.day or 1)
                years[i], srcs[i] = before + (0 if forward else 1), srcs[i - 1]
                continue
            if anchor is not None and anchor.precision != "year" and (c.month, c.day or 1) >= (
                    anchor.date.month, anchor.date.day if anchor.precision == "day" else 1):
                years[i], srcs[i] = anchor.date.year, "sentence"
                continue
            got = self._infer_year(c.month, c.day)
            if got is None and anchor is not None and anchor.precision == "year":
                # "talks were held in the first half of 2015 ...; on 24 July, X visited Moscow": with
                # no year from the context, a yearless day coordinated after a year the sentence
                # states takes that year
                years[i], srcs[i] = anchor.date.year, "sentence"
                continue
            if got is None:
                return None
            years[i], srcs[i] = got
        known = [y for y in years if y is not None]
        stated = [x for x in srcs if x is not None]
        if len(known) != len(cores) or len(stated) != len(cores):
            return None         # every core got its year and source above; never reached
        try:
            points = [self._point(c, y) for c, y in zip(cores, known)]
        except ValueError:
            return None
        if ph.link == "coord":
            return [StatedDate(d, p, c.qual if p != "day" else None, s[c.qstart:c.end], c.qstart,
                               c.end, src)
                    for (d, p), c, src in zip(points, cores, stated)]
        if ph.link == "range" or cores[0].year2 is not None:
            # a range: its first day at the first end's precision, ``last`` its last day
            first, final = cores[0], cores[-1]
            y_b = final.year2 if final.year2 is not None else known[-1]
            if (first is final and first.season == "winter" and first.month is None
                    and y_b == known[0] + 1):
                # "the winter of 2015–16": December to February, as that month range is written
                return [StatedDate(dt.date(known[0], 12, 1), "month", None, s[first.qstart:final.end],
                                   first.qstart, final.end, stated[0], _month_end(y_b, 2))]
            if first.month is None and final.month is None:
                return None  # "2015–16", "between 1955 and 1958": years, not an event's date
            try:
                start = _span(known[0], first.month, first.day)[0]
                last = _span(y_b, final.month, final.day2 if final.day2 is not None else final.day)[1]
            except ValueError:
                return None
            if start >= last:
                return None
            prec = points[0][1]
            return [StatedDate(start, prec, first.qual if prec != "day" else None,
                               s[first.qstart:final.end], first.qstart, final.end, stated[0], last)]
        c = cores[0]
        first_day, first_prec = points[0]
        if c.day2 is not None:  # "5–6 May": the first day, ``last`` the second
            if c.day is None or c.month is None or c.day2 <= c.day:
                return None
            try:
                last = dt.date(known[0], c.month, c.day2)
            except ValueError:
                return None
            return [StatedDate(first_day, "day", None, s[c.qstart:c.end], c.qstart, c.end, stated[0], last)]
        return [StatedDate(first_day, first_prec, c.qual if first_prec != "day" else None, s[c.qstart:c.end],
                           c.qstart, c.end, stated[0])]

    @staticmethod
    def _point(c: _Core, year: int) -> tuple[dt.date, str]:
        if c.day is not None and c.month is not None:
            return dt.date(year, c.month, c.day), "day"
        if c.month is not None:
            return dt.date(year, c.month, 1), "month"
        return dt.date(year, 1, 1), "year"

    def _anaphor(self, s: str, ph: _Phrase, ref: StatedDate | None = None) -> StatedDate | None:
        if ref is None and self._moved:
            return None  # the story moved on to an unknown day (see __init__)
        ref = ref or self._last or self._fallback
        if ref is None:
            return None
        kind, d, prec, last = ph.ana, ref.date, ref.precision, None
        qualifier: str | None = None
        if kind == "same":
            last = ref.last
        elif kind == "atend":  # "by this point", "by then": the end of the previous period
            if ref.last is None:
                return None
            d = ref.last
        elif kind == "later" and prec == "month" and ph.ana_n <= 14:
            # "Two weeks later" after "Early that month": no day, the same month
            d = d.replace(day=1)
        elif kind == "next" and prec == "month" and ref.qualifier in ("early", "mid"):
            # "by early June, ... . The next day, the army reached ...": no day, the same month (a
            # day after the start or the middle of a month is still in it; after "late June" it
            # may not be)
            d, qualifier = d.replace(day=1), ref.qualifier
        elif kind == "monthsspan":
            # "Sporadic clashes continued for the next few months": months from the statement
            # before, no month of their own: its year
            d, prec = dt.date(d.year, 1, 1), "year"
        elif kind == "monthslater":  # "One month later": the month N months on
            if prec == "year":
                return None
            base = ref.last or d
            k = base.year * 12 + base.month - 1 + ph.ana_n
            d, prec = dt.date(k // 12, k % 12 + 1, 1), "month"
        elif kind in ("next", "later", "prev", "earlier"):
            if prec != "day":
                return None
            delta = {"next": 1, "prev": -1}.get(kind, ph.ana_n)
            d = (ref.last or d) + dt.timedelta(days=delta) if delta > 0 else d + dt.timedelta(days=delta)
        elif kind == "span" and prec == "day" and ph.ana_n > 0:
            # "Over the next four days, ...": the days after the statement before, as a range
            base = ref.last or d
            d, last = base + dt.timedelta(days=1), base + dt.timedelta(days=ph.ana_n)
        elif (kind == "fewdays" and prec == "day" and ref.last is not None
              and s[ph.tstart:ph.end].lower().startswith("after")):
            # "From 11–13 July, ... . After several days of heavy fighting, ISIL retreated": the
            # days of fighting are the range just told; what they ended in is its last day
            d = ref.last
        elif kind in ("fewdays", "span"):
            # "several days later": no day; the month three days after the statement before (a
            # few days after 7 July is July, after 31 July August)
            if prec == "year":
                return None
            # "in the following weeks": the month two weeks on; "the following week" one week
            # on, "later that week" a few days, "that same week" the statement's own month
            words = s[ph.tstart:ph.end].lower()
            ahead = (ph.ana_n if kind == "fewdays" and ph.ana_n > 0
                     else 14 if "weeks" in words else 7 if re.search(r"(?:following|next)\s+week", words)
                     else 0 if re.search(r"same\s+week|earlier", words) else 3)
            base = (ref.last or d) + dt.timedelta(days=ahead) if prec == "day" else (ref.last or d)
            d, prec = base.replace(day=1), "month"
        elif kind == "samemonth":
            if prec == "year":
                return None
            d, prec = d.replace(day=1), "month"
            # "by the end of the month", "early in the month", "mid-month": the part it names
            words = s[ph.tstart:ph.end].lower()
            qualifier = next((q for q, w in (("end", "end"), ("late", "late"), ("early", "early"),
                                              ("early", "start"), ("early", "beginning"), ("mid", "mid"))
                              if w in words), None)
        elif kind == "dom":  # "On the 14th": that day of the month the story is in
            if prec == "year":
                return None
            try:
                d, prec, last = (ref.last or d).replace(day=ph.ana_n), "day", None
            except ValueError:
                return None
        elif kind == "nextmonth":
            if prec == "year":
                return None
            d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
            prec = "month"
        elif kind == "sameyear":
            d, prec = dt.date(d.year, 1, 1), "year"
            # "late in the year", "early in the year": the part of the year it names
            words = s[ph.tstart:ph.end].lower()
            qualifier = "early" if words.startswith("early ") else "late" if words.startswith("late ") else None
        elif kind == "nextyear":
            d, prec = dt.date(d.year + 1, 1, 1), "year"
        elif kind == "prevyear":  # "during the previous year": the calendar year before
            d, prec = dt.date(d.year - 1, 1, 1), "year"
        elif kind == "spanback":
            # "over the previous 10 days" (before a report of 1 October): the days before the
            # statement's day; a window the report names loosely, so its month when it lies in one
            # month (the happening is known to be in it, not on its first day), else the days
            if prec != "day":
                return None
            first, final = d - dt.timedelta(days=ph.ana_n), d - dt.timedelta(days=1)
            if (first.year, first.month) == (final.year, final.month):
                d, prec = first.replace(day=1), "month"
            else:
                d, last = first, final
        return StatedDate(d, prec, qualifier, s[ph.tstart:ph.end], ph.tstart, ph.end, "anaphora", last)


def mentioned_days(sentence: str) -> list[tuple[int, int]]:
    """(month, day) of every day-level date phrase anywhere in the sentence, whatever its role.

    Not an event date: used to ask whether a sentence speaks of another day than its context
    (e.g. a current-events item recalling "the November 13 terror attacks").
    """
    return [(c.month, c.day) for ph in _find_phrases(sentence) for c in ph.cores if c.month and c.day]
