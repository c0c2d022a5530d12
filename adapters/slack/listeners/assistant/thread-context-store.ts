import type { AssistantConfig } from "@slack/bolt";

type Store = NonNullable<AssistantConfig["threadContextStore"]>;
type Args = Parameters<Store["get"]>[0];
type ThreadContext = Awaited<ReturnType<Store["get"]>>;

const MAX_THREADS = 5000;

/**
 * Assistant thread context (which channel the user was looking at) kept in memory per thread. Bolt's default
 * store reads it back from the thread's history with `conversations.replies` on every message and keeps one
 * context for all threads; this keeps one per thread and calls nothing.
 */
export class MemoryThreadContextStore implements Store {
  private readonly threads = new Map<string, ThreadContext>();

  async get(args: Args): Promise<ThreadContext> {
    return this.threads.get(threadKey(args.payload)) ?? {};
  }

  async save(args: Args): Promise<void> {
    const payload = args.payload as { assistant_thread?: { context?: ThreadContext } };
    if (this.threads.size >= MAX_THREADS) this.threads.clear();
    this.threads.set(threadKey(args.payload), payload.assistant_thread?.context ?? {});
  }
}

function threadKey(payload: unknown): string {
  const p = payload as {
    channel?: string;
    thread_ts?: string;
    assistant_thread?: { channel_id?: string; thread_ts?: string };
  };
  const channel = p.assistant_thread?.channel_id ?? p.channel ?? "";
  const thread = p.assistant_thread?.thread_ts ?? p.thread_ts ?? "";
  return `${channel}:${thread}`;
}
