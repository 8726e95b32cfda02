/**
 * jieba-wasm in extension pages. The 4 MB .wasm is copied to the build's root (wxt.config.ts) and
 * loaded from there once per page, instead of being inlined into the JavaScript bundle.
 */
import init, { add_word, cut } from 'jieba-wasm/web';
import { browser } from '#imports';
import type { JiebaApi } from './segmenter';

let ready: Promise<JiebaApi> | undefined;

export function loadJieba(): Promise<JiebaApi> {
  // The .wasm is added to the build by a hook, so WXT's typed list of public paths does not know it.
  const url = (browser.runtime.getURL as (path: string) => string)('/jieba_rs_wasm_bg.wasm');
  ready ??= init({ module_or_path: url }).then(() => ({ cut, add_word }));
  return ready;
}
