"""The language of a document, and why a document gives no event mention.

Plain functions, testable on a string; no language-identification model is needed for the
question the pipeline asks (is this text English, which the extractor reads, or not).

**Language rule** (``detect_language``), on the document's text (title, headings, paragraphs,
items; link targets and URLs left out; its first ``SAMPLE_CHARS`` characters suffice): letters are counted by Unicode script. Fewer than
``MIN_LETTERS`` letters: ``und`` (undetermined, BCP 47). Arabic script for at least half of the
letters: ``ar``, unless English function words are at least ``MIN_ENGLISH_WORDS`` and
``ENGLISH_SHARE`` of the words (an English page quoting many Arabic video titles or names: ``en``). Otherwise Latin script for at least half: ``en`` when the text has English
function words ("the", "of", "and", "was", ...) and at least twice as many of them as function
words of other Western European languages ("le", "der", "el", "di", "het", ...), else ``und``
(short headlines carry one or two function words, so counts are compared, not shares). Any
other majority script: ``und``.

**Notes** (``note_for``): a document kept in ``documents`` with no event mention always says
why, never a silent zero: not extracted because its language is not English; near-empty (fewer
than ``NEAR_EMPTY_WORDS`` words: a placeholder or index page); or no dated statement found.
Such documents stay rows of ``documents`` (with their URL, licence and language) rather than
quarantine rows: they were read and understood, they just state no event.
"""

from __future__ import annotations

import re
import unicodedata

from .prefilter import guarded, starting

MIN_LETTERS = 20
SAMPLE_CHARS = 6000
NEAR_EMPTY_WORDS = 50
# an Arabic-script majority is still English text when English function words are at least this
# many and this share of its words (English prose: 15-25%; an Arabic page's stray English: ~2%)
MIN_ENGLISH_WORDS = 20
ENGLISH_SHARE = 0.08
EXTRACTED_LANGUAGES = frozenset({"en", "und"})  # the extractor's rules are English
LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "und": "an undetermined language"}

# function words frequent in English and not words of the other languages below ("a", "in",
# "on", "is" are also French, German or Italian words, so they are left out) ...
_ENGLISH = frozenset("the of and to was were for with that from which has have been this by its "
                     "at are or not".split())
# ... and of French, German, Spanish, Italian, Portuguese and Dutch
_OTHER = frozenset("le la les des du et est une dans pour qui sur au aux "
                   "der die das und ist nicht ein eine mit den dem von zu "
                   "el los las y del que por con para una es se "
                   "il di che della delle gli nel sono "
                   "os em não uma da do dos "
                   "het een van en op niet".split())
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
# speed only, same matches: prefilter.guarded, prefilter.starting
_URL = guarded(starting(re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+")))
_ASCII_LETTER = re.compile("[A-Za-z]")     # the ASCII characters str.isalpha accepts
_NON_ASCII = re.compile("[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return None


def visible_text(text: str) -> str:
    """Markdown text without link targets, image paths and bare URLs."""
    return _URL.sub(" ", _LINK_TARGET.sub("]", text or ""))


def _function_words(text: str) -> tuple[int, int, int]:
    """English function words, other Western European languages' function words, and all words."""
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in _ENGLISH for w in words), sum(w in _OTHER for w in words), len(words)


def detect_language(text: str) -> str:
    """``ar``, ``en`` or ``und`` by the rule in the module docstring."""
    text = visible_text((text or "")[:4 * SAMPLE_CHARS])[:SAMPLE_CHARS]
    counts: dict[str, int] = {"LATIN": len(_ASCII_LETTER.findall(text))}
    for ch in _NON_ASCII.findall(text):
        script = _script(ch)
        if script:
            counts[script] = counts.get(script, 0) + 1
    letters = sum(counts.values())
    if letters < MIN_LETTERS:
        return "und"
    if counts.get("ARABIC", 0) * 2 >= letters:
        # an English page that quotes much Arabic (video titles, names, a witness in the original)
        # is still English: its English function words are a share of its words that an Arabic
        # page's stray English (image names, a link) never reaches
        english, other, words = _function_words(text)
        if english >= MIN_ENGLISH_WORDS and english >= ENGLISH_SHARE * words and english >= 2 * other:
            return "en"
        return "ar"
    if counts.get("LATIN", 0) * 2 >= letters:
        english, other, _ = _function_words(text)
        return "en" if english and english >= 2 * other else "und"
    return "und"


def document_text(doc) -> str:
    """All the text a parsed document holds (``parsers.ParsedDocument``), in reading order."""
    parts = [doc.title or ""]
    for item in doc.items:
        parts += [item.text, item.detail or ""]
    for section in doc.sections:
        parts.append(section.heading)
        parts.extend(section.paragraphs)
    return "\n".join(p for p in parts if p)


def word_count(text: str) -> int:
    return len(_WORD.findall(visible_text(text)))


def language_note(language: str) -> str | None:
    """Why a document in ``language`` is not extracted; None when it is."""
    if language in EXTRACTED_LANGUAGES:
        return None
    name = LANGUAGE_NAMES.get(language, language)
    return f"not extracted: the text is in {name} ({language}); the extraction rules read English only"


def note_for(language: str, text: str, n_mentions: int) -> str | None:
    """The ``documents.note`` of a document with ``text`` (``document_text``): why it gives no
    event mention (None when it gives some)."""
    if n_mentions:
        return None
    why = language_note(language)
    if why:
        return why
    n_words = word_count(text)
    if n_words < NEAR_EMPTY_WORDS:
        return f"near-empty: {n_words} words of text, no event statement"
    return f"no dated event statement found in {n_words} words of text"
