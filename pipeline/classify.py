"""Event type and scope of a statement: a small documented taxonomy, keyword and verb rules.

Plain functions, standard library only, no Dagster.

Event types (``EVENT_TYPES``, in priority order)
------------------------------------------------
A statement gets the first type whose rule matches its text (case-insensitive, whole words):

=========================  ==========================================================================
type                       cue words (any form of the verb)
=========================  ==========================================================================
chemical_attack            chemical (weapons|attack|munitions|strike), chlorine, sarin, nerve agent,
                           toxic/poison gas, gas attack, mustard gas
shootdown_or_crash         shot down, shoots down, downed (a plane), shootdown, crash, crashed, crashes
                           (of an aircraft or any vehicle), went down
airstrike                  airstrike, air strike, air raid, bombing, bombed, bombs (not suicide, car or
                           truck bombs), warplanes, jets,
                           aircraft (struck|hit|targeted), sorties, cruise missile(s), barrel bomb(s),
                           helicopter gunship, drone strike, napalm, incendiary munitions
shelling                   shelled, shelling, shells, artillery, mortar(s), rocket fire, rockets,
                           rocket attack, missile(s) (ground-launched), Grad, MLRS
territorial_change         captured, seized, recaptured, retook, took control, regained, liberated,
                           fell to, entered (the town), overran, withdrew from, encircled, besieged,
                           cut off, advanced into
ground_fighting            clashes, fighting, fought, battle, assault, attack(ed), ambush, offensive,
                           counter-attack, counteroffensive, storm(ed), raid, suicide bombing, car bomb
agreement_or_ceasefire     ceasefire, cease-fire, truce, agreement, agreed, deal, accord, memorandum,
                           de-escalation zone, signed, evacuation deal, peace talks, negotiations
deployment                 deploy(ed|s|ment), sent (troops|jets), arrived, stationed, reinforcements,
                           withdrawal (of forces), pull out, base (opened|established), buildup
statement                  said, says, stated, announced, claimed, denied, accused, condemned, warned,
                           reported, vetoed, called for, urged, demanded, confirmed, according to
other                      nothing above
=========================  ==========================================================================

The order encodes what an analyst codes first: a chemical attack carried out by aircraft is a
chemical attack; a strike that downs a plane is a shootdown; a strike reported by someone is the
strike, not the report ("Russian airstrikes kill 18 civilians, according to SOHR" is an airstrike);
"Russia says it destroyed ..." is the strike; a statement is a statement only when it reports no
happening of the kinds above.

An event takes its type from its mentions (``event_type_of``): the most frequent type among them
other than ``other``, ties broken by the priority order above; ``other`` when every mention is.

Scope (``in_scope``)
--------------------
The dataset's subject is the Russian military intervention in the Syrian civil war: events in
Syria from the intervention's start on 30 September 2015 (``INTERVENTION_START``). An event is in
scope when its date is on or after that day, it is not placed abroad (every mention names a
place abroad with a locative word, "in Niger", "in Moscow", and no Syrian place), and it is
located in Syria (its ``location`` is a Syrian place, governorate or the country, whether named
in a statement or inferred from its context, see ``pipeline.locate``) or, when no place could
be found, one of its statements, topic breadcrumbs or context tags names Syria, Syrians or
Assad. Events before the start (background history) and happenings elsewhere (a Nobel prize,
an ambush in Niger on the same current-events day page) are out of scope; they stay in the
tables so that nothing is lost, flagged ``in_scope = false``. An in-scope event may thus lack a
location: the share that has one measures how well events are placed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

__all__ = ["EVENT_TYPES", "INTERVENTION_START", "classify", "event_type_of", "in_scope", "names_syria"]

EVENT_TYPES = (
    "chemical_attack",
    "shootdown_or_crash",
    "airstrike",
    "shelling",
    "territorial_change",
    "ground_fighting",
    "agreement_or_ceasefire",
    "deployment",
    "statement",
    "other",
)
INTERVENTION_START = dt.date(2015, 9, 30)

_RULES: dict[str, str] = {
    "chemical_attack": (
        r"chemical\s+(?:weapons?|attacks?|munitions?|strikes?|agents?)|chlorine|sarin|nerve\s+agents?"
        r"|(?:toxic|poison(?:ous)?|mustard)\s+gas|gas\s+attacks?"
    ),
    "shootdown_or_crash": (
        r"sh(?:oot|ot|oots)\s+down|shot\s+(?:\w+\s+){0,4}?down|downed|downing|shoot-?down"
        r"|crash(?:es|ed|ing)?|went\s+down"
    ),
    "airstrike": (
        r"air\s*-?\s*strikes?|air\s+raids?"
        r"|(?<!suicide\s)(?<!car\s)(?<!truck\s)bomb(?:ing|ings|ed|s|ard(?:ed|ment|s)?)?"
        r"|warplanes?|(?:fighter\s+)?jets?|aircraft\s+(?:struck|hit|targeted|attacked)|sorties"
        r"|cruise\s+missiles?|barrel\s+bombs?|gunships?|drone\s+strikes?|napalm"
        r"|incendiary\s+(?:munitions?|weapons?|bombs?)|air\s+campaign"
    ),
    "shelling": (
        r"shell(?:ed|ing|s)|artillery|mortars?|rocket\s+(?:fire|attacks?)|rockets?|grad|mlrs"
        r"|missiles?"
    ),
    "territorial_change": (
        r"captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|recaptur(?:e|ed|es|ing)|retak(?:e|es|ing)|retook"
        r"|(?:took|take|takes|taking|gain(?:ed|s)?|regain(?:ed|s)?|establish(?:ed|es)?|assum(?:ed|es)"
        r"|seiz(?:ed|es))\s+(?:full\s+)?control|regain(?:ed|s)?|took\s+over"
        r"|liberat(?:e|ed|es|ing|ion)|fell\s+to|overr(?:an|un)|withdr(?:ew|awn)\s+from"
        r"|encircl(?:e|ed|ement)|besieg(?:e|ed)|advanc(?:ed|es)\s+(?:into|on|to)|re-?entered"
        r"|entered\s+the\s+(?:town|city|village)"
    ),
    "ground_fighting": (
        r"clash(?:es|ed)?|fight(?:ing|s)?|fought|battles?|assaults?|attack(?:s|ed|ing)?|ambush(?:ed|es)?"
        r"|offensives?|counter-?attacks?|counter-?offensives?|storm(?:ed|s|ing)?|raids?"
        r"|suicide\s+bomb(?:ing|er)s?|car\s+bombs?|insurgen(?:cy|ts?)"
    ),
    "agreement_or_ceasefire": (
        r"cease-?fires?|truces?|agreements?|agreed|deals?|accords?|memorandum|de-?escalation\s+zones?"
        r"|signed|signs|evacuations?\s+deal|peace\s+talks|negotiat(?:ed|ions?)"
    ),
    "deployment": (
        r"deploy(?:ed|s|ing|ment|ments)?|sen(?:t|ds|d)\s+(?:\w+\s+){0,3}?(?:troops|jets|aircraft|forces"
        r"|warships?|ships|police|advisers|reinforcements)|arriv(?:ed|es|al)|stationed"
        r"|reinforcements?|withdrawal|pull(?:ed|s|ing)?\s+out|build-?up"
    ),
    "statement": (
        r"sa(?:id|ys|y)|(?<!united\s)stat(?:ed|es|ement)|announc(?:ed|es|ement)|claim(?:ed|s)?|den(?:ied|ies|y)"
        r"|accus(?:ed|es)|condemn(?:ed|s)|warn(?:ed|s)|report(?:ed|s)?|veto(?:ed|es)?|call(?:ed|s)\s+for"
        r"|urg(?:ed|es)|demand(?:ed|s)|confirm(?:ed|s)|according\s+to|vot(?:ed|es)"
    ),
}
_COMPILED = [(t, re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I)) for t, p in _RULES.items()]
# The same rules in one pass (speed only): at each position, a zero-width look-ahead tries the
# rules in priority order, so the first group that matches there is the first rule matching at that
# position, and the first rule matching anywhere is the smallest such group over all positions.
# (Nine patterns each scanning the text cost nine scans; most positions are inside a word and
# fail all rules at once on the shared look-behind.)
_ANY = re.compile("(?<![\\w-])(?=" + "|".join(f"((?:{p})(?![\\w-]))" for p in _RULES.values()) + ")", re.I)
# Speed only: the same pattern without IGNORECASE, run over the lowercased text (about 2.5x faster:
# the regular expression engine skips an alternative on its first letter only when it compares
# case-sensitively). Equivalent for every text without a letter that a case-insensitive pattern
# matches to an ASCII letter but that lowercases to another one (dotted/dotless i, long s, Kelvin
# sign): checked over every code point, lowercasing keeps one character per character and leaves
# \w, \s and the patterns' literals as they were. A text holding one runs the pattern as written.
_ANY_LOWER = re.compile(_ANY.pattern)
_CASE_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a]")
_TYPES = list(_RULES)
_PRIORITY = {t: i for i, t in enumerate(EVENT_TYPES)}


def classify(text: str | None) -> str:
    """The event type of one statement (first matching rule in ``EVENT_TYPES`` order).

    >>> classify("Russian airstrikes kill 18 civilians, according to the SOHR.")
    'airstrike'
    >>> classify("Russia vetoes a French-drafted resolution on Aleppo.")
    'statement'
    """
    if not text:
        return "other"
    best = len(_TYPES)
    matches = _ANY.finditer(text) if _CASE_SPECIAL.search(text) else _ANY_LOWER.finditer(text.lower())
    for m in matches:
        best = min(best, (m.lastindex or 1) - 1)     # a match always sets one group
        if best == 0:
            break
    return _TYPES[best] if best < len(_TYPES) else "other"


def event_type_of(types) -> str:
    """An event's type from its mentions' types: the most frequent one other than ``other``,
    ties broken by priority; ``other`` when none."""
    counts = Counter(t for t in types if t and t != "other")
    if not counts:
        return "other"
    return min(counts, key=lambda t: (-counts[t], _PRIORITY.get(t, len(EVENT_TYPES))))


_SYRIA_CUE = re.compile(r"\bSyri(?:a|an|ans|a's)\b|\bAssad\b")


def names_syria(*texts) -> bool:
    """Whether any of the texts (a statement, its topic breadcrumbs or context tags) names Syria,
    Syrians or Assad."""
    return any(t and _SYRIA_CUE.search(t) for t in texts)


def in_scope(date, located_in_syria: bool, names_syria_: bool = False, abroad: bool = False) -> bool:
    """Whether an event belongs to the dataset's subject: dated on or after
    ``INTERVENTION_START``, not placed abroad, and located in Syria (stated or inferred) or, when
    no place could be found, naming Syria in its statements, topics or context tags."""
    if date is None or abroad or not (located_in_syria or names_syria_):
        return False
    try:
        day = date.date() if hasattr(date, "date") and callable(date.date) else date
    except (TypeError, ValueError):
        return False
    if day != day:  # NaT
        return False
    return day >= INTERVENTION_START
