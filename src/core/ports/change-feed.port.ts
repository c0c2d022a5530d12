/**
 * Tells the other replicas which release this one stored or re-briefed, so each keeps its own in-memory search
 * index current: PostgreSQL LISTEN/NOTIFY (https://www.postgresql.org/docs/current/sql-notify.html) with the
 * release id as payload; with SQLite (one process) there is nobody to tell.
 */
export interface ReleaseChangeFeed {
  /** Best effort: a change nobody hears of is repaired by the next `resync` or a restart. */
  announce(releaseId: string): Promise<void>;
  /**
   * `changed` for each release another replica announced; `resync` after a gap in listening (reconnect), when
   * announcements may have been missed.
   */
  listen(listener: ChangeListener): Promise<void>;
  close(): Promise<void>;
}

export interface ChangeListener {
  changed(releaseId: string): void;
  resync(): void;
}

/** One process: nothing to announce, nothing to hear. */
export const localChangeFeed: ReleaseChangeFeed = {
  async announce() {},
  async listen() {},
  async close() {},
};
