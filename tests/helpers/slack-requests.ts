import { createHmac } from "node:crypto";

/**
 * Requests as Slack sends them: the v0 signature over `v0:{timestamp}:{raw body}` with the signing secret
 * (https://docs.slack.dev/authentication/verifying-requests-from-slack), written here from the spec so the
 * tests check Bolt's verification rather than reuse it.
 */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Overrides the computed signature (e.g. a wrong one). */
  signature?: string;
  /** Leave the Slack headers out entirely. */
  unsigned?: boolean;
  headers?: Record<string, string>;
}

export interface SlackRequest {
  body: string;
  contentType: string;
}

/** POSTs a request to the app as Slack would, and reports the status, body and how long the answer took (`ms`, for
 * benchmarks: pass/fail tests assert no durations). */
export async function postToSlackApp(
  url: string,
  secret: string,
  request: SlackRequest,
  options: SignedOptions = {},
): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": request.contentType, ...options.headers };
  if (!options.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = options.signature ?? slackSignature(secret, timestamp, request.body);
  }
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers, body: request.body });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

export interface CommandFields {
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
  command?: string;
  /** An Enterprise Grid org the workspace belongs to; `orgWide` when the app is installed on the whole org. */
  enterpriseId?: string;
  orgWide?: boolean;
}

/** A slash command's form body. */
export function slashCommand(f: CommandFields): SlackRequest {
  const body = new URLSearchParams({
    token: "legacy-verification-token",
    team_id: f.teamId ?? "T1",
    team_domain: "fake",
    channel_id: f.channelId ?? "C1",
    channel_name: "general",
    user_id: f.userId ?? "U1",
    user_name: "alice",
    command: f.command ?? "/nato-brief",
    text: f.text,
    api_app_id: "A1",
    is_enterprise_install: f.orgWide ? "true" : "false",
    ...(f.enterpriseId ? { enterprise_id: f.enterpriseId, enterprise_name: "Org" } : {}),
    response_url: f.responseUrl,
    trigger_id: "1.2.3",
  }).toString();
  return { body, contentType: "application/x-www-form-urlencoded" };
}

/** An Events API callback (`event_callback`) as JSON; `org` for a workspace of an org-wide install. */
export function eventCallback(
  event: Record<string, unknown>,
  eventId: string,
  teamId = "T1",
  org?: { enterpriseId: string; orgWide: boolean },
): SlackRequest {
  const body = JSON.stringify({
    token: "legacy-verification-token",
    team_id: teamId,
    ...(org ? { enterprise_id: org.enterpriseId } : {}),
    api_app_id: "A1",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        team_id: org?.orgWide ? null : teamId,
        enterprise_id: org?.enterpriseId ?? null,
        user_id: "UBOT",
        is_bot: true,
        is_enterprise_install: org?.orgWide ?? false,
      },
    ],
  });
  return { body, contentType: "application/json" };
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  isEphemeral?: boolean;
}

/** A `block_actions` interaction (a button click), form-encoded as `payload=…`. */
export function blockAction(c: ButtonClick): SlackRequest {
  const channel = c.channelId ?? "C1";
  const payload = {
    type: "block_actions",
    user: { id: c.userId ?? "U1", username: "alice", team_id: "T1" },
    api_app_id: "A1",
    token: "legacy-verification-token",
    container: {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: channel,
      is_ephemeral: c.isEphemeral ?? true,
    },
    trigger_id: "1.2.3",
    team: { id: "T1", domain: "fake" },
    channel: { id: channel, name: "general" },
    response_url: c.responseUrl,
    actions: [
      {
        action_id: c.actionId,
        block_id: "brief_actions",
        text: { type: "plain_text", text: "x" },
        value: c.value,
        type: "button",
        action_ts: "1700000001.000200",
      },
    ],
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: "application/x-www-form-urlencoded",
  };
}
