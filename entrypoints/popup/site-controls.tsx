import { useState } from 'preact/hooks';
import { browser, MatchPattern } from '#imports';
import type { InlineEnglish, LookupMode, Settings, SiteMode } from '@/lib/settings';
import { sendMessage } from '@/lib/messages';
import { AUTO_MATCHES, isAutoSite } from '@/lib/sites';
import { t } from '@/lib/i18n';

/** The hostname of a page Yidu can annotate (http, https, file), or '' for anything else. */
export function pageHostname(url: string): string {
  try {
    const { protocol, hostname } = new URL(url);
    return /^(https?|file):$/.test(protocol) ? hostname : '';
  } catch {
    return '';
  }
}

/**
 * Annotation for the page's site: Automatic (the built-in list of news sites decides), always, never.
 * The line under the choice says what "Automatic" means for this very site. `onChosen` runs after the
 * setting is stored, for the popup to bring the open tab in step.
 */
export function SiteModeChoice({ url, settings, onChosen }: { url: string; settings: Settings; onChosen(mode: SiteMode | undefined): Promise<void> }) {
  const [error, setError] = useState<string | undefined>();
  const hostname = pageHostname(url);
  if (!hostname) return null;
  const mode = settings.siteModes[hostname];
  const listed = isAutoSite(url, AUTO_MATCHES.map((m) => new MatchPattern(m)));

  const choose = async (next: SiteMode | undefined) => {
    setError(undefined);
    try {
      if (next === 'always') {
        // Asked here, in the user's click, for this one site only.
        const granted = await browser.permissions.request({ origins: [`*://${hostname}/*`] });
        if (!granted) return setError(t('permissionRefused'));
      }
      await sendMessage('setSiteMode', { hostname, mode: next });
      await onChosen(next);
    } catch (err) {
      setError(t('somethingWentWrongDetail', (err as Error).message));
    }
  };

  return (
    <fieldset class="site-controls">
      <legend class="muted">{t('onSite', hostname)}</legend>
      <div role="radiogroup" aria-label={t('annotationOn', hostname)} class="control-row">
        {(
          [
            [undefined, t('siteAutomatic')],
            ['always', t('siteAlways')],
            ['never', t('siteNever')],
          ] as const
        ).map(([value, label]) => (
          <button
            key={label}
            type="button"
            role="radio"
            aria-checked={mode === value}
            class={mode === value ? 'primary small' : 'small'}
            onClick={() => void choose(value)}
          >
            {label}
          </button>
        ))}
      </div>
      <p class="muted hint" data-testid="site-auto-hint">
        {t(listed ? 'siteAutoHere' : 'siteAutoNotHere')}
      </p>
      {error && <p class="error">{error}</p>}
    </fieldset>
  );
}

type Update = (change: Partial<Settings>) => Promise<Settings>;

/** How words are looked up on every page (the shortcut switches it too; open tabs follow at once). */
export function LookupSelect({ settings, update }: { settings: Settings; update: Update }) {
  return (
    <label class="setting">
      {t('lookupWords')}{' '}
      <select value={settings.lookup} onChange={(e) => void update({ lookup: e.currentTarget.value as LookupMode })}>
        <option value="hover">{t('lookupHover')}</option>
        <option value="alt">{t('lookupAlt')}</option>
        <option value="shift">{t('lookupShift')}</option>
        <option value="off">{t('lookupOff')}</option>
      </select>
    </label>
  );
}

/** English after the first or every occurrence of a term, in the article's text only (not menus). */
export function InlineEnglishSelect({ settings, update }: { settings: Settings; update: Update }) {
  return (
    <label class="setting">
      {t('englishAfterTerms')}{' '}
      <select value={settings.inlineEnglish} onChange={(e) => void update({ inlineEnglish: e.currentTarget.value as InlineEnglish })}>
        <option value="off">{t('inlineOff')}</option>
        <option value="first">{t('inlineFirst')}</option>
        <option value="every">{t('inlineEvery')}</option>
      </select>
    </label>
  );
}
