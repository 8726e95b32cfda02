import { getLanguage, loadLanguage, onLanguageChange, t, type MessageKey } from '@/lib/i18n';

/**
 * For the extension's own pages: waits (briefly) for the stored language choice so the first render
 * is already in the right language, then keeps <html lang> and the tab title in step with it.
 */
export async function startPageLanguage(titleKey: MessageKey): Promise<void> {
  await Promise.race([loadLanguage(), new Promise((resolve) => setTimeout(resolve, 500))]);
  const follow = () => {
    document.documentElement.lang = getLanguage();
    document.title = t(titleKey);
  };
  follow();
  onLanguageChange(follow);
}
