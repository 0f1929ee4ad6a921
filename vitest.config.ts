import path from "node:path";
import { defineConfig } from "vitest/config";

// `server-only` throws outside React Server Components; tests import the query modules directly.
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["lib/**/*.db.test.ts", "lib/**/*.fixtures.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts"],
          environment: "node",
          // Each test file opens its own databases; keep file-level parallelism modest on 2 cores.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        // Tests that read ../shared/fixtures (real privacy policies and registers); run by `npm run test:fixtures`.
        test: { name: "fixtures", include: ["lib/**/*.fixtures.test.ts"], environment: "node", testTimeout: 60_000 },
      },
    ],
  },
});
