"use client";
/** Everything global on the client: TanStack Query (server state), toasts, focus after navigation. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { ApiError, onSessionEnd } from "@/lib/api";
import { signInRedirect } from "@/lib/sign-in-path";
import { RouteFocus } from "@/components/shell/route-focus";
import { ToastProvider } from "@/components/ui/toast";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // Retrying a 4xx cannot help; the network and 5xx get two more tries.
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  useEffect(
    () =>
      onSessionEnd(() => {
        // The session ended (signed out in another tab, expired): go to sign-in and come back
        // here afterwards. A full page load, not a client navigation, so the signed-out user's
        // cached tasks, timers and the notification stream all go with the page.
        const target = signInRedirect(window.location);
        if (target) window.location.assign(target);
      }),
    [],
  );
  // Other tabs: whatever a tab changes (every mutation here touches tasks or reminders: task
  // edits, the assistant, snoozes, reminders read) is said on the "tasks" channel once it settles,
  // and the other tabs fetch their tasks and their bell's notifications again. Focus alone does
  // not: a list fetched under 15 s ago (staleTime) stays.
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel("tasks");
    channel.onmessage = () => {
      void client.invalidateQueries({ queryKey: ["tasks"] });
      void client.invalidateQueries({ queryKey: ["notifications"] });
    };
    const stop = client.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && (event.action.type === "success" || event.action.type === "error"))
        channel.postMessage("changed");
    });
    return () => {
      stop();
      channel.close();
    };
  }, [client]);
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>
        {/* Before the page: its effect runs first (route-focus.tsx). */}
        <RouteFocus />
        {children}
      </ToastProvider>
    </QueryClientProvider>
  );
}
