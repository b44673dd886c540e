"use client";
/**
 * The Tasks screen: quick-add, search, filters (chips), sort, the virtualised list and the edit
 * drawer. The address shows the view: filters and sort (view-url.ts: `?priority=HIGH&due=week&
 * sort=due_at`, only what differs from the defaults) and `?search=<words>`, following the chips,
 * the sort and the search box (replaced, not pushed), so a reload, a bookmark or a shared link
 * shows the same list; `?task=<id>` opens that task. Filters and sort are also remembered in
 * localStorage: /tasks with no view in its address shows the saved one (and the address then
 * says it); a view in the address wins over the saved one without replacing it.
 * Shortcuts: n or q → quick-add, / → search (↓ from it to the first task, ↑ on that back),
 * arrows/j/k + Enter in the list, x completes, s (or a row's tick box; Shift for a range) selects
 * for the selection bar, Escape clears the selection, z undoes (the toast's Undo); ? lists them all
 * on every screen (the app bar's KeyboardShortcuts).
 */
import { useDebounced } from "@/lib/use-debounced";
import { useQuery, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { ArrowDownWideNarrow, ArrowUpNarrowWide, LoaderCircle, Search, X } from "lucide-react";
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputLook } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { useToast, type ToastOptions } from "@/components/ui/toast";
import { ApiError } from "@/lib/api";
import { OPEN_POPUP, isTypingTarget, shortcutAllowed, useHotkeys } from "@/lib/keyboard";
import {
  createdId,
  DEFAULT_FILTERS,
  errorMessage,
  formatDue,
  getParsed,
  keptRemindAt,
  movesNextBack,
  placesOf,
  PRIORITIES,
  restoreInput,
  SEARCH_RESULTS,
  skippedFields,
  taskKeys,
  useDeleteTask,
  useRestoreTask,
  useSetCompleted,
  useTaskList,
  useUpdateTask,
  userTimeZone,
  type ListParams,
  type Order,
  type SortName,
  type Task,
  type TaskFilters,
  type TaskInput,
  type TaskPage,
} from "@/lib/tasks";
import { EmptyState } from "./empty-state";
import { activeChips, FilterChips } from "./filter-chips";
import { FilterMenu } from "./filter-menu";
import { loadParser, QuickAdd } from "./quick-add";
import { TaskList, type TaskListHandle } from "./task-list";
import { loadCelebration } from "./task-row";
import { useFocusReturn } from "./use-focus-return";
import { useSelection } from "./use-selection";
import {
  addressOf,
  addressWithView,
  startingOrder,
  viewFromAddress,
  viewKeyOf,
  viewQuery,
  withViewOf,
  type ViewState,
} from "./view-url";

// The drawer (form, recurrence editor, tag autocomplete) loads on demand, preloaded when idle.
const loadDrawer = () => import("./task-drawer");
type CloseGuard = import("./task-drawer").CloseGuard;
type DeleteTask = import("./task-drawer").DeleteTask;
const TaskDrawer = dynamic(() => loadDrawer().then((m) => m.TaskDrawer), { ssr: false });
// The bar for ticked tasks and its batch actions load on the first tick.
const SelectionBar = dynamic(() => import("./selection-bar"), { ssr: false });

/** After the list is on screen, fetch what the first interactions need. */
function usePreloadWhenIdle() {
  useEffect(() => {
    const preload = () => {
      loadParser().catch(() => {}); // fetched again on first use
      void loadDrawer();
      void loadCelebration();
    };
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(preload, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(preload, 500);
    return () => clearTimeout(timer);
  }, []);
}

export const VIEW_STORAGE_KEY = "todo.tasks.view.v1";

const DEFAULT_VIEW: ViewState = { filters: DEFAULT_FILTERS, sort: null, order: "asc" };
const SORTS: Array<[SortName, string]> = [
  ["priority", "Priority"],
  ["due_at", "Due date"],
  ["created_at", "Created"],
  ["title", "Title"],
];

export { startingOrder };

/**
 * What each direction of a sort means, said for that sort: [asc, desc] in the API's terms
 * (priority asc is the most important first). Relevance (and the server's own order) has no
 * direction.
 */
const DIRECTION_WORDS: Record<Exclude<SortName, "relevance">, Record<Order, string>> = {
  created_at: { asc: "Oldest first", desc: "Newest first" },
  due_at: { asc: "Soonest first", desc: "Latest first" },
  title: { asc: "A to Z", desc: "Z to A" },
  priority: { asc: "Most important first", desc: "Least important first" },
};

/** "Newest first" for Created descending and so on; null for no sort or relevance. */
export function directionWords(sort: SortName | null, order: Order): string | null {
  return sort && sort !== "relevance" ? DIRECTION_WORDS[sort][order] : null;
}

/** Whatever was stored, made safe: unknown values fall back to the defaults. */
export function loadView(raw: string | null): ViewState {
  try {
    const value = raw ? (JSON.parse(raw) as Partial<ViewState>) : {};
    const f: Partial<TaskFilters> = value.filters ?? {};
    const sort = value.sort && SORTS.some(([s]) => s === value.sort) ? value.sort : null;
    return {
      filters: {
        status: f.status === "completed" || f.status === "all" ? f.status : "open",
        priority: Array.isArray(f.priority) ? PRIORITIES.filter((p) => f.priority?.includes(p)) : [],
        due: f.due && ["overdue", "today", "week", "none"].includes(f.due) ? f.due : null,
        tags: Array.isArray(f.tags) ? f.tags.filter((t): t is string => typeof t === "string").slice(0, 10) : [],
      },
      sort,
      // As saved ("Created, oldest first" stays so); none saved: the sort's starting direction.
      order: value.order === "desc" || value.order === "asc" ? value.order : startingOrder(sort),
    };
  } catch {
    return DEFAULT_VIEW;
  }
}

/** What completing (or reopening) `task` says, with Undo; completing one of a series, where it goes on (seriesGoesOn). */
export function toggleToast(task: Task, completing: boolean, undo: () => void, now: Date = new Date()): ToastOptions {
  return completing
    ? {
        tone: "success",
        title: `Completed “${task.title}”`,
        description: seriesGoesOn(task, now),
        action: { label: "Undo", onClick: undo },
      }
    : { tone: "info", title: `Reopened “${task.title}”`, action: { label: "Undo", onClick: undo } };
}

/** What an Undo of skipping `task` says once the task is back: "Skip undone: “Bins” is due Tue 7:00 AM again". */
export function skipUndoneToast(task: Task, now: Date = new Date()): ToastOptions {
  const title = task.due_at ? `Skip undone: “${task.title}” is due ${dueWords(task.due_at, now)} again` : `Skip undone: “${task.title}”`;
  return { tone: "info", title };
}

/**
 * What an Undo of completing (or reopening) `task` says once pressed (z or the toast's button):
 * before, only the list's count changed. No Undo of its own: z does not bounce the task back.
 */
export function toggleUndoneToast(task: Task, completing: boolean): ToastOptions {
  return { tone: "info", title: completing ? `Reopened “${task.title}”` : `Completed “${task.title}” again` };
}

/** A due time as a toast says it, mid-sentence: "tomorrow 7:00 AM", "Tue 7:00 AM". */
function dueWords(iso: string, now: Date = new Date()): string {
  return formatDue(iso, now).replace(/^(Today|Tomorrow|Yesterday)/, (day) => day.toLowerCase());
}

/**
 * What deleting `task` says, with Undo (which makes it again: the API has no undelete; an open
 * instance of a series gets its next instance moved back instead, useRestoreTask). Deleting only
 * that instance, it says where the series goes on, as Skip does: "Next due Mon 9:30 AM" when the
 * task says (its next occurrence, still to come: skippedFields), else that the next one is coming
 * (nextDueWords says when, once it has); nothing for the series' last one.
 */
export function deleteToast(task: Task, undo: () => void, series = false, now: Date = new Date()): ToastOptions {
  const title = `Deleted “${task.title}”${series ? " and stopped its repeats" : ""}`;
  return { tone: "info", title, description: series ? undefined : seriesGoesOn(task, now), action: { label: "Undo", onClick: undo } };
}

/**
 * Where the series of open instance `task` goes on once it is completed or deleted, as Skip says
 * it: "Next due Mon 9:30 AM" when the task says (its next occurrence, still to come:
 * skippedFields), else "The next one will appear shortly."; nothing for a task of no series or
 * the series' last one (due, no next occurrence: seriesNext, the drawer's question).
 */
function seriesGoesOn(task: Task, now: Date): string | undefined {
  if (!movesNextBack(task) || (task.due_at && !task.next_occurrence)) return undefined;
  const next = skippedFields(task, undefined, now)?.due_at;
  return next ? `Next due ${dueWords(next, now)}` : "The next one will appear shortly.";
}

/** Where a series went on once its next instance is there: "Next due Mon 9:30 AM"; null without a due time. */
export function nextDueWords(next: Task, now: Date = new Date()): string | null {
  return next.due_at ? `Next due ${dueWords(next.due_at, now)}` : null;
}

/**
 * What an Undo of deleting `task` says once the server has brought it back ("Restored “Bins”");
 * null when it came back open although it was done (that error toast says so).
 */
export function restoredToast(task: Task, made: Task): ToastOptions | null {
  if (task.completed && !made.completed) return null;
  return { tone: "info", title: `Restored “${task.title}”` };
}

/**
 * What skipping one occurrence of `task` says, with Undo (which moves it back): "Skipped “Bins”",
 * "Next due Tue 7:00 AM" (`next`: its new due time).
 */
export function skipToast(task: Task, next: string, undo: () => void, now: Date = new Date()): ToastOptions {
  const when = dueWords(next, now);
  return { tone: "success", title: `Skipped “${task.title}”`, description: `Next due ${when}`, action: { label: "Undo", onClick: undo } };
}

/**
 * A task brought back by Undo is another task (a new one, or its series' next instance moved
 * back), which the server's order may put elsewhere (last among its equals, first when sorted
 * newest first). In the view it was deleted from it stays where it was: before the task that
 * followed it (else after the one before it, else where the server puts it).
 */
export interface Pin {
  id: string;
  before: string | null;
  after: string | null;
}

/** `id`'s task as a cached list has it (its latest version), if one does. */
function findTask(client: QueryClient, id: string): Task | undefined {
  for (const [, data] of client.getQueriesData<InfiniteData<TaskPage>>({ queryKey: taskKeys.lists() }))
    for (const page of data?.pages ?? []) for (const task of page.items) if (task.id === id) return task;
  return undefined;
}

export function keepInPlace(tasks: Task[], pins: readonly Pin[]): Task[] {
  let list = tasks;
  for (const pin of pins) {
    const from = list.findIndex((t) => t.id === pin.id);
    if (from < 0) continue;
    const rest = list.filter((_, i) => i !== from);
    const before = pin.before === null ? -1 : rest.findIndex((t) => t.id === pin.before);
    const after = pin.after === null ? -1 : rest.findIndex((t) => t.id === pin.after);
    const to = before >= 0 ? before : after >= 0 ? after + 1 : from;
    list = [...rest.slice(0, to), list[from], ...rest.slice(to)];
  }
  return list;
}

/**
 * Where focus goes after deleting `id` from the list on screen: the next task's id, else the
 * previous one's, null when none is left (the quick-add), undefined when it was not in the list.
 */
export function focusAfterDelete(tasks: readonly Task[], id: string): string | null | undefined {
  const index = tasks.findIndex((t) => t.id === id);
  if (index < 0) return undefined;
  return tasks[index + 1]?.id ?? tasks[index - 1]?.id ?? null;
}

/** Where focus is to go once the list is on screen as it should be (the drawer closed). */
type FocusTarget = { kind: "after-delete"; deleted: string; next: string | null } | { kind: "restored"; id: string };

/**
 * What to say when a task just added is not in the list on screen because the search or the
 * filters leave it out (it was added, but nothing on screen showed it), or null when it is shown
 * or may be further down (more pages) or the list could not be fetched. `list` is the list as
 * fetched again after the create.
 */
export function hiddenTaskToast(
  task: Task,
  { list, searched, filtered }: { list: InfiniteData<TaskPage> | undefined; searched: boolean; filtered: boolean },
  clear: () => void,
): ToastOptions | null {
  if (!list || (!searched && !filtered)) return null;
  if (list.pages.some((page) => page.items.some((t) => t.id === task.id))) return null;
  if (list.pages.at(-1)?.next_cursor) return null;
  const by = searched && filtered ? "Your search and filters hide it." : searched ? "Your search hides it." : "Your filters hide it.";
  return {
    tone: "info",
    title: `Added “${task.title}”`,
    description: by,
    action: { label: filtered ? "Clear filters" : "Clear search", onClick: clear },
  };
}

/** The same time of day tomorrow (the browser's calendar), for a task added already past due. */
export function tomorrowAtSameTime(dueIso: string, now: Date): Date {
  const due = new Date(dueIso);
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, due.getHours(), due.getMinutes(), due.getSeconds());
}

/** What `task` moved to tomorrow at its time changes: its due time, and its reminder keeping its place (keptRemindAt). */
export function movedToTomorrow(task: Task, now: Date): Partial<TaskInput> {
  if (!task.due_at) return {};
  const due = tomorrowAtSameTime(task.due_at, now);
  return {
    due_at: due.toISOString(),
    ...(task.remind_at && { remind_at: keptRemindAt(task, due) }),
  };
}

/**
 * What to say when a task just added is already past its due time ("Pay bill today 3pm" typed at
 * 5:17 PM): the list shows it overdue at once, without a word why. Null when it is not.
 */
export function pastDueToast(task: Task, now: Date, moveToTomorrow: () => void): ToastOptions | null {
  if (!task.due_at || task.completed || new Date(task.due_at).getTime() > now.getTime()) return null;
  const due = new Date(task.due_at);
  const when =
    due.toDateString() === now.toDateString()
      ? `${formatDue(task.due_at, now).replace(/^Today /, "")} today`
      : formatDue(task.due_at, now).replace(/^Yesterday/, "yesterday");
  return {
    tone: "info",
    title: `Added “${task.title}”`,
    description: `Due ${when}, which has passed.`,
    action: { label: "Move to tomorrow", onClick: moveToTomorrow },
  };
}

/**
 * What adding a task says, in one toast: hidden by the view (hiddenTaskToast), past due
 * (pastDueToast), or both. Both say both ("Due 3:00 PM today, which has passed. Your filters
 * hide it.") with Move to tomorrow: that fix is only this toast's to offer (else: clear the
 * filters, find the task, open it, change the date), while the filters' own chips and Clear stay
 * on screen.
 */
export function addedToast(hidden: ToastOptions | null, late: ToastOptions | null): ToastOptions | null {
  if (!hidden || !late) return hidden ?? late;
  return { ...late, description: `${late.description} ${hidden.description}` };
}

/**
 * The address of the list showing the search `words` (`href` with ?search= set, or taken out
 * when there are none; its other parameters as they are), or null when `href` already is that.
 */
export function addressWithSearch(href: string, words: string): string | null {
  const url = new URL(href);
  const current = url.searchParams.get("search");
  if (words ? current === words : current === null) return null;
  if (words) url.searchParams.set("search", words);
  else url.searchParams.delete("search");
  return addressOf(url);
}

/** Shows `address` in the address bar, in place (null: it already is): no history entries. */
function replaceAddress(address: string | null) {
  if (address !== null) window.history.replaceState(null, "", address);
}

/** Shows the search `words` in the address bar, in place: typing adds no history entries. */
function replaceSearchInAddress(words: string) {
  replaceAddress(addressWithSearch(window.location.href, words));
}

/** The view saved in localStorage (defaults when there is none or storage is blocked). */
function savedView(): ViewState {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(VIEW_STORAGE_KEY);
  } catch {
    // Storage blocked: defaults.
  }
  return loadView(stored);
}

/**
 * The view to show for the address's `params`, and whether it came from a link: named in the
 * address and not the saved one (a shared link shows the reader's own tasks, which it then says).
 */
function viewFor(params: URLSearchParams): { view: ViewState; linked: boolean } {
  const saved = savedView();
  const named = viewFromAddress(params);
  return { view: named ?? saved, linked: named !== null && viewQuery(named) !== viewQuery(saved) };
}

export function TasksView() {
  const [shown, setShown] = useState<{ view: ViewState; linked: boolean } | null>(null);
  const view = shown?.view ?? null;
  useEffect(() => {
    // localStorage exists only in the browser: read it after hydration, then render the list.
    // A view in the address (a bookmark, a shared link) wins over the saved one.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown(viewFor(new URLSearchParams(window.location.search)));
  }, []);
  // The address says the view on screen, replaced as the search box does it.
  useEffect(() => {
    if (view) replaceAddress(addressWithView(window.location.href, view));
  }, [view]);
  // A link (the app bar's Tasks) or Back to /tasks while it is open: its view, or none named, the saved one.
  const searchParams = useSearchParams();
  const addressKey = viewKeyOf(searchParams);
  const [seenKey, setSeenKey] = useState(addressKey);
  if (seenKey !== addressKey) {
    setSeenKey(addressKey);
    const onScreen = view && viewQuery(view);
    // Not the address written for this view (the plain address for the default one).
    if (onScreen !== null && addressKey !== onScreen && !(addressKey === null && onScreen === "")) {
      setShown(viewFor(searchParams));
    }
  }

  const updateView = useCallback((next: ViewState) => {
    setShown({ view: next, linked: false });
    try {
      localStorage.setItem(VIEW_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Not remembered, still applied.
    }
  }, []);

  if (!view) return <TasksSkeleton />;
  return <TasksScreen view={view} linked={shown?.linked ?? false} onViewChange={updateView} />;
}

function TasksSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading tasks" className="space-y-3">
      <div className="h-8 w-32 animate-pulse rounded-lg bg-surface-2" />
      <div className="h-14 animate-pulse rounded-card bg-surface-2" />
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="h-16 animate-pulse rounded-card bg-surface-2" />
      ))}
    </div>
  );
}

function TasksScreen({
  view,
  linked,
  onViewChange,
}: {
  view: ViewState;
  /** The view came from a link (not the saved one): an empty list says links share filters only. */
  linked: boolean;
  onViewChange: (view: ViewState) => void;
}) {
  const { toast, dismiss, update } = useToast();
  usePreloadWhenIdle();
  const quickAdd = useRef<HTMLInputElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const searchFocus = useFocusReturn((field) => field.parentElement);
  const [quickText, setQuickText] = useState("");
  const searchParams = useSearchParams();
  const [searchText, setSearchText] = useState(() => searchParams.get("search") ?? "");
  const search = useDebounced(searchText.trim(), 250);
  const [leaving, setLeaving] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(() => searchParams.get("task"));
  // The open task, for the Back handler (set at once, before React renders).
  const openRef = useRef(openId);
  // The task whose history entry this page pushed when it opened it: Back closes the drawer.
  const pushedId = useRef<string | null>(null);
  const drawerGuard = useRef<CloseGuard>(null);
  // Links elsewhere (assistant chips, notifications, dashboard) navigate to /tasks?task=<id> or
  // ?search=<words> while this screen may already be mounted: follow the URL when it changes.
  const taskParam = searchParams.get("task");
  const searchParam = searchParams.get("search");
  const [seenParams, setSeenParams] = useState({ task: taskParam, search: searchParam });
  if (seenParams.task !== taskParam || seenParams.search !== searchParam) {
    setSeenParams({ task: taskParam, search: searchParam });
    // A link to a task opens it. Leaving the task's URL (Back) is the popstate handler's to
    // decide: the drawer may have unsaved changes to ask about first.
    if (seenParams.task !== taskParam && taskParam !== null) setOpenId(taskParam);
    if (seenParams.search !== searchParam) {
      // The address follows the box (below): its own search coming back is no news, and the box
      // keeps what was typed since ("pay " stays, not "pay").
      if (searchParam !== null && searchParam !== search) setSearchText(searchParam);
      // Back (or a link) to the list without a search empties the box if it still shows the
      // search left. A task's own entry has no ?search=: there the box keeps its words.
      else if (
        searchParam === null &&
        taskParam === null &&
        seenParams.task === null &&
        searchText.trim() === seenParams.search?.trim()
      ) {
        setSearchText("");
      }
    }
  }
  // The address follows the box, replaced rather than pushed (one history entry however much is
  // typed): a reload or a shared link shows this search, and an emptied box (typed empty, its X,
  // Escape, "Clear search") leaves no ?search= behind to bring the old search back.
  useEffect(() => replaceSearchInAddress(search), [search]);
  const emptied = !searchText.trim();
  useEffect(() => {
    if (emptied) replaceSearchInAddress(""); // at once, not after the debounce
  }, [emptied]);

  const tz = useMemo(() => userTimeZone(), []);
  const params: ListParams = useMemo(
    () => ({
      ...view.filters,
      search,
      sort: view.sort === "relevance" && !search ? null : view.sort,
      order: view.order,
      tz,
    }),
    [view, search, tz],
  );
  const list = useTaskList(params);
  const queryClient = useQueryClient();
  const viewKey = useMemo(() => JSON.stringify(params), [params]);
  // Tasks brought back by Undo, kept where they were while this view (sort, filters, search) stays.
  const [pins, setPins] = useState<{ view: string; list: Pin[] }>({ view: "", list: [] });
  // `mutate` is stable across renders (the mutation object is not), so rows stay memoised.
  const { mutate: setCompleted } = useSetCompleted();
  const { mutate: updateTask } = useUpdateTask();

  const tasks = useMemo(() => {
    const seen = new Set<string>();
    const all: Task[] = [];
    for (const page of list.data?.pages ?? []) {
      for (const task of page.items) {
        if (seen.has(task.id)) continue;
        seen.add(task.id);
        // In the Open view a completed task stays only while its animation plays.
        if (view.filters.status === "open" && task.completed && !leaving.has(task.id)) continue;
        if (view.filters.status === "completed" && !task.completed && !leaving.has(task.id)) continue;
        all.push(task);
      }
    }
    return pins.view === viewKey ? keepInPlace(all, pins.list) : all;
  }, [list.data, view.filters.status, leaving, pins, viewKey]);
  // Tasks ticked for a batch action (the selection bar). Only those the list shows stay ticked:
  // whenever its contents change (search, filters, sort, a task completed or deleted elsewhere),
  // the others are dropped, so the bar's count, its actions and the ticks are what is on screen
  // and a task back in view is not ticked again. `selectMode` is the Select button's (phones:
  // the tick boxes show before the first tick).
  const selection = useSelection();
  const { set: setSelection, toggle: toggleSelected, keep: keepSelected } = selection;
  const [selectMode, setSelectMode] = useState(false);
  const [selectionShows, setSelectionShows] = useState(tasks);
  if (selectionShows !== tasks) {
    setSelectionShows(tasks);
    keepSelected(tasks.map((task) => task.id));
  }
  const selectedTasks = useMemo(() => tasks.filter((task) => selection.ids.has(task.id)), [tasks, selection.ids]);
  const selecting = selectMode || selectedTasks.length > 0;
  const shownTasks = useRef(tasks);
  useEffect(() => {
    shownTasks.current = tasks;
  }, [tasks]);
  const onSelect = useCallback(
    (id: string, range: boolean) => toggleSelected(id, range, shownTasks.current.map((task) => task.id)),
    [toggleSelected],
  );

  // "grocreies" found nothing as typed; the results are for "groceries": say so, highlight that.
  const corrected = (search && list.data?.pages[0]?.corrected_search) || null;

  useHotkeys({
    n: () => quickAdd.current?.focus(),
    q: () => quickAdd.current?.focus(),
    "/": () => searchBox.current?.focus(),
  });

  // Opening a task pushes a history entry (?task=<id>), so the browser's Back (a phone's back
  // gesture) closes the drawer instead of leaving the page with the edits. Closing it goes back
  // past that entry, so the history holds no dead entries.
  // A task just added is shown before the server has made it (an optimistic row, no id yet):
  // opened then, it opens as soon as the server answers (useCreateTask gives the row its id).
  const [openOnceMade, setOpenOnceMade] = useState<string | null>(null);
  const openTask = useCallback((task: Task) => {
    const id = task.id.startsWith("optimistic-") ? createdId(task.id) : task.id;
    setOpenOnceMade(id ? null : task.id);
    if (!id) return;
    setOpenId(id);
    openRef.current = id;
    // The entry to come back to is the list as it is now (its search, not a stale ?search=).
    const words = searchBox.current?.value ?? "";
    const list = words ? `?search=${encodeURIComponent(words)}` : window.location.pathname;
    window.history.replaceState(null, "", withViewOf(list, window.location.href));
    // The task's entry keeps the view too: reloaded, it shows the same list behind the task.
    window.history.pushState(null, "", withViewOf(`?task=${encodeURIComponent(id)}`, window.location.href));
    pushedId.current = id;
  }, []);
  const closeTask = useCallback(() => {
    setOpenId(null);
    openRef.current = null;
    const onPushed = pushedId.current !== null && new URLSearchParams(window.location.search).get("task") === pushedId.current;
    pushedId.current = null;
    if (onPushed) {
      window.history.back();
      return;
    }
    // Opened by a link (?task=<id>): the list's address, with the search the box shows.
    const list = new URL(window.location.href);
    list.searchParams.delete("task");
    const words = searchBox.current?.value.trim() ?? "";
    window.history.replaceState(null, "", addressWithSearch(list.href, words) ?? addressOf(list));
  }, []);
  useEffect(() => {
    openRef.current = openId;
  }, [openId]);
  useEffect(() => {
    const page = window.location.pathname;
    const onBack = () => {
      const id = openRef.current;
      const urlTask = new URLSearchParams(window.location.search).get("task");
      // Nothing open, another task's entry (it opens), or Back left this page altogether.
      if (!id || urlTask !== null || window.location.pathname !== page) return;
      pushedId.current = null;
      if (drawerGuard.current && !drawerGuard.current.mayClose()) {
        // Unsaved changes: stay on the task (its entry back in place) while the drawer asks.
        window.history.pushState(null, "", withViewOf(`?task=${encodeURIComponent(id)}`, window.location.href));
        pushedId.current = id;
        return;
      }
      openRef.current = null;
      setOpenId(null);
    };
    window.addEventListener("popstate", onBack);
    return () => window.removeEventListener("popstate", onBack);
  }, []);

  useEffect(() => {
    if (!openOnceMade) return;
    const id = createdId(openOnceMade);
    // Made: open it. Gone from the list without being made (refused, its toast says): forget it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (id) openTask({ id } as Task);
    else if (!tasks.some((t) => t.id === openOnceMade)) setOpenOnceMade(null);
  }, [openOnceMade, tasks, openTask]);

  const inList = openId ? tasks.find((t) => t.id === openId) : undefined;
  const detail = useQuery({
    queryKey: taskKeys.detail(openId ?? ""),
    queryFn: ({ signal }) => getParsed(`tasks/${encodeURIComponent(openId ?? "")}`, (s) => s.taskSchema, signal),
    enabled: Boolean(openId) && !inList,
    retry: false,
  });
  const openedTask = openId ? (inList ?? detail.data ?? null) : null;
  useEffect(() => {
    if (openId && detail.error) {
      toast({ tone: "error", title: "That task could not be opened", description: errorMessage(detail.error) });
      // eslint-disable-next-line react-hooks/set-state-in-effect
      closeTask();
    }
  }, [openId, detail.error, toast, closeTask]);

  const onToggle = useCallback(
    (task: Task) => {
      if (task.id.startsWith("optimistic-")) return;
      const completing = !task.completed;
      setLeaving((current) => new Set(current).add(task.id));
      setTimeout(
        () =>
          setLeaving((current) => {
            const next = new Set(current);
            next.delete(task.id);
            return next;
          }),
        1100,
      );
      // The toast is withdrawn if the server refuses (the error toast explains why).
      const undo = () => {
        const said = toast(toggleUndoneToast(task, completing));
        setCompleted({ task: { ...task, completed: completing }, completed: !completing }, { onError: () => dismiss(said) });
      };
      const undoToast = toast(toggleToast(task, completing, undo));
      setCompleted({ task, completed: completing }, { onError: () => dismiss(undoToast) });
    },
    [setCompleted, toast, dismiss],
  );

  // "Skip this one" (the drawer): the task moves to where completing it now would put the next
  // one, its reminder with it (skippedFields, as the drawer said it), as the version the drawer
  // showed (If-Match). Undo moves it back, from the
  // version the skip made; if the skip is refused, its toast goes (the error toast says why).
  const { mutateAsync: moveTask } = useUpdateTask();
  const onSkip = useCallback(
    (task: Task, fields: { due_at: string; remind_at?: string }) => {
      const skipped = moveTask({ task, patch: fields, failure: `“${task.title}” was not skipped` });
      const back: Partial<TaskInput> = { due_at: task.due_at, ...(task.remind_at && { remind_at: task.remind_at }) };
      const undo = () => {
        skipped
          .then((moved) => moveTask({ task: moved, patch: back, failure: `“${task.title}” was not moved back` }))
          .then(() => toast(skipUndoneToast(task)))
          .catch(() => {}); // each refusal's error toast says it
      };
      const said = toast(skipToast(task, fields.due_at, undo));
      skipped.catch(() => dismiss(said));
    },
    [moveTask, toast, dismiss],
  );

  // Delete (from the drawer) says so with Undo, which makes the task again where it was. Focus
  // goes to the next task in the list (else the previous one, else the quick-add): the deleted
  // row was where it would have gone back to, and without a row focused the shortcuts stop.
  const listHandle = useRef<TaskListHandle>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const { mutateAsync: removeTask } = useDeleteTask();
  // Still mounted: an answer that comes after the reader has left the screen opens nothing.
  const onScreen = useRef(false);
  useEffect(() => {
    onScreen.current = true;
    return () => {
      onScreen.current = false;
    };
  }, []);
  const { mutateAsync: restoreTask } = useRestoreTask();
  const onDelete = useCallback<DeleteTask>(
    (deleted, { series = false, version } = {}) => {
      // Its series ended too: no next instance to move back, so Undo makes it again, rule and all.
      const task = series ? { ...deleted, series_id: null, parent_task_id: null } : deleted;
      const next = focusAfterDelete(tasks, task.id);
      const index = tasks.findIndex((t) => t.id === task.id);
      const neighbours = index >= 0 ? { before: tasks[index + 1]?.id ?? null, after: tasks[index - 1]?.id ?? null } : null;
      const places = placesOf(queryClient, task.id);
      const deletedIn = viewKey;
      if (next !== undefined) setFocusTarget({ kind: "after-delete", deleted: task.id, next });
      const undo = () =>
        restoreTask({ task, input: restoreInput(task), places }).then(
          (made) => {
            if (neighbours)
              setPins((current) => ({
                view: deletedIn,
                list: [...(current.view === deletedIn ? current.list : []), { id: made.id, ...neighbours }],
              }));
            setFocusTarget({ kind: "restored", id: made.id });
            const said = restoredToast(task, made);
            if (said) toast(said);
          },
          () => {}, // the error toast says it
        );
      const said = toast(deleteToast(task, undo, series));
      removeTask({ task, series, version }).then(
        (next) => {
          // Its series went on: the toast says when the next one is due (gone already: nothing).
          const words = next && nextDueWords(next);
          if (words) update(said, { description: words });
        },
        (error: unknown) => {
          // Refused (its error toast says why): nothing to undo.
          dismiss(said);
          // Changed elsewhere (412): "shown as it is now" is the drawer open on it again, its
          // lists refetched by now (the mutation's onSettled comes first). Not over another task
          // opened meanwhile, away from a field being typed in, or once the screen has gone.
          const typing = isTypingTarget(document.activeElement);
          if (!onScreen.current) return;
          // The row stays: focus goes to it, not to the one after it where the delete was to put it
          // (nor later, once the row leaves for another reason: completed elsewhere, filtered out).
          // Not away from a field being typed in meanwhile, nor from a task opened meanwhile.
          setFocusTarget((current) =>
            current?.kind === "after-delete" && current.deleted === task.id ? (typing ? null : { kind: "restored", id: task.id }) : current,
          );
          if (!(error instanceof ApiError && error.status === 412) || openRef.current || typing) return;
          // Closed again, focus goes to its row.
          setFocusTarget({ kind: "restored", id: task.id });
          openTask(task);
        },
      );
    },
    [tasks, queryClient, viewKey, restoreTask, removeTask, toast, dismiss, update, openTask],
  );
  useEffect(() => {
    if (!focusTarget || openId !== null) return;
    if (focusTarget.kind === "after-delete") {
      if (tasks.some((t) => t.id === focusTarget.deleted)) return; // still leaving the list
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setFocusTarget(null);
      if (!(focusTarget.next && listHandle.current?.focusTask(focusTarget.next))) quickAdd.current?.focus();
      return;
    }
    setFocusTarget(null);
    // Not away from a field being typed in meanwhile (the new task takes a request to make).
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.matches("input, textarea, select, [contenteditable]")) return;
    listHandle.current?.focusTask(focusTarget.id);
  }, [focusTarget, openId, tasks]);

  // The bar goes once nothing is ticked: focus in it (or fallen to <body> with it) goes back to
  // the list, on `id`'s row if it is still there, else the first.
  const focusListAfterBar = useCallback((id: string | undefined) => {
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && !active.closest('[aria-label="Selected tasks"]')) return;
      const first = shownTasks.current[0]?.id;
      if (!(id && listHandle.current?.focusTask(id)) && !(first && listHandle.current?.focusTask(first))) quickAdd.current?.focus();
    });
  }, []);
  const clearSelection = useCallback(() => {
    const first = shownTasks.current.find((task) => selection.ids.has(task.id))?.id;
    setSelection([]);
    setSelectMode(false);
    focusListAfterBar(first);
  }, [selection.ids, setSelection, focusListAfterBar]);
  const onBatchFinished = useCallback(
    (failed: string[], acted: string[], kept: boolean) => {
      // A priority or tag change: the same tasks stay ticked, focus stays in the bar.
      if (kept) return setSelection(acted);
      setSelection(failed);
      if (failed.length) return;
      setSelectMode(false);
      focusListAfterBar(acted.find((id) => shownTasks.current.some((task) => task.id === id)));
    },
    [setSelection, focusListAfterBar],
  );
  // Escape clears the selection, unless something else has it: a field (the search box, the
  // quick-add), an open menu or popover, a dialog or the drawer.
  useEffect(() => {
    if (!selecting) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !shortcutAllowed(event) || document.querySelector(OPEN_POPUP)) return;
      event.preventDefault();
      clearSelection();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [selecting, clearSelection]);

  const status = view.filters.status;
  const leaves = useCallback(
    (task: Task) => (status === "open" && task.completed) || (status === "completed" && !task.completed),
    [status],
  );
  const { fetchNextPage } = list;
  // cancelRefetch: false — a second call while a page is on its way must not restart it.
  const loadMore = useCallback(() => void fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);

  const setFilters = (filters: TaskFilters) => onViewChange({ ...view, filters });
  const clearAll = () => {
    setSearchText("");
    onViewChange({ ...view, filters: DEFAULT_FILTERS });
  };
  const chips = activeChips(view.filters);
  const filtered = chips.length > 0 || Boolean(search);
  // A task added while the search or filters hide it would vanish without a word: say so. The
  // create settles (and its toast's button is pressed) later: read the view as it is then.
  const latest = useRef({ view, params });
  useEffect(() => {
    latest.current = { view, params };
  }, [view, params]);
  const onAdded = (task: Task) => {
    const { params: now } = latest.current;
    const key = taskKeys.list(now);
    if (queryClient.getQueryState(key)?.status === "error") return;
    const said = hiddenTaskToast(
      task,
      {
        list: queryClient.getQueryData<InfiniteData<TaskPage>>(key),
        searched: Boolean(now.search),
        filtered: activeChips(now).length > 0,
      },
      () => {
        setSearchText("");
        onViewChange({ ...latest.current.view, filters: DEFAULT_FILTERS });
      },
    );
    // Added already past due: said, with a way to move it to tomorrow at that time.
    const late = pastDueToast(task, new Date(), () => {
      const current = queryClient.getQueryData<Task>(taskKeys.detail(task.id)) ?? findTask(queryClient, task.id) ?? task;
      updateTask({ task: current, patch: movedToTomorrow(current, new Date()) });
    });
    // Both in one toast, not two.
    const added = addedToast(said, late);
    if (added) toast(added);
  };
  // Only the status filter set: Completed has its own empty state; All empty means no tasks at all.
  const onlyStatus = !search && chips.length === 1 && chips[0].key === "status";
  const loading = list.isPending;
  // A search answers its best SEARCH_RESULTS matches only: as many as that may mean more matched.
  const capped =
    Boolean(params.search) &&
    !list.hasNextPage &&
    (list.data?.pages ?? []).reduce((sum, page) => sum + page.items.length, 0) >= SEARCH_RESULTS;
  const sortValue = params.sort ?? "default";
  // What the order means for this sort ("Newest first"), and what the button switches to.
  const direction = directionWords(params.sort, view.order);
  const otherDirection = directionWords(params.sort, view.order === "asc" ? "desc" : "asc");

  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between gap-3">
        {/* Focused after signing in (RouteFocus): no Tab stop, no ring. */}
        <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-text outline-none">
          Tasks
        </h1>
        {/* Phones (no hover): the tick boxes show on every row from here; elsewhere a row's own shows on hover or focus. */}
        {tasks.length > 0 && (
          <button
            type="button"
            onClick={() => (selecting ? clearSelection() : setSelectMode(true))}
            className="ml-auto hidden min-h-11 rounded-md px-3 text-sm font-semibold text-accent touch:inline-flex touch:items-center"
          >
            {selecting ? "Cancel" : "Select"}
          </button>
        )}
        <p className="flex items-center gap-1.5 text-sm text-muted" aria-live="polite">
          {list.isPlaceholderData && list.isFetching && !list.isError && (
            <LoaderCircle aria-label="Updating" className="h-4 w-4 animate-spin text-accent" />
          )}
          {loading
            ? ""
            : capped
              ? `Top ${SEARCH_RESULTS} matches — refine the search to see others`
              : `${tasks.length}${list.hasNextPage ? "+" : ""} ${tasks.length === 1 ? "task" : "tasks"}`}
        </p>
      </div>

      <QuickAdd ref={quickAdd} value={quickText} onValueChange={setQuickText} onAdded={onAdded} />

      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-[1_1_14rem]">
          <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-muted" />
          <label htmlFor="task-search" className="sr-only">
            Search tasks
          </label>
          <input
            id="task-search"
            ref={searchBox}
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onFocus={searchFocus.onFocus}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                // Words: Escape clears them. Empty: it leaves the box, focus back where it came from.
                if (searchText) setSearchText("");
                else searchFocus.leave(e.currentTarget);
              } else if (e.key === "ArrowDown" && !(e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) && tasks[0]) {
                // Into the results: the first row (the list's arrows go on from there; ↑ comes back).
                e.preventDefault();
                listHandle.current?.focusTask(tasks[0].id);
              }
            }}
            placeholder="Search"
            aria-keyshortcuts="/"
            className={cn(inputLook, "peer h-10 w-full py-2 pl-9 pr-9 [&::-webkit-search-cancel-button]:hidden")}
          />
          {/* The shortcut, for keyboards only: not on touch screens, not once something is typed. */}
          <kbd
            aria-hidden
            data-testid="search-shortcut-hint"
            className="pointer-events-none absolute right-3 top-1/2 hidden -translate-y-1/2 rounded border border-border px-1.5 font-mono text-xs text-muted peer-placeholder-shown:block peer-focus:hidden touch:hidden!"
          >
            /
          </kbd>
          {searchText && (
            <button
              type="button"
              aria-label="Clear search"
              onClick={() => {
                // The button goes with the words: focus to the box, not to the body.
                setSearchText("");
                searchBox.current?.focus();
              }}
              className="absolute right-1.5 top-1/2 grid h-7 w-7 -translate-y-1/2 place-items-center rounded-md text-muted hover:bg-surface-2 hover:text-text"
            >
              <X aria-hidden className="h-4 w-4" />
            </button>
          )}
        </div>
        <FilterMenu filters={view.filters} onChange={setFilters} />
        <div className="flex items-center gap-1">
          <label htmlFor="task-sort" className="sr-only">
            Sort by
          </label>
          <select
            id="task-sort"
            value={sortValue}
            onChange={(e) => {
              const sort = e.target.value === "default" ? null : (e.target.value as SortName);
              onViewChange({ ...view, sort, order: startingOrder(sort) });
            }}
            className={cn(inputLook, "h-10 w-auto py-2 pl-3 pr-8")}
          >
            <option value="default">{search ? "Best match" : "Smart order"}</option>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <Button
            className="h-10 px-3"
            disabled={!direction}
            // Its name holds the words it shows (axe: label-content-name-mismatch).
            aria-label={direction ? `Sort direction: ${direction}` : "Sort direction"}
            title={
              direction && otherDirection
                ? `Switch to ${otherDirection.startsWith("Z") || otherDirection.startsWith("A") ? otherDirection : otherDirection.toLowerCase()}`
                : "Choose a sort to set the direction"
            }
            onClick={() => onViewChange({ ...view, order: view.order === "asc" ? "desc" : "asc" })}
          >
            {view.order === "asc" ? (
              <ArrowUpNarrowWide aria-hidden className="h-4 w-4" />
            ) : (
              <ArrowDownWideNarrow aria-hidden className="h-4 w-4" />
            )}
            {direction}
          </Button>
        </div>
      </div>

      <FilterChips filters={view.filters} onChange={setFilters} onClear={clearAll} />

      {corrected && tasks.length > 0 && (
        <p role="status" className="text-sm text-muted">
          No tasks match “<span className="break-all">{search}</span>”. Showing results for{" "}
          <strong className="break-all font-semibold text-text">{corrected}</strong>.
        </p>
      )}

      {list.isError && list.data && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          <span>
            <strong className="font-semibold">Showing earlier results:</strong> {errorMessage(list.error)}
          </span>
          <Button size="sm" onClick={() => void list.refetch()}>
            Retry
          </Button>
        </div>
      )}

      {list.isError && !list.data ? (
        <div role="alert" className="rounded-card border border-border bg-danger-soft p-4 text-sm text-danger">
          <p className="font-semibold">Your tasks could not be loaded.</p>
          <p className="mt-1">{errorMessage(list.error)}</p>
          <Button className="mt-3" size="sm" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </div>
      ) : loading ? (
        <div role="status" aria-busy="true" aria-label="Loading tasks" className="space-y-2">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="h-16 animate-pulse rounded-card bg-surface-2" />
          ))}
        </div>
      ) : tasks.length === 0 ? (
        <EmptyState
          filtered={filtered && !(onlyStatus && view.filters.status === "all")}
          completedOnly={onlyStatus && view.filters.status === "completed"}
          linked={linked}
          onClear={clearAll}
          onExample={(text) => {
            setQuickText(text);
            quickAdd.current?.focus();
          }}
        />
      ) : (
        <TaskList
          stale={list.isPlaceholderData}
          tasks={tasks}
          search={corrected ?? search}
          recent={leaving}
          leaves={leaves}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={loadMore}
          onOpen={openTask}
          onToggle={onToggle}
          onUpFromTop={() => searchBox.current?.focus()}
          selected={selection.ids}
          selecting={selecting}
          onSelect={onSelect}
          ref={listHandle}
        />
      )}
      {selectedTasks.length > 0 && <SelectionBar tasks={selectedTasks} onClear={clearSelection} onFinished={onBatchFinished} />}
      <p className="hidden text-xs text-muted sm:block">
        Shortcuts: <kbd className="font-mono">n</kbd> new task · <kbd className="font-mono">/</kbd> search ·{" "}
        <kbd className="font-mono">↑</kbd> <kbd className="font-mono">↓</kbd> move · <kbd className="font-mono">Enter</kbd>{" "}
        open · <kbd className="font-mono">x</kbd> complete · <kbd className="font-mono">s</kbd> select ·{" "}
        <kbd className="font-mono">z</kbd> undo ·{" "}
        <kbd className="font-mono">Esc</kbd> close ·{" "}
        <kbd className="font-mono">?</kbd> all shortcuts
      </p>

      <TaskDrawer task={openedTask} onClose={closeTask} onDelete={onDelete} onSkip={onSkip} guard={drawerGuard} />
    </div>
  );
}
