/** A posting limit: at most `count` sends in any `perMs` window. */
export interface Window {
  count: number;
  perMs: number;
}

/**
 * Teams' per-bot, per-conversation limits for sending messages
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit#per-bot-per-thread-limit).
 */
export const TEAMS_PER_CONVERSATION: readonly Window[] = [
  { count: 7, perMs: 1_000 },
  { count: 8, perMs: 2_000 },
  { count: 60, perMs: 30_000 },
  { count: 1_800, perMs: 3_600_000 },
];

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Paces sends per key (a conversation) so that every window holds: `take(key)` resolves when one more send
 * fits, and records it. Callers for the same key are served in order.
 */
export class RateGate {
  private readonly sent = new Map<string, number[]>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly longest: number;

  constructor(
    private readonly windows: readonly Window[] = TEAMS_PER_CONVERSATION,
    private readonly clock: Clock = realClock,
  ) {
    this.longest = Math.max(...windows.map((w) => w.perMs));
  }

  take(key: string): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const mine = previous.then(() => this.waitForRoom(key));
    const tail = mine.catch(() => undefined);
    this.queues.set(key, tail);
    // Forget the queue once idle so the map does not grow with every conversation ever seen.
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return mine;
  }

  /** How long until `key` may send again (0 = now); exposed for tests and logs. */
  delayFor(key: string): number {
    const now = this.clock.now();
    const times = (this.sent.get(key) ?? []).filter((t) => now - t < this.longest);
    this.sent.set(key, times);
    let wait = 0;
    for (const w of this.windows) {
      const inWindow = times.filter((t) => now - t < w.perMs);
      if (inWindow.length >= w.count) {
        const oldest = inWindow[inWindow.length - w.count] ?? now;
        wait = Math.max(wait, oldest + w.perMs - now);
      }
    }
    return wait;
  }

  private async waitForRoom(key: string): Promise<void> {
    for (let wait = this.delayFor(key); wait > 0; wait = this.delayFor(key)) await this.clock.sleep(wait);
    const times = this.sent.get(key) ?? [];
    times.push(this.clock.now());
    this.sent.set(key, times);
    if (times.length === 1 && this.sent.size > 10_000) this.prune();
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [k, times] of this.sent) if (times.every((t) => now - t >= this.longest)) this.sent.delete(k);
  }
}
