"use client";

/**
 * The bell: unread count, a popover list with mark-read and snooze, live from the server-sent
 * stream; a toast when a reminder fires, and a system notification too once the user allowed
 * them (asked from a button, never on load). Snoozing (10 minutes, 1 hour, later today, tomorrow
 * at 9:00, each with the time it comes back on the browser's clock) reads the notification now;
 * the server brings it back as a new one then. Times are in the browser's locale and zone, as in
 * the task list.
 */
import { usePopoverDismiss } from "@/components/ui/use-popover-dismiss";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlarmClock, Bell, BellRing, Check, CheckCheck } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/components/ui/cn";
import { useRovingFocus } from "@/components/ui/use-roving-focus";
import { formatDate } from "@/lib/time";
import { browserTimeZone } from "@/lib/zoned-time";
import {
  afterRead,
  allKey,
  badgeText,
  bellLabel,
  fetchNotifications,
  markRead,
  reminderText,
  reminderTitle,
  snooze,
  pendingSnoozeText,
  snoozedText,
  snoozeChoices,
  taskHref,
  unreadKey,
  type AppNotification,
  type SnoozeChoice,
  type SnoozeRequest,
} from "./notifications";
import { ApiError } from "@/lib/api";
import { useNotificationStream } from "./use-notification-stream";
import { useReminderToasts } from "./use-reminder-toasts";

type Permission = NotificationPermission | "unsupported";

function currentPermission(): Permission {
  return typeof window !== "undefined" && "Notification" in window ? Notification.permission : "unsupported";
}

/**
 * Which notifications the panel lists. A radio group, not tabs: it is one choice of what the one
 * list below shows (a filter, as the task filters' Status is), not a switch between panels of
 * different content; the unread ones are in both.
 */
const SHOW_CHOICES = [
  { key: "unread", label: "Unread" },
  { key: "all", label: "All" },
] as const;
const SHOW_KEYS = SHOW_CHOICES.map((choice) => choice.key);
type ShowKey = (typeof SHOW_KEYS)[number];

/** How often the open panel is drawn again, for its relative times and the snooze choices'. */
const CLOCK_MS = 15_000;

function relativeTime(iso: string, now = Date.now()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return "";
  const minutes = Math.round((now - then) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return formatDate("monthDay", new Date(iso));
}

export function NotificationBell() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { toast } = useToast();
  // Each reminder's toast on screen: it goes once that reminder is snoozed, read or opened, or its
  // task completed, here or in another tab (it stayed on screen, Open and all, after being snoozed
  // from the bell).
  const { track: trackToast, untrack: untrackToast, close: closeReminderToasts, showing: toastsShowing } = useReminderToasts();
  const dismissReminderToasts = useCallback(
    (id: string | null) => {
      // All of them: those of every unread reminder, the ones marked read.
      const all = () => [...(queryClient.getQueryData<AppNotification[]>(unreadKey) ?? []).map((n) => n.id), ...toastsShowing()];
      closeReminderToasts({ notifications: id === null ? all() : [id] });
    },
    [queryClient, closeReminderToasts, toastsShowing],
  );
  const [open, setOpen] = useState(false);
  const [showAll, setShowAll] = useState(false);
  // Unread / All: one Tab stop, the arrow keys choose (useRovingFocus).
  const shown: ShowKey = showAll ? "all" : "unread";
  const showRoving = useRovingFocus(SHOW_KEYS, {
    mode: "radio",
    checked: shown,
    onSelect: (key) => setShowAll(key === "all"),
  });
  const [permission, setPermission] = useState<Permission>("unsupported");
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const popoverId = useId();
  const headingId = useId();

  const unread = useQuery({ queryKey: unreadKey, queryFn: () => fetchNotifications(true), refetchInterval: 120_000 });
  const all = useQuery({ queryKey: allKey, queryFn: () => fetchNotifications(false), enabled: open && showAll });

  useEffect(() => {
    // Notification.permission exists only in the browser; read it once after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPermission(currentPermission());
  }, []);

  // Reading and snoozing both take the notification out of the unread list at once (and mark
  // it read in the full one); a failure puts the lists back as they were.
  type Lists = { unread?: AppNotification[]; all?: AppNotification[] };
  const readOptimistically = async (id: string | null): Promise<Lists> => {
    await queryClient.cancelQueries({ queryKey: ["notifications"] });
    const before = {
      unread: queryClient.getQueryData<AppNotification[]>(unreadKey),
      all: queryClient.getQueryData<AppNotification[]>(allKey),
    };
    queryClient.setQueryData<AppNotification[]>(unreadKey, (list) => afterRead(list, id, true));
    if (before.all) queryClient.setQueryData<AppNotification[]>(allKey, (list) => afterRead(list, id, false));
    return before;
  };
  const restore = (before: Lists | undefined) => {
    if (!before) return;
    queryClient.setQueryData(unreadKey, before.unread);
    if (before.all) queryClient.setQueryData(allKey, before.all);
  };

  const read = useMutation({
    mutationFn: async (id: string | null) => {
      const ids = id ? [id] : (queryClient.getQueryData<AppNotification[]>(unreadKey) ?? []).map((n) => n.id);
      await Promise.all(ids.map(markRead));
    },
    onMutate: (id) => {
      dismissReminderToasts(id);
      return readOptimistically(id);
    },
    onError: (_error, _id, before) => {
      restore(before);
      toast({ title: "Could not mark the notification read", description: "Try again in a moment.", tone: "error" });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });

  const snoozing = useMutation({
    mutationFn: ({ id, request }: { id: string; request: SnoozeRequest }) => snooze(id, request),
    onMutate: ({ id }) => {
      dismissReminderToasts(id);
      return readOptimistically(id);
    },
    onSuccess: ({ snoozedUntil }) => {
      toast({ title: snoozedText(snoozedUntil, new Date(), browserTimeZone()), tone: "success" });
    },
    onError: (error, _request, before) => {
      restore(before);
      const gone = error instanceof ApiError && error.status === 404;
      toast({
        title: "Could not snooze the reminder",
        description: gone ? "It is no longer there." : "Try again in a moment.",
        tone: "error",
      });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });

  const markOne = read.mutate;
  const onNew = useCallback(
    (notification: AppNotification) => {
      const href = taskHref(notification);
      // Opening the task from the toast or the system notification is reading it: the bell's
      // count drops, as it does when the task is opened from the bell's own list.
      const openTask = href
        ? () => {
            markOne(notification.id);
            router.push(href);
          }
        : undefined;
      const title = reminderTitle(notification);
      const body = reminderText(notification, new Date(), browserTimeZone());
      const shown = toast({
        title,
        description: body || undefined,
        tone: "info",
        duration: 10_000,
        action: openTask ? { label: "Open", onClick: openTask } : undefined,
        onClose: () => untrackToast(notification, shown),
      });
      trackToast(notification, shown);
      if (currentPermission() === "granted" && (document.visibilityState === "hidden" || !document.hasFocus())) {
        try {
          const system = new Notification(title, { body: body || undefined, tag: notification.id });
          system.onclick = () => {
            window.focus();
            openTask?.();
            system.close();
          };
        } catch {
          // Some platforms only allow notifications from a service worker; the toast is enough.
        }
      }
    },
    [markOne, router, toast, trackToast, untrackToast],
  );
  useNotificationStream(onNew);

  // Close on Escape (focus back to the bell) and on a click outside.
  usePopoverDismiss(open, () => setOpen(false), [popover, button], button);

  const askPermission = async () => {
    if (currentPermission() === "unsupported") return;
    setPermission(await Notification.requestPermission());
  };

  // Where keyboard focus goes once the "mark read" or snooze control it was on has gone from
  // the list: the next (else the previous) notification's mark-read button, else the panel
  // itself, never the page.
  const focusAfterRead = useRef<string | null>(null);
  const focusNeighbourOf = (id: string | null) => {
    const buttons = [...(popover.current?.querySelectorAll<HTMLElement>("[data-mark-read]") ?? [])];
    const at = buttons.findIndex((candidate) => candidate.dataset.markRead === id);
    const neighbour = id === null || at < 0 ? undefined : (buttons[at + 1] ?? buttons[at - 1]);
    focusAfterRead.current = neighbour?.dataset.markRead ?? "";
  };
  const markReadFrom = (id: string | null) => {
    focusNeighbourOf(id);
    read.mutate(id);
  };

  // The row whose snooze choices are open (one at a time).
  const [snoozeOpen, setSnoozeOpen] = useState<string | null>(null);
  const snoozeFrom = (id: string, choice: SnoozeChoice) => {
    focusNeighbourOf(id);
    setSnoozeOpen(null);
    snoozing.mutate({ id, request: choice.request });
  };
  const closeSnooze = (id: string) => {
    setSnoozeOpen(null);
    const buttons = popover.current?.querySelectorAll<HTMLElement>("[data-snooze]") ?? [];
    [...buttons].find((candidate) => candidate.dataset.snooze === id)?.focus();
  };
  // The opened choices in full: the list scrolls them into view (the row may be at its bottom).
  useEffect(() => {
    if (snoozeOpen === null) return;
    document.getElementById(`${popoverId}-snooze-${snoozeOpen}`)?.scrollIntoView?.({ block: "nearest" });
  }, [snoozeOpen, popoverId]);
  const shownList = showAll ? all.data : unread.data;
  useEffect(() => {
    const target = focusAfterRead.current;
    if (target === null || !popover.current) return;
    const button = [...popover.current.querySelectorAll<HTMLElement>("[data-mark-read]")].find(
      (candidate) => target && candidate.dataset.markRead === target,
    );
    // Wait until the read one has left the list (the optimistic update lands a tick later).
    const active = document.activeElement as HTMLButtonElement | null;
    if (active && active !== document.body && popover.current.contains(active) && !active.disabled) return;
    focusAfterRead.current = null;
    (button ?? popover.current).focus();
  }, [shownList]);

  // The panel's clock: read when it opens and when a reminder's snooze choices open, and each
  // CLOCK_MS while open, so "just now" becomes "1 min ago" and a snooze choice's time stays the
  // one it would give (it was the time of when the panel opened, however long it stayed open).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, [open]);
  const timeZone = browserTimeZone();
  const choices = snoozeOpen === null ? [] : snoozeChoices(new Date(now), timeZone);
  const count = unread.data?.length ?? 0;
  const badge = badgeText(count);
  const list = showAll ? all : unread;

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={bellLabel(count)}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => {
          setNow(Date.now());
          setOpen((value) => !value);
        }}
        className="relative inline-flex size-10 items-center justify-center rounded-full text-text hover:bg-surface-2"
      >
        {count > 0 ? <BellRing aria-hidden className="size-5" /> : <Bell aria-hidden className="size-5" />}
        {badge && (
          <span
            aria-hidden
            data-testid="unread-badge"
            className="absolute -right-0.5 -top-0.5 inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-accent px-1 text-[11px] font-bold leading-none text-accent-contrast ring-2 ring-surface"
          >
            {badge}
          </span>
        )}
      </button>

      {open && (
        <div
          ref={popover}
          id={popoverId}
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          className="fixed inset-x-2 outline-none top-16 z-50 flex max-h-[calc(100dvh-5rem)] flex-col overflow-hidden rounded-card border border-border bg-surface text-text shadow-card sm:absolute sm:inset-x-auto sm:right-0 sm:top-12 sm:max-h-[min(32rem,calc(100dvh-5rem))] sm:w-96"
        >
          <div className="flex flex-wrap items-center gap-2 border-b border-border px-4 py-3">
            <h2 id={headingId} className="min-w-0 flex-1 text-sm font-semibold">
              Notifications
            </h2>
            <div
              role="radiogroup"
              aria-label="Show"
              {...showRoving.group}
              className="order-last flex w-full rounded-lg bg-surface-2 p-0.5 text-xs font-medium sm:order-none sm:w-auto"
            >
              {SHOW_CHOICES.map((option) => (
                <button
                  key={option.key}
                  type="button"
                  role="radio"
                  aria-checked={shown === option.key}
                  {...showRoving.item(option.key)}
                  onClick={() => setShowAll(option.key === "all")}
                  className={cn(
                    "min-h-6 flex-1 rounded-md px-2.5 py-1 sm:flex-none touch:min-h-11",
                    shown === option.key ? "bg-surface text-text shadow-sm" : "text-muted hover:text-text",
                  )}
                >
                  {option.label}
                </button>
              ))}
            </div>
            <button
              type="button"
              onClick={() => markReadFrom(null)}
              disabled={count === 0}
              className="inline-flex min-h-6 items-center gap-1 whitespace-nowrap rounded-md px-2 py-1 text-xs font-semibold text-accent hover:bg-accent-soft disabled:opacity-50 touch:min-h-11 touch:px-3"
            >
              <CheckCheck aria-hidden className="size-3.5" /> Mark all read
            </button>
          </div>

          <div className="flex-1 overflow-y-auto">
            {list.isPending ? (
              <p className="px-4 py-6 text-sm text-muted">Loading…</p>
            ) : list.isError ? (
              <p role="alert" className="px-4 py-6 text-sm text-danger">
                Notifications are unavailable right now.
              </p>
            ) : list.data.length === 0 ? (
              <div className="px-4 py-8 text-center text-sm">
                <p className="font-medium">You are all caught up.</p>
                <p className="mt-1 text-muted">Reminders you set on tasks appear here when they are due.</p>
              </div>
            ) : (
              <ul className="divide-y divide-border">
                {list.data.map((notification) => {
                  const href = taskHref(notification);
                  const snoozed = notification.read ? pendingSnoozeText(notification, new Date(), timeZone) : null;
                  const due = reminderText(notification, new Date(), timeZone);
                  return (
                    <li key={notification.id} className={cn("flex gap-3 px-4 py-3", !notification.read && "bg-accent-soft/40")}>
                      <span
                        aria-hidden
                        className={cn("mt-1.5 size-2 shrink-0 rounded-full", notification.read ? "bg-transparent" : "bg-accent")}
                      />
                      <div className="min-w-0 flex-1">
                        {href ? (
                          <Link
                            href={href}
                            onClick={() => {
                              if (!notification.read) read.mutate(notification.id);
                              setOpen(false);
                            }}
                            className="block text-sm font-medium wrap-anywhere hover:underline"
                          >
                            {notification.title}
                          </Link>
                        ) : (
                          <p className="text-sm font-medium wrap-anywhere">{notification.title}</p>
                        )}
                        {due && <p className="mt-0.5 text-sm text-muted wrap-anywhere">{due}</p>}
                        <p className="mt-1 text-xs text-muted">
                          <time dateTime={notification.created_at}>{relativeTime(notification.created_at, now)}</time>
                          {notification.read && " · read"}
                          {snoozed && ` · ${snoozed}`}
                        </p>
                        {!notification.read && snoozeOpen === notification.id && (
                          <div
                            id={`${popoverId}-snooze-${notification.id}`}
                            role="group"
                            aria-label={`Snooze “${notification.title}” for`}
                            onKeyDown={(event) => {
                              if (event.key !== "Escape") return;
                              // Close the choices only, not the whole panel: the panel's own
                              // Escape listener is on the document, which is also where React
                              // listens when it hydrates the whole page, so stopping propagation
                              // is not enough; React's listener comes first and stops the rest.
                              event.stopPropagation();
                              event.nativeEvent.stopImmediatePropagation();
                              closeSnooze(notification.id);
                            }}
                            className="mt-2 grid grid-cols-2 gap-1.5"
                          >
                            {/* Two to a line, each its label over its time: four fit a 390 px phone. */}
                            {choices.map((choice, index) => (
                              <button
                                key={choice.label}
                                type="button"
                                autoFocus={index === 0}
                                onClick={() => snoozeFrom(notification.id, choice)}
                                className="flex min-w-0 flex-col items-start rounded-lg border border-border px-2.5 py-1 text-left text-xs hover:bg-surface-2 touch:min-h-11 touch:px-3"
                              >
                                {/* Named by its words as shown, "10 minutes 6:38 AM" (Chromium and jsdom
                                    alike): no aria-label that differs from the visible text (axe:
                                    label-content-name-mismatch). */}
                                <span className="font-medium text-text">{choice.label}</span>{" "}
                                <span className="text-muted">{choice.time}</span>
                              </button>
                            ))}
                          </div>
                        )}
                      </div>
                      {!notification.read && (
                        <div className="flex shrink-0 items-start gap-0.5">
                          <button
                            type="button"
                            aria-label={`Snooze “${notification.title}”`}
                            title="Snooze"
                            aria-expanded={snoozeOpen === notification.id}
                            aria-controls={snoozeOpen === notification.id ? `${popoverId}-snooze-${notification.id}` : undefined}
                            data-snooze={notification.id}
                            onClick={() => {
                              setNow(Date.now());
                              setSnoozeOpen((current) => (current === notification.id ? null : notification.id));
                            }}
                            className={cn(
                              "inline-flex size-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-text touch:size-11",
                              snoozeOpen === notification.id && "bg-surface-2 text-text",
                            )}
                          >
                            <AlarmClock aria-hidden className="size-4" />
                          </button>
                          <button
                            type="button"
                            aria-label={`Mark “${notification.title}” read`}
                            title="Mark read"
                            data-mark-read={notification.id}
                            onClick={() => markReadFrom(notification.id)}
                            className="inline-flex size-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-text touch:size-11"
                          >
                            <Check aria-hidden className="size-4" />
                          </button>
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>

          {permission !== "unsupported" && permission !== "granted" && (
            <div className="border-t border-border px-4 py-3 text-xs">
              {permission === "default" ? (
                <button
                  type="button"
                  onClick={() => void askPermission()}
                  className="-my-1 inline-flex min-h-6 items-center gap-1.5 rounded-md font-semibold text-accent hover:underline touch:my-0 touch:min-h-11"
                >
                  <BellRing aria-hidden className="size-3.5" /> Also notify me outside this tab
                </button>
              ) : (
                <p className="text-muted">
                  System notifications are blocked for this site; allow them in the browser’s site settings.
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
