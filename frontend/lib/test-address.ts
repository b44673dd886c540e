/**
 * Next's useSearchParams for screen tests: the address's parameters, read again when the
 * address changes (Back, and with followAddress() history.pushState / replaceState too).
 *
 *   vi.mock("next/navigation", () => import("@/lib/test-address"));
 *   beforeEach(() => followAddress()); // undone by vi.restoreAllMocks()
 */
import { useMemo, useSyncExternalStore } from "react";
import { vi } from "vitest";

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function useSearchParams(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return useMemo(() => new URLSearchParams(search), [search]);
}

/** The app replacing or pushing the address tells useSearchParams, as Next's router does. */
export function followAddress(): void {
  for (const method of ["pushState", "replaceState"] as const) {
    const original = window.history[method].bind(window.history);
    vi.spyOn(window.history, method).mockImplementation((...args) => {
      original(...args);
      for (const listener of listeners) listener();
    });
  }
}
