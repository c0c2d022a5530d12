import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AckFirst } from "../../adapters/slack/ack-first.js";

/** A request the tracked route received, answered when the test says. */
function request(gate: AckFirst) {
  const res = new EventEmitter() as unknown as ServerResponse;
  void gate.track(() => {})({} as IncomingMessage, res);
  return { answer: () => (res as unknown as EventEmitter).emit("finish") };
}

// AckFirst reads Date.now() and waits with setTimeout: fake timers drive both, so no test waits or measures.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("AckFirst", () => {
  it("holds work that follows an ack while any request still waits for its answer", async () => {
    const gate = new AckFirst({ maxConcurrentJobs: 4, quietMs: 10, maxDeferMs: 5000 });
    const req = request(gate);
    let ran = false;
    const job = gate.run(async () => {
      ran = true;
    });
    await vi.advanceTimersByTimeAsync(4000);
    expect(ran).toBe(false);
    expect(gate.pending).toBe(1);
    req.answer();
    await vi.advanceTimersByTimeAsync(9);
    expect(ran).toBe(false); // quiet for 9 ms of the 10 asked
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toBe(true);
    await job;
    expect(gate.pending).toBe(0);
  });

  it("runs at most maxConcurrentJobs at once", async () => {
    const gate = new AckFirst({ maxConcurrentJobs: 2, quietMs: 0, maxDeferMs: 1000 });
    let running = 0;
    let peak = 0;
    const all = Promise.all(
      Array.from({ length: 6 }, () =>
        gate.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
        }),
      ),
    );
    await vi.runAllTimersAsync();
    await all;
    expect(peak).toBe(2);
  });

  it("does not starve work under constant traffic: it waits maxDeferMs, no more", async () => {
    const gate = new AckFirst({ maxConcurrentJobs: 1, quietMs: 10, maxDeferMs: 60 });
    request(gate); // never answered
    let ran = false;
    const job = gate.run(async () => {
      ran = true;
    });
    await vi.advanceTimersByTimeAsync(59);
    expect(ran).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toBe(true);
    await job;
  });
});
