import json
import subprocess
import sys
from pathlib import Path

from anninh import texts
from anninh.cli import main
from anninh.faq.knowledge_base import COMPILED_FORMAT

DATA = Path(__file__).parent / "data"


def _run(capsys, argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        import io

        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_prints_the_answer(capsys):
    code, out, _ = _run(capsys, ["faq", "ask", "mat cccd lam lai o dau"])
    assert code == 0
    assert out.startswith("Cấp lại thẻ căn cước khi thẻ bị mất")


def test_ask_json_shape(capsys):
    code, out, _ = _run(
        capsys, ["faq", "ask", "--json", "--unit", "phuong-trung-tam", "lam ho chieu lan dau"]
    )
    obj = json.loads(out)
    assert code == 0 and set(obj) == {
        "intent",
        "score",
        "answer",
        "kind",
        "details",
        "sources",
        "verified_on",
    }
    assert obj["kind"] == "procedure"
    assert obj["intent"] == "cap-ho-chieu"
    assert isinstance(obj["score"], float)
    assert "Phòng Quản lý xuất nhập cảnh Công an tỉnh Demo (Công an phường chỉ hướng dẫn)" in obj["answer"]


def test_ask_json_gives_the_first_message_then_details_and_sources(capsys):
    from anninh.faq.engine import FaqEngine

    code, out, _ = _run(capsys, ["faq", "ask", "--json", "mất căn cước làm lại ở đâu"])
    obj = json.loads(out)
    entry = FaqEngine.load().entry("cap-lai-the-can-cuoc")
    assert code == 0 and obj["intent"] == entry.id
    assert obj["answer"] == entry.answer and len(obj["answer"]) <= 700  # the first message only
    assert obj["details"].startswith(entry.details)
    day = obj["verified_on"]
    assert obj["details"].endswith(f"Kiểm tra ngày {day[8:10]}/{day[5:7]}/{day[0:4]}")
    assert obj["sources"] and all(s["doc"] and s["article"] for s in obj["sources"])
    assert obj["sources"] == [{"doc": s.doc, "article": s.article, "url": s.url} for s in entry.sources]


def test_ask_refusal_json(capsys):
    _, out, _ = _run(capsys, ["faq", "ask", "--json", "giá vàng hôm nay"])
    assert json.loads(out) == {
        "intent": None,
        "score": 0.0,
        "answer": texts.FAQ_REFUSAL,
        "kind": "off_topic",
        "details": None,
        "sources": [],
        "verified_on": None,
    }


def test_ask_batch_keeps_order_one_object_per_line(capsys, monkeypatch):
    questions = ["mat cccd", "xin chao", "", "doi gplx het han", "dang ky tam tru"]
    code, out, _ = _run(capsys, ["faq", "ask", "--batch"], "\n".join(questions) + "\n", monkeypatch)
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(questions)
    intents = [json.loads(line)["intent"] for line in lines]
    assert intents == ["cap-lai-the-can-cuoc", None, None, "giay-phep-lai-xe", "dang-ky-tam-tru"]


def test_ask_rejects_empty_question(capsys):
    code, out, err = _run(capsys, ["faq", "ask", "  "])
    assert code == 2 and out == "" and texts.FAQ_EMPTY_QUESTION in err


def test_eval_prints_metrics_and_json(capsys):
    code, out, _ = _run(capsys, ["faq", "eval", str(DATA / "dev_questions.jsonl")])
    assert code == 0
    for fragment in ("in-scope accuracy", "out-of-scope refused", "latency", "confusions"):
        assert fragment in out
    code, out, _ = _run(capsys, ["faq", "eval", "--json", str(DATA / "dev_questions.jsonl")])
    report = json.loads(out)
    assert report["in_scope"] == 64 and report["out_of_scope"] == 10
    assert {"accuracy", "refusal", "median_ms", "p99_ms", "confusions"} <= set(report)


def test_eval_bad_file(capsys, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": "a", "intent": null}\nnot json\n', encoding="utf-8")
    code, out, err = _run(capsys, ["faq", "eval", str(bad)])
    assert code == 2 and out == "" and "bad.jsonl:2" in err
    code, _, err = _run(capsys, ["faq", "eval", str(tmp_path / "missing.jsonl")])
    assert code == 2


def test_check_and_compile(capsys, tmp_path):
    code, out, _ = _run(capsys, ["faq", "check"])
    assert code == 0 and "32 mục" in out
    target = tmp_path / "kb.json"
    code, out, _ = _run(capsys, ["faq", "compile", "--output", str(target)])
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["format"] == COMPILED_FORMAT


def test_check_fails_on_an_expired_fact_and_warns_before(capsys, tmp_path):
    import shutil

    import yaml
    from anninh.faq.knowledge_base import SEED_DIR

    seed = tmp_path / "faq"
    shutil.copytree(SEED_DIR, seed)
    for group in seed.glob("*.yaml"):  # years from now the real time-limited facts have ended: leave them out
        data = yaml.safe_load(group.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "entries" in data:
            for entry in data["entries"]:
                entry.pop("valid_until", None)
            group.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    path = seed / "travel.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["entries"][0]["valid_until"] = [{"fact": "Giảm lệ phí", "until": "2030-01-31", "source": "TT"}]
    data["entries"][0]["answer"] = "Giảm lệ phí đến hết ngày 31/01/2030."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    base = ["faq", "check", "--seed-dir", str(seed), "--catalogue", str(seed / "catalogue.yaml")]
    code, out, err = _run(capsys, [*base, "--today", "2030-01-10"])
    assert code == 0 and "Cảnh báo (1)" in err and "31/01/2030" in err and "còn 21 ngày" in err
    assert "hợp lệ" in out
    code, out, err = _run(capsys, [*base, "--today", "2030-02-01"])
    assert code == 1 and "hết hiệu lực" in err and "31/01/2030" in err


def test_check_counts_entries_awaiting_their_legal_review(capsys):
    from anninh.faq.compiler import run_check_report

    pending = run_check_report().pending_review
    code, out, _ = _run(capsys, ["faq", "check"])
    assert code == 0
    if pending:
        assert texts.FAQ_CHECK_PENDING_REVIEW.format(count=pending) in out
    else:
        assert "rà soát" not in out


def test_check_rejects_a_bad_today(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["faq", "check", "--today", "mai"])
    assert "mai" in capsys.readouterr().err


def test_check_fails_on_bad_base(capsys, tmp_path):
    code, _, err = _run(capsys, ["faq", "check", "--seed-dir", str(tmp_path / "none")])
    assert code == 1 and texts.FAQ_SOURCE_NO_DIRECTORY.format(path=tmp_path / "none") in err
    code, _, err = _run(
        capsys, ["faq", "compile", "--seed-dir", str(tmp_path / "none"), "--output", str(tmp_path / "x")]
    )
    assert code == 1 and not (tmp_path / "x").exists()


def test_ask_does_not_import_boto3():
    code = (
        "import sys, io, contextlib\n"
        "from anninh.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['faq', 'ask', 'mat cccd'])\n"
        "print('boto3' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_ask_json_says_what_kind_of_message_it_is(capsys):
    cases = {
        "cháu muốn tố giác kẻ trộm xe đạp": "report",
        "có người bị điện giật bất tỉnh": "emergency",
        "tố giác xong bao lâu có kết quả": "procedure",
        "làm sao hết ho nhanh": "off_topic",
        "xin chào": "greeting",
    }
    for question, kind in cases.items():
        _, out, _ = _run(capsys, ["faq", "ask", "--json", question])
        obj = json.loads(out)
        assert obj["kind"] == kind, question
        if kind in ("off_topic", "greeting"):
            assert obj["intent"] is None, question
    _, out, _ = _run(capsys, ["faq", "ask", "--json", "tố giác xong bao lâu có kết quả"])
    assert json.loads(out)["intent"] == "to-giac-toi-pham"
    _, out, _ = _run(capsys, ["faq", "ask", "--json", "có người bị điện giật bất tỉnh"])
    assert json.loads(out)["answer"] == texts.EMERGENCY_CALL_FIRST["115"]


def test_ask_json_keeps_the_faq_intent_of_a_report(capsys):
    # A report still names the procedure it reads like: the engine's match stays the intent, kind says report.
    _, out, _ = _run(capsys, ["faq", "ask", "--json", "co nguoi gia danh cong an goi dien doi tien"])
    obj = json.loads(out)
    assert obj["kind"] == "report"
    assert obj["intent"] == "lua-dao-qua-mang"


def test_eval_split_prints_the_confusion_matrix(capsys):
    # The test split is only run here, never asserted against targets (that would be tuning on it).
    code, out, _ = _run(capsys, ["faq", "eval", "--split", "test"])
    assert code == 0
    assert "confusion (rows: expected, columns: predicted)" in out
    for label in ("report", "emergency", "followup", "procedure", "greeting", "off_topic"):
        assert label in out
    assert "right number first" in out and "off-topic refused" in out


def test_eval_split_json_on_validation_holds_modest_floors(capsys):
    code, out, _ = _run(capsys, ["faq", "eval", "--split", "validation", "--json"])
    report = json.loads(out)
    assert code == 0 and report["rows"] > 100
    assert set(report["classes"]) == {"report", "emergency", "followup", "procedure", "greeting", "off_topic"}
    assert len(report["confusion"]["matrix"]) == 6
    assert report["report_recall"] >= 0.85 and report["report_precision"] >= 0.85
    assert report["emergency_recall"] >= 0.9 and report["right_number_first"] >= 0.85
    assert report["off_topic_refusal"] >= 0.85 and report["procedure_accuracy"] >= 0.8


def test_eval_needs_a_file_or_a_split(capsys):
    code, out, err = _run(capsys, ["faq", "eval"])
    assert code == 2 and out == "" and texts.FAQ_EVAL_NEEDS_INPUT in err
