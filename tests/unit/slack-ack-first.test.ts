import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { AckFirst } from "../../adapters/slack/ack-first.js";

/** A request the tracked route received, answered when the test says. */
function request(gate: AckFirst) {
  const res = new EventEmitter() as unknown as ServerResponse;
  void gate.track(() => {})({} as IncomingMessage, res);
  return { answer: () => (res as unknown as EventEmitter).emit("finish") };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("AckFirst", () => {
  it("holds work that follows an ack while any request still waits for its answer", async () => {
    const gate = new AckFirst({ maxConcurrentJobs: 4, quietMs: 10, maxDeferMs: 5000 });
    const req = request(gate);
    let ran = false;
    const job = gate.run(async () => {
      ran = true;
    });
    await tick(50);
    expect(ran).toBe(false);
    expect(gate.pending).toBe(1);
    req.answer();
    await job;
    expect(ran).toBe(true);
    expect(gate.pending).toBe(0);
  });

  it("runs at most maxConcurrentJobs at once", async () => {
    const gate = new AckFirst({ maxConcurrentJobs: 2, quietMs: 0, maxDeferMs: 1000 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        gate.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await tick(5);
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it("does not starve work under constant traffic: it waits at most maxDeferMs", async () => {
    const gate = new AckFirst({ maxConcurrentJobs: 1, quietMs: 10, maxDeferMs: 60 });
    request(gate); // never answered
    const started = Date.now();
    await gate.run(async () => {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});
