import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // End-to-end tests start the CLI and the server as child processes (tsx compiles on start): give them room
    // on a busy 2-core machine without hiding a hang.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Child processes and real sockets: forks isolate them better than threads.
    pool: "forks",
  },
});
