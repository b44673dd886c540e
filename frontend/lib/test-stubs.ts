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
