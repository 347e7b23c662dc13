"""`anninh units merge` / `rename`: the dry run printed with counts, a large merger resumed call after call
until complete, and what is sent to the API."""

from __future__ import annotations

import argparse
from typing import Any

from anninh import texts
from anninh.cli import units as commands

UNITS = [{"unit_id": "xa-a", "name": "Công an xã A"}, {"unit_id": "xa-b", "name": "Công an xã B"}]


class FakeApi:
    """The admin API's answers, in order, and the requests it got."""

    def __init__(self, answers: list[Any]) -> None:
        self.answers, self.sent = list(answers), []  # type: ignore[var-annotated]

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        self.sent.append((method, path, kwargs.get("body")))
        return self.answers.pop(0)

    def units(self) -> list[dict[str, Any]]:
        return UNITS


def merge_args(**values: Any) -> argparse.Namespace:
    base = {"json": False, "suggest": False, "from_unit": "xa-a", "into_unit": "xa-b", "move": None}
    return argparse.Namespace(**{**base, "dry_run": False, "resume": False, **values})


def answer(**values: Any) -> dict[str, Any]:
    steps = {"close": "done", "tips": "done", "history": "done"}
    base = {"merge_id": "m1", "from_unit": "xa-a", "into_unit": "xa-b", "dry_run": False, "parts": ["tips"]}
    return {**base, "counts": {"tips": 2}, "steps": steps, "complete": True, **values}


def test_the_dry_run_prints_each_part_with_its_count(capsys) -> None:
    planned = answer(dry_run=True, merge_id=None, complete=False, steps={"close": "pending"})
    api = FakeApi([{**planned, "items": {"tips": ["HL-7KQ2MXR", "HL-2345678"]}}])
    assert commands._merge(merge_args(dry_run=True, move="tips, officers"), api) == 0  # type: ignore[arg-type]
    assert api.sent == [
        (
            "POST",
            "/admin/units/merge",
            {
                "from_unit": "xa-a",
                "into_unit": "xa-b",
                "dry_run": True,
                "resume": False,
                "parts": ["tips", "officers"],
            },
        )
    ]
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Chạy thử: sáp nhập Công an xã A [xa-a] vào Công an xã B [xa-b]")
    assert out[1:3] == ["  tin báo: 2", "    HL-7KQ2MXR, HL-2345678"]


def test_a_merger_too_large_for_one_call_is_resumed_until_complete(capsys) -> None:
    api = FakeApi([answer(complete=False), answer(complete=False), answer()])
    assert commands._merge(merge_args(), api) == 0  # type: ignore[arg-type]
    assert [body["resume"] for _, _, body in api.sent] == [False, True, True]
    assert capsys.readouterr().out.strip() == texts.UNITS_CLI_MERGE_DONE.format(
        from_id="xa-a", into_id="xa-b", moved="tin báo 2"
    )


def test_merge_needs_both_units_and_rename_sends_name_and_code(capsys) -> None:
    api = FakeApi([{"unit_id": "xa-b", "name": "Mới", "code": "MO", "history": "Đổi tên: B → Mới (MO)."}])
    assert commands._merge(merge_args(into_unit=None), api) == 2  # type: ignore[arg-type]
    assert api.sent == []
    rename = argparse.Namespace(json=False, unit="xa-b", name="Mới", code="mo")
    assert commands._rename(rename, api) == 0  # type: ignore[arg-type]
    assert api.sent == [("POST", "/admin/units/xa-b/rename", {"name": "Mới", "code": "mo"})]
    assert "Đổi tên: B → Mới (MO)." in capsys.readouterr().out
