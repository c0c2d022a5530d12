/**
 * The ingest text gate (src/core/ingest/text-gate.ts) on what must pass and what must not: per category, how
 * many texts are accepted, and the range of the two shares its thresholds read. Run: npm run bench -- text-gate
 *
 * Data: the 40 releases of the shared corpus (NATO_CORPUS_DIR, default ../shared/corpus) and the Q&A release
 * fixtures must pass; this repository's own TypeScript, JSON, HTML and XML files, the not-release fixtures and
 * generated binary data (noise, gzip of each corpus release, the head of the node executable) must be refused.
 * Definitions: letter share = letters / non-space characters; prose share = letters in sentences that read as
 * prose / all letters (MIN_LETTER_SHARE and MIN_PROSE_SHARE are the thresholds).
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { decodeText, draftFromText } from "../src/core/ingest/index.js";
import { letterShare, MIN_LETTER_SHARE, MIN_PROSE_SHARE, proseMeasure } from "../src/core/ingest/text-gate.js";

const root = path.resolve(import.meta.dirname, "..");
const corpusDir = process.env.NATO_CORPUS_DIR ?? path.resolve(root, "../shared/corpus");
const filesIn = (dir: string, ext: RegExp): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? filesIn(p, ext) : ext.test(e.name) ? [p] : [];
      })
    : [];
const read = (files: string[]) => files.map((f) => fs.readFileSync(f));

const corpus = read(filesIn(corpusDir, /\.txt$/));
let seed = 7;
const noise = Array.from({ length: 20 }, () =>
  Uint8Array.from({ length: 4096 }, () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 24;
  }),
);
const categories: { name: string; expect: "pass" | "refuse"; items: Uint8Array[] }[] = [
  { name: "shared corpus releases (EN, FR)", expect: "pass", items: corpus },
  {
    name: "Q&A release fixtures",
    expect: "pass",
    items: read(filesIn(path.join(root, "tests/fixtures/qa"), /\.txt$/)),
  },
  {
    name: "TypeScript sources (src/)",
    expect: "refuse",
    items: read(filesIn(path.join(root, "src"), /\.ts$/)),
  },
  {
    name: "JSON, HTML, XML fixtures",
    expect: "refuse",
    items: read(filesIn(path.join(root, "tests/fixtures"), /\.(json|html|xml)$/)),
  },
  {
    name: "not-release fixtures (scripts, CSV)",
    expect: "refuse",
    items: read(filesIn(path.join(root, "tests/fixtures/not-releases"), /./)),
  },
  { name: "random bytes (4 KiB each)", expect: "refuse", items: noise },
  { name: "gzip of each corpus release", expect: "refuse", items: corpus.map((c) => gzipSync(c)) },
  {
    name: "node executable (first 64 KiB)",
    expect: "refuse",
    items: [fs.readFileSync(process.execPath).subarray(0, 65536)],
  },
];

console.log(`text gate: MIN_LETTER_SHARE ${MIN_LETTER_SHARE}, MIN_PROSE_SHARE ${MIN_PROSE_SHARE}; corpus ${corpusDir}`);
console.log("category                               n   as expected   letter share   prose share   refused as");
for (const c of categories) {
  let right = 0;
  const letters: number[] = [];
  const prose: number[] = [];
  const codes = new Map<string, number>();
  for (const bytes of c.items) {
    let outcome = "pass";
    try {
      const text = decodeText(bytes);
      letters.push(letterShare(text));
      const m = proseMeasure(text);
      prose.push(m.proseLetters / Math.max(1, m.letters));
      draftFromText(text);
    } catch (err) {
      outcome = (err as { code?: string }).code ?? "error";
    }
    if ((outcome === "pass") === (c.expect === "pass")) right++;
    if (outcome !== "pass") codes.set(outcome, (codes.get(outcome) ?? 0) + 1);
  }
  const range = (xs: number[]) => (xs.length ? `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}` : "—");
  const refused = [...codes].map(([k, v]) => `${k} ${v}`).join(", ") || "—";
  console.log(
    `${c.name.padEnd(36)} ${String(c.items.length).padStart(4)}   ${`${right}/${c.items.length}`.padStart(11)}   ${range(letters).padStart(12)}   ${range(prose).padStart(11)}   ${refused}`,
  );
}
