import type { CliCommand } from "../cli-command.js";
import { askCommand } from "./ask.js";
import { briefCommand, ingestCommand } from "./brief.js";
import { digestCommand } from "./digest.js";
import { installationsCommand } from "./installations.js";
import { listCommand, showCommand } from "./releases.js";
import { searchCommand } from "./search.js";
import { sourcesCommand } from "./sources.js";
import { statsCommand } from "./stats.js";
import { subscriptionsCommand } from "./subscriptions.js";

/** Every `nato-brief` sub-command. Add a file under this folder and one entry here. */
export const COMMANDS: CliCommand[] = [
  briefCommand,
  ingestCommand,
  listCommand,
  showCommand,
  statsCommand,
  sourcesCommand,
  digestCommand,
  subscriptionsCommand,
  installationsCommand,
  askCommand,
  searchCommand,
];
