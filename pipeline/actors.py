"""Actors (states, armed forces, armed groups, organisations) named in a text.

Plain functions, no Dagster.

``ACTOR_ALIASES`` is a hand-curated alias table written for this dataset from the way the seed
documents (Wikipedia articles, Wikinews/Wikipedia current-events summaries, Syrian Archive
reports) name the parties to the Russian intervention in Syria. It is not taken from an external
list. Decisions it encodes:

* A head of state or government, or a minister speaking for it, stands for the state: "Putin",
  "Shoigu", "Lavrov" -> Russia; "Bashar al-Assad"/"Assad" -> Syrian government; "Erdogan" ->
  Turkey; "Obama", "Trump" -> United States; "Rouhani", "Khamenei", "Soleimani" -> Iran;
  "Netanyahu" -> Israel. Capitals used as metonyms ("Moscow", "the Kremlin", "Ankara",
  "Tehran", "the Pentagon") likewise. ("Washington" and "Damascus" are not used: "The
  Washington Post" and Damascus the place are far more common.)
* Nationality adjectives stand for the state: "Russian" -> Russia, "Turkish" -> Turkey,
  "Iranian" -> Iran, "Israeli" -> Israel, "American" -> United States. "Syrian" alone is *not*
  the Syrian government ("Syrian opposition", "Syrian civilians"); "Syrian Army", "Syrian
  forces", "Syrian government", "government forces", "pro-government", "regime forces", "Assad
  regime" are.
* "Bassel al-Assad" (the name of the airport at Khmeimim) is not an actor.
* Jabhat Fath al-Sham (al-Nusra Front's 2016 name) is al-Nusra Front; Hay'at Tahrir al-Sham
  (2017, a merger) is its own actor.
* "ISIS Hunters" is a Syrian Army unit, not ISIL.
* An alias used as the attributive origin of a thing ("Russian-made jets", "US-manufactured
  missiles", "Iranian-built drones", "American-supplied weapons") names where the weapon comes
  from, not a party to the event: an alias followed by a hyphen and made / manufactured / built /
  designed / produced / supplied / origin (or by "manufactured" without the hyphen: "US
  manufactured anti-tank TOW missiles") is not matched.

Matching: one compiled regex over all aliases (longest alias first, so "Russian Air Force" is
one match and "Syrian Observatory for Human Rights" never leaves a stray "Syrian"); aliases are
bounded by non-word characters (a hyphen is a boundary: "Turkey-backed", "pro-Assad"). The first
letter of an alias is matched as written and the rest case-insensitively ("Russian air force"),
so lowercase words in URLs or prose ("russia-syria" in a link, "is", "us") never match; acronyms
(all-caps aliases: "IS", "US", "UN", "SDF", "FSA") are matched exactly, and "IS"/"US"/"UN" not
inside an all-caps run ("THIS IS US").
"""

from __future__ import annotations

import functools
import re

#: canonical actor name -> aliases (hand-curated; see module docstring).
ACTOR_ALIASES: dict[str, list[str]] = {
    "Russia": [
        "Russia", "Russian Federation", "Russian", "Russians",
        "Russian forces", "Russian military", "Russian Armed Forces", "Russian army",
        "Russian Air Force", "Russian Aerospace Forces", "Russian Aerospace Force", "Russian Navy",
        "Russian Ministry of Defence", "Russian Ministry of Defense", "Russian Defence Ministry",
        "Russian Defense Ministry", "Russian MoD", "Ministry of Defence of the Russian Federation",
        "Moscow", "Kremlin", "Vladimir Putin", "Putin", "Sergei Shoigu", "Sergey Shoigu", "Shoigu",
        "Sergei Lavrov", "Sergey Lavrov", "Lavrov",
    ],
    "Syrian government": [
        "Syrian government", "Syria's government", "Syrian regime", "Syrian Army", "Syrian Arab Army",
        "SAA", "Syrian army", "Syrian military", "Syrian forces", "Syrian troops", "Syrian soldiers",
        "Syrian Air Force", "Syrian Arab Air Force", "government forces", "government troops",
        "pro-government", "regime forces", "Assad regime", "Assad government", "Assad's forces",
        "pro-Assad", "Bashar al-Assad", "Bashar Assad", "Assad", "National Defence Forces",
        "National Defense Forces", "ISIS Hunters",
    ],
    "ISIL": [
        "ISIL", "ISIS", "IS", "Islamic State", "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and Syria", "Islamic State of Iraq and al-Sham", "Daesh", "Da'esh",
    ],
    "al-Nusra Front": [
        "al-Nusra Front", "Al-Nusra Front", "Nusra Front", "al-Nusra", "Al-Nusra", "Nusra",
        "Jabhat al-Nusra", "Jabhat Fath al-Sham", "Jabhat Fateh al-Sham",
    ],
    "Free Syrian Army": ["Free Syrian Army", "FSA"],
    "Army of Conquest": ["Army of Conquest", "Jaish al-Fatah", "Jaysh al-Fatah"],
    "Ahrar al-Sham": ["Ahrar al-Sham", "Ahrar ash-Sham"],
    "Hay'at Tahrir al-Sham": [
        "Hay'at Tahrir al-Sham", "Hay’at Tahrir al-Sham", "Hayat Tahrir al-Sham", "Tahrir al-Sham", "HTS",
    ],
    "Syrian Democratic Forces": ["Syrian Democratic Forces", "SDF"],
    "Turkey": [
        "Turkey", "Turkish", "Turkish Armed Forces", "Turkish military", "Turkish army",
        "Turkish Air Force", "Ankara", "Erdogan", "Erdoğan", "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan",
    ],
    "United States": [
        "United States", "U.S.", "U.S", "US", "USA", "U.S.A.", "America", "American", "Americans",
        "US-led coalition", "U.S.-led coalition", "American-led coalition", "Pentagon",
        "United States Department of Defense", "Barack Obama", "Obama", "Donald Trump", "Trump",
    ],
    "Iran": [
        "Iran", "Iranian", "Iranians", "Tehran", "IRGC", "Islamic Revolutionary Guard Corps",
        "Revolutionary Guards", "Quds Force", "Hassan Rouhani", "Rouhani", "Ali Khamenei", "Khamenei",
        "Qasem Soleimani", "Soleimani",
    ],
    "Hezbollah": ["Hezbollah", "Hizbollah", "Hizballah", "Hizbullah"],
    "Wagner Group": ["Wagner Group", "PMC Wagner", "Wagner"],
    "Israel": ["Israel", "Israeli", "Israelis", "Israel Defense Forces", "IDF", "Benjamin Netanyahu", "Netanyahu"],
    "United Nations": [
        "United Nations", "UN", "U.N.", "UNSC", "United Nations Security Council", "UN Security Council",
    ],
    "SOHR": ["Syrian Observatory for Human Rights", "Syrian Observatory", "SOHR"],
}

#: spans that contain an alias but name no actor (matched first, then dropped).
NOT_ACTORS: list[str] = [
    "Bassel al-Assad", "Bassel Al-Assad",  # Bassel al-Assad International Airport (Khmeimim)
    "Asmaa al-Assad", "Asma al-Assad",  # the president's wife
    "Washington Post",
    "US dollars", "US dollar", "U.S. dollars", "U.S. dollar",
]

# Acronyms that are also English words in capitals: not inside an all-caps run ("THIS IS US").
_GUARDED = frozenset({"IS", "US", "UN"})

_CHAR_PATTERNS = {" ": r"\s+", "'": "['’]", "’": "['’]", "-": "[-‐‑]"}


def _is_acronym(alias: str) -> bool:
    bare = alias.replace(".", "")
    return bare.isupper() and len(bare) <= 5


def _alias_parts(alias: str) -> tuple[str, str]:
    """(first characters allowed, regex of the rest) of an alias."""
    if _is_acronym(alias):
        return alias[0], re.escape(alias[1:])  # acronym: exact case
    first, rest = alias[0], alias[1:]
    rest_pat = "".join(_CHAR_PATTERNS.get(ch) or re.escape(ch) for ch in rest)
    heads = first + first.upper() if first.islower() else first
    return heads, f"(?i:{rest_pat})" if rest else ""


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern, list[str | None], list[str]]:
    """One regex: alternatives grouped by their first character (so the engine tries only the
    aliases that can start at a position), longest alias first within a group."""
    pairs: list[tuple[str, str | None]] = [(a, c) for c, aliases in ACTOR_ALIASES.items() for a in aliases]
    pairs += [(a, None) for a in NOT_ACTORS]
    pairs.sort(key=lambda p: -len(p[0]))
    owners: list[str | None] = []
    aliases: list[str] = []
    by_head: dict[str, list[str]] = {}
    for i, (alias, canonical) in enumerate(pairs):
        heads, rest = _alias_parts(alias)
        owners.append(canonical)
        aliases.append(alias)
        for h in heads:
            by_head.setdefault(h, []).append(rf"(?P<a{i}_{ord(h)}>{rest})")
    body = "|".join(f"{re.escape(h)}(?:{'|'.join(alts)})" for h, alts in by_head.items())
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])"), owners, aliases


def _guard_ok(text: str, start: int, end: int) -> bool:
    """For "IS", "US", "UN": no capital letter right before (bar one space or dot), no all-caps
    word right after, no "$" after ("US$")."""
    if start >= 1 and text[start - 1].isupper():
        return False
    if start >= 2 and text[start - 1] in " \t\n." and text[start - 2].isupper():
        return False
    if text.startswith("$", end):
        return False
    return _CAPS_AFTER.match(text, end) is None


_CAPS_AFTER = re.compile(r"[ \t]+[A-Z]{2,}\b")
# an alias as the attributive origin of a weapon or a thing ("Russian-made", "US-manufactured")
# ("US manufactured" is also written without the hyphen; "Russia made", "the US supplied" are verbs)
_ORIGIN_OF_A_THING = re.compile(
    r"[-‐‑](?:made|manufactured|built|designed|produced|supplied|origin)\b|[ \t]+manufactured\b", re.I)


def match_actors(text: str) -> list[str]:
    """Canonical names of the actors named in ``text``, in order of first appearance, unique."""
    if not text:
        return []
    rx, owners, aliases = _compiled()
    out: dict[str, None] = {}
    for m in rx.finditer(text):
        k = int(str(m.lastgroup)[1:].split("_")[0])   # every alternative is a named group
        canonical = owners[k]
        if canonical is None or canonical in out:
            continue
        if aliases[k] in _GUARDED and not _guard_ok(text, m.start(), m.end()):
            continue
        if _ORIGIN_OF_A_THING.match(text, m.end()):
            continue  # "Russian-made jets": where a weapon comes from, not an actor
        if not _in_url(text, m.start(), m.end()):
            out[canonical] = None
    return list(out)


_URLISH = re.compile(r"://|www\.|\]\(|^[(<\[]*/|\.md\b|\.html?\b|\.jpe?g\b|\.png\b|\.svg\b")


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether a match lies inside a URL or a link path (the whitespace-free run around it)."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    n = len(text)
    while b < n and not text[b].isspace():
        b += 1
    run = text[a:b]
    return "/" in run and _URLISH.search(run) is not None
