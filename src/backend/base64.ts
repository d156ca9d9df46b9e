/** Base64 without Node's Buffer, so the backend also runs in a browser (under MSW). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export const toBase64Url = (bytes: Uint8Array): string => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export const textToBase64Url = (text: string): string => toBase64Url(new TextEncoder().encode(text));
export const base64UrlToText = (text: string): string => new TextDecoder('utf-8', { fatal: true }).decode(fromBase64(text));
