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
  // Bolt tells kinds apart by keys (event, command, name, actions) before it looks at `type`.
  if ("event" in body) {
    if (body.type !== "event_callback") return "an event outside an event_callback";
  } else if ("command" in body) {
    for (const field of ["command", "text", "user_id", "team_id", "channel_id", "response_url"]) {
      if (field in body && typeof body[field] !== "string") return `slash command field ${field} is not a string`;
    }
    return typeof body.command === "string" ? undefined : "command is not a string";
  }
  if (typeof body.type !== "string" || !KNOWN_TYPES.has(body.type)) return "not a kind of request Slack sends";
  return body.type === "event_callback" ? eventProblem(body) : interactionProblem(body);
}

/** The fields Bolt reads of every event before any listener runs (conversation, user, team). */
function eventProblem(body: Json): string | undefined {
  const event = body.event;
  if (!isObject(event) || typeof event.type !== "string") return "event_callback without an event type";
  if ("channel" in event && typeof event.channel !== "string" && !isObject(event.channel))
    return "event.channel is malformed";
  if ("channel_id" in event && typeof event.channel_id !== "string") return "event.channel_id is not a string";
  if ("item" in event && !isObject(event.item)) return "event.item is not an object";
  if ("subteam" in event && !isObject(event.subteam)) return "event.subteam is not an object";
  if (
    "user" in event &&
    typeof event.user !== "string" &&
    !(isObject(event.user) && typeof event.user.id === "string")
  ) {
    return "event.user is malformed";
  }
  if ("authorizations" in body && !(Array.isArray(body.authorizations) && body.authorizations.every(isObject))) {
    return "authorizations is not a list of objects";
  }
  return undefined;
}

/** Interactions (buttons, modals, shortcuts): Bolt reads `user.id`, `team`, `channel.id`, `view` unguarded. */
function interactionProblem(body: Json): string | undefined {
  const type = String(body.type);
  if (type === "url_verification" || body.type === "app_rate_limited") return undefined;
  if (!isObject(body.user) || typeof body.user.id !== "string") return `${type} without a user id`;
  for (const field of ["team", "enterprise"]) {
    if (field in body && body[field] !== null && !isObject(body[field])) return `${field} is not an object`;
  }
  for (const field of ["channel", "container", "message", "view"]) {
    if (field in body && !isObject(body[field])) return `${field} is not an object`;
  }
  if (type.startsWith("view_") && !isObject(body.view)) return `${type} without a view`;
  if ("actions" in body && !(Array.isArray(body.actions) && body.actions.every(isObject))) {
    return "actions is not a list of objects";
  }
  if (type === "block_actions" && !Array.isArray(body.actions)) return "block_actions without actions";
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
