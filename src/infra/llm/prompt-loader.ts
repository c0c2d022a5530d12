import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { packageRoot } from "../../package-root.js";

/**
 * Prompts live as files, one folder each: `prompt.md` (the text) and `config.json` (version, variables, model
 * settings), after microsoft/teams-ai's PromptManager. `prompt.md` is split into chat messages by marker lines
 * `<!-- system -->`, `<!-- user -->`, `<!-- assistant -->`; without markers the whole text is one system message.
 * Other HTML comments are notes for maintainers and are never sent.
 */

export type PromptRole = "system" | "user" | "assistant";

export interface PromptMessage {
  role: PromptRole;
  content: string;
}

export interface PromptModelSettings {
  temperature?: number | undefined;
  max_tokens?: number | undefined;
}

export interface Prompt {
  readonly name: string;
  /** Part of the brief cache key: bump on any change of the text. */
  readonly version: string;
  readonly description: string;
  readonly variables: readonly string[];
  readonly model: PromptModelSettings;
  /** Fills every `{{variable}}`; throws on a missing or undeclared one. Values are inserted verbatim, once. */
  render(vars: Readonly<Record<string, string>>): PromptMessage[];
}

export interface PromptLibrary {
  /** Throws when no prompt has that name. */
  get(name: string): Prompt;
  names(): string[];
}

const VARIABLE_NAME = /^[a-z][a-z0-9_]*$/;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const MARKER = /^[ \t]*<!--\s*(system|user|assistant)\s*-->[ \t]*$/gm;
const COMMENT = /<!--[\s\S]*?-->/g;

// Strict objects so a misspelt key ("temprature") stops start-up instead of being ignored.
const configSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  description: z.string().min(1),
  variables: z.array(z.string().regex(VARIABLE_NAME, "must be snake_case, e.g. release_texts")),
  model: z
    .strictObject({
      temperature: z.number().min(0).max(2).optional(),
      max_tokens: z.number().int().positive().optional(),
    })
    .optional(),
});

/** `<repo>/prompts`: the nearest folder up from this file with a package.json, so src/ and dist/src/ both work. */
export const DEFAULT_PROMPTS_DIR = join(packageRoot(), "prompts");

const cache = new Map<string, PromptLibrary>();

/**
 * Reads every prompt folder under `dir` once (start-up) and checks it; later calls for the same folder return the
 * cached library. Throws an Error naming the offending file.
 */
export function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): PromptLibrary {
  const root = resolve(dir);
  const cached = cache.get(root);
  if (cached) return cached;
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`prompts folder not found: ${root}`);

  const prompts = new Map<string, Prompt>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    prompts.set(entry.name, loadPrompt(join(root, entry.name), entry.name));
  }
  const library: PromptLibrary = {
    get(name) {
      const prompt = prompts.get(name);
      if (!prompt) throw new Error(`unknown prompt "${name}" in ${root}; known: ${[...prompts.keys()].join(", ")}`);
      return prompt;
    },
    names: () => [...prompts.keys()].sort(),
  };
  cache.set(root, library);
  return library;
}

function loadPrompt(folder: string, folderName: string): Prompt {
  const textFile = join(folder, "prompt.md");
  const configFile = join(folder, "config.json");
  for (const file of [textFile, configFile]) {
    if (!existsSync(file)) throw new Error(`prompt "${folderName}": missing file ${file}`);
  }

  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configFile, "utf8"));
  } catch (err) {
    throw new Error(`prompt "${folderName}": ${configFile} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`prompt "${folderName}": invalid ${configFile}:\n${z.prettifyError(parsed.error)}`);
  }
  const config = parsed.data;
  if (config.name !== folderName) {
    throw new Error(`prompt "${folderName}": ${configFile} has name "${config.name}", expected the folder name`);
  }

  const sections = splitSections(readFileSync(textFile, "utf8"), textFile);
  const used = new Set<string>();
  for (const section of sections) {
    for (const match of section.content.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? "";
      if (!VARIABLE_NAME.test(name)) throw new Error(`${textFile}: malformed placeholder ${match[0]}`);
      used.add(name);
    }
    if (/\{\{|\}\}/.test(section.content.replace(PLACEHOLDER, ""))) {
      throw new Error(`${textFile}: unbalanced "{{" or "}}" (placeholders look like {{release_texts}})`);
    }
  }
  const declared = new Set(config.variables);
  const undeclared = [...used].filter((v) => !declared.has(v));
  if (undeclared.length > 0) {
    throw new Error(`${textFile} uses {{${undeclared.join("}}, {{")}}} not declared in ${configFile}`);
  }
  const unused = [...declared].filter((v) => !used.has(v));
  if (unused.length > 0) {
    throw new Error(`${configFile} declares variable(s) ${unused.join(", ")} that ${textFile} never uses`);
  }

  return {
    name: config.name,
    version: config.version,
    description: config.description,
    variables: Object.freeze([...config.variables]),
    model: Object.freeze({ ...config.model }),
    render(vars) {
      const missing = config.variables.filter((v) => !Object.hasOwn(vars, v));
      const extra = Object.keys(vars).filter((v) => !declared.has(v));
      if (missing.length > 0 || extra.length > 0) {
        throw new Error(
          `prompt "${config.name}": ${[
            missing.length > 0 ? `missing variable(s) ${missing.join(", ")}` : "",
            extra.length > 0 ? `undeclared variable(s) ${extra.join(", ")}` : "",
          ]
            .filter(Boolean)
            .join("; ")}`,
        );
      }
      // One pass with a replacer function: a value containing "{{x}}" is inserted as is, never expanded.
      return sections.map((s) => ({
        role: s.role,
        content: s.content.replace(PLACEHOLDER, (_m, name: string) => vars[name] ?? ""),
      }));
    },
  };
}

function splitSections(text: string, file: string): PromptMessage[] {
  const markers = [...text.matchAll(MARKER)];
  const strip = (s: string) => s.replace(COMMENT, "").trim();
  if (markers.length === 0) {
    const content = strip(text);
    if (!content) throw new Error(`${file} is empty`);
    return [{ role: "system", content }];
  }
  const first = markers[0];
  if (first && strip(text.slice(0, first.index)) !== "") {
    throw new Error(`${file}: text before the first <!-- role --> marker would be lost`);
  }
  return markers.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = markers[i + 1]?.index ?? text.length;
    const content = strip(text.slice(start, end));
    if (!content) throw new Error(`${file}: empty <!-- ${m[1]} --> section`);
    return { role: m[1] as PromptRole, content };
  });
}
