/**
 * Tasks on the client: TanStack Query keys, the list query and the mutations with their
 * optimistic updates. The API's Task shape is checked with the zod schemas in lib/task-schemas.ts.
 *
 * Query keys — everything about tasks lives under ["tasks"], so after any change made elsewhere
 * (the assistant, another tab) `queryClient.invalidateQueries({ queryKey: ["tasks"] })` refreshes
 * every list, every open task and the tag list at once:
 *   ["tasks"]                               taskKeys.all
 *   ["tasks", "list", ListParams]           taskKeys.list(params): infinite list pages (GET /api/tasks)
 *   ["tasks", "detail", id]                 taskKeys.detail(id): one task (GET /api/tasks/{id})
 *   ["tasks", "tags"]                       taskKeys.tags: GET /api/tags {suggested, used}
 *   ["recurrence-preview", rrule, dtstart, tz]   GET /api/recurrence/preview (not task data)
 */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import type { Task, TaskPage } from "./task-schemas";
import { useToast } from "@/components/ui/toast";
import { api, ApiError } from "./api";
import { formatDate, formatTime } from "./time";
import { browserTimeZone, movedRemindAt } from "./zoned-time";

// -- schemas ---------------------------------------------------------------------------------

export const PRIORITIES = ["VERY_IMPORTANT", "HIGH", "MEDIUM", "LOW"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABEL: Record<Priority, string> = {
  VERY_IMPORTANT: "Urgent",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
};

export type { RecurrencePreview, Tags, Task, TaskPage } from "./task-schemas";

type Schemas = typeof import("./task-schemas");
const loadSchemas = (): Promise<Schemas> => import("./task-schemas");

/**
 * GET through lib/api.ts, then check the body against a schema from lib/task-schemas.ts, which
 * loads alongside the request.
 */
export async function getParsed<T>(
  path: string,
  pick: (schemas: Schemas) => { parse(data: unknown): T },
  signal?: AbortSignal,
): Promise<T> {
  const [schemas, body] = await Promise.all([loadSchemas(), api<unknown>(path, { signal })]);
  return pick(schemas).parse(body);
}

async function parseTask(body: unknown): Promise<Task> {
  return (await loadSchemas()).taskSchema.parse(body);
}

/** The API's limit on a title, in characters (code points, as the task service counts them). */
export const MAX_TITLE_LENGTH = 200;
export const TITLE_TOO_LONG = `Keep the title to ${MAX_TITLE_LENGTH} characters.`;

/** A title's length as the task service counts it (an emoji is one character, not two). */
export function titleLength(title: string): number {
  return [...title].length;
}

/** The writable fields (POST body; PATCH sends any subset). */
export interface TaskInput {
  title: string;
  description?: string;
  priority?: Priority;
  tags?: string[];
  due_at?: string | null;
  remind_at?: string | null;
  rrule?: string | null;
  repeat_from?: "due" | "completion";
  /** IANA zone the task repeats in, keeping its wall-clock time across DST; null repeats in UTC. */
  timezone?: string | null;
}

// -- list parameters -------------------------------------------------------------------------

export type StatusFilter = "open" | "completed" | "all";
export type DueFilter = "overdue" | "today" | "week" | "none";
/** The wall-clock time a due date given without a time is due at (the drawer, the repeat editor). */
export const DEFAULT_DUE_TIME = "09:00";

export type SortName = "priority" | "due_at" | "created_at" | "title" | "relevance";
export type Order = "asc" | "desc";

export interface TaskFilters {
  status: StatusFilter;
  priority: Priority[];
  due: DueFilter | null;
  tags: string[];
}

export interface ListParams extends TaskFilters {
  search: string;
  /** null: the server's default order (priority, then due date; relevance when searching). */
  sort: SortName | null;
  order: Order;
  /** IANA zone for due=today|week. */
  tz: string;
}

export const DEFAULT_FILTERS: TaskFilters = { status: "open", priority: [], due: null, tags: [] };

export const PAGE_SIZE = 100;

/** The API's cap on a search: its best matches only, at most this many (API.md, `search`). */
export const SEARCH_RESULTS = 50;

export function listQueryString(params: ListParams, cursor: string | null): string {
  const query = new URLSearchParams();
  if (params.search.trim()) query.set("search", params.search.trim());
  query.set("status", params.status);
  if (params.priority.length) query.set("priority", params.priority.join(","));
  if (params.tags.length) query.set("tags", params.tags.join(","));
  if (params.due) query.set("due", params.due);
  if (params.due === "today" || params.due === "week") query.set("tz", params.tz);
  if (params.sort) {
    query.set("sort", params.sort);
    query.set("order", params.order);
  }
  query.set("limit", String(PAGE_SIZE));
  if (cursor) query.set("cursor", cursor);
  return query.toString();
}

export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => ["tasks", "list"] as const,
  list: (params: ListParams) => ["tasks", "list", params] as const,
  detail: (id: string) => ["tasks", "detail", id] as const,
  tags: ["tasks", "tags"] as const,
};

/** The user's IANA zone: the browser's. */
export const userTimeZone = browserTimeZone;

/**
 * A body that sets a repeat carries the user's zone (Task `timezone`): the series then repeats at
 * its due time's wall-clock time there, "every Monday 9:00" staying 9:00 when summer time starts.
 * Without one the server repeats it in UTC, an hour off after the change. Other bodies go as given.
 */
export function withTimeZone<T extends Partial<TaskInput>>(input: T): T {
  return input.rrule ? { ...input, timezone: input.timezone ?? userTimeZone() } : input;
}

// -- queries ---------------------------------------------------------------------------------

export function useTaskList(params: ListParams) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      getParsed(`tasks?${listQueryString(params, pageParam)}`, (s) => s.taskPageSchema, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTags() {
  return useQuery({
    queryKey: taskKeys.tags,
    queryFn: ({ signal }) => getParsed("tags", (s) => s.tagsSchema, signal),
    staleTime: 60_000,
  });
}

export function useRecurrencePreview(rrule: string | null, dtstart: string | null, tz: string) {
  return useQuery({
    queryKey: ["recurrence-preview", rrule, dtstart, tz],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ rrule: rrule ?? "", tz });
      if (dtstart) query.set("dtstart", dtstart);
      return getParsed(`recurrence/preview?${query}`, (s) => s.recurrencePreviewSchema, signal);
    },
    enabled: Boolean(rrule && rrule.trim()),
    staleTime: 5 * 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

// -- optimistic cache edits ------------------------------------------------------------------

type ListData = InfiniteData<TaskPage, string | null>;
type Snapshot = Array<[readonly unknown[], unknown]>;

function snapshot(client: QueryClient): Snapshot {
  return client.getQueriesData({ queryKey: taskKeys.all });
}

function restore(client: QueryClient, saved: Snapshot): void {
  for (const [key, data] of saved) client.setQueryData(key, data);
}

/**
 * One task back as `saved` had it (in each list, at its place; its detail), the rest of the cache
 * as it is now: the other changes of a batch made meanwhile stay.
 */
function restoreOne(client: QueryClient, saved: Snapshot, id: string): void {
  for (const [key, data] of saved) {
    if (key[1] === "detail" && key[2] === id) client.setQueryData(key, data);
    if (key[1] !== "list") continue;
    const before = data as ListData | undefined;
    const p = before?.pages.findIndex((page) => page.items.some((task) => task.id === id)) ?? -1;
    const index = p >= 0 ? before!.pages[p].items.findIndex((task) => task.id === id) : -1;
    client.setQueryData<ListData>(key, (now) =>
      now && {
        ...now,
        pages: now.pages.map((page, i) => {
          const items = page.items.filter((task) => task.id !== id);
          if (i === p) items.splice(Math.min(index, items.length), 0, before!.pages[p].items[index]);
          return { ...page, items };
        }),
      },
    );
  }
}

/**
 * Runs the requests of a batch (several tasks changed at once; components/tasks/bulk-actions.ts):
 * a mutation given one sends its request through it, and leaves its failure to the batch (its own
 * toast unsaid, only its own task put back) and the lists' refresh too (once, at the batch's end).
 */
export interface Batch {
  run<T>(send: () => Promise<T>): Promise<T>;
}

const sendVia = <T>(batch: Batch | undefined, send: () => Promise<T>) => (batch ? batch.run(send) : send());

function putBack(client: QueryClient, saved: Snapshot | undefined, id: string, batch: Batch | undefined): void {
  if (saved && batch) restoreOne(client, saved, id);
  else if (saved) restore(client, saved);
}

/** Applies `edit` to every cached list page; `edit` returns null to drop a task. */
function editLists(client: QueryClient, edit: (task: Task) => Task | null): void {
  client.setQueriesData<ListData>({ queryKey: taskKeys.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.flatMap((task) => {
              const next = edit(task);
              return next ? [next] : [];
            }),
          })),
        }
      : data,
  );
}

function editTask(client: QueryClient, id: string, patch: (task: Task) => Task | null): void {
  editLists(client, (task) => (task.id === id ? patch(task) : task));
  client.setQueryData<Task>(taskKeys.detail(id), (task) => (task ? (patch(task) ?? undefined) : task));
}

/** Puts a new task at the top of every cached list that would show an open task. */
function prependToLists(client: QueryClient, task: Task): void {
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists() })) {
    const params = key[2] as ListParams | undefined;
    if (!data || !params || params.status === "completed" || params.search || params.due || params.priority.length || params.tags.length)
      continue;
    const [first, ...rest] = data.pages;
    if (!first || data.pages.some((page) => page.items.some((t) => t.id === task.id))) continue;
    client.setQueryData<ListData>(key, { ...data, pages: [{ ...first, items: [task, ...first.items] }, ...rest] });
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : "Something went wrong.";
}

// -- mutations -------------------------------------------------------------------------------

function newIdempotencyKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * One Idempotency-Key per create, whatever number of times it is sent: a create made offline
 * waits (TanStack Query pauses it) and is sent when the browser is back online, and a retry of
 * it must not make a second task. Keyed on the mutation's variables, the one object a mutation
 * keeps from mutate() through every attempt. The optimistic row's id carries it too.
 */
const createKeys = new WeakMap<TaskInput, string>();

export function createKeyOf(input: TaskInput): string {
  let key = createKeys.get(input);
  if (!key) {
    key = newIdempotencyKey();
    createKeys.set(input, key);
  }
  return key;
}

/**
 * The task the server made for each row made here, by its optimistic row's id (createdId,
 * savedTask). Kept while a task list is cached (forgetWhenListsGo): a view may still hold the
 * optimistic id (a tick, the row last focused, a batch under way).
 */
const createdTasks = new Map<string, Task>();

/**
 * The server's id for the task an optimistic row (`optimistic-…`) stands for, once its create has
 * been answered; undefined before (or for any other id).
 */
export function createdId(optimisticId: string): string | undefined {
  return createdTasks.get(optimisticId)?.id;
}

/**
 * The wait for the server's task of each row made here, by its optimistic row's id: made when the
 * row is shown, settled and let go when the create is answered (savedTask).
 */
const saves = new Map<string, { promise: Promise<Task>; resolve: (task: Task) => void; reject: (error: unknown) => void }>();

function expectSave(shown: string): void {
  let resolve!: (task: Task) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Task>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  promise.catch(() => {}); // a refused create says so in its own toast; nobody need be waiting
  saves.set(shown, { promise, resolve, reject });
}

/**
 * The task as the server has it: `task` itself, or for an optimistic row (`optimistic-…`, shown
 * before its create is answered) the task the server made, once it has (at once when it has
 * already). Rejects when the create was refused. A request about the task needs its server's id:
 * the optimistic one is no task there.
 */
export function savedTask(task: Task): Promise<Task> {
  if (!task.id.startsWith("optimistic-")) return Promise.resolve(task);
  const made = createdTasks.get(task.id);
  if (made) return Promise.resolve(made);
  return saves.get(task.id)?.promise ?? Promise.reject(new Error("This task was not added."));
}

/** The optimistic row's id of each task made here, by the server's id (rowKey); kept as createdTasks is. */
const shownIds = new Map<string, string>();

/** Clients whose cache is watched for the moment no task list is left (forgetWhenListsGo). */
const watched = new WeakSet<QueryClient>();

/**
 * Forgets the tasks made here once `client` caches no task list: signed out (app-header clears the
 * query client) or no list shown for the cache's time. No row is left to keep its key then, and no
 * view holding an optimistic id. Until then each task added keeps two short entries.
 */
function forgetWhenListsGo(client: QueryClient): void {
  if (watched.has(client)) return;
  watched.add(client);
  const cache = client.getQueryCache();
  const stop = cache.subscribe((event) => {
    if (event.type !== "removed" || cache.findAll({ queryKey: taskKeys.lists() }).length > 0) return;
    createdTasks.clear();
    shownIds.clear();
    stop();
    watched.delete(client);
  });
}

/** How many entries each of the maps above holds (tests: they are let go). */
export function madeHereSizes(): { created: number; shown: number; saves: number } {
  return { created: createdTasks.size, shown: shownIds.size, saves: saves.size };
}

/**
 * What the list keys `id`'s row by: for a task made here, the id its optimistic row had. When the
 * server's task takes that row's place, the row is the same element, not a new one: focus in it
 * stays (a new element would drop it to <body>, and the keyboard shortcuts with it).
 */
export function rowKey(id: string): string {
  return shownIds.get(id) ?? id;
}

export function useCreateTask() {
  const client = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: async (input: TaskInput) =>
      parseTask(
        await api("tasks", { method: "POST", body: withTimeZone(input), headers: { "Idempotency-Key": createKeyOf(input) } }),
      ),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: taskKeys.lists() });
      const saved = snapshot(client);
      const now = new Date().toISOString();
      expectSave(`optimistic-${createKeyOf(input)}`);
      prependToLists(client, {
        id: `optimistic-${createKeyOf(input)}`,
        title: input.title,
        description: input.description ?? "",
        completed: false,
        completed_at: null,
        priority: input.priority ?? "MEDIUM",
        tags: input.tags ?? [],
        due_at: input.due_at ?? null,
        remind_at: input.remind_at ?? null,
        rrule: input.rrule ?? null,
        repeat_from: input.repeat_from ?? "due",
        timezone: withTimeZone(input).timezone ?? null,
        is_recurring: Boolean(input.rrule),
        series_id: null,
        parent_task_id: null,
        next_occurrence: null,
        version: 0,
        created_at: now,
        updated_at: now,
      });
      return { saved };
    },
    onError: (error, input, context) => {
      if (context) restore(client, context.saved);
      const shown = `optimistic-${createKeyOf(input)}`;
      saves.get(shown)?.reject(error);
      saves.delete(shown);
      toast({ tone: "error", title: "The task was not added", description: errorMessage(error) });
    },
    // The row shown meanwhile becomes the task made at once, not after the lists' refetch: it can
    // be opened (its id is the server's) and its detail is known.
    onSuccess: (task, input) => {
      const shown = `optimistic-${createKeyOf(input)}`;
      createdTasks.set(shown, task);
      shownIds.set(task.id, shown);
      forgetWhenListsGo(client);
      editLists(client, (other) => (other.id === shown ? task : other));
      client.setQueryData(taskKeys.detail(task.id), task);
      saves.get(shown)?.resolve(task);
      saves.delete(shown);
    },
    onSettled: () => client.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

/**
 * A PATCH of `task` (If-Match: its version). `failure`: what its error toast says ("“Bins” was not
 * skipped") instead of the drawer's words about its form, 412 said as changed elsewhere.
 */
export function useUpdateTask() {
  const client = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: async ({ task, patch, batch }: { task: Task; patch: Partial<TaskInput>; batch?: Batch; failure?: string }) =>
      parseTask(
        await sendVia(batch, () =>
          api(`tasks/${encodeURIComponent(task.id)}`, {
            method: "PATCH",
            body: withTimeZone(patch),
            headers: { "If-Match": String(task.version) },
          }),
        ),
      ),
    onMutate: async ({ task, patch }) => {
      await client.cancelQueries({ queryKey: taskKeys.all });
      const saved = snapshot(client);
      editTask(client, task.id, (current) => ({ ...current, ...patch, is_recurring: Boolean(patch.rrule ?? current.rrule) }) as Task);
      return { saved };
    },
    onError: (error, { task, batch, failure }, context) => {
      putBack(client, context?.saved, task.id, batch);
      if (batch) return;
      const conflict = error instanceof ApiError && error.status === 412;
      if (failure) {
        toast({ tone: "error", title: failure, description: conflict ? `It ${CHANGED_ELSEWHERE}.` : errorMessage(error) });
        return;
      }
      toast({
        tone: "error",
        title: conflict ? "This task changed somewhere else" : "Your changes were not saved",
        description: conflict
          ? "It has been reloaded; your edits are still in the form. Save again to apply them."
          : errorMessage(error),
      });
    },
    onSuccess: (task) => editTask(client, task.id, () => task),
    // A batch refreshes the lists once, when all of it has settled (not once per task).
    onSettled: (_data, _error, { batch }) => (batch ? undefined : client.invalidateQueries({ queryKey: taskKeys.all })),
  });
}

/**
 * What "Skip this one" changes in an open repeating `task`: its due time to where completing it
 * now would put the next one, its reminder keeping its place (keptRemindAt), as the assistant's
 * skip does (chat planner _skip; both are todo_common.next_due). Repeating from the due date: the rule's first slot after
 * both its due time and now, so an overdue one lands on a slot still to come: its
 * next_occurrence (as task-service plans it, COUNT and UNTIL heeded) while that is still to come,
 * else `nextDue`. Repeating from completion: one interval of the rule from now, `nextDue`.
 * `nextDue` is recurring-service's answer (useSkippedFields); undefined while not known, null when
 * the series has none. Not completed: no completion is recorded, no next instance made. Null when
 * there is no next one (not repeating, no due time, the series' last, done) or it is not known yet.
 */
export function skippedFields(
  task: Task,
  nextDue?: string | null,
  now: Date = new Date(),
): { due_at: string; remind_at?: string } | null {
  if (!task.rrule || task.completed || task.id.startsWith("optimistic-")) return null;
  if (!task.due_at || !task.next_occurrence) return null;
  const target = task.repeat_from === "due" && !skipNeedsServer(task, now) ? task.next_occurrence : nextDue;
  if (!target) return null;
  const shift = new Date(target).getTime() - new Date(task.due_at).getTime();
  if (!(shift > 0)) return null;
  return {
    due_at: target,
    ...(task.remind_at && { remind_at: keptRemindAt(task, target) }),
  };
}

/** Whether skipping `task` needs recurring-service's /next: its next occurrence is past, or it repeats from completion. */
function skipNeedsServer(task: Task, now: Date): boolean {
  if (task.repeat_from !== "due") return true;
  return task.next_occurrence !== null && new Date(task.next_occurrence).getTime() <= now.getTime();
}

/** How old recurring-service's /next answer may be when Skip is pressed; older, it is asked again. */
export const SKIP_ANSWER_MS = 60_000;

type SkipFields = { due_at: string; remind_at?: string };

/**
 * skippedFields of `task` (`fields`, null: none offered), asking recurring-service's
 * /api/recurrence/next where completing it now would put the next one when its next_occurrence
 * does not say it; and where Skip, pressed now, moves it. The answer was of when the drawer opened:
 * with the drawer left open (an hourly rule, Skip pressed an hour later) it could be a slot already
 * past. `now()` is that place when what is known still holds (the next occurrence still to come,
 * or an answer under SKIP_ANSWER_MS old whose slot is still to come), else undefined; `ask()` asks
 * recurring-service again.
 */
export function useSkippedFields(task: Task | null): {
  fields: SkipFields | null;
  now: () => SkipFields | null | undefined;
  ask: () => Promise<SkipFields | null>;
} {
  const client = useQueryClient();
  const asks = Boolean(task && task.rrule && task.due_at && task.next_occurrence && !task.completed && skipNeedsServer(task, new Date()));
  const queryKey = ["recurrence-next", task?.rrule, task?.due_at, task?.timezone, task?.repeat_from];
  const queryFn = ({ signal }: { signal?: AbortSignal }) => {
    const query = new URLSearchParams({
      rrule: task!.rrule!,
      due_at: task!.due_at!,
      tz: task!.timezone ?? "UTC",
      repeat_from: task!.repeat_from,
    });
    return getParsed(`recurrence/next?${query}`, (s) => s.recurrenceNextSchema, signal);
  };
  const next = useQuery({
    queryKey,
    queryFn,
    enabled: asks,
    // From completion, "now" moves on: asked again when the drawer opens again.
    staleTime: 0,
    retry: false,
  });
  const fields = task ? skippedFields(task, next.data?.next_due) : null;
  const now = () => {
    if (!task) return null;
    const at = new Date();
    if (!skipNeedsServer(task, at)) return skippedFields(task, undefined, at);
    const known = client.getQueryState<{ next_due: string | null }>(queryKey);
    const due = known?.data?.next_due;
    if (!known?.data || at.getTime() - known.dataUpdatedAt >= SKIP_ANSWER_MS) return undefined;
    if (due && new Date(due).getTime() <= at.getTime()) return undefined;
    return skippedFields(task, due, at);
  };
  const ask = async () => {
    if (!task) return null;
    const answer = await client.fetchQuery({ queryKey, queryFn, staleTime: 0, retry: false });
    return skippedFields(task, answer.next_due);
  };
  return { fields, now, ask };
}

/**
 * `task`'s reminder once it is due at `dueAt` instead: as far from the due time as it was, on the
 * wall clock of the task's zone (else the user's), so "the evening before at 18:00" stays at 18:00
 * across a daylight-saving change (movedRemindAt, the rule the assistant and recurring-service keep).
 */
export function keptRemindAt(task: Pick<Task, "due_at" | "remind_at" | "timezone">, dueAt: string | Date): string | undefined {
  if (!task.due_at || !task.remind_at) return undefined;
  return movedRemindAt(new Date(dueAt), new Date(task.due_at), new Date(task.remind_at), task.timezone || userTimeZone()).toISOString();
}

/**
 * The complete/reopen request of each task still on its way. The next one for the same task is
 * sent once it has settled: an Undo tapped while a slow completion is still on the network would
 * otherwise reach the server first (a no-op on an open task), the completion after it, and the task
 * would end up completed although the list showed it back. Other tasks are not held back.
 */
const completionsInFlight = new Map<string, Promise<unknown>>();

function afterEarlierCompletions<T>(taskId: string, send: () => Promise<T>): Promise<T> {
  const earlier = completionsInFlight.get(taskId) ?? Promise.resolve();
  // A failed earlier request does not stop this one (its own error toast says what happened).
  const request = earlier.then(send, send);
  const settled = request.then(
    () => undefined,
    () => undefined,
  );
  completionsInFlight.set(taskId, settled);
  void settled.then(() => {
    if (completionsInFlight.get(taskId) === settled) completionsInFlight.delete(taskId);
  });
  return request;
}

/** The key of useSetCompleted's mutation (the bell takes a completed task's reminder toast away). */
export const completeMutationKey = ["tasks", "complete"] as const;

/** When the lists look again for a series' next instance, which recurring-service makes through events a moment after a completion or a delete (ms after it). */
export const NEXT_INSTANCE_REFRESH_MS = [2500, 6000] as const;

/** The task lists fetched again at NEXT_INSTANCE_REFRESH_MS: a next instance on its way shows without a reload. */
export function refreshForNextInstance(client: QueryClient): void {
  for (const ms of NEXT_INSTANCE_REFRESH_MS) setTimeout(() => void client.invalidateQueries({ queryKey: taskKeys.all }), ms);
}

/** Complete or reopen. Lists refresh a moment later so the completion animation can play. */
export function useSetCompleted() {
  const client = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationKey: completeMutationKey,
    mutationFn: ({ task, completed, batch }: { task: Task; completed: boolean; batch?: Batch }) =>
      afterEarlierCompletions(task.id, async () =>
        parseTask(
          await sendVia(batch, () =>
            api(`tasks/${encodeURIComponent(task.id)}/${completed ? "complete" : "reopen"}`, { method: "POST" }),
          ),
        ),
      ),
    onMutate: async ({ task, completed }) => {
      await client.cancelQueries({ queryKey: taskKeys.all });
      const saved = snapshot(client);
      const completedAt = completed ? new Date().toISOString() : null;
      editTask(client, task.id, (current) => ({ ...current, completed, completed_at: completedAt }));
      // Undo after the list dropped it: put it back at once, the refetch then orders it.
      if (!completed) prependToLists(client, { ...task, completed: false, completed_at: null });
      return { saved };
    },
    onError: (error, { task, completed, batch }, context) => {
      putBack(client, context?.saved, task.id, batch);
      if (batch) return;
      toast({
        tone: "error",
        title: completed ? `“${task.title}” was not completed` : `“${task.title}” was not reopened`,
        description: errorMessage(error),
      });
    },
    onSuccess: (task) => editTask(client, task.id, (current) => ({ ...task, completed: current.completed && task.completed })),
    onSettled: (_data, _error, { task, completed, batch }) => {
      if (batch) return; // the batch refreshes once at its end
      const refresh = () => void client.invalidateQueries({ queryKey: taskKeys.all });
      if (!completed) return refresh();
      // Not while an Undo of it is still on its way: the list would drop the task, then bring it back.
      setTimeout(() => {
        if (!completionsInFlight.has(task.id)) refresh();
      }, 900);
      // A recurring instance's successor arrives through events shortly after.
      if (completed && task.rrule) refreshForNextInstance(client);
    },
  });
}

/**
 * Why a change was refused with 412 (the task had another version by then), after which the lists
 * are fetched again: the words of a batch's failure (bulk-actions.ts) and of the drawer's delete.
 */
export const CHANGED_ELSEWHERE = "changed somewhere else meanwhile (shown as it is now)";

export function useDeleteTask() {
  const client = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    // series: its series ends too, no next instance (task-service's DELETE ?series=true, one request).
    // version: only that version of it (If-Match; 412 if it has changed since), as the drawer
    // showed it. Without (the selection bar's rows), whatever version it has now.
    // Resolves to the series' next instance when one open instance of it was deleted ("Delete this
    // one"): recurring-service makes it through events a moment after the 204, so the lists are
    // fetched again once it is there (as after a completion), not at once, before it is. Null
    // otherwise, or when none came within nextInstanceWait (the series had ended).
    mutationFn: async ({ task, series, version, batch }: { task: Task; series?: boolean; version?: number; batch?: Batch }) => {
      await sendVia(batch, () =>
        api<void>(`tasks/${encodeURIComponent(task.id)}${series ? "?series=true" : ""}`, {
          method: "DELETE",
          headers: version === undefined ? undefined : { "If-Match": String(version) },
        }),
      );
      // A batch looks again at its end (selection-bar's refresh). A failed look is no failed delete.
      if (series || batch || !movesNextBack(task)) return null;
      return findNextInstance(task).catch(() => null);
    },
    onMutate: async ({ task }) => {
      await client.cancelQueries({ queryKey: taskKeys.all });
      const saved = snapshot(client);
      editLists(client, (current) => (current.id === task.id ? null : current));
      return { saved };
    },
    onError: (error, { task, batch }, context) => {
      putBack(client, context?.saved, task.id, batch);
      if (batch) return;
      // 412: not the API's version sentence; the refetch (onSettled) shows the task as it is now.
      const conflict = error instanceof ApiError && error.status === 412;
      toast({
        tone: "error",
        title: `“${task.title}” was not deleted`,
        description: conflict ? `It ${CHANGED_ELSEWHERE}.` : errorMessage(error),
      });
    },
    // A batch refreshes the lists once, when all of it has settled (not once per task).
    onSettled: (_data, _error, { batch }) => (batch ? undefined : client.invalidateQueries({ queryKey: taskKeys.all })),
  });
}

/** Where a task sits in each cached list: [query key, page, index in the page]. */
export type ListPlaces = Array<[readonly unknown[], number, number]>;

export function placesOf(client: QueryClient, id: string): ListPlaces {
  const places: ListPlaces = [];
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists() })) {
    data?.pages.forEach((page, p) => {
      const index = page.items.findIndex((task) => task.id === id);
      if (index >= 0) places.push([key, p, index]);
    });
  }
  return places;
}

/**
 * The fields a deleted task is made again with (the API has no undelete), as the assistant's undo
 * of a delete does (chat planner's _bring_back): title, description, priority, tags, due and
 * reminder times, repeat. A completed instance of a series comes back as a one-off: completing a
 * new series would make a second next instance besides the one the deleted task already made.
 */
export function restoreInput(task: Task): TaskInput {
  const oneOff = task.completed && task.rrule;
  return {
    ...movedBackFields(task),
    rrule: oneOff ? null : task.rrule,
    repeat_from: oneOff ? "due" : task.repeat_from,
    timezone: oneOff ? null : task.timezone,
  };
}

/**
 * Deleting an open instance of a series makes its next instance (recurring-service, a moment
 * later, through events). Undo moves that one back rather than making the task again, which would
 * start a second series beside it: two open instances. As the assistant's undo does.
 */
export function movesNextBack(task: Task): boolean {
  return !task.completed && Boolean(task.rrule) && Boolean(task.series_id);
}

/** Whether `other` is the instance `task`'s series went on with (its parent is the series' first task). */
export function isNextInstanceOf(other: Task, task: Task): boolean {
  return (
    other.id !== task.id &&
    !other.completed &&
    other.series_id === task.series_id &&
    other.parent_task_id === (task.parent_task_id ?? task.id)
  );
}

/** How long Undo waits for the next instance to appear, looking every `intervalMs`. */
export const nextInstanceWait = { timeoutMs: 5_000, intervalMs: 300 };

/**
 * The next instance of deleted `task`'s series, looked for by its title among the open tasks (else
 * among the newest open ones), waiting for it up to nextInstanceWait; null when none came (the
 * series had ended).
 */
export async function findNextInstance(task: Task, wait = nextInstanceWait): Promise<Task | null> {
  const looks = 1 + Math.round(wait.timeoutMs / wait.intervalMs);
  const searched = new URLSearchParams({ search: task.title, status: "open", limit: "50" });
  const newest = new URLSearchParams({ status: "open", sort: "created_at", order: "desc", limit: "20" });
  for (let look = 0; look < looks; look++) {
    if (look) await new Promise((resolve) => setTimeout(resolve, wait.intervalMs));
    for (const query of [searched, newest]) {
      const page = await getParsed(`tasks?${query}`, (s) => s.taskPageSchema);
      const found = page.items.find((other) => isNextInstanceOf(other, task));
      if (found) return found;
    }
  }
  return null;
}

/** What the next instance takes back from the deleted one (the repeat is the series', the same). */
export function movedBackFields(task: Task): Pick<TaskInput, "title" | "description" | "priority" | "tags" | "due_at" | "remind_at"> {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags,
    due_at: task.due_at,
    remind_at: task.remind_at,
  };
}

/**
 * Undo of a delete: the task made again from its fields (`input`, restoreInput), completed again
 * if it was, shown at once where it was in each list (`places`, taken before the delete). An open
 * instance of a series is its next instance moved back instead (movesNextBack), made again only if
 * none came. Resolves to the task brought back (its id is not the deleted one's).
 */
export function useRestoreTask() {
  const client = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: ({ task, input, batch }: { task: Task; input: TaskInput; places: ListPlaces; batch?: Batch }) =>
      sendVia(batch, async () => {
      const next = movesNextBack(task) ? await findNextInstance(task) : null;
      if (next)
        return parseTask(
          await api(`tasks/${encodeURIComponent(next.id)}`, {
            method: "PATCH",
            body: movedBackFields(task),
            headers: { "If-Match": String(next.version) },
          }),
        );
      const made = await parseTask(
        await api("tasks", { method: "POST", body: withTimeZone(input), headers: { "Idempotency-Key": createKeyOf(input) } }),
      );
      if (!task.completed) return made;
      try {
        return await parseTask(await api(`tasks/${encodeURIComponent(made.id)}/complete`, { method: "POST" }));
      } catch (error) {
        toast({ tone: "error", title: `“${task.title}” is back, but open`, description: errorMessage(error) });
        return made;
      }
    }),
    onMutate: async ({ task, input, places }) => {
      await client.cancelQueries({ queryKey: taskKeys.all });
      const saved = snapshot(client);
      const shown: Task = { ...task, ...input, id: `optimistic-${createKeyOf(input)}`, is_recurring: Boolean(input.rrule) } as Task;
      // The next instance, if a list shows it already, is the task coming back: shown once, where it was.
      if (movesNextBack(task)) editLists(client, (other) => (isNextInstanceOf(other, task) ? null : other));
      for (const [key, p, index] of places) {
        client.setQueryData<ListData>(key, (data) => {
          if (!data?.pages[p] || data.pages.some((page) => page.items.some((t) => t.id === shown.id))) return data;
          const pages = data.pages.map((page, i) => {
            if (i !== p) return page;
            const items = [...page.items];
            items.splice(Math.min(index, items.length), 0, shown);
            return { ...page, items };
          });
          return { ...data, pages };
        });
      }
      return { saved, shown: shown.id };
    },
    onError: (error, { task, batch }, context) => {
      putBack(client, context?.saved, context?.shown ?? task.id, batch);
      if (!batch) toast({ tone: "error", title: `“${task.title}” was not brought back`, description: errorMessage(error) });
    },
    // The task brought back takes the place of the one shown meanwhile (same spot, so focus can go
    // to it), and in that list nowhere else (a next instance a refetch showed while it was looked
    // for). A list that no longer shows the stand-in has it updated where it is.
    onSuccess: (made, _vars, context) =>
      client.setQueriesData<ListData>({ queryKey: taskKeys.lists() }, (data) => {
        if (!data) return data;
        const standIn = data.pages.some((page) => page.items.some((task) => task.id === context?.shown));
        const pages = data.pages.map((page) => ({
          ...page,
          items: page.items.flatMap((task) =>
            task.id === context?.shown ? [made] : task.id === made.id ? (standIn ? [] : [made]) : [task],
          ),
        }));
        return { ...data, pages };
      }),
    // A batch refreshes the lists once, when all of it has settled (not once per task).
    onSettled: (_data, _error, { batch }) => (batch ? undefined : client.invalidateQueries({ queryKey: taskKeys.all })),
  });
}

// -- display helpers -------------------------------------------------------------------------

export type DueState = "overdue" | "today" | "soon" | "later" | null;

export function dueState(task: Pick<Task, "due_at" | "completed">, now: Date = new Date()): DueState {
  if (!task.due_at) return null;
  if (task.completed) return "later"; // done: no urgency marking
  const due = new Date(task.due_at);
  if (due.getTime() < now.getTime()) return "overdue";
  if (due.toDateString() === now.toDateString()) return "today";
  const days = (due.getTime() - now.getTime()) / 86_400_000;
  return days <= 7 ? "soon" : "later";
}

/**
 * "Today 9:00 AM", "Tomorrow 9:00 AM", "Fri 2:30 PM", "Mar 12 9:00 AM", "Mar 12, 2031 9:00 AM"
 * (browser zone; lib/time's rule: "12 Mar 9:00" for a reader in Germany).
 */
export function formatDue(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const time = formatTime(date);
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOfDay(date) - startOfDay(now)) / 86_400_000);
  if (days === 0) return `Today ${time}`;
  if (days === 1) return `Tomorrow ${time}`;
  if (days === -1) return `Yesterday ${time}`;
  if (days > 1 && days < 7) return `${formatDate("weekday", date)} ${time}`;
  const sameYear = date.getFullYear() === now.getFullYear();
  return `${formatDate(sameYear ? "monthDay" : "monthDayYear", date)} ${time}`;
}
