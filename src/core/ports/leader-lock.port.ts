/**
 * A lock at most one process holds at a time, and which its holder loses when it dies: PostgreSQL's session
 * advisory lock (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS), freed by the
 * server when the session ends; in one process (SQLite), a flag. Used to elect the source poller's leader.
 */
export interface LeaderLock {
  /** What the lock guards, for log lines ("poller"). */
  readonly name: string;
  /**
   * Takes the lock when it is free. Resolves true while this process holds it (also when it already did: then
   * it checks the connection still holds it), false when another process holds it or the store is unreachable.
   */
  tryAcquire(): Promise<boolean>;
  /** Called when the lock was lost without `release` (the connection holding it dropped). */
  onLost(listener: () => void): void;
  /** Gives the lock up (shutdown); the next `tryAcquire` may take it again. */
  release(): Promise<void>;
}
