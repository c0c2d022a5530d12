import http from "node:http";
import type { Logger } from "../core/ports/logger.port.js";

/** A route mounted on the shared HTTP server (Slack's receiver, Teams' adapter, health). */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface HttpServer {
  server: http.Server;
  route(method: string, path: string, handler: RouteHandler): void;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** One process, one port: every platform endpoint and `/healthz` share this server. */
export function createHttpServer(
  logger: Logger,
  health: () => Record<string, unknown> | Promise<Record<string, unknown>>,
): HttpServer {
  const routes = new Map<string, RouteHandler>();
  routes.set("GET /healthz", async (_req, res) => {
    // `status` other than "ok" (the database is unreachable) answers 503, so a load balancer stops routing here.
    const body = { status: "ok", ...(await health()) };
    res.writeHead(body.status === "ok" ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const handler = routes.get(`${req.method} ${path}`);
    if (!handler) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      logger.error("request failed", { path, error: err });
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  });
  return {
    server,
    route(method, path, handler) {
      routes.set(`${method.toUpperCase()} ${path}`, handler);
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
