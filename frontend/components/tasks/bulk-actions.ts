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
 * How a batch waits when the server refuses a request for the rate (429 with Retry-After):
 * `msPerSecond` (tests make the wait short), the waits one request may take in a row before it and
 * the rest give up (`maxWaits`), and the longest Retry-After waited for (longer: they give up at
 * once, and the toast says when to try again).
 */
export const rateLimitWait = { msPerSecond: 1_000, maxWaits: 5, longestSeconds: 120 };

/** A 429 without Retry-After waits this long (API.md says it comes with one). */
const DEFAULT_RETRY_AFTER = 5;

/**
 * When the requests of every batch may go again after a 429: one limit for the user, so a batch
 * (an Undo) started meanwhile waits too.
 */
let resumeAt = 0;

const isRateLimited = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 429;

/**
 * A batch's requests, `limit` at a time. A request refused for the rate (429) is sent again once
 * the Retry-After has passed; until then none of the batch's requests go, and after it they go one
 * at a time (the server's allowance comes back a request at a time). One refused `maxWaits` times
 * in a row, or asked to wait longer than `longestSeconds`, fails with that answer (its
 * Retry-After), and so do the rest not yet done, so the user can try them again later.
 * `onPause` is told when the requests will go again.
 */
export function requestPool(limit = CONCURRENCY, onPause: (resumeAt: number) => void = () => {}): Batch {
  let active = 0;
  let width = limit;
  /** Requests waiting for their turn; one sent again goes first. */
  const waiting: Array<() => void> = [];
  let limited: ApiError | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const next = () => {
    const pause = resumeAt - Date.now();
    if (pause > 0) {
      timer ??= setTimeout(() => {
        timer = undefined;
        next();
      }, pause);
      return;
    }
    while (active < width && waiting.length) {
      active++;
      waiting.shift()!();
    }
  };
  const turn = (again: boolean) =>
    new Promise<void>((resolve) => {
      if (again) waiting.unshift(resolve);
      else waiting.push(resolve);
      next();
    });

  return {
    async run<T>(send: () => Promise<T>): Promise<T> {
      for (let waits = 0; ; waits++) {
        await turn(waits > 0);
        try {
          if (limited) throw limited; // given up: the rest fail the same way
          return await send();
        } catch (error) {
          if (!isRateLimited(error) || limited) throw error;
          const seconds = error.retryAfter ?? DEFAULT_RETRY_AFTER;
          if (waits >= rateLimitWait.maxWaits || seconds > rateLimitWait.longestSeconds) {
            limited = error;
            throw error;
          }
          width = 1;
          resumeAt = Math.max(resumeAt, Date.now() + seconds * rateLimitWait.msPerSecond);
          onPause(resumeAt);
        } finally {
          active--;
          next();
        }
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

/** How far a batch is: tasks done and failed of `total`; `resumeAt` while the server asked it to wait. */
export interface Progress {
  done: number;
  failed: number;
  total: number;
  resumeAt: number | null;
}

/** Batches under way; while there is one, closing or reloading the tab asks first. */
let running = 0;
const askBeforeLeaving = (event: BeforeUnloadEvent) => event.preventDefault();

function started(): () => void {
  if (running++ === 0) window.addEventListener("beforeunload", askBeforeLeaving);
  return () => {
    if (--running === 0) window.removeEventListener("beforeunload", askBeforeLeaving);
  };
}

/**
 * `act` on every task, through one request pool; waits for all of them, then `settle`s once
 * (refreshes the lists: the mutations leave that to their batch). A task ticked while it was being
 * added (s on its optimistic row) is acted on as the server made it, once it has (savedTask):
 * never by its optimistic id, which is no task on the server; the outcome names it so too.
 * `onProgress` hears each task done or failed and each wait the server asks for. While it runs,
 * leaving the page asks first (the tasks not yet sent would stay as they were).
 */
export async function runBatch<R>(
  tasks: readonly Task[],
  act: (task: Task, batch: Batch) => Promise<R>,
  settle: () => void = () => {},
  onProgress: (progress: Progress) => void = () => {},
): Promise<Outcome<R>> {
  const progress: Progress = { done: 0, failed: 0, total: tasks.length, resumeAt: null };
  const report = () => {
    if (progress.resumeAt !== null && progress.resumeAt <= Date.now()) progress.resumeAt = null;
    onProgress({ ...progress });
  };
  const batch = requestPool(CONCURRENCY, (until) => {
    progress.resumeAt = until;
    report();
  });
  const acted = [...tasks];
  const finished = started();
  // async: an action that throws before its request fails that task alone.
  const settled = await Promise.allSettled(
    tasks.map(async (task, i) => {
      try {
        acted[i] = await savedTask(task).catch(() => {
          throw new NotAdded();
        });
        const result = await act(acted[i], batch);
        progress.done++;
        return result;
      } catch (error) {
        progress.failed++;
        throw error;
      } finally {
        report();
      }
    }),
  );
  finished();
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
