"use client";

/** What a reply did, as chips linking to the tasks it touched. */
import { QueryClientContext, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { Check, CircleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useContext, type MouseEvent } from "react";
import { api } from "@/lib/api";
import { taskKeys, type Task, type TaskPage } from "@/lib/tasks";
import { cn } from "@/components/ui/cn";
import { actionHref, actionLabel, actionTaskId, type ChatAction } from "./chat";

const chip =
  "inline-flex max-w-full items-center gap-1 rounded-2xl border px-2.5 py-1 text-left text-xs font-medium transition-colors";

/**
 * A chip whose action has no task id (a task just added) links to a search for its title;
 * a click looks the newest such task up and opens its drawer instead.
 */
async function newestTaskTitled(title: string): Promise<string | null> {
  const query = new URLSearchParams({ search: title, status: "all", sort: "created_at", order: "desc", limit: "5" });
  const body = await api<{ items: { id: string; title: string }[] }>(`tasks?${query}`);
  const exact = body.items.find((task) => task.title.toLowerCase() === title.toLowerCase());
  return (exact ?? body.items[0])?.id ?? null;
}

/**
 * The titles of the tasks already loaded (lists and open tasks), by id: an action on a task by id
 * ("Due date", "Updated") names it, so two such chips are not the same words.
 */
export function loadedTaskTitles(client: QueryClient | undefined): Map<string, string> {
  const titles = new Map<string, string>();
  if (!client) return titles;
  for (const [, data] of client.getQueriesData<InfiniteData<TaskPage>>({ queryKey: taskKeys.lists() })) {
    for (const page of data?.pages ?? []) for (const task of page.items) titles.set(task.id, task.title);
  }
  for (const [key, task] of client.getQueriesData<Task>({ queryKey: taskKeys.all })) {
    if (key[1] === "detail" && task?.id) titles.set(task.id, task.title);
  }
  return titles;
}

export function ActionChips({ actions, onNavigate }: { actions: ChatAction[]; onNavigate?: () => void }) {
  const router = useRouter();
  const titles = loadedTaskTitles(useContext(QueryClientContext));
  return (
    <ul aria-label="What the assistant did" className="flex max-w-[85%] flex-wrap gap-1.5">
      {actions.map((action, index) => {
        const href = actionHref(action);
        const taskId = actionTaskId(action);
        const label = actionLabel(action, action.title ?? (taskId ? titles.get(taskId) : null));
        const Icon = action.ok ? Check : CircleAlert;
        const content = (
          <>
            <Icon aria-hidden className="size-3.5 shrink-0" />
            <span className="min-w-0 wrap-anywhere">{label}</span>
          </>
        );
        const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          const title = typeof action.arguments.title === "string" ? action.arguments.title : null;
          if (actionTaskId(action) || !title) {
            onNavigate?.();
            return;
          }
          event.preventDefault();
          const id = await newestTaskTitled(title).catch(() => null);
          onNavigate?.();
          router.push(id ? `/tasks?task=${encodeURIComponent(id)}` : href!);
        };
        return (
          <li key={`${action.tool}-${index}`} className="max-w-full">
            {href ? (
              <Link
                href={href}
                onClick={(event) => void onClick(event)}
                className={cn(chip, "border-accent/40 bg-accent-soft text-accent-strong hover:border-accent")}
              >
                {content}
              </Link>
            ) : (
              <span
                className={cn(
                  chip,
                  action.ok ? "border-border bg-surface-2 text-text" : "border-danger/40 bg-danger-soft text-danger",
                )}
              >
                {content}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
