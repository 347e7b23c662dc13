"""Knowledge-base model: runtime entries, the YAML sources under infra/seed/faq/, and their validation.

Sources (one YAML file per catalogue group) are compiled into ``anninh/faq/data/knowledge_base.json`` by
``anninh faq compile`` because the Lambda layer cannot read infra/. Per-unit overrides of place, hours and
hotline live in ``infra/seed/faq/overrides/<unit_id>.yaml``::

    unit_id: <unit id>
    default: {place: ..., hours: ..., hotline: ...}     # applies to every entry
    entries:
      dang-ky-tam-tru: {place: ..., hours: ...}         # per entry, field by field over the default
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from anninh import texts

REPO_ROOT = Path(__file__).resolve().parents[4]
SEED_DIR = REPO_ROOT / "infra" / "seed" / "faq"
SHARED_CATALOGUE = REPO_ROOT.parent / "shared" / "faq" / "intents.yaml"
COMPILED_PATH = Path(__file__).resolve().parent / "data" / "knowledge_base.json"

MAX_ANSWER = 2000  # one Zalo text message
# The first message a citizen gets: what they need to act. The rest goes to the "Xem chi tiết" message.
MAX_FIRST_MESSAGE = 700
EXPIRY_WARNING_DAYS = 30  # `anninh faq check` warns this many days before a valid_until fact ends
COMPILED_FORMAT = 2
MIN_QUESTIONS = 8
OVERRIDE_FIELDS = ("place", "hours", "hotline")
OVERRIDE_LIMITS = {"place": 160, "hours": 120, "hotline": 40}
# Facts must postdate the two-level local government reform (01/7/2025).
OLDEST_UPDATE = dt.date(2025, 7, 1)
NON_ENTRY_FILES = {"catalogue.yaml", "out_of_scope.yaml"}


class KnowledgeBaseError(ValueError):
    """The knowledge-base sources or the compiled file are malformed."""


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class LegalSource:
    """A legal document an entry relies on: ``doc`` (number and name), ``article`` and a public ``url``."""

    doc: str
    article: str
    url: str | None = None


@dataclass(frozen=True)
class FaqEntry:
    id: str
    title: str
    answer: str  # the first message
    related: list[str]
    links: list[Link]
    verified_on: str  # ISO date the entry was checked against its sources
    group: str
    details: str = ""  # the second message, on "Xem chi tiết"
    sources: tuple[LegalSource, ...] = ()


@dataclass(frozen=True)
class UnitOverride:
    place: str | None = None
    hours: str | None = None
    hotline: str | None = None

    def merged_over(self, base: UnitOverride) -> UnitOverride:
        return UnitOverride(
            place=self.place or base.place,
            hours=self.hours or base.hours,
            hotline=self.hotline or base.hotline,
        )


@dataclass
class SourceEntry:
    id: str
    title: str
    questions: list[str]
    keywords: list[str]
    answer: str
    links: list[dict[str, str]]
    verified_on: str  # "" when missing (reported by the check)
    related: list[str]
    group: str
    details: str = ""
    # Raw mappings: the check reports each missing doc/article, fact/until/source with the entry's name.
    sources: list[dict[str, str]] = field(default_factory=list)
    valid_until: list[dict[str, str]] = field(default_factory=list)
    notes: str = ""
    legacy_updated: bool = False  # the entry still has `updated`, replaced by `verified_on`
    # What the entry is about (a kind of person, a document): a question naming none of these is less likely
    # to be about it, however many other words it shares ("thuê nhà … khai báo" is about no foreigner).
    subject: list[str] = field(default_factory=list)


@dataclass
class SourceGroup:
    id: str
    title: str
    file: str
    entries: list[SourceEntry] = field(default_factory=list)


@dataclass
class OutOfScopeClass:
    id: str
    questions: list[str]
    keywords: list[str]


@dataclass
class Sources:
    groups: list[SourceGroup]
    out_of_scope: list[OutOfScopeClass]
    overrides: dict[str, dict[str, Any]]
    validation: list[tuple[str | None, str]]

    @property
    def entries(self) -> list[SourceEntry]:
        return [e for g in self.groups for e in g.entries]


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(texts.FAQ_SOURCE_YAML_INVALID.format(file=path.name, error=exc)) from exc


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeBaseError(texts.FAQ_SOURCE_STRING_LIST.format(where=where))
    return list(value)


def _entry(raw: Any, group: str, where: str) -> SourceEntry:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(texts.FAQ_SOURCE_ENTRY_SHAPE.format(where=where))
    missing = [k for k in ("id", "title", "questions", "keywords", "answer") if k not in raw]
    if missing:
        raise KnowledgeBaseError(
            texts.FAQ_SOURCE_MISSING_FIELDS.format(where=where, fields=", ".join(missing))
        )
    links = raw.get("links") or []
    if not isinstance(links, list) or not all(
        isinstance(x, dict) and {"title", "url"} <= set(x) for x in links
    ):
        raise KnowledgeBaseError(texts.FAQ_SOURCE_LINKS_SHAPE.format(where=where))
    return SourceEntry(
        id=str(raw["id"]),
        title=str(raw["title"]),
        questions=_str_list(raw["questions"], f"{where}.questions"),
        keywords=[str(k) for k in _str_list_any(raw["keywords"], f"{where}.keywords")],
        subject=[str(k) for k in _str_list_any(raw.get("subject") or [], f"{where}.subject")],
        answer=str(raw["answer"]).strip(),
        links=[{"title": str(x["title"]), "url": str(x["url"])} for x in links],
        verified_on=_date_text(raw.get("verified_on")),
        related=_str_list(raw.get("related") or [], f"{where}.related"),
        group=group,
        details=str(raw.get("details") or "").strip(),
        sources=_mapping_list(raw.get("sources"), f"{where}.sources", ("doc", "article", "url")),
        valid_until=_mapping_list(
            raw.get("valid_until"), f"{where}.valid_until", ("fact", "until", "source")
        ),
        notes=str(raw.get("notes") or "").strip(),
        legacy_updated="updated" in raw,
    )


def _date_text(value: Any) -> str:
    """A YAML date (or the text written where a date should be) as text; "" when absent."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value).strip()


def _mapping_list(value: Any, where: str, keys: tuple[str, ...]) -> list[dict[str, str]]:
    """A list of mappings kept as text by key (missing or empty keys are left out for the check)."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise KnowledgeBaseError(texts.FAQ_SOURCE_MAPPING_LIST.format(where=where, keys=", ".join(keys)))
    return [{k: _date_text(item[k]) for k in keys if item.get(k) not in (None, "")} for item in value]


def _str_list_any(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise KnowledgeBaseError(texts.FAQ_SOURCE_LIST.format(where=where))
    return value


def load_sources(seed_dir: Path = SEED_DIR) -> Sources:
    """Read every source file; raise :class:`KnowledgeBaseError` on a structural problem."""
    if not seed_dir.is_dir():
        raise KnowledgeBaseError(texts.FAQ_SOURCE_NO_DIRECTORY.format(path=seed_dir))
    groups: list[SourceGroup] = []
    for path in sorted(seed_dir.glob("*.yaml")):
        if path.name in NON_ENTRY_FILES:
            continue
        data = _read_yaml(path)
        if not isinstance(data, dict) or not {"group", "title", "entries"} <= set(data):
            raise KnowledgeBaseError(texts.FAQ_SOURCE_GROUP_KEYS.format(file=path.name))
        group = SourceGroup(id=str(data["group"]), title=str(data["title"]), file=path.name)
        for i, raw in enumerate(data["entries"] or []):
            group.entries.append(_entry(raw, group.id, f"{path.name}[{i}]"))
        groups.append(group)
    oos: list[OutOfScopeClass] = []
    oos_path = seed_dir / "out_of_scope.yaml"
    if oos_path.exists():
        for i, raw in enumerate((_read_yaml(oos_path) or {}).get("classes") or []):
            where = f"out_of_scope.yaml[{i}]"
            oos.append(
                OutOfScopeClass(
                    id=str(raw["id"]),
                    questions=_str_list(raw.get("questions") or [], where),
                    keywords=[str(k) for k in _str_list_any(raw.get("keywords") or [], where)],
                )
            )
    overrides: dict[str, dict[str, Any]] = {}
    for path in sorted((seed_dir / "overrides").glob("*.yaml")):
        data = _read_yaml(path)
        if not isinstance(data, dict):
            raise KnowledgeBaseError(texts.FAQ_SOURCE_OVERRIDE_SHAPE.format(file=path.name))
        overrides[path.stem] = data
    return Sources(groups, oos, overrides, load_validation(seed_dir / "validation.tsv"))


def load_validation(path: Path) -> list[tuple[str | None, str]]:
    """Held-out questions ``intent<TAB>question`` (``-`` = out of scope)."""
    if not path.exists():
        return []
    rows: list[tuple[str | None, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        intent, sep, question = line.partition("\t")
        if not sep or not question.strip():
            raise KnowledgeBaseError(texts.FAQ_SOURCE_VALIDATION_LINE.format(file=path.name, line=n))
        rows.append((None if intent == "-" else intent, question.strip()))
    return rows


def load_labelled_jsonl(path: Path) -> list[tuple[str | None, str]]:
    """Questions ``{"q": ..., "intent": id or null}``, one JSON object a line."""
    rows: list[tuple[str | None, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KnowledgeBaseError(
                texts.FAQ_SOURCE_JSON_INVALID.format(file=path.name, line=n, error=exc)
            ) from exc
        if not isinstance(obj, dict) or not isinstance(obj.get("q"), str):
            raise KnowledgeBaseError(texts.FAQ_SOURCE_JSON_SHAPE.format(file=path.name, line=n))
        rows.append((obj.get("intent"), obj["q"]))
    return rows


def catalogue_ids(path: Path | None = None) -> dict[str, list[str]]:
    """Group → ids of the procedure catalogue (shared file if present, else the committed copy)."""
    if path is None:
        path = SHARED_CATALOGUE if SHARED_CATALOGUE.exists() else SEED_DIR / "catalogue.yaml"
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeBaseError(texts.FAQ_SOURCE_CATALOGUE_INVALID.format(path=path))
    return {str(group): [str(item["id"]) for item in items] for group, items in data.items()}


def parse_override(data: dict[str, Any]) -> tuple[UnitOverride, dict[str, UnitOverride]]:
    def one(raw: Any) -> UnitOverride:
        raw = raw or {}
        return UnitOverride(**{k: (str(raw[k]) if raw.get(k) else None) for k in OVERRIDE_FIELDS})

    entries = data.get("entries") or {}
    return one(data.get("default")), {str(k): one(v) for k, v in entries.items()}
