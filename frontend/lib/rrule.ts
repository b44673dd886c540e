/**
 * Short, plain-English names for the RRULE bodies tasks carry ("Every month on the 1st"), for
 * list rows and chips. The server's /api/recurrence/preview gives the full description; this
 * is the offline, instant version for the common shapes, falling back to the rule itself.
 */
import { formatDate } from "./time";
import { browserTimeZone, wallClock } from "./zoned-time";

const DAY_NAMES: Record<string, string> = {
  MO: "Mon",
  TU: "Tue",
  WE: "Wed",
  TH: "Thu",
  FR: "Fri",
  SA: "Sat",
  SU: "Sun",
};

const ALIASES: Record<string, string> = {
  daily: "FREQ=DAILY",
  weekly: "FREQ=WEEKLY",
  monthly: "FREQ=MONTHLY",
  yearly: "FREQ=YEARLY",
  weekdays: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
};

export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

export function parseRRule(rrule: string): Record<string, string> {
  const body = ALIASES[rrule.trim().toLowerCase()] ?? rrule.trim().replace(/^RRULE:/i, "");
  const parts: Record<string, string> = {};
  for (const part of body.split(";")) {
    const [key, value] = part.split("=");
    if (key && value) parts[key.trim().toUpperCase()] = value.trim().toUpperCase();
  }
  return parts;
}

const UNIT: Record<string, [string, string]> = {
  DAILY: ["day", "days"],
  WEEKLY: ["week", "weeks"],
  MONTHLY: ["month", "months"],
  YEARLY: ["year", "years"],
  HOURLY: ["hour", "hours"],
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface DescribeOptions {
  /** IANA zone the end of a series is said in; the browser's by default. */
  timeZone?: string;
  /** The year of this instant (in timeZone) is left out of the end's date; now by default. */
  now?: Date;
}

/**
 * The last day of a series (UNTIL) as the user says it: "Dec 20", or "Dec 20, 2027" in another
 * year (lib/time's rule: "20 Dec" for a reader in Germany). A UTC time ("20261220T225959Z", as the quick-add and the assistant write the end of Dec 20
 * in Paris) is that instant's day in the user's zone (in New York "20261221T045959Z" is Dec 20
 * too); a date or a local time is the day written. Null for what is no such value.
 */
export function untilDay(until: string, options: DescribeOptions = {}): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/i.exec(until.trim());
  if (!m) return null;
  const timeZone = options.timeZone ?? browserTimeZone();
  let [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[7]) {
    const instant = new Date(Date.UTC(year, month - 1, day, Number(m[4]), Number(m[5]), Number(m[6])));
    ({ year, month, day } = wallClock(instant, timeZone));
  }
  if (month < 1 || month > 12) return null;
  const thisYear = wallClock(options.now ?? new Date(), timeZone).year;
  return formatDate(year === thisYear ? "monthDay" : "monthDayYear", Date.UTC(year, month - 1, day), "UTC");
}

/** "Mon", "Mon and Thu", "Mon, Wed and Fri": a list as the assistant says it ("every Monday and Thursday"). */
export function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "1st", "last", "2nd last": the place of a day in its month (BYDAY=-1FR, BYSETPOS=-1). */
function place(n: number): string {
  return n === -1 ? "last" : n < 0 ? `${ordinal(-n)} last` : ordinal(n);
}

/**
 * The days of a monthly (or yearly) rule's BYDAY with places, "the last Fri", "the 1st and 3rd
 * Mon"; with BYSETPOS over plain days, "the last weekday", "the 1st Mon or Tue". Null when the
 * rule has no such days or they are not written as expected.
 */
function placedDays(p: Record<string, string>): string | null {
  const tokens = p.BYDAY?.split(",") ?? [];
  const parsed = tokens.map((t) => /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(t));
  if (!tokens.length || parsed.some((m) => !m)) return null;
  if (p.BYSETPOS) {
    if (parsed.some((m) => m![1]) || !/^-?\d+(?:,-?\d+)*$/.test(p.BYSETPOS)) return null;
    const days = tokens.join(",") === "MO,TU,WE,TH,FR" ? "weekday" : tokens.map((d) => DAY_NAMES[d]).join(" or ");
    return `the ${joinAnd(p.BYSETPOS.split(",").map(Number).map(place))} ${days}`;
  }
  if (parsed.some((m) => !m![1] || !Number(m![1]))) return null;
  // Grouped by day, in the order written: "the 1st and 3rd Mon", "the 1st Mon and last Fri".
  const byDay = new Map<string, string[]>();
  for (const m of parsed) byDay.set(m![2], [...(byDay.get(m![2]) ?? []), place(Number(m![1]))]);
  return `the ${joinAnd([...byDay].map(([day, places]) => `${joinAnd(places)} ${DAY_NAMES[day]}`))}`;
}

/** Parts of a rule describeRRule says; any other restricts it in a way the short name leaves out. */
const SAID = new Set(["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "COUNT", "UNTIL", "WKST", "BYHOUR", "BYMINUTE", "BYSECOND"]);

/** A task's repeat in words, where it is counted from included: "Every 3 days, from completion". */
export function describeRepeat(rrule: string, repeatFrom: string | null | undefined, options: DescribeOptions = {}): string {
  return describeRRule(rrule, options) + (repeatFrom === "completion" ? ", from completion" : "");
}

export function describeRRule(rrule: string, options: DescribeOptions = {}): string {
  const p = parseRRule(rrule);
  const unit = UNIT[p.FREQ ?? ""];
  if (!unit) return rrule;
  const interval = Number(p.INTERVAL ?? "1") || 1;
  const days = p.BYDAY?.split(",") ?? [];
  let text: string;
  // Whether every part that narrows the rule down is in `text`; if not, it says "(custom)".
  let whole = Object.keys(p).every((key) => SAID.has(key));
  const placed = p.FREQ === "MONTHLY" || p.FREQ === "YEARLY" ? placedDays(p) : null;
  const months = (p.FREQ === "YEARLY" || p.FREQ === "MONTHLY") && p.BYMONTH ? p.BYMONTH.split(",").map((m) => MONTHS[Number(m) - 1]) : [];
  // A monthly rule's months are said last ("Every month on the 1st Mon in Jan, Apr, Jul and Oct");
  // a yearly rule's with its days ("Every year on the 1st Mon of Jan, Apr, Jul and Oct").
  const monthly = p.FREQ === "MONTHLY" && months.length > 0 && months.every(Boolean);
  if (months.some((m) => !m)) whole = false;
  if (p.FREQ === "WEEKLY" && interval === 1 && days.join(",") === "MO,TU,WE,TH,FR") text = "Every weekday";
  else if (p.FREQ === "WEEKLY" && interval === 1 && days.join(",") === "SA,SU") text = "Every weekend";
  else {
    text = interval === 1 ? `Every ${unit[0]}` : interval === 2 ? `Every other ${unit[0]}` : `Every ${interval} ${unit[1]}`;
    const of = months.length && months.every(Boolean) && !monthly ? ` of ${joinAnd(months)}` : "";
    if (placed) {
      // "Every month on the last Fri", "Every year on the last Mon of May".
      text += ` on ${placed}${of}`;
    } else if (p.BYSETPOS) whole = false;
    else if (days.length && days.every((d) => DAY_NAMES[d])) {
      const names = days.map((d) => DAY_NAMES[d]);
      text = p.FREQ === "WEEKLY" && interval === 1 ? `Every ${joinAnd(names)}` : `${text} on ${joinAnd(names)}`;
    } else if (days.length) whole = false;
    if (p.BYMONTHDAY && /^-?\d+(?:,-?\d+)*$/.test(p.BYMONTHDAY)) {
      // "on the 1st", "on the 1st and 15th" (twice a month), "on the last day"; in a year "on Mar 15".
      const days = p.BYMONTHDAY.split(",").map(Number);
      const named = days.filter((day) => day > 0).map(ordinal);
      const phrases = [...(named.length ? [`the ${joinAnd(named)}`] : []), ...(days.includes(-1) ? ["the last day"] : [])];
      if (!days.every((day) => day > 0 || day === -1)) whole = false;
      else if (months.length === 1 && !monthly && !placed && days.every((day) => day > 0)) text += ` on ${months[0]} ${joinAnd(days.map(String))}`;
      else if (phrases.length) text += ` on ${joinAnd(phrases)}${placed ? "" : of}`;
    } else if (p.BYMONTHDAY) whole = false;
    else if (months.length && !placed && !monthly) text += ` in ${joinAnd(months)}`;
    if (monthly) text += ` in ${joinAnd(months)}`;
  }
  if (!whole) text += " (custom)";
  if (p.COUNT) text += `, ${p.COUNT} times`;
  if (p.UNTIL) text += ` until ${untilDay(p.UNTIL, options) ?? p.UNTIL}`;
  return text;
}
