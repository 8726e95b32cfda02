/**
 * CC-CEDICT, once per browser, here in the background: fetched from the packaged dictionary.bin
 * (built by scripts/build-dictionary.ts) on first use and kept while the worker lives. After the
 * worker was stopped, the next request opens it again (about 40 ms).
 */
import { browser } from '#imports';
import { openDictionary, type Dictionary } from '@/lib/dictionary';

let dictionary: Promise<Dictionary> | undefined;

export function backgroundDictionary(): Promise<Dictionary> {
  dictionary ??= (async () => {
    // Added by a build hook, so WXT's typed list of public paths does not know it.
    const response = await fetch((browser.runtime.getURL as (path: string) => string)('/dictionary.bin'));
    if (!response.ok) throw new Error(`dictionary: HTTP ${response.status}`);
    return openDictionary(await response.arrayBuffer());
  })().catch((err: unknown) => {
    dictionary = undefined;
    throw err;
  });
  return dictionary;
}
