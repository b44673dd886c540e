/**
 * A repeating task moved off its rule's days: "Every Mon" due on a Tuesday is that one instance
 * moved, not the series (recurring-service goes on from the rule's days: the next one is due on
 * a Monday again). Said in the edit drawer when the due date is changed so, and on the row.
 * Only for rules that pin days (weekly on named weekdays, monthly on numbered days) and repeat
 * from the due date: a rule without them goes on from wherever the instance is, and one that
 * repeats from completion does not use them.
 */
import { ordinal, parseRRule } from "@/lib/rrule";

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

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The days `rrule` keeps its instances on, said ("every Monday", "on the 15th"), or null. */
function pinnedDays(rrule: string): { fits: (date: Date) => boolean; said: string } | null {
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
    return { fits: (date) => days.includes(CODES[date.getDay()]), said };
  }
  if (p.FREQ === "MONTHLY" && p.BYMONTHDAY && /^\d+(?:,\d+)*$/.test(p.BYMONTHDAY) && !p.BYDAY) {
    const days = p.BYMONTHDAY.split(",").map(Number);
    return { fits: (date) => days.includes(date.getDate()), said: `on the ${joinAnd(days.map(ordinal))}` };
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

/** The user's calendar day of an instant, "YYYY-MM-DD" (the browser's zone, as the drawer shows it). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
