"""notification-service: woken by the reminder-cron binding to send due reminders."""

import logging
from typing import Any

from fastapi import APIRouter
from prometheus_client import Counter
from todo_common.platform import create_app

log = logging.getLogger(__name__)
CRON_WAKES = Counter("reminder_cron_wakes_total", "Wake-ups from the reminder-cron binding")

cron = APIRouter(include_in_schema=False)


@cron.post("/reminder-cron")
async def reminder_cron() -> dict[str, Any]:
    CRON_WAKES.inc()
    log.info("reminder scan")
    return {"status": "ok"}


app = create_app(title="notification-service", routers=[cron])
