import { Assistant, type AssistantThreadStartedMiddleware, type AssistantUserMessageMiddleware } from "@slack/bolt";
import { renderReply } from "../../render/reply-message.js";
import { type SlackDeps, slackContext } from "../../slack-deps.js";
import { chatCommand } from "../events/chat-command.js";
import { guarded } from "../guarded.js";
import { MemoryThreadContextStore } from "./thread-context-store.js";

export const GREETING =
  "Ask me about NATO releases, in English or French. / Posez-moi vos questions sur les communiqués de l'OTAN, en anglais ou en français.";
export const SEARCHING_STATUS = "Searching the releases…";

/** Prompts offered when a thread opens: the same two things in each language. */
export const SUGGESTED_PROMPTS = [
  { title: "Latest NATO release", message: "latest" },
  { title: "Ask about NATO", message: "What did NATO announce about defence industry?" },
  { title: "Dernier communiqué", message: "dernier" },
  { title: "Question sur l'OTAN", message: "Qu'a annoncé l'OTAN sur l'industrie de défense ?" },
];

export function threadStartedCallback(deps: SlackDeps): AssistantThreadStartedMiddleware {
  return async ({ say, setSuggestedPrompts, saveThreadContext }) => {
    try {
      await saveThreadContext();
      await say(GREETING);
      await setSuggestedPrompts({ title: "Try / Essayez", prompts: SUGGESTED_PROMPTS });
    } catch (err) {
      deps.logger.error("assistant thread start failed", { error: err });
    }
  };
}

/** A message in an assistant thread: status while the core works, then the answer in the thread. */
export function userMessageCallback(deps: SlackDeps): AssistantUserMessageMiddleware {
  return async ({ message, say, setStatus, context, client }) => {
    const text = "text" in message && typeof message.text === "string" ? message.text : "";
    if (!text.trim() || !("user" in message) || typeof message.user !== "string") return;
    const command = chatCommand(text);
    const ctx = slackContext({
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall,
      userId: message.user,
      channelId: message.channel,
    });
    const user = message.user;
    await setStatus(SEARCHING_STATUS).catch((err: unknown) => {
      deps.logger.warn("could not set the assistant status", { error: err });
    });
    await deps.afterAcks(async () => {
      ctx.language = await deps.languages.preference(ctx.userKey);
      const [reply, langs] = await Promise.all([
        deps.handler.handle(command, ctx),
        deps.languages.languages(ctx.userKey, user, client),
      ]);
      await say(renderReply(reply, { langs, shareable: false }));
    });
  };
}

export function natoAssistant(deps: SlackDeps): Assistant {
  return new Assistant({
    threadContextStore: new MemoryThreadContextStore(),
    threadStarted: guarded(deps, "assistant-thread-started", threadStartedCallback(deps)),
    userMessage: guarded(deps, "assistant-message", userMessageCallback(deps)),
  });
}
