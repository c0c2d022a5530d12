import type http from "node:http";

/**
 * The Express/Restify-style response `CloudAdapter.process` writes to (`status`, `header`, `send`, `end`), over
 * node's own `ServerResponse`. Bodies of 5xx answers are replaced: the adapter would send its error's message
 * (a failed metadata fetch names hosts and reasons) to whoever called.
 */
export interface ExpressLikeResponse {
  socket: unknown;
  status(code: number): ExpressLikeResponse;
  header(name: string, value: unknown): ExpressLikeResponse;
  send(body?: unknown): ExpressLikeResponse;
  end(): ExpressLikeResponse;
}

export function responseShim(
  res: http.ServerResponse,
  /** Replaces whatever the adapter answered (e.g. 401 for a turn our own check refused). */
  override?: () => { status: number; body: string } | undefined,
): ExpressLikeResponse {
  let body: string | Buffer | undefined;
  const shim: ExpressLikeResponse = {
    socket: res.socket,
    status(code) {
      res.statusCode = code;
      return shim;
    },
    header(name, value) {
      if (!res.headersSent) res.setHeader(name, String(value));
      return shim;
    },
    send(value) {
      if (value === undefined || value === null) return shim;
      if (Buffer.isBuffer(value)) body = value;
      else if (typeof value === "string") body = value;
      else {
        body = JSON.stringify(value);
        if (!res.hasHeader("content-type")) res.setHeader("content-type", "application/json");
      }
      return shim;
    },
    end() {
      if (res.writableEnded) return shim;
      const replaced = override?.();
      if (replaced) {
        res.statusCode = replaced.status;
        res.setHeader("content-type", "application/json");
        res.end(replaced.body);
      } else if (res.statusCode >= 500) {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ error: "internal error" }));
      } else if (body !== undefined) {
        if (!res.hasHeader("content-type")) res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end(body);
      } else res.end();
      return shim;
    },
  };
  return shim;
}
