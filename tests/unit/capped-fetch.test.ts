import { describe, expect, it } from 'vitest';
import { readCapped, readCappedBytes } from '@/lib/save/capped-fetch';
import { base64ToBytes, bytesToBase64 } from '@/lib/base64';
import { bytesToDataUrl, dataUrlToBlob } from '@/lib/data-url';

/** A body of `chunks` chunks of `size` bytes that records how far it was read and whether it was cancelled. */
function body(chunks: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === chunks) return controller.close();
      seen.pulled++;
      controller.enqueue(Uint8Array.from({ length: size }, (_, i) => (seen.pulled * 7 + i) % 256));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe('downloads read with a size cap', () => {
  it('returns the whole body, typed, when it is within the cap', async () => {
    const { stream } = body(3, 100);
    const blob = await readCapped(new Response(stream, { headers: { 'content-type': 'image/png' } }), 1000);
    expect(blob.size).toBe(300);
    expect(blob.type).toBe('image/png');
  });

  it('stops reading a body without a length as soon as it passes the cap', async () => {
    const { stream, seen } = body(1000, 100);
    await expect(readCapped(new Response(stream), 1000)).rejects.toThrow(/larger than/);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(20);
  });

  it('refuses a stated length over the cap before reading, and does not trust a false small one', async () => {
    const big = body(1000, 100);
    await expect(readCapped(new Response(big.stream, { headers: { 'content-length': '5000' } }), 1000)).rejects.toThrow(/larger than/);
    expect(big.seen.pulled).toBeLessThan(3);
    const lying = body(1000, 100);
    await expect(readCapped(new Response(lying.stream, { headers: { 'content-length': '10' } }), 1000)).rejects.toThrow(/larger than/);
  });

  it('gives the bytes in order across chunks, for a data URL that decodes to the same bytes', async () => {
    const { stream } = body(3, 100);
    const { bytes, type } = await readCappedBytes(new Response(stream, { headers: { 'content-type': 'image/png' } }), 1000);
    expect(type).toBe('image/png');
    expect([...bytes]).toEqual(Array.from({ length: 300 }, (_, i) => ((Math.floor(i / 100) + 1) * 7 + (i % 100)) % 256));
    const blob = dataUrlToBlob(bytesToDataUrl(bytes, type))!;
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...bytes]);
  });
});

describe('base64', () => {
  it('round-trips every byte value, also where a text is longer than one slice of the fallback', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect([...base64ToBytes(text)]).toEqual([...bytes]);
  });
});
