import type { LeaderLock } from "../../core/ports/leader-lock.port.js";

/**
 * The embedded store (SQLite) serves one process, which is always the leader: polling runs as it did before
 * replicas existed.
 */
export class InProcessLock implements LeaderLock {
  constructor(readonly name: string) {}

  async tryAcquire(): Promise<boolean> {
    return true;
  }

  onLost(): void {}

  async release(): Promise<void> {}
}
