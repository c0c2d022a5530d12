import type { CliCommand } from "../cli-command.js";
import { briefCommand, ingestCommand } from "./brief.js";
import { listCommand, showCommand } from "./releases.js";

/** Every `nato-brief` sub-command. Add a file under this folder and one entry here. */
export const COMMANDS: CliCommand[] = [briefCommand, ingestCommand, listCommand, showCommand];
