/** What the brief service needs from a circuit breaker (see circuit-breaker.ts). */
export interface CircuitBreakerLike {
  canRequest(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
}
