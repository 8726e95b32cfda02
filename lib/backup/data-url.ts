/** Image Blobs in a JSON backup: base64 data URLs that keep the bytes and the MIME type exactly. */

export async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In slices: spreading a whole image into fromCharCode would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type};base64,${btoa(binary)}`;
}

const DATA_URL = /^data:([^,]*?);base64,([A-Za-z0-9+/]*={0,2})$/;

export function isDataUrl(text: string): boolean {
  const m = DATA_URL.exec(text);
  return m !== null && m[2]!.length % 4 === 0;
}

/** The Blob a data URL holds, or undefined when the text is not a base64 data URL. */
export function dataUrlToBlob(text: string): Blob | undefined {
  if (!isDataUrl(text)) return undefined;
  const m = DATA_URL.exec(text)!;
  const binary = atob(m[2]!);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: m[1] });
}
