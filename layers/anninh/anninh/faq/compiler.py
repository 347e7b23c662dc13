"""``anninh faq check`` and ``anninh faq compile``: validate the YAML sources and build the runtime file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from anninh import texts
from anninh.faq.calibration import Calibration, choose_threshold, decide, fit_logistic
from anninh.faq.knowledge_base import (
    COMPILED_PATH,
    MAX_ANSWER,
    MIN_QUESTIONS,
    OLDEST_UPDATE,
    OVERRIDE_FIELDS,
    OVERRIDE_LIMITS,
    SEED_DIR,
    KnowledgeBaseError,
    Sources,
    catalogue_ids,
    load_sources,
    parse_override,
)
from anninh.faq.matcher import ClassDoc, Index, build_index, score
from anninh.faq.rendering import render

FORMAT = 1


def check_sources(
    sources: Sources, catalogue: dict[str, list[str]], today: dt.date | None = None
) -> list[str]:
    """Every problem found in the sources, as Vietnamese sentences for the officer running the check."""
    today = today or dt.date.today()
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
            if len(e.answer) > MAX_ANSWER:
                problems.append(
                    texts.FAQ_CHECK_ANSWER_TOO_LONG.format(
                        where=where, length=len(e.answer), limit=MAX_ANSWER
                    )
                )
            if e.answer.isascii() or e.title.isascii():
                problems.append(texts.FAQ_CHECK_NOT_VIETNAMESE.format(where=where))
            try:
                updated = dt.date.fromisoformat(e.updated)
                if updated > today:
                    problems.append(texts.FAQ_CHECK_UPDATED_FUTURE.format(where=where, updated=e.updated))
                elif updated < OLDEST_UPDATE:
                    problems.append(
                        texts.FAQ_CHECK_UPDATED_TOO_OLD.format(
                            where=where, updated=e.updated, oldest=OLDEST_UPDATE.isoformat()
                        )
                    )
            except ValueError:
                problems.append(texts.FAQ_CHECK_UPDATED_FORMAT.format(where=where, updated=e.updated))
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
    docs = [ClassDoc(e.id, e.title, e.keywords, e.questions) for e in sources.entries]
    docs += [ClassDoc(o.id, "", o.keywords, o.questions) for o in sources.out_of_scope]
    extra = [e.answer for e in sources.entries]
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
                "updated": e.updated,
                "group": e.group,
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


def run_check(seed_dir: Path = SEED_DIR, catalogue_path: Path | None = None) -> list[str]:
    try:
        sources = load_sources(seed_dir)
        return check_sources(sources, catalogue_ids(catalogue_path))
    except KnowledgeBaseError as exc:
        return [str(exc)]
