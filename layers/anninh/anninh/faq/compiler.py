"""``anninh faq check`` and ``anninh faq compile``: validate the YAML sources and build the runtime file."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from anninh import texts
from anninh.faq.calibration import Calibration, choose_threshold, decide, fit_logistic
from anninh.faq.knowledge_base import (
    COMPILED_FORMAT,
    COMPILED_PATH,
    EXPIRY_WARNING_DAYS,
    MAX_ANSWER,
    MAX_FIRST_MESSAGE,
    MIN_QUESTIONS,
    OLDEST_UPDATE,
    OVERRIDE_FIELDS,
    OVERRIDE_LIMITS,
    SEED_DIR,
    KnowledgeBaseError,
    LegalSource,
    SourceEntry,
    Sources,
    catalogue_ids,
    load_sources,
    parse_override,
)
from anninh.faq.matcher import ClassDoc, Index, build_index, score
from anninh.faq.rendering import render, render_details, vietnamese_date

FORMAT = COMPILED_FORMAT


def vietnam_today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


@dataclass
class CheckReport:
    """What ``anninh faq check`` found: ``problems`` fail it, ``warnings`` do not."""

    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pending_review: int = 0  # entries whose notes say their second legal review is still pending


def check_sources(
    sources: Sources, catalogue: dict[str, list[str]], today: dt.date | None = None
) -> list[str]:
    """Every problem found in the sources, as Vietnamese sentences for the officer running the check."""
    today = today or vietnam_today()
    problems: list[str] = []
    wanted = {i: g for g, ids in catalogue.items() for i in ids}
    seen: dict[str, int] = {}
    group_ids = {g.id for g in sources.groups}
    for g in catalogue:
        if g not in group_ids:
            problems.append(texts.FAQ_CHECK_MISSING_GROUP_FILE.format(group=g))
    for group in sources.groups:
        if group.id not in catalogue:
            problems.append(texts.FAQ_CHECK_GROUP_NOT_IN_CATALOGUE.format(file=group.file, group=group.id))
        for e in group.entries:
            seen[e.id] = seen.get(e.id, 0) + 1
            where = f"{group.file}:{e.id}"
            if e.id not in wanted:
                problems.append(texts.FAQ_CHECK_ID_NOT_IN_CATALOGUE.format(where=where))
            elif wanted[e.id] != group.id:
                problems.append(texts.FAQ_CHECK_ID_IN_OTHER_GROUP.format(where=where, group=wanted[e.id]))
            if len(e.questions) < MIN_QUESTIONS:
                problems.append(
                    texts.FAQ_CHECK_FEW_QUESTIONS.format(
                        where=where, count=len(e.questions), minimum=MIN_QUESTIONS
                    )
                )
            if len({q.casefold() for q in e.questions}) != len(e.questions):
                problems.append(texts.FAQ_CHECK_DUPLICATE_QUESTIONS.format(where=where))
            if not e.keywords:
                problems.append(texts.FAQ_CHECK_NO_KEYWORDS.format(where=where))
            if not e.answer:
                problems.append(texts.FAQ_CHECK_EMPTY_ANSWER.format(where=where))
            if len(e.answer) > MAX_FIRST_MESSAGE:
                problems.append(
                    texts.FAQ_CHECK_ANSWER_TOO_LONG.format(
                        where=where, length=len(e.answer), limit=MAX_FIRST_MESSAGE
                    )
                )
            if e.answer.isascii() or e.title.isascii():
                problems.append(texts.FAQ_CHECK_NOT_VIETNAMESE.format(where=where))
            problems.extend(_check_legal_fields(e, where, today))
            for link in e.links:
                if not link["url"].startswith("https://"):
                    problems.append(texts.FAQ_CHECK_LINK_NOT_HTTPS.format(where=where, url=link["url"]))
            if e.id in e.related:
                problems.append(texts.FAQ_CHECK_RELATED_SELF.format(where=where))
    all_ids = set(seen)
    for e in sources.entries:
        for r in e.related:
            if r not in all_ids:
                problems.append(texts.FAQ_CHECK_RELATED_UNKNOWN.format(where=f"{e.group}:{e.id}", related=r))
    for i, n in sorted(seen.items()):
        if n > 1:
            problems.append(texts.FAQ_CHECK_DUPLICATE_ID.format(entry_id=i, count=n))
    for i in sorted(set(wanted) - all_ids):
        problems.append(texts.FAQ_CHECK_MISSING_ENTRY.format(entry_id=i))
    problems.extend(_check_overrides(sources, all_ids))
    for oos in sources.out_of_scope:
        if oos.id in all_ids or not oos.id.startswith("oos-"):
            problems.append(texts.FAQ_CHECK_OUT_OF_SCOPE_ID.format(entry_id=oos.id))
    return problems


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _check_legal_fields(e: SourceEntry, where: str, today: dt.date) -> list[str]:
    """Details, sources, verification date and time-limited facts of one entry."""
    problems: list[str] = []
    if e.legacy_updated:
        problems.append(texts.FAQ_CHECK_UPDATED_REPLACED.format(where=where))
    if not e.details:
        problems.append(texts.FAQ_CHECK_NO_DETAILS.format(where=where))
    if not e.sources:
        problems.append(texts.FAQ_CHECK_NO_SOURCES.format(where=where))
    for i, src in enumerate(e.sources, 1):
        missing = [k for k in ("doc", "article") if k not in src]
        if missing:
            problems.append(
                texts.FAQ_CHECK_SOURCE_FIELDS.format(where=where, index=i, fields=", ".join(missing))
            )
        if "url" in src and not src["url"].startswith("https://"):
            problems.append(texts.FAQ_CHECK_LINK_NOT_HTTPS.format(where=where, url=src["url"]))
    if not e.verified_on:
        problems.append(texts.FAQ_CHECK_NO_VERIFIED_ON.format(where=where))
    else:
        verified = _parse_date(e.verified_on)
        if verified is None:
            problems.append(texts.FAQ_CHECK_UPDATED_FORMAT.format(where=where, updated=e.verified_on))
        elif verified > today:
            problems.append(texts.FAQ_CHECK_UPDATED_FUTURE.format(where=where, updated=e.verified_on))
        elif verified < OLDEST_UPDATE:
            problems.append(
                texts.FAQ_CHECK_UPDATED_TOO_OLD.format(
                    where=where, updated=e.verified_on, oldest=OLDEST_UPDATE.isoformat()
                )
            )
    for i, fact in enumerate(e.valid_until, 1):
        missing = [k for k in ("fact", "until", "source") if k not in fact]
        if missing:
            problems.append(
                texts.FAQ_CHECK_FACT_FIELDS.format(where=where, index=i, fields=", ".join(missing))
            )
        if "until" not in fact:
            continue
        until = _parse_date(fact["until"])
        if until is None:
            problems.append(texts.FAQ_CHECK_UPDATED_FORMAT.format(where=where, updated=fact["until"]))
        elif until < today:
            problems.append(
                texts.FAQ_CHECK_FACT_EXPIRED.format(
                    where=where, fact=fact.get("fact", ""), until=vietnamese_date(until)
                )
            )
        elif vietnamese_date(until) not in e.answer:
            # The citizen must read how long the fact holds in the first message itself.
            problems.append(texts.FAQ_CHECK_FACT_PERIOD.format(where=where, until=vietnamese_date(until)))
    message = render_details(e.details, _legal_sources(e), e.links, e.verified_on)
    if e.details and len(message) > MAX_ANSWER:
        problems.append(
            texts.FAQ_CHECK_DETAILS_TOO_LONG.format(where=where, length=len(message), limit=MAX_ANSWER)
        )
    return problems


def _legal_sources(e: SourceEntry) -> list[LegalSource]:
    return [LegalSource(s.get("doc", ""), s.get("article", ""), s.get("url")) for s in e.sources]


def check_warnings(sources: Sources, today: dt.date | None = None) -> list[str]:
    """Facts that end within :data:`EXPIRY_WARNING_DAYS` days: not yet wrong, soon to be."""
    today = today or vietnam_today()
    warnings: list[str] = []
    for e in sources.entries:
        for fact in e.valid_until:
            until = _parse_date(fact.get("until", ""))
            if until is not None and today <= until <= today + dt.timedelta(days=EXPIRY_WARNING_DAYS):
                warnings.append(
                    texts.FAQ_CHECK_FACT_EXPIRING.format(
                        where=f"{e.group}:{e.id}",
                        fact=fact.get("fact", ""),
                        until=vietnamese_date(until),
                        days=(until - today).days,
                    )
                )
    return warnings


def pending_review_count(sources: Sources) -> int:
    return sum(1 for e in sources.entries if texts.FAQ_PENDING_REVIEW_NOTE in e.notes)


def _check_overrides(sources: Sources, all_ids: set[str]) -> list[str]:
    problems: list[str] = []
    answers = {e.id: (e.title, e.answer) for e in sources.entries}
    for unit_id, data in sorted(sources.overrides.items()):
        where = f"overrides/{unit_id}.yaml"
        if str(data.get("unit_id", unit_id)) != unit_id:
            problems.append(texts.FAQ_CHECK_OVERRIDE_UNIT_ID.format(where=where))
        unknown_keys = set(data) - {"unit_id", "default", "entries"}
        if unknown_keys:
            problems.append(texts.FAQ_CHECK_OVERRIDE_KEYS.format(where=where, keys=sorted(unknown_keys)))
        entries = data.get("entries") or {}
        if not isinstance(entries, dict):
            problems.append(texts.FAQ_CHECK_OVERRIDE_BLOCK.format(where=f"{where}:entries"))
            continue
        blocks = [("default", data.get("default") or {})]
        blocks += [(str(k), v or {}) for k, v in entries.items()]
        if any(not isinstance(block, dict) for _, block in blocks):
            problems.extend(
                texts.FAQ_CHECK_OVERRIDE_BLOCK.format(where=f"{where}:{name}")
                for name, block in blocks
                if not isinstance(block, dict)
            )
            continue  # the shape is wrong: the answers cannot be rendered with it
        for name, block in blocks:
            if name != "default" and name not in all_ids:
                problems.append(texts.FAQ_CHECK_OVERRIDE_UNKNOWN_ID.format(where=where, entry_id=name))
            for key, value in block.items():
                if key not in OVERRIDE_FIELDS:
                    problems.append(
                        texts.FAQ_CHECK_OVERRIDE_FIELD.format(
                            where=f"{where}:{name}", key=key, fields=", ".join(OVERRIDE_FIELDS)
                        )
                    )
                elif len(str(value)) > OVERRIDE_LIMITS[key]:
                    problems.append(
                        texts.FAQ_CHECK_OVERRIDE_TOO_LONG.format(
                            where=f"{where}:{name}", key=key, limit=OVERRIDE_LIMITS[key]
                        )
                    )
        default, per_entry = parse_override(data)
        for entry_id, (_, answer) in answers.items():
            ov = per_entry.get(entry_id, default).merged_over(default)
            rendered = render(answer, ov, trim=False)
            if len(rendered) > MAX_ANSWER:
                problems.append(
                    texts.FAQ_CHECK_OVERRIDE_ANSWER_TOO_LONG.format(
                        where=f"{where}:{entry_id}", length=len(rendered)
                    )
                )
    return problems


def _index(sources: Sources) -> Index:
    docs = [ClassDoc(e.id, e.title, e.keywords, e.questions, e.subject) for e in sources.entries]
    docs += [ClassDoc(o.id, "", o.keywords, o.questions) for o in sources.out_of_scope]
    extra = [e.answer for e in sources.entries] + [e.details for e in sources.entries]
    return build_index(docs, len(sources.entries), extra)


def calibrate(index: Index, labelled: list[tuple[str | None, str]]) -> Calibration:
    """Fit the confidence model and the abstain threshold on held-out labelled questions."""
    if not labelled:
        raise KnowledgeBaseError(texts.FAQ_CHECK_NO_VALIDATION)
    xs: list[tuple[float, ...]] = []
    ys: list[int] = []
    meta: list[tuple[bool, bool, bool]] = []
    for intent, question in labelled:
        d = decide(score(question, index), index.n_entries)
        ok = intent is not None and d.best is not None and index.classes[d.best] == intent
        xs.append(d.features)
        ys.append(1 if ok else 0)
        meta.append((intent is not None, ok, d.out_of_scope_wins))
    weights, bias = fit_logistic(xs, ys)
    model = Calibration(tuple(weights), bias, 0.5)
    samples = [
        (0.0 if oos_wins else model.probability(x), inscope, ok)
        for x, (inscope, ok, oos_wins) in zip(xs, meta, strict=True)
    ]
    return Calibration(tuple(weights), bias, choose_threshold(samples))


def compile_base(seed_dir: Path = SEED_DIR) -> dict[str, Any]:
    """The runtime data (JSON-ready) built from the sources. Deterministic."""
    sources = load_sources(seed_dir)
    index = _index(sources)
    overrides: dict[str, Any] = {}
    for unit_id, data in sorted(sources.overrides.items()):
        default, per_entry = parse_override(data)
        overrides[unit_id] = {
            "default": _override_json(default),
            "entries": {k: _override_json(v) for k, v in sorted(per_entry.items())},
        }
    return {
        "format": FORMAT,
        "notice": texts.FAQ_COMPILED_NOTICE,
        "groups": [
            {"id": g.id, "title": g.title, "entries": [e.id for e in g.entries]} for g in sources.groups
        ],
        "entries": [
            {
                "id": e.id,
                "title": e.title,
                "answer": e.answer,
                "related": e.related,
                "links": e.links,
                "verified_on": e.verified_on,
                "group": e.group,
                "details": e.details,
                "sources": e.sources,
                "valid_until": e.valid_until,
            }
            for e in sources.entries
        ],
        "overrides": overrides,
        "index": index.to_json(),
        "calibration": calibrate(index, sources.validation).to_json(),
    }


def _override_json(ov: Any) -> dict[str, str]:
    return {k: getattr(ov, k) for k in OVERRIDE_FIELDS if getattr(ov, k)}


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def write_compiled(data: dict[str, Any], path: Path = COMPILED_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(data), encoding="utf-8")


def run_check(
    seed_dir: Path = SEED_DIR, catalogue_path: Path | None = None, today: dt.date | None = None
) -> list[str]:
    return run_check_report(seed_dir, catalogue_path, today).problems


def run_check_report(
    seed_dir: Path = SEED_DIR, catalogue_path: Path | None = None, today: dt.date | None = None
) -> CheckReport:
    try:
        sources = load_sources(seed_dir)
        return CheckReport(
            problems=check_sources(sources, catalogue_ids(catalogue_path), today),
            warnings=check_warnings(sources, today),
            pending_review=pending_review_count(sources),
        )
    except KnowledgeBaseError as exc:
        return CheckReport(problems=[str(exc)])
