import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CipherError, keyIdOf, parseKey, TokenCipher } from "../../src/infra/crypto/token-cipher.js";

const k1 = randomBytes(32);
const k2 = randomBytes(32);

describe("TokenCipher (AES-256-GCM, keys named by fingerprint)", () => {
  it("opens what it sealed, in the same context only; every seal has its own nonce", () => {
    const c = new TokenCipher(k1);
    const a = c.seal("xoxb-secret", "slack:T1");
    const b = c.seal("xoxb-secret", "slack:T1");
    expect(a.sealed).not.toBe(b.sealed);
    expect(a.sealed).not.toContain("xoxb");
    expect(a.keyId).toBe(keyIdOf(k1));
    expect(c.open(a, "slack:T1")).toBe("xoxb-secret");
    expect(() => c.open(a, "slack:T2")).toThrow(CipherError);
  });

  it("refuses a value altered by one bit, another key, or an unknown key id", () => {
    const c = new TokenCipher(k1);
    const s = c.seal("xoxb-secret", "ctx");
    const [v, nonce, body, tag] = s.sealed.split(".");
    // Flip one bit of the ciphertext's bytes (changing the last base64 character can leave the bytes unchanged).
    const bytes = Buffer.from(body!, "base64url");
    bytes[0] = bytes[0]! ^ 0x01;
    const flipped = bytes.toString("base64url");
    expect(() => c.open({ ...s, sealed: [v, nonce, flipped, tag].join(".") }, "ctx")).toThrow(/does not open/);
    const other = new TokenCipher(k2);
    expect(() => other.open(s, "ctx")).toThrow(/not configured/);
    expect(() => other.open({ ...s, keyId: other.currentKeyId }, "ctx")).toThrow(/does not open/);
    expect(() => c.open({ ...s, sealed: "v0.x.y.z" }, "ctx")).toThrow(/format/);
  });

  it("rotates: the new key seals, the old one still opens, and stale values are told apart", () => {
    const before = new TokenCipher(k1).seal("xoxb-old", "ctx");
    const rotated = new TokenCipher(k2, [k1]);
    expect(rotated.keyIds).toEqual([keyIdOf(k2), keyIdOf(k1)]);
    expect(rotated.open(before, "ctx")).toBe("xoxb-old");
    expect(rotated.isStale(before)).toBe(true);
    expect(rotated.isStale(rotated.seal("x", "ctx"))).toBe(false);
  });

  it("reads keys as base64 or hex of 32 bytes, and says what is expected otherwise", () => {
    expect(parseKey(k1.toString("base64"))).toEqual(k1);
    expect(parseKey(k1.toString("hex"))).toEqual(k1);
    expect(parseKey(k1.toString("base64url"))).toEqual(k1);
    for (const bad of ["", "short", randomBytes(16).toString("base64"), randomBytes(33).toString("hex")]) {
      expect(() => parseKey(bad)).toThrow(/openssl rand -base64 32/);
    }
  });
});
