"""Tests that run our code without a stack (no AWS, or moto without the template) get a fixed hash key
(anninh.hash_keys); the functions of a stack built from the template read their own generated secret."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from anninh import hash_keys

SECRET_NAME = "anninh-unit-tests/hash-key"


@pytest.fixture(autouse=True)
def hash_key_secret(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv(hash_keys.SECRET_ENV, SECRET_NAME)
    hash_keys.preload(SECRET_NAME, "unit-test-root-key-" + "0123456789abcdef" * 2)
    yield SECRET_NAME
    hash_keys.forget(SECRET_NAME)
