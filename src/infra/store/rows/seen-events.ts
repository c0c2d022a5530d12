/** How long a seen event id is kept: Slack stops retrying within minutes; a day leaves room to spare. */
export const SEEN_EVENT_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * When the `seen_events` table of either store is pruned: at most every keepMs/24, so the DELETE does not run
 * on every event. `cutoff` answers the ISO time before which rows go, or undefined while no prune is due.
 */
export class SeenEventPruning {
  private last = 0;

  constructor(private readonly keepMs = SEEN_EVENT_KEEP_MS) {}

  cutoff(now: Date): string | undefined {
    if (now.getTime() - this.last <= this.keepMs / 24) return undefined;
    this.last = now.getTime();
    return new Date(now.getTime() - this.keepMs).toISOString();
  }
}
