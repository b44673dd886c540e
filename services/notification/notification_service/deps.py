"""Typed dependencies of the notification routes."""

from typing import Annotated

from fastapi import Depends, Request
from todo_common.deps import CurrentUser, DaprDep, PlatformDep

from notification_service.adapters.store import NotificationStore
from notification_service.scan import ReminderScan
from notification_service.snooze import Snoozes
from notification_service.wakes import ReminderWakes


async def get_store(request: Request) -> NotificationStore:
    store: NotificationStore = request.app.state.store
    return store


async def get_scan(request: Request) -> ReminderScan:
    scan: ReminderScan = request.app.state.scan
    return scan


async def get_snoozes(request: Request) -> Snoozes:
    snoozes: Snoozes = request.app.state.snoozes
    return snoozes


async def get_wakes(request: Request) -> ReminderWakes:
    wakes: ReminderWakes = request.app.state.wakes
    return wakes


Store = Annotated[NotificationStore, Depends(get_store)]
Scan = Annotated[ReminderScan, Depends(get_scan)]
SnoozeService = Annotated[Snoozes, Depends(get_snoozes)]
Wakes = Annotated[ReminderWakes, Depends(get_wakes)]

__all__ = ["CurrentUser", "DaprDep", "PlatformDep", "Scan", "SnoozeService", "Store", "Wakes"]
