import type { Activity, CloudAdapter, ConversationReference, ResourceResponse, TurnContext } from "botbuilder";
import type { Logger } from "../../../src/core/ports/logger.port.js";
import { baseConversationId } from "../conversation/teams-keys.js";
import type { RateGate } from "./rate-gate.js";
import { type RetryPolicy, withRetry } from "./retry.js";

export interface TeamsSenderDeps {
  adapter: CloudAdapter;
  /** The bot's Microsoft App ID ("" with authentication disabled). */
  appId: string;
  gate: RateGate;
  retry: RetryPolicy;
  logger: Logger;
}

export interface ContinueOptions {
  /** Reply to this activity (a command's answer); without it the message is a new post in the conversation. */
  replyToId?: string | undefined;
}

/**
 * Every message the bot sends goes through here: paced per conversation by Teams' limits and retried on
 * 429/412/502/504. Outside a live turn it opens one with `continueConversationAsync` (proactive messaging).
 */
export class TeamsSender {
  constructor(private readonly deps: TeamsSenderDeps) {}

  /** Sends in the turn `ctx`; returns the id Teams gave the message. */
  async send(ctx: TurnContext, activity: Partial<Activity>): Promise<string> {
    const key = baseConversationId(ctx.activity.conversation?.id ?? "");
    const response = await withRetry<ResourceResponse | undefined>(
      async () => {
        await this.deps.gate.take(key);
        return ctx.sendActivity({ ...activity });
      },
      this.deps.retry,
      (info) => this.deps.logger.warn("teams send retried", { conversation: key, ...info, error: String(info.error) }),
    );
    return response?.id ?? "";
  }

  /** Replaces a message the bot posted (a card after a language switch). */
  async update(ctx: TurnContext, activityId: string, activity: Partial<Activity>): Promise<void> {
    const key = baseConversationId(ctx.activity.conversation?.id ?? "");
    await withRetry(
      async () => {
        await this.deps.gate.take(key);
        await ctx.updateActivity({ ...activity, id: activityId, conversation: ctx.activity.conversation });
      },
      this.deps.retry,
      (info) =>
        this.deps.logger.warn("teams update retried", { conversation: key, ...info, error: String(info.error) }),
    );
  }

  /** Runs `logic` in a turn of its own in the referenced conversation (after an HTTP request has been answered). */
  async continueIn(
    reference: Partial<ConversationReference>,
    options: ContinueOptions,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: { error: unknown } | undefined;
    await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (ctx) => {
      // The continuation activity has a made-up id; replies must target the real message, posts none at all.
      ctx.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) {
          if (options.replyToId) a.replyToId = options.replyToId;
          else delete a.replyToId;
        }
        return next();
      });
      // Caught here, not by the adapter's onTurnError (which would post an apology and swallow it): the caller
      // (a digest fan-out, a background command) decides what a failure means.
      try {
        await logic(ctx);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }

  /** Posts `activities` as new messages in the referenced conversation; returns their ids. */
  async post(reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<string[]> {
    const ids: string[] = [];
    await this.continueIn(reference, {}, async (ctx) => {
      for (const a of activities) ids.push(await this.send(ctx, a));
    });
    return ids;
  }
}
