import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../src/core/briefing/circuit-breaker.js";

function breaker() {
  const clock = { t: 0 };
  const cb = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000, now: () => clock.t });
  return { cb, clock };
}

describe("CircuitBreaker", () => {
  it("stays closed below the threshold, and a success resets the count", () => {
    const { cb } = breaker();
    cb.recordFailure();
    cb.recordFailure();
    cb.recordSuccess();
    cb.recordFailure();
    cb.recordFailure();
    expect(cb.state).toBe("closed");
    expect(cb.canRequest()).toBe(true);
  });

  it("opens after 3 consecutive failures and refuses requests during the cool-down", () => {
    const { cb, clock } = breaker();
    for (let i = 0; i < 3; i++) cb.recordFailure();
    expect(cb.state).toBe("open");
    expect(cb.canRequest()).toBe(false);
    clock.t = 59_999;
    expect(cb.canRequest()).toBe(false);
  });

  it("lets exactly one trial through after the cool-down; success closes", () => {
    const { cb, clock } = breaker();
    for (let i = 0; i < 3; i++) cb.recordFailure();
    clock.t = 60_000;
    expect(cb.state).toBe("half-open");
    expect(cb.canRequest()).toBe(true);
    expect(cb.canRequest()).toBe(false);
    cb.recordSuccess();
    expect(cb.state).toBe("closed");
    expect(cb.canRequest()).toBe(true);
  });

  it("a failed trial reopens for a new cool-down", () => {
    const { cb, clock } = breaker();
    for (let i = 0; i < 3; i++) cb.recordFailure();
    clock.t = 60_000;
    expect(cb.canRequest()).toBe(true);
    cb.recordFailure();
    expect(cb.state).toBe("open");
    clock.t = 119_999;
    expect(cb.canRequest()).toBe(false);
    clock.t = 120_000;
    expect(cb.canRequest()).toBe(true);
  });

  it("uses the defaults and rejects nonsense options", () => {
    expect(new CircuitBreaker().state).toBe("closed");
    expect(() => new CircuitBreaker({ failureThreshold: 0 })).toThrow(
      "failureThreshold must be a positive integer, got 0",
    );
    expect(() => new CircuitBreaker({ cooldownMs: -1 })).toThrow("cooldownMs must be a non-negative number, got -1");
  });
});
