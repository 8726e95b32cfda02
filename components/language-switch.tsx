import { getLanguageChoice, LANGUAGE_CHOICES, setLanguageChoice, t, type LanguageChoice, type MessageKey } from '@/lib/i18n';
import { useLanguage } from './use-language';

const OPTION: Record<LanguageChoice, { key: MessageKey; lang?: string }> = {
  auto: { key: 'languageAuto' },
  en: { key: 'languageEnglish', lang: 'en' },
  'zh-CN': { key: 'languageChinese', lang: 'zh-Hans' },
};

/** Auto (the browser's language) / English / 中文, kept in storage and followed by every page. */
export function LanguageSwitch({ style }: { style?: Record<string, string> }) {
  useLanguage();
  return (
    <label class="language-switch" style={style}>
      {t('languageLabel')}{' '}
      <select
        value={getLanguageChoice()}
        onChange={(e) => void setLanguageChoice(e.currentTarget.value as LanguageChoice)}
      >
        {LANGUAGE_CHOICES.map((c) => (
          <option key={c} value={c} lang={OPTION[c].lang}>
            {t(OPTION[c].key)}
          </option>
        ))}
      </select>
    </label>
  );
}
