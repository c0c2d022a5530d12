import type OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { z } from "zod";
import type { Logger } from "../../core/ports/logger.port.js";
import type { AnswerModel, AnswerRequest, ModelAnswer } from "../../core/qa/answer-model.port.js";
import { answerVariables } from "./answer-blocks.js";
import { LlmOutputError, LlmUnavailableError, toUnavailable } from "./llm-errors.js";
import { createOpenAiClient, type OpenAiClientOptions } from "./openai-client.js";
import type { PromptLibrary } from "./prompt-loader.js";

export interface OpenAiAnswererOptions extends OpenAiClientOptions {
  model: string;
  prompts: PromptLibrary;
  logger: Logger;
}

/** Strict structured output: every property required, no extras (no length keywords: checked afterwards). */
export const ANSWER_JSON_SCHEMA = {
  type: "object",
  properties: { answerable: { type: "boolean" }, answer: { type: "string" } },
  required: ["answerable", "answer"],
  additionalProperties: false,
} as const;

const answerSchema = z.object({ answerable: z.boolean(), answer: z.string() });

/**
 * Answers a question from retrieved passages with one Chat Completions request (prompt `prompts/answer/`).
 * Throws LlmUnavailableError (endpoint down, timeout, 4xx/5xx) or LlmOutputError (no usable JSON); the Q&A
 * service then answers extractively. Citations and figures are checked by the caller, not trusted.
 * @see https://platform.openai.com/docs/guides/structured-outputs
 */
export class OpenAiAnswerer implements AnswerModel {
  readonly id: string;
  private readonly client: OpenAI;
  private readonly log: Logger;

  constructor(private readonly options: OpenAiAnswererOptions) {
    this.id = `llm:${options.model}`;
    // Fail at start-up, not at the first question, when the prompt is missing or broken.
    options.prompts.get("answer");
    this.log = options.logger.child({ component: "qa-llm", engine: this.id });
    this.client = createOpenAiClient(options, this.log, "OpenAiAnswerer");
  }

  async answer(request: AnswerRequest): Promise<ModelAnswer> {
    const prompt = this.options.prompts.get("answer");
    const messages: ChatCompletionMessageParam[] = prompt
      .render(answerVariables(request))
      .map(({ role, content }) => ({ role, content }) as ChatCompletionMessageParam);
    const started = Date.now();
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create({
        model: this.options.model,
        messages,
        response_format: {
          type: "json_schema",
          json_schema: { name: "nato_answer", strict: true, schema: ANSWER_JSON_SCHEMA },
        },
        ...(prompt.model.temperature !== undefined ? { temperature: prompt.model.temperature } : {}),
        ...(prompt.model.max_tokens !== undefined ? { max_tokens: prompt.model.max_tokens } : {}),
      });
    } catch (err) {
      const mapped = toUnavailable(err, this.options.timeoutMs);
      this.log.warn("llm answer request failed", {
        reason: mapped instanceof LlmUnavailableError ? mapped.reason : String(err),
        ms: Date.now() - started,
      });
      throw mapped;
    }
    const usage = completion.usage
      ? {
          promptTokens: completion.usage.prompt_tokens ?? 0,
          cachedTokens: completion.usage.prompt_tokens_details?.cached_tokens ?? 0,
          completionTokens: completion.usage.completion_tokens ?? 0,
        }
      : null;
    const choice = completion.choices[0];
    this.log.info("llm answer done", { ms: Date.now() - started, finishReason: choice?.finish_reason, usage });
    const content = choice?.message?.content ?? "";
    const parsed = parseAnswer(content);
    if (!parsed.ok) throw new LlmOutputError(parsed.error, content.slice(0, 2_000), usage);
    return {
      answerable: parsed.value.answerable && parsed.value.answer.trim() !== "",
      text: parsed.value.answer,
      usage,
    };
  }
}

function parseAnswer(
  content: string,
): { ok: true; value: z.infer<typeof answerSchema> } | { ok: false; error: string } {
  if (!content.trim()) return { ok: false, error: "the reply was empty" };
  const fenced = /```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)```/.exec(content);
  let raw: unknown;
  try {
    raw = JSON.parse((fenced?.[1] ?? content).trim());
  } catch (err) {
    return { ok: false, error: `the reply is not valid JSON (${(err as Error).message})` };
  }
  const shape = answerSchema.safeParse(raw);
  return shape.success ? { ok: true, value: shape.data } : { ok: false, error: z.prettifyError(shape.error) };
}
