import { ConfigurationError } from '../errors/configuration-error.js';

/**
 * A host-supplied audit key: an HMAC-SHA-256 `CryptoKey` (usage `sign`), or its raw bytes (at
 * least 16). With it, every audit event carries an HMAC of its hash (`mac`), and checkpoints are
 * signed: anyone holding the key can tell an event edited with its hash recomputed.
 */
export type AuditKey = CryptoKey | Uint8Array | ArrayBuffer;

/** @internal Signs text with the audit key: HMAC-SHA-256, lowercase hex. */
export interface AuditSigner {
  sign(text: string): Promise<string>;
}

const hex = (buf: ArrayBuffer): string => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

const invalid = (problemEn: string, problemVi: string): never => {
  throw new ConfigurationError({ problemVi: `auditKey không hợp lệ: ${problemVi}`, problemEn: `invalid auditKey: ${problemEn}` });
};

/** @internal The signer of a host's audit key (checked now, imported on first use), or null without a key. */
export function createAuditSigner(key: AuditKey | undefined | null): AuditSigner | null {
  if (key === undefined || key === null) return null;
  const subtle = () => {
    const s = globalThis.crypto?.subtle;
    if (!s) throw new Error('Web Crypto (crypto.subtle) is not available in this runtime');
    return s;
  };
  let cryptoKey: () => Promise<CryptoKey>;
  if (key instanceof Uint8Array || key instanceof ArrayBuffer) {
    if (key.byteLength < 16) return invalid('raw key bytes must be at least 16 bytes long', 'khóa dạng byte phải dài ít nhất 16 byte');
    const bytes = new Uint8Array(key).slice();
    let cached: Promise<CryptoKey> | null = null;
    cryptoKey = () => (cached ??= subtle().importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']));
  } else {
    // Checked at run time too: JavaScript callers may pass anything.
    const candidate = key as unknown as { algorithm?: { name?: unknown; hash?: { name?: unknown } } | null; usages?: unknown } | null;
    if (typeof candidate !== 'object' || candidate === null || typeof candidate.algorithm !== 'object' || candidate.algorithm === null) {
      return invalid('expected an HMAC-SHA-256 CryptoKey or raw bytes', 'cần một CryptoKey HMAC-SHA-256 hoặc dãy byte');
    }
    if (candidate.algorithm.name !== 'HMAC' || candidate.algorithm.hash?.name !== 'SHA-256')
      return invalid('the CryptoKey must be an HMAC key with SHA-256', 'CryptoKey phải là khóa HMAC với SHA-256');
    if (!Array.isArray(candidate.usages) || !candidate.usages.includes('sign')) return invalid("the CryptoKey must allow 'sign'", "CryptoKey phải cho phép 'sign'");
    cryptoKey = () => Promise.resolve(key);
  }
  return {
    async sign(text) {
      return hex(await subtle().sign('HMAC', await cryptoKey(), new TextEncoder().encode(text)));
    },
  };
}
