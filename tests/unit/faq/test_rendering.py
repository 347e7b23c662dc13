from anninh.faq.knowledge_base import LegalSource, Link, UnitOverride
from anninh.faq.rendering import render, render_details, vietnamese_date


def test_render_without_override_is_the_answer():
    assert render("Nội dung.", None) == "Nội dung."


def test_long_answer_is_trimmed_by_lines_so_unit_lines_fit():
    answer = "\n".join(f"Dòng {i}: " + "x" * 190 for i in range(10))  # ~2,000 characters
    override = UnitOverride(place="Trụ sở Công an phường", hours="7h30–17h", hotline="0123 456 789")
    text = render(answer, override)
    assert len(text) <= 2000
    assert text.endswith("Đường dây nóng: 0123 456 789")
    assert "Dòng 0" in text and "Dòng 9" not in text


def test_single_huge_line_is_cut_with_ellipsis():
    text = render("y" * 3000, UnitOverride(hotline="113"))
    assert len(text) <= 2000
    assert "…" in text and text.endswith("Đường dây nóng: 113")


def test_details_message_lists_sources_links_then_the_verification_date():
    text = render_details(
        "Hồ sơ: tờ khai CT01.",
        [
            LegalSource("Luật Cư trú 2020 (68/2020/QH14)", "Điều 28", "https://vbpl.vn/x"),
            LegalSource("Nghị định 154/2024/NĐ-CP", "Điều 6"),
        ],
        [Link("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn")],
        "2026-12-03",
    )
    assert text == (
        "Hồ sơ: tờ khai CT01.\n\n"
        "Căn cứ pháp lý:\n"
        "- Luật Cư trú 2020 (68/2020/QH14), Điều 28: https://vbpl.vn/x\n"
        "- Nghị định 154/2024/NĐ-CP, Điều 6\n\n"
        "Liên kết:\n- Cổng Dịch vụ công quốc gia: https://dichvucong.gov.vn\n\n"
        "Kiểm tra ngày 03/12/2026"
    )


def test_vietnamese_date():
    assert vietnamese_date("2026-01-05") == "05/01/2026"
    assert vietnamese_date("không rõ") == "không rõ"
