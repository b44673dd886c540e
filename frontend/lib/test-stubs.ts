/** Stand-ins for browser APIs jsdom lacks, for unit tests (undone by vi.unstubAllGlobals). */
import { vi } from "vitest";

/** jsdom has no layout: a ResizeObserver that never reports (the virtualised list and
 * Recharts measure their containers with one), or, given a size, reports it once on observe
 * (Recharts then draws its SVG at that size). */
export function stubResizeObserver(size?: { width: number; height: number }): void {
  vi.stubGlobal(
    "ResizeObserver",
    class {
      constructor(private readonly report: (entries: { contentRect: { width: number; height: number } }[]) => void) {}
      observe() {
        if (size) this.report([{ contentRect: size }]);
      }
      unobserve() {}
      disconnect() {}
    },
  );
}

/** jsdom has no media queries: the user prefers reduced motion (no chart or list animation). */
export function stubReducedMotion(): void {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: query.includes("reduce"),
    addEventListener() {},
    removeEventListener() {},
  }));
}

/** The notification stream (an EventSource, stubbed globally by the test): each one opened is in
 * `all`, open at once; `deliver` hands it a notification as the server's "notification" event. */
export class FakeEventSource {
  static all: FakeEventSource[] = [];
  readyState = 1;
  private listeners = new Map<string, Array<(event: { data?: unknown }) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, listener: (event: { data?: unknown }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = 2;
  }
  deliver(notification: object) {
    for (const listener of this.listeners.get("notification") ?? []) listener({ data: JSON.stringify(notification) });
  }
}
