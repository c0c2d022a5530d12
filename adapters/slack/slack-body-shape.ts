import { parse as parseQuery } from "node:querystring";

/**
 * Kinds of request Slack sends to one Request URL (https://docs.slack.dev/apis/events-api,
 * https://docs.slack.dev/interactivity/handling-user-interaction): slash commands are recognised by `command`,
 * everything else by `type`.
 */
const KNOWN_TYPES = new Set([
  "event_callback",
  "url_verification",
  "app_rate_limited",
  "block_actions",
  "block_suggestion",
  "view_submission",
  "view_closed",
  "shortcut",
  "message_action",
  "interactive_message",
  "dialog_submission",
  "dialog_cancellation",
  "dialog_suggestion",
  "workflow_step_edit",
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What is wrong with a signed body, parsed the way Bolt parses it (a form's `payload` field as JSON, another form
 * as fields, anything else as JSON); undefined when Bolt may have it.
 */
export function slackBodyProblem(text: string, form: boolean, responseUrlOrigins: string[]): string | undefined {
  let body: unknown;
  if (form) {
    const fields = parseQuery(text);
    for (const [name, value] of Object.entries(fields)) {
      if (Array.isArray(value)) return `form field "${name.slice(0, 40)}" given ${value.length} times`;
    }
    if ("payload" in fields) {
      const parsed = parseJson(String(fields.payload));
      if (!parsed.ok) return "payload is not valid JSON";
      body = parsed.value;
    } else body = fields;
  } else {
    const parsed = parseJson(text);
    if (!parsed.ok) return "body is not valid JSON";
    body = parsed.value;
  }
  if (!isObject(body))
    return `body is ${body === null ? "null" : Array.isArray(body) ? "an array" : `a ${typeof body}`}, not an object`;
  return kindProblem(body) ?? responseUrlProblem(body, responseUrlOrigins);
}

function kindProblem(body: Json): string | undefined {
  if ("command" in body) return typeof body.command === "string" ? undefined : "command is not a string";
  if (typeof body.type !== "string" || !KNOWN_TYPES.has(body.type)) return "not a kind of request Slack sends";
  if (body.type === "event_callback" && !(isObject(body.event) && typeof body.event.type === "string")) {
    return "event_callback without an event type";
  }
  if (body.type === "block_actions") {
    if (!Array.isArray(body.actions) || !body.actions.every(isObject)) return "block_actions without actions";
    if (!isObject(body.user) || typeof body.user.id !== "string") return "block_actions without a user id";
  }
  return undefined;
}

/** `response_url` (and a modal's `response_urls[].response_url`) only on an allowed origin, over https or http. */
function responseUrlProblem(body: Json, origins: string[]): string | undefined {
  const urls: unknown[] = [];
  if ("response_url" in body) urls.push(body.response_url);
  if (Array.isArray(body.response_urls)) {
    for (const r of body.response_urls) urls.push(isObject(r) ? r.response_url : r);
  }
  for (const url of urls) {
    if (typeof url !== "string") return "response_url is not a string";
    let origin: string;
    try {
      const parsed = new URL(url);
      if (parsed.username || parsed.password) return "response_url carries credentials";
      origin = parsed.origin;
    } catch {
      return "response_url is not a URL";
    }
    if (!origins.includes(origin)) return "response_url is not on Slack's hooks host";
  }
  return undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
