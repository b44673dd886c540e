"use client";

/**
 * Follows GET /api/notifications/stream with an EventSource. The server ends each response
 * after a few seconds (a bounded window) and the browser reconnects by itself, sending
 * Last-Event-ID so nothing in between is lost. When the browser gives up (an HTTP error: the
 * session expired, a service is down), this reconnects with back-off and has the lists
 * refetched, since a fresh EventSource has no Last-Event-ID to replay from. It stops for good
 * once an API call answered 401 (the session ended).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { onSessionEnd } from "@/lib/api";
import { allKey, parseStreamEvent, reconnectDelay, unreadKey, upsert, type AppNotification } from "./notifications";

export const STREAM_URL = "/api/notifications/stream";

/** The part of EventSource the stream uses (a fake in tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

const CLOSED = 2; // EventSource.CLOSED

export interface StreamHandlers {
  /** Each notification the stream delivers (replays included). */
  onNotification: (notification: AppNotification) => void;
  /** Before a reconnect the browser did not do itself: what was missed must be refetched. */
  onReconnect: () => void;
}

export interface Timers {
  set: (run: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clear: (id: ReturnType<typeof setTimeout> | undefined) => void;
}

/** Opens the stream and keeps it open; returns the function that stops it. */
export function followNotificationStream(
  open: EventSourceFactory,
  handlers: StreamHandlers,
  // Called as plain functions: the browser's setTimeout throws "Illegal invocation" as a method.
  timers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (id) => clearTimeout(id) },
): () => void {
  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;

  const connect = () => {
    const current = open(STREAM_URL);
    source = current;
    current.addEventListener("notification", (event) => {
      const notification = typeof event.data === "string" ? parseStreamEvent(event.data) : null;
      if (notification) handlers.onNotification(notification);
    });
    current.addEventListener("open", () => {
      attempt = 0;
    });
    current.addEventListener("error", () => {
      // CONNECTING: the browser reconnects by itself (the normal end of a window).
      if (stopped || current.readyState !== CLOSED) return;
      current.close();
      timer = timers.set(() => {
        if (stopped) return;
        handlers.onReconnect();
        connect();
      }, reconnectDelay(attempt++));
    });
  };

  connect();
  return () => {
    stopped = true;
    timers.clear(timer);
    source?.close();
  };
}

/** Keeps the notification lists in the query cache live; `onNew` hears each new one once. */
export function useNotificationStream(onNew: (notification: AppNotification) => void): void {
  const queryClient = useQueryClient();
  const onNewRef = useRef(onNew);
  useEffect(() => {
    onNewRef.current = onNew;
  }, [onNew]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const announced = new Set<string>();
    const stop = followNotificationStream((url) => new EventSource(url, { withCredentials: true }), {
      onNotification: (notification) => {
        queryClient.setQueryData<AppNotification[]>(unreadKey, (list) => upsert(list, notification, true));
        if (queryClient.getQueryData(allKey)) {
          queryClient.setQueryData<AppNotification[]>(allKey, (list) => upsert(list, notification, false));
        }
        // A fired reminder is also a line in the activity feed.
        void queryClient.invalidateQueries({ queryKey: ["activity"] });
        if (!notification.read && !announced.has(notification.id)) {
          announced.add(notification.id);
          onNewRef.current(notification);
        }
      },
      onReconnect: () => void queryClient.invalidateQueries({ queryKey: ["notifications"] }),
    });
    // Signed out: every reconnect (and the refetch it asks for) would only be refused again.
    const unsubscribe = onSessionEnd(stop);
    return () => {
      unsubscribe();
      stop();
    };
  }, [queryClient]);
}
