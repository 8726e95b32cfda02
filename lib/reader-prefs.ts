import { storage } from '#imports';
import type { PinyinMode } from './annotate/pinyin-ruby';

export interface ReaderPrefs {
  fontSize: number; // px
  theme: 'auto' | 'light' | 'dark';
  /** Before issue 9: headword pinyin over terms; read as pinyinMode 'jargon' when pinyinMode is unset. */
  pinyin?: boolean;
  /** Pinyin as ruby over the article's jargon or every word (lib/annotate/pinyin-layer.ts). */
  pinyinMode?: PinyinMode;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { fontSize: 18, theme: 'auto', pinyinMode: 'off' };
export const readerPrefsItem = storage.defineItem<ReaderPrefs>('local:readerPrefs', { fallback: DEFAULT_READER_PREFS });

export async function getReaderPrefs(): Promise<ReaderPrefs> {
  const stored: ReaderPrefs = await readerPrefsItem.getValue();
  const pinyinMode = stored.pinyinMode ?? (stored.pinyin ? 'jargon' : 'off');
  return { ...DEFAULT_READER_PREFS, ...stored, pinyinMode };
}

/** Applies the theme to the page (auto follows the system). */
export function applyTheme(theme: ReaderPrefs['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
