import type OpenAI from "openai";
import type { ChatCompletion, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { FactFinding, Provenance, TokenUsage } from "../../core/domain/brief.js";
import { LANGS, type Lang } from "../../core/domain/language.js";
import type { Release } from "../../core/domain/release.js";
import type { BriefEngine, EngineBrief } from "../../core/ports/brief-engine.port.js";
import type { Logger } from "../../core/ports/logger.port.js";
import { BRIEF_JSON_SCHEMA, parseBriefOutput } from "./brief-output.js";
import { LlmOutputError, LlmUnavailableError, toUnavailable } from "./llm-errors.js";
import { createOpenAiClient, type OpenAiClientOptions } from "./openai-client.js";
import type { PromptLibrary, PromptMessage, PromptModelSettings } from "./prompt-loader.js";
import { briefVariables, neutraliseDelimiters, releaseSourceText } from "./release-blocks.js";

export { LlmOutputError, LlmUnavailableError };

export interface OpenAiBriefEngineOptions extends OpenAiClientOptions {
  model: string;
  prompts: PromptLibrary;
  logger: Logger;
}

const MAX_ECHOED_OUTPUT = 8_000;

/**
 * Writes both languages of a brief with one Chat Completions request (structured output, strict JSON schema);
 * one repair request when the reply is unusable. Throws LlmUnavailableError or LlmOutputError so the brief
 * service can fall back to the offline engine.
 * @see https://platform.openai.com/docs/guides/structured-outputs
 */
export class OpenAiBriefEngine implements BriefEngine {
  readonly id: string;
  readonly promptVersion: string;
  readonly kind = "llm" as const;
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly timeoutMs: number;
  private readonly prompts: PromptLibrary;
  private readonly log: Logger;

  constructor(options: OpenAiBriefEngineOptions) {
    this.model = options.model;
    this.id = `llm:${options.model}`;
    this.timeoutMs = options.timeoutMs;
    this.prompts = options.prompts;
    this.promptVersion = options.prompts.get("brief").version;
    // Fail at start-up, not at the first invalid reply, when a prompt the engine needs is missing.
    options.prompts.get("brief-repair");
    options.prompts.get("brief-findings");
    this.log = options.logger.child({ engine: this.id });
    this.client = createOpenAiClient(options, this.log, "OpenAiBriefEngine");
  }

  /** `findings`: the fact guard's findings on an earlier brief of this release, for its one retry. */
  async brief(release: Release, findings?: FactFinding[]): Promise<EngineBrief> {
    const brief = this.prompts.get("brief");
    const messages: ChatCompletionMessageParam[] = brief.render(briefVariables(release)).map(toParam);
    if (findings && findings.length > 0) {
      messages.push(
        ...this.prompts
          .get("brief-findings")
          .render({ findings: formatFindings(findings) })
          .map(toParam),
      );
    }
    const sourceText = releaseSourceText(release);
    const log = this.log.child({ releaseId: release.id });
    const usage = new UsageTotal();

    const first = await this.complete(messages, brief.model, usage, log);
    let output = parseBriefOutput(first, sourceText);
    if (!output.ok) {
      log.warn("llm brief output invalid, sending one repair request", { error: output.error });
      const repair = this.prompts.get("brief-repair");
      const repairMessages: ChatCompletionMessageParam[] = [
        ...messages,
        { role: "assistant", content: (first ?? "").slice(0, MAX_ECHOED_OUTPUT) },
        ...repair.render({ error: neutraliseDelimiters(output.error) }).map(toParam),
      ];
      const second = await this.complete(repairMessages, { ...brief.model, ...repair.model }, usage, log);
      output = parseBriefOutput(second, sourceText);
      if (!output.ok) {
        log.warn("llm brief output invalid after repair", { error: output.error });
        throw new LlmOutputError(output.error, second ?? "", usage.value());
      }
    }
    return { parts: output.parts, provenance: this.provenance(release), usage: usage.value() };
  }

  private async complete(
    messages: ChatCompletionMessageParam[],
    settings: PromptModelSettings,
    usage: UsageTotal,
    log: Logger,
  ): Promise<string | null> {
    const started = Date.now();
    let completion: ChatCompletion;
    try {
      completion = await this.client.chat.completions.create({
        model: this.model,
        messages,
        response_format: {
          type: "json_schema",
          json_schema: { name: "nato_brief", strict: true, schema: BRIEF_JSON_SCHEMA },
        },
        ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
        ...(settings.max_tokens !== undefined ? { max_tokens: settings.max_tokens } : {}),
      });
    } catch (err) {
      const mapped = toUnavailable(err, this.timeoutMs);
      log.warn("llm request failed", {
        reason: mapped instanceof LlmUnavailableError ? mapped.reason : String(err),
        ms: Date.now() - started,
      });
      throw mapped;
    }
    usage.add(completion.usage);
    const choice = completion.choices[0];
    log.info("llm request done", {
      ms: Date.now() - started,
      finishReason: choice?.finish_reason,
      promptTokens: completion.usage?.prompt_tokens,
      cachedTokens: completion.usage?.prompt_tokens_details?.cached_tokens,
      completionTokens: completion.usage?.completion_tokens,
    });
    const message = choice?.message;
    if (message?.refusal) return `(refusal) ${message.refusal}`;
    return message?.content ?? null;
  }

  private provenance(release: Release): Record<Lang, Provenance> {
    const model = this.model;
    // When NATO published both languages, each summary comes from an official NATO text.
    const paired = LANGS.every((l) => release.texts[l]);
    const of = (lang: Lang): Provenance => {
      if (lang === release.sourceLanguage)
        return paired
          ? { kind: "official", model, label: `Summary by ${model} of NATO's original text` }
          : { kind: "llm", model, label: `Summary by ${model} of the original text` };
      if (release.texts[lang])
        return { kind: "official", model, label: `Summary by ${model} of NATO's official translation` };
      return { kind: "llm", model, label: `Summary and translation by ${model}` };
    };
    return Object.fromEntries(LANGS.map((l) => [l, of(l)])) as Record<Lang, Provenance>;
  }
}

function toParam({ role, content }: PromptMessage): ChatCompletionMessageParam {
  switch (role) {
    case "system":
      return { role, content };
    case "user":
      return { role, content };
    case "assistant":
      return { role, content };
  }
}

function formatFindings(findings: FactFinding[]): string {
  return findings
    .map((f) => `- ${f.lang}: ${f.kind} "${f.value}" in: "${f.where}"`)
    .map(neutraliseDelimiters)
    .join("\n");
}

/** Sums usage over the brief's requests; null when no response reported any (some compatible servers). */
class UsageTotal {
  private total: TokenUsage | null = null;

  add(usage: ChatCompletion["usage"]): void {
    if (!usage) return;
    const t = this.total ?? { promptTokens: 0, cachedTokens: 0, completionTokens: 0 };
    this.total = {
      promptTokens: t.promptTokens + (usage.prompt_tokens ?? 0),
      cachedTokens: t.cachedTokens + (usage.prompt_tokens_details?.cached_tokens ?? 0),
      completionTokens: t.completionTokens + (usage.completion_tokens ?? 0),
    };
  }

  value(): TokenUsage | null {
    return this.total ? { ...this.total } : null;
  }
}
