"""Every mention placed as precisely as its document allows (``geo_basis`` says how).

Plain functions, no Dagster. Runs per document after extraction (``pipeline.extract``), on the
mention rows of that document only.

A mention's own text comes first (``stated``: the most precise gazetteer place it names, see
``pipeline.places``; a fronted clause about another happening, "Having captured X on 3 June, the
army advanced on Y", is left out when the main clause names a place). Then, in this order:

1. **unlisted** -- a settlement the statement names by its phrasing that GeoNames cities500 lacks
   ("the village of Umm Miyal", "an incident occurred in Jandoul", "in Kafar Dael";
   ``places.match_unlisted``) is the location when the statement names no gazetteer place, or
   names it before any gazetteer place, or as "X, Y" (X in Y): ``location`` is the name as
   written, ``geo_precision`` place, and the coordinates and governorate are those of the place
   the context gives (rules 2-5), else of the governorate the statement names, else null.
2. A statement that names no place, or only the country, takes the place of its enclosing
   context; one that names only a governorate takes a place of its paragraph, section or subject
   that lies in that governorate and is not its capital ("in the Idlib countryside" on a page
   about Heish is Heish; "Aleppo countryside" is never the city of Aleppo; "throughout the Idlib
   Governorate" is the whole governorate and keeps it):
   **paragraph** -- the nearest earlier sentence of the same paragraph that names a place
   ("... re-entered Khanasir. Later, they managed to seize the hill." -> Khanasir), or a site
   outside towns when it names no finer place ("... attacking the Jirah Military Airbase. By the
   afternoon their assault was repelled." -> Jirah);
3. **section** -- the section heading, then each enclosing heading outwards ("Northern Aleppo
   offensive (June 2016)" -> Aleppo);
4. **subject** -- the document's subject: its title ("Chemical Strikes on al-Lataminah", "2016
   Khanasir offensive"), and a Syrian Archive page's "Location:" field ("Location: IDLIB :
   Heish"; a settlement the gazetteer lacks, "IDLIB : Mar Zita", as written, in that governorate);
5. **item** -- for a current-events headline or related item, its topic breadcrumbs and
   ``_Context:`` tags ("Battle of Aleppo (2012-2016)", "Deir ez-Zor").

Each rule takes the nearest context that refines what the statement names, then a farther one
that refines that ("Idlib countryside" in the paragraph, "Location: IDLIB : Mar Zita" on the page:
Mar Zita). Also:

* **document places** (``_Lexicon``) -- a settlement the document names by a phrasing that says
  what it is ("the town of Dudyan", "Siege of Mare'", "three villages, including Dudyan", "Shaykh
  Issa, one of two towns") in its title, a heading, or a paragraph that names a Syrian place, is
  an unlisted settlement wherever the document names it bare; a verb alone ("targeting X") makes
  no document place. A name the document calls a feature ("Burj al-Ishara, a strategic high
  point") and a sentence only a verb makes it a settlement in yields to a gazetteer place.
* **far homonyms** (``_outliers``) -- a small gazetteer place in a governorate the document never
  names (as a governorate or by its capital), over 150 km from every place of the document's area
  (the governorate most of its places lie in, or its title names), is read as an unlisted
  settlement as written.
* **far homonyms under a heading** (``_far_from_heading``) -- a small gazetteer place a statement
  names, over 150 km from every place its section heading names and in none of their
  governorates, with nothing else of its governorate in the statement, is an unlisted settlement
  of the heading's area (or, named as a building, road or site, "the Ghasania school", lies in
  the heading's place); the sentences after it in the paragraph take it so.
* **what is not the event's place** (``places_in``) -- a time zone ("Damascus time"), a reporting
  authority ("Idlib health directorate": ``places.event_places`` already leaves it out), where casualties were taken ("evacuated to X"), the
  attack an attack answered ("in response to the X attack"), a place inside an armed group's name
  ("Free Idlib Army"), an outlet after "according to" ("According to Al-Masdar"); a region named
  after a city ("in North Aleppo and at Azaz", "rural areas of east Aleppo") yields to the
  settlement named beside it; a point of reference ("south of X",
  "the countryside of X", "25 km of X", "the X Dam") does not outrank an unlisted settlement
  named after it.
* **anaphors** -- "the town" (city, village) before any named place is the place of the context
  (the sentence before it, skipping sentences that are themselves about "the town"); "the
  airbase" is the base the paragraph, a heading or the title names ("Siege of Abu al-Duhur
  Airbase"; "the Jirah Airbase" by its own name when the gazetteer lacks it). "The Maskanah
  Plains" name a region, not the town.
* **sites** -- a statement naming no settlement that names a site outside towns ("the Jirah
  Airbase", "the Tanf Border Crossing", "the hills of X") is located at the site, by the name it
  is named for, rather than at the town of its context ("ISIL captured the Tanf Border Crossing"
  in a section on Palmyra); one left with no place finer than a governorate or the country that
  names a district is located at the district. Never when a foreign country holds the site
  ("Turkey's Incirlik Air Base", "in Turkey"), nor in a statement that names no Syrian place in a
  document whose prose names none; a statement whose context names no place, in a document whose
  prose names Syrian towns, is located at its site unless a nationality adjective or a flag marks
  it as told of another country ("Turkish border guards at the Akcakale border crossing").

Other features (districts, neighbourhoods, hills, roads, bases: "Bustan al-Qasr district", "Tal
Za'rour hill") are never a location of their own when their place is known: they lie in the place the sentence or its
context names ("districts of Aleppo city are Aleppo"); a gazetteer name followed by road,
street, district, neighbourhood, quarter, highway or gate names such a feature ("Al-Bab road
district, Aleppo" is in Aleppo, not in the town of al-Bab); but a town's name and "District" as a
proper name, with no other settlement in the statement, is Syria's administrative district named
after its seat ("Albu Kamal District, Syria", "eight villages in the Al-Qusayr District"), located at
the town (``_administrative_district``). A statement that names a place abroad with
a locative word ("in Niger", "in Moscow", "in Kilis, Turkey", "in the Turkish city of Kilis") and no
Syrian place but where something came from ("a rocket fired from inside Syria") takes nothing from
its context, and not the country it names so.
"""

from __future__ import annotations

import math
import re

from .places import (
    GOVERNORATES,
    Place,
    UnlistedPlace,
    _is_foreign,
    best_place,
    event_places,
    is_origin,
    match_places,
    match_unlisted,
    population,
)
from .prefilter import guarded, starting
from .text import split_sentences, strip_links

_RANK = {"place": 0, "governorate": 1, "country": 2}
# speed only, same matches: prefilter.guarded, prefilter.starting
_LOCATION_FIELD = guarded(starting(re.compile(r"\b(?:Location|Place)\s*:\s*(?P<v>[^\\\n*|]{2,80})")))
_ABROAD = re.compile(r"\b(?:in|at|near|outside|inside|across|from)\s+(?:the\s+)?"
                     r"(?P<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


class _Ctx:
    """A candidate context location: a gazetteer place, or an unlisted settlement's name."""

    def __init__(self, place: Place | None, name: str | None = None, admin1: str | None = None):
        self.place = place
        self.name = name or (place.name if place else None)
        self.admin1 = admin1  # an unlisted settlement's governorate, when its source states it

    @property
    def precision(self) -> str:
        return self.place.precision if self.place else "place"


# a gazetteer name followed by one of these names a feature elsewhere ("Al-Bab road district,
# Aleppo" is in Aleppo, not in al-Bab)
_NAMED_FEATURE = re.compile(r"['’]?[\s-]+(?:road|street|district|neighbou?rhood|quarter|highway|gate|plains?|bridge"
                            r"|supply\s+(?:routes?|lines?|roads?|corridor))\b",
                            re.I)


# an administrative district (mantiqah) named after its seat, written with a capital: "in the
# Al-Qusayr District", "the Markada District" (a city's districts are written lower case, "the
# Bab al-Hadid district", or are names the gazetteer lacks)
_ADMIN_DISTRICT = re.compile(r"(?-i:\s+District)\b(?!\s*,\s*(?-i:[A-Z]))")


# the first end of a road named by its two ends ("took the Jarabulus–Manbij road": the road, not
# the town of Jarabulus; the second end is a name followed by "road")
_ROAD_END = re.compile(r"\s*[-–—]\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?[\s-]+(?i:road|highway|motorway)\b")
# the second end of a road named by its two ends: "the Ithriyah-Salamiyah road"
_ROAD_AFTER = re.compile(r"[\s-]+(?i:road|highway|motorway)\b")
_ROAD_FIRST_END = re.compile(r"[A-Za-z'’]+\s*[-–—]\s*$")
# a name in a list of districts ("the Sabaa Bahrat and al-Hezwania neighborhoods", "the Bab
# al-Hadid district"): districts of the city the context names, not the homonymous village the
# gazetteer has (capitalised words or al-/el- words, not a possessive: "Manbij city's X district")
_FEATURE_TOKEN = r"(?:[A-Z][\w'’-]*(?<!['’]s)|(?:al|el|an|ar|as|ash|at|az|ad)-[\w'’-]+)"
_NAMED_FEATURES = re.compile(
    rf"(?:[\s-]+{_FEATURE_TOKEN}){{0,2}}(?:\s*,\s*(?:the\s+)?{_FEATURE_TOKEN}(?:[\s-]+{_FEATURE_TOKEN}){{0,2}})*"
    rf"(?:\s*,?\s+and\s+(?:the\s+)?{_FEATURE_TOKEN}(?:[\s-]+{_FEATURE_TOKEN}){{0,2}})?"
    r"[\s-]+(?i:neighbou?rhoods?|districts?|quarters?)\b")
# a place name followed by these names something else than where the event happened: a time zone
# ("12:25 pm Damascus time"); an authority or an institution named after its seat ("Idlib health
# directorate said", "the Aleppo City Council") is already left out by ``event_places``
# (``places.is_institution``), for every path that reads a statement's places
_NOT_THE_EVENTS = guarded(re.compile(r"[\s-]+(?:(?:local|standard)\s+)?time\b", re.I))
# a place name inside the name of an armed group ("2 Free Idlib Army commanders", "the Idlib
# Martyrs Brigade", "Al-Qassem Republican Guard soldiers"): the group's name, not where the event happened (capitalised: "on the Idlib
# front" is a front line; a town's military council stays in its town, "the Manbij Military
# Council said ...")
_GROUP_NAMED = re.compile(
    r"(?-i:[\s-]+(?:[A-Z][a-z]+\s+){0,2}?(?:Army|Brigades?|Division|Front|Legion|Battalions?|Regiment"
    r"|Operations\s+Room|Revolutionaries|Martyrs|Shield|Corps|Guards?)\b)")
# a name after "according to" is who reports ("According to Al-Masdar, ...", "according to the
# Aleppo Media Center"), not a place
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}$", re.I)
# where someone spoke ("Speaking at the al-Omar oil field staging area on 16 February, the
# commander stated that ...", "told reporters in Damascus", "at a press conference in Hasakah"): the
# speaker's place, not the place of what is told, nor of the statements after it
_SPEECH_BEFORE = guarded(re.compile(
    r"\b(?i:speaking|spoke|in\s+a\s+speech|told\s+(?:reporters|journalists)|at\s+a\s+(?:press|news)\s+conference)"
    r"\s+(?:at|in|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$"))
# a place named before these words is where casualties were taken, what an attack answered or
# where an aircraft was flying to, not where it happened: "wounded five civilians, who were then
# evacuated to al-Hasakah", "in response to the Khan Shaykhun chemical attack"
_ELSEWHERE_BEFORE = guarded(re.compile(
    r"(?:\b(?:evacuated|transferred|taken|rushed|transported|referred)\s+(?:[a-z]+\s+){0,3}?to"
    r"|\bin\s+(?:response|retaliation|reprisal)\s+(?:to|for)|\bto\s+avenge|\bbound\s+for"
    # where an aircraft was flying to ("crashes into the Black Sea shortly after takeoff from Sochi.
    # The airplane was headed towards Khmeimim"): its destination, not where it came down (a convoy
    # "headed towards X" that was struck is kept: it is told where it was)
    r"|\b(?:air(?:craft|plane|liner)s?|planes?|jets?|helicopters?|flights?)\s+(?:(?:was|were)\s+)?"
    r"(?:headed|heading|flying|en\s+route|on\s+(?:its|their)\s+way)\s+(?:to|towards?|for))"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,2}$", re.I))
# where people or goods were headed, anywhere in the clause after "bound for" ("trucks ... bound for
# SDF-run refugee camps in northeastern Syria, primarily al-Hawl")
_BOUND_FOR = guarded(re.compile(r"\bbound\s+for\b[^.;:()]*$", re.I))
# a supply route named by where it leads: "the government supply route to Aleppo between Khanasir
# and Ithriya", "to cut the main supply line to Aleppo": the road, not the city (as "the Aleppo
# supply line", ``_NAMED_FEATURE``)
_SUPPLY_BEFORE = guarded(re.compile(
    r"\b(?i:supply\s+(?:routes?|lines?|roads?|corridor)\s+(?:to|into|of))\s+(?:the\s+(?:city\s+of\s+)?)?$"))
# a place named only as a point of reference for another: "advanced further south of al-Shaddadi
# and captured the village of al-Alwa", "within 25 km of Al-Shaddadi"
# speed only, same matches: prefilter.guarded, prefilter.starting
_REFERENCE_BEFORE = guarded(starting(re.compile(
    r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern|wards?)?|km|kilometers|kilometres"
    r"|miles|countryside)\s+of\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.I)))
# a gazetteer name that names a site near it ("the South Hasakah Dam", "Kuweires Airbase"): like a
# point of reference, it does not outrank a settlement the statement names after it
_SITE_NAMED = re.compile(r"[\s-]+(?:(?:military|international)\s+)?(?:dam|air\s*base|airbase|airport"
                         r"|airfield|border\s+crossing|crossing|oil\s*fields?|gas\s*fields?|lake)\b", re.I)


# the origin of a movement whose target the statement names after it: "redirected their assault
# from al-Bab to the village of Sheikh Nassir", "advanced from X towards Y", "moved from X into
# Y": the event is at the target, not at the origin (a movement with no target named stays at its
# origin: "ISIL withdrew from Tadef")
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]*(?:[ -](?:(?:al|el|ad|ar|as|az)-)?(?-i:[A-Z])[\w'’-]*){0,2}\s*(?:,\s*|\s+and\s+))*$", re.I)
_TOWARDS_AFTER = re.compile(
    # past more origins of a list ("from Hama and Deir ez-Zor"), and a few words before a verb of
    # arriving ("militants from Hama managed to reinforce Raqqa")
    r"(?:\s*(?:,|\band\b)\s*(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:[ -](?:(?:al|el|ad|ar|as|az)-)?(?-i:[A-Z])[\w'’-]*){0,2})*"
    r"(?:\s+(?:(?:back|further|up|down)\s+)?(?:to|towards?|into|onto|on|against)"
    r"|[^,;:.()]{0,40}?\s(?:reinforce[sd]?|reinforcing|reach(?:ed|ing)?))\s+(?P<rest>[^,;:.()]{2,80})", re.I)


# a gazetteer name that is only the first word of a longer capitalised name of a structure or a
# height ("Qara Qoqaz bridge": not the village Qara; "the Tell Shaeer Hill"): another name, not
# that place (a descriptor between them keeps it: "the Jarabulus Border Crossing", "Aleppo
# International Airport" lie at the town)
_DESCRIPTORS = r"(?:Border|Military|International|Main|Old|New|Grand|Great|Central|Upper|Lower|Northern|Southern" \
    r"|Eastern|Western|North|South|East|West|Industrial|Railway|Air|Oil|Gas)"
_LONGER_NAME = re.compile(
    rf"(?:[\s-]+(?!{_DESCRIPTORS}\b)(?:[A-Z][\w'’-]*|(?:al|el|an|ar|as|ash|at|az|ad)-[\w'’-]+)){{1,2}}"
    r"\s+(?i:bridge|dam|crossing|hills?|mountains?|mount|junction|roundabout)\b")


def _is_movement_origin(text: str, p: Place, targets: list[tuple[int, str]]) -> bool:
    """Whether ``p`` is written as where a movement starts ("from X to Y", "from X and Z managed
    to reinforce Y") and a place the statement names (``targets``: starts and precisions) follows
    as its target in the same clause."""
    if _FROM_BEFORE.search(text, max(0, p.start - 40), p.start) is None:
        return False
    after = _TOWARDS_AFTER.match(text, p.end)
    if after is None:
        return False
    lo, hi = after.start("rest"), after.end("rest")
    return any(lo <= start < hi and precision == "place" for start, precision in targets)


def places_in(text: str, known: _Lexicon | None = None) -> list[Place]:
    """``match_places`` without names that only name a feature elsewhere ("Al-Bab road"), a time
    zone or an authority ("Damascus time", "Idlib health directorate"), where casualties were
    taken or which attack an attack answered ("evacuated to al-Hasakah", "in response to the Khan
    Shaykhun chemical attack"), without the origin of an aircraft or a launch ("took off from
    Hmeimim": ``event_places``), without a name that is only the first part of a longer name
    the gazetteer lacks ("Rasm" of "the village of Rasm al-Nafal", "Qara" of "Qara Qoqaz
    bridge") and without the origin of a movement whose target follows ("from al-Bab to X")."""
    if known is not None:
        return list(known.remember("places_in", text, _places_in))
    return _places_in(text, None)


def _places_in(text: str, known: _Lexicon | None) -> list[Place]:
    unlisted = _unlisted_in(text, known)
    out = []
    road_ends: list[Place] = []
    second_ends: list[Place] = []
    seats: list[Place] = []
    found = event_places(text)
    # a site outside towns is a target too: "redirected its efforts from al-Bab into an offensive
    # northeast of Kuweires airbase"
    targets = [(p.start, p.precision) for p in found] + [(u.start, "place") for u in unlisted] + [
        (u.start, "place") for u in match_unlisted(text) if u.kind == "feature" and _SITE_NAMED.match(text, u.end)]
    for p in found:
        if _is_movement_origin(text, p, targets):
            continue
        if known is not None and p.geonameid in known.outliers:
            continue
        if p.precision == "place" and (_NAMED_FEATURE.match(text, p.end) or _NAMED_FEATURES.match(text, p.end)) \
                and not _administrative_district(text, p, found):
            if _ROAD_AFTER.match(text, p.end) and _ROAD_FIRST_END.search(text, max(0, p.start - 40), p.start):
                second_ends.append(p)  # "the Ithriyah-Salamiyah road": its second end, the first unlisted
            elif _ADMIN_DISTRICT.match(text, p.end):
                seats.append(p)  # "the Al-Qusayr District": the district around its seat
            continue
        longer = _LONGER_NAME.match(text, p.end) if p.precision == "place" else None
        if longer is not None and not any(p.end < q.start < longer.end() for q in found):
            continue
        if p.precision == "place" and _ROAD_END.match(text, p.end):
            road_ends.append(p)
            continue
        if _NOT_THE_EVENTS.match(text, p.end) or _ELSEWHERE_BEFORE.search(text, max(0, p.start - 80), p.start) \
                or _BOUND_FOR.search(text, max(0, p.start - 100), p.start) \
                or _SUPPLY_BEFORE.search(text, max(0, p.start - 40), p.start):
            continue
        if _GROUP_NAMED.match(text, p.end) or _SOURCE_BEFORE.search(text, max(0, p.start - 80), p.start) \
                or _SPEECH_BEFORE.search(text, max(0, p.start - 60), p.start):
            continue
        if any(u.start <= p.start and p.end <= u.end and (u.start, u.end) != (p.start, p.end)
               for u in unlisted):
            continue
        out.append(p)
    if road_ends and not any(p.precision == "place" for p in out):
        # "an SVBIED targeted a convoy on the Shadadi-Hasakah road": the road's first end is the
        # nearest place the statement gives
        out = sorted(out + road_ends[:1], key=lambda p: p.start)
    if seats and not any(p.precision == "place" for p in out) \
            and not any(u.start < seats[0].start for u in unlisted):
        # "took over eight villages in the Al-Qusayr District of Syria", naming no settlement: the
        # administrative district named after its seat is placed at the seat (a district of a
        # city, "the al-Layramoun district", is a name the gazetteer lacks: never a seat)
        out = sorted(out + seats[:1], key=lambda p: p.start)
    if second_ends and not out:
        # "attacked the Ithriyah-Salamiyah road" (Ithriyah unlisted), naming nothing else, not even
        # a governorate: the end the gazetteer has
        out = second_ends[:1]
    return out


def _is_reference(text: str, start: int, end: int | None = None) -> bool:
    """Whether a place is named only as a point of reference ("south of X", "the countryside of
    X", "25 km of X"), as a region named after it ("rural areas of east Aleppo", "in North
    Aleppo") or as the namesake of a site near it ("the X Dam")."""
    return (_REFERENCE_BEFORE.search(text, max(0, start - 60), start) is not None
            or _REGION_BEFORE.search(text, max(0, start - 20), start) is not None
            or (end is not None and _SITE_NAMED.match(text, end) is not None))


# a fronted clause about an earlier or framing happening: "Having captured Tell Sabil on 3 June, the
# army advanced on Saraqib", "After the fall of al-Bab, ..."
_FRONTED_CLAUSE = guarded(re.compile(
    r"\s*(?:Having|After|Following|Upon|Before|Prior\s+to|Shortly\s+after|Soon\s+after|Days\s+after"
    # "As Turkish-backed rebels overran positions near Jarabulus, ISIL ... retook Huthan village":
    # what went on meanwhile elsewhere
    r"|Hours\s+after|While|Whilst|As(?!\s+(?:of|part|well|a\s+result|such)\b)|Although|Though)\b[^,;:()]{3,160},\s+"))


# the same clause set between commas after an opening date, before the main clause: "On 30
# January 2020, following the army's capture of X, the Turkish Army set up two posts north of Y";
# several, and what went on meanwhile: "On 25 February, amid a large retreat from X, and following
# the fall of Y, most fighters had withdrawn from the town of Z", "On 9 August, as the army advanced
# on X, ISIL attacked Y"
# (not a clause after the main verb: "... had ended their operations, after they secured X, ...")
_EMBEDDED_CLAUSE = re.compile(
    r"(?P<lead>\s*(?:(?:Early|Late)\s+)?(?:On|In|By|During)\s[^,;:()]{3,40})(?:,\s*(?:and\s+)?(?:having|after|following"
    r"|upon|before|prior\s+to|shortly\s+after|soon\s+after|amid|amidst"
    r"|as(?!\s+(?:of|part|well|a\s+result|such)\b))\b[^,;:()]{3,160})+,")


_WHILE_CLAUSE = re.compile(r",\s+(?:while|whilst)\s+(?!(?:also|still)\b)[^;]*$")


def _main_clause(text: str, known: _Lexicon | None) -> str:
    """The statement without a fronted or embedded clause about another happening, when its main
    clause names a place of its own ("Having captured X on 3 June, the army advanced on Y": Y;
    "..., following the capture of X, the army set up posts north of Y": Y); else the whole
    statement."""
    m = _FRONTED_CLAUSE.match(text)
    main = text[m.end():] if m is not None else text
    e = _EMBEDDED_CLAUSE.match(main)
    if e is not None:
        main = e.group("lead") + "," + main[e.end():]
    w = _WHILE_CLAUSE.search(main)
    if w is not None and places_in(main[: w.start()], known):
        # "... managed to capture another village to the west of al-Bab, while the SDF entered the
        # villages of X and Y": what others did meanwhile, elsewhere (when the main clause names a
        # gazetteer place: "shelled Burj al-Ishara, while ISIL tried to break into Palmyra" is at
        # Palmyra, the town of that high point)
        main = main[: w.start()] + "."
    if main == text or _anaphor_first(main, known):
        # "As Turkey launched its offensive to capture Jarabulus, 3,000 civilians fled from the
        # town to ...": the main clause speaks of the fronted clause's place
        return text
    return main if places_in(main, known) or _unlisted_in(main, known) else text


def _best_stated(text: str, places: list[Place]) -> Place | None:
    """``best_place``, except that a region named after a place ("in North Aleppo and at Azaz",
    "from rural areas of east Aleppo, ... the town of Tadef") yields to a place the text names
    beside it."""
    plain = [p for p in places if not _REGION_BEFORE.search(text, max(0, p.start - 20), p.start)]
    target = _settlement_beside_reference(text, plain)
    if target is not None:
        return target
    best = best_place(plain)
    return best if best is not None and best.precision == "place" else best_place(places)


def _settlement_beside_reference(text: str, places: list[Place]) -> Place | None:
    """A gazetteer settlement the statement names beside a town it names only as a point of
    reference ("advancing northwest of Deir ez-Zor ... managed to capture Maadan": Maadan; "the
    army advanced south of X and captured Y": Y), when the reference comes first; None when every
    town it names is a reference (the event is then near that town: it stays the location) or
    the first town is none."""
    towns = [p for p in places if p.precision == "place"]
    first = towns[0] if towns else None
    if first is None or _REFERENCE_BEFORE.search(text, max(0, first.start - 60), first.start) is None:
        return None  # (a site named after the town, "Damascus International Airport", is no reference here)
    return next((p for p in towns[1:] if not _is_reference(text, p.start, p.end)
                 and not _NOT_A_TARGET_BEFORE.search(text, max(0, p.start - 90), p.start)), None)


# what a settlement named after a point of reference may not be to be the event's place: another
# point of reference ("to the west of the Syrian border town of Azaz"), an origin ("advancing
# from Raqqa", "sent reinforcements from Mayadin"), an end of a road ("the road between the city
# and Aleppo"), an aim ("in an attempt to besiege the town of Arima")
_NOT_A_TARGET_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:town|city|village)\s+of"
    r"|\bfrom|\bbetween\b[^,;:.()]{0,60}\band|\b(?:heading|headed|towards?)\b[^,;:.()]{0,40}"
    r"|\bfor\s+the\s+(?:upcoming\s+|planned\s+|expected\s+|coming\s+)?(?:assault|attack|offensive|battle)\s+(?:on|of)"
    r"|\b(?:attempt|order|bid|effort|efforts|aim|aiming|seeking|trying|tried|attempting)\s+to\s+[a-z]+)"
    r"\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.I)


# a direction word right before a name makes a region named after the place ("east Aleppo",
# "northern Hama", "North Aleppo"): it yields to a settlement the statement names beside it
_REGION_BEFORE = guarded(re.compile(
    r"\b(?:north|south|east|west|northern|southern|eastern|western)(?:-?(?:east|west)(?:ern)?)?\s+$", re.I))


_ARTICLE_FREE = re.compile(r"(?i:al|el|an|ar|as|ash|ad|az|at)[- ](?P<bare>[A-Z][a-z'’]{2,}(?:iyah|iyeh|iya|iye|iyya|iyyah))$")


class _Lexicon:
    """The unlisted places a document itself establishes by its phrasing somewhere (its title,
    a heading, any sentence: "the town of Dudyan", "Siege of Mare'", "Shaykh Issa, one of two
    towns"): the same name written bare in another sentence of the document ("rebels recaptured
    Dudyan") is that place too. A name the document also calls a feature ("Burj al-Ishara, a
    strategic high point") is never a settlement in it."""

    def __init__(self, settlements: set[str], features: set[str], outliers: frozenset[int] = frozenset()):
        self.outliers = outliers  # geonameids of homonyms far from the document's area (``_outliers``)
        # a settlement named with its article is the same written without it, as sources write it
        # ("the nearby village of Al-Suflaniyah" ... "the rebels recaptured Suflaniyah"), for a name
        # shaped like a place's (the -iyah / -iyeh ending of a nisba), not a person's ("al-Hussein")
        settlements = settlements | {m.group("bare") for n in settlements if (m := _ARTICLE_FREE.match(n))}
        self.settlements = frozenset(settlements)
        self.features = frozenset(features - settlements)
        self._rx = self._regex(self.settlements)
        self._features_rx = self._regex(self.features)
        self._memo: dict[tuple[str, str], object] = {}

    def remember(self, what: str, text: str, compute):
        """``compute(text, self)``, once per text of the document (speed only: the map reads a
        sentence as a statement, as the context of the statements after it, for an anaphor ...;
        the answer depends on the text and this lexicon alone). Callers copy what they change."""
        key = (what, text)
        if key not in self._memo:
            self._memo[key] = compute(text, self)
        return self._memo[key]

    @staticmethod
    def _regex(names: frozenset[str]) -> re.Pattern | None:
        ordered = sorted(names, key=lambda n: (-len(n), n))
        return re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in ordered)
                          + r")(?![\w-])") if ordered else None

    def find(self, text: str, kind: str = "settlement") -> list[UnlistedPlace]:
        rx = self._rx if kind == "settlement" else self._features_rx
        if rx is None:
            return []
        return [UnlistedPlace(m.group(0), kind, m.start(), m.end()) for m in rx.finditer(text)]


def _lexicon(doc, paragraphs) -> _Lexicon:
    """Names a document establishes as places: by a phrasing that says what the name is ("the
    town of X", "Battle of X", "X, a village", "villages, including X"), never only by what
    happens there ("targeting X": a person may be targeted); in its title, a heading, or a
    sentence of a paragraph that names a Syrian place and of no sentence placed abroad or naming
    a foreign country ("the Lebanese Army clashed with Syrian gunmen in the town of Arsal" makes
    no Syrian place of Arsal)."""
    settlements: set[str] = set()
    features: set[str] = set()

    def read(t: str | None) -> None:
        if not t:
            return
        found = match_unlisted(t)
        if not found or (any(u.kind == "settlement" for u in found)
                         and (is_abroad(t) or _names_foreign_country(t))):
            return
        for u in found:
            if u.kind == "feature":
                features.add(u.name)
            elif not u.weak:
                settlements.add(u.name)

    read(doc.title if doc.format != "current_events" else None)
    for sec in doc.sections:
        read(sec.heading)
    for _, sentences in paragraphs:
        if any(p.precision != "country" for t in sentences for p in match_places(t)):
            for t in sentences:
                read(t)
    return _Lexicon(settlements, features, _outliers(doc, paragraphs))


_AREA_SHARE = 0.6  # of a document's distinct places in one governorate: the document's area
_AREA_MIN_PLACES = 4
_OUTLIER_KM = 150  # from the middle of the document's area
_OUTLIER_MAX_POPULATION = 50_000  # a city this large is meant by its name wherever it is named


def _outliers(doc, paragraphs) -> frozenset[int]:
    """Gazetteer places that are homonyms of the place a document means: the document's places lie
    mostly (``_AREA_SHARE``, at least ``_AREA_MIN_PLACES`` of them) in one governorate, or its title
    names a place of that governorate ("2016 Aleppo summer campaign": "the Mallah Farms" are north
    of Aleppo, not Malah in As-Suwayda), and this one,
    a town of fewer than ``_OUTLIER_MAX_POPULATION`` people, lies in a governorate the document
    never names, neither as a governorate nor by its capital, more than ``_OUTLIER_KM`` from every
    place the document names in its area (GeoNames has one
    "Hisya", in Homs; an article on the fighting north of Aleppo that names "the village of
    Hasiyah" means another; each place of such a governorate is judged alone: an article on Manbij that names
    "Malla Saad" and "the Shahba dam" means neither Malah nor Shahba of As-Suwayda, 400 km south;
    one on Raqqa that names "the town of al-Safsafah, to the east of al-Thawrah" means no town of
    Tartus governorate). Such a name is read as an unlisted settlement, as written, in the
    document's area."""
    texts = [doc.title or "", *(sec.heading or "" for sec in doc.sections),
             *(t for _, sentences in paragraphs for t in sentences)]
    places: dict[int, Place] = {}
    governorates: set[str] = set()
    for t in texts:
        for p in match_places(t):
            if p.precision == "place" and p.geonameid is not None and p.admin1:
                places.setdefault(p.geonameid, p)
            elif p.precision == "governorate" and p.admin1:
                governorates.add(p.admin1)
    per_gov: dict[str, list[Place]] = {}
    for gid in sorted(places):
        per_gov.setdefault(places[gid].admin1 or "", []).append(places[gid])
    if not per_gov:
        return frozenset()
    area, inside = max(per_gov.items(), key=lambda kv: (len(kv[1]), kv[0]))
    # the area a title names ("2016 Aleppo summer campaign", "Battle of al-Bab") is the document's
    # area however few places it names; else most of its places must lie in one governorate
    titled = [p.admin1 for p in match_places(doc.title or "") if p.precision == "place" and p.admin1]
    if titled and len(places) >= 2:
        area = titled[0]
    elif len(places) < _AREA_MIN_PLACES or len(inside) < _AREA_SHARE * len(places):
        return frozenset()
    # governorates the document means places in: its area, one it names as a governorate or by
    # its capital; a homonym is judged by its distance from the places of the area
    anchored = {gov for gov, ps in per_gov.items()
                if gov == area or gov in governorates or any(p.geonameid == _capital_id(gov) for p in ps)}
    anchors = [p for p in places.values() if p.admin1 == area]
    return frozenset(
        q.geonameid or 0 for gov, ps in per_gov.items() if gov not in anchored for q in ps
        if population(q) < _OUTLIER_MAX_POPULATION
        and min(_km(p.latitude, p.longitude, q.latitude, q.longitude) for p in anchors) > _OUTLIER_KM)


# what a name is followed by when it names a building, a road or a site rather than a settlement
# ("the Ghasania school", "the Ithriya-Zakia highway", "Rabia land border crossing")
_FEATURE_AFTER = re.compile(
    r"['’]?[\s-]+(?:[a-z]+\s+){0,2}?(?i:school|hospital|mosque|market|bakery|road|highway|street|district"
    r"|neighbou?rhood|quarter|crossing|bridge|dam|air\s*base|airport|camp|oil\s*field|factory|silos|hill)s?\b")


def _far_from_heading(text: str, m: dict, known: _Lexicon | None) -> tuple[Place, Place, bool] | None:
    """A far homonym a statement names under a heading of its own area: the statement's place is a
    town of fewer than ``_OUTLIER_MAX_POPULATION`` people more than ``_OUTLIER_KM`` from every Syrian
    place or governorate its section heading names, in none of their governorates, and the
    statement names nothing else in its governorate ("capture Maria'yah" under "Syrian Army clears
    northwest Deir ez-Zor" is no Mari' of Aleppo, 290 km north-west). Returns (the homonym, the
    heading's place, whether the name is that of a building, road or site: then the statement is
    in the heading's place), else None. A long article spans many governorates, so the
    document-wide rule (``_outliers``) cannot see these."""
    heading = [p for p in match_places(m.get("section") or "") if p.precision != "country"]
    if not heading:
        return None
    found = [p for p in places_in(text, known) if p.precision != "country"]
    hit = next((p for p in found if p.precision == "place" and p.name == m.get("location")), None)
    if (hit is None or population(hit) >= _OUTLIER_MAX_POPULATION
            or hit.admin1 in {h.admin1 for h in heading}
            or any(q.admin1 == hit.admin1 and q.geonameid != hit.geonameid for q in found)
            or min(_km(h.latitude, h.longitude, hit.latitude, hit.longitude) for h in heading) <= _OUTLIER_KM):
        return None
    anchor = best_place(heading)
    assert anchor is not None
    return hit, anchor, _FEATURE_AFTER.match(text, hit.end) is not None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(a))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _names_foreign_country(text: str) -> bool:
    return any(_is_foreign(w) for w in _CAPITALISED.findall(text))


# a town's name and "District" as a proper name: Syria's administrative district named after its
# seat ("Albu Kamal District, Syria", "eight villages in the Al-Qusayr District")
_ADMIN_DISTRICT = re.compile(r"[\s-]+District\b")


def _administrative_district(text: str, p: Place, found: list[Place]) -> bool:
    """Whether "<town> District" names the administrative district of that town (located at the
    town, its seat) rather than a district of a city the statement names: "District" capitalised
    as a name, and no other settlement in the statement ("Salaheddine District, Aleppo" is in
    Aleppo; "the Ramouseh district" is a city's)."""
    if not _ADMIN_DISTRICT.match(text, p.end):
        return False
    return not any(q.precision == "place" and q.geonameid != p.geonameid for q in found)


def _names_something_else(text: str, p: Place) -> bool:
    """Whether a name is part of the name of something else: a longer name of a bridge or a hill
    ("Qara Zoubar bridge"), a feature named after it ("the X road"), a district of a list ("the
    Sabaa Bahrat and al-Hezwania neighborhoods"), an armed group ("Al-Qassem
    Republican Guard"): no homonym read as a settlement either (``_outliers``)."""
    return bool(_LONGER_NAME.match(text, p.end) or _NAMED_FEATURE.match(text, p.end)
                or _NAMED_FEATURES.match(text, p.end) or _GROUP_NAMED.match(text, p.end))


def _unlisted_in(text: str, known: _Lexicon | None) -> list[UnlistedPlace]:
    """The unlisted settlements a text names: by its own phrasing, or as a name its document
    establishes (``_Lexicon``); never an origin ("flying from X") or a name the document calls a
    feature."""
    if known is not None:
        return list(known.remember("unlisted_in", text, _unlisted_in_of))
    return _unlisted_in_of(text, None)


def _unlisted_in_of(text: str, known: _Lexicon | None) -> list[UnlistedPlace]:
    own = [u for u in match_unlisted(text) if u.kind == "settlement"]
    if known is not None:
        spans = [(u.start, u.end) for u in match_unlisted(text)]
        own += [u for u in known.find(text) if not any(a < u.end and u.start < b for a, b in spans)]
        if known.outliers:
            own += [UnlistedPlace(p.matched, "settlement", p.start, p.end) for p in event_places(text)
                    if p.geonameid in known.outliers and not any(a < p.end and p.start < b for a, b in spans)
                    and not _names_something_else(text, p)]
    return sorted((u for u in own if not is_origin(text, u.start)
                   and not _SOURCE_BEFORE.search(text, max(0, u.start - 80), u.start)
                   and not _SPEECH_BEFORE.search(text, max(0, u.start - 60), u.start)
                   # where casualties were taken, what an attack answered, where people were bound
                   # for: no place of the event, as for a gazetteer place (``places_in``)
                   and not _ELSEWHERE_BEFORE.search(text, max(0, u.start - 80), u.start)
                   and not _BOUND_FOR.search(text, max(0, u.start - 100), u.start)), key=lambda u: u.start)


_DISTRICT_AFTER = re.compile(r"['’]?[\s-]+(?i:district|neighbou?rhood|quarter)s?\b")
_DISTRICT_BEFORE = re.compile(r"\b(?i:district|neighbou?rhood|quarter)s?\s+of\s+(?:the\s+)?$")


def _districts_in(text: str) -> dict[str, int]:
    """The names a text calls a district, a neighbourhood or a quarter ("the Ramouseh district",
    "Bannawi neighbourhood", "the neighbourhood of X"), with where each is first named."""
    out: dict[str, int] = {}
    for u in match_unlisted(text):
        if u.kind == "feature" and (_DISTRICT_AFTER.match(text, u.end)
                                    or _DISTRICT_BEFORE.search(text, max(0, u.start - 30), u.start)):
            out.setdefault(u.name, u.start)
    return out


def _best_in(text: str, known: _Lexicon | None = None) -> _Ctx | None:
    """The most precise place a text names: a gazetteer place, or an unlisted settlement when the
    text names it before any gazetteer place (one named only as a point of reference, "south of
    X", does not count), or as "X, Y"."""
    if not text:
        return None
    if known is not None:
        found = known.remember("best_in", text, _best_of)
        # a new _Ctx each time, as before the memo: the map compares contexts by identity
        return None if found is None else _Ctx(found.place, found.name, found.admin1)
    return _best_of(text, None)


def _best_of(text: str, known: _Lexicon | None) -> _Ctx | None:
    places = places_in(text, known)
    own = [p for p in places if not _is_reference(text, p.start, p.end)]
    best = _best_stated(text, places)
    unlisted = _unlisted_in(text, known)
    if best is not None and known is not None:
        # a name only a verb makes a settlement ("shelled Burj al-Ishara") that the document calls
        # a feature ("Burj al-Ishara, a strategic high point") yields to a place the text names
        unlisted = [u for u in unlisted if not (u.weak and u.name in known.features)]
    districts = _districts_in(text)
    if districts:
        # a name only a verb makes a settlement, in a statement about districts or neighbourhoods
        # of a city ("secured the whole al-Khalidiyah district ..., after capturing buildings in
        # al-Khalidiyah", "retaken Bannawi neighbourhood and were fighting in al-Kejeli"): another
        # part of that city, which the context names, not a village of its own
        first = min(districts.values())
        unlisted = [u for u in unlisted if not (u.weak and (u.name in districts or u.start > first))]
    if unlisted:
        u = unlisted[0]
        first_place = min((p for p in own if p.precision == "place"), key=lambda p: p.start,
                          default=None)
        if first_place is None or u.start < first_place.start:
            return _Ctx(None, u.name)
    if best is not None and best.precision == "place" and not any(p.precision == "place" for p in own):
        # every town the text names is a point of reference for a site outside towns named before
        # it: "took the strategic mountain of Bishiri, west of Deir ez-Zor" is at the mountain
        site = _feature_in(text, outside_towns=True)
        at = text.find(site) if site is not None else -1
        if site is not None and 0 <= at < min(p.start for p in places if p.precision == "place") \
                and not _REFERENCE_BEFORE.search(text, max(0, at - 60), at):  # "a village south of X Airbase"
            return _Ctx(None, site)
    return _Ctx(best) if best else None


_ARTICLE_JOINED = re.compile(r"(?i:al|el|an|ar|as|ash|ad|az|at)-")


def is_abroad(text: str) -> bool:
    """A statement located abroad ("in Niger", "in Moscow", "in Kizilkaya, Turkey", "in the Turkish
    city of Kilis") that names no Syrian place but as where a projectile came from ("rockets fired
    from northern Syria hit a mosque in the Turkish city of Kilis"). A name written with an Arabic
    article joined to it is no foreign city's English name ("in Al-Mashhad and Salah Al-Din
    neighborhoods" are districts of Aleppo, not Mashhad in Iran)."""
    if not (any(_is_foreign(m.group("n")) and not _ARTICLE_JOINED.match(m.group("n"))
                for m in _ABROAD.finditer(text))
            or _NEIGHBOUR_TOWN.search(text) is not None
            or any(_is_foreign(m.group("c")) for m in _IN_TOWN_COUNTRY.finditer(text))):
        return False
    return all(_FROM_BEFORE_COUNTRY.search(text, max(0, p.start - 90), p.start) is not None
               for p in match_places(text))


# "in Kizilkaya, Turkey": a town written with its country
_IN_TOWN_COUNTRY = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*,\s+(?P<c>[A-Z][a-z]+)\b")
# "the Turkish city of Kilis", "the Turkish border towns Kilis and Reyhanli"
_NEIGHBOUR_TOWN = guarded(re.compile(
    r"\b(?:Turkish|Iraqi|Lebanese|Jordanian|Israeli)\s+(?:border\s+)?(?:town|city|village|province)s?\b"))
# Syria named as where a projectile came from: "rockets fired by ISIL from northern Syria", "a
# rocket was fired from inside Syria" (not "missiles, which were en route from Syria to Hezbollah
# in Lebanon": the warehouse they were struck in was in Syria; nor people entering Jordan from Syria)
_FROM_BEFORE_COUNTRY = re.compile(
    r"\b(?:fired|launched|shot|rockets?|shells?|mortars?|missiles?|projectiles?)\b[^.,;:()]{0,40}"
    r"\bfrom\s+(?:the\s+)?(?:(?:inside|within|northern|southern|eastern|western|north|south|east|west)\s+)?$",
    re.I)


_FIELD_PARTS = re.compile(r"^\s*(?P<gov>[^:]{2,40}?)\s*:\s*(?P<name>[A-Z][\w'’`-]*(?:\s+[\w'’`-]+){0,3})\s*$")


def _field_place(value: str) -> _Ctx | None:
    """A Syrian Archive "Location:" field, "IDLIB : Heish": the place it names after the
    governorate, or, when the gazetteer lacks that settlement ("IDLIB : Mar Zita"), the
    settlement as written, in that governorate."""
    parts = _FIELD_PARTS.match(value)
    gov = None
    if parts is not None:
        key = parts.group("gov").strip().lower()
        gov = next((name for name, _gid, aliases in GOVERNORATES.values()
                    if key in {n.lower() for n in (name, *aliases)}), None)
    if parts is None or gov is None:
        return _best_in(value)
    name = parts.group("name").strip()
    ctx = _best_in(name)
    if ctx is not None:
        return ctx
    return _Ctx(None, name, admin1=gov)


def _subject(doc, known: _Lexicon | None = None) -> _Ctx | None:
    found = []
    if doc.title and doc.format != "current_events":
        found.append(_best_in(doc.title, known))
    if doc.format == "syrian_archive" and doc.sections and doc.sections[0].paragraphs:
        head = " ".join(doc.sections[0].paragraphs[:2])
        m = _LOCATION_FIELD.search(head)
        if m:
            found.append(_field_place(m.group("v")))
    given = [c for c in found if c is not None]
    if not given:
        return None
    return min(given, key=lambda c: _RANK[c.precision])


def _apply(m: dict, ctx: _Ctx | None, basis: str, *, keep_name: str | None = None) -> None:
    """Set a mention's location to ``ctx`` (or, with ``keep_name``, an unlisted settlement's name
    with the coordinates of ``ctx``)."""
    p = ctx.place if ctx is not None else None
    if keep_name is not None:
        m["location"] = keep_name
        m["geo_precision"] = "place"
    elif p is not None:
        m["location"] = p.name
        m["geo_precision"] = p.precision
    elif ctx is not None:
        m["location"] = ctx.name
        m["geo_precision"] = "place"
    m["admin1"] = p.admin1 if p is not None else m.get("admin1") if keep_name else None
    m["latitude"] = p.latitude if p is not None else None
    m["longitude"] = p.longitude if p is not None else None
    m["geo_basis"] = basis


def _clear(m: dict) -> None:
    for k in ("location", "admin1", "latitude", "longitude", "geo_precision", "geo_basis"):
        m[k] = None


def _refines(stated_precision: str | None, stated_admin1: str | None, basis: str,
             ctx: _Ctx | None, whole: bool = False) -> bool:
    """Whether a context location replaces what the statement names: when it names nothing; when
    it names only the country; when it names only a governorate and the paragraph, section or
    subject gives a place inside it other than its capital ("in the Idlib countryside" in a page
    about Heish -> Heish; "X countryside" or "X province" is never the city X, and a current-events
    item's tags do not refine it). ``whole``: the statement is about the whole governorate
    ("escalated throughout the Idlib Governorate"): no place of the context refines it."""
    if ctx is None:
        return False
    if stated_precision is None:
        return True
    if stated_precision == "country":
        return ctx.precision != "country"
    if stated_precision == "governorate" and basis in ("paragraph", "section", "subject") and not whole:
        p = ctx.place
        if p is None:  # an unlisted settlement whose source states its governorate
            return ctx.admin1 is not None and ctx.admin1 == stated_admin1
        return (ctx.precision == "place" and p.admin1 == stated_admin1
                and p.geonameid != _capital_id(stated_admin1))
    return False


# "throughout the Idlib Governorate", "across Aleppo province": the whole governorate
_WHOLE_GOVERNORATE = re.compile(
    r"\b(?:throughout|across|all\s+over|the\s+whole\s+of|the\s+entire|all\s+of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s+){1,3}(?:Governorate|governorate|Province|province)\b")


# a part of a governorate named by its compass side: "in the eastern Hama countryside", "in eastern
# Homs", "the western parts of Raqqa province", "in the east of Homs province"
_SIDE_OF = re.compile(
    r"\b(?i:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:\s+(?:and\s+)?(?:north|south|east|west)"
    r"(?:-?(?:east|west))?(?:ern)?)?(?:\s+(?:parts?|side|areas?|countryside))?(?:\s+of)?)\s+(?:the\s+)?$")


_SIDE_WORD = re.compile(r"(?i:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)[\s-]")  # "eastern Homs"


def _governorate_region(text: str, known: _Lexicon | None) -> bool:
    """Whether a statement names a governorate only by a side of it ("the eastern Hama countryside",
    "in eastern Homs", "the western parts of Raqqa province"): in an article that spans a campaign,
    a stretch of the governorate, not one town of the paragraph or section before it."""
    return any(p.precision == "governorate" and (_SIDE_OF.search(text, max(0, p.start - 50), p.start)
                                                 or _SIDE_WORD.match(p.matched) is not None)
               for p in places_in(text, known))


def _capital_id(admin1: str | None) -> int | None:
    for name, capital_id, _aliases in GOVERNORATES.values():
        if name == admin1:
            return capital_id
    return None


def _paragraph_index(doc) -> list[tuple[str | None, list[str]]]:
    """(heading, sentences) of every paragraph of the document's prose, in order."""
    out = []
    for section in doc.sections:
        for paragraph in section.paragraphs:
            text, _ = strip_links(paragraph)
            out.append((section, [text[s:e] for s, e in split_sentences(text)]))
    return out


def _heading_chains(doc) -> dict[int, list[str]]:
    """id(section) -> its heading and the headings enclosing it, nearest first."""
    chains: dict[int, list[str]] = {}
    stack: list[tuple[int, str]] = []
    for section in doc.sections:
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        if section.heading:
            stack.append((section.level, section.heading))
        chains[id(section)] = [h for _, h in reversed(stack)]
    return chains


def _apply_site(m: dict, candidates: list[tuple[str, _Ctx | None]], site: str) -> None:
    """Locate a mention at a site outside towns (an airbase, a crossing, a dam) by the site's name,
    with the coordinates of the first context place in the mention's governorate (any governorate
    when the mention has none); without such a place it keeps its own governorate and coordinates."""
    gov = m.get("admin1"), m.get("latitude"), m.get("longitude")
    anchor = next((c for _, c in candidates if c is not None and c.place is not None
                   and (gov[0] is None or c.place.admin1 == gov[0])), None)
    _apply(m, anchor, "unlisted", keep_name=site)
    if anchor is None and gov[0] is not None:
        m["admin1"], m["latitude"], m["longitude"] = gov


def locate_mentions(doc, mentions: list[dict]) -> None:
    """Fill ``location`` (and admin1, coordinates, geo_precision, geo_basis) of a document's
    mentions from what they name and their context, in place (see the module docstring)."""
    if not mentions:
        return
    chains = _heading_chains(doc)
    heading_ctx: dict[str, _Ctx | None] = {}
    paragraphs = _paragraph_index(doc) if any(m["kind"] == "narrative" for m in mentions) else []
    known = _lexicon(doc, paragraphs)
    subject = _subject(doc, known)
    # the document's prose names a Syrian town or governorate: a site a statement of it names
    # (with no foreign country) is in Syria although the statement's context names no place
    # ("### Bab al-Hawa" in an article on the rebels' infighting: "took over several bases at the
    # Bab al-Hawa Border Crossing")
    prose_syrian = any(p.precision != "country" for _, sentences in paragraphs for t in sentences
                       for p in match_places(t))
    cursor = 0
    by_id = {m["mention_id"]: m for m in mentions}

    for m in mentions:
        # the clause of a sentence of several dated happenings that tells this one, with its own
        # place (pipeline.extract._date_clauses): read instead of the whole sentence
        clause = m.pop("_clause", None)
        text = (clause or m["text"]) if m["kind"] == "narrative" else f"{m['text']} {m.get('detail') or ''}"
        if m["kind"] == "narrative":
            text = _main_clause(text, known)
        m.setdefault("geo_basis", "stated" if m.get("location") else None)
        field = _LOCATION_FIELD.search(m["text"]) if m["kind"] == "narrative" else None
        field_ctx = _field_place(field.group("v")) if field is not None else None
        if field_ctx is not None and field_ctx.precision == "place" and (
                field_ctx.place is not None or subject is None or subject.name != field_ctx.name):
            # a header block's "Location: ALEPPO : Hayan": the settlement after the governorate,
            # not the city the governorate is named after (one the gazetteer lacks as written, in
            # that governorate; the page's own subject keeps its basis below)
            if field_ctx.place is not None:
                _apply(m, field_ctx, "stated")
            else:
                _apply(m, None, "unlisted", keep_name=field_ctx.name)
                m["admin1"] = field_ctx.admin1
            continue
        if m.get("location") is not None:
            # read the statement again without what names a feature elsewhere, a time zone, an
            # authority, a destination, a point of reference ... (``places_in``, ``_best_in``)
            best = _best_stated(text, places_in(text, known))
            if best is None or (best.precision == "country" and is_abroad(text)):
                _clear(m)   # (Syria named only as where rockets came from: "fired from Syria")
            elif (best.name, best.precision) != (m["location"], m.get("geo_precision")):
                _apply(m, _Ctx(best), "stated")
        if m["kind"] == "narrative" and m.get("geo_precision") == "place" and m.get("geo_basis") == "stated":
            far = _far_from_heading(text, m, known)
            if far is not None:
                homonym, heading_place, named_site = far
                if named_site:  # "the Ghasania school" under a heading on Manbij: a building there
                    _apply(m, _Ctx(heading_place), "section")
                else:
                    _apply(m, _Ctx(heading_place), "unlisted", keep_name=homonym.matched)
                continue
        anaphor = m["kind"] == "narrative" and _anaphor_first(text, known)
        if anaphor:
            _clear(m)  # "... recaptured the town, along with four other villages, including X"
        stated_prec, stated_admin1 = m.get("geo_precision"), m.get("admin1")
        own = None if anaphor else _best_in(text, known)
        unlisted_own = own is not None and own.place is None
        if stated_prec == "place" and not unlisted_own:
            continue
        bare = _best_in(text) if unlisted_own else None
        if stated_prec is None and is_abroad(text) and not (bare is not None and bare.place is None):
            continue  # placed abroad (unless the statement itself names an unlisted settlement)

        candidates: list[tuple[str, _Ctx | None]] = []
        if m["kind"] == "narrative":
            section, before = None, []
            for k in range(cursor, len(paragraphs)):
                sec, sentences = paragraphs[k]
                for j, s in enumerate(sentences):
                    if s.strip() == m["text"].strip():
                        section, before = sec, sentences[:j]
                        break
                if section is not None:
                    cursor = k
                    break
            skipped = None
            for s in reversed(before):
                if _anaphor_first(s, known):
                    # "86 vehicles left the town, taking troops to X": the town is named before
                    skipped = skipped or _best_in(s, known)
                    continue
                ctx = _best_in(_main_clause(s, known), known)
                if ctx is not None and ctx.place is not None and ctx.place.precision == "place":
                    # the sentence before names a far homonym under this heading (``_far_from_heading``)
                    far = _far_from_heading(s, {"section": m.get("section"), "location": ctx.place.name}, known)
                    if far is not None:
                        ctx = _Ctx(far[1]) if far[2] else _Ctx(None, far[0].matched, far[1].admin1)
                if (anaphor or own is None or own.precision == "country") and ctx is not None and ctx.place is None \
                        and _CITY_ANAPHOR.search(text) and ctx.name is not None and _called_village(s, ctx.name, "town"):
                    # "... capturing Mankuba village in Manbij's northern outskirts. By 5 August,
                    # the SDF had taken 90% of the city": the city is the town named beside the
                    # village, not the village (nor "the town of Urum al-Kubra" beside "eastern
                    # Aleppo" before "bombing raids on rebels in the city")
                    town = best_place([p for p in places_in(s, known) if p.precision == "place"])
                    if town is not None:
                        ctx = _Ctx(town)
                if (anaphor or own is None or own.precision == "country") and ctx is not None \
                        and ctx.place is None and ctx.name is not None and _ANAPHOR.search(text) \
                        and _names_site(s, ctx.name):
                    # "... some in the Aqil Mountains to the west of al-Bab. The next day, the
                    # rebels entered the city": a site is no town, the city is the town beside it
                    ctx = _town_beside_site(s, known) or ctx
                if ctx is None or ctx.precision != "place":
                    # "... started attacking the Jirah Military Airbase. By afternoon their
                    # assault was repelled": the site the sentence before is located at
                    site = _feature_in(s, outside_towns=True)
                    at = s.find(site) if site is not None else -1
                    if site is not None and at >= 0 and _SITE_NAMED.match(s, at + len(site)):
                        # a base, a crossing, a dam, a field (not a hill: hills lie in towns)
                        ctx = _Ctx(None, site, _admin1_of(ctx) if ctx is not None else None)
                if ctx is not None:
                    candidates.append(("paragraph", ctx))
                    break
            else:
                if skipped is not None:
                    candidates.append(("paragraph", skipped))
            source = by_id.get(m.get("inherits_from") or "")
            if source is not None and not any(b == "paragraph" for b, _ in candidates):
                # a statement that takes its date from another takes its place too: the narrative
                # under an incident's header block or title line ("Location: IDLIB : Ariha\ Date:
                # ...", "**Incident 2: Saraqib, 29/01/2018**", a section of its own for the
                # incident), the sentence before that was placed by its context
                field = _LOCATION_FIELD.search(source["text"])
                ctx = (_field_place(field.group("v")) if field else None) \
                    or _best_in(_main_clause(source["text"], known), known) \
                    or (_best_in(source["location"], known) if source.get("location") else None)
                if ctx is not None:
                    candidates.append(("paragraph" if source["text"] in before else "section", ctx))
            chain = chains.get(id(section)) if section is not None else (
                [m["section"]] if m.get("section") else [])
            for h in chain or []:
                if h not in heading_ctx:
                    heading_ctx[h] = _best_in(h, known)
                if heading_ctx[h] is not None:
                    candidates.append(("section", heading_ctx[h]))
                    break
            candidates.append(("subject", subject))
            if own is None and _BASE_ANAPHOR.search(text):
                # "rebels advanced inside the airbase": the base named before (in the paragraph,
                # a heading, the title: "Siege of Abu al-Duhur Airbase") is the place
                bases = [*(("paragraph", t) for t in reversed(before)),
                         *(("section", h) for h in chain or []), ("subject", doc.title or "")]
                named = next(((b, c) for b, t in bases if (c := _named_base(t, known)) is not None), None)
                if named is not None:
                    candidates.insert(0, named)
        else:
            tags = " ; ".join([*(m.get("topics") or []), *(m.get("context") or [])])
            candidates.append(("item", _best_in(tags)))

        # an unlisted settlement named in the statement itself: it lies near the gazetteer place
        # the statement names with it ("the Abu Rasin area, east of Ras al-Ayn"), else in the place
        # of the context, unless the statement names the governorate it lies in and that place is
        # not in it
        if unlisted_own and own is not None:
            near = best_place(places_in(text, known))
            anchor = _Ctx(near) if near is not None and near.precision == "place" else next(
                (c for _, c in candidates if c is not None and c.place is not None), None)
            if stated_prec == "governorate" and anchor is not None and anchor.place is not None \
                    and anchor.place.admin1 != stated_admin1:
                anchor = None
            if anchor is None and stated_prec == "governorate":
                gov = m["admin1"], m["latitude"], m["longitude"]
                _apply(m, None, "unlisted", keep_name=own.name)
                m["admin1"], m["latitude"], m["longitude"] = gov
            else:
                _apply(m, anchor, "unlisted", keep_name=own.name)
            continue

        # a site outside any town that the statement names itself ("ISIL captured the Tanf Border
        # Crossing" in a section on Palmyra) is where it happened, not the place of its context
        # (in a statement naming Syria or in a document's prose with Syrian places, that names no
        # foreign country but as the other side of a border)
        syrian = stated_prec is not None or any(
            c is not None and c.place is not None and b != "item" for b, c in candidates) or (
            prose_syrian and not _foreign_marked(text))
        if stated_prec != "place" and not anaphor and syrian and not _names_foreign_country(
                _BORDER_PHRASE.sub(" ", text)):
            site = _feature_in(text, outside_towns=True)
            districts = _districts_in(text) if site is not None else {}
            if site is not None and districts and min(districts.values()) < text.find(site):
                # "the Ramouseh district was confirmed under rebel control, while the Army
                # recaptured al-Sanobrat hill": a statement first about a district of a city lies
                # in the city its context names
                site = None
            if site is not None:
                _apply_site(m, candidates, site)
                continue

        # the nearest context that refines what the statement names; then a farther one that
        # refines that: "Syria" in the paragraph, a town in the heading: the town; on a Syrian
        # Archive page (one incident at one place), "Idlib province" in the paragraph and
        # "Location: IDLIB : Mar Zita": Mar Zita (a Wikipedia article spans many places: its
        # title does not refine the governorate a paragraph names)
        chosen: tuple[str, _Ctx] | None = None
        for basis, ctx in candidates:
            if ctx is None:
                continue
            if chosen is None:
                if _refines(stated_prec, stated_admin1, basis, ctx, whole=_WHOLE_GOVERNORATE.search(text) is not None
                            or (doc.format == "wikipedia" and _governorate_region(text, known))):
                    chosen = (basis, ctx)
            elif (chosen[1].precision == "country" or doc.format == "syrian_archive") and _refines(
                    chosen[1].precision, _admin1_of(chosen[1]), basis, ctx):
                chosen = (basis, ctx)
        if chosen is not None:
            basis, ctx = chosen
            if ctx.place is None:  # an unlisted settlement of the context
                anchor = next((c for _, c in candidates if c is not None and c.place is not None
                               and c is not ctx), None)
                _apply(m, anchor, basis, keep_name=ctx.name)
                if anchor is None and ctx.admin1:
                    m["admin1"] = ctx.admin1
            else:
                _apply(m, ctx, basis)

        # a statement that names a site outside any place it or its context names ("capturing
        # the Jirah Airbase" in "the eastern countryside of Aleppo", "seized the al-Tanf border
        # crossing" in a statement naming Syria): the site's name is the most precise place it
        # has (when the statement names Syria or a governorate, or its document's prose a place)
        if m.get("geo_precision") != "place" and (m.get("geo_precision") is not None or any(
                c is not None and c.place is not None and b != "item" for b, c in candidates)):
            feature = _feature_in(text)
            if feature is not None:
                _apply_site(m, candidates, feature)


# what marks a statement as told of a neighbouring country: a nationality adjective ("Turkish
# border guards at the Akcakale border crossing", "the Iraqi Army ... near the Ain al-Assad air
# base") or a flag other than Syria's ("🇱🇧 Saghbine, Beqaa Valley")
_FOREIGN_MARK = guarded(re.compile(
    r"\b(?:Turkish|Iraqi|Lebanese|Jordanian|Israeli|Iranian|Egyptian|Libyan|Saudi|Yemeni|Afghan|Pakistani"
    r"|Cypriot|Kuwaiti|Qatari|Emirati|Bahraini)\b"))
_FLAG = re.compile("[\U0001F1E6-\U0001F1FF]{2}")


def _foreign_marked(text: str) -> bool:
    """Whether a statement is marked as told of another country (``_FOREIGN_MARK``, a flag)."""
    return _FOREIGN_MARK.search(text) is not None or any(f.group(0) != "\U0001F1F8\U0001F1FE"
                                                         for f in _FLAG.finditer(text))


# sites outside a town that a statement may be located at by their own name (not a building, a
# street, a river or a group's "base")
_OUTSIDE_SITE_NOUN = (r"(?:air\s*base|airbase|airport|airfield|crossing|dam|fields?|oilfields?|gasfields?|lakes?"
                      r"|hills?|hilltop|mountains?"
                      r"|mount|plains?|valley|camp|island)")
_SITE_NOUN = rf"(?:{_OUTSIDE_SITE_NOUN[3:-1]}|checkpoint|junction|bridge|area|district|neighbou?rhood|quarter)"
_SITE_MODIFIERS = r"(?:(?:border|military|air|oil|gas|international|main)\s+)?"


def _site_res(noun: str) -> tuple[re.Pattern, re.Pattern]:
    return (re.compile(r"['’]?[\s-]+" + _SITE_MODIFIERS + noun + r"\b", re.I),
            re.compile(r"\b" + noun + r"s?\s+of\s+$", re.I))


_SITE_AFTER, _SITE_BEFORE = _site_res(_SITE_NOUN)
_OUTSIDE_AFTER, _OUTSIDE_BEFORE = _site_res(_OUTSIDE_SITE_NOUN)
# a foreign country named only as the other side of a border ("on the Syria-Iraq border", "the
# last border crossing with Iraq")
_BORDER_PHRASE = guarded(re.compile(
    r"\b[A-Z][a-z]+[-–](?:Syria|Syrian)\b|\b(?:Syria|Syrian)[-–][A-Z][a-z]+\b"
    r"|\bborder(?:\s+crossings?)?\s+with\s+[A-Z][a-z]+|\b[A-Z][a-z]+\s+border\b"))
# a foreign country named as where something is ("in Turkey", "to Iran's Hamadan Airbase",
# "Turkey's Incirlik Air Base")
_FOREIGN_SIDE = re.compile(r"\b(?:in|at|near|to|into|inside)\s+(?:the\s+)?(?P<a>[A-Z][a-z]+)\b"
                           r"|\b(?P<b>[A-Z][a-z]+)['’]s\b")
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_FOREIGN_SIDE = starting(_FOREIGN_SIDE)


def _feature_in(text: str, outside_towns: bool = False) -> str | None:
    """The first site a statement names by its phrasing ("the Jirah Airbase", "the al-Tanf border
    crossing", "the hills of Tal Khattab", "the Bustan al-Qasr district"; with ``outside_towns``
    only a site outside any town: a base, a crossing, a dam, fields, hills), in a statement that is
    not placed abroad and says of no foreign country that something is in it or is its own."""
    if is_abroad(text) or any(_is_foreign(m.group("a") or m.group("b")) for m in _FOREIGN_SIDE.finditer(text)):
        return None
    after, before = (_OUTSIDE_AFTER, _OUTSIDE_BEFORE) if outside_towns else (_SITE_AFTER, _SITE_BEFORE)
    for u in match_unlisted(text):
        if (u.kind == "feature" and not _is_foreign(u.name) and not is_origin(text, u.start)
                and not _SPEECH_BEFORE.search(text, max(0, u.start - 60), u.start)
                and (after.match(text, u.end) or before.search(text, max(0, u.start - 30), u.start))):
            return u.name
    return None


# "the town", "the city", "the airbase" not followed by "of X": the place named before
_CITY_ANAPHOR = re.compile(r"\bthe\s+(?:same\s+)?city\b(?!\s+(?:of|at|in|near|on)\b|\s+[A-Z])")


def _called_village(text: str, name: str, also: str = "") -> bool:
    """Whether a text calls a place a village ("Mankuba village", "the village of Mankuba"; with
    ``also="town"``, a town too: "the town of Urum al-Kubra")."""
    n = re.escape(name)
    noun = f"(?:village|{also})" if also else "village"
    return re.search(rf"{n}\s+{noun}\b|\b{noun}\s+of\s+{n}", text) is not None


_ANAPHOR = guarded(re.compile(r"\bthe\s+(?:same\s+)?(?:town|city|village)\b(?!\s+(?:of|at|in|near|on)\b|\s+[A-Z])"))


def _anaphor_first(text: str, known: _Lexicon | None) -> bool:
    """Whether a statement refers to "the town" (the city, the village, the airbase) before it
    names any place: it is about the place its context names ("The town of Akhtarin was captured
    on 6 October. An ISIL counter-attack two days later briefly recaptured the town, along with four
    other villages, including Turkman Bareh" -> Akhtarin)."""
    a = _ANAPHOR.search(text)
    if a is None or _is_reference(text, a.start()):
        return False  # "nine villages northeast of the town" names it as a point of reference
    starts = [p.start for p in places_in(text, known) if p.precision != "country"]
    starts += [u.start for u in _unlisted_in(text, known)]
    return bool(starts) and a.start() < min(starts)


_BASE = r"(?i:air\s*base|airbase|airport|airfield)"
_BASE_ANAPHOR = re.compile(rf"\bthe\s+{_BASE}\b(?!\s+(?:of|at|in|near|on)\b|\s+[A-Z])")
_NAMED_BASE = re.compile(
    rf"(?P<a>[A-Z][\w'’-]*(?:[\s-]+(?:[a-z]{{1,3}}[\s-])?[A-Z][\w'’-]*){{0,3}})\s+(?:Military\s+)?{_BASE}\b"
    rf"|\b{_BASE}\s+(?:at|of|in|near)\s+(?P<b>[A-Z][\w'’-]*(?:[\s-]+(?:[a-z]{{1,3}}[\s-])?[A-Z][\w'’-]*){{0,3}})")


def _named_base(text: str, known: _Lexicon | None) -> _Ctx | None:
    """The place of an air base a text names: "Abu al-Duhur Military Airbase", "the airbase at
    Abu al-Duhur" -> Abu al-Duhur."""
    for m in _NAMED_BASE.finditer(text):
        name = m.group("a") or m.group("b")
        if name and name[0].isupper():
            ctx = _best_in(name, known)
            if ctx is not None and ctx.precision == "place":
                return ctx
            site = _feature_in(text, outside_towns=True) if ctx is None else None
            if site is not None and name.endswith(site):
                return _Ctx(None, site)  # a base the gazetteer lacks: "Jirah Airbase" -> Jirah
    return None



def _names_site(text: str, name: str) -> bool:
    """Whether a text names ``name`` as a site outside towns or a part of one ("the Aqil
    Mountains", "the X hill", "the X airbase", "the hills of X"), not as a settlement."""
    return any(u.name == name and u.kind == "feature" for u in match_unlisted(text))


def _town_beside_site(text: str, known: _Lexicon | None) -> _Ctx | None:
    """The gazetteer settlement a sentence locates a site by ("the Aqil Mountains to the west of
    al-Bab": al-Bab): what "the city" (the town, the village) of the next sentence means, since a
    site is no town."""
    town = best_place([p for p in places_in(text, known) if p.precision == "place"])
    return _Ctx(town) if town is not None else None

def _admin1_of(ctx: _Ctx) -> str | None:
    return ctx.place.admin1 if ctx.place is not None else ctx.admin1
