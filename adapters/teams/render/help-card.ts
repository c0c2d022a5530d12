import { HELP_TEXT } from "../../../src/core/commands/parse-command.js";
import { type AdaptiveCard, card, text } from "./card-types.js";
import { escapeCardText } from "./escape.js";

/**
 * The command list as a card: the core's help text, one fact per command (its lines are "  usage   what it does"),
 * with what was wrong first when a command could not be read.
 */
export function helpCard(problem?: string): AdaptiveCard {
  const [title = "", ...lines] = HELP_TEXT.split("\n");
  const facts = lines
    .map((line) => /^\s*(.+?)\s{2,}(.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ title: escapeCardText(m[1] ?? ""), value: escapeCardText(m[2] ?? "") }));
  return card(
    [
      ...(problem ? [text(escapeCardText(`⚠ ${problem}`), { color: "Warning" as const })] : []),
      text(escapeCardText(title.replace(/^\/nato-brief\b/, "nato-brief")), { weight: "Bolder" }),
      text("In a channel or group chat, @mention me first; in a personal chat, just type.", {
        size: "Small",
        isSubtle: true,
      }),
      { type: "FactSet", facts },
    ],
    [],
    problem ? `${problem} — type "help" for the commands` : "nato-brief commands",
  );
}
