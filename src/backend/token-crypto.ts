import { fromBase64, toBase64 } from './base64.js';

/**
 * Exact's tokens at rest: AES-GCM (WebCrypto), a fresh 12-byte IV per value, the row's id as
 * additional data so a ciphertext copied to another row does not decrypt.
 */
export interface TokenCipher {
  seal(plain: string, rowId: string): Promise<string>;
  open(sealed: string, rowId: string): Promise<string>;
}

export async function tokenCipher(base64Key: string): Promise<TokenCipher> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64(base64Key);
  } catch {
    raw = new Uint8Array(0);
  }
  if (raw.length !== 32) throw new Error('tokenKey must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const encoder = new TextEncoder();
  return {
    async seal(plain, rowId) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(rowId) }, key, encoder.encode(plain));
      return `v1.${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`;
    },
    async open(sealed, rowId) {
      const [version, iv, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !data) throw new Error('A stored token has an unknown format');
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv), additionalData: encoder.encode(rowId) }, key, fromBase64(data));
      return new TextDecoder().decode(plain);
    },
  };
}
