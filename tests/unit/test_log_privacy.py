"""Keyed pseudonyms and correlation ids (anninh.observability, anninh.hash_keys) and the log scanner."""

from __future__ import annotations

import hashlib

import pytest
from anninh import hash_keys
from anninh.observability import correlation_id, pseudonym
from anninh.settings import ConfigError

from tests.log_leaks import scan

USER = "8765432109876543210"


def test_pseudonym_is_keyed_by_the_stacks_secret(monkeypatch) -> None:
    first = pseudonym(USER)
    assert len(first) == 16 and USER not in first and first == pseudonym(USER)
    # The former unkeyed form (a hash salted with the stage name) is not what is logged any more.
    for stage in ("local", "dev", "prod", "anninh"):
        assert first != hashlib.sha256(f"{stage}:{USER}".encode()).hexdigest()[:16]
    monkeypatch.setenv(hash_keys.SECRET_ENV, "another-stack/hash-key")
    hash_keys.preload("another-stack/hash-key", "z" * 40)
    assert pseudonym(USER) != first  # without the key, a follower list cannot be hashed into a dictionary


def test_each_purpose_has_its_own_key() -> None:
    assert hash_keys.derived_key(hash_keys.LOG_PSEUDONYM) != hash_keys.derived_key(hash_keys.REPORTER_KEY)


def test_a_missing_or_short_secret_fails_loudly(monkeypatch) -> None:
    monkeypatch.delenv(hash_keys.SECRET_ENV)
    with pytest.raises(ConfigError, match="HASH_KEY_SECRET"):
        pseudonym(USER)
    with pytest.raises(ConfigError, match="at least 32"):
        hash_keys.preload("short", "too short")


def test_correlation_id_hashes_only_keys_that_name_the_user() -> None:
    oa = "1234567890123456789"
    by_msg_id = f"{oa}:1f204a6bc7de43d7a2fdd4103d4355dc"
    assert correlation_id(by_msg_id, USER) == by_msg_id  # a Zalo msg_id identifies no one
    follow = f"{oa}:follow:{USER}:1767225600123"
    hashed = correlation_id(follow, USER)
    assert USER not in hashed and hashed == correlation_id(follow, USER) and hashed.startswith("k")
    assert hashed != correlation_id(f"{oa}:unfollow:{USER}:1767225600123", USER)
    assert correlation_id(follow, None) == follow  # no user known: nothing to hide (webhook rejects)


def test_scanner_finds_ids_reversed_ids_phones_and_unknown_zalo_ids() -> None:
    oa = "1234567890123456789"
    lines = [
        f'{{"correlation_id": "{oa}:follow:{USER}:1767225600123"}}',  # the former correlation id
        f'{{"user_id_by_app": "{USER[::-1]}"}}',
        '{"message": "gọi 0912 345 678"}',
        '{"detail": "+84912345678"}',
        '{"officer": "8800000000000000031"}',  # an id the scan was not told about
        f'{{"oa_id": "{oa}", "user": "{pseudonym(USER)}", "ts": 1767225600123, "delay": 0.4949221715092942}}',
    ]
    report = scan(lines, [USER], public_ids={oa})
    assert report.lines_scanned == 6
    assert [number for number, _ in report.leaks] == [1, 2, 3, 4, 5]
    described = report.describe()
    assert USER not in described and "0912" not in described  # the report never repeats a leaked value
    assert "gọi <digits>" in described
