import { closest } from "../core/text/closest.js";

export { closest };

/**
 * The command line's flags, read by us rather than by node:util's parseArgs, so every mistake gets a message in
 * plain words: parseArgs answers `--fiel` with advice about positionals and `--limit -5` with "ambiguous".
 */

/** One flag a command reads: `--name VALUE` (string) or `--name` (boolean). */
export interface FlagSpec {
  type: "string" | "boolean";
  short?: string;
  /** Placeholder of a string flag's value in help and errors: "PATH", "N", "en|fr|both". */
  value?: string;
  /** One line for the command's help. */
  describe: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

export interface ParsedFlags {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** A mistake in the command line itself (not in the data it names): shown with the command's usage. */
export class FlagError extends Error {
  override readonly name = "FlagError";
}

/**
 * `--name value`, `--name=value`, `-x value`, booleans, `--` ending the flags, positionals anywhere. A string
 * flag takes the next word as its value even when it starts with "-" (`--limit -5`), unless that word is
 * itself one of the command's flags: then the value is missing.
 */
export function parseFlags(argv: readonly string[], specs: FlagSpecs): ParsedFlags {
  const positionals: string[] = [];
  const values: ParsedFlags["values"] = {};
  const byShort = new Map(Object.entries(specs).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const eq = arg.indexOf("=");
    const written = eq > 0 && long ? arg.slice(0, eq) : arg;
    const name = long ? written.slice(2) : byShort.get(written.slice(1));
    const spec = name === undefined ? undefined : specs[name];
    if (name === undefined || !spec) throw new FlagError(unknownFlag(written, specs));
    if (spec.type === "boolean") {
      if (eq > 0 && long) throw new FlagError(`--${name} takes no value (got ${arg})`);
      values[name] = true;
      continue;
    }
    if (eq > 0 && long) {
      values[name] = arg.slice(eq + 1);
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || isFlag(next, specs, byShort)) {
      throw new FlagError(`--${name} needs a value (--${name} ${spec.value ?? "VALUE"})`);
    }
    values[name] = next;
    i++;
  }
  return { positionals, values };
}

function isFlag(word: string, specs: FlagSpecs, byShort: Map<string, string>): boolean {
  if (word.startsWith("--")) return word.slice(2).split("=")[0]! in specs;
  return word.length === 2 && word.startsWith("-") && byShort.has(word.slice(1));
}

function unknownFlag(written: string, specs: FlagSpecs): string {
  const near = closest(written.replace(/^-+/, ""), Object.keys(specs));
  return `unknown option ${written}${near ? ` (did you mean --${near}?)` : ""}`;
}
