"""Typed dependencies of the recurring-service routes."""

from typing import Annotated

from fastapi import Depends, Request
from todo_common.deps import CurrentUser

from recurring_service.scheduling import Scheduler


def get_scheduler(request: Request) -> Scheduler:
    scheduler: Scheduler = request.app.state.scheduler
    return scheduler


SchedulerDep = Annotated[Scheduler, Depends(get_scheduler)]

__all__ = ["CurrentUser", "SchedulerDep"]
