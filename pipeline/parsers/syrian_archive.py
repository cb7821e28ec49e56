r"""Parser for Syrian Archive pages: YAML front matter (``title``, ``date``, ``parent``, ``desc``)
and a markdown body of sections. ``date`` is when the page was published: the page date that
dates stated without a year count back from only when the page names no full date before them
(else the nearest preceding full date gives their year, see ``pipeline.dates.DateResolver``).

A page is recognised by the site's own front-matter keys: ``parent`` (its place in the site's
navigation), ``desc`` (its teaser) or ``level`` (its depth in the navigation; index pages carry
only ``title``, ``date``, ``description`` and ``level``). A page with no body text still builds
(see ``documents.note``); only an empty body is refused.

How the site's pages state an incident (a survey of the corpus pages not held out for scoring,
issue 9; each layout has a fixture ``tests/fixtures/syrian_archive_*.md`` and a test in
``tests/test_archive_layouts.py`` or ``tests/test_archive_dates.py``; what each gives):

* **Header blocks** of fields before the narrative: italic lines ending in markdown breaks
  (``*Location: IDLIB : Heish\ Date: 7 April 2017\ Reported casualties: 10*``), bulleted
  (``- Location: ...``, ``- **Date:** 12/02/2018``, loose items a blank line apart), plain lines
  under an "Incident N" heading, or a table of two columns, keys and values. A run of two fields or more with a date field is one paragraph
  of breaks (``pipeline.parsers.markdown.field_blocks``): one mention of its when and where
  fields (``Date``, ``Date of the attack``, ``Date and time``, ``Incident date``; ``Location``,
  ``Place``), figures from its "Reported killed / injured / casualties" fields; the narrative
  below it takes its date and its "Location:" place ("ALEPPO : Hayan" is Hayan, not the city), again
  after a quote a colon introduced, and, on a page of one incident, under its later headings when a
  sentence tells the strike or its harm without a date (not under a heading of history, earlier
  attacks or method; not a witness's quoted words; ``pipeline.extract._tells_the_incident_again``); a
  field telling another happening ("Previous attack on the hospital: 21/01/2018") is a statement
  of its own.
* **Incident titles**: a heading or a bold line per incident ("## Incident 1: The Rahmeh hospital in
  Khan Shaykhoun", "**Incident 2: Saraqib, 29/01/2018**", "Incident 1 – 3 January 2018 – X": the
  1 labels the incident, it starts no day range) dates and places the narrative under it until
  the next title.
* **Lead sentences** "The third hospital attack took place on 7 April 2017 in the town of
  Heish."; **incidents narrated month by month** ("Ten (10) incidents ... occurring in July 2016,
  starting with a 7 July attack ...", "The first incident occurred on 1 August ...", a report's
  month naming no incident's year).
* **Lists**: entries of attacked places with their day closing them ("Shifa hospital (Ariha),
  06/02/2018", "X: 8 February 2018"; not a citation or a caption) or in brackets ("Sarin attack
  in Al-Lataminah (30 March 2017)", "Saraqib (4 February 2018): ..."); labelled entries ("Douma: a
  chlorine cylinder hit ...") and undated entries ("- Al-Amal hospital (Maarat al-Numaan)") of a
  list a dated sentence introduces ("The following hospitals were attacked on ...:") take its
  date; a table of incidents gives a mention per row, its date column first, a bare count under
  a "Killed" / "Injured" column a figure; a sentence naming several dated attacks ("the attacks
  on Khan Shaykhoun (4 April 2017) and Douma (7 April 2018)", "the attack on X on D1, the attack
  on Y on D2 and ...") a mention per attack.
* **Named attacks and attacked places**: "the chemical attack of 21 August 2013 killed ..." (the
  day after "of" names the happening), "The Amal hospital, which was targeted on 3 May 2017,
  served ..." (the attack in a relative clause is the sentence's only happening), "Chlorine was
  used in Douma (7 April 2018)" (a bracketed day closing a stated happening).
* **Press releases** open with a dateline ("Berlin, 8 April 2018 – ..."): the page's own day,
  background, and what "yesterday evening" and "on Saturday" count from.
* **HTML** in a page (``<p>``, ``<br>``, ``<li>``, ``<strong>``) reads as its text; a line that is
  only a day ("**3 January 2018**") above prose titles it, a list of days does not.
* **Dates** are written British ("7 April 2017", "03 Jan 2018"), American ("March 16, 2017",
  "April 4th 2017", "On Tuesday April 4th 2017"), numeric day first ("19/09/2017", "19-09-2017",
  "26.04.2017"; month first only when the day cannot be a month: "04/22/2017") and ISO
  ("2017-04-24"); in headings ("First moments of the 9 July 2016 Al Saleheen attack", "Attack on
  the market (29/01/2018)"); a yearless day takes the year of the nearest day written with its
  year (``pipeline.dates``); a witness's "yesterday", "on Monday evening" counts from the
  narrative's day.
* **Background**, never an event: captions and sourcing ("Screenshot from video published on
  ...", "a still from which is provided below", "video captured during the attack on 19-09-2017
  compared to satellite images taken in 21-02-2017"), a table of contents of days ("- March 17,
  2017"), statistics paragraphs (counts of verified videos and incidents by month, type or
  governorate, "In April 2017 25 hospitals ... were attacked"), bulleted references to other
  organisations' reports ('Syria Campaign (May 2017): "..."'), a dataset's period, foundings
  ("a charity that was set up soon after the start of the conflict"), the page's own date.
* **Quoted witnesses** (bold-italic quotes, 'Translation -- "..."'): their counts are figures
  ('killing "dozens"', "'five patients were killed'", "more than 50 or 60 casualties"); who
  speaks ("According to a nurse") is no victim.
* Pages with no incident: database placeholders ("this is just a holder for the react
  database"), page-component code (imports and charts), methodology and error notes; Arabic
  pages (``documents.language`` "ar", not extracted)."""

from __future__ import annotations

from ..dates import parse_loose_iso
from ..text import clean_inline
from .base import DocumentError, ParsedDocument
from .markdown import sections, split_front_matter


def looks_like(meta: dict) -> bool:
    return "parent" in meta or "desc" in meta or "level" in meta


def parse(text: str, *, path: str, doc_id: str) -> ParsedDocument:
    meta, body = split_front_matter(text)
    title = clean_inline(str(meta.get("title") or "")) or None
    published = parse_loose_iso(str(meta.get("date") or ""))
    secs = sections(body)
    if not any(s.paragraphs for s in secs):
        raise DocumentError("parse", "no text: page body is empty")
    return ParsedDocument(path=path, doc_id=doc_id, format="syrian_archive", title=title,
                          published=published, sections=secs,
                          periods=(title,) if title else (), page_date=published)
