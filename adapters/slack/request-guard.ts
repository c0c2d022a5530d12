import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../../src/core/ports/logger.port.js";
import { BodyError, readBody } from "../../src/http/read-body.js";
import type { RouteHandler } from "../../src/http/server.js";
import { slackBodyProblem } from "./slack-body-shape.js";

/** Slack's own payloads are a few KB; a message is at most 40,000 characters. Bolt's default is 4 MB. */
export const MAX_SLACK_BODY_BYTES = 512 * 1024;

export interface RequestGuardOptions {
  signingSecret: string;
  /** Origins `response_url` may point to (https://hooks.slack.com unless configured). */
  responseUrlOrigins: string[];
  logger: Logger;
  /** Counts requests answered 4xx here, for /healthz. */
  onRejected?: (status: number) => void;
  maxBodyBytes?: number;
}

/**
 * In front of Bolt's HTTPReceiver: reads the body (size-limited), checks the signature, and hands Bolt only a
 * request whose body is an object of a kind Slack sends, with single-valued form fields and a `response_url` on
 * Slack's hooks host. Anything else is answered here: 413, 401 (unsigned or stale, as Bolt would), 400 (signed but
 * malformed). Bolt reads the buffered body (`rawBody`) instead of the stream, so the body is read once.
 * Why: Bolt reads `body.ssl_check` of whatever JSON.parse returned, so a signed `payload=null` rejected a promise
 * nobody awaited and the process exited.
 */
export function guardSlackRequests(bolt: RouteHandler, options: RequestGuardOptions): RouteHandler {
  const max = options.maxBodyBytes ?? MAX_SLACK_BODY_BYTES;
  const refuse = (res: ServerResponse, status: number, reason: string) => {
    options.onRejected?.(status);
    options.logger.warn("slack request refused", { status, reason });
    if (!res.headersSent) res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: reason }));
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    let raw: Buffer;
    try {
      raw = await readBody(req, max);
    } catch (err) {
      refuse(res, err instanceof BodyError ? err.status : 400, (err as Error).message);
      return;
    }
    const text = raw.toString("utf8");
    const contentType = String(req.headers["content-type"] ?? "");
    const form = contentType === "application/x-www-form-urlencoded";
    // Slack's SSL check is unsigned by design; Bolt answers it and strips anything else from the body.
    if (form && parseQuery(text).ssl_check === "1") return forward(bolt, req, res, raw);
    if (!signed(req, text, options.signingSecret)) return refuse(res, 401, "missing, wrong or stale Slack signature");
    const problem = slackBodyProblem(text, form, options.responseUrlOrigins);
    if (problem) return refuse(res, 400, problem);
    return forward(bolt, req, res, raw);
  };
}

function signed(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers["x-slack-signature"];
  const timestamp = req.headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || typeof timestamp !== "string") return false;
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
  });
}

function forward(bolt: RouteHandler, req: IncomingMessage, res: ServerResponse, raw: Buffer) {
  // Bolt's bufferIncomingMessage uses `rawBody` when it is already there.
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  return bolt(req, res);
}
