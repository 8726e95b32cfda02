/**
 * Bytes as base64 and back: the pattern pack's integers (lib/matcher/packed.ts), images carried in
 * messages and backups as data URLs. Native `toBase64` / `Uint8Array.fromBase64` where the browser has
 * them (Chromium 140, Firefox 133), one call with no JavaScript loop; else btoa/atob over a binary
 * string, built in slices (spreading a whole image into fromCharCode would overflow the call stack).
 */
type Base64Codec = { fromBase64?(text: string): Uint8Array };
type Base64Bytes = Uint8Array & { toBase64?(): string };

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Bytes).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 text, in a fresh buffer (offset 0); throws on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Codec).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
