import { sendMessage } from '@/lib/messages';
import { PinyinLayer } from '@/lib/annotate/pinyin-layer';
import type { PinyinMode, ToneColours } from '@/lib/annotate/pinyin-ruby';
import type { PageAnnotator } from '@/lib/annotate/annotator';
import { getSettings, watchSettings } from '@/lib/settings';

/**
 * The page's pinyin mode (per page, off at load): ruby over every word or over jargon, readings from
 * the background. It is the outer layer over the annotator's marks: whenever the marks change
 * (switched off, display setting, glossary update) pinyin comes off first and goes back on after.
 * `serial` runs work on the page's one queue of state changes.
 */
export function pagePinyin(doc: Document, annotator: () => PageAnnotator | undefined, serial: (work: () => Promise<void>) => Promise<void>) {
  const layer = new PinyinLayer();
  let mode: PinyinMode = 'off';
  let colours: ToneColours | undefined;
  const quietly = <T>(write: () => T): T => {
    const current = annotator();
    return current ? current.quietly(write) : write();
  };

  const suspend = () => layer.detach(quietly);
  const resume = async () => {
    if (mode === 'off' || layer.active || !doc.body) return;
    const settings = await getSettings();
    colours = settings.toneColours;
    const marks = annotator();
    // Far-off marks are wrapped when they near the viewport; under pinyin they would find their text
    // split, so every mark is put in place first (jargon mode needs them all anyway), drawn ones too.
    if (marks) {
      await marks.idle();
      marks.wrapAll();
    }
    await layer.attach(doc.body, { mode, colours, quietly, read: (texts) => sendMessage('readPinyin', texts) });
  };

  // A new colour scheme: ruby again with it.
  const unwatch = watchSettings((next) => {
    if (mode !== 'off' && colours !== undefined && next.toneColours !== colours)
      void serial(async () => {
        await suspend();
        await resume();
      });
  });

  return {
    get mode() {
      return mode;
    },
    suspend,
    resume,
    async set(wanted: PinyinMode | 'toggle'): Promise<PinyinMode> {
      let next = wanted;
      if (next === 'toggle') next = mode === 'off' ? (await getSettings()).pinyinMode : 'off';
      const chosen = next;
      await serial(async () => {
        if (chosen === mode) return;
        await suspend();
        mode = chosen;
        await resume();
      });
      return mode;
    },
    destroy() {
      unwatch();
      mode = 'off';
      return suspend();
    },
  };
}
