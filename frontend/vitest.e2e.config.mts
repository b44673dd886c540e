// End-to-end tests (e2e/**/*.e2e.ts) against the running stack: `make e2e`. Kept out of the
// unit run (`npm test`), which does not include *.e2e.ts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // One browser journey at a time; a retry would hide a flaky step, so none.
    retry: 0,
  },
});
