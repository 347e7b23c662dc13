"""A tip's stored identifiers: its category, the reporter's privacy choice and its status.

Officers type them (``#xuly MÃ da_xu_ly``), the admin API takes them, DynamoDB stores them. The labels
people read are keyed by them in anninh.texts.citizen; imports nothing, so the texts can import it.
"""

from __future__ import annotations

from typing import Literal, get_args

Category = Literal[
    "ma_tuy",
    "co_bac",
    "trom_cap",
    "lua_dao",
    "gay_thuong_tich",
    "an_ninh_trat_tu",
    "an_toan_giao_thong",
    "te_nan_xa_hoi",
    "khac",
]
Privacy = Literal["anonymous", "confidential", "open"]
Status = Literal["moi", "da_tiep_nhan", "dang_xac_minh", "da_xu_ly", "khong_du_co_so", "da_chuyen"]

CATEGORY_KEYS: tuple[Category, ...] = get_args(Category)
PRIVACY_KEYS: tuple[Privacy, ...] = get_args(Privacy)
STATUS_KEYS: tuple[Status, ...] = get_args(Status)
