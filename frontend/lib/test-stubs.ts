/** Stand-ins for browser APIs jsdom lacks, for unit tests (undone by vi.unstubAllGlobals). */
import { vi } from "vitest";

/** jsdom has no layout: a ResizeObserver that never reports (the virtualised list and
 * Recharts measure their containers with one). */
export function stubResizeObserver(): void {
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
}
