import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // End-to-end tests start the compiled CLI and server as child processes: give them room on a busy 2-core
    // machine without hiding a hang.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Child processes and real sockets: forks isolate them better than threads.
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/contract/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Builds dist/ once when it is missing or older than the sources; e2e tests run the compiled build.
          globalSetup: ["tests/e2e/global-setup.ts"],
        },
      },
    ],
  },
});
