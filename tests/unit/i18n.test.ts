import { resolve } from 'node:path';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import type { GeneratedI18nStructure } from '#i18n';
import { en, LOCALE_FILES, MESSAGES, zhCN, type Language, type MessageKey } from '@/lib/i18n-messages';
import { getLanguage, getLanguageChoice, loadLanguage, onLanguageChange, resolveLanguage, setLanguageChoice, t, tParts, uiLanguageItem } from '@/lib/i18n';

const keys = Object.keys(en) as MessageKey[];
const substitutionsIn = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

afterEach(async () => {
  await setLanguageChoice('auto');
});

describe('the message catalog', () => {
  it('has every key in both languages, and no empty message', () => {
    expect(Object.keys(zhCN).sort()).toEqual([...keys].sort());
    for (const [language, messages] of Object.entries(MESSAGES)) {
      for (const key of keys) expect(messages[key]?.trim(), `${language}: ${key}`).toBeTruthy();
    }
  });

  it('uses the same substitutions in Chinese as in English', () => {
    for (const key of keys) expect(substitutionsIn(zhCN[key]), key).toEqual(substitutionsIn(en[key]));
  });

  it('has keys Chrome accepts in messages.json', () => {
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9]+$/);
  });

  it('is what locales/*.yml hold (run `npm run i18n:locales` after changing lib/i18n-messages.ts)', async () => {
    for (const [language, file] of Object.entries(LOCALE_FILES) as [Language, string][]) {
      const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../locales', `${file}.yml`));
      const fromYaml = Object.fromEntries(parsed.flatMap((m) => (m.type === 'simple' && !m.key[0]!.startsWith('@@') ? [[m.key.join('.'), m.message]] : [])));
      expect(fromYaml, file).toEqual(MESSAGES[language]);
    }
    // The keys @wxt-dev/i18n generated from locales/en.yml are the catalog's keys.
    expectTypeOf<MessageKey>().toEqualTypeOf<Exclude<keyof GeneratedI18nStructure, `@@${string}`>>();
  });
});

describe('t', () => {
  it('answers in English by default, character for character', () => {
    expect(getLanguage()).toBe('en');
    expect(t('saveForOffline')).toBe('Save for offline');
    expect(t('clearAllDataEllipsis')).toBe('Clear all data…');
    expect(t('siteNever')).toBe('Never on this site');
  });

  it('fills in substitutions, one or several, and keeps $$ as a dollar sign', () => {
    expect(t('occurrenceOf', [2, 5])).toBe('occurrence 2 of 5');
    expect(t('editTerm', '八八战略')).toBe('Edit 八八战略');
    expect(t('imported', [3, 'pack.json', 2, 1])).toBe('Imported 3 entries from pack.json: 2 new, 1 updated.');
    expect(tParts('notAnnotating', [{ q: 'title' }])).toEqual(['Yidu is not annotating ', { q: 'title' }, '.']);
  });

  it('honours the choice, stores it, and tells listeners', async () => {
    const heard = vi.fn();
    const off = onLanguageChange(heard);
    await setLanguageChoice('zh-CN');
    expect(await uiLanguageItem.getValue()).toBe('zh-CN');
    expect(getLanguageChoice()).toBe('zh-CN');
    expect(getLanguage()).toBe('zh-CN');
    expect(heard).toHaveBeenLastCalledWith('zh-CN');
    expect(t('saveForOffline')).toBe('保存以离线阅读');
    expect(t('occurrenceOf', [2, 5])).toBe('第 2 处，共 5 处');
    expect(tParts('jargonTermMany', ['<3>'])).toEqual(['<3>', ' 个术语']);
    await setLanguageChoice('en');
    expect(t('saveForOffline')).toBe('Save for offline');
    off();
  });

  it('follows a choice stored in another context', async () => {
    await loadLanguage();
    await uiLanguageItem.setValue('zh-CN');
    await vi.waitFor(() => expect(getLanguage()).toBe('zh-CN'));
    await fakeBrowser.storage.local.set({ uiLanguage: 'en' });
    await vi.waitFor(() => expect(getLanguage()).toBe('en'));
  });
});

describe('resolveLanguage', () => {
  it('follows the browser for "auto": Chinese for any zh interface, English otherwise', () => {
    expect(resolveLanguage('auto', 'zh-CN')).toBe('zh-CN');
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage('auto', 'zh')).toBe('zh-CN');
    expect(resolveLanguage('auto', 'en-US')).toBe('en');
    expect(resolveLanguage('auto', 'de')).toBe('en');
    expect(resolveLanguage('auto', '')).toBe('en');
  });

  it('lets an explicit choice win over the browser', () => {
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });
});
