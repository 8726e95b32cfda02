/**
 * Every download a save makes from the web (the page's bytes again, each image, through the
 * extension or through the page) is read with a size cap: a stated Content-Length over the cap is
 * refused before reading, and a body that grows past it (no length, or a false one) is cancelled as
 * soon as it does, so a hostile server cannot make Yidu hold gigabytes in memory. Written here since
 * fetch has no size limit of its own.
 */
export const MAX_DOWNLOAD_BYTES = 15 * 1024 * 1024;

/** The error a download over `max` bytes ends with. */
export const tooLarge = (max: number) => new Error(`larger than ${Math.round(max / 1024 / 1024)} MB`);

/** The body of `response` as a Blob (typed by its Content-Type), or an error once it passes `max` bytes. */
export async function readCapped(response: Response, max = MAX_DOWNLOAD_BYTES): Promise<Blob> {
  const { bytes, type } = await readCappedBytes(response, max);
  return new Blob([bytes as BlobPart], { type });
}

/**
 * The body's bytes and Content-Type, or an error once it passes `max` bytes. In the page (an image on
 * its way to a message as a data URL), the bytes go straight to base64: through a Blob and a
 * FileReader that was 25–85 ms an image on the bench machine, each step a trip to the browser.
 */
export async function readCappedBytes(response: Response, max = MAX_DOWNLOAD_BYTES): Promise<{ bytes: Uint8Array; type: string }> {
  const type = response.headers.get('content-type') ?? '';
  if (Number(response.headers.get('content-length')) > max) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(max);
  }
  if (!response.body) return { bytes: new Uint8Array(0), type };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return { bytes: chunks[0]!, type };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, type };
}
