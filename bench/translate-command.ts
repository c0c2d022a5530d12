/**
 * `translate` latency: the app's start (createApp), the first paragraph (Apertium's pipelines and analysers start
 * then), and the same paragraph again, warm, in each direction — the path the CLI command and the chat command
 * take (core translateText → protected pipeline → guarded pivot). A paragraph of NATO release length (~90 words).
 * Run: npm run bench -- translate-command
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { translateText } from "../src/core/commands/translate-command.js";
import { silentLogger } from "../src/core/ports/logger.port.js";

const RUNS = 10;
// Written for the benchmark (not from the corpus), in NATO's style.
const PARAGRAPHS = {
  en: "NATO Secretary General Mark Rutte met the Prime Minister of Norway, Jonas Gahr Støre, at NATO Headquarters in Brussels on Monday (12 May 2025). They discussed support for Ukraine, the protection of undersea infrastructure and the Alliance’s deterrence and defence on the eastern flank. Mr Rutte thanked Norway for its contributions to NATO’s missions and welcomed its plan to increase defence spending by 18 per cent. Allies will take stock of progress at the Summit in The Hague on 24 and 25 June, where leaders are expected to agree new capability targets.",
  fr: "Le lundi 12 mai 2025, le secrétaire général de l’OTAN, Mark Rutte, a rencontré le Premier ministre de la Norvège, Jonas Gahr Støre, au siège de l’OTAN à Bruxelles. Ils se sont entretenus du soutien à l’Ukraine, de la protection des infrastructures sous-marines ainsi que de la dissuasion et de la défense de l’Alliance sur le flanc est. M. Rutte a remercié la Norvège pour ses contributions aux missions de l’OTAN et a salué son projet d’augmenter ses dépenses de défense de 18 %. Les Alliés feront le point sur les progrès accomplis lors du sommet de La Haye, les 24 et 25 juin.",
} as const;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-translate-"));
const t0 = performance.now();
const app = await createApp(loadConfig({ DATABASE_URL: `sqlite:${dir}/b.db` }, { dotenvPath: false }), silentLogger);
const startup = performance.now() - t0;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`translate command: app start ${ms(startup)}; paragraph of ~${PARAGRAPHS.en.split(/\s+/).length} words`);
for (const from of ["en", "fr"] as const) {
  const s = performance.now();
  const first = await translateText(app.textTranslator, { text: PARAGRAPHS[from], from });
  const cold = performance.now() - s;
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const w = performance.now();
    await translateText(app.textTranslator, { text: PARAGRAPHS[from], from });
    warm.push(performance.now() - w);
  }
  console.log(
    `  ${from}→${first.to}: first ${ms(cold)} (pipelines start), warm median ${ms(median(warm))}, max ${ms(Math.max(...warm))} (${RUNS} runs)`,
  );
  console.log(`    ${first.text.slice(0, 160)}…`);
}
await app.close();
fs.rmSync(dir, { recursive: true, force: true });
