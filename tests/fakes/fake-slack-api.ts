import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { FakeSocketModeServer } from "./fake-slack-api-socket.js";
import { FakeSlackOAuth, type FakeWorkspace } from "./fake-slack-oauth.js";
import { closeServer, listenOnLoopback, readBody } from "./http-helpers.js";

/**
 * A Slack Web API on 127.0.0.1 for tests: the real Bolt/Web API client is pointed at it with `SLACK_API_URL`
 * (`apiUrl`), and it also serves `response_url`s (`responseUrl()`). Every call is recorded with its parsed body
 * (form-encoded or JSON; JSON-looking fields such as `blocks` decoded). Methods can be made to answer 429 with
 * Retry-After, or a Slack error, a given number of times. Once workspaces are added to `oauth`, it also runs
 * the OAuth v2 install flow and checks every Web API call's token, answering as the workspace it belongs to.
 */

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  headers: IncomingMessage["headers"];
  at: number;
  /** OAuth mode: the workspace (or org) whose token the call carried. */
  workspace?: string | undefined;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeUser {
  id: string;
  locale?: string;
  tz?: string;
}

type Override =
  | { kind: "ratelimit"; retryAfter: number }
  | { kind: "error"; error: string }
  | { kind: "status"; status: number };

/** A digest part as the fake received it: its channel, the idempotency key in its metadata, who sent it. */
export interface DigestPost {
  channel: string;
  key: string | undefined;
  /** The bot token it carried (replicas in tests each get their own, to tell who posted). */
  token: string | undefined;
  at: number;
}

export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  /** Every accepted `chat.postMessage`, in order; `keep: false` in `postOptions` keeps only these (long runs). */
  readonly posts: DigestPost[] = [];
  /**
   * `chat.postMessage` behaviour: `latencyMs` before answering (the post is recorded, and `onPost` called, on
   * arrival, so a sender killed meanwhile never learns it was accepted, as with a real network); `limit`, a
   * workspace-wide sliding window answered with 429 + Retry-After beyond it; `keepCalls: false` records posts
   * only in `posts`, not in `calls` (thousands of posts across trials).
   */
  readonly postOptions: {
    latencyMs: number;
    limit?: { count: number; perMs: number } | undefined;
    keepCalls: boolean;
    onPost?: ((post: DigestPost) => void) | undefined;
  } = { latencyMs: 0, keepCalls: true };
  /** Posts refused by `postOptions.limit`. */
  rateLimited = 0;
  private readonly sentAt: number[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Bot identity `auth.test` returns. */
  readonly bot = { userId: "UBOT", botId: "BBOT", teamId: "T1" };
  /** Socket Mode: `apps.connections.open` hands out this server's WebSocket once `socketMode.enabled`. */
  readonly socketMode = { enabled: false, server: new FakeSocketModeServer() };
  /** Installs (authorize page, oauth.v2.access) and per-workspace tokens. */
  readonly oauth = new FakeSlackOAuth();
  private readonly overrides = new Map<string, Override[]>();
  private readonly posted = new Map<string, Record<string, unknown>[]>();
  private server: Server | undefined;
  private port = 0;
  private seq = 0;
  private waiters: (() => void)[] = [];
  /** While set, every request is recorded on arrival and answered only once `hold`'s release is called. */
  private gate: Promise<void> | undefined;

  /**
   * Holds every answer (Web API and response_url) until the returned function is called: a test that gets an
   * ack from the app meanwhile knows the ack did not wait for any of the work that calls Slack.
   */
  hold(): () => void {
    let release = () => {};
    this.gate = new Promise<void>((resolve) => {
      release = () => {
        this.gate = undefined;
        resolve();
      };
    });
    return release;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on("upgrade", (req, socket) => {
      if (this.socketMode.enabled && req.url?.startsWith("/socket")) this.socketMode.server.upgrade(req, socket);
      else socket.destroy();
    });
    this.port = await listenOnLoopback(this.server);
    return this;
  }

  async close(): Promise<void> {
    this.socketMode.server.close();
    if (this.server) await closeServer(this.server);
  }

  /** Web API base for `SLACK_API_URL` / `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** Slack's authorize page here, for SLACK_AUTHORIZE_URL. */
  get authorizeUrl(): string {
    return `http://127.0.0.1:${this.port}/oauth/v2/authorize`;
  }

  /** A fresh `response_url` this server records posts to. */
  responseUrl(id = `r${++this.seq}`): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): ResponseUrlPost[] {
    return this.responses.filter((r) => r.id === id);
  }

  /** The next `times` calls of `method` answer HTTP 429 with `Retry-After: retryAfter`. */
  rateLimit(method: string, retryAfter: number, times = 1): void {
    this.queue(method, { kind: "ratelimit", retryAfter }, times);
  }

  /** The next `times` calls of `method` answer `{ ok: false, error }`. */
  failWith(method: string, error: string, times = 1): void {
    this.queue(method, { kind: "error", error }, times);
  }

  /** The next `times` calls of `method` answer a bare HTTP status (e.g. 503). */
  failStatus(method: string, status: number, times = 1): void {
    this.queue(method, { kind: "status", status }, times);
  }

  /** Resolves once `check` holds (re-checked after every recorded request), or rejects after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake Slack: condition not met within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private queue(method: string, o: Override, times: number): void {
    const list = this.overrides.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(o);
    this.overrides.set(method, list);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = parseBody(raw, String(req.headers["content-type"] ?? ""));
    const gate = this.gate;
    const send = async (status: number, value: unknown, headers: Record<string, string> = {}) => {
      await gate;
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(value));
      for (const wake of this.waiters.splice(0)) wake();
    };
    // For a fake running in another process (the benchmark): what was received, without the bodies.
    if (req.method === "GET" && url.pathname === "/_received") {
      return send(200, {
        calls: this.calls.map((c) => ({ method: c.method, at: c.at })),
        responses: this.responses.map((r) => ({ id: r.id, at: r.at })),
      });
    }
    if (req.method === "GET" && url.pathname === "/oauth/v2/authorize") {
      const answer = this.oauth.authorize(url, req.headers.cookie);
      if (answer.location) res.writeHead(302, { location: answer.location }).end();
      else res.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.text);
      for (const wake of this.waiters.splice(0)) wake();
      return;
    }
    const responseId = /^\/response\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (responseId) {
      this.responses.push({ id: responseId, body, at: Date.now() });
      return send(200, { ok: true });
    }
    const method = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
    if (!method) return send(404, { ok: false, error: "not_found" });
    const call: ApiCall = { method, body, headers: req.headers, at: Date.now() };
    if (method === "chat.postMessage") {
      const refused = this.overLimit(call.at);
      if (refused !== undefined) {
        this.rateLimited++;
        return send(429, { ok: false, error: "ratelimited" }, { "retry-after": String(refused) });
      }
    }
    if (method !== "chat.postMessage" || this.postOptions.keepCalls) this.calls.push(call);
    if (method === "oauth.v2.access") return send(200, this.oauth.access(body, req.headers.authorization));
    let workspace: FakeWorkspace | undefined;
    if (this.oauth.enabled) {
      const token = req.headers.authorization?.replace(/^Bearer /, "") ?? (body.token as string | undefined);
      const checked = this.oauth.check(token);
      if (checked.error) return send(200, { ok: false, error: checked.error });
      workspace = checked.workspace;
      call.workspace = workspace?.id;
    }
    const override = this.overrides.get(method)?.shift();
    if (override?.kind === "ratelimit") {
      return send(429, { ok: false, error: "ratelimited" }, { "retry-after": String(override.retryAfter) });
    }
    if (override?.kind === "error") return send(200, { ok: false, error: override.error });
    if (override?.kind === "status") return send(override.status, { ok: false, error: "http_error" });
    const answer = this.answer(method, body, workspace);
    if (method === "chat.postMessage") {
      const post = this.recordPost(body, req.headers.authorization, call.at);
      this.postOptions.onPost?.(post);
      if (this.postOptions.latencyMs > 0) await new Promise((r) => setTimeout(r, this.postOptions.latencyMs));
    }
    return send(200, answer);
  }

  /** Posts per idempotency key (parts without one are not counted). */
  postsByKey(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const p of this.posts) if (p.key) counts.set(p.key, (counts.get(p.key) ?? 0) + 1);
    return counts;
  }

  private recordPost(body: Record<string, unknown>, authorization: string | undefined, at: number): DigestPost {
    const metadata = body.metadata as { event_payload?: { key?: unknown } } | undefined;
    const key = metadata?.event_payload?.key;
    const post: DigestPost = {
      channel: String(body.channel),
      key: typeof key === "string" ? key : undefined,
      token: authorization?.replace(/^Bearer /, "") ?? (body.token as string | undefined),
      at,
    };
    this.posts.push(post);
    return post;
  }

  /** Seconds to wait (Slack's Retry-After is whole seconds) when `postOptions.limit` is reached, else undefined. */
  private overLimit(now: number): number | undefined {
    const limit = this.postOptions.limit;
    if (!limit) return undefined;
    while (this.sentAt.length > 0 && this.sentAt[0]! <= now - limit.perMs) this.sentAt.shift();
    if (this.sentAt.length >= limit.count) return Math.max(1, Math.ceil((this.sentAt[0]! + limit.perMs - now) / 1000));
    this.sentAt.push(now);
    return undefined;
  }

  private answer(method: string, body: Record<string, unknown>, workspace?: FakeWorkspace): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        if (workspace) {
          const orgWide = workspace.id.startsWith("E");
          return {
            ok: true,
            url: `https://${workspace.id.toLowerCase()}.fake.slack.test/`,
            team: workspace.name,
            user: "nato-brief",
            team_id: orgWide ? undefined : workspace.id,
            enterprise_id: orgWide ? workspace.id : workspace.enterpriseId,
            is_enterprise_install: orgWide,
            user_id: workspace.botUserId,
            bot_id: workspace.botId,
          };
        }
        return {
          ok: true,
          url: "https://fake.slack.test/",
          team: "Fake",
          user: "nato-brief",
          team_id: this.bot.teamId,
          user_id: this.bot.userId,
          bot_id: this.bot.botId,
        };
      case "chat.postMessage": {
        const channel = String(body.channel);
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}`;
        const bot = workspace
          ? { user: workspace.botUserId, bot_id: workspace.botId }
          : { user: this.bot.userId, bot_id: this.bot.botId };
        const message = { ...body, ts, ...bot, type: "message" };
        this.posted.set(channel, [message, ...(this.posted.get(channel) ?? [])]);
        return { ok: true, channel, ts, message };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}` };
      case "chat.update":
      case "chat.delete":
        return { ok: true, channel: body.channel, ts: body.ts };
      case "conversations.history":
      case "conversations.replies":
        return { ok: true, messages: this.posted.get(String(body.channel)) ?? [], has_more: false };
      case "users.info": {
        const user = this.users.get(String(body.user));
        return user ? { ok: true, user: { ...user, name: user.id } } : { ok: false, error: "user_not_found" };
      }
      case "assistant.threads.setStatus":
      case "assistant.threads.setSuggestedPrompts":
      case "assistant.threads.setTitle":
        return { ok: true };
      case "apps.connections.open":
        return this.socketMode.enabled
          ? { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=fake` }
          : { ok: false, error: "invalid_auth" };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes("application/json")) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _raw: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
