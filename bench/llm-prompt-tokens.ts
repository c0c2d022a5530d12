/**
 * Prompt tokens per release through the real engine and the real `openai` client, against the fake
 * OpenAI-compatible server: how many tokens the prompt adds to the release itself (the fixed overhead).
 * Counted with the o200k_base tokenizer (gpt-4o / gpt-4.1 family). Run: npm run bench -- llm-prompt-tokens
 */
import fs from "node:fs";
import path from "node:path";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import type { Release } from "../src/core/domain/release.js";
import { fullText } from "../src/core/domain/release.js";
import { draftFromText } from "../src/core/ingest/index.js";
import { silentLogger } from "../src/core/ports/logger.port.js";
import { OpenAiBriefEngine } from "../src/infra/llm/openai-brief-engine.js";
import { loadPrompts } from "../src/infra/llm/prompt-loader.js";
import { reply, startFakeOpenAi } from "../tests/fakes/fake-openai-server.js";

const fake = await startFakeOpenAi();
const engine = new OpenAiBriefEngine({
  baseURL: fake.url,
  model: "bench",
  timeoutMs: 5000,
  maxRetries: 0,
  prompts: loadPrompts(),
  logger: silentLogger,
});
const part = { headline: "h", summary: "s.", keyPoints: ["a", "b", "c"] };

const sample = fs.readFileSync(path.resolve(import.meta.dirname, "../samples/breton-defence-industry.fr.txt"), "utf8");
const paragraph = sample.split("\n").slice(1).join("\n");
const releases: [string, string][] = [
  ["sample (fr)", sample],
  ["4x sample (fr)", `${sample}\n${paragraph}\n${paragraph}\n${paragraph}`],
  ["16x sample (fr)", `${sample}\n${Array(15).fill(paragraph).join("\n")}`],
];

console.log("release                 release tokens  prompt tokens  overhead");
for (const [name, text] of releases) {
  const draft = draftFromText(text);
  const release: Release = { ...draft, id: "bench", createdAt: "", updatedAt: "" };
  fake.enqueue(reply.json({ en: part, fr: part }));
  await engine.brief(release);
  const body = fake.requests.at(-1)?.body;
  if (!body) throw new Error("the fake server saw no request");
  const messages = body.messages.map((m) => m.content ?? "").join("\n");
  const schema = JSON.stringify(body.response_format ?? {});
  const releaseTokens = Object.values(release.texts).reduce((n, t) => n + (t ? encode(fullText(t)).length : 0), 0);
  // Chat formatting adds ~3 tokens per message; the response schema is billed as prompt too.
  const promptTokens = encode(messages).length + encode(schema).length + 3 * body.messages.length;
  console.log(
    `${name.padEnd(24)}${String(releaseTokens).padStart(14)}${String(promptTokens).padStart(15)}${String(promptTokens - releaseTokens).padStart(10)}`,
  );
}
await fake.stop();
