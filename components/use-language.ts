import { useEffect, useState } from 'preact/hooks';
import { getLanguage, getLanguageChoice, onLanguageChange, type Language } from '@/lib/i18n-core';

const current = () => `${getLanguageChoice()} ${getLanguage()}`;

/**
 * The interface language. The component calling it re-renders when the language (or the user's
 * choice) changes, and so does everything it renders: calling it at the root is enough for a page.
 */
export function useLanguage(): Language {
  const [, setState] = useState(current());
  useEffect(() => {
    setState(current());
    return onLanguageChange(() => setState(current()));
  }, []);
  return getLanguage();
}
