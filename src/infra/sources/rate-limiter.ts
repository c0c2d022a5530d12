import { type Clock, systemClock } from "../../core/ports/clock.port.js";

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most one request per `minIntervalMs` to each host. Slots are handed out in call order when asked, so
 * concurrent callers queue instead of bursting. Clock and sleep are injectable: tests never wait.
 */
export class HostRateLimiter {
  private readonly next = new Map<string, number>();
  private readonly clock: Clock;
  private readonly sleep: Sleep;

  constructor(
    private readonly minIntervalMs: number,
    options: { clock?: Clock; sleep?: Sleep } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Resolves when a request to `host` may be sent. */
  async wait(host: string): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.max(now, this.next.get(host) ?? now);
    this.next.set(host, slot + this.minIntervalMs);
    if (slot > now) await this.sleep(slot - now);
  }
}
