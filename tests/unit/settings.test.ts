import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, setSiteMode, updateSettings, watchSettings } from '@/lib/settings';

describe('settings changes', () => {
  beforeEach(() => fakeBrowser.reset());

  it('applies quick changes one after another, so none undoes another', async () => {
    // Started together, as two choices in a row: each reads, then writes.
    await Promise.all([updateSettings({ lookup: 'shift' }), updateSettings({ inlineEnglish: 'every' }), setSiteMode('www.yiwu.gov.cn', 'never'), updateSettings({ pinyinMode: 'jargon' })]);
    const settings = await getSettings();
    expect(settings.lookup).toBe('shift');
    expect(settings.inlineEnglish).toBe('every');
    expect(settings.siteModes).toEqual({ 'www.yiwu.gov.cn': 'never' });
    expect(settings.pinyinMode).toBe('jargon');
  });

  it('hands watchers whole settings, even when the stored value lacks keys (an older version wrote it)', async () => {
    const seen: unknown[] = [];
    const unwatch = watchSettings((next, previous) => seen.push([next.siteModes, next.inlineEnglish, previous.lookup]));
    await fakeBrowser.storage.local.set({ settings: { inlineEnglish: 'every' } });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toEqual([{}, 'every', 'hover']);
    unwatch();
  });

  it('sets and removes a site\'s mode', async () => {
    await setSiteMode('a.example', 'always');
    expect((await getSettings()).siteModes).toEqual({ 'a.example': 'always' });
    await setSiteMode('a.example', undefined);
    expect((await getSettings()).siteModes).toEqual({});
  });
});
