import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type PinyinMode } from '@/lib/messages';
import { getSettings, updateSettings } from '@/lib/settings';
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

/** Pinyin over this page's text (off / jargon only / every word), and the tone colours used everywhere. */
export function PinyinControls({ tabId }: { tabId: number }) {
  const [mode, setMode] = useState<PinyinMode | undefined>();
  const [colours, setColours] = useState<ToneColours>('off');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void sendMessage('getPinyinMode', undefined, { tabId, frameId: 0 }).then(setMode, () => setMode('off'));
    void getSettings().then((s) => setColours(s.toneColours));
  }, [tabId]);

  const choose = async (next: PinyinMode) => {
    setBusy(true);
    try {
      // What the shortcut switches on next time.
      if (next !== 'off') await updateSettings({ pinyinMode: next });
      setMode(await sendMessage('setPinyinMode', { mode: next }, { tabId, frameId: 0 }));
    } finally {
      setBusy(false);
    }
  };
  const chooseColours = async (next: ToneColours) => {
    setColours(next);
    await updateSettings({ toneColours: next });
  };

  return (
    <fieldset class="pinyin-controls" style={{ border: 'none', padding: 0, margin: '0.8em 0 0' }}>
      <legend class="muted">{t('pinyinLabel')}</legend>
      <div role="radiogroup" aria-label={t('pinyinLabel')} aria-busy={busy} style={{ display: 'flex', gap: '0.4em', flexWrap: 'wrap' }}>
        {MODES.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="radio"
            data-pinyin-mode={value}
            aria-checked={mode === value}
            class={mode === value ? 'primary' : ''}
            disabled={mode === undefined}
            onClick={() => void choose(value)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <label style={{ display: 'block', marginTop: '0.6em' }}>
        {t('toneColours')}{' '}
        <select value={colours} onChange={(e) => void chooseColours(e.currentTarget.value as ToneColours)}>
          <option value="off">{t('toneColoursOff')}</option>
          {TONE_SCHEMES.map((scheme) => (
            <option key={scheme} value={scheme}>
              {t(SCHEME_LABELS[scheme])}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
