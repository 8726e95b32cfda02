import { describe, expect, it } from 'vitest';
import { readCapped } from '@/lib/save/capped-fetch';

/** A body of `chunks` chunks of `size` bytes that records how far it was read and whether it was cancelled. */
function body(chunks: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === chunks) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(size));
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
});
