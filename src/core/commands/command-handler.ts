import type { BriefService } from "../briefing/brief-service.js";
import type { Brief } from "../domain/brief.js";
import type { IngestService } from "../ingest/ingest-service.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import type { Command, LangPreference } from "./parse-command.js";

/** What a command produced, before any platform renders it. */
export type Reply =
  | { kind: "briefs"; briefs: Brief[] }
  | { kind: "text"; text: string }
  | { kind: "help"; problem?: string | undefined }
  | { kind: "error"; message: string };

/** Who asked, where: enough for preferences and subscriptions, nothing platform-specific. */
export interface CommandContext {
  /** e.g. "slack:T123:U456", "teams:29:abc", "console:local" */
  userKey: string;
  /** e.g. "slack:C123", "teams:19:abc@thread.tacv2", "console:local" */
  conversationKey: string;
  language?: LangPreference | undefined;
}

export interface CommandHandlerDeps {
  store: ReleaseStore;
  briefs: BriefService;
  ingest: IngestService;
}

/** One entry point for every platform: parse → this → render. Extended as features land. */
export class CommandHandler {
  constructor(private readonly deps: CommandHandlerDeps) {}

  /** Commands that may take a while (an engine call, a fetch): adapters show progress first. */
  isSlow(command: Command): boolean {
    return command.kind === "url" || command.kind === "latest" || command.kind === "show" || command.kind === "ask";
  }

  async handle(command: Command, _ctx: CommandContext): Promise<Reply> {
    try {
      switch (command.kind) {
        case "latest":
          return await this.latest(command.count);
        case "show": {
          const release = this.deps.store.getRelease(command.id);
          if (!release) return { kind: "error", message: `No stored release has the id "${command.id}".` };
          return { kind: "briefs", briefs: [(await this.deps.briefs.brief(release)).brief] };
        }
        case "url": {
          const { release } = await this.deps.ingest.fromUrl(command.url);
          return { kind: "briefs", briefs: [(await this.deps.briefs.brief(release)).brief] };
        }
        case "help":
          return { kind: "help", problem: command.problem };
        default:
          return { kind: "error", message: `"${command.kind}" is not available in this version yet.` };
      }
    } catch (err) {
      return { kind: "error", message: userMessage(err) };
    }
  }

  private async latest(count: number): Promise<Reply> {
    const releases = this.deps.store.listReleases({ limit: count });
    if (releases.length === 0) return { kind: "text", text: "No releases are stored yet." };
    const briefs: Brief[] = [];
    for (const r of releases) briefs.push((await this.deps.briefs.brief(r)).brief);
    return { kind: "briefs", briefs };
  }
}

/** Errors meant for users carry their own message; anything else is reported without internals. */
function userMessage(err: unknown): string {
  if (err instanceof Error && ["IngestError", "FetchError", "UsageError"].includes(err.name)) return err.message;
  return "Something went wrong on our side; the error was logged.";
}
