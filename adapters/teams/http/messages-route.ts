import type http from "node:http";
import type { CloudAdapter, TurnContext } from "botbuilder";
import type { Logger } from "../../../src/core/ports/logger.port.js";
import type { RouteHandler } from "../../../src/http/server.js";
import { responseShim } from "./response-shim.js";

/** Bot Framework activities are small; a body past this is refused before it is read. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface MessagesRouteOptions {
  adapter: CloudAdapter;
  logic: (ctx: TurnContext) => Promise<void>;
  /** true when a Microsoft App ID is configured: a request must carry a Bot Framework token. */
  authRequired: boolean;
  logger: Logger;
  maxBodyBytes?: number;
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `POST /api/messages` on the shared server: reads and parses the JSON body itself (size-limited; malformed → 400),
 * then lets the CloudAdapter authenticate the request (no or bad token → 401) and run the bot.
 */
export function messagesRoute(options: MessagesRouteOptions): RouteHandler {
  const max = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return async (req, res) => {
    let body: Record<string, unknown>;
    try {
      body = parseActivity(await readBody(req, max));
    } catch (err) {
      const status = err instanceof BodyError ? err.status : 400;
      reply(res, status, err instanceof Error ? err.message : "bad request");
      return;
    }
    // Without a bearer token there is nothing to validate: answer here, before the SDK logs a stack trace for it.
    if (options.authRequired && !/^Bearer\s+\S+/i.test(String(req.headers.authorization ?? ""))) {
      reply(res, 401, "missing Bot Framework bearer token");
      return;
    }
    const request = { method: req.method, headers: req.headers as Record<string, string | string[] | undefined>, body };
    try {
      await options.adapter.process(request, responseShim(res), options.logic);
    } catch (err) {
      options.logger.error("teams request failed", { error: err });
      if (!res.headersSent) reply(res, 500, "internal error");
    }
    if (res.statusCode === 401) options.logger.warn("teams request refused: not authenticated");
  };
}

function parseActivity(raw: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new BodyError(400, "body is not valid JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new BodyError(400, "body must be a JSON object (a Bot Framework activity)");
  }
  const activity = value as Record<string, unknown>;
  if (typeof activity.type !== "string" || !activity.type) throw new BodyError(400, "activity has no type");
  return activity;
}

function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return Promise.reject(new BodyError(413, `body larger than ${max} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyError(413, `body larger than ${max} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function reply(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error: message }));
}
