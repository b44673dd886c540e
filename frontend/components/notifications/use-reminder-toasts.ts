"use client";

/**
 * The reminder toasts on screen, by notification: each goes once its reminder is snoozed, read or
 * opened, or its task completed, here or in another tab of the same browser. Each tab follows the
 * stream itself and shows its own toast for a reminder; the "tasks" channel (app/providers.tsx)
 * only has the other tabs fetch their lists again, which left the toast there, Open and all. This
 * tells them on the "reminders" BroadcastChannel which ones to take away. Taken away only: no
 * toast ("Snoozed until …") and so nothing more said by a screen reader in the other tabs.
 */
import { matchMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { useToast } from "@/components/ui/toast";
import { completeMutationKey, type Task } from "@/lib/tasks";
import type { AppNotification } from "./notifications";

export const REMINDERS_CHANNEL = "reminders";

/** Which reminders' toasts go: these notifications', or those of this task. */
export type ClosedReminders = { notifications: string[] } | { task: string };

function toClosed(data: unknown): ClosedReminders | null {
  if (!data || typeof data !== "object") return null;
  const value = data as Record<string, unknown>;
  if (Array.isArray(value.notifications)) return { notifications: value.notifications.filter((id) => typeof id === "string") };
  if (typeof value.task === "string") return { task: value.task };
  return null;
}

export function useReminderToasts() {
  const queryClient = useQueryClient();
  const { dismiss } = useToast();
  // Notification id -> its toast and its task. An entry goes with its toast, however that goes
  // (timed out, dismissed, Open), so reading the reminder later dismisses nothing.
  const shown = useRef(new Map<string, { toast: number; task: string | null }>());
  const channel = useRef<BroadcastChannel | null>(null);

  const closeHere = useCallback(
    (closed: ClosedReminders) => {
      for (const [notification, { toast, task }] of shown.current) {
        const goes = "task" in closed ? task === closed.task : closed.notifications.includes(notification);
        if (!goes) continue;
        shown.current.delete(notification);
        dismiss(toast);
      }
    },
    [dismiss],
  );

  /** Takes these reminders' toasts away here and in the other tabs. */
  const close = useCallback(
    (closed: ClosedReminders) => {
      closeHere(closed);
      channel.current?.postMessage(closed);
    },
    [closeHere],
  );

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const open = new BroadcastChannel(REMINDERS_CHANNEL);
    channel.current = open;
    // From another tab: taken away here only, never said on again (each tab tells the others itself).
    open.onmessage = (event: MessageEvent) => {
      const closed = toClosed(event.data);
      if (closed) closeHere(closed);
    };
    return () => {
      channel.current = null;
      open.close();
    };
  }, [closeHere]);

  // A task completed here (its checkbox, the selection bar): its reminder has nothing left to say.
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== "updated" || event.action.type !== "success") return;
        if (!matchMutation({ mutationKey: completeMutationKey }, event.mutation)) return;
        const variables = event.mutation.state.variables as { task: Task; completed: boolean } | undefined;
        if (variables?.completed) close({ task: variables.task.id });
      }),
    [queryClient, close],
  );

  /** Notes `toast` as the one on screen for `notification`. */
  const track = useCallback((notification: AppNotification, toast: number) => {
    shown.current.set(notification.id, { toast, task: notification.task_id });
  }, []);

  /** `toast` of `notification` went by itself. */
  const untrack = useCallback((notification: AppNotification, toast: number) => {
    if (shown.current.get(notification.id)?.toast === toast) shown.current.delete(notification.id);
  }, []);

  /** The ids of the reminders whose toasts are on screen. */
  const showing = useCallback(() => [...shown.current.keys()], []);

  return { track, untrack, close, showing };
}
