import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Secrets at rest (Slack bot and refresh tokens): AES-256-GCM with a fresh 96-bit nonce per seal and the row's
 * own key as additional authenticated data, so a sealed value copied onto another row does not open. Every
 * sealed value names the key it was sealed with (a fingerprint, never the key): keys rotate by sealing with a
 * new current key while older ones still open what they sealed, until `reseal` has moved everything over.
 */

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedSecret {
  /** Fingerprint of the key that sealed it. */
  keyId: string;
  /** `v1.<base64url nonce>.<base64url ciphertext>.<base64url tag>` */
  sealed: string;
}

export class CipherError extends Error {
  override readonly name = "CipherError";
}

/** A 32-byte key, given as base64 (44 characters) or hex (64 characters), e.g. from `openssl rand -base64 32`. */
export function parseKey(text: string): Buffer {
  const t = text.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(t)) key = Buffer.from(t, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) key = Buffer.from(t, "base64");
  if (key?.length !== 32) {
    throw new CipherError("must be 32 random bytes as base64 or hex, e.g. the output of `openssl rand -base64 32`");
  }
  return key;
}

/** A short public name of a key: the first 12 hex digits of SHA-256 over a label and the key. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("nato-brief token key\0").update(key).digest("hex").slice(0, 12);
}

export class TokenCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  /** `current` seals; `current` and every key in `previous` open. */
  constructor(current: Buffer, previous: Buffer[] = []) {
    this.currentKeyId = keyIdOf(current);
    for (const key of [current, ...previous]) this.keys.set(keyIdOf(key), key);
  }

  /** Fingerprints of every key this cipher can open with, current first. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  seal(plaintext: string, context: string): SealedSecret {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.keys.get(this.currentKeyId)!, nonce, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const parts = [nonce, body, cipher.getAuthTag()].map((b) => b.toString("base64url"));
    return { keyId: this.currentKeyId, sealed: [VERSION, ...parts].join(".") };
  }

  /** Throws CipherError when the key is not configured or the value was altered or belongs to another context. */
  open(secret: SealedSecret, context: string): string {
    const key = this.keys.get(secret.keyId);
    if (!key) {
      throw new CipherError(
        `sealed with key ${secret.keyId}, which is not configured (TOKEN_ENCRYPTION_KEY or TOKEN_ENCRYPTION_OLD_KEYS)`,
      );
    }
    const [version, nonce, body, tag] = secret.sealed.split(".");
    if (version !== VERSION || !nonce || body === undefined || !tag) {
      throw new CipherError(`sealed value is not in the ${VERSION} format`);
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      throw new CipherError(`sealed value does not open with key ${secret.keyId} for ${context} (altered or moved)`);
    }
  }

  /** Whether `secret` should be sealed again under the current key. */
  isStale(secret: SealedSecret): boolean {
    return secret.keyId !== this.currentKeyId;
  }
}
