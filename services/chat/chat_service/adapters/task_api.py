"""task-service's public API, called through Dapr service invocation as the user: every
call forwards the user's JWT, and task-service checks it and scopes the data to them."""

from typing import Any, Protocol
from urllib.parse import quote

import httpx
from todo_common.dapr import Dapr

TASK_SERVICE = "task-service"


class TaskApiError(Exception):
    """task-service answered with an error (its API.md error body), or did not answer."""

    def __init__(self, status: int, code: str, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


class TaskApi(Protocol):
    """The task operations the MCP tools need, for one user."""

    async def create(self, body: dict[str, Any]) -> dict[str, Any]: ...
    async def list(self, params: dict[str, Any]) -> dict[str, Any]: ...
    async def get(self, task_id: str) -> dict[str, Any]: ...
    async def update(
        self, task_id: str, body: dict[str, Any], *, version: int | None = None
    ) -> dict[str, Any]: ...
    async def delete(self, task_id: str, *, series: bool = False) -> None: ...
    async def complete(self, task_id: str) -> dict[str, Any]: ...
    async def reopen(self, task_id: str) -> dict[str, Any]: ...
    async def tags(self) -> dict[str, Any]: ...


class DaprTaskApi:
    def __init__(self, dapr: Dapr, token: str) -> None:
        self._dapr, self._token = dapr, token

    async def _call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        try:
            response = await self._dapr.invoke(
                TASK_SERVICE,
                path,
                method=method,
                json_body=body,
                params=params,
                headers={"authorization": f"Bearer {self._token}", **(headers or {})},
                timeout=10.0,
            )
        except httpx.HTTPError as exc:
            raise TaskApiError(503, "unavailable", "The task service is unavailable right now.") from exc
        if response.status_code >= 400:
            raise _error(response)
        return response

    @staticmethod
    def _path(task_id: str, action: str = "") -> str:
        # Quoted whole: an id can never reach another path of the API.
        return f"api/tasks/{quote(task_id, safe='')}" + (f"/{action}" if action else "")

    async def create(self, body: dict[str, Any]) -> dict[str, Any]:
        return dict((await self._call("POST", "api/tasks", body=body)).json())

    async def list(self, params: dict[str, Any]) -> dict[str, Any]:
        return dict((await self._call("GET", "api/tasks", params=params)).json())

    async def get(self, task_id: str) -> dict[str, Any]:
        return dict((await self._call("GET", self._path(task_id))).json())

    async def update(
        self, task_id: str, body: dict[str, Any], *, version: int | None = None
    ) -> dict[str, Any]:
        headers = {"if-match": str(version)} if version is not None else None
        return dict((await self._call("PATCH", self._path(task_id), body=body, headers=headers)).json())

    async def delete(self, task_id: str, *, series: bool = False) -> None:
        """With `series`, the task's series ends too (?series=true): no further instances."""
        await self._call("DELETE", self._path(task_id), params={"series": "true"} if series else None)

    async def complete(self, task_id: str) -> dict[str, Any]:
        return dict((await self._call("POST", self._path(task_id, "complete"))).json())

    async def reopen(self, task_id: str) -> dict[str, Any]:
        return dict((await self._call("POST", self._path(task_id, "reopen"))).json())

    async def tags(self) -> dict[str, Any]:
        """The user's tags ({"suggested": [...], "used": [{"tag", "count"}]}, most used first,
        each in its most common spelling)."""
        return dict((await self._call("GET", "api/tags")).json())


def _error(response: httpx.Response) -> TaskApiError:
    try:
        error = response.json().get("error", {})
    except ValueError:
        error = {}
    if not isinstance(error, dict):
        error = {}
    status = response.status_code
    if status >= 500 or not error:
        return TaskApiError(
            503 if status >= 500 else status, "unavailable", "The task service is unavailable right now."
        )
    fields = error.get("fields") if isinstance(error.get("fields"), dict) else None
    return TaskApiError(status, str(error.get("code", "error")), str(error.get("message", "")), fields)
