import { blockAction, eventCallback, type SlackRequest, slashCommand } from "./slack-requests.js";

/**
 * Signed requests a careless or hostile client can send, as the abuse probe of issue 15 found them: bodies that
 * parse to something other than an object, fields missing, duplicated or of the wrong type.
 */
export const MALFORMED_KINDS = [
  "payload-null",
  "json-null",
  "json-array",
  "json-number",
  "broken-json",
  "payload-broken",
  "command-without-text",
  "duplicated-text",
  "numeric-event-text",
  "numeric-button-value",
  "unknown-body",
] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

const form = (body: string): SlackRequest => ({ body, contentType: "application/x-www-form-urlencoded" });
const json = (body: string): SlackRequest => ({ body, contentType: "application/json" });

export function malformed(kind: MalformedKind, responseUrl: string): SlackRequest {
  switch (kind) {
    case "payload-null":
      return form("payload=null");
    case "json-null":
      return json("null");
    case "json-array":
      return json("[1,2]");
    case "json-number":
      return json("42");
    case "broken-json":
      return json('{"type":');
    case "payload-broken":
      return form("payload=%7B%22type");
    case "command-without-text": {
      const body = new URLSearchParams(slashCommand({ text: "", responseUrl }).body);
      body.delete("text");
      return form(body.toString());
    }
    case "duplicated-text":
      return form(`${slashCommand({ text: "latest", responseUrl }).body}&text=help`);
    case "numeric-event-text": {
      const dm = { type: "message", channel: "D1", channel_type: "im", user: "U1", text: 42, ts: "1.1" };
      return eventCallback(dm, `EvNum${Math.random().toString(36).slice(2)}`);
    }
    case "numeric-button-value": {
      const click = blockAction({ actionId: "brief_show", value: "x", responseUrl });
      const payload = JSON.parse(new URLSearchParams(click.body).get("payload")!);
      payload.actions[0].value = 7;
      return form(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    }
    case "unknown-body":
      return json('{"hello":"world"}');
  }
}

/** The i-th malformed request of a rotation through every kind. */
export function malformedRequest(i: number, responseUrl: string): SlackRequest {
  return malformed(MALFORMED_KINDS[i % MALFORMED_KINDS.length]!, responseUrl);
}
