import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { sendMessage } from '@/lib/messages';
import { getSettings, setSiteMode, updateSettings, type InlineEnglish, type LookupMode, type Settings, type SiteMode } from '@/lib/settings';
import { t } from '@/lib/i18n';
import { LanguageSwitch } from '@/components/language-switch';

/** Annotation switches for the page's site, and the display settings that apply everywhere. */
export function SiteControls({ tab, url, onChange }: { tab: { id: number }; url: string; onChange(): void }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => void getSettings().then(setSettings), []);
  if (!settings) return null;

  let hostname = '';
  try {
    hostname = new URL(url).hostname;
  } catch {
    return null;
  }
  const mode = settings.siteModes[hostname];

  const chooseMode = async (next: SiteMode | undefined) => {
    setError(undefined);
    try {
      if (next === 'always') {
        // Asked here, in the user's click, for this one site only.
        const granted = await browser.permissions.request({ origins: [`*://${hostname}/*`] });
        if (!granted) return setError(t('permissionRefused'));
      }
      setSettings(await setSiteMode(hostname, next));
      await sendMessage('setAnnotation', { enabled: next !== 'never' }, { tabId: tab.id, frameId: 0 });
      onChange();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const chooseInline = async (inlineEnglish: InlineEnglish) => setSettings(await updateSettings({ inlineEnglish }));
  const chooseLookup = async (lookup: LookupMode) => setSettings(await updateSettings({ lookup }));

  return (
    <>
      <fieldset class="site-controls" style={{ border: 'none', padding: 0, margin: '0.8em 0 0' }}>
        <legend class="muted">{t('onSite', hostname)}</legend>
        <div role="radiogroup" aria-label={t('annotationOn', hostname)} style={{ display: 'flex', gap: '0.4em', flexWrap: 'wrap' }}>
          {(
            [
              [undefined, t('siteDefault')],
              ['always', t('siteAlways')],
              ['never', t('siteNever')],
            ] as const
          ).map(([value, label]) => (
            <button key={label} type="button" role="radio" aria-checked={mode === value} class={mode === value ? 'primary' : ''} onClick={() => void chooseMode(value)}>
              {label}
            </button>
          ))}
        </div>
        <label style={{ display: 'block', marginTop: '0.6em' }}>
          {t('englishAfterTerms')}{' '}
          <select value={settings.inlineEnglish} onChange={(e) => void chooseInline(e.currentTarget.value as InlineEnglish)}>
            <option value="off">{t('inlineOff')}</option>
            <option value="first">{t('inlineFirst')}</option>
            <option value="every">{t('inlineEvery')}</option>
          </select>
        </label>
        {/* Applies everywhere; open tabs follow the setting at once (they watch it). */}
        <label style={{ display: 'block', marginTop: '0.6em' }}>
          {t('lookupWords')}{' '}
          <select value={settings.lookup} onChange={(e) => void chooseLookup(e.currentTarget.value as LookupMode)}>
            <option value="hover">{t('lookupHover')}</option>
            <option value="alt">{t('lookupAlt')}</option>
            <option value="shift">{t('lookupShift')}</option>
            <option value="off">{t('lookupOff')}</option>
          </select>
        </label>
        {error && <p class="error">{error}</p>}
      </fieldset>
      {/* Not a setting of this site: it applies to all of Yidu. */}
      <LanguageSwitch style={{ display: 'block', marginTop: '0.6em' }} />
    </>
  );
}
