import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness';

describe('reader views: glossary to vocabulary, related entries picked by search', () => {
  let browser: ExtensionBrowser;
  let reader: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    reader = await browser.open(browser.extensionUrl('reader.html#tab=glossary'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('saves a glossary entry to vocabulary, and the vocabulary view lists it', async () => {
    await reader.getByLabel('Search by hanzi, pinyin or English').fill('double eight strategy');
    const entry = reader.locator('[data-entry-id="double-eight-strategy"]');
    await entry.waitFor();
    const save = reader.getByRole('button', { name: 'Save to vocabulary (八八战略)' });
    await save.click();
    await expect.poll(() => reader.getByRole('button', { name: 'Saved to vocabulary ✓ (八八战略)' }).isDisabled()).toBe(true);
    await reader.getByRole('navigation').getByRole('link', { name: 'Vocabulary' }).click();
    const item = reader.getByTestId('vocabulary-list').locator('[data-entry-id="double-eight-strategy"]');
    await expect.poll(() => item.innerText()).toContain('八八战略');
    expect(await item.innerText()).toContain('Double-Eight Strategy');
    expect(await item.innerText()).toContain('From the glossary');
  });

  it('adds an entry of your own whose related entry is found by "double eight", and stores its id', async () => {
    await reader.getByRole('navigation').getByRole('link', { name: 'Your entries' }).click();
    await reader.getByRole('button', { name: 'Add an entry' }).click();
    await reader.getByLabel('Term (Chinese)').fill('八八样本户');
    await reader.getByLabel('English', { exact: true }).fill('Double-Eight sample households');
    await reader.getByLabel('Find a related entry').fill('double eight');
    await reader.getByRole('button', { name: 'Add 八八战略 (Double-Eight Strategy) as related' }).click();
    expect(await reader.getByTestId('related-chosen').innerText()).toContain('Double-Eight Strategy');
    await reader.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => reader.getByTestId('user-entries-list').innerText()).toContain('八八样本户');
    const related = await reader.evaluate(async () => {
      const open = indexedDB.open('yidu');
      const db = await new Promise<IDBDatabase>((ok, fail) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => fail(open.error))));
      const all = db.transaction('userEntries').objectStore('userEntries').getAll();
      const entries = await new Promise<{ term: string; related: string[] }[]>((ok) => (all.onsuccess = () => ok(all.result)));
      return entries.find((e) => e.term === '八八样本户')?.related;
    });
    expect(related).toEqual(['double-eight-strategy']);
  });

  it('logged no console error or warning', () => {
    expect(browser.errors).toEqual([]);
  });
});
