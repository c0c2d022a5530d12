import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { SlackDeps } from "../../slack-deps.js";

/**
 * Answers each Events API event once: Slack redelivers an event it thinks was missed (same `event_id`,
 * `X-Slack-Retry-Num` header), and a redelivery must not post the answer twice. Bolt has already acknowledged
 * the event when this runs, so a duplicate gets its 200 and nothing else.
 */
export function dedupeEventsMiddleware(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = "event_id" in body && typeof body.event_id === "string" ? body.event_id : undefined;
    if (eventId && !(await firstSeen(deps, eventId))) {
      deps.logger.info("ignored a redelivered Slack event", { eventId, retryNum: context.retryNum });
      return;
    }
    await next();
  };
}

/** A store that cannot answer counts the event as new: answering twice beats never answering. */
async function firstSeen(deps: SlackDeps, eventId: string): Promise<boolean> {
  try {
    return await deps.dedupe.firstSeen(`slack:${eventId}`.slice(0, 300));
  } catch (err) {
    deps.logger.error("could not record a Slack event id; handling it anyway", { error: err });
    return true;
  }
}
