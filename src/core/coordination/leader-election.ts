import type { LeaderLock } from "../ports/leader-lock.port.js";
import type { Logger } from "../ports/logger.port.js";

export interface LeaderElectionOptions {
  lock: LeaderLock;
  logger: Logger;
  /**
   * How often a follower tries to take the lock, and a leader checks it still holds it. A dead leader's lock
   * is freed by the server when its session ends, so a follower takes over within this interval.
   */
  retryMs: number;
}

/**
 * One leader among the replicas, for work that must not run twice at once (polling the sources): every replica
 * runs an election; the one holding the lock leads until it stops, dies or loses its connection. Transitions are
 * logged ("became poller leader") and told to `onChange` listeners.
 */
export class LeaderElection {
  private leader = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private checking: Promise<boolean> | undefined;
  private stopped = false;
  private readonly listeners = new Set<(leader: boolean) => void>();

  constructor(private readonly options: LeaderElectionOptions) {
    options.lock.onLost(() => this.set(false, "connection lost"));
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /** Tries now, then every `retryMs`. */
  start(): void {
    if (this.timer) return;
    this.stopped = false;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.retryMs);
    // An election alone must not keep a process alive that has nothing else to do.
    this.timer.unref?.();
  }

  onChange(listener: (leader: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One attempt (or, as leader, one check that the lock is still held); calls at once share it. */
  check(): Promise<boolean> {
    this.checking ??= this.options.lock
      .tryAcquire()
      .catch((err: unknown) => {
        this.options.logger.warn("leader lock check failed", { lock: this.options.lock.name, error: err });
        return false;
      })
      .then((held) => {
        if (!this.stopped) this.set(held, held ? undefined : "lock held elsewhere or store unreachable");
        return this.leader;
      })
      .finally(() => {
        this.checking = undefined;
      });
    return this.checking;
  }

  /** Stops trying and gives the lock up (shutdown), so another replica takes over at its next try. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.checking;
    const was = this.leader;
    this.set(false, "stopping");
    try {
      await this.options.lock.release();
      if (was) this.options.logger.info(`released ${this.options.lock.name} leadership`);
    } catch (err) {
      this.options.logger.warn("could not release the leader lock", { lock: this.options.lock.name, error: err });
    }
  }

  private set(leader: boolean, reason?: string): void {
    if (leader === this.leader) return;
    this.leader = leader;
    const { name } = this.options.lock;
    if (leader) this.options.logger.info(`became ${name} leader`, { lock: name });
    else if (reason !== "stopping") this.options.logger.warn(`lost ${name} leadership`, { lock: name, reason });
    for (const listener of this.listeners) {
      try {
        listener(leader);
      } catch (err) {
        this.options.logger.error("leader change listener failed", { lock: name, error: err });
      }
    }
  }
}
