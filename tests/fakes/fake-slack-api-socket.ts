import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/**
 * Slack's Socket Mode end of the WebSocket, for the fake Slack API: the RFC 6455 handshake and framing written
 * from the spec (text, ping/pong and close frames; client frames are masked, ours are not), then Slack's
 * protocol on top: `hello` on connect, envelopes out, `{ envelope_id, payload }` acknowledgements back
 * (https://docs.slack.dev/apis/events-api/using-socket-mode).
 */
export class FakeSocketModeServer {
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  private socket: Duplex | undefined;
  private buffer = Buffer.alloc(0);
  private connectedWaiters: (() => void)[] = [];

  get connected(): boolean {
    return this.socket !== undefined;
  }

  /** Handles the HTTP upgrade of a client connecting to the URL `apps.connections.open` gave it. */
  upgrade(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers["sec-websocket-key"];
    if (typeof key !== "string") {
      socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      return;
    }
    const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.socket = socket;
    socket.on("data", (chunk: Buffer) => this.read(chunk));
    socket.on("close", () => {
      if (this.socket === socket) this.socket = undefined;
    });
    socket.on("error", () => {});
    this.sendJson({
      type: "hello",
      num_connections: 1,
      debug_info: { host: "fake" },
      connection_info: { app_id: "A1" },
    });
    for (const wake of this.connectedWaiters.splice(0)) wake();
  }

  waitConnected(): Promise<void> {
    return this.socket ? Promise.resolve() : new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  /** Sends an envelope as Slack would (e.g. type "slash_commands" with the command's fields as payload). */
  sendEnvelope(type: string, payload: unknown): string {
    const envelopeId = randomUUID();
    this.sendJson({
      envelope_id: envelopeId,
      payload,
      type,
      accepts_response_payload: type !== "events_api",
      retry_attempt: 0,
    });
    return envelopeId;
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private sendJson(value: unknown): void {
    this.send(0x1, Buffer.from(JSON.stringify(value)));
  }

  private send(opcode: number, payload: Buffer): void {
    const n = payload.length;
    const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
    if (n >= 126 && n < 65536) {
      head[0] = 0x80 | opcode;
      head[1] = 126;
      head.writeUInt16BE(n, 2);
    } else if (n >= 65536) {
      head[0] = 0x80 | opcode;
      head[1] = 127;
      head.writeBigUInt64BE(BigInt(n), 2);
    }
    this.socket?.write(Buffer.concat([head, payload]));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = this.buffer[0]! & 0x0f;
      let length = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (this.buffer[1]! & 0x80) !== 0;
      const end = offset + (masked ? 4 : 0) + length;
      if (this.buffer.length < end) return;
      const mask = masked ? this.buffer.subarray(offset, offset + 4) : undefined;
      const payload = Buffer.from(this.buffer.subarray(end - length, end));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      this.buffer = this.buffer.subarray(end);
      if (opcode === 0x1) this.acks.push(JSON.parse(payload.toString()) as { envelope_id: string });
      else if (opcode === 0x9) this.send(0xa, payload);
      else if (opcode === 0x8) {
        this.send(0x8, payload.subarray(0, 2));
        this.socket?.end();
      }
    }
  }
}
