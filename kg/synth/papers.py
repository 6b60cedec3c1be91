"""Synthetic papers: invented model families with successive versions, abstracts written
from templates around lexicon names, authors with a heavy-tailed productivity."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from random import Random

from kg.config import DEFAULT_CAPTURE_YEAR
from kg.normalize import name_key, person_key, text_key
from kg.records import Paper, SourceSpan
from kg.synth import words as w

FIRST_DATE, LAST_DATE = dt.date(2017, 1, 1), dt.date(DEFAULT_CAPTURE_YEAR, 5, 31)


@dataclass(slots=True)
class _Family:
    base: str
    style: str
    domain: w.Domain
    lab: list[int]
    org: str | None
    repo_owner: str
    sizes: tuple[str, ...]
    max_versions: int
    released: list[str] = field(default_factory=list)


class _Generator:
    """The state of one call of :func:`synthetic_papers` (nothing outlives it)."""

    def __init__(self, n: int, seed: int) -> None:
        self.rng = Random(seed)
        self.active: list[_Family] = []  # families that will release another version
        self.by_domain: dict[str, list[str]] = {d.name: [] for d in w.DOMAINS}
        self.used_names = {name_key(f) for lex in ("model_families", "datasets", "metrics",
                                                   "methods", "software", "organizations")
                           for e in w.lexicon_entries(lex) for f in e.forms}
        self.seen_openings: set[str] = set()
        self.seen_titles: set[str] = set()
        self.authors = self._author_pool(max(30, n * 2))
        # Zipf-like productivity: the r-th person of the pool is drawn ~ 1 / (r + 8).
        self.author_cum = list(accumulate(1.0 / (r + 8) for r in range(len(self.authors))))
        self.orgs = [e.forms[0] for e in w.lexicon_entries("organizations")
                     if len(e.forms[0]) <= 30]
        self.methods = [e.forms[0] for e in w.lexicon_entries("methods")]
        self.software = [e.forms[0] for e in w.section_entries("software", ("frameworks",
                                                                          "distributed"))]
        self.hardware = [e.forms[0] for e in w.section_entries("hardware", ("NVIDIA data",))]

    # -- people and names
    def _author_pool(self, size: int) -> list[str]:
        rng, names, keys = self.rng, [], set()
        while len(names) < size:
            first, last = rng.choice(w.FIRST), rng.choice(w.LAST)
            if rng.random() < 0.1:
                first = f"{first} {rng.choice(w.FIRST)}"
            if rng.random() < 0.05:
                last = f"{last}-{rng.choice(w.LAST)}"
            name = f"{first} {last}"
            if person_key(name) not in keys:
                keys.add(person_key(name))
                names.append(name)
        return names

    def _zipf_author(self) -> int:
        return bisect(self.author_cum, self.rng.random() * self.author_cum[-1])

    def _paper_authors(self, family: _Family) -> tuple[str, ...]:
        rng = self.rng
        count = rng.choices(range(1, 16), weights=(3, 6, 10, 12, 12, 10, 8, 6, 4, 3, 2, 2, 1,
                                                   1, 1))[0]
        lab = rng.sample(family.lab, k=min(len(family.lab), count, rng.randint(1, 3)))
        chosen: list[int] = []
        while len(chosen) < count - len(lab):
            i = self._zipf_author() if rng.random() < 0.4 else rng.randrange(len(self.authors))
            if i not in chosen and i not in lab:
                chosen.append(i)
        ordered = chosen[:1] + lab[1:] + chosen[1:] + lab[:1]  # the senior author signs last
        return tuple(self.authors[i] for i in ordered)

    def _word(self) -> str:
        return "".join(self.rng.choices(w.SYLLABLES, k=self.rng.choice((2, 2, 3)))).capitalize()

    def _acronym(self, k: int | None = None) -> str:
        return "".join(self.rng.choices("ABCDEFGHKLMNPRSTVWXZ", k=k or self.rng.randint(2, 4)))

    def _new_family(self, domain: w.Domain) -> _Family:
        rng = self.rng
        while True:
            suffix = rng.choice(domain.suffixes)
            base = rng.choice((f"{self._word()}-{suffix}", f"{self._word()}{suffix}",
                               f"{self._acronym()}-{suffix}", self._word(),
                               f"{self._acronym(2)}-{self._word()}"))
            if name_key(base) not in self.used_names and len(base) <= 16:
                break
        self.used_names.add(name_key(base))
        lab = list(dict.fromkeys(self._zipf_author() for _ in range(rng.randint(2, 4))))
        org = rng.choice(self.orgs) if rng.random() < 0.7 else None
        owner = rng.choice((re.sub(r"[^A-Za-z0-9]", "", org or "") or f"{self._word()}Lab",
                            f"{self._word()}-AI", self.authors[lab[0]].split()[-1].lower()
                            + self._word().lower()[:3]))
        sizes = tuple(s for s in domain.sizes if rng.random() < 0.5) if rng.random() < 0.6 else ()
        family = _Family(base, rng.choice(("space_v", "glued_v", "dot", "dash", "V", "space")),
                         domain, lab, org, re.sub(r"[^A-Za-z0-9-]", "", owner), sizes,
                         max_versions=min(12, int(rng.paretovariate(1.1))))
        self.active.append(family)
        return family

    def _version_name(self, family: _Family, k: int) -> str:
        """The k-th release of a family (k = 0 is the first, usually unversioned)."""
        b, v = family.base, k + 1
        if k == 0 and (family.style == "dot" or self.rng.random() < 0.7):
            return b
        return {"space_v": f"{b} v{v}", "glued_v": f"{b}v{v}", "dash": f"{b}-{v}",
                "V": f"{b}V{v}", "space": f"{b} {v}",
                "dot": f"{b} {1 + (v - 1) // 2}.{0 if v % 2 else 5}"}[family.style]

    # -- names from the lexicons
    def _form(self, entries: Sequence[w.LexiconEntry], popular: bool = False) -> str:
        """A name of one of ``entries``; with ``popular``, the first entries of the lexicon
        section (the well-known ones: COCO, ImageNet, accuracy) are drawn far more often,
        Zipf-like, so a few datasets and metrics are used by many papers."""
        if popular:
            weights = _zipf_cumulative(len(entries))
            forms = entries[bisect(weights, self.rng.random() * weights[-1])].forms
        else:
            forms = self.rng.choice(entries).forms
        return forms[0] if len(forms) == 1 or self.rng.random() < 0.75 else self.rng.choice(forms)

    def _distinct(self, entries: Sequence[w.LexiconEntry], k: int,
                  popular: bool = False) -> list[str]:
        out: list[str] = []
        for _ in range(k * 6):
            name = self._form(entries, popular)
            if all(name_key(name) != name_key(o) for o in out):
                out.append(name)
            if len(out) == k:
                break
        return out + [out[-1]] * (k - len(out))

    def _result(self, metric: str) -> str:
        rng = self.rng
        low, high, decimals, suffix = next(
            (spec for pat, spec in w.METRIC_VALUES if re.search(pat, metric)),
            (20.0, 95.0, 1, "%" if rng.random() < 0.75 else ""))
        value = f"{rng.uniform(low, high):.{decimals}f}{suffix}"
        if suffix == "%" and rng.random() < 0.5:
            return f"{value} {metric}"
        return (f"a {metric} of {value}" if rng.random() < 0.5 or suffix.startswith(" ")
                else f"{value} {metric}")

    def _url(self, family: _Family, model: str) -> str:
        rng = self.rng
        repo = re.sub(r"[^A-Za-z0-9._-]", "", family.base if rng.random() < 0.6 else model)
        url = f"https://github.com/{family.repo_owner}/{repo}"
        sub = re.sub(r"[^a-z0-9]+", "_", model.lower()).strip("_")
        return url + rng.choice(("", "", f"/tree/main/{sub}", f"/tree/develop/projects/{sub}",
                                 f"/blob/main/docs/{sub}.md", "/tree/main/configs"))

    # -- one paper
    def _release(self) -> tuple[_Family, str, str | None]:
        """A family, its new model name and the model it succeeds (or builds on)."""
        rng = self.rng
        if not self.active or rng.random() < 0.4:
            family = self._new_family(rng.choice(w.DOMAINS))
        else:
            family = rng.choice(self.active)
        k = len(family.released)
        x = self._version_name(family, k)
        while name_key(x) in self.used_names and k:  # e.g. "Foo 2" after "Foo-2"
            x += rng.choice(("-Pro", "-Plus", "-Lite", "-Turbo"))
        self.used_names.add(name_key(x))
        y = family.released[-1] if family.released else None
        if y is None and rng.random() < 0.4:
            others = self.by_domain[family.domain.name]
            y = rng.choice(others) if others else self._form(w.section_entries(
                "model_families", family.domain.models))
        family.released.append(x)
        if len(family.released) >= family.max_versions:
            self.active.remove(family)
        return family, x, y

    def paper(self, index: int, date: dt.date) -> Paper:
        rng = self.rng
        family, x, y = self._release()
        d = family.domain
        sized = [f"{x}{s}" for s in family.sizes if rng.random() < 0.7]
        headline = sized[0] if sized and rng.random() < 0.25 else x
        peers = self.by_domain[d.name][-30:]
        baselines = self._distinct(w.section_entries("model_families", d.models, d.baselines), 3)
        for i in range(3):
            if peers and rng.random() < 0.4:
                baselines[i] = rng.choice(peers)
        self.by_domain[d.name].append(x)
        tasks = self._distinct(w.section_entries("tasks", d.tasks), 2)
        datasets = self._distinct(w.section_entries("datasets", d.datasets), 3, popular=True)
        metrics = self._distinct(w.section_entries("metrics", d.metrics), 2, popular=True)
        comp, comp2 = (" ".join(rng.choice(part) for part in w.COMP) for _ in range(2))
        methods = rng.sample(self.methods, k=4)
        slots = {
            "x": headline, "xs": rng.choice(sized or [x]), "y": y or rng.choice(baselines),
            "z": self._form(w.section_entries("model_families", ("vision backbones",)))
            if d.name in ("det", "cls", "ocr", "gen", "vlm") else rng.choice(baselines),
            "b1": baselines[0], "b2": baselines[1], "b3": baselines[2],
            "d1": datasets[0], "d2": datasets[1], "d3": datasets[2],
            "task": tasks[0], "task2": tasks[1], "Task": w.title_case(tasks[0]),
            "Sent": tasks[0][:1].upper() + tasks[0][1:],
            "field": d.field, "noun": rng.choice(d.nouns), "adj": rng.choice(w.ADJ),
            "trend": rng.choice(w.TREND), "issue": rng.choice(w.ISSUE), "app": rng.choice(w.APP),
            "limit": rng.choice(w.LIMIT), "comp": comp, "comp2": comp2,
            "acr": "".join(t[0] for t in comp.split()).upper(),
            "acr2": "".join(t[0] for t in comp2.split()).upper(),
            "method": methods[0], "method2": methods[1], "method3": methods[2],
            "method4": methods[3], "software": rng.choice(self.software),
            "software2": rng.choice(self.software), "hardware": rng.choice(self.hardware),
            "hardware2": rng.choice(self.hardware),
            "gpus": str(rng.choice((8, 16, 32, 64, 128, 256, 512, 1024))),
            "hours": str(rng.choice((2, 5, 12, 30, 80, 200))),
            "samples": str(rng.choice((1.2, 3, 5, 12, 29, 145, 400))),
            "ctx": str(rng.choice((8, 32, 128, 256, 1000))), "p": str(rng.randint(2, 15)),
            "ratio": f"{rng.uniform(1.2, 9.0):.1f}", "gain": f"{rng.uniform(0.3, 9.9):.1f}",
            "r1": self._result(metrics[0]), "r2": self._result(metrics[1]),
            "r3": self._result(metrics[0]), "r4": self._result(metrics[0]),
            "url": self._url(family, headline),
        }
        abstract = self._abstract(slots, lineage=y is not None, sized=sized)
        has_code = rng.random() < 0.55
        if has_code:
            abstract += " " + rng.choice(w.CODE).format(**slots)
        return Paper(
            abstract=abstract,
            sources=(SourceSpan("synthetic.jsonl", index + 1, index + 1, "jsonl"),),
            title=self._title(slots),
            authors=self._paper_authors(family),
            organization=family.org if family.org and rng.random() < 0.5 else None,
            category=rng.choice(d.categories),
            date=date,
            score=round(rng.uniform(40, 100), 1) if rng.random() < 0.4 else None,
            has_code=has_code,
        )

    def _abstract(self, slots: dict[str, str], *, lineage: bool, sized: list[str]) -> str:
        rng = self.rng
        body = [rng.choice(w.PROPOSALS)]
        if lineage:
            body += rng.sample(w.LINEAGE, k=rng.choice((1, 1, 2)))
        if rng.random() < 0.35:
            body.append(rng.choice(w.COMPONENTS))
        if len(sized) > 1:
            body.append("{x} comes in several sizes: " + ", ".join(sized[:-1]) + " and "
                        + sized[-1] + ".")

        def render(templates: Sequence[str]) -> list[str]:
            return [w.articles(t.format(**slots)) for t in templates]

        body_text = render(body)
        details = render(rng.sample(w.DETAILS, k=len(w.DETAILS)))
        tail = render([rng.choice(w.RESULTS)]
                      + ([rng.choice(w.MORE_RESULTS)] if rng.random() < 0.6 else [])
                      + [rng.choice(w.COMPARISONS)])
        target = rng.randint(120, 260)
        for attempt in range(21):  # a unique opening, so that distinct papers never merge
            head = [rng.choice(w.OPENERS)] + ([rng.choice(w.GAPS)] if rng.random() < 0.7 else [])
            first = render(head if attempt < 20 else []) + body_text  # else the proposal opens
            key = text_key(" ".join(first)[:600])
            if key[:200] not in self.seen_openings and key[:60] not in self.seen_openings:
                break
        self.seen_openings.update((key[:200], key[:60]))
        return self._fit(first, details, tail, target)

    @staticmethod
    def _fit(first: list[str], details: list[str], tail: list[str], target: int) -> str:
        """The sentences with as many details as make about ``target`` words (at least 120,
        at most 285: the code sentence adds up to 15)."""
        words = sum(len(s.split()) for s in first + tail)
        chosen = []
        for sentence in details:
            if words >= max(120, target):
                break
            if words + len(sentence.split()) > 285:
                continue
            chosen.append(sentence)
            words += len(sentence.split())
        return " ".join(first + chosen + tail)

    def _title(self, slots: dict[str, str]) -> str:
        rng = self.rng
        tnoun = w.title_case(slots["noun"])
        tslots = {**slots, "ta": rng.choice(w.TITLE_ADJ), "tnoun": tnoun,
                  "tnouns": w.plural(tnoun), "tcomp": w.plural(w.title_case(slots["comp"]))}
        for _ in range(10):
            title = w.articles(rng.choice(w.TITLES).format(**tslots))
            if text_key(title) not in self.seen_titles and not re.search(r"[.!?](\s|$)", title):
                break
        else:
            title = f"{slots['x']}: {tslots['ta']} {slots['Task']} with {slots['xs']}"
        self.seen_titles.add(text_key(title))
        return title


@lru_cache(maxsize=64)
def _zipf_cumulative(size: int) -> list[float]:
    """Cumulative weights 1 / (r + 2) of the ranks r < ``size``."""
    return list(accumulate(1.0 / (r + 2) for r in range(size)))


def synthetic_papers(n: int, seed: int = 0) -> list[Paper]:
    """``n`` distinct synthetic papers in date order, each with a SourceSpan of layout
    ``jsonl`` (``synthetic.jsonl``, line i + 1), as :func:`write_corpus` writes them.

    >>> [p.sources[0].start_line for p in synthetic_papers(2, seed=7)]
    [1, 2]
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, not {n}")
    gen = _Generator(n, seed)
    span = (LAST_DATE - FIRST_DATE).days
    # More papers in later years, as in the field itself (density falls linearly with age).
    dates = sorted(LAST_DATE - dt.timedelta(days=int(span * (1 - (1 - gen.rng.random()) ** 0.5)))
                   for _ in range(n))
    return [gen.paper(i, date) for i, date in enumerate(dates)]
