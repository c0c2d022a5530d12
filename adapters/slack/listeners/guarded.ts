import type { SlackDeps } from "../slack-deps.js";

export const SORRY_TEXT =
  "Sorry, something went wrong on our side; the error was logged. / Désolé, une erreur est survenue de notre côté.";

type AckFn = (response?: never) => Promise<void>;

/**
 * Every listener runs inside this: whatever it throws is logged and counted (`listenerFailures` on /healthz), and
 * a request it had not acknowledged yet is acknowledged with an apology, so Slack never sees a 500 from our code
 * and the user is not left with "dispatch_failed".
 */
export function guarded<A extends object>(
  deps: Pick<SlackDeps, "logger" | "health">,
  name: string,
  listener: (args: A) => Promise<void>,
): (args: A) => Promise<void> {
  return async (args: A) => {
    const original = (args as { ack?: (...a: unknown[]) => Promise<void> }).ack;
    let acked = false;
    const withAck = original
      ? {
          ...args,
          ack: (async (...a: unknown[]) => {
            acked = true;
            return original(...a);
          }) as AckFn,
        }
      : args;
    try {
      await listener(withAck as A);
    } catch (err) {
      deps.health.listenerFailures++;
      deps.logger.error("slack listener failed", { listener: name, error: err });
      if (original && !acked) {
        await original({ response_type: "ephemeral", text: SORRY_TEXT }).catch(() => undefined);
      }
    }
  };
}
