/**
 * The Tasks view (filters and sort) in the address, so a bookmark, a shared link or a reload shows
 * it: the list API's own parameter names (API.md), each only when it differs from the default, so
 * the plain /tasks stays plain. "My HIGH and VERY_IMPORTANT work tasks due this week, latest first":
 *
 *   /tasks?priority=VERY_IMPORTANT,HIGH&tags=Work&due=week&sort=due_at&order=desc
 *
 * `status` open|completed|all, `priority` and `tags` comma lists, `due` overdue|today|week|none,
 * `sort` priority|due_at|created_at|title (relevance: the default order, best match when searching),
 * `order` asc|desc, written only when it is not the sort's starting direction. What cannot be read
 * (priority=URGENT, due=someday, sort=foo, order=up, a tag over 32 characters) is left out value by
 * value: what is asked of the API from here is always something it answers. Pure: no React.
 */
import { MAX_TAG_LENGTH, MAX_TAGS, addTags } from "@/lib/tags";
import { PRIORITIES, type DueFilter, type Order, type SortName, type StatusFilter, type TaskFilters } from "@/lib/tasks";

export interface ViewState {
  filters: TaskFilters;
  sort: SortName | null;
  order: Order;
}

/**
 * The direction a sort starts in when it is picked: what people expect first from it. Newest first
 * for Created; soonest due first, A→Z, highest priority first (the API's asc) for the others. The
 * direction button flips it from there.
 */
export function startingOrder(sort: SortName | null): Order {
  return sort === "created_at" ? "desc" : "asc";
}

/** The parameters that are the view's (`search` and `task` are not). */
export const VIEW_PARAMS = ["status", "priority", "tags", "due", "sort", "order"] as const;

const STATUSES: readonly StatusFilter[] = ["open", "completed", "all"];
const DUES: readonly DueFilter[] = ["overdue", "today", "week", "none"];
const SORTS: readonly SortName[] = ["priority", "due_at", "created_at", "title"];

/** One word of a closed set, any case, or null. */
function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  const word = value?.trim().toLowerCase();
  return allowed.find((a) => a === word) ?? null;
}

/**
 * The tags of a comma list as the tag field takes them (addTags: trimmed, no leading "#", the
 * first spelling of each ignoring case, at most 10), leaving out what no task can have and the
 * API refuses: over 32 characters, control characters.
 */
function tagsOf(value: string): string[] {
  const fit = value
    .split(",", 100) // a long list: the first 10 that fit are all that is kept anyway
    .map((part) => part.trim().replace(/^#+/, "").trim())
    .filter((tag) => tag.length <= MAX_TAG_LENGTH && !/\p{Cc}/u.test(tag));
  return addTags([], fit.join(","), MAX_TAGS).tags;
}

/**
 * The view an address names, or null when it names none (no view parameter at all: the saved
 * view is shown). Each value that cannot be read is the default instead.
 */
export function viewFromAddress(params: URLSearchParams): ViewState | null {
  if (!VIEW_PARAMS.some((name) => params.has(name))) return null;
  const asked = new Set((params.get("priority") ?? "").split(",", 20).map((p) => p.trim().toUpperCase().replace(/[\s-]+/g, "_")));
  const sort = oneOf(params.get("sort"), SORTS);
  return {
    filters: {
      status: oneOf(params.get("status"), STATUSES) ?? "open",
      priority: PRIORITIES.filter((p) => asked.has(p)),
      due: oneOf(params.get("due"), DUES),
      tags: tagsOf(params.get("tags") ?? ""),
    },
    sort,
    // Without a sort the order means nothing (the server's own order, or best match).
    order: (sort && oneOf(params.get("order"), ["asc", "desc"] as const)) || startingOrder(sort),
  };
}

/** Commas read as commas: `tags=Work,Home` rather than `tags=Work%2CHome` (both mean the same). */
function tidy(query: string): string {
  return query.replace(/%2C/gi, ",");
}

/** The view as query parameters, only those that differ from the defaults: "" for the default view. */
export function viewQuery(view: ViewState): string {
  const { status, priority, tags, due } = view.filters;
  const query = new URLSearchParams();
  if (status !== "open") query.set("status", status);
  if (priority.length) query.set("priority", PRIORITIES.filter((p) => priority.includes(p)).join(","));
  if (tags.length) query.set("tags", tags.join(","));
  if (due) query.set("due", due);
  if (view.sort && view.sort !== "relevance") {
    query.set("sort", view.sort);
    if (view.order !== startingOrder(view.sort)) query.set("order", view.order);
  }
  return tidy(query.toString());
}

/** `url` as an address to give history (path, query, hash), commas read as commas. */
export function addressOf(url: URL): string {
  return url.pathname + tidy(url.search) + url.hash;
}

/**
 * `href` showing `view` (its view parameters replaced, `search`, `task` and the rest kept), or
 * null when it already does.
 */
export function addressWithView(href: string, view: ViewState): string | null {
  const url = new URL(href);
  const wanted = viewQuery(view);
  const isView = ([name]: [string, string]) => (VIEW_PARAMS as readonly string[]).includes(name);
  if (tidy(new URLSearchParams([...url.searchParams].filter(isView)).toString()) === wanted) return null;
  for (const name of VIEW_PARAMS) url.searchParams.delete(name);
  for (const [name, value] of new URLSearchParams(wanted)) url.searchParams.append(name, value);
  return addressOf(url);
}

/** `address` (relative to `href`: "?task=…", a path) with `href`'s view parameters, so it shows the same view. */
export function withViewOf(address: string, href: string): string {
  const from = new URL(href);
  const url = new URL(address, from);
  for (const name of VIEW_PARAMS) {
    url.searchParams.delete(name);
    for (const value of from.searchParams.getAll(name)) url.searchParams.append(name, value);
  }
  return addressOf(url);
}

/**
 * What on screen an address's view parameters stand for, to notice when they change (a link,
 * Back): the view's query, or null when the address names no view.
 */
export function viewKeyOf(params: URLSearchParams): string | null {
  const view = viewFromAddress(params);
  return view && viewQuery(view);
}
