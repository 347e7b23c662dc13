import pytest
from anninh.faq.engine import FaqEngine


@pytest.fixture(scope="session")
def engine() -> FaqEngine:
    return FaqEngine.load()
