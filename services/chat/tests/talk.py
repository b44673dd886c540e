"""A conversation through run_turn at a chosen clock and timezone (tests.test_undo.Chat runs
at conftest's NOW in UTC): what the user test of Friday 27 Nov 2026 said, where it was said."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from chat_service.agent import run_turn
from chat_service.app import mcp_caller
from chat_service.domain.conversation import Conversation, last_change_after, last_list_after, last_task_after
from chat_service.domain.parse import parse
from chat_service.mcp_inprocess import AgentTools
from chat_service.offline_model import OfflineModel
from chat_service.tools import build_mcp_server
from mcp.server.mcpserver import Context as McpContext
from tests.conftest import FakeTasks
from todo_common.auth import AuthenticatedUser

BERLIN = ZoneInfo("Europe/Berlin")
# Friday 27 Nov 2026, 15:00 in Berlin (14:00 UTC).
FRIDAY = datetime(2026, 11, 27, 15, 0, tzinfo=BERLIN)


class Talk:
    """One conversation of alice's, each message a minute after the last, stored and loaded
    between turns as app.chat does."""

    def __init__(self, fake: FakeTasks, now: datetime = FRIDAY) -> None:
        self.fake, self.start = fake, now
        self.timezone = str(now.tzinfo)
        self.conversation = Conversation.start("c", now)
        self.minute = 0
        fake.now = now

    async def say(self, message: str) -> str:
        async def tasks_for(ctx: McpContext) -> Any:
            return self.fake.as_user(mcp_caller(ctx).id)

        self.minute += 1
        now = self.start + timedelta(minutes=self.minute)
        c = self.conversation
        outcome = await run_turn(
            model=OfflineModel(now=now),
            tools=AgentTools(build_mcp_server(tasks_for, clock=lambda: now)),
            user=AuthenticatedUser(id="alice", email=None, name=None, token="jwt-of-alice"),
            history=c.history(now),
            message=message,
            now=now,
            timezone=self.timezone,
            last_task=c.last_task,
            last_change=c.change_to_undo(now),
            last_list=c.list_to_use(now),
            max_turns=10,
        )
        c.last_task = last_task_after(outcome.actions, c.last_task)
        intent = parse(message, now).intent
        c.last_change = last_change_after(outcome.actions, c.last_change, at=now, undoing=intent == "undo")
        c.last_list = last_list_after(
            outcome.actions, c.last_list, at=now, listed=intent in ("list", "search")
        )
        c.add("user", message, now)
        c.add("assistant", outcome.reply, now)
        self.conversation = Conversation.from_json(c.to_json())
        return outcome.reply


def local(value: str | None, zone: ZoneInfo = BERLIN) -> str | None:
    """A stored UTC time as 'Mon 30 Nov 13:00' in `zone`."""
    if value is None:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(zone).strftime("%a %d %b %H:%M")


def local_dues(fake: FakeTasks) -> dict[str, str | None]:
    """Each task's title and its due time as local() says it."""
    return {t["title"]: local(t["due_at"]) for t in fake.tasks.values()}


def week_of(monday: datetime) -> tuple[datetime, datetime]:
    """The (due_after, due_before) window of the calendar week starting `monday` at 00:00."""
    return monday - timedelta(seconds=1), monday + timedelta(days=7)
