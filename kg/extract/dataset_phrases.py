"""Dataset names that are phrases: capitalised words that a dataset word ends or follows.

- A capitalised dataset head closes the name: "the Aya Collection", "MT Bench", "the OGB
  Large-Scale Challenge", "IIT-CDIP Test Collection 1.0".
- A capitalised head with a numeral after it is one too: "Benchmark II".
- A lower-case one follows it: "over the Multi-Session Chat dataset" names "Multi-Session
  Chat", and so does a split: "on the ILSVRC-15 validation set". One plain capitalised word
  is not enough there ("the Chinese dataset"); two words, or one with a hyphen, digit or
  inner capital, are.

Only the abstract is read: a title in title case capitalises every word ("A Challenging
Multi-Task Benchmark"). Each finding is (start, end) in the text.

``listed_datasets`` finds the names listed with a dataset the lexicon knows, after "on",
"including" or "such as": "on Amazon Beauty, Steam and MovieLens-1M", "on Mip-NeRF360,
Tanks&Temples and Deep Blending".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.context import find_all, matches_at

HEADS = ("Dataset", "Benchmark", "Corpus", "Collection", "Challenge", "Suite", "Bench",
         "Arena", "Testbed", "Leaderboard")
LOWER_HEADS = ("dataset", "benchmark", "corpus",  # and a split: "the ILSVRC-15 validation set"
               "validation set", "test set", "training set", "dev set", "val set",
               "validation split", "test split")
# The capitalised words right before a head (up to four, hyphens and digits inside them).
_WORDS_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][\w-]*\s){1,4})$")
_AFTER_HEAD = re.compile(r"(?:\s\d+(?:\.\d+)*)?(?![\w-])")  # a version: "Collection 1.0"
_THE = re.compile(r"\bthe\s(?:\d[\w.-]*\s){0,2}$")  # "the 3.2-million-image X dataset"
# A dataset word and its numeral: "On Benchmark II, ..." (a part of a larger evaluation).
NUMBERED_HEADS = ("Benchmark", "Dataset", "Track", "Split")
_HEAD_NUMERAL = re.compile(r"(?<![\w-])(?:Benchmark|Dataset|Track|Split)\s+(?:I{1,3}|IV|V|\d)"
                           r"(?![\w-])")
# Capitalised words that open a sentence or phrase without being part of a name.
_NOT_FIRST = {"The", "A", "An", "Our", "This", "These", "That", "Those", "We", "Each", "Every",
              "New", "Novel", "In", "On", "For", "With", "From", "To", "Its", "Their", "Both",
              "All", "Any", "Existing", "Popular", "Standard", "Public", "Large", "Several",
              "Many", "Most", "Such", "Using", "Across", "Unlike", "While", "By", "As", "At"}
_SHAPED = re.compile(r"[-\d→&]|[a-z][A-Z]")  # "Horse→Zebra", "D&D"


def _name_before(text: str, at: int, floor: int) -> tuple[int, list[str]] | None:
    """Where the capitalised words right before ``at`` start, and the words."""
    m = _WORDS_BEFORE.search(text, max(floor, at - 80), at)
    if m is None:
        return None
    start, words = m.start(1), m[1].split()
    while words and words[0] in _NOT_FIRST:
        start += len(words[0]) + 1
        words = words[1:]
    return (start, words) if words else None


# A translation direction with English on one side, in ISO 639-1 codes: "En-De", "ro-en",
# "EN→ZH" (a language pair's test data, as MT and quality-estimation papers name it).
_ISO = (r"(?:[Aa]r|[Bb]g|[Cc]s|[Dd]a|[Dd]e|[Ee]l|[Ee]s|[Ee]t|[Ff]a|[Ff]i|[Ff]r|[Gg]u|[Hh]e|"
        r"[Hh]i|[Hh]r|[Hh]u|[Ii]d|[Ii]t|[Jj]a|[Kk]k|[Kk]m|[Kk]o|[Ll]t|[Ll]v|[Mm]y|[Nn]e|[Nn]l|"
        r"[Pp]l|[Pp]s|[Pp]t|[Rr]o|[Rr]u|[Ss]i|[Ss]k|[Ss]l|[Ss]r|[Ss]v|[Tt]a|[Tt]h|[Tt]r|[Uu]k|"
        r"[Vv]i|[Zz]h|AR|BG|CS|DA|DE|EL|ES|ET|FA|FI|FR|GU|HE|HI|HR|HU|ID|IT|JA|KK|KM|KO|LT|LV|MY|"
        r"NE|NL|PL|PS|PT|RO|RU|SI|SK|SL|SR|SV|TA|TH|TR|UK|VI|ZH)")
_LANGUAGE_PAIR = re.compile(rf"(?<![\w-])(?:(?:En|EN)[-–→]{_ISO}|{_ISO}[-–→](?:En|EN))(?![\w-])")


def dataset_phrases(text: str, abstract_start: int) -> list[tuple[int, int]]:
    """Dataset names made of capitalised words with a dataset word (see the module's
    docstring), read from ``abstract_start`` on."""
    found = []
    for head in HEADS:
        for at in find_all(text, head):
            if at < abstract_start or text[at - 1: at] != " ":
                continue
            end = _AFTER_HEAD.match(text, at + len(head))
            if end is None or (named := _name_before(text, at, abstract_start)) is None:
                continue
            found.append((named[0], end.end()))
    for head in NUMBERED_HEADS:  # "Benchmark II", "Split 2"
        for at in find_all(text, head):
            if at >= abstract_start and (m := _HEAD_NUMERAL.match(text, at)):
                found.append((m.start(), m.end()))
    for head in LOWER_HEADS:
        for at in find_all(text, " " + head):
            if at < abstract_start or not _AFTER_HEAD.match(text, at + 1 + len(head)):
                continue
            named = _name_before(text, at + 1, abstract_start)
            if named is None or not _THE.search(text, max(0, named[0] - 40), named[0]):
                continue  # "the Multi-Session Chat dataset", not "In Table 3 dataset"
            start, words = named
            if len(words) > 1 or _SHAPED.search(words[0]):
                found.append((start, at))
    for m in _PLURAL_LIST.finditer(text, abstract_start) if " datasets" in text or (
            " benchmarks" in text) else ():  # "the AGORA and CAPE datasets"
        items = [(a, b) for a, b in list_items(m, _SEPARATOR)
                 if text[a:b].split()[0] not in _NOT_FIRST]
        if any(_LISTED_NAME.search(text, a, b) for a, b in items):
            found += items  # "the Synapse and ACDC datasets": one shaped name is enough
    for m in _KIND_EXAMPLES.finditer(text, abstract_start) if (
            " such as " in text or " including " in text or " namely " in text) else ():
        # "several biometric databases, such as BANCA, MOBIO and XM2VTS"
        items = list_items(m, _SEPARATOR)
        if VERB_AFTER.match(text, m.end("items")):
            items.pop()
        found += [(a, b) for a, b in items if text[a:b].split()[0] not in _NOT_FIRST]
    for m in _KIND_AFTER_SHAPED.finditer(text, abstract_start) if (
            " environment" in text or " domain" in text or " datasets" in text) else ():
        # "the Maze2D and AntMaze navigation domains", "the large Maze2D environment"
        found += [(a, b) for a, b in list_items(m, _SEPARATOR)
                  if _SHAPED.search(text, a, b) and text[a:b].split()[0] not in _NOT_FIRST]
    for m in matches_at(_FRONTED_ON, text, (i for i in find_all(text, "On ")
                                            if i >= abstract_start)):
        # "On Sudoku-Extreme and Maze-Hard, TRM reaches ..."
        found += [(a, b) for a, b in list_items(m, _SEPARATOR)
                  if _SHAPED.search(text, a, b) and text[a:b].split()[0] not in _NOT_FIRST]
    if "En" in text or "EN" in text:  # "on En-De, Ro-En and Et-En": a language pair's data
        found += [m.span() for m in _LANGUAGE_PAIR.finditer(text, abstract_start)]
    ons = [at for at in find_all(text, " on ") if at >= abstract_start]
    for m in matches_at(_NUMBER_ON, text, _starts_before(text, ons, _NUMBER_BEFORE_ON, 40)):
        # "70.57 / 30.94 on Yoochoose", "an F1 of 0.91 on Reddit-Small"
        if m["name"].split()[0] not in _NOT_FIRST:
            found.append((m.start("name"), m.end("name")))
    for m in matches_at(_EVALUATED_ON, text, _starts_before(text, ons, _EVALUATES_BEFORE_ON, 16)):
        # "Experiments on the synthetic graphs BA-Shapes, BA-Community and Tree-Grid show"
        items = list_items(m, _ON_SEPARATOR)
        if _NOUN_AFTER.match(text, m.end("items")):
            items.pop()  # "evaluation on the X platform": X names the platform
        found += [(a, b) for a, b in items
                  if _LISTED_NAME.search(text, a, b) and not _SIZED.search(text, a, b)
                  and text[a:b].split()[0] not in _NOT_FIRST]
    return sorted(set(found))


def counted_datasets(text: str, abstract_start: int) -> list[tuple[int, int]]:
    """The names right after a count of datasets, when there are as many as it says:
    "three review datasets, Yelp, Amazon and Beer", "nine graph datasets - Cora, ...". The
    count makes them datasets whatever else their names may be (Amazon, a company)."""
    found: list[tuple[int, int]] = []
    if not any(kind in text for kind in (" datasets", " benchmarks", " corpora", " data sets")):
        return found  # the cheap test first
    for _, items in counted_lists(text, _DATA_KIND, _DATA_NAMES, _SEPARATOR, abstract_start):
        if not any(text[a:b].split()[0] in _NOT_FIRST for a, b in items):
            found += items
    return found


def counted_lists(text: str, kinds: re.Pattern[str], names: re.Pattern[str],
                  separator: re.Pattern[str], start: int = 0
                  ) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """(kind, items) of each list of ``names`` right after a count of things of a kind
    (``kinds``, its group ``kind``) that holds as many names as the count says: "three
    review datasets, Yelp, Amazon and Beer", "the nine compared approaches - MLP, ...".
    Found from the kind word (a fast scan), then the count before it."""
    for kind in kinds.finditer(text, start):
        count = _COUNT_BEFORE.search(text, max(start, kind.start() - 60), kind.start())
        m = names.match(text, kind.end()) if count else None
        if m is not None and len(items := list_items(m, separator)) == COUNTS[
                count["n"].lower()]:
            yield kind["kind"], items


def list_items(m: re.Match[str], separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) in the text of each item of the match's ``items`` group, split where
    ``separator`` matches ("A, B and C")."""
    start, items, at = m.start("items"), [], 0
    for sep in separator.finditer(m["items"]):
        items.append((start + at, start + sep.start()))
        at = sep.end()
    items.append((start + at, m.end("items")))
    return items


# A sentence that opens on where it evaluates: "On Sudoku-Extreme and Maze-Hard, X reaches";
# each item a name with a hyphen, digit or inner capital, a system named after the comma.
_ON_ITEM = r"[A-Z][\w→&-]*(?:\s[A-Z][\w-]*)?"  # not "ImageNet 256x256"
_FRONTED_ON = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))On\s+(?:the\s+)?(?P<items>{_ON_ITEM}"
                         rf"(?:(?:,\s*|\s+and\s+|,\s+and\s+){_ON_ITEM})*)"
                         r"(?:\s+(?:benchmarks?|datasets?|tasks?|splits?))?,\s+"
                         r"(?=[A-Z][\w.-]*[A-Z0-9])")


# One item of a list of datasets: one to three capitalised words ("Deep Blending",
# "Tanks&Temples", "Amazon Beauty").
_ITEM = r"[A-Z](?:[\w&+→-]|\.\d)*(?:\s[A-Z0-9](?:[\w&+-]|\.\d)*){0,2}"
# Between the items of a list of where experiments are run: "A, B and on the real-world C".
_ON_SEP = r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:on\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?=[A-Z]))?"
_ON_SEPARATOR = re.compile(_ON_SEP)
# A capitalised name right after a score and "on": where the score was measured.
_SCORE = r"(?<![\w.])\d+(?:\.\d+)?\s?%?\)?(?:\s+[a-zA-Z@-]+){0,2}?"  # "0.83 AUC", "61.2%)"
_EXPERIMENTS = (r"\b(?:[Ee]xperiments|[Rr]esults|[Ee]valuations?|[Tt]ests|evaluated|tested|"
                r"benchmarked|[Ww]e\s+(?:also\s+)?(?:evaluate|test|benchmark))")
_NUMBER_ON = re.compile(_SCORE + r"\s+on\s+"
                        r"(?:the\s+)?(?P<name>[A-Z][A-Za-z&→-]*(?:\s[A-Z][A-Za-z-]*){0,2})"
                        r"(?![\w-]|\s+[a-z]+s\b)")  # not "on T4 GPUs" (nor "on LLaMA-7B": no digit)
# Where the two patterns above can start, found back from each " on ": a number, or a word
# that says experiments were run (trying them at every character costs more).
_NUMBER_BEFORE_ON = re.compile(_SCORE + "$")
_EVALUATES_BEFORE_ON = re.compile(_EXPERIMENTS + "$")


def _starts_before(text: str, ons: list[int], before: re.Pattern[str], reach: int
                   ) -> Iterator[int]:
    """Where ``before`` matches right up to one of ``ons`` (each the place of a " on ")."""
    for at in ons:
        if m := before.search(text, max(0, at - reach), at):
            yield m.start()


# Names that experiments are run on, after what they are: "Experiments on the synthetic
# graphs BA-Shapes, BA-Community and Tree-Grid", "evaluated on Cat-Dog and Maps"; not a
# model with its size ("experiments on Qwen-7B").
_EVALUATED_ON = re.compile(
    _EXPERIMENTS + r"\s+on\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:(?<=[a-z] )(?:with|using)\s+(?:the\s+)?)?"  # "evaluate on text classification with A"
    rf"(?P<items>{_ITEM}(?:{_ON_SEP}{_ITEM})*)(?![\w-])")
# A lower-case word after the last name that makes it a modifier: any but a verb, a
# preposition or conjunction, or a dataset word.
_NOUN_AFTER = re.compile(r"\s+(?!(?:shows?|demonstrates?|confirms?|reveals?|indicates?|suggests?"
                         r"|proves?|highlights?|verif(?:y|ies)|validates?|and|or|with|for|in|"
                         r"under|across|against|where|which|that|to|using|as|from|at|by|while|"
                         r"compared|datasets?|benchmarks?|splits?)\b)[a-z]")
_SIZED = re.compile(r"\d(?:\.\d+)?[BM]\b")


_LIST = re.compile(rf"(?:\b(?:on|including|such as|namely|across|among them)\s+(?:the\s+)?|"
                   rf"\b(?:datasets|benchmarks|corpora)\s*[(:]\s*|"  # "four datasets (A, B and C)"
                   r"\b[Oo]n\s+(?:[\w-]+\s+){1,3}(?:graphs|datasets|benchmarks|corpora),\s+|"
                   r"(?<=\w )\((?=[^()]*\)))"  # "arithmetic (A, B, C)": a bracketed list
                   rf"(?P<items>{_ITEM}(?:(?:,\s*|\s+and\s+|,\s+and\s+){_ITEM})+)")
_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, **{str(n): n for n in range(2, 16)}}  # the counts written
# A count, up to three words before the kind of thing it counts: "the nine compared (approaches)".
_COUNT_BEFORE = re.compile(r"(?<![\w-])(?P<n>(?i:two|three|four|five|six|seven|eight|nine|ten)|"
                           r"1[0-5]|[2-9])\s+(?:[\w-]+\s+){0,3}?$")
# A kind of data and the names right after it: "datasets, A, B and C", "datasets: A, B",
# "datasets - A and B".
_DATA_KIND = re.compile(r"\b(?P<kind>datasets|data sets|benchmarks|corpora)\s*(?:[,:(]|\s[-–—])\s*"
                        r"(?:namely\s+|i\.e\.,?\s+)?")
_DATA_NAMES = re.compile(rf"(?P<items>{_ITEM}(?:(?:,\s*|\s+and\s+|,\s+and\s+){_ITEM})+)(?![\w-])")
# Where a _LIST match can start: each of its openers' first characters.
_LIST_OPENERS = ("on", "On", "including", "such as", "namely", "across", "among them",
                 "datasets", "benchmarks", "corpora", "(")


def _places(text: str, words: tuple[str, ...], start: int, stop: int) -> Iterator[int]:
    """Every position of each of ``words`` in ``text[start:stop]``."""
    for word in words:
        i = text.find(word, start, stop)
        while i >= 0:
            yield i
            i = text.find(word, i + 1, stop)


# Names listed before a plural dataset word: "the AGORA and CAPE datasets", "the GSM-Hard,
# SVAMP and ASDiv benchmarks", "the public CiteULike and Yelp benchmarks"; each an acronym,
# a shaped name or of several words.
_LONG_ITEM = r"[A-Z](?:[\w&+→-]|\.\d)*(?:\s[A-Z0-9](?:[\w&+-]|\.\d)*){0,3}"
_PLURAL_LIST = re.compile(rf"\bthe\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<items>{_LONG_ITEM}"
                          rf"(?:(?:,\s*|\s+and\s+|,\s+and\s+){_LONG_ITEM})+)"
                          r"\s+(?:datasets|benchmarks)\b")
# Names given as examples of datasets: "biometric databases, such as BANCA, MOBIO and XM2VTS".
_KIND_EXAMPLES = re.compile(rf"\b(?:datasets|benchmarks|corpora|databases|data sets),?\s+"
                            rf"(?:such as|including|namely)\s+(?:the\s+)?"
                            rf"(?P<items>{_ITEM}(?:(?:,\s*|\s+and\s+|,\s+and\s+){_ITEM})+)"
                            r"(?![\w-])")
# Shaped names before a word for where an agent or model is tested: "the Maze2D and AntMaze
# navigation domains", "its six AntMaze datasets", "the large Maze2D environment".
_SHAPED_ITEM = r"[A-Z][\w-]*(?:[A-Z0-9][\w-]*|-[A-Z][\w-]*)"
_KIND_AFTER_SHAPED = re.compile(
    rf"(?<![\w-])(?P<items>{_SHAPED_ITEM}(?:(?:,\s*|\s+and\s+|,\s+and\s+){_SHAPED_ITEM})*)"
    r"\s+(?:[a-z][\w-]*\s+)?(?:environments?|domains|datasets)\b")
_LISTED_NAME = re.compile(r"[A-Z]{2}|[-\d\s]|[a-z][A-Z]")
# A verb after the last item makes it the subject of a new clause: "... on CORD, and
# LayoutLMv3-Base obtains ...".
VERB_AFTER = re.compile(r"\s+(?:also\s+|[a-z]+ly\s+)?(?:achiev|reach|obtain|outperform|"
                         r"surpass|scores?\b|attain|gets?\b|yields?\b|sets?\b|match|exceed|"
                         r"beat|is\b|are\b|was\b|were\b|has\b|have\b)")


def listed_datasets(text: str, known: list[tuple[int, int]], abstract_start: int
                    ) -> list[tuple[int, int]]:
    """The items of a list of names one of which is a dataset in ``known`` (offsets):
    the others are datasets too. Read from ``abstract_start`` on."""
    found: list[tuple[int, int]] = []
    for start, end in known:
        if start < abstract_start:
            continue
        window, stop = max(abstract_start, start - 120), min(len(text), end + 120)
        for m in matches_at(_LIST, text, _places(text, _LIST_OPENERS, window, stop), stop):
            if not m.start("items") <= start < m.end("items"):
                continue
            items = list_items(m, _SEPARATOR)
            if VERB_AFTER.match(text, m.end("items")):
                items.pop()
            found += [(a, b) for a, b in items  # a name the lexicon found stays its own
                      if not any(a < k_end and k_start < b for k_start, k_end in known)]
    return sorted(set(found))
