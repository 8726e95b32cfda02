/**
 * Every download a save makes from the web (the page's bytes again, each image, through the
 * extension or through the page) is read with a size cap: a stated Content-Length over the cap is
 * refused before reading, and a body that grows past it (no length, or a false one) is cancelled as
 * soon as it does, so a hostile server cannot make Yidu hold gigabytes in memory. Written here since
 * fetch has no size limit of its own.
 */
export const MAX_DOWNLOAD_BYTES = 15 * 1024 * 1024;

const tooLarge = (max: number) => new Error(`larger than ${Math.round(max / 1024 / 1024)} MB`);

/** The body of `response` as a Blob (typed by its Content-Type), or an error once it passes `max` bytes. */
export async function readCapped(response: Response, max = MAX_DOWNLOAD_BYTES): Promise<Blob> {
  const type = response.headers.get('content-type') ?? '';
  if (Number(response.headers.get('content-length')) > max) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(max);
  }
  if (!response.body) return new Blob([], { type });
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
  return new Blob(chunks as BlobPart[], { type });
}
