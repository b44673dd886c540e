/**
 * An activity entry in the app's words, from the facts audit-service sends with it
 * (`details`: the title, the due time, the changes with old and new values), with the
 * app's names for priorities and repeats ("Urgent", "Every weekday") and its times left
 * as instants for the feed to write in the reader's zone and style ("Today 9:00 AM").
 *
 * An entry without details (its stored event no longer reads, or an older audit-service)
 * shows its summary as it is: English words, times in UTC ("Nov 28, 2026, 8:00 AM UTC").
 */
import { describeRRule } from "@/lib/rrule";
import { PRIORITY_LABEL, type Priority } from "@/lib/tasks";
import type { ActivityDetails, ActivityItem } from "./stats-data";

/** A piece of an entry's line: words, or a time (`at`: the instant, ISO 8601). */
export type ActivityPart = string | { at: string };

type Change = ActivityDetails["changes"][number];

const REPEAT_FROM: Record<string, string> = { due: "the due date", completion: "completion" };
const empty = (value: unknown) => value === null || value === undefined || value === "";

function time(value: unknown): ActivityPart[] {
  const at = typeof value === "string" ? Date.parse(value) : NaN;
  return [Number.isNaN(at) ? String(value) : { at: new Date(at).toISOString() }];
}

function lowerFirst(parts: ActivityPart[]): ActivityPart[] {
  const [first, ...rest] = parts;
  return typeof first === "string" ? [first.charAt(0).toLowerCase() + first.slice(1), ...rest] : parts;
}

function setChangedRemoved(noun: string, show: (value: unknown) => ActivityPart[]) {
  return (change: Change): ActivityPart[] => {
    if (empty(change.old)) return [`${noun} set to `, ...show(change.new)];
    if (empty(change.new)) return [`${noun} removed`];
    return [`${noun} changed from `, ...show(change.old), " to ", ...show(change.new)];
  };
}

function priority(value: unknown): string {
  return PRIORITY_LABEL[value as Priority] ?? String(value);
}

function tags(change: Change): ActivityPart[] {
  const byKey = (value: unknown) => new Map((Array.isArray(value) ? value : []).map((t) => [String(t).toLowerCase(), String(t)]));
  const old = byKey(change.old);
  const now = byKey(change.new);
  const added = [...now].filter(([key]) => !old.has(key)).map(([, tag]) => tag);
  const removed = [...old].filter(([key]) => !now.has(key)).map(([, tag]) => tag);
  const phrases: string[] = [];
  for (const [names, verb] of [[added, "added"], [removed, "removed"]] as const) {
    const noun = names.length === 1 ? "Tag" : "Tags";
    if (names.length) phrases.push(`${phrases.length ? noun.toLowerCase() : noun} ${names.map((n) => `'${n}'`).join(", ")} ${verb}`);
  }
  return [phrases.join("; ") || "Tags changed"];
}

const PHRASES: Record<string, (change: Change) => ActivityPart[]> = {
  title: (c) => [`Renamed '${String(c.old)}' to '${String(c.new)}'`],
  priority: (c) => [`Priority changed from ${priority(c.old)} to ${priority(c.new)}`],
  due_at: setChangedRemoved("Due date", time),
  remind_at: setChangedRemoved("Reminder", time),
  rrule: setChangedRemoved("Repeat", (rule) => lowerFirst([describeRRule(String(rule))])),
  repeat_from: (c) => [`Repeat from ${REPEAT_FROM[String(c.new)] ?? String(c.new)} instead of ${REPEAT_FROM[String(c.old)] ?? String(c.old)}`],
  tags,
  description: (c) => [empty(c.old) ? "Description added" : empty(c.new) ? "Description removed" : "Description edited"],
};

function changePhrase(change: Change): ActivityPart[] {
  const phrase = PHRASES[change.field];
  if (phrase) return phrase(change);
  const name = change.field.replace(/_/g, " ");
  return [`${name.charAt(0).toUpperCase()}${name.slice(1)} changed`];
}

function updated(details: ActivityDetails, title: string): ActivityPart[] {
  if (!details.changes.length) return [`Updated ${title}`];
  const parts = details.changes.flatMap((change, index) => {
    const phrase = changePhrase(change);
    return index === 0 ? phrase : ["; ", ...lowerFirst(phrase)];
  });
  // A rename already names the task.
  return details.changes.some((c) => c.field === "title") ? parts : [...parts, ` for ${title}`];
}

function told(type: string, details: ActivityDetails): ActivityPart[] | null {
  const title = `'${details.title ?? "a task"}'`;
  switch (type) {
    case "task.created":
      return details.next_instance && details.due_at
        ? [`Next ${title} scheduled for `, ...time(details.due_at)]
        : [`Created ${title}`];
    case "task.completed":
      return [`Completed ${title}`];
    case "task.reopened":
      return [`Reopened ${title}`];
    case "task.deleted":
      if (details.withdrawn) return [`Removed the next ${title} because the previous one was reopened`];
      return [`Deleted ${title}${details.series_ended ? " and ended its series" : ""}`];
    case "reminder.due":
      return details.due_at ? [`Reminder for ${title} (due `, ...time(details.due_at), ")"] : [`Reminder for ${title}`];
    case "task.updated":
      return updated(details, title);
    default:
      return null;
  }
}

/** The entry's line, its words joined and its times apart, in order. */
export function activityParts(item: Pick<ActivityItem, "type" | "summary" | "details">): ActivityPart[] {
  const parts = (item.details && told(item.type, item.details)) ?? [item.summary || item.type];
  return parts.reduce<ActivityPart[]>((joined, part) => {
    const last = joined.at(-1);
    if (typeof part === "string" && typeof last === "string") joined[joined.length - 1] = last + part;
    else joined.push(part);
    return joined;
  }, []);
}
