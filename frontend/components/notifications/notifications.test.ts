import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  afterRead,
  badgeText,
  bellLabel,
  parseStreamEvent,
  reminderText,
  reminderTitle,
  toNotification,
  reconnectDelay,
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
    });
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

  it("uses the zone's calendar day, not UTC's", () => {
    // 23:30 UTC on the 26th is already the 27th in Tokyo.
    expect(reminderText(due("2026-11-26T23:30:00Z"), now, "Asia/Tokyo")).toBe("Due tomorrow at 8:30 AM");
  });

  it("says nothing under the title without a due time (the server's message would repeat the title)", () => {
    expect(reminderText(due(null), now, "Europe/Paris")).toBe("");
  });
});

describe("reminderTitle", () => {
  const note2 = (due_at: string | null) => ({ ...note("a", "2026-11-26T01:00:00Z"), title: "Buy milk", due_at });

  it("is the task's title when a line under it says when it is due", () => {
    expect(reminderTitle(note2("2026-11-26T02:06:00Z"))).toBe("Buy milk");
  });

  it("says it is a reminder when there is no due date to say", () => {
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
