import { storage } from '#imports';

export interface ReaderPrefs {
  fontSize: number; // px
  theme: 'auto' | 'light' | 'dark';
  pinyin: boolean;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { fontSize: 18, theme: 'auto', pinyin: false };
export const readerPrefsItem = storage.defineItem<ReaderPrefs>('local:readerPrefs', { fallback: DEFAULT_READER_PREFS });

export async function getReaderPrefs(): Promise<ReaderPrefs> {
  return { ...DEFAULT_READER_PREFS, ...(await readerPrefsItem.getValue()) };
}

/** Applies the theme to the page (auto follows the system). */
export function applyTheme(theme: ReaderPrefs['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
