import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export const DEFAULT_MODES_DIR = "/usr/share/apertium/modes";
export const MODE_TOOL = "apertium-wblank-mode";

// Debian ships both directions of a pair in one package named after the pair's canonical order.
const PACKAGES: Record<string, string> = {
  "fr-es": "apertium-fr-es",
  "es-fr": "apertium-fr-es",
  "eng-spa": "apertium-eng-spa",
  "spa-eng": "apertium-eng-spa",
  "fra-cat": "apertium-fra-cat",
  "cat-fra": "apertium-fra-cat",
  "eng-cat": "apertium-eng-cat",
  "cat-eng": "apertium-eng-cat",
};

/** The Debian package that ships a mode ("eng-cat_valencia" → apertium-eng-cat). */
export function packageOf(mode: string): string {
  const base = mode.split("_")[0] ?? mode;
  return PACKAGES[base] ?? `apertium-${base}`;
}

export function modeFile(modesDir: string, mode: string): string {
  return path.join(modesDir, `${mode}.mode`);
}

/** The null-flush shell pipeline of a mode, with unknown-word marks off. */
export async function stageCommand(modesDir: string, mode: string): Promise<string> {
  const file = modeFile(modesDir, mode);
  const { stdout } = await execFileAsync(MODE_TOOL, ["-z", file]).catch((err: unknown) => {
    throw new Error(`${MODE_TOOL} could not read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  });
  const command = stdout.trim();
  if (!command) throw new Error(`${MODE_TOOL} printed no pipeline for ${file}`);
  // $1 is the generator flag: -n drops unknown-word marks (*, @, #); $2 is an optional tagger flag.
  return command.replace(/\$1(?!\d)/g, "-n").replace(/\$2(?!\d)/g, "");
}

/** What is missing to run these modes (empty when all is there), and the apt-get line that installs it. */
export async function missingModes(
  modesDir: string,
  modes: readonly string[],
): Promise<{ missing: string[]; install: string }> {
  const missing: string[] = [];
  if (!(await onPath(MODE_TOOL))) missing.push(`${MODE_TOOL} on PATH`);
  for (const mode of modes) {
    const file = modeFile(modesDir, mode);
    if (!(await exists(file))) missing.push(file);
  }
  const packages = new Set(["apertium", ...modes.map(packageOf)]);
  return { missing, install: `apt-get install ${[...packages].join(" ")}` };
}

/**
 * The morphological analyser (`*.automorf.bin`) a mode starts with: the first `lt-proc` of its pipeline reads the
 * source language. Undefined when the mode is not installed.
 */
export async function analyserOf(modesDir: string, mode: string): Promise<string | undefined> {
  const file = analyserIn(await readFile(modeFile(modesDir, mode), "utf8").catch(() => undefined));
  return file && (await exists(file)) ? file : undefined;
}

const ANALYSER = /lt-proc\b[^|]*?['"]?([^\s'"|]+\.automorf\.bin)/;
const TAGGER_MODEL = /apertium-tagger\b[^|]*?['"]?([^\s'"|]+\.prob)/;

function analyserIn(modeText: string | undefined): string | undefined {
  return (modeText && ANALYSER.exec(modeText)?.[1]) || undefined;
}

function taggerModelIn(modeText: string | undefined): string | undefined {
  return (modeText && TAGGER_MODEL.exec(modeText)?.[1]) || undefined;
}

/**
 * `analyserOf` and `taggerModelOf` at once, read synchronously (two small files and a stat each): for a pipeline
 * started before a long synchronous task, whose start must not wait for the event loop to come round.
 */
export function taggerFilesNow(modesDir: string, mode: string): { analyser: string; model: string } | undefined {
  let text: string | undefined;
  try {
    text = readFileSync(modeFile(modesDir, mode), "utf8");
  } catch {
    return undefined;
  }
  const analyser = analyserIn(text);
  const model = taggerModelIn(text);
  return analyser && model && existsSync(analyser) && existsSync(model) ? { analyser, model } : undefined;
}

/**
 * The tagger's model (`*.prob`) a mode runs after its analyser (`apertium-tagger -g … X.prob`): it chooses one
 * analysis of each word in context. Undefined when the mode is not installed.
 */
export async function taggerModelOf(modesDir: string, mode: string): Promise<string | undefined> {
  const file = taggerModelIn(await readFile(modeFile(modesDir, mode), "utf8").catch(() => undefined));
  return file && (await exists(file)) ? file : undefined;
}

export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

// Asks the shell, so the lookup matches what `bash -c` will later run.
export async function onPath(command: string): Promise<boolean> {
  return execFileAsync("sh", ["-c", 'command -v "$1"', "sh", command]).then(
    () => true,
    () => false,
  );
}
