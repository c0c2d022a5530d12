import type http from "node:http";

/** A request body that could not be read: `status` is what to answer (413 too large, 400 broken stream). */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "BodyError";
  }
}

/** Reads a request body up to `max` bytes; past that (declared or received) it stops reading and rejects 413. */
export function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return Promise.reject(new BodyError(413, `body larger than ${max} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyError(413, `body larger than ${max} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, size)));
    req.on("error", () => reject(new BodyError(400, "request body could not be read")));
  });
}
