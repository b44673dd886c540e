import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  afterRead,
  badgeText,
  bellLabel,
  parseStreamEvent,
  pendingSnoozeText,
  reminderText,
  reminderTitle,
  toNotification,
  reconnectDelay,
  snooze,
  snoozedText,
  snoozeChoices,
  laterToday,
  minutesFrom,
  tomorrowMorning,
  nextMorning,
  upsert,
  type AppNotification,
} from "./notifications";
import { STREAM_URL, followNotificationStream, type EventSourceLike } from "./use-notification-stream";

const note = (id: string, created_at: string, read = false): AppNotification => ({
  id,
  task_id: `task-${id}`,
  title: `Title ${id}`,
  message: "Due soon",
  created_at,
  read,
  remind_at: null,
  due_at: null,
});

describe("upsert", () => {
  it("adds newest first and replaces a replayed notification instead of doubling it", () => {
    const list = [note("b", "2026-01-02T00:00:00Z"), note("a", "2026-01-01T00:00:00Z")];
    const withC = upsert(list, note("c", "2026-01-03T00:00:00Z"), true);
    expect(withC.map((n) => n.id)).toEqual(["c", "b", "a"]);
    const replayed = upsert(withC, { ...note("b", "2026-01-02T00:00:00Z"), title: "new title" }, true);
    expect(replayed.map((n) => n.id)).toEqual(["c", "b", "a"]);
    expect(replayed[1].title).toBe("new title");
  });

  it("keeps read notifications out of the unread list only", () => {
    const read = note("a", "2026-01-01T00:00:00Z", true);
    expect(upsert([read], read, true)).toEqual([]);
    expect(upsert(undefined, read, false)).toEqual([read]);
  });
});

describe("afterRead", () => {
  const list = [note("b", "2026-01-02T00:00:00Z"), note("a", "2026-01-01T00:00:00Z")];
  it("drops one or all from the unread list", () => {
    expect(afterRead(list, "a", true).map((n) => n.id)).toEqual(["b"]);
    expect(afterRead(list, null, true)).toEqual([]);
  });
  it("marks them read in the full list", () => {
    expect(afterRead(list, "a", false).map((n) => n.read)).toEqual([false, true]);
    expect(afterRead(list, null, false).every((n) => n.read)).toBe(true);
  });
});

describe("toNotification", () => {
  it("keeps the fields and fills the optional ones", () => {
    expect(toNotification({ id: "n1", created_at: "2026-01-01T00:00:00Z", title: "Pay rent", read: true })).toEqual({
      id: "n1",
      task_id: null,
      title: "Pay rent",
      message: "",
      created_at: "2026-01-01T00:00:00Z",
      read: true,
      remind_at: null,
      due_at: null,
      snoozed_until: null,
    });
    const snoozed = { id: "n1", created_at: "2026-01-01T00:00:00Z", snoozed_until: "2026-01-01T01:00:00Z" };
    expect(toNotification(snoozed)?.snoozed_until).toBe("2026-01-01T01:00:00Z");
  });

  it("says a snooze while it is ahead only, in the reader's zone", () => {
    const now = new Date("2026-11-27T15:30:00Z");
    const at = (until: string | null) =>
      pendingSnoozeText({ ...note("n1", "2026-11-27T15:00:00Z", true), snoozed_until: until }, now, "Europe/Paris");
    expect(at("2026-11-27T15:45:00Z")).toBe("Snoozed until 4:45 PM");
    expect(at("2026-11-28T08:00:00Z")).toBe("Snoozed until tomorrow at 9:00 AM");
    expect(at("2026-11-27T15:30:00Z")).toBeNull(); // back now
    expect(at("2026-11-27T15:00:00Z")).toBeNull();
    expect(at(null)).toBeNull();
    expect(at("soon")).toBeNull();
  });

  it("says it in the reader's locale, as the task list does", () => {
    const now = new Date("2026-11-27T00:30:00Z"); // 6:00 AM in Kolkata
    const later = { ...note("n1", "2026-11-27T00:20:00Z", true), snoozed_until: "2026-11-27T00:54:00Z" };
    expect(pendingSnoozeText(later, now, "Asia/Kolkata", "en-IN")).toBe("Snoozed until 6:24 am");
    expect(pendingSnoozeText(later, now, "Asia/Kolkata", "en-GB")).toBe("Snoozed until 6:24");
  });

  it("refuses what has no id or time, and odd values", () => {
    expect(toNotification({ created_at: "2026-01-01T00:00:00Z" })).toBeNull();
    expect(toNotification({ id: "", created_at: "2026-01-01T00:00:00Z" })).toBeNull();
    expect(toNotification({ id: "n1" })).toBeNull();
    expect(toNotification(null)).toBeNull();
    expect(toNotification("n1")).toBeNull();
    expect(toNotification({ id: "n1", created_at: "x", read: "yes", title: 3 })).toMatchObject({ read: false, title: "Reminder" });
  });
});

describe("small rules", () => {
  it("parses stream data and refuses garbage", () => {
    expect(parseStreamEvent(JSON.stringify(note("a", "2026-01-01T00:00:00Z")))?.id).toBe("a");
    expect(parseStreamEvent("{not json")).toBeNull();
    expect(parseStreamEvent(JSON.stringify({ title: "no id" }))).toBeNull();
  });
  it("backs off 1, 2, 4 … up to 30 s", () => {
    expect([0, 1, 2, 3, 10].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 30_000]);
  });
  it("labels the bell and caps the badge", () => {
    expect(bellLabel(0)).toBe("Notifications, none unread");
    expect(bellLabel(3)).toBe("Notifications, 3 unread");
    expect([0, 1, 9, 10].map(badgeText)).toEqual([null, "1", "9", "9+"]);
  });
});

describe("reminderText", () => {
  const now = new Date("2026-11-26T01:10:00Z"); // 02:10 in Paris
  const due = (due_at: string | null) => ({ ...note("a", "2026-11-26T01:00:00Z"), message: "server text", due_at });

  it("says the due time in the reader's zone, relative to today", () => {
    expect(reminderText(due("2026-11-26T02:06:00Z"), now, "Europe/Paris")).toBe("Due today at 3:06 AM");
    expect(reminderText(due("2026-11-27T08:00:00Z"), now, "Europe/Paris")).toBe("Due tomorrow at 9:00 AM");
    expect(reminderText(due("2026-11-28T16:00:00Z"), now, "Europe/Paris")).toBe("Due Sat, Nov 28 at 5:00 PM");
    expect(reminderText(due("2026-11-26T00:30:00Z"), now, "Europe/Paris")).toBe("Was due today at 1:30 AM");
  });

  it("says 'Due now' from the due time's minute until it is a minute past, 'Was due' after", () => {
    // A reminder at the due time (5:38 PM in Paris) arrives a few seconds after it.
    const at = (iso: string) => reminderText(due("2026-11-26T16:38:00Z"), new Date(iso), "Europe/Paris");
    expect(at("2026-11-26T16:38:00Z")).toBe("Due now");
    expect(at("2026-11-26T16:38:04Z")).toBe("Due now");
    expect(at("2026-11-26T16:38:59.999Z")).toBe("Due now");
    expect(at("2026-11-26T16:37:30Z")).toBe("Due today at 5:38 PM");
    expect(at("2026-11-26T16:39:00Z")).toBe("Was due today at 5:38 PM");
    expect(at("2026-11-26T17:10:00Z")).toBe("Was due today at 5:38 PM");
    // A due time with seconds (made through the API): less than a minute late is still now.
    const odd = (iso: string) => reminderText(due("2026-11-26T16:38:30Z"), new Date(iso), "Europe/Paris");
    expect(odd("2026-11-26T16:39:20Z")).toBe("Due now");
    expect(odd("2026-11-26T16:39:30Z")).toBe("Was due today at 5:38 PM");
  });

  it("uses the zone's calendar day, not UTC's", () => {
    // 23:30 UTC on the 26th is already the 27th in Tokyo.
    expect(reminderText(due("2026-11-26T23:30:00Z"), now, "Asia/Tokyo")).toBe("Due tomorrow at 8:30 AM");
  });

  it("writes the time and the day in the reader's locale (the task list's formatter)", () => {
    const early = new Date("2026-11-26T00:40:00Z"); // 6:10 AM in Kolkata
    expect(reminderText(due("2026-11-26T00:54:00Z"), early, "Asia/Kolkata", "en-IN")).toBe("Due today at 6:24 am");
    expect(reminderText(due("2026-11-28T16:00:00Z"), now, "Europe/Paris", "en-GB")).toBe("Due Sat 28 Nov at 17:00");
    expect(reminderText(due("2026-11-27T08:00:00Z"), now, "Europe/Paris", "en-US")).toBe("Due tomorrow at 9:00 AM");
  });

  it("says nothing under the title without a due time (the server's message would repeat the title)", () => {
    expect(reminderText(due(null), now, "Europe/Paris")).toBe("");
  });
});

describe("reminderTitle", () => {
  const note2 = (due_at: string | null) => ({ ...note("a", "2026-11-26T01:00:00Z"), title: "Buy milk", due_at });

  it("is one shape for every reminder, with a due time or without", () => {
    expect(reminderTitle(note2("2026-11-26T02:06:00Z"))).toBe("Reminder: Buy milk");
    expect(reminderTitle(note2(null))).toBe("Reminder: Buy milk");
  });
});

/** Enough of EventSource to drive the stream: named listeners, readyState, close(). */
class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, Array<(event: { data?: unknown }) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data?: unknown }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: string) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

describe("followNotificationStream", () => {
  let sources: FakeEventSource[];
  const open = (url: string) => {
    const source = new FakeEventSource(url);
    sources.push(source);
    return source;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
  });
  afterEach(() => vi.useRealTimers());

  it("hands on each parsed notification and skips malformed ones", () => {
    const onNotification = vi.fn();
    followNotificationStream(open, { onNotification, onReconnect: () => {} });
    expect(sources[0].url).toBe(STREAM_URL);
    sources[0].emit("notification", JSON.stringify(note("b", "2026-01-02T00:00:00Z")));
    sources[0].emit("notification", "{broken");
    expect(onNotification).toHaveBeenCalledTimes(1);
    expect(onNotification.mock.calls[0][0].id).toBe("b");
  });

  it("leaves reconnecting to the browser while it tries, and reconnects itself with back-off once it gave up", () => {
    const onReconnect = vi.fn();
    followNotificationStream(open, { onNotification: () => {}, onReconnect });

    sources[0].emit("error"); // readyState CONNECTING: the browser retries by itself
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);

    sources[0].readyState = 2; // CLOSED: the browser gave up (an HTTP error)
    sources[0].emit("error");
    expect(sources[0].closed).toBe(true);
    vi.advanceTimersByTime(999);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    expect(onReconnect).toHaveBeenCalledTimes(1);

    sources[1].readyState = 2;
    sources[1].emit("error");
    vi.advanceTimersByTime(1999);
    expect(sources).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(3);

    // A successful open resets the back-off.
    sources[2].emit("open");
    sources[2].readyState = 2;
    sources[2].emit("error");
    vi.advanceTimersByTime(1000);
    expect(sources).toHaveLength(4);
  });

  it("calls the browser's timers as plain functions (as methods they throw Illegal invocation)", () => {
    const realSet = globalThis.setTimeout;
    const strictSet = function (this: unknown, run: () => void, ms?: number) {
      if (this !== undefined && this !== globalThis) throw new TypeError("Illegal invocation");
      return realSet(run, ms);
    };
    vi.stubGlobal("setTimeout", strictSet);
    try {
      const stop = followNotificationStream(open, { onNotification: () => {}, onReconnect: () => {} });
      sources[0].readyState = 2;
      expect(() => sources[0].emit("error")).not.toThrow();
      stop();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("stops: closes the stream and cancels a pending reconnect", () => {
    const stop = followNotificationStream(open, { onNotification: () => {}, onReconnect: () => {} });
    sources[0].readyState = 2;
    sources[0].emit("error");
    stop();
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
    expect(sources[0].closed).toBe(true);
  });
});

describe("snooze", () => {
  it("tomorrow at 9:00 is on the user's wall clock, whatever the offset that day", () => {
    const now = new Date("2026-11-27T15:35:00Z");
    expect(tomorrowMorning(now, "UTC").toISOString()).toBe("2026-11-28T09:00:00.000Z");
    expect(tomorrowMorning(now, "Europe/Paris").toISOString()).toBe("2026-11-28T08:00:00.000Z");
    expect(tomorrowMorning(now, "America/Los_Angeles").toISOString()).toBe("2026-11-28T17:00:00.000Z");
    // Already tomorrow in Tokyo (00:35 on the 28th): the day after that.
    expect(tomorrowMorning(now, "Asia/Tokyo").toISOString()).toBe("2026-11-29T00:00:00.000Z");
    // Clocks go forward in New York on 8 Mar 2026: 9:00 EDT, not EST.
    expect(tomorrowMorning(new Date("2026-03-07T20:00:00Z"), "America/New_York").toISOString()).toBe(
      "2026-03-08T13:00:00.000Z",
    );
  });

  it("offers 10 minutes, 1 hour, later today and tomorrow morning, each with its time and one request of the API's shape", () => {
    // The night-shift nurse at 6:26 in the morning: this evening, not tomorrow's 9:00 27 h on.
    const dawn = new Date("2026-11-27T00:56:00Z"); // 6:26 AM in Kolkata
    expect(snoozeChoices(dawn, "Asia/Kolkata", "en-US")).toEqual([
      { label: "10 minutes", time: "6:36 AM", request: { minutes: 10 } },
      { label: "1 hour", time: "7:26 AM", request: { minutes: 60 } },
      { label: "This evening", time: "6:00 PM", request: { until: "2026-11-27T12:30:00.000Z" } },
      { label: "Tomorrow", time: "9:00 AM", request: { until: "2026-11-28T03:30:00.000Z" } },
    ]);
    // In the reader's locale.
    expect(snoozeChoices(dawn, "Asia/Kolkata", "en-IN").map((c) => c.time)).toEqual(["6:36 am", "7:26 am", "6:00 pm", "9:00 am"]);
    expect(snoozeChoices(dawn, "Asia/Kolkata", "en-GB").map((c) => c.time)).toEqual(["6:36", "7:26", "18:00", "9:00"]);
  });

  it("offers this morning's 9:00 in the night, not the next day's, soonest first", () => {
    // 00:30 in Paris: "Tomorrow 9:00" was 9:00 on the 29th, 32 hours on.
    const night = new Date("2026-11-27T23:30:00Z");
    expect(snoozeChoices(night, "Europe/Paris", "en-US")).toEqual([
      { label: "10 minutes", time: "12:40 AM", request: { minutes: 10 } },
      { label: "1 hour", time: "1:30 AM", request: { minutes: 60 } },
      { label: "This morning", time: "9:00 AM", request: { until: "2026-11-28T08:00:00.000Z" } },
      { label: "This evening", time: "6:00 PM", request: { until: "2026-11-28T17:00:00.000Z" } },
    ]);
    // Guards: from 5:00 on it is tomorrow's (the nurse at 6:26 going to sleep); at 4:59 still this morning's.
    expect(nextMorning(new Date("2026-11-28T04:00:00Z"), "Europe/Paris")).toMatchObject({ label: "Tomorrow", request: { until: "2026-11-29T08:00:00.000Z" } });
    expect(nextMorning(new Date("2026-11-28T03:59:00Z"), "Europe/Paris")).toMatchObject({ label: "This morning", request: { until: "2026-11-28T08:00:00.000Z" } });
  });

  it("shows the minute a snooze comes back in: the start of the one on or after now + its length, as the server has it", () => {
    // User test: "10 minutes" at 6:26:40 said 6:36 and came back 40 s into that minute.
    const clicked = new Date("2026-11-27T06:26:40.500Z");
    expect(snoozeChoices(clicked, "UTC", "en-US").map((c) => c.time)).toEqual(["6:37 AM", "7:27 AM", "6:00 PM", "9:00 AM"]);
    expect(minutesFrom(clicked, 10).toISOString()).toBe("2026-11-27T06:37:00.000Z");
    expect(minutesFrom(new Date("2026-11-27T06:26:00Z"), 10).toISOString()).toBe("2026-11-27T06:36:00.000Z");
    expect(laterToday(new Date("2026-11-27T16:30:10Z"), "UTC").at.toISOString()).toBe("2026-11-27T19:31:00.000Z");
  });

  it("later today is 18:00 while that is 2 hours away or more, else 3 hours from now", () => {
    const paris = (iso: string) => laterToday(new Date(iso), "Europe/Paris");
    expect(paris("2026-11-27T14:59:00Z")).toMatchObject({ label: "This evening", request: { until: "2026-11-27T17:00:00.000Z" } });
    expect(paris("2026-11-27T15:00:00Z")).toMatchObject({ label: "This evening", request: { until: "2026-11-27T17:00:00.000Z" } });
    // 16:01 in Paris: 18:00 is less than 2 hours away.
    expect(paris("2026-11-27T15:01:00Z")).toMatchObject({ label: "In 3 hours", request: { minutes: 180 } });
    expect(paris("2026-11-27T15:01:00Z").at.toISOString()).toBe("2026-11-27T18:01:00.000Z");
    // Late at night it runs past midnight; the choice's time says so.
    const night = snoozeChoices(new Date("2026-11-27T22:30:00Z"), "Europe/Paris", "en-US")[2];
    expect(night).toEqual({ label: "In 3 hours", time: "2:30 AM", request: { minutes: 180 } });
  });

  it("says until when in the reader's locale", () => {
    const now = new Date("2026-11-27T00:30:00Z");
    expect(snoozedText("2026-11-27T00:54:00Z", now, "Asia/Kolkata", "en-IN")).toBe("Snoozed until 6:24 am");
    expect(snoozedText("2026-12-01T09:00:00Z", now, "UTC", "en-GB")).toBe("Snoozed until Tue 1 Dec at 9:00");
  });

  it("says until when, in the reader's zone", () => {
    const now = new Date("2026-11-27T15:35:00Z");
    expect(snoozedText("2026-11-27T15:45:00Z", now, "UTC")).toBe("Snoozed until 3:45 PM");
    expect(snoozedText("2026-11-27T15:45:00Z", now, "Europe/Paris")).toBe("Snoozed until 4:45 PM");
    expect(snoozedText("2026-11-28T08:00:00Z", now, "Europe/Paris")).toBe("Snoozed until tomorrow at 9:00 AM");
    expect(snoozedText("2026-12-01T09:00:00Z", now, "UTC")).toBe("Snoozed until Tue, Dec 1 at 9:00 AM");
    expect(snoozedText("not a time", now, "UTC")).toBe("Snoozed");
  });

  it("posts the request and answers the notification and when it comes back", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ ...note("n1", "2026-11-27T15:30:00Z", true), snoozed_until: "2026-11-27T15:45:00Z" }),
    );
    vi.stubGlobal("fetch", fetchMock);
    try {
      const answer = await snooze("n/1", { minutes: 10 });
      expect(answer.snoozedUntil).toBe("2026-11-27T15:45:00Z");
      expect(answer.notification?.read).toBe(true);
      expect(fetchMock).toHaveBeenCalledWith(
        "/api/notifications/n%2F1/snooze",
        expect.objectContaining({ method: "POST", body: JSON.stringify({ minutes: 10 }) }),
      );
      fetchMock.mockImplementation(async () => Response.json({ id: "n1" }));
      await expect(snooze("n1", { minutes: 10 })).rejects.toMatchObject({ code: "bad_response" });
      fetchMock.mockImplementation(async () =>
        Response.json({ error: { code: "not_found", message: "Notification not found." } }, { status: 404 }),
      );
      await expect(snooze("n1", { minutes: 10 })).rejects.toMatchObject({ status: 404, code: "not_found" });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
