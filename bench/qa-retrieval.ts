/**
 * Q&A retrieval at scale: MiniSearch index over 1,000 and 10,000 generated releases (English and French, a fifth
 * bilingual), stored in SQLite. Measures the index rebuild from the store, the index's heap, and retrieval latency
 * p50/p95: the index search alone, and the whole retrieval of an answer (index + releases read back from SQLite +
 * passage ranking; no machine translation, which is Apertium's time, not the index's).
 * Run: npm run bench -- qa-retrieval (1,000 and 10,000); other sizes: node --import tsx --expose-gc bench/qa-retrieval.ts N…
 */
import type { Lang } from "../src/core/domain/language.js";
import type { ReleaseDraft } from "../src/core/domain/release.js";
import { contentHash } from "../src/core/ingest/index.js";
import { silentLogger } from "../src/core/ports/logger.port.js";
import { QaIndexer } from "../src/core/qa/qa-indexer.js";
import { Retriever } from "../src/core/qa/retriever.js";
import { MiniSearchIndex } from "../src/infra/qa/minisearch-index.js";
import { openDatabase } from "../src/infra/store/sqlite.js";
import { SqliteReleaseStore } from "../src/infra/store/sqlite-release-store.js";

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const QUERIES = 400;

// Deterministic: the same corpus and questions on every run.
let seed = 20251129;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const DOMAIN: Record<Lang, string[]> = {
  en: "Allies agreed defence ministers summit support Ukraine ammunition production contracts agency exercise troops deterrence cyber space maritime air missile training security partnership funding billion euros percent industry capability readiness forces command headquarters council declaration strategy resilience infrastructure climate innovation sanctions border deployment battlegroup frigate aircraft drones satellites interoperability procurement".split(
    " ",
  ),
  fr: "Alliés ministres défense sommet soutien Ukraine munitions production contrats agence exercice troupes dissuasion cyberdéfense espace maritime aérienne missiles formation sécurité partenariat financement milliards euros pourcentage industrie capacités disponibilité forces commandement siège conseil déclaration stratégie résilience infrastructures climat innovation sanctions frontière déploiement groupement frégate avions drones satellites interopérabilité acquisition".split(
    " ",
  ),
};
const FUNCTION: Record<Lang, string[]> = {
  en: "the of and to in a for on with that by as at from is was will has have be their its".split(" "),
  fr: "le la les de des du et à en un une pour sur avec que par dans au aux est a sera ont leur ses".split(" "),
};
const SYLLABLES =
  "ka lo mi tre vor an sel du pri gan ost rel mur fen quo bri tal ser nov dem pla cor vin sta gel".split(" ");
const synthetic = Array.from({ length: 20_000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(""),
);
const names = new Set(synthetic.filter((_, i) => i % 12 === 0));

/** Word frequencies follow Zipf's law (exponent 1.07, as in English text); the domain words rank first. */
function zipfSampler(size: number, exponent = 1.07): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= size; r++) {
    total += 1 / r ** exponent;
    cumulative.push(total);
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
const contentRank = zipfSampler(45 + synthetic.length);

function contentWord(lang: Lang): string {
  const r = contentRank();
  if (r < 45) return DOMAIN[lang][r % DOMAIN[lang].length]!;
  const w = synthetic[r - 45]!;
  return names.has(w) ? w[0]!.toUpperCase() + w.slice(1) : w;
}

function sentence(lang: Lang, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = random();
    out.push(r < 0.45 ? pick(FUNCTION[lang]) : r < 0.5 ? String(Math.floor(random() * 5000)) : contentWord(lang));
  }
  const s = out.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function text(lang: Lang, i: number) {
  const day = new Date(Date.UTC(2015, 0, 1) + i * 8.64e7 * 0.35).toISOString().slice(0, 10);
  return {
    lang,
    title: sentence(lang, 8 + Math.floor(random() * 5)).replace(/\.$/, ""),
    paragraphs: Array.from({ length: 6 }, () =>
      Array.from({ length: 2 + Math.floor(random() * 2) }, () => sentence(lang, 14 + Math.floor(random() * 10))).join(
        " ",
      ),
    ),
    url: `https://www.nato.int/cps/${lang}/natohq/news_${i}.htm`,
    official: true,
    day,
  };
}

function draft(i: number): ReleaseDraft {
  const lang: Lang = i % 2 === 0 ? "en" : "fr";
  const original = text(lang, i);
  const texts: ReleaseDraft["texts"] = { [lang]: original };
  if (i % 5 === 0) texts[lang === "en" ? "fr" : "en"] = text(lang === "en" ? "fr" : "en", i);
  return {
    canonicalUrl: original.url,
    contentHash: contentHash(texts),
    sourceLanguage: lang,
    published: original.day,
    texts,
  };
}

function heapMiB(): number {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function percentiles(ms: number[]): { p50: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function run(n: number) {
  const store = new SqliteReleaseStore(openDatabase(":memory:"));
  const stored = Date.now();
  const bodies: { lang: Lang; words: string[] }[] = [];
  for (let i = 0; i < n; i++) {
    const d = draft(i);
    await store.saveRelease(d);
    const t = d.texts[d.sourceLanguage]!;
    if (bodies.length < 2_000) bodies.push({ lang: d.sourceLanguage, words: t.paragraphs.join(" ").split(/\s+/) });
  }
  const storeMs = Date.now() - stored;

  const before = heapMiB();
  const indexer = new QaIndexer(new MiniSearchIndex(), store, silentLogger);
  const rebuild = await indexer.rebuild();
  const indexMiB = heapMiB() - before;
  const rebuildAgain = await indexer.rebuild();
  // What `npm start` does: the same build in slices that yield to the event loop.
  const sliced = new QaIndexer(new MiniSearchIndex(), store, silentLogger);
  const slicedStart = performance.now();
  await sliced.warmUp();
  const warmUpMs = Math.round(performance.now() - slicedStart);

  // Questions: a few words of a stored release (what people ask about), and a fifth with words of no release.
  const questions = Array.from({ length: QUERIES }, (_, q) => {
    if (q % 5 === 4) return { lang: "en" as Lang, text: `What about ${pick(synthetic)}xq ${pick(synthetic)}zz?` };
    const body = pick(bodies);
    const start = Math.floor(random() * (body.words.length - 6));
    const words = body.words
      .slice(start, start + 3 + Math.floor(random() * 3))
      .join(" ")
      .replace(/[.]/g, "");
    return {
      lang: body.lang,
      text: body.lang === "en" ? `What did NATO say about ${words}?` : `Qu'a dit l'OTAN sur ${words} ?`,
    };
  });
  const retriever = new Retriever({ indexer, store, logger: silentLogger });
  for (const q of questions.slice(0, 20)) await retriever.retrieve({ text: q.text, lang: q.lang });

  const searchMs: number[] = [];
  const searchCpuMs: number[] = [];
  const retrieveMs: number[] = [];
  let found = 0;
  for (const q of questions) {
    // CPU time too: on a shared machine, wall time also counts the other processes' turns.
    const cpu = process.cpuUsage();
    let t = performance.now();
    const hits = indexer.index.searchReleases({ texts: [q.text], limit: 10 });
    searchMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    searchCpuMs.push((used.user + used.system) / 1000);
    if (hits.length > 0) found++;
    t = performance.now();
    await retriever.retrieve({ text: q.text, lang: q.lang });
    retrieveMs.push(performance.now() - t);
  }
  const search = percentiles(searchMs);
  const searchCpu = percentiles(searchCpuMs);
  const retrieve = percentiles(retrieveMs);
  const docs = indexer.index.documentCount;
  await store.close();
  return {
    n,
    docs,
    storeMs,
    rebuildMs: rebuild.ms,
    rebuildAgainMs: rebuildAgain.ms,
    warmUpMs,
    indexMiB,
    search,
    searchCpu,
    retrieve,
    found,
  };
}

const results = [];
for (const n of sizes.length > 0 ? sizes : [1_000, 10_000]) {
  const r = await run(n);
  results.push(r);
  console.log(
    `${n} releases (${r.docs} index documents): rebuild from store ${r.rebuildMs} ms (again ${r.rebuildAgainMs} ms, sliced ${r.warmUpMs} ms), ` +
      `index heap ${r.indexMiB.toFixed(1)} MiB; search p50 ${r.search.p50.toFixed(2)} ms p95 ${r.search.p95.toFixed(2)} ms ` +
      `(CPU p50 ${r.searchCpu.p50.toFixed(2)} p95 ${r.searchCpu.p95.toFixed(2)} ms); ` +
      `full retrieval p50 ${r.retrieve.p50.toFixed(2)} ms p95 ${r.retrieve.p95.toFixed(2)} ms ` +
      `(${QUERIES} questions, ${r.found} with hits; storing took ${r.storeMs} ms)`,
  );
}
if (!globalThis.gc) console.log("(heap figures need --expose-gc: run through `npm run bench -- qa-retrieval`)");
const big = results.find((r) => r.n === 10_000);
if (big) {
  console.log(
    `target at 10,000: search p95 ≤ 10 ms → ${big.search.p95 <= 10 ? "met" : "MISSED"}; index ≤ 200 MB → ${big.indexMiB <= 200 ? "met" : "MISSED"}`,
  );
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
