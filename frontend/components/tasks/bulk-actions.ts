/**
 * Acting on several tasks at once (the selection bar): the API has no batch endpoint, so each task
 * is its own request (PATCH, POST …/complete, DELETE), sent through the same mutations as a
 * single row's (lib/tasks.ts: the same optimistic cache edits), a few at a time, and the batch
 * says what happened in one toast. Loaded with the bar, on the first tick: not in the first load.
 */
import { ApiError } from "@/lib/api";
import { CHANGED_ELSEWHERE, errorMessage, savedTask, type Batch, type Task } from "@/lib/tasks";

/** Requests of one batch in flight at once (the API allows a user 100 a minute). */
export const CONCURRENCY = 4;

/**
 * A batch's requests, `limit` at a time. Once one is refused for the rate (429), the rest are not
 * sent: each fails with that answer (its Retry-After), so the user can try them again later.
 */
export function requestPool(limit = CONCURRENCY): Batch {
  let active = 0;
  const waiting: Array<() => void> = [];
  let limited: ApiError | null = null;
  return {
    async run<T>(send: () => Promise<T>): Promise<T> {
      while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      if (limited) {
        waiting.shift()?.(); // the next one fails the same way
        throw limited;
      }
      active++;
      try {
        return await send();
      } catch (error) {
        if (error instanceof ApiError && error.status === 429) limited ??= error;
        throw error;
      } finally {
        active--;
        waiting.shift()?.();
      }
    },
  };
}

/** A task the action could not apply to before any request (a tag that does not fit). */
export class NotApplicable extends Error {}

/** A task ticked while it was being added that the server then refused: there is no row left to keep ticked. */
export class NotAdded extends NotApplicable {
  constructor() {
    super("never added (the server refused it)");
  }
}

export interface Outcome<R> {
  done: Array<{ task: Task; result: R }>;
  failed: Array<{ task: Task; error: unknown }>;
}

/**
 * `act` on every task, through one request pool; waits for all of them, then `settle`s once
 * (refreshes the lists: the mutations leave that to their batch). A task ticked while it was being
 * added (s on its optimistic row) is acted on as the server made it, once it has (savedTask):
 * never by its optimistic id, which is no task on the server; the outcome names it so too.
 */
export async function runBatch<R>(
  tasks: readonly Task[],
  act: (task: Task, batch: Batch) => Promise<R>,
  settle: () => void = () => {},
): Promise<Outcome<R>> {
  const batch = requestPool();
  const acted = [...tasks];
  // async: an action that throws before its request fails that task alone.
  const settled = await Promise.allSettled(
    tasks.map(async (task, i) => {
      acted[i] = await savedTask(task).catch(() => {
        throw new NotAdded();
      });
      return act(acted[i], batch);
    }),
  );
  settle();
  const outcome: Outcome<R> = { done: [], failed: [] };
  settled.forEach((result, i) => {
    if (result.status === "fulfilled") outcome.done.push({ task: acted[i], result: result.value });
    else outcome.failed.push({ task: acted[i], error: result.reason });
  });
  return outcome;
}

/** Why a request failed, in words. */
export function reasonOf(error: unknown): string {
  if (error instanceof NotApplicable) return error.message;
  if (error instanceof ApiError) {
    if (error.status === 412) return CHANGED_ELSEWHERE;
    if (error.status === 404) return "no longer there (deleted somewhere else)";
    if (error.status === 429)
      return `too many changes at once; try again in ${error.retryAfter ?? 60} second${error.retryAfter === 1 ? "" : "s"}`;
    if (error.status === 0) return "the server could not be reached";
  }
  return errorMessage(error).replace(/\.$/, "");
}

export const tasksWord = (count: number) => `${count} ${count === 1 ? "task" : "tasks"}`;

/**
 * What the failures of a batch say: how many, why ("1 task was not completed: changed somewhere
 * else meanwhile. It stays selected."); null when none failed.
 */
export function failureText(failed: Outcome<unknown>["failed"], notDone: string, stays = true): string | null {
  if (!failed.length) return null;
  const reasons = new Map<string, number>();
  for (const { error } of failed) {
    const reason = reasonOf(error);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const why =
    reasons.size === 1
      ? [...reasons.keys()][0]
      : [...reasons].map(([reason, count]) => `${count} ${reason}`).join("; ");
  const one = failed.length === 1;
  const head = `${one ? "1 task was" : `${failed.length} tasks were`} not ${notDone}: ${why}.`;
  // A task the server refused to add has no row to stay selected.
  const staying = stays ? failed.filter(({ error }) => !(error instanceof NotAdded)).length : 0;
  if (!staying) return head;
  if (staying === failed.length) return `${head} ${one ? "It stays" : "They stay"} selected.`;
  return `${head} ${staying} ${staying === 1 ? "stays" : "stay"} selected.`;
}
