import fs from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

/**
 * No Docker engine runs here, so what can be checked without one is: the README's docker commands work on a
 * fresh clone (every file they name exists or is made by an earlier command), the Dockerfile copies files the
 * clone has and the build context keeps, its build cannot run before the sources are there, its CMD is a file
 * the build makes, and `.env.example` works as an `--env-file` as it is.
 */
const root = path.resolve(import.meta.dirname, "../..");
const read = (f: string) => fs.readFileSync(path.join(root, f), "utf8");
const dockerfile = read("Dockerfile");
const ignored = read(".dockerignore")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
/** Instructions with their continuation lines joined. */
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const tracked = (p: string) => fs.existsSync(path.join(root, p));

function readmeBlock(section: string): string[] {
  const body = read("README.md")
    .split(/^## /m)
    .find((s) => s.startsWith(`${section}\n`));
  const block = body?.match(/```sh\n([\s\S]*?)```/)?.[1] ?? "";
  return block
    .split("\n")
    .map((l) => l.replace(/\s+#\s.*$/, "").trim())
    .filter(Boolean);
}

describe("Docker on a fresh clone", () => {
  it("the README's docker commands name only files the clone has or an earlier command makes", () => {
    const lines = readmeBlock("Docker");
    expect(lines.some((l) => l.startsWith("docker build"))).toBe(true);
    const made = new Set<string>();
    for (const line of lines) {
      for (const [, file] of line.matchAll(/--env-file\s+(\S+)/g)) {
        expect({ line, file, present: made.has(file!) || tracked(file!) }).toMatchObject({ present: true });
        // .env is never committed: it has to be made first.
        expect(tracked(".env") && !made.has(file!)).toBe(false);
      }
      const cp = /^cp\s+(\S+)\s+(\S+)$/.exec(line);
      if (cp) {
        expect(tracked(cp[1]!)).toBe(true);
        made.add(cp[2]!);
      }
    }
  });

  it("copies into the image only files the clone has and the build context keeps", () => {
    const sources = instructions
      .filter((i) => /^COPY\s/i.test(i) && !/--from=/i.test(i))
      .flatMap((i) =>
        i
          .replace(/^COPY\s+/i, "")
          .split(/\s+/)
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(3);
    for (const src of sources) {
      expect({ src, exists: tracked(src) }).toEqual({ src, exists: true });
      expect({ src, ignored: ignored.includes(src.replace(/\/$/, "")) }).toEqual({ src, ignored: false });
    }
  });

  it("installs without running the build before the sources are copied, and runs what the build makes", () => {
    const ci = instructions.findIndex((i) => /npm ci\b/.test(i));
    const firstSourceCopy = instructions.findIndex((i) => /^COPY\s+src\b/i.test(i));
    expect(ci).toBeGreaterThan(-1);
    // package.json has a `prepare` script (npm ci builds dist/); before src/ is in, it must not run.
    if (ci < firstSourceCopy) expect(instructions[ci]).toMatch(/--ignore-scripts/);
    const cmd = JSON.parse(instructions.find((i) => i.startsWith("CMD"))!.replace(/^CMD\s+/, "")) as string[];
    expect(cmd[0]).toBe("node");
    // tsconfig.build.json compiles src/ into dist/src/ (rootDir "."): the CMD's file comes from a source file.
    const build = JSON.parse(read("tsconfig.build.json")) as { compilerOptions: { outDir: string; rootDir: string } };
    expect(build.compilerOptions).toMatchObject({ outDir: "dist", rootDir: "." });
    expect(cmd[1]).toBe("dist/src/main.js");
    expect(tracked("src/main.ts")).toBe(true);
    // `nato-brief` on the image's PATH is the package's executable.
    expect(dockerfile).toMatch(/ln -s \/app\/bin\/nato-brief\.mjs \/usr\/local\/bin\/nato-brief/);
  });

  it(".env.example works as an --env-file as it is: plain KEY=value lines that the app accepts", () => {
    const text = read(".env.example");
    for (const line of text.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"))) {
      // docker run --env-file takes each line literally: no quotes, no trailing comment, no `export`.
      expect(line).toMatch(/^[A-Z][A-Z0-9_]*=[^"'#]*$/);
    }
    const env = dotenv.parse(text);
    const config = loadConfig({ ...env }, { dotenvPath: false });
    // The image's WORKDIR is /app and its volume /app/data: the example's database lands in the volume.
    expect(dockerfile).toMatch(/WORKDIR \/app\n/);
    expect(dockerfile).toMatch(/VOLUME \["\/app\/data"\]/);
    expect(config.database.kind).toBe("sqlite");
    const file = config.database.kind === "sqlite" ? config.database.path : "";
    expect(path.posix.resolve("/app", file)).toMatch(/^\/app\/data\//);
  });
});
