"""Posting xAPI statements to a learning record store (LRS) over HTTP(S) with basic auth.

Contract: ``send(endpoint, statements, user, password)`` POSTs the statements in batches of
``BATCH`` to ``<endpoint>/statements`` (the xAPI statements resource; an endpoint already ending in
``/statements`` is used as is) with ``X-Experience-API-Version: 1.0.3`` and returns how many were
sent. A batch that fails for a reason worth retrying (no connection, a time-out, HTTP 408, 429
or 5xx) is retried up to ``ATTEMPTS`` times in all with growing pauses (bounded: at most
``ATTEMPTS`` requests per batch and ``TIMEOUT`` seconds each). Anything else (HTTP 400/401/403/
404/409/413/422 ...) stops at once. Every failure raises ``LrsError`` whose message says what the
LRS answered (status and the start of its reason), how many statements were stored before it,
and what to check; the password never appears in it. Statements carry deterministic ids, so
sending again after a failure stores nothing twice. Standard library only (urllib).
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

BATCH = 100
ATTEMPTS = 4
TIMEOUT = 15.0
PAUSES = (0.5, 1.5, 3.0)
RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
ENV_USER, ENV_PASSWORD = "FRONTLINE_LRS_USER", "FRONTLINE_LRS_PASSWORD"


class LrsError(Exception):
    """The LRS did not take the statements; the message is for the person sending them."""


def statements_url(endpoint: str) -> str:
    """``<endpoint>/statements``; ValueError unless an absolute http(s) URL."""
    url = endpoint.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"'{endpoint}' is not an LRS address; use the xAPI endpoint, e.g. https://lrs.example.com/xAPI/")
    if parts.username or parts.password:
        raise ValueError("put the LRS user and password in --lrs-user/--lrs-password (or "
                         f"{ENV_USER}/{ENV_PASSWORD}), not in the address")
    return url if url.rstrip("/").endswith("/statements") else url.rstrip("/") + "/statements"


def _reason(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    try:
        detail = json.loads(text)
        if isinstance(detail, dict) and "detail" in detail:
            text = json.dumps(detail["detail"], ensure_ascii=False) if not isinstance(detail["detail"], str) \
                else detail["detail"]
    except ValueError:
        pass
    text = " ".join(text.split())
    return text[:300] + ("…" if len(text) > 300 else "")


def _advice(status: int) -> str:
    if status in (401, 403):
        return "check --lrs-user and --lrs-password (the LRS refused these credentials or this user may not write)"
    if status == 404:
        return "check the address: it should be the LRS's xAPI endpoint"
    if status == 409:
        return "the LRS holds different statements with the same ids (sent from another copy of these results?)"
    return "the LRS refused the statements as sent"


def _post(url: str, batch: Sequence[dict[str, Any]], auth: str) -> None:
    body = json.dumps(list(batch), ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3", "Authorization": auth})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - http(s) only, checked
        response.read()


def _send_batch(url: str, batch: Sequence[dict[str, Any]], auth: str, sent: int,
                sleep: Callable[[float], None]) -> None:
    last = ""
    for attempt in range(ATTEMPTS):
        try:
            _post(url, batch, auth)
            return
        except urllib.error.HTTPError as error:
            reason = _reason(error.read() or b"")
            if error.code not in RETRY_STATUS:
                raise LrsError(f"the LRS at {url} refused the statements (HTTP {error.code}"
                               f"{': ' + reason if reason else ''}); {sent} stored before this; "
                               f"{_advice(error.code)}") from None
            last = f"HTTP {error.code}{': ' + reason if reason else ''}"
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            last = str(getattr(error, "reason", None) or error)
        if attempt + 1 < ATTEMPTS:
            sleep(PAUSES[min(attempt, len(PAUSES) - 1)])
    raise LrsError(f"could not deliver statements to {url} after {ATTEMPTS} attempts ({last}); "
                   f"{sent} stored before this; check that the LRS is running and reachable, then send again "
                   "(statements already stored are not stored twice)")


def send(endpoint: str, statements: Sequence[dict[str, Any]], user: str, password: str,
         sleep: Callable[[float], None] = time.sleep) -> int:
    """Send every statement (see the module contract); returns how many were sent."""
    url = statements_url(endpoint)
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    auth = f"Basic {token}"
    sent = 0
    for start in range(0, len(statements), BATCH):
        batch = statements[start:start + BATCH]
        _send_batch(url, batch, auth, sent, sleep)
        sent += len(batch)
    return sent
