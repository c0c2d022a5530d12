export type CircuitState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long the circuit stays open before one trial request is let through. */
  cooldownMs?: number;
  now?: () => number;
}

/**
 * Stops calling an engine that keeps failing (LLM down, quota exhausted), so each brief falls back at once instead
 * of waiting for a timeout. After the cool-down one trial request goes through: success closes the circuit,
 * failure opens it for another cool-down. Callers: `if (!cb.canRequest()) fallback; else try { …; cb.recordSuccess() }
 * catch { cb.recordFailure() }`.
 */
export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private current: CircuitState = "closed";
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor({ failureThreshold = 3, cooldownMs = 60_000, now = Date.now }: CircuitBreakerOptions = {}) {
    if (!Number.isInteger(failureThreshold) || failureThreshold < 1) {
      throw new Error(`CircuitBreaker failureThreshold must be a positive integer, got ${failureThreshold}`);
    }
    if (!Number.isFinite(cooldownMs) || cooldownMs < 0) {
      throw new Error(`CircuitBreaker cooldownMs must be a non-negative number, got ${cooldownMs}`);
    }
    this.failureThreshold = failureThreshold;
    this.cooldownMs = cooldownMs;
    this.now = now;
  }

  get state(): CircuitState {
    if (this.current === "open" && this.now() - this.openedAt >= this.cooldownMs) {
      this.current = "half-open";
      this.trialInFlight = false;
    }
    return this.current;
  }

  /** true when a request may go out; in half-open, true once (the trial) until its outcome is recorded. */
  canRequest(): boolean {
    switch (this.state) {
      case "closed":
        return true;
      case "open":
        return false;
      case "half-open":
        if (this.trialInFlight) return false;
        this.trialInFlight = true;
        return true;
    }
  }

  recordSuccess(): void {
    this.current = "closed";
    this.failures = 0;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    if (this.state === "half-open") {
      this.open();
      return;
    }
    this.failures += 1;
    if (this.current === "closed" && this.failures >= this.failureThreshold) this.open();
  }

  private open(): void {
    this.current = "open";
    this.openedAt = this.now();
    this.failures = 0;
    this.trialInFlight = false;
  }
}
