/**
 * `npm run lexicon`: builds (or finds) the cached EN↔FR lexicon from the installed Apertium dictionaries, so the
 * first brief does not wait for it. CI and the Docker image run it after installing Apertium and lttoolbox-dev.
 * Exit code 1 when no lexicon could be built.
 */
import { ApertiumLexicon, cacheFile } from "./apertium-lexicon.js";

const started = Date.now();
const lexicon = new ApertiumLexicon({
  logger: {
    debug() {},
    info: (msg, fields) => console.error(msg, fields ? JSON.stringify(fields) : ""),
    warn: (msg, fields) => console.error(msg, fields ? JSON.stringify(fields) : ""),
    error: (msg, fields) => console.error(msg, fields ? JSON.stringify(fields) : ""),
    child() {
      return this;
    },
  },
});
const ok = await lexicon.ready();
if (!ok) process.exit(1);
const sample = lexicon.equivalents("summit", "en", "fr").map((e) => e.lemma);
console.log(`lexicon ready in ${Date.now() - started} ms: ${cacheFile()} (summit → ${sample.join(", ")})`);
