import type { Logger } from "../../src/core/ports/logger.port.js";

/**
 * Work that outlives the HTTP request that started it (a slow command answered proactively): tracked so that
 * shutdown and tests can wait for it, and so a failure is logged instead of becoming an unhandled rejection.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(name: string, work: () => Promise<void>): void {
    const task: Promise<void> = work()
      .catch((err: unknown) => this.logger.error("teams background task failed", { task: name, error: err }))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when nothing is running (tasks started meanwhile included). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
