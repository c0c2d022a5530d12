import type { LeaderElection } from "../coordination/leader-election.js";
import type { Logger } from "../ports/logger.port.js";
import type { TranslationQueue } from "./translation-queue.js";

/**
 * Of several replicas, only the one leading the "translations" election resumes the offline translations left
 * pending or made by an older pipeline (after an upgrade: every stored one), so that work is done once, not once
 * per replica; a follower that takes over (the leader stopped or died) resumes what is still left. Each replica
 * still translates the releases it stores itself, at once. Returns a function that stops listening.
 */
export function resumeTranslationsWhenLeading(
  election: LeaderElection,
  queue: TranslationQueue,
  logger: Logger,
): () => void {
  const resume = (leader: boolean) => {
    if (!leader) return;
    queue.resume().then(
      (queued) => queued > 0 && logger.info("offline translations resumed", { queued }),
      (err: unknown) => logger.error("could not resume the offline translations", { error: err }),
    );
  };
  const off = election.onChange(resume);
  if (election.isLeader) resume(true);
  return off;
}
