import type { Clock } from "../ports/clock.port.js";

/** Waits; injected so tests run on a manual clock without real waiting. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export interface PaceKey {
  key: string;
  /** At most `count` sends in any `perMs` window. */
  rate: { count: number; perMs: number };
}

/** Float spacing (1000 / 7 ms) must not make two exactly-spaced sends look too close. */
const EPSILON = 1e-6;

/**
 * Paces sends per key (a conversation, the whole bot) in two steps:
 * - `acquire` books the earliest instant at least `perMs / count` away from every other booking of each key,
 *   filling gaps, so a send held back on a busy conversation never holds back sends to other conversations;
 * - `admit`, just before the request leaves, checks the sends that really left (timers fire late under load)
 *   against the platform's own rule, `count` per `perMs` window plus a small margin, and waits if needed.
 * A 429 holds a key until its Retry-After; sends booked inside the hold book again after it.
 */
export class KeyedPacer {
  private readonly booked = new Map<string, number[]>();
  private readonly held = new Map<string, number>();
  private readonly sent = new Map<string, number[]>();
  private admitted = 0;

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {}

  /** Resolves at the booked instant, which it returns. */
  async acquire(keys: PaceKey[]): Promise<number> {
    for (;;) {
      const now = this.clock.now().getTime();
      const at = this.earliest(keys, now);
      for (const k of keys) insertSorted(this.list(this.booked, k.key), at);
      if (at > now) await this.sleep(at - now);
      const after = this.clock.now().getTime();
      if (keys.every((k) => (this.held.get(k.key) ?? 0) <= after)) return at;
      for (const k of keys) removeOne(this.list(this.booked, k.key), at);
    }
  }

  /** Waits until sending now keeps every key within its rate, then records the send. */
  async admit(keys: PaceKey[], booked: number): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime();
      let wait = 0;
      for (const k of keys) {
        const log = this.sent.get(k.key);
        const oldest = log && log.length >= k.rate.count ? log[log.length - k.rate.count]! : undefined;
        if (oldest !== undefined) wait = Math.max(wait, oldest + windowOf(k) - now);
      }
      if (wait <= 0) {
        for (const k of keys) this.record(k, booked, now);
        if (++this.admitted % 1000 === 0) this.prune(now);
        return;
      }
      await this.sleep(wait);
    }
  }

  /** No send on `key` before `untilMs` (epoch ms). */
  holdUntil(key: string, untilMs: number): void {
    this.held.set(key, Math.max(this.held.get(key) ?? 0, untilMs));
  }

  private record(k: PaceKey, booked: number, now: number): void {
    const log = this.list(this.sent, k.key);
    log.push(now);
    if (log.length > k.rate.count) log.splice(0, log.length - k.rate.count);
    // Later bookings keep their distance from when this send really left.
    if (now > booked) {
      const list = this.list(this.booked, k.key);
      removeOne(list, booked);
      insertSorted(list, now);
    }
  }

  private earliest(keys: PaceKey[], now: number): number {
    let t = now;
    for (const k of keys) {
      const hold = this.held.get(k.key);
      if (hold !== undefined && hold <= now) this.held.delete(k.key);
      else if (hold !== undefined) t = Math.max(t, hold);
      this.dropPast(k, now);
    }
    for (let moved = true; moved; ) {
      moved = false;
      for (const k of keys) {
        const gap = spacingOf(k);
        for (const r of this.booked.get(k.key) ?? []) {
          if (r <= t - gap + EPSILON) continue;
          if (r >= t + gap - EPSILON) break;
          t = r + gap;
          moved = true;
        }
      }
    }
    return t;
  }

  /** Bookings more than one interval in the past can no longer conflict. */
  private dropPast(k: PaceKey, now: number): void {
    const list = this.booked.get(k.key);
    if (!list) return;
    const gap = spacingOf(k);
    let drop = 0;
    while (drop < list.length && list[drop]! <= now - gap) drop++;
    if (drop === list.length) this.booked.delete(k.key);
    else if (drop > 0) list.splice(0, drop);
  }

  /** Forgets send logs of conversations quiet for a minute (windows are seconds long). */
  private prune(now: number): void {
    for (const [key, log] of this.sent) if ((log.at(-1) ?? 0) < now - 60_000) this.sent.delete(key);
  }

  private list(map: Map<string, number[]>, key: string): number[] {
    let list = map.get(key);
    if (!list) {
      list = [];
      map.set(key, list);
    }
    return list;
  }
}

/** The platform's window plus a margin (1 %, at least 2 ms) for clock granularity and network jitter. */
function windowOf(k: PaceKey): number {
  return k.rate.perMs + Math.max(2, k.rate.perMs * 0.01);
}

/** Even spacing that meets the window with its margin, so `admit` rarely has to wait. */
function spacingOf(k: PaceKey): number {
  return windowOf(k) / k.rate.count;
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! > value) i--;
  list.splice(i, 0, value);
}

function removeOne(list: number[], value: number): void {
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
}

/** Smallest spacing that keeps `count` per `perMs`. */
export function intervalOf(rate: { count: number; perMs: number }): number {
  return rate.perMs / rate.count;
}
