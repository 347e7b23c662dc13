"""Shared fixtures of the conversation tests."""

from __future__ import annotations

import pytest
from anninh.faq.engine import FaqEngine


@pytest.fixture(scope="session")
def faq() -> FaqEngine:
    """The compiled knowledge base, loaded once per worker (read only: no test changes it)."""
    return FaqEngine.load()
