import type { Logger } from "../ports/logger.port.js";

/**
 * Keeps a claimed ledger row ours while its delivery runs: the lease is renewed every quarter of its length, so a
 * long wait inside one part (the platform's pacing, a 429's Retry-After) never lets it lapse while this replica
 * is alive, and a replica that died stops renewing and its rows are taken over once the lease runs out.
 * A renewal refused means another replica holds the row now: `lost` turns true and the delivery stops before its
 * next part.
 */
export class ClaimKeeper {
  private timer: ReturnType<typeof setInterval> | undefined;
  private lostClaim = false;
  private renewing = false;

  constructor(
    private readonly renew: () => Promise<boolean> | boolean,
    leaseMs: number,
    private readonly logger: Logger,
    private readonly what: Record<string, unknown>,
  ) {
    this.timer = setInterval(() => void this.beat(), Math.max(50, Math.floor(leaseMs / 4)));
    this.timer.unref?.();
  }

  get lost(): boolean {
    return this.lostClaim;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async beat(): Promise<void> {
    if (this.renewing || this.lostClaim) return;
    this.renewing = true;
    try {
      if (!(await this.renew())) {
        this.lostClaim = true;
        this.stop();
        this.logger.warn("digest claim taken over by another replica; stopping this delivery", this.what);
      }
    } catch (err) {
      // The store is unreachable: the lease may still run; the next renewal (or the next part's claim) decides.
      this.logger.warn("could not renew a digest claim", { ...this.what, error: err });
    } finally {
      this.renewing = false;
    }
  }
}
