import type Database from "better-sqlite3";

export interface WriteRetry {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; doubled each time, with jitter. */
  baseDelayMs: number;
}

const DEFAULT_RETRY: WriteRetry = { attempts: 5, baseDelayMs: 25 };
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `fn` as one write transaction that takes the write lock first (`BEGIN IMMEDIATE`). A deferred transaction
 * that reads then writes cannot upgrade its lock once another process has committed (SQLITE_BUSY at once, whatever
 * busy_timeout says), so concurrent ingests lost writes; an immediate one waits its turn in busy_timeout instead.
 * SQLITE_BUSY after that wait is retried with back-off. The wait is synchronous: better-sqlite3 is, inside the
 * asynchronous store ports.
 */
export function writeTransaction<T>(db: Database.Database, fn: () => T, retry: WriteRetry = DEFAULT_RETRY): T {
  const transaction = db.transaction(fn);
  for (let attempt = 1; ; attempt++) {
    try {
      return transaction.immediate();
    } catch (err) {
      if (!isBusy(err) || attempt >= retry.attempts || db.inTransaction) throw err;
      const delay = retry.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      Atomics.wait(sleeper, 0, 0, delay);
    }
  }
}

export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}
