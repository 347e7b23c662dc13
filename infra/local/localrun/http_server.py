"""A werkzeug request handler that keeps header names with underscores.

Werkzeug's development server drops such headers (``access_token``, ``num_retry``) to avoid spoofing
through CGI-style name mangling; Zalo uses exactly these names, so the local stack and the fake Zalo API
must see them, as API Gateway and Zalo's servers do.
"""

from __future__ import annotations

from typing import Any

from werkzeug.serving import WSGIRequestHandler


class UnderscoreHeadersRequestHandler(WSGIRequestHandler):
    def make_environ(self) -> Any:
        environ = super().make_environ()
        for key, value in self.headers.items():
            if "_" in key:
                environ["HTTP_" + key.upper().replace("-", "_")] = value
        return environ
