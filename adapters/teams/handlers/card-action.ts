import type { TurnContext } from "botbuilder";
import { briefCard } from "../render/brief-card.js";
import { decodeCardAction } from "../render/card-actions.js";
import { languagesFor } from "../render/languages.js";
import type { TeamsDeps } from "../teams-deps.js";
import { sendReply } from "./run-command.js";
import { toActivity } from "./to-activity.js";
import { commandContextOf } from "./turn-context.js";

/**
 * `Action.Submit` from a brief card: a language switch re-renders that card in place (the stored brief, no
 * engine call); 👍/👎 is recorded against the exact brief (its cache key) for this user.
 */
export async function handleCardAction(ctx: TurnContext, deps: TeamsDeps): Promise<void> {
  const action = decodeCardAction(ctx.activity.value);
  if (!action) {
    deps.logger.warn("teams card action not understood; ignored", { value: typeof ctx.activity.value });
    return;
  }
  const { command: cmdCtx, languages } = await commandContextOf(ctx, deps);
  if (action.action === "feedback") {
    const { contentHash, engine, promptVersion } = action;
    const brief = { contentHash, engine, promptVersion };
    const reply = await deps.handler.recordFeedback({ releaseId: action.releaseId, brief, vote: action.vote }, cmdCtx);
    await sendReply(ctx, deps, reply, languages);
    return;
  }
  const reply = await deps.handler.handle({ kind: "show", id: action.releaseId }, cmdCtx);
  const brief = reply.kind === "briefs" ? reply.briefs[0] : undefined;
  if (!brief) {
    await sendReply(ctx, deps, reply, languages);
    return;
  }
  const shown = languagesFor(action.language, ctx.activity.locale);
  const activity = toActivity({
    kind: "card",
    card: briefCard(brief, { languages: shown }),
    summary: brief[shown[0] ?? "en"].headline,
  });
  const cardId = ctx.activity.replyToId;
  if (cardId) {
    try {
      await deps.sender.update(ctx, cardId, activity);
      return;
    } catch (err) {
      deps.logger.warn("teams card update failed; posting a new card", { error: err });
    }
  }
  await deps.sender.send(ctx, activity);
}
