/**
 * Bot Framework activities as Teams sends them to a bot (shapes from
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events),
 * with `serviceUrl` pointing at the fake connector.
 */
export const BOT = { id: "28:nato-brief-bot", name: "nato-brief" };
export const USER = { id: "29:user-jane", name: "Jane Doe", aadObjectId: "aad-jane" };
export const TENANT = "tenant-1";
export const TEAM = "19:team-general@thread.tacv2";
export const CHANNEL = "19:channel-news@thread.tacv2";
export const PERSONAL = "a:personal-jane";

let counter = 0;
const nextId = () => `${Date.now()}${++counter}`;

const common = (serviceUrl: string) => ({
  channelId: "msteams",
  serviceUrl,
  timestamp: new Date().toISOString(),
  locale: "en-GB",
  from: USER,
  recipient: BOT,
});

export function personalMessage(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    ...common(serviceUrl),
    type: "message",
    id: nextId(),
    text,
    conversation: { id: PERSONAL, conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

/** A message in a channel thread; `mention` puts `<at>nato-brief</at>` first, as Teams does. */
export function channelMessage(serviceUrl: string, text: string, mention = true) {
  const id = nextId();
  return {
    ...common(serviceUrl),
    type: "message",
    id,
    text: mention ? `<at>${BOT.name}</at> ${text}` : text,
    entities: mention ? [{ type: "mention", text: `<at>${BOT.name}</at>`, mentioned: BOT }] : [],
    conversation: { id: `${CHANNEL};messageid=${id}`, conversationType: "channel", isGroup: true, tenantId: TENANT },
    channelData: { team: { id: TEAM }, channel: { id: CHANNEL }, tenant: { id: TENANT } },
  };
}

/** The bot added to (or removed from) a team: `conversationUpdate` in the team's General channel. */
export function teamMembership(serviceUrl: string, change: "added" | "removed") {
  return {
    ...common(serviceUrl),
    type: "conversationUpdate",
    id: nextId(),
    ...(change === "added" ? { membersAdded: [{ id: BOT.id }] } : { membersRemoved: [{ id: BOT.id }] }),
    conversation: { id: TEAM, conversationType: "channel", isGroup: true, tenantId: TENANT },
    channelData: {
      team: { id: TEAM, name: "Press" },
      eventType: change === "added" ? "teamMemberAdded" : "teamMemberRemoved",
      tenant: { id: TENANT },
    },
  };
}

export function installationUpdate(serviceUrl: string, action: "add" | "remove") {
  return {
    ...common(serviceUrl),
    type: "installationUpdate",
    id: nextId(),
    action,
    conversation: { id: PERSONAL, conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

/** What Teams posts when a user presses an Action.Submit button of a card the bot sent (`replyToId`). */
export function cardSubmit(serviceUrl: string, value: Record<string, unknown>, replyToId: string) {
  return { ...personalMessage(serviceUrl, ""), text: undefined, value, replyToId };
}

export async function postActivity(
  port: number,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof activity === "string" ? activity : JSON.stringify(activity),
  });
  return { status: res.status, body: await res.text() };
}
