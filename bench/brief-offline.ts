/**
 * Offline brief of the bundled sample: cold (first brief in a fresh process: Apertium pipelines start, glossary
 * loads), warm (the engine again on the same release, translator running, cache bypassed), a cache hit through
 * the BriefService, and peak RSS. Run: npm run bench -- brief-offline
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/core/ports/logger.port.js";

const RUNS = 30;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-brief-"));
let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 5);

const config = loadConfig({ DATABASE_URL: `sqlite:${dir}/b.db` }, { dotenvPath: false });
const t0 = performance.now();
const app = await createApp(config, silentLogger);
const raw = fs.readFileSync(path.resolve(import.meta.dirname, "../samples/breton-defence-industry.fr.txt"), "utf8");
const { release } = await app.ingest.fromText(raw);
const first = await app.briefs.brief(release);
const cold = performance.now() - t0;

const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const s = performance.now();
  await app.engines.offline.brief(release);
  warm.push(performance.now() - s);
  sample();
}
const hits: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const s = performance.now();
  const r = await app.briefs.brief(release);
  if (!r.cached) throw new Error("expected a cache hit");
  hits.push(performance.now() - s);
}
clearInterval(sampler);
await app.close();
fs.rmSync(dir, { recursive: true, force: true });

const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;
console.log(`offline brief of the sample (${release.id}, provenance en=${first.brief.provenance.en.kind})`);
console.log(`  cold (app start + ingest + first brief): ${ms(cold)}`);
console.log(`  warm engine, ${RUNS} runs: median ${ms(q(warm, 0.5))}, p95 ${ms(q(warm, 0.95))}`);
console.log(`  cache hit, ${RUNS} runs: median ${ms(q(hits, 0.5))}`);
console.log(`  peak RSS: ${(peak / 2 ** 20).toFixed(0)} MiB`);
