/**
 * How replicas coordinate, chosen by the store: on PostgreSQL a poller lock (session advisory lock) and a release
 * feed (LISTEN/NOTIFY), each on a dedicated connection opened at first use; on SQLite (one process) the lock is
 * always ours and there is nobody to tell. `pg` is loaded only for PostgreSQL.
 */
import type { Config } from "./config.js";
import { localChangeFeed, type ReleaseChangeFeed } from "./core/ports/change-feed.port.js";
import type { LeaderLock } from "./core/ports/leader-lock.port.js";
import type { Logger } from "./core/ports/logger.port.js";
import { InProcessLock } from "./infra/coordination/in-process-lock.js";
import type { PgTarget } from "./infra/coordination/pg-session.js";

export interface Coordination {
  /** "postgres" when replicas share a database server, "local" otherwise. */
  kind: "postgres" | "local";
  /** Held by the one replica that polls the sources. */
  pollerLock: LeaderLock;
  /** Who resumes the offline translations left to do at start-up (translation-leader.ts). */
  translationsLock: LeaderLock;
  /** Releases stored or re-briefed by any replica, for every replica's search index. */
  releases: ReleaseChangeFeed;
  close(): Promise<void>;
}

export async function createCoordination(config: Config, logger: Logger): Promise<Coordination> {
  const target = pgTargetOf(config);
  if (!target) {
    return {
      kind: "local",
      pollerLock: new InProcessLock("poller"),
      translationsLock: new InProcessLock("translations"),
      releases: localChangeFeed,
      async close() {},
    };
  }
  const [{ PgAdvisoryLock }, { PgChangeFeed }] = await Promise.all([
    import("./infra/coordination/pg-advisory-lock.js"),
    import("./infra/coordination/pg-change-feed.js"),
  ]);
  const log = logger.child({ component: "replicas" });
  const pollerLock = new PgAdvisoryLock("poller", target, log);
  const translationsLock = new PgAdvisoryLock("translations", target, log);
  const releases = new PgChangeFeed(target, log);
  return {
    kind: "postgres",
    pollerLock,
    translationsLock,
    releases,
    async close() {
      await Promise.allSettled([pollerLock.release(), translationsLock.release(), releases.close()]);
    },
  };
}

/** The PostgreSQL database (and schema) the store uses, if it is PostgreSQL. */
function pgTargetOf(config: Config): PgTarget | undefined {
  const db = config.database;
  return db.kind === "postgres" ? { connectionString: db.url, schema: db.schema } : undefined;
}
