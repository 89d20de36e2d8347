"""Load and validate the curated knowledge base (`knowledge/`): entries, documents, synonyms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from bot.concepts import known_concepts

VERDICTS = ("yes", "no", "conditional", "info")
DOCUMENT_KINDS = (
    "circular",
    "cabinet-resolution",
    "ministry-letter",
    "guideline",
    "law",
    "reference",
)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# An answer must fit a phone screen or two; longer text belongs in a related entry.
MAX_ANSWER_CHARS = 1500
# The first screen of an answer (bot.brief): one sentence, what to do instead, short source labels.
MAX_SHORT_CHARS = 240
MAX_SOURCE_LABEL_CHARS = 32
# Written in an answer, it becomes the contact office of the settings (CONTACT_OFFICE, CONTACT_PHONE).
CONTACT_PLACEHOLDER = "{contact}"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")

_ENTRY_KEYS = {
    "id", "title", "verdict", "questions", "answer", "short", "instead", "sources", "related", "applies", "because",
    "cases",
}
_CASE_KEYS = {"when", "unless", "over", "verdict", "title", "short", "answer", "related"}
_APPLIES_ORDER = ("needs", "excludes", "first_when", "sure_when", "fallback_when")
_APPLIES_KEYS = set(_APPLIES_ORDER)
_DOCUMENT_KEYS = {"id", "title", "short", "kind", "number", "date", "issuer", "url", "note", "file"}
_SYNONYM_KEYS = {"canonical", "variants", "also", "weight"}


class KnowledgeError(Exception):
    """The knowledge base is invalid; each line names the file, the entry and the problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class KnowledgeSource:
    """A document the answers rest on and cite (a letter, a resolution, a law, a reference page)."""

    id: str
    title: str
    kind: str
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    url: str | None = None
    note: str | None = None
    file: str | None = None
    # A label short enough for a phone's line of sources ("พ.ร.บ.เทศบาล ม. 67"); derived when absent (bot.brief).
    short: str | None = None


@dataclass(frozen=True)
class Case:
    """A case of an entry: with all `when` concepts in a question the `over` entries got, this entry answers so."""

    when: frozenset[str]
    over: frozenset[str]
    # Left out, the entry's own verdict and text: only which entry answers changes.
    verdict: str | None = None
    answer: str | None = None
    short: str | None = None
    # Concepts that keep the chosen entry: "with a small village abroad?" asks the criteria, not whether.
    unless: frozenset[str] = frozenset()
    # The question it answers, and what to read next, when they differ from the entry's.
    title: str | None = None
    related: tuple[str, ...] | None = None

    def holds(self, concepts: frozenset[str]) -> bool:
        """Tell whether a question with these concepts is this case."""
        return self.when <= concepts and not self.unless & concepts


@dataclass(frozen=True)
class Entry:
    """One question the bot can answer, with the ways officials ask it."""

    id: str
    title: str
    verdict: str
    questions: tuple[str, ...]
    answer: str
    sources: tuple[str, ...]
    related: tuple[str, ...] = ()
    # The entry that answers "ทำไม" / "where does it say so?" right after this one (None: this one again).
    because: str | None = None
    file: str = ""
    # The first screen (bot.brief): the answer in one sentence and what to do instead; derived when absent.
    short: str | None = None
    instead: str | None = None
    # When the entry applies (see bot.concepts): every `needs` concept in the question, no `excludes` one.
    needs: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    # With one of these in the question, this entry answers first (a restriction before what is allowed).
    first_when: frozenset[str] = frozenset()
    # With all of these stated in the question, a weaker match of its words is enough.
    sure_when: frozenset[str] = frozenset()
    # With one of these stated and no entry sure enough, this entry answers rather than a decline
    # (a question that names a letter this entry describes is about that letter).
    fallback_when: frozenset[str] = frozenset()
    # How it answers instead of another entry in a case ("may the province do it?" is this rule's "yes").
    cases: tuple[Case, ...] = ()

    def in_case(self, case: Case) -> Entry:
        """Return this entry as it answers in `case`: the case's verdict and text, and it applies to the case."""
        told = case.answer is not None
        return replace(
            self, verdict=case.verdict or self.verdict, answer=case.answer or self.answer,
            short=case.short if told else self.short, instead=None if told else self.instead, cases=(),
            excludes=(self.excludes - case.when) | case.unless, title=case.title or self.title,
            related=self.related if case.related is None else case.related,
        )

    def applies_to(self, concepts: frozenset[str]) -> bool:
        """Tell whether this entry may answer a question with these concepts."""
        return self.needs <= concepts and not self.excludes & concepts

    @property
    def is_smalltalk(self) -> bool:
        """Tell whether this is a greeting/thanks entry rather than a policy answer."""
        return self.id.startswith("smalltalk-")


@dataclass(frozen=True)
class SynonymGroup:
    """Words that mean one thing; every variant is read as `canonical` (plus `also`)."""

    canonical: str
    variants: tuple[str, ...]
    also: tuple[str, ...] = ()
    weight: float = 1.0


@dataclass(frozen=True)
class KnowledgeBase:
    """The whole validated knowledge base."""

    root: Path
    entries: tuple[Entry, ...]
    documents: Mapping[str, KnowledgeSource]
    synonyms: tuple[SynonymGroup, ...]
    ignore: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def by_id(self) -> Mapping[str, Entry]:
        """Return the entries keyed by id."""
        return {entry.id: entry for entry in self.entries}

    @cached_property
    def examples(self) -> tuple[Entry, ...]:
        """Return the policy entries to offer as examples: those small talk points to first, then the rest in order."""
        by_id = self.by_id
        pointed = [by_id[i] for entry in self.entries if entry.is_smalltalk for i in entry.related if i in by_id]
        policy = [entry for entry in (*pointed, *self.entries) if not entry.is_smalltalk]
        return tuple(dict.fromkeys(policy))


def default_knowledge_dir() -> Path:
    """Return the knowledge folder: the installed copy, or the source checkout's."""
    packaged = Path(__file__).resolve().parent / "shipped_knowledge"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "knowledge"


def resolve_knowledge_dir(setting: Path | None = None) -> Path:
    """Return the knowledge folder the KNOWLEDGE_DIR setting names, or the shipped one."""
    return setting if setting is not None else default_knowledge_dir()


def _read_yaml(path: Path, problems: list[str]) -> Any:
    try:
        # libyaml's loader is ~10x faster than the pure-Python one: it matters for one-shot runs.
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{path.name}: cannot be read: {error}")
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        problems.append(f"{path.name}{line}: not valid YAML: {getattr(error, 'problem', error)}")
    return None


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)


def _check_keys(where: str, data: Mapping[str, Any], allowed: set[str], problems: list[str]) -> None:
    for key in sorted(set(data) - allowed):
        problems.append(f"{where}: unknown field {key!r} (allowed: {', '.join(sorted(allowed))})")


def _load_documents(path: Path, problems: list[str]) -> dict[str, KnowledgeSource]:
    data = _read_yaml(path, problems) if path.is_file() else None
    if data is None:
        if not path.is_file():
            problems.append(f"{path.name}: missing (the list of documents the answers cite)")
        return {}
    if not isinstance(data, list):
        problems.append(f"{path.name}: must be a list of documents")
        return {}
    documents: dict[str, KnowledgeSource] = {}
    for index, item in enumerate(data, 1):
        where = f"{path.name}: document #{index}"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be a mapping with id, title, kind")
            continue
        where = f"{path.name}: document {item.get('id', f'#{index}')!s}"
        _check_keys(where, item, _DOCUMENT_KEYS, problems)
        doc_id, title, kind = item.get("id"), item.get("title"), item.get("kind")
        if not isinstance(doc_id, str) or not _ID.match(doc_id):
            problems.append(f"{where}: id must be lower-case words joined by '-'")
            continue
        if doc_id in documents:
            problems.append(f"{where}: duplicate id")
        if not isinstance(title, str) or not title.strip():
            problems.append(f"{where}: title is missing")
        if kind not in DOCUMENT_KINDS:
            problems.append(f"{where}: kind must be one of {', '.join(DOCUMENT_KINDS)}")
        date = item.get("date")
        if date is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(date)):
            problems.append(f"{where}: date must be an ISO date (YYYY-MM-DD, Christian era)")
        short = item.get("short")
        if short is not None and (
            not isinstance(short, str) or not short.strip() or "\n" in short.strip()
            or len(short.strip()) > MAX_SOURCE_LABEL_CHARS
        ):
            problems.append(f"{where}: short must be one line of at most {MAX_SOURCE_LABEL_CHARS} characters")
        fields = {key: (None if item.get(key) is None else str(item[key])) for key in _DOCUMENT_KEYS}
        fields.update(id=doc_id, title=str(title or ""), kind=str(kind or ""))
        fields["short"] = fields["short"].strip() if fields["short"] else None
        documents[doc_id] = KnowledgeSource(**fields)  # type: ignore[arg-type]
    return documents


def _load_synonyms(path: Path, problems: list[str]) -> tuple[tuple[SynonymGroup, ...], frozenset[str]]:
    data = _read_yaml(path, problems) if path.is_file() else {}
    if data is None:
        return (), frozenset()
    if not isinstance(data, dict):
        problems.append(f"{path.name}: must have 'groups' (and optionally 'ignore')")
        return (), frozenset()
    _check_keys(path.name, data, {"groups", "ignore"}, problems)
    groups: list[SynonymGroup] = []
    seen: dict[str, str] = {}
    for index, item in enumerate(data.get("groups") or [], 1):
        where = f"{path.name}: group #{index}"
        if not isinstance(item, dict) or not isinstance(item.get("canonical"), str):
            problems.append(f"{where}: must be a mapping with 'canonical' and 'variants'")
            continue
        where = f"{path.name}: group {item['canonical']!r}"
        _check_keys(where, item, _SYNONYM_KEYS, problems)
        variants, also = item.get("variants") or [], item.get("also") or []
        if not _strings(variants) or not _strings(also):
            problems.append(f"{where}: 'variants' and 'also' must be lists of words")
            continue
        for variant in variants:
            key = variant.strip().lower()
            if key in seen and seen[key] != item["canonical"]:
                problems.append(f"{where}: variant {variant!r} is also in group {seen[key]!r}")
            seen[key] = item["canonical"]
        weight = item.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 5:
            problems.append(f"{where}: weight must be a number above 0 and at most 5")
            weight = 1
        groups.append(SynonymGroup(item["canonical"], tuple(variants), tuple(also), float(weight)))
    ignore = data.get("ignore") or []
    if not _strings(ignore):
        problems.append(f"{path.name}: 'ignore' must be a list of words")
        ignore = []
    return tuple(groups), frozenset(ignore)


def _with_places(
    path: Path, groups: tuple[SynonymGroup, ...], problems: list[str]
) -> tuple[SynonymGroup, ...]:
    """Add the gazetteer (places.yaml: foreign countries, regions, cities) to the synonym group it names."""
    data = _read_yaml(path, problems) if path.is_file() else None
    if data is None:
        return groups
    if not isinstance(data, dict) or not isinstance(data.get("places"), dict):
        problems.append(f"{path.name}: must have 'into' (a synonym group) and 'places' (lists of names by country)")
        return groups
    _check_keys(path.name, data, {"into", "places"}, problems)
    into = data.get("into")
    target = next((group for group in groups if group.canonical == into), None)
    if target is None:
        problems.append(f"{path.name}: 'into' must name a synonym group of synonyms.yaml, not {into!r}")
        return groups
    elsewhere = {
        variant.strip().lower(): f"synonyms group {group.canonical!r}" for group in groups for variant in group.variants
    }
    names: list[str] = []
    for country, listed in data["places"].items():
        if not _strings(listed):
            problems.append(f"{path.name}: {country!r} must be a list of place names")
            continue
        for name in listed:
            key = name.strip().lower()
            if not key:
                problems.append(f"{path.name}: {country!r} has an empty name")
            elif key in elsewhere:
                # A place already listed (or a word of another group) would be read two ways.
                problems.append(f"{path.name}: {name!r} ({country}) is also in {elsewhere[key]}")
            else:
                elsewhere[key] = f"places.yaml under {country!r}"
                names.append(name)
    return tuple(replace(group, variants=(*group.variants, *names)) if group is target else group for group in groups)


def _applies(where: str, data: Any, concepts: frozenset[str], problems: list[str]) -> dict[str, frozenset[str]]:
    """Read an entry's `applies: {needs, excludes, first_when, sure_when, fallback_when}` (lists of concepts)."""
    lists: list[frozenset[str]] = []
    if data is not None and not isinstance(data, dict):
        problems.append(f"{where}: applies must be a mapping of {', '.join(_APPLIES_ORDER)}")
        data = None
    if data is None:
        return dict.fromkeys(_APPLIES_ORDER, frozenset())
    _check_keys(f"{where}: applies", data, _APPLIES_KEYS, problems)
    for key in _APPLIES_ORDER:
        value = data.get(key) or []
        if not _strings(value):
            problems.append(f"{where}: applies.{key} must be a list of concept names")
            value = []
        for concept in value:
            if concept not in concepts:
                known = ", ".join(sorted(concepts))
                problems.append(f"{where}: applies.{key}: unknown concept {concept!r} (known: {known})")
        lists.append(frozenset(value))
    if lists[0] & lists[1]:
        problems.append(f"{where}: applies: {', '.join(sorted(lists[0] & lists[1]))} both needed and excluding")
    return dict(zip(_APPLIES_ORDER, lists, strict=True))


def _check_short(where: str, key: str, value: Any, problems: list[str]) -> None:
    """Check an entry's optional `short` or `instead`: one paragraph that fits the first screen."""
    if value is None:
        return
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: {key} must be a text (or left out)")
        return
    text = value.strip()
    if "\n\n" in text or text.count("\n") > 1:
        problems.append(f"{where}: {key} must be one paragraph of at most two lines")
    if len(text) > MAX_SHORT_CHARS:
        problems.append(f"{where}: {key} is {len(text)} characters (at most {MAX_SHORT_CHARS})")
    for placeholder in _PLACEHOLDER.findall(text):
        if placeholder != CONTACT_PLACEHOLDER:
            problems.append(f"{where}: {key} has {placeholder}; the only placeholder is {CONTACT_PLACEHOLDER}")


def _check_answer(where: str, answer: str, problems: list[str]) -> None:
    """Check an answer's text (an entry's or a case's): its length and that its only placeholder is the contact."""
    if len(answer) > MAX_ANSWER_CHARS:
        problems.append(f"{where}: answer is {len(answer)} characters (at most {MAX_ANSWER_CHARS})")
    for placeholder in _PLACEHOLDER.findall(answer):
        if placeholder != CONTACT_PLACEHOLDER:
            problems.append(f"{where}: answer has {placeholder}; the only placeholder is {CONTACT_PLACEHOLDER}")


def _cases(where: str, data: Any, concepts: frozenset[str], problems: list[str]) -> tuple[Case, ...]:
    """Read an entry's `cases: [{when, unless, over, verdict, title, short, answer, related}]` (ids checked later)."""
    if data is None:
        return ()
    if not isinstance(data, list):
        problems.append(f"{where}: cases must be a list of mappings with when, over and optionally verdict, answer")
        return ()
    cases: list[Case] = []
    for index, item in enumerate(data, 1):
        at = f"{where}: case {index}"
        if not isinstance(item, dict):
            problems.append(f"{at} must be a mapping with when, over and optionally verdict, answer")
            continue
        before = len(problems)
        _check_keys(at, item, _CASE_KEYS, problems)
        for key in ("when", "over"):
            if not _strings(item.get(key)) or not item[key]:
                problems.append(f"{at}: {key} must be a non-empty list")
        if item.get("unless") is not None and not _strings(item["unless"]):
            problems.append(f"{at}: unless must be a list of concept names")
        for key in ("when", "unless"):
            for concept in item.get(key) or ():
                if isinstance(concept, str) and concept not in concepts:
                    problems.append(f"{at}: {key}: unknown concept {concept!r}")
        if item.get("verdict") is not None and item["verdict"] not in VERDICTS:
            problems.append(f"{at}: verdict must be one of {', '.join(VERDICTS)}")
        answer = item.get("answer")
        if answer is None:
            if item.get("verdict") is not None or item.get("short") is not None:
                problems.append(f"{at}: a verdict or short needs the case's own answer")
        elif not isinstance(answer, str) or not answer.strip():
            problems.append(f"{at}: answer must be a text (or left out)")
        else:
            _check_answer(at, answer, problems)
        _check_short(at, "short", item.get("short"), problems)
        if item.get("title") is not None and not _stripped(item["title"]):
            problems.append(f"{at}: title must be a text (or left out)")
        if item.get("related") is not None and not _strings(item["related"]):
            problems.append(f"{at}: related must be a list of entry ids")
        if len(problems) == before:
            related = item.get("related")
            cases.append(Case(
                frozenset(item["when"]), frozenset(item["over"]), item.get("verdict"), _stripped(item.get("answer")),
                _stripped(item.get("short")), frozenset(item.get("unless") or ()), _stripped(item.get("title")),
                None if related is None else tuple(related),
            ))
    return tuple(cases)


def _stripped(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _load_entry(path: Path, data: Any, problems: list[str], concepts: frozenset[str]) -> Entry | None:
    if not isinstance(data, dict):
        problems.append(f"{path.name}: must be a mapping with id, title, verdict, questions, ...")
        return None
    where = f"{path.name}: entry {data.get('id', '?')!s}"
    before = len(problems)
    _check_keys(where, data, _ENTRY_KEYS, problems)
    entry_id = data.get("id")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        problems.append(f"{where}: id must be lower-case words joined by '-'")
    for key in ("title", "answer"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(f"{where}: {key} is missing or empty")
    if isinstance(data.get("answer"), str):
        _check_answer(where, data["answer"], problems)
    for key in ("short", "instead"):
        _check_short(where, key, data.get(key), problems)
    if data.get("verdict") not in VERDICTS:
        problems.append(f"{where}: verdict must be one of {', '.join(VERDICTS)}")
    if not _strings(data.get("questions")) or not data["questions"]:
        problems.append(f"{where}: questions must be a non-empty list of texts")
    if not _strings(data.get("sources")) or not data["sources"]:
        problems.append(f"{where}: sources must list at least one document id")
    if data.get("related") is not None and not _strings(data["related"]):
        problems.append(f"{where}: related must be a list of entry ids")
    if data.get("because") is not None and not isinstance(data["because"], str):
        problems.append(f"{where}: because must be one entry id")
    applies = _applies(where, data.get("applies"), concepts, problems)
    cases = _cases(where, data.get("cases"), concepts, problems)
    if len(problems) > before:
        return None
    return Entry(
        id=data["id"],
        title=data["title"].strip(),
        verdict=data["verdict"],
        questions=tuple(q.strip() for q in data["questions"]),
        answer=data["answer"].strip(),
        sources=tuple(data["sources"]),
        related=tuple(data.get("related") or ()),
        because=data.get("because"),
        file=path.name,
        short=_stripped(data.get("short")),
        instead=_stripped(data.get("instead")),
        cases=cases,
        **applies,
    )


def _entry_files(root: Path) -> Iterable[Path]:
    return sorted((root / "entries").glob("*.y*ml"))


def load_knowledge(root: Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base at `root`; raise KnowledgeError listing every problem."""
    root = resolve_knowledge_dir(root)
    problems: list[str] = []
    if not (root / "entries").is_dir():
        raise KnowledgeError([f"{root}: no 'entries' folder: is KNOWLEDGE_DIR right?"])
    documents = _load_documents(root / "documents.yaml", problems)
    synonyms, ignore = _load_synonyms(root / "synonyms.yaml", problems)
    synonyms = _with_places(root / "places.yaml", synonyms, problems)
    concepts = known_concepts(documents)
    entries: list[Entry] = []
    # Ids of entries that failed validation still count as existing, so one bad entry is
    # reported once rather than again by every entry that relates to it.
    declared: set[str] = set()
    for path in _entry_files(root):
        before = len(problems)
        data = _read_yaml(path, problems)
        if len(problems) > before:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                declared.add(item["id"])
            entry = _load_entry(path, item, problems, concepts)
            if entry is not None:
                entries.append(entry)
    ids = [entry.id for entry in entries]
    for entry in entries:
        where = f"{entry.file}: entry {entry.id}"
        if ids.count(entry.id) > 1:
            problems.append(f"{where}: duplicate id")
        for source in entry.sources:
            if source not in documents:
                problems.append(f"{where}: source {source!r} is not in documents.yaml")
        for related in entry.related:
            if related not in declared:
                problems.append(f"{where}: related entry {related!r} does not exist")
        if entry.because is not None and entry.because not in declared:
            problems.append(f"{where}: because entry {entry.because!r} does not exist")
        for case in entry.cases:
            for over in sorted(case.over):
                if over not in declared or over == entry.id:
                    problems.append(f"{where}: a case is over {over!r}, which is no other entry")
            for related in case.related or ():
                if related not in declared:
                    problems.append(f"{where}: a case's related entry {related!r} does not exist")
    if not entries and not problems:
        problems.append(f"{root}: no entries found in entries/")
    if problems:
        raise KnowledgeError(sorted(dict.fromkeys(problems)))
    return KnowledgeBase(root, tuple(entries), documents, synonyms, ignore)
