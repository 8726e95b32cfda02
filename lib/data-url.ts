/**
 * Images as base64 data URLs, which keep the bytes and the MIME type exactly: in a JSON backup
 * (lib/backup/), and in a message from the page that fetched them (the save pipeline).
 */
import { base64ToBytes, bytesToBase64 } from './base64';

export async function blobToDataUrl(blob: Blob): Promise<string> {
  return bytesToDataUrl(new Uint8Array(await blob.arrayBuffer()), blob.type);
}

export const bytesToDataUrl = (bytes: Uint8Array, type: string): string => `data:${type};base64,${bytesToBase64(bytes)}`;

const DATA_URL = /^data:([^,]*?);base64,([A-Za-z0-9+/]*={0,2})$/;

/** The type and base64 of a data URL, or undefined when it is not one. */
function partsOf(text: string): { type: string; base64: string } | undefined {
  const m = DATA_URL.exec(text);
  return m && m[2]!.length % 4 === 0 ? { type: m[1]!, base64: m[2]! } : undefined;
}

export const isDataUrl = (text: string): boolean => partsOf(text) !== undefined;

/** The Blob a data URL holds, or undefined when the text is not a base64 data URL. */
export function dataUrlToBlob(text: string): Blob | undefined {
  // One match: an image's data URL is megabytes of text for the expression to run over.
  const parts = partsOf(text);
  return parts && new Blob([base64ToBytes(parts.base64) as BlobPart], { type: parts.type });
}

/** The first bytes each image type starts with; a file whose bytes do not match its type is refused. */
const SIGNATURES: Record<string, (head: Uint8Array, text: string) => boolean> = {
  'image/png': (h) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => h[i] === b),
  'image/jpeg': (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  'image/gif': (_h, t) => t.startsWith('GIF87a') || t.startsWith('GIF89a'),
  'image/webp': (_h, t) => t.startsWith('RIFF') && t.slice(8, 12) === 'WEBP',
  'image/bmp': (_h, t) => t.startsWith('BM'),
  'image/x-icon': (h) => h[0] === 0 && h[1] === 0 && h[2] === 1 && h[3] === 0,
  'image/vnd.microsoft.icon': (h) => h[0] === 0 && h[1] === 0 && h[2] === 1 && h[3] === 0,
  'image/avif': (_h, t) => t.slice(4, 8) === 'ftyp',
  'image/svg+xml': (_h, t) => /^\s*(<\?xml|<svg|<!--)/.test(t),
};

/**
 * Whether an image data URL holds what it says: an image type Yidu knows, whose bytes start the way
 * that type's files do (a backup edited by hand, or damaged, must not replace a stored image with
 * random bytes). Reads only the first bytes.
 */
export function isImageOfItsType(text: string): boolean {
  const m = DATA_URL.exec(text);
  if (!m) return false;
  const check = SIGNATURES[m[1]!.toLowerCase()];
  if (!check) return false;
  const binary = atob(m[2]!.slice(0, 64));
  const head = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return check(head, binary);
}
