"""Property-based fuzzing of every service's OpenAPI with schemathesis.

Public operations (/api/*) go the way the public API goes: through the frontend's sidecar
(http://127.0.0.1:3500/v1.0/invoke/<app-id>/method/...), mTLS and access control to the
service's sidecar, then the app, with a real user's JWT. Internal operations (/internal/*)
may only be invoked by other app-ids, so they are sent to the app directly with the app
token. Every check schemathesis has runs on every response: no 5xx, a declared status
code, content type and headers, a body that matches the declared schema, invalid input
refused and valid input accepted.

Allowances, each narrow:
- A schema-valid request may be refused with 422 when every field the error names is one
  whose validity JSON Schema cannot express: an opaque cursor the server never issued, an
  IANA zone name, an RRULE, a time string the server reads itself (a snooze's `until` must
  also lie in the next 7 days), a priority filter (a comma list of names matched
  case-insensitively, words joined by spaces, hyphens or underscores), `sort=relevance`
  without a search (a rule between two parameters), more than 10 tags once case
  duplicates are merged (the schema states no maxItems), or a query text with control
  characters (refused in every text the API reads; the schema states no pattern for
  them). Any other refusal still fails.
- Probes with a method the schema does not declare (QUERY, OPTIONS...) go to the app
  directly: Dapr 1.16's HTTP invocation turns an unknown verb into POST, so through the
  sidecar QUERY /api/tasks would create a task; the app itself answers 405 with Allow.
- Path parameters holding `#`, `?`, `/` or `%` go to the app directly too: the sidecar
  decodes the percent-escapes before it routes, so /api/tasks/a%23b/complete reaches the
  app as /api/tasks/a (a 405 for POST) and a%2Fb as two segments. Our ids never hold them.
- A request the sidecar refuses itself (Dapr's `{"errorCode": ...}` body: a path with
  control characters that access control cannot normalise, 403; a request line over
  daprd's 4 KiB read buffer, 431) never reached the app: it must be a 4xx, and is not
  checked against the app's schema.

The schemas are loaded when the module is collected (schemathesis' fixture-based loader
does not work with pytest 9.2), so this file needs the stack up to be collected at all."""

import asyncio
import json
import re
from collections.abc import Callable
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis import Case
from schemathesis.checks import positive_data_acceptance

from tests.integration.conftest import APPS, ROOT, SIDECARS, sign_up

SERVICES = ("task-service", "chat-service", "recurring-service", "notification-service", "audit-service")
MAX_EXAMPLES = 20

SETTINGS = hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
# Fields whose validity is semantic (a grammar, a registry, a token of the server's own).
SEMANTIC_FIELDS = frozenset(
    {
        "cursor",
        "tz",
        "timezone",
        "task.timezone",
        "rrule",
        "task.rrule",
        "dtstart",
        # recurrence/next's: an ISO 8601 time, naive ones in tz, years 1900..8999 (as dtstart).
        "due_at",
        "due_before",
        "due_after",
        "completed_before",
        "completed_after",
        "priority",
        "until",
    }
)
# Refusals that name a rule between parameters, or text the schema does not constrain:
# tags are counted once de-duplicated case-insensitively, which JSON Schema cannot count.
SEMANTIC_ERRORS = frozenset(
    {("sort", "relevance needs a search"), ("tags", "At most 10 tags."), ("task.tags", "At most 10 tags.")}
)
CONTROL_CHARACTERS = "must not contain control characters"
SECRETS = dict(json.loads((ROOT / ".run" / "secrets.json").read_text()))


@pytest.fixture
def jwt() -> str:
    """A new user for each operation: one user fuzzing everything would meet the per-user
    rate limit (a 429 passes the checks, but the examples after it would test nothing)."""

    async def token() -> str:
        user = await sign_up("Fuzz")
        await user.client.aclose()
        return user.token

    return asyncio.run(token())


def _load(app_id: str, path_regex: str, base_url: str, headers: dict[str, str]) -> Any:
    schema = schemathesis.openapi.from_url(
        f"http://127.0.0.1:{APPS[app_id]}/openapi.json",
        headers={"dapr-api-token": SECRETS["app-api-token"]},
        wait_for_schema=60,
    ).include(path_regex=path_regex)
    schema.config.update(base_url=base_url, headers=headers, request_timeout=30)
    return schema


def _public_test(app_id: str) -> Callable[..., None]:
    schema = _load(
        app_id,
        r"^/api/",
        f"http://127.0.0.1:{SIDECARS['frontend']}/v1.0/invoke/{app_id}/method",
        {"dapr-api-token": SECRETS["dapr-api-token"]},
    )

    @schema.parametrize()
    @SETTINGS
    def test(case: Case, jwt: str) -> None:
        _call_and_validate(case, {"authorization": f"Bearer {jwt}"})

    return test  # type: ignore[no-any-return]


test_task_service_public = _public_test("task-service")
test_chat_service_public = _public_test("chat-service")
test_recurring_service_public = _public_test("recurring-service")
test_notification_service_public = _public_test("notification-service")
test_audit_service_public = _public_test("audit-service")

internal = _load(
    "task-service",
    r"^/internal/",
    f"http://127.0.0.1:{APPS['task-service']}",
    {"dapr-api-token": SECRETS["app-api-token"]},
)


@internal.parametrize()
@SETTINGS
def test_task_service_internal_with_the_app_token(case: Case) -> None:
    _call_and_validate(case, {})


# Characters the sidecar's invoke API decodes from a path before routing.
DECODED_BY_DAPR = re.compile(r"[#?/%]")


def _call_and_validate(case: Case, headers: dict[str, str]) -> None:
    undeclared_method = case.method.lower() != case.operation.method.lower()
    escaped = any(DECODED_BY_DAPR.search(str(v)) for v in (case.path_parameters or {}).values())
    if undeclared_method or escaped:
        response = case.call(
            base_url=f"http://127.0.0.1:{APPS[_app_of(case)]}",
            headers={**headers, "dapr-api-token": SECRETS["app-api-token"]},
        )
        case.validate_response(response, headers=headers, excluded_checks=_allowances(response))
        return
    response = case.call(headers=headers)
    if response.text.startswith('{"errorCode":'):
        assert 400 <= response.status_code < 500, response.text  # refused by the sidecar
        return
    if response.status_code == 431:
        assert "Request Header Fields Too Large" in response.text  # daprd's read buffer
        return
    case.validate_response(response, headers=headers, excluded_checks=_allowances(response))


def _allowances(response: Any) -> list[Any]:
    """positive_data_acceptance is not applied to a 422 naming only semantic fields."""
    if response.status_code == 422:
        fields = response.json()["error"].get("fields", {})
        semantic = all(
            name in SEMANTIC_FIELDS or (name, message) in SEMANTIC_ERRORS or message == CONTROL_CHARACTERS
            for name, message in fields.items()
        )
        if fields and semantic:
            return [positive_data_acceptance]
    return []


def _app_of(case: Case) -> str:
    base = str(case.operation.schema.config.base_url or "")
    return base.split("/invoke/")[1].split("/")[0] if "/invoke/" in base else "task-service"
