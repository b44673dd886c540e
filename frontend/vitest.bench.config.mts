// Browser benchmarks (bench/**/*.run.ts) against the running stack: `make bench`. Not tests:
// they print what they measured; kept out of `npm test` and `make e2e`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    environment: "node",
    include: ["bench/**/*.run.ts"],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    retry: 0,
  },
});
