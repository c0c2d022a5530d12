import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LeaderElection } from "../../src/core/coordination/leader-election.js";
import type { ChangeListener } from "../../src/core/ports/change-feed.port.js";
import type { LeaderLock } from "../../src/core/ports/leader-lock.port.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { PgAdvisoryLock } from "../../src/infra/coordination/pg-advisory-lock.js";
import { PgChangeFeed } from "../../src/infra/coordination/pg-change-feed.js";
import { createTestDatabase, pgUnavailable, type TestDatabase, terminateSessions } from "../helpers/replica-pg.js";

const skip = await pgUnavailable();

const until = async (check: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.skipIf(skip)("replica coordination on PostgreSQL", () => {
  let db: TestDatabase;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    db = await createTestDatabase("coord");
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
    await db?.drop();
  });

  it("one holder of the advisory lock; the server frees it when the holder's session dies", async () => {
    const a = new PgAdvisoryLock("poller", { connectionString: db.url }, silentLogger);
    const b = new PgAdvisoryLock("poller", { connectionString: db.url }, silentLogger);
    const elsewhere = new PgAdvisoryLock("poller", { connectionString: db.url, schema: "tenant2" }, silentLogger);
    closers.push(
      () => a.release(),
      () => b.release(),
      () => elsewhere.release(),
    );
    let lost = 0;
    a.onLost(() => lost++);
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    // Held already: checked, not stacked.
    expect(await a.tryAcquire()).toBe(true);
    // Another schema in the same database has its own leader.
    expect(await elsewhere.tryAcquire()).toBe(true);

    // The server ends every "poller" lock session (a's, b's, elsewhere's): a hears it lost the lock; b's next try
    // reconnects and takes it.
    expect(await terminateSessions(db.name, "nato-brief poller lock")).toBe(3);
    await until(() => lost === 1);
    expect(await b.tryAcquire()).toBe(true);
    // a's next try reconnects and finds the lock taken.
    expect(await a.tryAcquire()).toBe(false);
    await b.release();
    expect(await a.tryAcquire()).toBe(true);
  });

  it("elects one leader; when it stops, a follower takes over at its next try", async () => {
    let stopped = false;
    /** Each election's lock, noting what every try started after the leader's stop found. */
    const make = () => {
      const lock = new PgAdvisoryLock("poller-election", { connectionString: db.url }, silentLogger);
      const afterStop: boolean[] = [];
      const noting: LeaderLock = {
        name: lock.name,
        onLost: (listener) => lock.onLost(listener),
        release: () => lock.release(),
        async tryAcquire() {
          const counted = stopped;
          const held = await lock.tryAcquire();
          if (counted) afterStop.push(held);
          return held;
        },
      };
      const election = new LeaderElection({ lock: noting, logger: silentLogger, retryMs: 100 });
      closers.push(() => election.stop());
      return { election, afterStop };
    };
    const replicas = [make(), make(), make()];
    const elections = replicas.map((r) => r.election);
    for (const e of elections) e.start();
    await until(() => elections.some((e) => e.isLeader));
    await new Promise((r) => setTimeout(r, 300));
    expect(elections.filter((e) => e.isLeader)).toHaveLength(1);
    const leader = elections.find((e) => e.isLeader)!;
    const changes: boolean[] = [];
    const rest = replicas.filter((r) => r.election !== leader);
    for (const r of rest) r.election.onChange((l) => changes.push(l));
    await leader.stop();
    stopped = true;
    // The deadline only bounds a hang; what counts is that the lock was free at once: of the followers' first
    // tries after the stop, one took the lock (and the other found it taken).
    await until(() => rest.some((r) => r.election.isLeader), 20_000);
    await until(() => rest.every((r) => r.afterStop.length > 0), 5_000);
    expect(rest.map((r) => r.afterStop[0]).sort()).toEqual([false, true]);
    await new Promise((r) => setTimeout(r, 300));
    expect(rest.filter((r) => r.election.isLeader)).toHaveLength(1);
    expect(changes).toEqual([true]);
  });

  it("tells the other replicas which release changed, not itself, and resyncs after a lost connection", async () => {
    const heard = { a: [] as string[], b: [] as string[], resyncs: 0 };
    const listener = (into: string[], onResync = () => {}): ChangeListener => ({
      changed: (id) => into.push(id),
      resync: onResync,
    });
    const a = new PgChangeFeed({ connectionString: db.url }, silentLogger);
    const b = new PgChangeFeed({ connectionString: db.url }, silentLogger);
    closers.push(
      () => a.close(),
      () => b.close(),
    );
    await a.listen(listener(heard.a));
    await b.listen(listener(heard.b, () => heard.resyncs++));
    await a.announce("release-1");
    await until(() => heard.b.length === 1);
    expect(heard.b).toEqual(["release-1"]);
    await b.announce("release-2");
    await until(() => heard.a.length === 1);
    expect(heard.a).toEqual(["release-2"]);
    expect(heard.b).toEqual(["release-1"]);

    // The server drops every feed session; each reconnects, listens again and resyncs (what it missed is unknown).
    expect(await terminateSessions(db.name, "nato-brief release feed")).toBe(2);
    await until(() => heard.resyncs === 1, 5000);
    await a.announce("release-3");
    await until(() => heard.b.length === 2, 5000);
    expect(heard.b).toEqual(["release-1", "release-3"]);
  });
});
