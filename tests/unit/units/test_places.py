"""Which commune a tip's place names (anninh.units.places): typed addresses in many phrasings, and points."""

from __future__ import annotations

import pytest
from anninh.units.importer import parse_units
from anninh.units.model import Centre, Unit
from anninh.units.places import by_address, distance_km, parse_name, suggest_commune, words
from anninh.units.tree import UnitTree, UnitTreeError

ROOT = "ca-tinh-thu"


def _commune(unit_id: str, name: str, parent: str = ROOT, *, places=(), centre=None) -> Unit:
    return Unit(unit_id, name, "commune", parent_id=parent, places=tuple(places), centre=centre)


# A province whose names mirror real 2025 situations: merged communes keeping their old names, one name in
# two former districts, a street named like a ward, names that differ only in diacritics or level.
TREE = UnitTree.validated(
    [
        Unit(ROOT, "Công an tỉnh Thử", "province"),
        Unit("phong-csgt", "Phòng Cảnh sát giao thông", "department", parent_id=ROOT),
        Unit("ca-huyen-dan-phuong", "Công an huyện Đan Phượng", "district", parent_id=ROOT),
        Unit("ca-huyen-yen-son", "Công an huyện Yên Sơn", "district", parent_id=ROOT),
        _commune(
            "xa-thuong-lam",
            "Công an xã Thượng Lâm",
            places=["Xã Phúc Yên, Huyện Lâm Bình", "Xã Khuôn Hà, Huyện Lâm Bình"],
            centre=Centre(22.40, 105.30, 150.0),
        ),
        _commune(
            "phuong-yen-so",
            "Công an phường Yên Sở",
            places=["Phường Yên Sở, Quận Hoàng Mai", "Xã Kim Mã, Huyện Cũ"],
            centre=Centre(20.97, 105.87, 9.0),
        ),
        _commune(
            "phuong-hoang-mai",
            "Công an phường Hoàng Mai",
            places=[
                "Phường Yên Sở, Quận Hoàng Mai",
                "Xã Kim Mã, Huyện Cũ",
                "Phường Tương Mai, Quận Hoàng Mai",
            ],
            centre=Centre(20.98, 105.86, 4.0),
        ),
        _commune("phuong-le-loi", "Công an phường Lê Lợi"),
        _commune("phuong-5", "Công an phường 5"),
        _commune("xa-tan-lap-dp", "Công an xã Tân Lập", "ca-huyen-dan-phuong"),
        _commune("xa-tan-lap-ys", "Công an xã Tân Lập", "ca-huyen-yen-son"),
        _commune("xa-dak-to", "Công an xã Đăk Tô"),
        _commune("xa-dak-to-kan", "Công an xã Đăk Tờ Kan"),
        _commune("xa-tan-thanh", "Công an xã Tân Thành"),
        _commune("xa-tan-thanh-2", "Công an xã Tân Thạnh"),
        _commune("phuong-my-tho", "Công an phường Mỹ Tho"),
        _commune("xa-my-tho", "Công an xã Mỹ Thọ"),
        _commune("tt-trau-quy", "Công an thị trấn Trâu Quỳ"),
        _commune("dac-khu-con-dao", "Công an đặc khu Côn Đảo"),
        _commune("phuong-cao-bang", "Công an phường Thục Phán", places=["Phường Hưng Đạo, Thành phố Thử"]),
        _commune("xa-hung-dao", "Công an xã Hưng Đạo"),
    ]
)


def offer(text: str | None, lat: float | None = None, lon: float | None = None) -> str | None:
    found = suggest_commune(TREE, ROOT, text, lat, lon)
    return found.unit_id if found else None


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        # its own name, however it is written
        ("Thôn Nà Bản, xã Thượng Lâm, tỉnh Thử", "xa-thuong-lam"),
        ("thon na ban xa thuong lam", "xa-thuong-lam"),
        ("X. Thượng Lâm", "xa-thuong-lam"),
        ("x.thuong lam", "xa-thuong-lam"),
        ("XÃ THƯỢNG LÂM", "xa-thuong-lam"),
        ("ở Thượng Lâm, gần chợ", "xa-thuong-lam"),
        ("Công an xã Thượng Lâm", "xa-thuong-lam"),
        ("số 12 ngõ 4, p. Yên Sở", "phuong-yen-so"),
        ("so 12 ngo 4 phuong yen so", "phuong-yen-so"),
        ("P.5", "phuong-5"),
        ("hẻm 3, P5", "phuong-5"),
        ("F5", "phuong-5"),
        ("Phường 5", "phuong-5"),
        ("tt. Trâu Quỳ", "tt-trau-quy"),
        ("thị trấn Trau Quy", "tt-trau-quy"),
        ("đặc khu Côn Đảo", "dac-khu-con-dao"),
        # the names of the communes merged into it in 2025, with or without the old district
        ("xã Phúc Yên, huyện Lâm Bình", "xa-thuong-lam"),
        ("Xa Khuon Ha", "xa-thuong-lam"),
        # the current name beats the same name of a merged commune that now lies elsewhere
        ("phường Yên Sở, quận Hoàng Mai", "phuong-yen-so"),
        # an intermediate unit named (the former district) tells two same-named communes apart
        ("xã Tân Lập, huyện Đan Phượng", "xa-tan-lap-dp"),
        ("xa tan lap h. yen son", "xa-tan-lap-ys"),
        # diacritics and levels typed break ties between names that fold alike
        ("xã Tân Thạnh", "xa-tan-thanh-2"),
        ("xã Tân Thành", "xa-tan-thanh"),
        ("phường Mỹ Tho", "phuong-my-tho"),
        ("xa my tho", "xa-my-tho"),
        # a name inside a longer one matched at the same place
        ("xã Đăk Tờ Kan", "xa-dak-to-kan"),
        ("xa dak to kan", "xa-dak-to-kan"),
        ("xã Đăk Tô", "xa-dak-to"),
        # the province's name is not a former district's ("Thành phố Thử" is not named by "tỉnh Thử")
        ("số 3 Trần Phú, xã Hưng Đạo, tỉnh Thử", "xa-hung-dao"),
    ],
)
def test_a_typed_address_names_one_commune(address, expected):
    assert offer(address) == expected


@pytest.mark.parametrize(
    "address",
    [
        "",
        "không nhớ",
        "ngoài đường",
        # one name in two former districts, nothing else to tell them apart
        "xã Tân Lập",
        "tan lap",
        # a commune split in 2025: its old name is in two communes now
        "xã Kim Mã, huyện Cũ",
        # a street, a market or a village named like a commune is not the commune
        "số 7 đường Lê Lợi",
        "chợ Thượng Lâm",
        "thôn Thượng Lâm",
        # a bare number is a house number, not "phường 5"
        "số 5",
        # fold-alike names typed without diacritics
        "xa tan thanh",
        # two communes named
        "giữa xã Thượng Lâm và phường Yên Sở",
    ],
)
def test_no_offer_when_nothing_or_more_than_one_commune_fits(address):
    assert offer(address) is None


def test_a_comma_ends_a_street_name():
    assert offer("đường Lê Lợi") is None
    assert offer("đường Láng, Lê Lợi") == "phuong-le-loi"  # "Lê Lợi" stands alone after the comma
    assert offer("đường Trần Phú, phường Lê Lợi") == "phuong-le-loi"


def test_only_communes_below_the_receiving_unit_are_offered():
    assert suggest_commune(TREE, "ca-huyen-dan-phuong", "xã Tân Lập") is not None
    assert suggest_commune(TREE, "ca-huyen-dan-phuong", "xã Thượng Lâm") is None
    assert suggest_commune(TREE, "xa-thuong-lam", "xã Thượng Lâm") is None  # a commune has none below
    assert suggest_commune(TREE, "phong-csgt", "xã Thượng Lâm") is None


def test_a_shared_point_picks_the_commune_whose_centre_is_clearly_nearest():
    assert offer(None, 22.40, 105.30) == "xa-thuong-lam"
    assert offer(None, 22.43, 105.33) == "xa-thuong-lam"  # 4.5 km off, within the circle of 150 km²
    assert offer(None, 22.80, 105.30) is None  # 44 km away: outside every commune's circle
    # between Yên Sở's and Hoàng Mai's centres (1.5 km apart): neither is clearly nearer
    assert offer(None, 20.975, 105.865) is None
    assert offer(None, 20.9705, 105.8695) == "phuong-yen-so"


def test_typed_text_decides_and_a_point_breaks_its_ties():
    assert offer("phường Yên Sở", 22.40, 105.30) == "phuong-yen-so"  # the text wins over the point
    assert offer("xã Kim Mã, huyện Cũ") is None
    assert offer("xã Kim Mã, huyện Cũ", 20.98, 105.86) == "phuong-hoang-mai"
    assert offer("20.40000, 105.30000", 22.40, 105.30) == "xa-thuong-lam"  # a point without an address


def test_words_and_names():
    assert [w.folded for w in words("P.5, Q.3")] == ["p", "5", "|", "q", "3"]
    assert [w.folded for w in words("Đường Đống Đa")] == ["duong", "dong", "da"]
    name = parse_name("Công an thị trấn Trâu Quỳ")
    assert name.level == "thi tran" and [w.folded for w in name.words] == ["trau", "quy"]
    assert parse_name("Phường 5").level == "phuong"
    assert round(distance_km(21.0, 105.8, 21.0, 105.9), 1) == 10.4
    tied = {u.unit_id for u in by_address(TREE, ROOT, "xã Tân Lập")}
    assert tied == {"xa-tan-lap-dp", "xa-tan-lap-ys"}


def test_the_units_file_carries_places_and_centre_and_refuses_bad_ones():
    rows = [
        {"unit_id": "tinh", "name": "Công an tỉnh", "level": "province"},
        {
            "unit_id": "xa-a",
            "name": "Công an xã A",
            "level": "commune",
            "parent_id": "tinh",
            "places": ["Xã B, Huyện C"],
            "centre": {"lat": 21.5, "lon": 105.1, "area_km2": 30.2},
        },
    ]
    unit = parse_units({"units": rows})[1]
    assert unit.places == ("Xã B, Huyện C",) and unit.centre == Centre(21.5, 105.1, 30.2)
    for bad in ({"places": "Xã B"}, {"centre": {"lat": "x", "lon": 1}}, {"centre": {"lat": 95, "lon": 1}}):
        with pytest.raises(UnitTreeError, match="xa-a"):
            parse_units({"units": [rows[0], {**rows[1], **bad}]})


def test_the_skeleton_of_a_real_province_routes_old_and_new_addresses():
    """``anninh units init`` writes each commune's centre and former names from the administrative-unit
    packages (dev requirements); the tree they make routes real addresses."""
    pytest.importorskip("vietnam_provinces")
    pytest.importorskip("vietnamadminunits")
    from anninh.units.province_skeleton import find_province, province_skeleton

    rows = [u.as_yaml() for u in province_skeleton(find_province("Hà Nội"))]
    tree = UnitTree.validated(parse_units({"units": rows}))
    root = rows[0]["unit_id"]
    communes = [u for u in tree if u.level == "commune"]
    assert len(communes) == 126 and all(u.centre is not None for u in communes)

    def routed(text, lat=None, lon=None):
        found = suggest_commune(tree, root, text, lat, lon)
        return found.name if found else None

    assert routed("123 Nguyễn Trãi, phường Thanh Xuân, Hà Nội") == "Công an phường Thanh Xuân"
    assert routed("so 5 ngo 10 p. Ba Dinh") == "Công an phường Ba Đình"
    assert routed("xã Yên Sở, huyện Thanh Trì") == "Công an phường Yên Sở"  # a pre-2025 address
    assert routed("phường Trúc Bạch, quận Ba Đình") == "Công an phường Ba Đình"
    assert routed("phường Kim Mã, quận Ba Đình") is None  # split between three wards in 2025
    ba_dinh = next(u for u in communes if u.name == "Công an phường Ba Đình")
    assert ba_dinh.centre is not None
    assert routed(None, ba_dinh.centre.lat, ba_dinh.centre.lon) == "Công an phường Ba Đình"
