/**
 * The assistant's API (API.md, Chat) and the pure rules the panel follows: which task an
 * action points at, how a chip reads, and whether a reply changed the user's tasks.
 *
 * Query keys: ["conversations"] (the history list) and ["conversations", id, "messages"].
 */
import { z } from "zod";
import { api } from "@/lib/api";
import { browserTimeZone } from "@/lib/zoned-time";
import { PRIORITY_LABEL, type Priority } from "@/lib/tasks";

export const actionSchema = z.object({
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()).catch({}),
  ok: z.boolean(),
  /** Not in API.md yet: used when the service adds the touched task's id. */
  task_id: z.string().nullish(),
  /** The touched task's title, when known (namedActions): a chip names it after the task is gone. */
  title: z.string().nullish(),
});
export type ChatAction = z.infer<typeof actionSchema>;

export const chatReplySchema = z.object({
  conversation_id: z.string(),
  reply: z.string(),
  actions: z.array(actionSchema),
});
export type ChatReply = z.infer<typeof chatReplySchema>;

export const conversationSchema = z.object({
  id: z.string(),
  title: z.string().catch(""),
  created_at: z.string(),
  updated_at: z.string().catch(""),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const messageSchema = z.object({
  role: z.string(),
  content: z.string(),
  created_at: z.string(),
});
export type StoredMessage = z.infer<typeof messageSchema>;

const conversationsSchema = z.object({ items: z.array(conversationSchema) });
const messagesSchema = z.object({ items: z.array(messageSchema) });

export const conversationsKey = ["conversations"] as const;
export const messagesKey = (id: string) => ["conversations", id, "messages"] as const;

export const MAX_MESSAGE = 4000;


export function sendChat(message: string, conversationId: string | null): Promise<ChatReply> {
  return api("chat", {
    method: "POST",
    body: {
      message,
      ...(conversationId ? { conversation_id: conversationId } : {}),
      timezone: browserTimeZone(),
    },
    schema: chatReplySchema,
  });
}

export async function fetchConversations(): Promise<Conversation[]> {
  const body = await api("conversations", { schema: conversationsSchema });
  return [...body.items].sort((a, b) => (b.updated_at || b.created_at).localeCompare(a.updated_at || a.created_at));
}

export async function fetchMessages(id: string): Promise<StoredMessage[]> {
  const body = await api(`conversations/${encodeURIComponent(id)}/messages`, { schema: messagesSchema });
  return body.items;
}

/** Tools that only read: a reply made of these leaves the task list as it was. */
const READ_ONLY_TOOLS = new Set(["list_tasks", "search_tasks", "get_task"]);

/** Whether any successful action may have changed a task (so cached task lists are stale). */
export function changesTasks(actions: readonly ChatAction[]): boolean {
  return actions.some((action) => action.ok && !READ_ONLY_TOOLS.has(action.tool));
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/**
 * Whether the reply may have a series' next instance on its way: a task completed, or deleted
 * without ending its series (recurring-service makes the next one through events a moment later,
 * after the lists' first refetch).
 */
export function mayMakeNextInstance(actions: readonly ChatAction[]): boolean {
  return actions.some(
    (action) => action.ok && (action.tool === "complete_task" || (action.tool === "delete_task" && action.arguments.series !== true)),
  );
}

/** The id of the task an action touched, when the action says. */
export function actionTaskId(action: ChatAction): string | null {
  return text(action.task_id) ?? text(action.arguments.task_id) ?? text(action.arguments.id);
}

/**
 * `actions` of a reply, each on one task by id ("Completed", "Deleted") given that task's title,
 * so its chip keeps naming it once the task has left every list (done, deleted; before: the chip
 * read the tasks on screen, and said "Completed" alone after the refetch). The title is the one
 * `loaded` has (the tasks on screen, read before the reply's changes are fetched), else one an
 * earlier action of the conversation (`earlier`) or of the reply gave it.
 */
export function namedActions(
  actions: readonly ChatAction[],
  loaded: ReadonlyMap<string, string>,
  earlier: readonly ChatAction[] = [],
): ChatAction[] {
  const known = new Map(loaded);
  for (const action of [...earlier, ...actions]) {
    const id = actionTaskId(action);
    const title = text(action.title) ?? text(action.arguments.title);
    if (id && title && !known.has(id)) known.set(id, title);
  }
  return actions.map((action) => {
    const id = actionTaskId(action);
    const title = id && !text(action.title) ? known.get(id) : undefined;
    return title ? { ...action, title } : action;
  });
}

/**
 * Where a chip leads: the task's edit drawer when the id is known, else a search for the
 * title the action used (an added task's id is not in the reply), else nowhere.
 */
export function actionHref(action: ChatAction): string | null {
  if (!action.ok) return null;
  if (action.tool === "delete_task") return null;
  const id = actionTaskId(action);
  if (id) return `/tasks?task=${encodeURIComponent(id)}`;
  const title = text(action.arguments.title);
  if (title) return `/tasks?search=${encodeURIComponent(title)}`;
  return null;
}

const VERBS: Record<string, string> = {
  add_task: "Added",
  update_task: "Updated",
  complete_task: "Completed",
  reopen_task: "Reopened",
  delete_task: "Deleted",
  set_priority: "Priority",
  add_tag: "Tagged",
  remove_tag: "Untagged",
  set_due_date: "Due date",
  set_reminder: "Reminder",
  set_recurring: "Repeats",
  clear_recurring: "Stopped repeating",
  list_tasks: "Listed tasks",
  search_tasks: "Searched",
  get_task: "Looked up",
};

/** The web's name for a priority ("Urgent" for VERY_IMPORTANT), as the task list and filters say it. */
function priorityLabel(priority: string): string {
  const key = priority.toUpperCase() as Priority;
  return Object.hasOwn(PRIORITY_LABEL, key) ? PRIORITY_LABEL[key] : priority.toLowerCase().replace(/_/g, " ");
}

function humanTool(tool: string): string {
  const words = tool.replace(/_/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "Action";
}

/**
 * A chip's words: "Added “Buy milk”", "Tagged #Home", "Searched “rent”"; an action on a task by
 * id names the task by `taskTitle` (from the tasks on screen): "Due date “Prepare slides”".
 */
export function actionLabel(action: ChatAction, taskTitle?: string | null): string {
  const verb = VERBS[action.tool] ?? humanTool(action.tool);
  const args = action.arguments;
  const detail =
    (action.tool === "add_tag" || action.tool === "remove_tag") && text(args.tag)
      ? `#${text(args.tag)}`
      : action.tool === "set_priority" && text(args.priority)
        ? priorityLabel(String(text(args.priority)))
        : action.tool === "search_tasks" && text(args.query)
          ? `“${text(args.query)}”`
          : (text(args.title) ?? text(taskTitle))
            ? `“${text(args.title) ?? text(taskTitle)}”`
            : null;
  const label = detail ? `${verb} ${detail}` : verb;
  return action.ok ? label : `${label} (failed)`;
}
