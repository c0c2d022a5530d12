import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeServer, listenOnLoopback, readBody } from "./http-helpers.js";

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 for tests: the real `openai` client talks HTTP to it.
 * Every request is recorded; each is answered by the next queued behaviour (or `fallback` when the queue is empty).
 * Serves `POST /v1/chat/completions` and `POST /chat/completions` (a baseURL without `/v1`).
 */

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; undefined when the body was not JSON. */
  body: ChatRequestBody | undefined;
  rawBody: string;
}

/** The parts of a chat completion request tests look at; the rest passes through as unknown. */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string | null }[];
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema?: Record<string, unknown> };
  };
  temperature?: number;
  max_tokens?: number;
  [key: string]: unknown;
}

export type FakeBehaviour =
  /** `choices[0].message.content` = JSON.stringify(value), or the JSON in a ```json fence. */
  | { kind: "json"; value: unknown; usage?: Partial<FakeUsage>; fenced?: boolean }
  /** Any text as the message content: invalid JSON, a Q&A answer. */
  | { kind: "text"; content: string; usage?: Partial<FakeUsage>; finishReason?: string }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: "status"; status: number; headers?: Record<string, string>; message?: string }
  /** Waits, then behaves as `then` (default: an empty 200 reply); longer than the client timeout = a timeout. */
  | { kind: "delay"; ms: number; then?: FakeBehaviour }
  /** Never answers: the request stays open until the client gives up on it, then it is listed in `abandoned`. */
  | { kind: "hang" }
  /** Decides from the request. */
  | { kind: "handler"; handle: (request: RecordedRequest) => FakeBehaviour | Promise<FakeBehaviour> };

export const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 100, completion_tokens: 50, cached_tokens: 0 };

/** Behaviour builders, so tests read as a script: `fake.enqueue(reply.json(brief), reply.status(500))`. */
export const reply = {
  json: (value: unknown, usage?: Partial<FakeUsage>): FakeBehaviour => ({
    kind: "json",
    value,
    ...(usage ? { usage } : {}),
  }),
  fencedJson: (value: unknown, usage?: Partial<FakeUsage>): FakeBehaviour => ({
    kind: "json",
    value,
    fenced: true,
    ...(usage ? { usage } : {}),
  }),
  text: (content: string, usage?: Partial<FakeUsage>): FakeBehaviour => ({
    kind: "text",
    content,
    ...(usage ? { usage } : {}),
  }),
  status: (status: number, headers?: Record<string, string>): FakeBehaviour => ({
    kind: "status",
    status,
    ...(headers ? { headers } : {}),
  }),
  rateLimited: (retryAfterSeconds: number): FakeBehaviour => ({
    kind: "status",
    status: 429,
    headers: { "retry-after": String(retryAfterSeconds) },
    message: "Rate limit reached",
  }),
  delay: (ms: number, then?: FakeBehaviour): FakeBehaviour => ({ kind: "delay", ms, ...(then ? { then } : {}) }),
  hang: (): FakeBehaviour => ({ kind: "hang" }),
  handler: (handle: (request: RecordedRequest) => FakeBehaviour | Promise<FakeBehaviour>): FakeBehaviour => ({
    kind: "handler",
    handle,
  }),
};

export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  /** Requests answered `hang` whose client closed the connection (a timeout, an abort). */
  readonly abandoned: RecordedRequest[] = [];
  /** Answers requests when the queue is empty; by default a 500 that says so, so a missing script is loud. */
  fallback: FakeBehaviour = { kind: "status", status: 500, message: "fake-openai: no behaviour queued" };
  private readonly queue: FakeBehaviour[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | undefined;
  private port = 0;
  private counter = 0;

  /** Base URL for `new OpenAI({ baseURL })`, with `/v1`. */
  get url(): string {
    if (!this.server) throw new Error("FakeOpenAiServer: call start() first");
    return `http://127.0.0.1:${this.port}/v1`;
  }

  get lastRequest(): RecordedRequest | undefined {
    return this.requests.at(-1);
  }

  enqueue(...behaviours: FakeBehaviour[]): this {
    this.queue.push(...behaviours);
    return this;
  }

  /** Forgets recorded requests and queued behaviours (between tests sharing one server). */
  reset(): void {
    this.requests.length = 0;
    this.abandoned.length = 0;
    this.queue.length = 0;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: { message: `fake-openai: ${String(err)}` } });
      });
    });
    this.port = await listenOnLoopback(server);
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await closeServer(server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    let body: ChatRequestBody | undefined;
    try {
      body = JSON.parse(rawBody) as ChatRequestBody;
    } catch {
      body = undefined;
    }
    const recorded: RecordedRequest = { method: req.method ?? "", path, headers: { ...req.headers }, body, rawBody };
    this.requests.push(recorded);
    if (req.method !== "POST" || !/^(?:\/v1)?\/chat\/completions$/.test(path)) {
      sendJson(res, 404, {
        error: { message: `fake-openai: no route ${req.method} ${path}`, type: "invalid_request_error" },
      });
      return;
    }
    await this.answer(this.queue.shift() ?? this.fallback, recorded, res);
  }

  private async answer(behaviour: FakeBehaviour, request: RecordedRequest, res: ServerResponse): Promise<void> {
    switch (behaviour.kind) {
      case "handler":
        return this.answer(await behaviour.handle(request), request, res);
      case "hang":
        await new Promise<void>((resolve) => res.once("close", resolve));
        this.abandoned.push(request);
        return;
      case "delay":
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.timers.delete(timer);
            resolve();
          }, behaviour.ms);
          this.timers.add(timer);
        });
        // The client gave up (timeout): nothing to answer.
        if (res.destroyed || !this.server) return;
        return this.answer(behaviour.then ?? { kind: "text", content: "" }, request, res);
      case "status":
        sendJson(
          res,
          behaviour.status,
          {
            error: {
              message: behaviour.message ?? `fake-openai: HTTP ${behaviour.status}`,
              type: behaviour.status === 429 ? "rate_limit_exceeded" : "fake_error",
              code: null,
              param: null,
            },
          },
          behaviour.headers,
        );
        return;
      case "json": {
        const json = JSON.stringify(behaviour.value);
        const content = behaviour.fenced ? `\`\`\`json\n${json}\n\`\`\`` : json;
        sendJson(res, 200, this.completion(request, content, "stop", behaviour.usage));
        return;
      }
      case "text":
        sendJson(
          res,
          200,
          this.completion(request, behaviour.content, behaviour.finishReason ?? "stop", behaviour.usage),
        );
        return;
    }
  }

  private completion(request: RecordedRequest, content: string, finishReason: string, usage?: Partial<FakeUsage>) {
    const u = { ...DEFAULT_USAGE, ...usage };
    this.counter += 1;
    return {
      id: `chatcmpl-fake-${this.counter}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: request.body?.model ?? "fake-model",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content, refusal: null },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      usage: {
        prompt_tokens: u.prompt_tokens,
        completion_tokens: u.completion_tokens,
        total_tokens: u.prompt_tokens + u.completion_tokens,
        prompt_tokens_details: { cached_tokens: u.cached_tokens },
      },
    };
  }
}

/** Starts a fake on a free port. */
export async function startFakeOpenAi(): Promise<FakeOpenAiServer> {
  return new FakeOpenAiServer().start();
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-request-id": `req_fake_${Date.now()}`,
    ...headers,
  });
  res.end(text);
}
