import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // End-to-end tests start the compiled CLI and server as child processes: give them room on a busy 2-core
    // machine without hiding a hang.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Child processes and real sockets: forks isolate them better than threads.
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, the other core idle
    // while end-to-end tests wait on their child processes. Two keep both busy.
    maxWorkers: 2,
    // What a test stubs or fakes is undone after it, whichever file runs next in the same worker.
    unstubEnvs: true,
    unstubGlobals: true,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Every test file but the e2e and fuzz ones (unit, integration, contract, and any folder added later).
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**", "tests/fuzz/**"],
          // Test files share a worker's loaded modules instead of importing the app afresh for each file (the
          // import phase was a third of the suite). A test restores what it changes: timers (vi.useRealTimers in
          // afterEach), env and globals (undone by the settings above), files and servers it opened.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "fuzz",
          include: ["tests/fuzz/**/*.test.ts"],
          // Each file in a fresh process, one at a time, after the other projects: they bound event-loop blocks,
          // which a heap grown by other files' modules (longer garbage collections) or another test file competing
          // for the CPU (end-to-end tests start processes) would blur.
          isolate: true,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
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
