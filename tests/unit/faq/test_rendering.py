from anninh.faq.knowledge_base import UnitOverride
from anninh.faq.rendering import render


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
