"""``kg_repos``: code-repository URLs, normalised to ``github.com/owner/repo`` with the
sub-path kept as an attribute; the owner is also an Organization when it is a known one or
reads as one (``organization_like``)."""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.context import doc_text
from kg.extract.lexicon import load_lexicon
from kg.normalize import name_key

# github.com/owner/repo[/sub/path], with or without scheme; arXiv's "{this https URL}"
# placeholder hides some URLs entirely (nothing to recover there).
URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<host>github\.com|gitlab\.com|huggingface\.co|bitbucket\.org)"
    r"/(?P<owner>[A-Za-z0-9][A-Za-z0-9_.-]*)/(?P<repo>[A-Za-z0-9_.-]+)(?P<sub>/[^\s)\]{}>,;\"']*)?",
    re.IGNORECASE,
)
_RESERVED_OWNERS = {"orgs", "topics", "features", "about", "settings", "marketplace"}


def normalise_repository(url: str) -> tuple[str, str | None] | None:
    """``(host/owner/repo, sub_path)`` for a repository URL, or None.

    >>> normalise_repository("https://github.com/PaddlePaddle/PaddleOCR/blob/dygraph/doc.md.")
    ('github.com/paddlepaddle/paddleocr', 'blob/dygraph/doc.md')
    >>> normalise_repository("github.com/Hasuer/KnowRL.git")
    ('github.com/hasuer/knowrl', None)
    """
    m = URL.search(url)
    if not m or m["owner"].lower() in _RESERVED_OWNERS:
        return None
    repo = re.sub(r"\.git$", "", m["repo"].rstrip(".")).lower()
    sub = (m["sub"] or "").strip("/").rstrip(".:") or None
    if not repo:
        return None
    return f"{m['host'].lower()}/{m['owner'].lower()}/{repo}", sub


_ORG_WORDS = re.compile(r"(?:research|labs?|ai|project|team|group|org|inc|foundation|"
                        r"institute|official|community|hq|nlp|ml)$", re.I)


def organization_like(owner: str) -> bool:
    """Whether a repository owner reads as an organisation rather than a person's handle:
    an organisation word at the end (``facebookresearch``, ``vllm-project``, ``mistralai``),
    several capitals (``CompVis``, ``QwenLM``, ``HazyResearch``) or an acronym (``THUDM``).
    Handles such as ``karpathy``, ``Hasuer`` or ``Hao840`` are not.

    >>> [organization_like(o) for o in ("google-research", "CompVis", "THUDM", "Hao840")]
    [True, True, True, False]
    """
    if any(c.isdigit() for c in owner):
        return False
    parts = re.split(r"[-_.]", owner)
    return bool(_ORG_WORDS.search(owner) or any(_ORG_WORDS.fullmatch(p) for p in parts)
                or sum(c.isupper() for c in owner) >= 2)


@functools.cache
def known_organizations() -> dict[str, str]:
    """name key -> canonical name of every organisation the lexicons know (including
    software lexicon entries documented as also an Organization)."""
    known: dict[str, str] = {}
    for lexicon in ("organizations", "software"):
        for entry in load_lexicon(lexicon):
            if entry.type == "Organization" or "Organization" in entry.also:
                for form, _ in entry.forms:
                    known.setdefault(name_key(form), entry.canonical)
    return known


class RepositoryFinder:
    """Find repository URLs in ``doc_text(doc)``; spans go to ``doc.spans["kg_repos"]`` with
    ``label_`` = the entity type and ``id_`` = the normalised name (sub-path after ``#``)."""

    def __init__(self, nlp: Language, name: str, *, organizations: bool) -> None:
        self.name = name
        self.organizations = known_organizations() if organizations else {}

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in URL.finditer(doc_text(doc)):
            found = normalise_repository(m[0])
            end = m.end()
            while end > m.start() and doc_text(doc)[end - 1] in ".,:;":
                end -= 1
            span = doc.char_span(m.start(), end, alignment_mode="expand")
            if found is None or span is None:
                continue
            name, sub = found
            spans.append(Span(doc, span.start, span.end, label="Repository",
                              span_id=name + ("#" + sub if sub else "")))
            org = self.organizations.get(name_key(m["owner"]))
            if org is None and self.organizations and organization_like(m["owner"]):
                org = m["owner"]
            if org:
                spans.append(Span(doc, span.start, span.end, label="Organization", span_id=org))
        doc.spans[self.name] = spans
        return doc


@Language.factory("kg_repos", default_config={"organizations": True})
def make_repository_finder(nlp: Language, name: str, organizations: bool) -> RepositoryFinder:
    return RepositoryFinder(nlp, name, organizations=organizations)
