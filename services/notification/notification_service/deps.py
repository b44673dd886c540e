"""Typed dependencies of the notification routes."""

from typing import Annotated

from fastapi import Depends, Request
from todo_common.deps import CurrentUser, DaprDep, PlatformDep

from notification_service.adapters.store import NotificationStore
from notification_service.scan import ReminderScan


async def get_store(request: Request) -> NotificationStore:
    store: NotificationStore = request.app.state.store
    return store


async def get_scan(request: Request) -> ReminderScan:
    scan: ReminderScan = request.app.state.scan
    return scan


Store = Annotated[NotificationStore, Depends(get_store)]
Scan = Annotated[ReminderScan, Depends(get_scan)]

__all__ = ["CurrentUser", "DaprDep", "PlatformDep", "Scan", "Store"]
