/**
 * chrF as sacrebleu defines it (sacrebleu/metrics/chrf.py, default settings): character n-grams of orders
 * 1..charOrder counted on each line with all whitespace removed, no word n-grams; per order the hypothesis,
 * reference and matched (clipped) counts are summed over the whole corpus; precision and recall are averaged over
 * the orders where both sides have n-grams, then combined as F-beta. Scores are 0..100.
 */
export interface ChrfParams {
  charOrder: number;
  wordOrder: 0;
  beta: number;
}

export const CHRF_DEFAULTS: ChrfParams = { charOrder: 6, wordOrder: 0, beta: 2 };

/** Per order: [hypothesis n-grams, reference n-grams, matched n-grams]. Sums over lines make a corpus. */
export type ChrfStats = [number, number, number][];

/** Printed beside every score so two runs can be compared. */
export function describeChrf(p: ChrfParams = CHRF_DEFAULTS): string {
  return `chrF (sacrebleu definition): character n-grams 1..${p.charOrder}, word n-grams ${p.wordOrder}, β = ${p.beta}, whitespace removed, case-sensitive, corpus-level statistics`;
}

function ngrams(chars: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const g = chars.slice(i, i + n).join("");
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/** Statistics of one hypothesis line against its reference. Characters are Unicode code points, as in Python. */
export function chrfStats(hypothesis: string, reference: string, p: ChrfParams = CHRF_DEFAULTS): ChrfStats {
  const hyp = [...hypothesis.replace(/\s+/gu, "")];
  const ref = [...reference.replace(/\s+/gu, "")];
  const stats: ChrfStats = [];
  for (let n = 1; n <= p.charOrder; n++) {
    const h = ngrams(hyp, n);
    const r = ngrams(ref, n);
    let matched = 0;
    for (const [g, c] of h) matched += Math.min(c, r.get(g) ?? 0);
    stats.push([Math.max(0, hyp.length - n + 1), Math.max(0, ref.length - n + 1), matched]);
  }
  return stats;
}

export function addStats(a: ChrfStats, b: ChrfStats): ChrfStats {
  return a.map(([h, r, m], i) => [h + (b[i]?.[0] ?? 0), r + (b[i]?.[1] ?? 0), m + (b[i]?.[2] ?? 0)]);
}

/** The F-beta score of summed statistics, 0..100. */
export function chrfScore(stats: ChrfStats, p: ChrfParams = CHRF_DEFAULTS): number {
  let precision = 0;
  let recall = 0;
  let effective = 0;
  for (const [h, r, m] of stats) {
    if (h > 0 && r > 0) {
      precision += m / h;
      recall += m / r;
      effective++;
    }
  }
  if (effective === 0) return 0;
  precision /= effective;
  recall /= effective;
  if (precision + recall === 0) return 0;
  const b2 = p.beta ** 2;
  return (100 * ((1 + b2) * precision * recall)) / (b2 * precision + recall);
}

/** Corpus chrF of aligned hypothesis and reference lines. */
export function corpusChrf(hypotheses: string[], references: string[], p: ChrfParams = CHRF_DEFAULTS): number {
  if (hypotheses.length !== references.length) {
    throw new Error(`chrF needs aligned lines: ${hypotheses.length} hypotheses, ${references.length} references`);
  }
  let total: ChrfStats = Array.from({ length: p.charOrder }, () => [0, 0, 0]);
  hypotheses.forEach((h, i) => {
    total = addStats(total, chrfStats(h, references[i] ?? "", p));
  });
  return chrfScore(total, p);
}
