import type { LexiconData } from "./build-lexicon.js";

/**
 * The lexicon's cache file, read by every `ask` from the command line: a JSON header line (format, sources), then
 * each language's table as lines `word \u0001 value \u0002 value…` sorted by word, the two tables apart by an empty
 * line. A word is looked up by binary search over the lines, so loading it reads a file and finds its line starts:
 * no parse of 67,000 keys into objects (the JSON cache it replaces cost most of a tenth of a second per start).
 */
const KEY_END = "\u0001";
const VALUE_SEP = "\u0002";

/** A language's table: its words and, for each, the entries (`lemma\tpos`) in the order they were built. */
export interface LexiconTable {
  has(word: string): boolean;
  get(word: string): readonly string[] | undefined;
}

export interface LexiconFile {
  format: unknown;
  sources: LexiconData["sources"];
  en: LexiconTable;
  fr: LexiconTable;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function lexiconText(data: Pick<LexiconData, "sources" | "en" | "fr"> & { format: unknown }): string {
  const table = (t: Record<string, string[]>) =>
    Object.keys(t)
      .sort(byCodeUnits)
      .map((word) => {
        const values = t[word] ?? [];
        for (const part of [word, ...values])
          if (part === "" || ["\n", KEY_END, VALUE_SEP].some((c) => part.includes(c)))
            throw new Error(`lexicon entry empty or holding a separator: ${JSON.stringify(part)} (${word})`);
        return `${word}${KEY_END}${values.join(VALUE_SEP)}`;
      })
      .join("\n");
  return `${JSON.stringify({ format: data.format, sources: data.sources })}\n${table(data.en)}\n\n${table(data.fr)}`;
}

/** The file's header and tables; throws when it is not a file `lexiconText` wrote. */
export function readLexiconText(text: string): LexiconFile {
  const headerEnd = text.indexOf("\n");
  const split = text.indexOf("\n\n", headerEnd);
  if (headerEnd < 0 || split < 0) throw new Error("not a lexicon file");
  const header = JSON.parse(text.slice(0, headerEnd)) as { format?: unknown; sources?: unknown };
  if (!Array.isArray(header.sources)) throw new Error("lexicon file without its sources");
  return {
    format: header.format,
    sources: header.sources as LexiconData["sources"],
    en: new SortedTable(text.slice(headerEnd + 1, split)),
    fr: new SortedTable(text.slice(split + 2)),
  };
}

/** Lines sorted by word (UTF-16 code units, as `lexiconText` sorts them), searched in place. */
class SortedTable implements LexiconTable {
  private starts: number[] | undefined;

  constructor(private readonly block: string) {}

  has(word: string): boolean {
    return this.find(word) !== undefined;
  }

  get(word: string): readonly string[] | undefined {
    const line = this.find(word);
    if (line === undefined) return undefined;
    const values = this.block.slice(line.valuesAt, line.end);
    return values === "" ? [] : values.split(VALUE_SEP);
  }

  private find(word: string): { valuesAt: number; end: number } | undefined {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const start = starts[mid]!;
      const end = mid + 1 < starts.length ? starts[mid + 1]! - 1 : this.block.length;
      const keyEnd = this.block.indexOf(KEY_END, start);
      const key = this.block.slice(start, keyEnd);
      const order = byCodeUnits(word, key);
      if (order === 0) return { valuesAt: keyEnd + 1, end };
      if (order < 0) high = mid - 1;
      else low = mid + 1;
    }
    return undefined;
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts: number[] = [];
    if (this.block !== "") {
      starts.push(0);
      for (let at = this.block.indexOf("\n"); at >= 0; at = this.block.indexOf("\n", at + 1)) starts.push(at + 1);
    }
    this.starts = starts;
    return starts;
  }
}
