/**
 * A repeating task moved off its rule's days: "Every Mon" due on a Tuesday is that one instance
 * moved, not the series (recurring-service goes on from the rule's days: the next one is due on
 * a Monday again). Said in the edit drawer when the due date is changed so, and on the row.
 * Only for rules that pin days (weekly on named weekdays, monthly on numbered days or the last
 * day, BYMONTHDAY=-1) and repeat from the due date: a rule without them goes on from wherever the
 * instance is, and one that repeats from completion does not use them.
 */
import { joinAnd, ordinal, parseRRule } from "@/lib/rrule";

const CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const NAMES: Record<string, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};

function joinOr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/**
 * The days `rrule` keeps its instances on, said ("every Monday", "on the 15th"), and one of them
 * named from a day off them ("first weekday", "first Monday or Thursday", "next 1st of a month"),
 * or null.
 */
function pinnedDays(rrule: string): { fits: (date: Date) => boolean; said: string; one: string } | null {
  const p = parseRRule(rrule);
  const interval = Number(p.INTERVAL ?? "1") || 1;
  if ((p.FREQ === "WEEKLY" || p.FREQ === "DAILY") && p.BYDAY) {
    const days = p.BYDAY.split(",");
    if (!days.every((day) => NAMES[day])) return null;
    const names = days.map((day) => NAMES[day]);
    const weekdays = days.length === 5 && ["MO", "TU", "WE", "TH", "FR"].every((day) => days.includes(day));
    const said =
      p.FREQ === "WEEKLY" && interval === 2
        ? `every other ${joinAnd(names)}`
        : interval === 1 || p.FREQ === "DAILY"
          ? weekdays
            ? "every weekday"
            : `every ${joinAnd(names)}`
          : `every ${interval} weeks on ${joinAnd(names)}`;
    return { fits: (date) => days.includes(CODES[date.getDay()]), said, one: `first ${weekdays ? "weekday" : joinOr(names)}` };
  }
  if (p.FREQ === "MONTHLY" && p.BYMONTHDAY && /^(?:\d+|-1)(?:,(?:\d+|-1))*$/.test(p.BYMONTHDAY) && !p.BYDAY) {
    // -1 is the month's last day ("every month on the last day"), as rrule.ts says it.
    const days = p.BYMONTHDAY.split(",").map(Number);
    const named = days.filter((day) => day > 0).map(ordinal);
    const last = days.includes(-1);
    const lastDay = (date: Date) => new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate() === date.getDate();
    return {
      fits: (date) => days.includes(date.getDate()) || (last && lastDay(date)),
      said: `on ${joinAnd([...(named.length ? [`the ${joinAnd(named)}`] : []), ...(last ? ["the last day"] : [])])}`,
      one: named.length ? `next ${joinOr([...named, ...(last ? ["last day"] : [])])} of a month` : "last day of the month",
    };
  }
  return null;
}

/**
 * When a task repeating by `rrule` (from its due date) is due on `dueDate` ("YYYY-MM-DD", the
 * user's calendar day), off the rule's days: what the series stays ("every Monday"); else null.
 */
export function offRule(rrule: string | null, dueDate: string, repeatFrom: "due" | "completion"): string | null {
  if (!rrule || !dueDate || repeatFrom !== "due") return null;
  const date = new Date(`${dueDate}T12:00:00`);
  if (Number.isNaN(date.getTime())) return null;
  const pinned = pinnedDays(rrule);
  return pinned && !pinned.fits(date) ? pinned.said : null;
}

/**
 * Where a series starts when a repeat is chosen for a task due on `dueDate` ("YYYY-MM-DD") that is
 * off the rule's days ("every weekday" on a Saturday): the rule's first day on or after it, as
 * "YYYY-MM-DD", with that day named ("the first weekday"); null when the due day fits, the rule
 * pins no days, it repeats from completion, or there is no date. The assistant starts a series the
 * same way (chat README: "starts at the rule's first slot"); INTERVAL counts from there.
 */
export function firstSlot(
  rrule: string | null,
  dueDate: string,
  repeatFrom: "due" | "completion",
): { date: string; first: string } | null {
  if (!rrule || !dueDate || repeatFrom !== "due") return null;
  const start = new Date(`${dueDate}T12:00:00`);
  if (Number.isNaN(start.getTime())) return null;
  const pinned = pinnedDays(rrule);
  if (!pinned || pinned.fits(start)) return null;
  for (let ahead = 1; ahead <= 400; ahead++) {
    const day = new Date(start.getFullYear(), start.getMonth(), start.getDate() + ahead, 12);
    if (pinned.fits(day)) return { date: localDay(day.toISOString()), first: `the ${pinned.one}` };
  }
  return null;
}

/** The user's calendar day of an instant, "YYYY-MM-DD" (the browser's zone, as the drawer shows it). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
