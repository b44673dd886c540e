/**
 * Short, plain-English names for the RRULE bodies tasks carry ("Every month on the 1st"), for
 * list rows and chips. The server's /api/recurrence/preview gives the full description; this
 * is the offline, instant version for the common shapes, falling back to the rule itself.
 */

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

export function describeRRule(rrule: string): string {
  const p = parseRRule(rrule);
  const unit = UNIT[p.FREQ ?? ""];
  if (!unit) return rrule;
  const interval = Number(p.INTERVAL ?? "1") || 1;
  const days = p.BYDAY?.split(",") ?? [];
  let text: string;
  if (p.FREQ === "WEEKLY" && interval === 1 && days.join(",") === "MO,TU,WE,TH,FR") text = "Every weekday";
  else if (p.FREQ === "WEEKLY" && interval === 1 && days.join(",") === "SA,SU") text = "Every weekend";
  else {
    text = interval === 1 ? `Every ${unit[0]}` : interval === 2 ? `Every other ${unit[0]}` : `Every ${interval} ${unit[1]}`;
    if (days.length && days.every((d) => DAY_NAMES[d])) {
      const names = days.map((d) => DAY_NAMES[d]);
      text = p.FREQ === "WEEKLY" && interval === 1 ? `Every ${names.join(", ")}` : `${text} on ${names.join(", ")}`;
    }
    if (p.BYMONTHDAY && /^-?\d+$/.test(p.BYMONTHDAY)) {
      const day = Number(p.BYMONTHDAY);
      text += day === -1 ? " on the last day" : ` on the ${ordinal(day)}`;
    }
  }
  if (p.COUNT) text += `, ${p.COUNT} times`;
  if (p.UNTIL) text += ` until ${p.UNTIL.slice(0, 4)}-${p.UNTIL.slice(4, 6)}-${p.UNTIL.slice(6, 8)}`;
  return text;
}
