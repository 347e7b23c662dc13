"""Admin routes, one module per area; each builds a fresh Router (tips will add ``routes/tips.py``)."""

from __future__ import annotations

from aws_lambda_powertools.event_handler.api_gateway import Router

from anninh.admin.deps import RequestScope


def scope(router: Router) -> RequestScope:
    """The current request's actor, dependencies and id (put in the resolver context by AdminApi)."""
    current = router.context.get("scope")
    assert isinstance(current, RequestScope), "admin routes run only through AdminApi.handle"
    return current
