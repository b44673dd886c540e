/**
 * A repeating task moved off its rule's days: "Every Mon" due on a Tuesday is that one instance
 * moved, not the series (recurring-service goes on from the rule's days: the next one is due on
 * a Monday again). Said in the edit drawer when the due date is changed so, and on the row.
 * Only for rules that pin days (weekly on named weekdays, monthly on numbered days, the last day
 * (BYMONTHDAY=-1) or placed weekdays (BYDAY=1MO), any of them in some months only: pinnedDays) and
 * repeat from the due date: a rule without them goes on from wherever the
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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Pinned = { fits: (date: Date) => boolean; said: string; one: string };

/**
 * The days `rrule` keeps its instances on, said ("every Monday", "on the 15th", "on the 1st Monday
 * of Jan, Apr, Jul and Oct"), and one of them named from a day off them ("first weekday", "first
 * Monday or Thursday", "next 1st of a month", "next 1st Monday of Jan, Apr, Jul or Oct"), or null.
 * Pinned: weekly (or daily) on named weekdays; monthly on numbered days, the last day, or placed
 * weekdays (BYDAY=1MO, -1FR); each of them in some months only (BYMONTH), as a yearly rule with
 * BYMONTH is too. Not: a rule whose day comes from its start (monthly with only BYMONTH), BYSETPOS,
 * or days and month days together.
 */
function pinnedDays(rrule: string): Pinned | null {
  const p = parseRRule(rrule);
  if (p.BYSETPOS) return null;
  if (p.BYMONTH && !/^(?:[1-9]|1[0-2])(?:,(?:[1-9]|1[0-2]))*$/.test(p.BYMONTH)) return null;
  const months = p.BYMONTH ? p.BYMONTH.split(",").map(Number) : null;
  const days = daysOf(p);
  if (!days) return null;
  if (!months) return days;
  const names = months.map((month) => MONTHS[month - 1]);
  // Weekdays "in Jan and Feb"; days of a month "of Jan, Apr, Jul and Oct".
  const word = p.FREQ === "WEEKLY" || p.FREQ === "DAILY" ? "in" : "of";
  return {
    fits: (date) => months.includes(date.getMonth() + 1) && days.fits(date),
    said: `${days.said} ${word} ${joinAnd(names)}`,
    one: `${days.one.replace(/ of (?:a|the) month$/, "")} ${word} ${joinOr(names)}`,
  };
}

/** pinnedDays without the months. */
function daysOf(p: Record<string, string>): Pinned | null {
  const interval = Number(p.INTERVAL ?? "1") || 1;
  if ((p.FREQ === "WEEKLY" || p.FREQ === "DAILY") && p.BYDAY && !p.BYMONTHDAY) {
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
  // A yearly rule's month days and placed weekdays count within the month only with BYMONTH.
  const monthly = p.FREQ === "MONTHLY" || (p.FREQ === "YEARLY" && Boolean(p.BYMONTH));
  if (!monthly) return null;
  const lastDay = (date: Date) => new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  if (p.BYMONTHDAY && /^(?:\d+|-1)(?:,(?:\d+|-1))*$/.test(p.BYMONTHDAY) && !p.BYDAY) {
    // -1 is the month's last day ("every month on the last day"), as rrule.ts says it.
    const days = p.BYMONTHDAY.split(",").map(Number);
    const named = days.filter((day) => day > 0).map(ordinal);
    const last = days.includes(-1);
    return {
      fits: (date) => days.includes(date.getDate()) || (last && lastDay(date) === date.getDate()),
      said: `on ${joinAnd([...(named.length ? [`the ${joinAnd(named)}`] : []), ...(last ? ["the last day"] : [])])}`,
      one: named.length ? `next ${joinOr([...named, ...(last ? ["last day"] : [])])} of a month` : "last day of the month",
    };
  }
  // Placed weekdays: "1MO" the month's first Monday, "-1FR" its last Friday.
  const placed = p.BYDAY && !p.BYMONTHDAY ? p.BYDAY.split(",").map((token) => /^([+-]?[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(token)) : [];
  if (!placed.length || placed.some((m) => !m)) return null;
  const slots = placed.map((m) => ({ place: Number(m![1]), day: m![2] }));
  const placeOf = (n: number) => (n === -1 ? "last" : n < 0 ? `${ordinal(-n)} last` : ordinal(n));
  // Grouped by day, in the order written: "the 1st and 3rd Monday".
  const byDay = new Map<string, string[]>();
  for (const { place, day } of slots) byDay.set(day, [...(byDay.get(day) ?? []), placeOf(place)]);
  const phrases = [...byDay].map(([day, places]) => `${joinAnd(places)} ${NAMES[day]}`);
  return {
    fits: (date) =>
      slots.some(
        ({ place, day }) =>
          CODES[date.getDay()] === day &&
          (place > 0 ? Math.ceil(date.getDate() / 7) === place : Math.floor((lastDay(date) - date.getDate()) / 7) + 1 === -place),
      ),
    said: `on the ${joinAnd(phrases)}`,
    one: `next ${joinOr(phrases)} of a month`,
  };
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
