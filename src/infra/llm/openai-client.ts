import OpenAI from "openai";
import type { Logger } from "../../core/ports/logger.port.js";
import { fetchCappingRetryAfter } from "./llm-errors.js";

export interface OpenAiClientOptions {
  /** Optional for a local OpenAI-compatible server that needs none; required for api.openai.com. */
  apiKey?: string | undefined;
  /** Any server answering `POST {baseURL}/chat/completions`; default https://api.openai.com/v1. */
  baseURL?: string | undefined;
  /** Per HTTP attempt. */
  timeoutMs: number;
  /** SDK retries of connection errors, timeouts, 408/409/429/5xx (honouring Retry-After); 0 disables. */
  maxRetries: number;
  /** Longest Retry-After the SDK may sleep before a retry; a longer one fails at once. Default: timeoutMs. */
  maxRetryAfterMs?: number | undefined;
}

const OPENAI_API = "https://api.openai.com/v1";
// Not a secret: some compatible servers want an Authorization header of some kind.
const NO_KEY = "no-key";

/**
 * The one place an `openai` client is built, for the brief engine and the Q&A answerer alike.
 * @see https://github.com/openai/openai-node#configuring-the-client
 */
export function createOpenAiClient(options: OpenAiClientOptions, log: Logger, user: string): OpenAI {
  if (!options.apiKey && !options.baseURL) {
    throw new Error(`${user} needs an apiKey for api.openai.com, or a baseURL of a compatible server`);
  }
  const sdkLog = log.child({ component: "openai-sdk" });
  // Every option explicit: the SDK would otherwise read OPENAI_* from process.env, which only src/config.ts reads.
  return new OpenAI({
    apiKey: options.apiKey || NO_KEY,
    baseURL: options.baseURL || OPENAI_API,
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    fetch: fetchCappingRetryAfter(options.maxRetryAfterMs ?? options.timeoutMs),
    logLevel: "warn",
    logger: {
      error: (msg: string) => sdkLog.error(msg),
      warn: (msg: string) => sdkLog.warn(msg),
      info: (msg: string) => sdkLog.info(msg),
      debug: (msg: string) => sdkLog.debug(msg),
    },
  });
}
