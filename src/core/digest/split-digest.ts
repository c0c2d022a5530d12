import type { Digest, DigestItem, DigestPart } from "./digest.js";

/**
 * Cuts a digest into parts whose rendered size (`measure`, the target's own renderer) stays within `maxSize`,
 * keeping items whole and in order. An item too large on its own still gets a part of its own: the target
 * truncates it rather than the digest losing it. An empty digest is one part with no items.
 */
export function splitDigest(digest: Digest, measure: (part: DigestPart) => number, maxSize: number): DigestPart[] {
  const { items, ...header } = digest;
  // Measured with a two-digit "of N": a renderer that prints "part 1/3" never grows past what was measured.
  const sizeOf = (run: DigestItem[]) => measure({ digest: header, items: run, index: 0, total: 99 });
  const runs: DigestItem[][] = [];
  let current: DigestItem[] = [];
  for (const item of items) {
    const candidate = [...current, item];
    if (current.length > 0 && sizeOf(candidate) > maxSize) {
      runs.push(current);
      current = [item];
    } else current = candidate;
  }
  if (current.length > 0 || runs.length === 0) runs.push(current);
  return runs.map((run, index) => ({ digest: header, items: run, index, total: runs.length }));
}
