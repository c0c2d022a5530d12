import { createHash } from "node:crypto";
import type { LeaderLock } from "../../core/ports/leader-lock.port.js";
import type { Logger } from "../../core/ports/logger.port.js";
import { PgSession, type PgTarget } from "./pg-session.js";

/**
 * A session-level advisory lock (`pg_try_advisory_lock`) on a dedicated connection: held while that session
 * lives, freed by the server the moment the session ends, however the holder died. Advisory lock keys are
 * database-wide, so the key folds in the schema: two installations sharing a database in separate schemas elect
 * separate leaders.
 */
export class PgAdvisoryLock implements LeaderLock {
  readonly key: string;
  private held = false;
  private readonly session: PgSession;
  private readonly lost = new Set<() => void>();

  constructor(
    readonly name: string,
    target: PgTarget,
    logger: Logger,
  ) {
    this.key = advisoryKey(`nato-brief:${name}:${target.schema ?? "public"}`);
    this.session = new PgSession({
      target,
      name: `${name} lock`,
      logger,
      onLost: () => {
        if (!this.held) return;
        this.held = false;
        for (const listener of this.lost) listener();
      },
    });
  }

  async tryAcquire(): Promise<boolean> {
    // A connection the server ended may not have been noticed yet: the first query finds it dead. When the lock
    // was not held, nothing is lost by asking again at once on a new connection (a follower need not wait a whole
    // retry period to take over); when it was held, the loss is reported and the caller decides.
    const wasHeld = this.held;
    for (let attempt = 0; attempt < (wasHeld ? 1 : 2); attempt++) {
      const client = await this.session.get();
      if (!client) return false;
      try {
        // Held already: a round trip proves the session (and so the lock) is still there. Taking a session lock
        // twice would stack it, needing two unlocks.
        if (this.held) {
          await client.query("SELECT 1");
          return this.held;
        }
        const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [
          this.key,
        ]);
        this.held = rows[0]?.ok === true;
        return this.held;
      } catch (err) {
        this.session.drop(err, client);
      }
    }
    return false;
  }

  onLost(listener: () => void): void {
    this.lost.add(listener);
  }

  async release(): Promise<void> {
    const client = this.session.current;
    if (this.held && client) {
      this.held = false;
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [this.key]).catch(() => {});
    }
    this.held = false;
    // Ending the session frees anything it might still hold.
    await this.session.close();
  }
}

/** A stable signed 64-bit key for a lock name (the form `pg_try_advisory_lock(bigint)` takes), as text. */
export function advisoryKey(name: string): string {
  return createHash("sha256").update(name).digest().readBigInt64BE(0).toString();
}
