import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeServer, listenOnLoopback, readBody } from "./http-helpers.js";

/**
 * A Bot Framework Connector on 127.0.0.1 for tests: the real botbuilder CloudAdapter posts replies to the
 * `serviceUrl` of each activity, which tests point here. It speaks the REST routes the adapter uses
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference):
 * - `POST /v3/conversations/{id}/activities/{replyToId}` (reply), `POST /v3/conversations/{id}/activities` (send),
 * - `PUT /v3/conversations/{id}/activities/{activityId}` (update a card in place),
 * and answers `{ id }`. Each request is recorded; a queue of statuses (429 with Retry-After, 502 …) can be
 * answered before the normal 200.
 */

export interface ConnectorCall {
  method: string;
  path: string;
  /** Decoded conversation id from the path. */
  conversationId: string;
  /** The `{replyToId}` or `{activityId}` path segment, when present. */
  activityId?: string | undefined;
  kind: "reply" | "send" | "update" | "other";
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (an Activity). */
  body: Record<string, unknown>;
  /** What the fake answered. */
  status: number;
  at: number;
}

export interface QueuedStatus {
  status: number;
  headers?: Record<string, string>;
  /** Only requests of this kind take this answer (default: any). */
  kind?: ConnectorCall["kind"];
}

export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly queue: QueuedStatus[] = [];
  private readonly waiters: { predicate: (c: ConnectorCall) => boolean; resolve: (c: ConnectorCall) => void }[] = [];
  private server: Server | undefined;
  private port = 0;
  private counter = 0;

  /** The `serviceUrl` to put in activities (with a trailing slash, as Teams sends it). */
  get url(): string {
    if (!this.server) throw new Error("FakeBotConnector: call start() first");
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Message activities received (typing indicators left out). */
  get messages(): ConnectorCall[] {
    return this.calls.filter((c) => c.body.type === "message");
  }

  /** Answers the next matching requests with these statuses before going back to 200. */
  enqueue(...statuses: QueuedStatus[]): this {
    this.queue.push(...statuses);
    return this;
  }

  reset(): void {
    this.calls.length = 0;
    this.queue.length = 0;
  }

  /** Resolves with the first recorded call (past or future) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (c: ConnectorCall) => boolean, timeoutMs = 10_000): Promise<ConnectorCall> {
    const seen = this.calls.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`FakeBotConnector: no matching call in ${timeoutMs} ms; got ${this.describe()}`));
      }, timeoutMs);
      waiter.resolve = (c) => {
        clearTimeout(timer);
        resolve(c);
      };
      this.waiters.push(waiter);
    });
  }

  describe(): string {
    return JSON.stringify(this.calls.map((c) => `${c.method} ${c.path} ${String(c.body.type)}`));
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) send(res, 500, { error: { code: "FakeError", message: String(err) } });
      });
    });
    this.port = await listenOnLoopback(server);
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await closeServer(server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/.exec(path);
    const method = req.method ?? "";
    const kind: ConnectorCall["kind"] = !m
      ? "other"
      : method === "PUT" && m[2]
        ? "update"
        : method === "POST"
          ? m[2]
            ? "reply"
            : "send"
          : "other";
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = { raw };
    }
    const index = kind === "other" ? -1 : this.queue.findIndex((q) => !q.kind || q.kind === kind);
    const queued = index >= 0 ? this.queue.splice(index, 1)[0] : undefined;
    const status = kind === "other" ? 404 : (queued?.status ?? 200);
    const call: ConnectorCall = {
      method,
      path,
      conversationId: m ? decodeURIComponent(m[1] ?? "") : "",
      activityId: m?.[2] ? decodeURIComponent(m[2]) : undefined,
      kind,
      headers: { ...req.headers },
      body,
      status,
      at: Date.now(),
    };
    this.calls.push(call);
    for (const w of [...this.waiters]) {
      if (w.predicate(call)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
    if (kind === "other") {
      send(res, 404, { error: { code: "NotFound", message: `fake-bot-connector: no route ${method} ${path}` } });
    } else if (queued) {
      send(res, status, { error: { code: `Status${status}`, message: "fake" } }, queued.headers);
    } else {
      this.counter += 1;
      send(res, 200, { id: kind === "update" ? call.activityId : `fake-activity-${this.counter}` });
    }
  }
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  return new FakeBotConnector().start();
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
