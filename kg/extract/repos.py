"""``kg_repos``: code-repository URLs, normalised to ``github.com/owner/repo`` with the
sub-path kept as an attribute; the owner is also an Organization when it is a known one or
reads as one (``organization_like``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.context import doc_text, find_all, matches_at, set_spans, span_bounds
from kg.extract.lexicon import load_lexicon
from kg.normalize import name_key

# github.com/owner/repo[/sub/path], with or without scheme; arXiv's "{this https URL}"
# placeholder hides some URLs entirely (nothing to recover there).
URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<host>github\.com|gitlab\.com|huggingface\.co|bitbucket\.org)"
    r"/(?P<owner>[A-Za-z0-9][A-Za-z0-9_.-]*)/(?P<repo>[A-Za-z0-9_.-]+)(?P<sub>/[^\s)\]{}>,;\"']*)?",
    re.IGNORECASE,
)
_HOSTS = ("github.com", "gitlab.com", "huggingface.co", "bitbucket.org")
_BEFORE_HOST = len("https://www.")


def url_matches(text: str) -> Iterator[re.Match[str]]:
    """``URL.finditer(text)``, trying the case-blind pattern only up to ``https://www.``
    before a host name that a substring search finds."""
    lowered = text.lower()
    if len(lowered) != len(text) or _FOLDS_TO_ASCII.search(text):
        yield from URL.finditer(text)  # positions in lowered do not match, or "ı" is an "i"
        return
    starts = (i for host in _HOSTS for at in find_all(lowered, host)
              for i in range(max(0, at - _BEFORE_HOST), at + 1))
    yield from matches_at(URL, text, starts)


# Letters that a case-blind pattern matches to ASCII ones without being lower-cased to them.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


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


_ORG_WORDS = re.compile(r"(?:research|labs?|ai|project|team|group|org|inc|corp|foundation|"
                        r"institute|official|community|hq|nlp|ml|tech|technologies|systems|"
                        r"robotics|computing|computer|machines|models|sensors|vision|speech|"
                        r"lang|dev)$", re.I)


def organization_like(owner: str, repo: str = "") -> bool:
    """Whether a repository owner reads as an organisation rather than a person's handle:
    an organisation word at the end (``facebookresearch``, ``vllm-project``, ``mistralai``,
    ``HazyResearch``, ``dptech-corp``, ``octo-models``), an acronym in it (``THUDM``,
    ``QwenLM``, ``NVlabs``), or the project's own name (``openvla/openvla``,
    ``elfi-dev/elfi``, ``XiaomiMiMo/MiMo``, ``web-arena-x/webarena``: an account made for
    the project). Handles such as ``karpathy``, ``Hao840`` or a name in camel case
    (``MishaLaskin``, ``PetarV-``) are not.

    >>> [organization_like(o) for o in ("google-research", "QwenLM", "THUDM", "Hao840",
    ...                                 "LiheYoung")]
    [True, True, True, False, False]
    >>> organization_like("openvla", "openvla"), organization_like("danijar", "dreamerv3")
    (True, False)
    """
    if any(c.isdigit() for c in owner):
        return False
    parts = re.split(r"[-_.]", owner)
    if _ORG_WORDS.search(owner) or any(_ORG_WORDS.fullmatch(p) for p in parts) or re.search(
            r"[A-Z]{2}", owner):
        return True
    own, project = name_key(owner), name_key(repo)
    return len(project) >= 4 and (own.startswith(project) or own.endswith(project)
                                  or project.startswith(own))


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


def organization_name(tag: str) -> str:
    """The name of an author line's organisation tag: as written, in the lexicon's case
    where the lexicon knows it under that name (``baidu`` → ``Baidu``); a tag the lexicon
    knows under another name stays as written (``berkeley``; see ``organization_alias``).

    >>> organization_name("baidu"), organization_name("berkeley"), organization_name("Acme")
    ('Baidu', 'berkeley', 'Acme')
    """
    tag = " ".join(tag.split())
    known = known_organizations().get(name_key(tag))
    return known if known and name_key(known) == name_key(tag) else tag


def organization_alias(name: str) -> str | None:
    """The lexicon's name of an organisation written another way (``berkeley`` →
    ``University of California, Berkeley``), or None.

    >>> organization_alias("deepseek-ai"), organization_alias("Baidu")
    ('DeepSeek', None)
    """
    known = known_organizations().get(name_key(name))
    return known if known and name_key(known) != name_key(name) else None


class RepositoryFinder:
    """Find repository URLs in ``doc_text(doc)``; spans go to ``doc.spans["kg_repos"]`` with
    ``label_`` = the entity type and ``id_`` = the normalised name (sub-path after ``#``)."""

    def __init__(self, nlp: Language, name: str, *, organizations: bool) -> None:
        self.name = name
        self.organizations = known_organizations() if organizations else {}

    def _names_an_organization(self, owner: str) -> bool:
        """Whether a part of the owner's handle is an organisation the lexicons know:
        ``huawei-noah``, ``graphdeco-inria``."""
        return any(len(part) > 2 and name_key(part) in self.organizations
                   for part in re.split(r"[-_.]", owner))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans: list[tuple[int, int, str, str]] = []
        for m in url_matches(text):
            found = normalise_repository(m[0])
            end = m.end()
            while end > m.start() and text[end - 1] in ".,:;":
                end -= 1
            bounds = span_bounds(doc, m.start(), end, "expand")
            if found is None or bounds is None:
                continue
            name, sub = found
            spans.append((*bounds, "Repository", name + ("#" + sub if sub else "")))
            owner = m["owner"]
            if self.organizations and (name_key(owner) in self.organizations
                                       or organization_like(owner, m["repo"])
                                       or self._names_an_organization(owner)):
                spans.append((*bounds, "Organization", organization_name(owner)))
        set_spans(doc, self.name, spans)
        return doc


@Language.factory("kg_repos", default_config={"organizations": True})
def make_repository_finder(nlp: Language, name: str, organizations: bool) -> RepositoryFinder:
    return RepositoryFinder(nlp, name, organizations=organizations)
