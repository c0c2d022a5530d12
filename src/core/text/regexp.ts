/** Escapes text for use as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const WORD = String.raw`[\p{L}\p{N}]`;
/** `\b` is ASCII-only even with the u flag ("où", "durée"): the same boundary over Unicode letters and digits. */
const UNICODE_BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;
// Beside a letter the pattern itself writes, half of the boundary is already decided: `\bwhen` is a boundary when
// no letter comes before, `when\b` when none comes after. Each Unicode property class costs V8 milliseconds to
// build when the regex is made (several for a question kind's alternation, more under the i flag), and the focus
// rules make dozens at start: one class instead of four is the same match for a quarter of that.
const WORD_START = `(?<!${WORD})`;
const WORD_END = `(?!${WORD})`;

/** The regex with each `\b` made a boundary between Unicode letters or digits and anything else. */
export function unicodeBoundaries(re: RegExp): RegExp {
  return new RegExp(withUnicodeBoundaries(re.source), re.flags);
}

/** The pattern `source` with each `\b` outside a character class made a Unicode boundary (see `unicodeBoundaries`). */
export function withUnicodeBoundaries(source: string): string {
  const atoms = atomsOf(source);
  return atoms
    .map((atom, i) => {
      if (atom !== "\\b") return atom;
      if (isWordLiteral(atoms[i - 1])) return WORD_END;
      // A letter that may be skipped (`\bs?`) does not decide what follows the boundary.
      if (isWordLiteral(atoms[i + 1]) && !/^[?*{]/u.test(atoms[i + 2] ?? "")) return WORD_START;
      return UNICODE_BOUNDARY;
    })
    .join("");
}

/** A letter or digit written as itself: what it matches is a letter or digit (in any case, under the i flag). */
function isWordLiteral(atom: string | undefined): boolean {
  return atom !== undefined && /^[\p{L}\p{N}]$/u.test(atom);
}

/**
 * The pattern cut into atoms: an escape (`\b`, `\u00e9`, `\p{L}`, `\k<name>`, `\12`) or a character class whole,
 * any other character alone, so a letter atom is a letter the pattern matches literally.
 */
function atomsOf(source: string): string[] {
  const atoms: string[] = [];
  let i = 0;
  while (i < source.length) {
    const end = source[i] === "\\" ? escapeEnd(source, i) : source[i] === "[" ? classEnd(source, i) : i + 1;
    atoms.push(source.slice(i, end));
    i = end;
  }
  return atoms;
}

const ESCAPE_TAIL: Record<string, RegExp> = {
  u: /^u(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})?/u,
  x: /^x(?:[0-9a-fA-F]{2})?/u,
  p: /^p(?:\{[^}]*\})?/u,
  P: /^P(?:\{[^}]*\})?/u,
  k: /^k(?:<[^>]*>)?/u,
  c: /^c[a-zA-Z]?/u,
};

function escapeEnd(source: string, at: number): number {
  const next = source[at + 1] ?? "";
  const tail = ESCAPE_TAIL[next] ?? (/\d/u.test(next) ? /^\d+/u : undefined);
  const length = tail ? (tail.exec(source.slice(at + 1))?.[0].length ?? 1) : 1;
  return Math.min(source.length, at + 1 + length);
}

function classEnd(source: string, at: number): number {
  let i = at + 1;
  while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
  return Math.min(source.length, i + 1);
}

/**
 * Regexes each built the first time it is read, then kept (the same object every time after). A regex with Unicode
 * property classes costs V8 milliseconds to build, and a question reads a few of a rule file's: the rules for
 * questions of other kinds, or for sentences never read, are not paid for at start.
 */
export function regExpsOnUse<K extends string>(makers: Record<K, () => RegExp>): Record<K, RegExp> {
  const out = {} as Record<K, RegExp>;
  for (const key of Object.keys(makers) as K[]) {
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = makers[key]();
        Object.defineProperty(out, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return out;
}
