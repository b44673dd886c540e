"""Typed dependencies of the recurring-service routes."""

from typing import Annotated

from fastapi import Depends, Request
from todo_common.deadletter import DeadLetters
from todo_common.deps import CurrentUser

from recurring_service.scheduling import Scheduler


async def get_scheduler(request: Request) -> Scheduler:
    scheduler: Scheduler = request.app.state.scheduler
    return scheduler


async def get_dead_letters(request: Request) -> DeadLetters:
    dead_letters: DeadLetters = request.app.state.dead_letters
    return dead_letters


SchedulerDep = Annotated[Scheduler, Depends(get_scheduler)]
DeadLettersDep = Annotated[DeadLetters, Depends(get_dead_letters)]

__all__ = ["CurrentUser", "DeadLettersDep", "SchedulerDep"]
