/**
 * `npm run teams:package`: the Teams app package (manifest.json + both icons in one zip, as Teams uploads it),
 * with the manifest's placeholders filled from the configuration: TEAMS_APP_ID (default MICROSOFT_APP_ID),
 * MICROSOFT_APP_ID (the bot) and TEAMS_BOT_DOMAIN (this server's public host name).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AdmZip from "adm-zip";
import { loadConfig } from "../../../src/config.js";

const TEAMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_OUTPUT = path.resolve(TEAMS_DIR, "../../dist/nato-brief-teams.zip");

export interface PackageValues {
  /** The Teams app's GUID. */
  appId: string;
  /** The bot's Microsoft App ID (a GUID). */
  botId: string;
  /** Public host name of the messaging endpoint, e.g. "brief.example.org". */
  domain: string;
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}(:\d{1,5})?$/;

/** The manifest template with `${{NAME}}` placeholders replaced; throws on a bad value or a leftover placeholder. */
export function fillManifest(template: string, values: PackageValues): string {
  if (!GUID.test(values.appId)) throw new Error(`TEAMS_APP_ID must be a GUID (got "${values.appId}")`);
  if (!GUID.test(values.botId)) throw new Error(`MICROSOFT_APP_ID must be a GUID (got "${values.botId}")`);
  if (!HOST.test(values.domain)) {
    throw new Error(`TEAMS_BOT_DOMAIN must be a host name like brief.example.org (got "${values.domain}")`);
  }
  const map: Record<string, string> = {
    TEAMS_APP_ID: values.appId,
    MICROSOFT_APP_ID: values.botId,
    TEAMS_BOT_DOMAIN: values.domain,
  };
  const filled = template.replace(/\$\{\{([A-Z_]+)\}\}/g, (whole, name: string) => map[name] ?? whole);
  const left = /\$\{\{[A-Z_]+\}\}/.exec(filled);
  if (left) throw new Error(`manifest.json has a placeholder nobody fills: ${left[0]}`);
  return `${JSON.stringify(JSON.parse(filled), null, 2)}\n`;
}

/** The zip Teams accepts: manifest.json and the two icons it names, at the root of the archive. */
export function buildPackage(values: PackageValues, dir = TEAMS_DIR): Buffer {
  const manifest = fillManifest(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"), values);
  const icons = (JSON.parse(manifest) as { icons: { color: string; outline: string } }).icons;
  const zip = new AdmZip();
  zip.addFile("manifest.json", Buffer.from(manifest, "utf8"));
  for (const file of [icons.color, icons.outline]) {
    zip.addFile(file, fs.readFileSync(path.join(dir, "icons", path.basename(file))));
  }
  return zip.toBuffer();
}

function main(): void {
  const { teamsPackage } = loadConfig();
  const missing = [!teamsPackage.botId && "MICROSOFT_APP_ID", !teamsPackage.domain && "TEAMS_BOT_DOMAIN"].filter(
    Boolean,
  );
  if (missing.length)
    throw new Error(`set ${missing.join(" and ")} (in the environment or .env) to package the Teams app`);
  const zip = buildPackage({
    appId: teamsPackage.appId ?? teamsPackage.botId ?? "",
    botId: teamsPackage.botId ?? "",
    domain: teamsPackage.domain ?? "",
  });
  const out = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUTPUT;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zip);
  process.stdout.write(`${out} (${zip.length} bytes)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`teams:package: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
