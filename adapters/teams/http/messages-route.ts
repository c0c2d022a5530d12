import type http from "node:http";
import type { CloudAdapter, TurnContext } from "botbuilder";
import type { Logger } from "../../../src/core/ports/logger.port.js";
import { BodyError, readBody } from "../../../src/http/read-body.js";
import type { RouteHandler } from "../../../src/http/server.js";
import { type ServiceUrlPolicy, serviceUrlProblem } from "../conversation/service-url.js";
import { responseShim } from "./response-shim.js";

/** Bot Framework activities are small; a body past this is refused before it is read. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface MessagesRouteOptions {
  adapter: CloudAdapter;
  logic: (ctx: TurnContext) => Promise<void>;
  /** true when a Microsoft App ID is configured: a request must carry a Bot Framework token. */
  authRequired: boolean;
  logger: Logger;
  /** Which serviceUrls replies may go to (see service-url.ts). */
  serviceUrls: ServiceUrlPolicy;
  maxBodyBytes?: number;
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
      body = parseActivity(await readText(req, max));
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
    // Without authentication nothing vouches for the serviceUrl: it must be a configured one before any work.
    if (!options.authRequired) {
      const problem = serviceUrlProblem(body.serviceUrl, options.serviceUrls);
      if (problem) {
        options.logger.warn("teams activity refused", { reason: problem });
        reply(res, 400, problem);
        return;
      }
    }
    let refused: string | undefined;
    const logic = async (ctx: TurnContext) => {
      // With authentication the SDK checked the token; its serviceurl claim must name this activity's serviceUrl.
      if (options.authRequired) {
        const claim = serviceUrlClaim(ctx);
        refused =
          claim !== undefined && claim !== ctx.activity.serviceUrl
            ? "serviceUrl differs from the token's serviceurl claim"
            : serviceUrlProblem(ctx.activity.serviceUrl, options.serviceUrls, claim ? "token" : "unverified");
        if (refused) return;
      }
      await options.logic(ctx);
    };
    const request = { method: req.method, headers: req.headers as Record<string, string | string[] | undefined>, body };
    // A turn the claim check refused is answered 401 instead of the adapter's 200.
    const refusal = () => (refused ? { status: 401, body: JSON.stringify({ error: refused }) } : undefined);
    try {
      await options.adapter.process(request, responseShim(res, refusal), logic);
    } catch (err) {
      options.logger.error("teams request failed", { error: err });
      if (!res.headersSent) reply(res, 500, "internal error");
    }
    if (refused) options.logger.warn("teams activity refused", { reason: refused });
    else if (res.statusCode === 401) options.logger.warn("teams request refused: not authenticated");
  };
}

function serviceUrlClaim(ctx: TurnContext): string | undefined {
  const key = (ctx.adapter as { BotIdentityKey?: symbol }).BotIdentityKey;
  const identity = key
    ? (ctx.turnState.get(key) as { getClaimValue?: (t: string) => string | null } | undefined)
    : undefined;
  return identity?.getClaimValue?.("serviceurl") ?? undefined;
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

async function readText(req: http.IncomingMessage, max: number): Promise<string> {
  return (await readBody(req, max)).toString("utf8");
}

function reply(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error: message }));
}
