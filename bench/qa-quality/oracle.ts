/**
 * The ORACLE answer model: an OpenAI-compatible fake (tests/fakes/fake-openai-server.ts) on 127.0.0.1 that knows
 * which passage holds the expected answer. When that passage is among those it is given, it answers by quoting it
 * and citing its number; otherwise it declines. It measures retrieval and the answer check, not a model.
 * An EAGER oracle (`eager`) stands for a model that answers too readily: without the expected passage it quotes the
 * first passage it is given that has a figure (else the first one), so its traps show what the product's own checks
 * stop when a model does not decline.
 */
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { type FakeBehaviour, type RecordedRequest, reply } from "../../tests/fakes/fake-openai-server.js";
import { containsQuote, type Expected } from "./score.js";

export interface GivenPassage {
  n: number;
  releaseId: string;
  lang: string;
  text: string;
}

/** The passages of the answer prompt (src/infra/llm/answer-blocks.ts), read back from the request. */
export function passagesOf(request: RecordedRequest): GivenPassage[] {
  const user = request.body?.messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  const out: GivenPassage[] = [];
  const re = /<<<PASSAGE (\d+) release=(\S+) lang=(\w+)[^>]*>>>\nTitle: [^\n]*\n([\s\S]*?)\n<<<END PASSAGE>>>/gu;
  for (const m of user.matchAll(re)) out.push({ n: Number(m[1]), releaseId: m[2]!, lang: m[3]!, text: m[4]! });
  return out;
}

export interface OracleTurn {
  /** The answer the current question expects; undefined for an unanswerable one. */
  expected: Expected | undefined;
  /** A follow-up's first turn: any passage of the expected release will do. */
  anyPassageOfRelease?: boolean;
  /** Filled by the oracle: was the expected passage given to the model? */
  retrieved?: boolean;
  given?: GivenPassage[];
  /** Filled by the oracle: the answer request's prompt tokens (`promptTokens`). */
  promptTokens?: number;
}

/**
 * Prompt tokens of a chat request, as llm-prompt-tokens counts them: its messages (o200k_base, the gpt-4o / gpt-4.1
 * tokenizer), about three per message for the chat format, and the response schema.
 */
export function promptTokens(request: RecordedRequest): number {
  const body = request.body;
  if (!body) return 0;
  const messages = body.messages.map((m) => m.content ?? "").join("\n");
  const schema = JSON.stringify(body.response_format ?? {});
  return encode(messages).length + encode(schema).length + 3 * body.messages.length;
}

export class Oracle {
  turn: OracleTurn = { expected: undefined };

  constructor(private readonly eager = false) {}

  readonly behaviour: FakeBehaviour = reply.handler((request) => {
    const given = passagesOf(request);
    const { expected } = this.turn;
    this.turn.given = given;
    this.turn.promptTokens = promptTokens(request);
    const hit = expected
      ? given.find(
          (p) =>
            p.releaseId === expected.releaseId &&
            (this.turn.anyPassageOfRelease || expected.quotes.some((q) => containsQuote(p.text, q))),
        )
      : undefined;
    this.turn.retrieved = hit !== undefined;
    const quoted = hit ?? (this.eager ? (given.find((p) => /\d/u.test(p.text)) ?? given[0]) : undefined);
    return reply.json(
      quoted ? { answerable: true, answer: `${quoted.text} [${quoted.n}]` } : { answerable: false, answer: "" },
    );
  });
}
