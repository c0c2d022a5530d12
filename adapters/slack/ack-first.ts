import type { IncomingMessage, ServerResponse } from "node:http";
import type { RouteHandler } from "../../src/http/server.js";

/**
 * Slack wants every request answered within 3 s, and under a burst the answers queue behind whatever else the
 * process is doing. This puts acknowledgements first: the HTTP route counts requests still waiting for their
 * response, and work that follows an ack (briefing, rendering, posting to response_url) starts only once none
 * has been waiting for `quietMs` (a burst arrives over some milliseconds, not at once), a few jobs at a time.
 * A cap on the wait (`maxDeferMs`) keeps sustained traffic from starving that work.
 */
export class AckFirst {
  private waiting = 0;
  private quietSince = 0;
  private running = 0;
  private readonly slotWaiters: (() => void)[] = [];

  constructor(private readonly options = { maxConcurrentJobs: 4, quietMs: 50, maxDeferMs: 2000 }) {}

  /** Requests received and not yet answered. */
  get pending(): number {
    return this.waiting;
  }

  /** Wraps the Slack route so requests are counted from arrival until their response is sent. */
  track(handler: RouteHandler): RouteHandler {
    return (req: IncomingMessage, res: ServerResponse) => {
      this.waiting++;
      let done = false;
      const finished = () => {
        if (done) return;
        done = true;
        this.waiting--;
        if (this.waiting === 0) this.quietSince = Date.now();
      };
      res.once("finish", finished);
      res.once("close", finished);
      return handler(req, res);
    };
  }

  /** Runs `job` once no request awaits its answer (or after maxDeferMs), at most maxConcurrentJobs at a time. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    // Re-checked after every wait for a slot: requests that came in meanwhile go first again.
    for (;;) {
      await this.idle();
      if (this.running < this.options.maxConcurrentJobs) break;
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
    this.running++;
    try {
      return await job();
    } finally {
      this.running--;
      this.slotWaiters.shift()?.();
    }
  }

  private async idle(): Promise<void> {
    const deadline = Date.now() + this.options.maxDeferMs;
    for (;;) {
      const quietFor = this.waiting === 0 ? Date.now() - this.quietSince : 0;
      if (quietFor >= this.options.quietMs || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, this.options.quietMs - quietFor)));
    }
  }
}
