import { describe, expect, it } from "vitest";
import { movedRemindAt, zonedTimeToUtc } from "./zoned-time";

// The cases of services/recurring/tests/test_daylight_saving.py (next_remind_at), which this
// function mirrors. London's summer time starts on Sunday 28 March 2027 and ends on Sunday
// 31 October 2027; New York's ends on Sunday 7 November 2027.
const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";

const at = (zone: string, year: number, month: number, day: number, hour: number, minute = 0) =>
  zonedTimeToUtc(year, month, day, hour, minute, zone);
const wall = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "2-digit",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
const minutes = (n: number) => n * 60_000;

describe("movedRemindAt", () => {
  it("keeps the evening before at 18:00 across the spring change", () => {
    const sunday = at(LONDON, 2027, 3, 21, 9);
    const saturday = at(LONDON, 2027, 3, 20, 18);
    const following = at(LONDON, 2027, 3, 28, 9);
    const remind = movedRemindAt(following, sunday, saturday, LONDON);
    expect(wall(remind, LONDON)).toBe("Sat 27 Mar, 18:00"); // the elapsed offset: 17:00
    const after = movedRemindAt(at(LONDON, 2027, 4, 4, 9), following, remind, LONDON);
    expect(wall(after, LONDON)).toBe("Sat 03 Apr, 18:00");
  });

  it("keeps the evening before at 18:00 across the autumn change", () => {
    const remind = movedRemindAt(at(LONDON, 2027, 10, 31, 7), at(LONDON, 2027, 10, 24, 7), at(LONDON, 2027, 10, 23, 18), LONDON);
    expect(wall(remind, LONDON)).toBe("Sat 30 Oct, 18:00"); // the elapsed offset: 19:00
    expect(remind.toISOString()).toBe("2027-10-30T17:00:00.000Z");
  });

  it("keeps a reminder days before on its day and time", () => {
    const due = at(NEW_YORK, 2027, 11, 1, 17);
    const remind = at(NEW_YORK, 2027, 10, 30, 8, 15);
    expect(wall(movedRemindAt(at(NEW_YORK, 2027, 11, 8, 17), due, remind, NEW_YORK), NEW_YORK)).toBe("Sat 06 Nov, 08:15");
  });

  it("keeps 30 minutes before 30 minutes before, where the zone skips or repeats the wall time too", () => {
    const due = at(LONDON, 2027, 3, 27, 9);
    const next = at(LONDON, 2027, 3, 28, 9);
    expect(movedRemindAt(next, due, new Date(due.getTime() - minutes(30)), LONDON)).toEqual(new Date(next.getTime() - minutes(30)));
    // Due 02:15 BST on the day London skips 01:00-02:00: 30 minutes before is 00:45 GMT, not
    // 01:45 read as GMT (after the due time).
    const gapDay = at(LONDON, 2027, 3, 28, 2, 15);
    const dayBefore = new Date(gapDay.getTime() - 86_400_000);
    expect(movedRemindAt(gapDay, dayBefore, new Date(dayBefore.getTime() - minutes(30)), LONDON).toISOString()).toBe(
      "2027-03-28T00:45:00.000Z",
    );
    // Due 01:45 EST, the second 01:45 of New York's autumn night: 30 minutes before is the second 01:15.
    const second = new Date(Date.UTC(2027, 10, 7, 6, 45));
    const before = at(NEW_YORK, 2027, 11, 6, 1, 45);
    expect(movedRemindAt(second, before, new Date(before.getTime() - minutes(30)), NEW_YORK)).toEqual(
      new Date(second.getTime() - minutes(30)),
    );
  });

  it("keeps the elapsed offset without a zone, and in UTC", () => {
    const due = at(LONDON, 2027, 3, 21, 9);
    const remind = at(LONDON, 2027, 3, 20, 18);
    const next = at(LONDON, 2027, 3, 28, 9);
    const elapsed = new Date(next.getTime() + (remind.getTime() - due.getTime()));
    for (const zone of [undefined, null, "", "UTC"]) expect(movedRemindAt(next, due, remind, zone)).toEqual(elapsed);
    expect(wall(elapsed, LONDON)).toBe("Sat 27 Mar, 17:00");
    // After the due time stays after it, by as much.
    const late = new Date(due.getTime() + minutes(120));
    expect(movedRemindAt(next, due, late)).toEqual(new Date(next.getTime() + minutes(120)));
  });

  it("never puts a reminder on the other side of the due time", () => {
    // A reminder at the due time stays at it; one a minute before stays before it.
    const due = at(LONDON, 2027, 3, 27, 1, 30);
    const next = at(LONDON, 2027, 3, 28, 2, 0); // 02:00 BST, just after the skipped hour
    expect(movedRemindAt(next, due, due, LONDON)).toEqual(next);
    const found = movedRemindAt(next, due, new Date(due.getTime() - minutes(1)), LONDON);
    expect(found.getTime()).toBeLessThan(next.getTime());
  });
});
