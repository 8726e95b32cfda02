import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type PinyinMode } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { TONE_SCHEMES, type ToneColours } from '@/lib/annotate/pinyin-ruby';
import { t, type MessageKey } from '@/lib/i18n';

const MODES: [PinyinMode, MessageKey][] = [
  ['off', 'pinyinOff'],
  ['jargon', 'pinyinJargon'],
  ['every', 'pinyinEvery'],
];
const SCHEME_LABELS: Record<(typeof TONE_SCHEMES)[number], MessageKey> = {
  pleco: 'tonePleco',
  dummitt: 'toneDummitt',
  mdbg: 'toneMdbg',
  hanping: 'toneHanping',
};

/** Pinyin over this page's text: off / jargon only / every word. `disabled` while the page is paused. */
export function PinyinModes({ tabId, disabled }: { tabId: number; disabled?: boolean }) {
  const [mode, setMode] = useState<PinyinMode | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void sendMessage('getPinyinMode', undefined, { tabId, frameId: 0 }).then(setMode, () => setMode('off'));
  }, [tabId]);

  const choose = async (next: PinyinMode) => {
    setBusy(true);
    try {
      // What the shortcut switches on next time.
      if (next !== 'off') await sendMessage('updateSettings', { pinyinMode: next });
      setMode(await sendMessage('setPinyinMode', { mode: next }, { tabId, frameId: 0 }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="control-row" role="radiogroup" aria-label={t('pinyinLabel')} aria-busy={busy}>
      <span class="muted" aria-hidden="true">
        {t('pinyinLabel')}
      </span>
      {MODES.map(([value, label]) => (
        <button
          key={value}
          type="button"
          role="radio"
          data-pinyin-mode={value}
          aria-checked={mode === value}
          class={mode === value ? 'primary small' : 'small'}
          disabled={mode === undefined || disabled}
          onClick={() => void choose(value)}
        >
          {t(label)}
        </button>
      ))}
    </div>
  );
}

/** The tone colours used for pinyin everywhere (pages and the reader). */
export function ToneColoursSelect({ settings, update }: { settings: Settings; update(change: Partial<Settings>): Promise<Settings> }) {
  return (
    <label class="setting">
      {t('toneColours')}{' '}
      <select value={settings.toneColours} onChange={(e) => void update({ toneColours: e.currentTarget.value as ToneColours })}>
        <option value="off">{t('toneColoursOff')}</option>
        {TONE_SCHEMES.map((scheme) => (
          <option key={scheme} value={scheme}>
            {t(SCHEME_LABELS[scheme])}
          </option>
        ))}
      </select>
    </label>
  );
}
