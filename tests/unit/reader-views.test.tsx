// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { library } from '@/lib/db/connection';

// The extension fetches the built-in glossary from its packaged asset; here it is read from the sources.
vi.mock('@/lib/glossary/context-store', async () => {
  const { GlossaryStore } = await import('@/lib/glossary/store');
  const { readBuiltinGlossary } = await import('@/lib/glossary/source-files');
  const { library: open } = await import('@/lib/db/connection');
  const store = new GlossaryStore({ loadBuiltin: async () => readBuiltinGlossary(), userEntries: open().userEntries });
  return { glossaryStore: () => store };
});
import { VocabularyView } from '@/entrypoints/reader/vocabulary-view';
import { UserEntriesView } from '@/entrypoints/reader/user-entries-view';
import { BackupView } from '@/entrypoints/reader/backup-view';

const root = () => document.body.appendChild(document.createElement('div'));
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
/** Settles until the condition holds (at most 100 times): for work behind a lazily loaded module. */
async function settleUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await condition()); i++) await settle();
}
const button = (el: Element, name: string) => [...el.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

afterEach(async () => {
  for (const item of await library().vocabulary.list()) await library().vocabulary.remove(item.entryId);
  document.body.innerHTML = '';
});

describe('VocabularyView', () => {
  it('lists saved terms with their context and source, marks them learned and deletes them', async () => {
    await library().vocabulary.save({ entryId: 'double-eight-strategy', term: '八八战略', english: 'Double-Eight Strategy', pinyin: 'bā bā zhàn lüè', sentence: '忠实践行八八战略', pageTitle: '新闻', pageUrl: 'https://zj.gov.cn/a' });
    await library().vocabulary.save({ entryId: 'x', term: '四港', english: 'Four Ports', pinyin: 'sì gǎng', sentence: '', pageTitle: 'bad', pageUrl: 'javascript:alert(1)' });
    const el = root();
    render(<VocabularyView />, el);
    // Waits for the list rather than a fixed delay: on a loaded machine the first read takes longer.
    for (let i = 0; i < 100 && !el.querySelector('a[href="https://zj.gov.cn/a"]'); i++) await settle();
    expect(el.querySelector('a[href="https://zj.gov.cn/a"]')?.textContent).toBe('新闻');
    expect(el.querySelector('a[href^="javascript"]')).toBeNull();
    expect(el.textContent).toContain('忠实践行八八战略');

    const box = el.querySelector<HTMLInputElement>('[data-entry-id="double-eight-strategy"] input[type=checkbox]')!;
    await act(() => box.click());
    await settle();
    expect((await library().vocabulary.list()).find((x) => x.entryId === 'double-eight-strategy')?.learned).toBe(true);
    expect(el.querySelector('[role=status]')?.textContent).toMatch(/八八战略 is marked as learned/);

    await act(() => button(el, 'Delete 四港 from your vocabulary').click());
    await settle();
    expect((await library().vocabulary.list()).map((x) => x.entryId)).toEqual(['double-eight-strategy']);
  });
});

describe('UserEntriesView', () => {
  it('adds an entry from the form and rejects a form that clashes with the built-in glossary', async () => {
    const el = root();
    render(<UserEntriesView />, el);
    await settle();
    await act(() => button(el, 'Add an entry').click());
    const fill = (label: string, value: string) =>
      act(() => {
        const input = [...el.querySelectorAll('label')].find((l) => l.textContent!.startsWith(label))!.querySelector('input, textarea') as HTMLInputElement;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await fill('Term', '八八战略');
    await fill('English', 'Eight-Eight');
    await act(() => el.querySelector('form')!.requestSubmit());
    await settleUntil(() => el.querySelector('[role=alert]') !== null);
    expect(el.querySelector('[role=alert]')?.textContent).toMatch(/term "八八战略" is already the built-in entry/);
    expect(await library().userEntries.list()).toEqual([]);

    await fill('Term', '小商品指数样本户');
    await act(() => el.querySelector('form')!.requestSubmit());
    await settleUntil(() => el.querySelector('[role=status]')?.textContent?.startsWith('Added') === true);
    expect((await library().userEntries.list()).map((e) => e.term)).toEqual(['小商品指数样本户']);
    expect(el.querySelector('[role=status]')?.textContent).toBe('Added 小商品指数样本户.');
  });

  it('picks related entries from a glossary search, shows them as chips and stores their ids', async () => {
    const el = root();
    render(<UserEntriesView />, el);
    await settle();
    await act(() => button(el, 'Add an entry').click());
    const field = (label: string) => [...el.querySelectorAll('label')].find((l) => l.textContent!.startsWith(label))!.querySelector('input, textarea') as HTMLInputElement;
    const type = (label: string, value: string) =>
      act(() => {
        field(label).value = value;
        field(label).dispatchEvent(new Event('input', { bubbles: true }));
      });
    await type('Term', '八八样本户');
    await type('English', 'Double-Eight sample households');
    await type('Find a related entry', 'double eight');
    // The glossary loads asynchronously: wait for the match rather than a fixed delay.
    for (let i = 0; i < 100 && !button(el, 'Add 八八战略 (Double-Eight Strategy) as related'); i++) await settle();
    await act(() => button(el, 'Add 八八战略 (Double-Eight Strategy) as related').click());
    const chips = el.querySelector('[data-testid="related-chosen"]')!;
    expect(chips.textContent).toContain('八八战略');
    expect(chips.textContent).toContain('Double-Eight Strategy');
    expect(field('Find a related entry').value).toBe('');
    // A second choice by pinyin, then removed again with its chip's button.
    await type('Find a related entry', 'yixinou');
    const yiXinOu = [...el.querySelectorAll('[data-testid="related-matches"] button')][0]!;
    await act(() => (yiXinOu as HTMLButtonElement).click());
    expect(chips.querySelectorAll('li').length).toBe(2);
    const second = chips.querySelectorAll('li')[1]!;
    await act(() => second.querySelector('button')!.click());
    expect([...chips.querySelectorAll('li')].map((li) => li.getAttribute('data-entry-id'))).toEqual(['double-eight-strategy']);

    await act(() => el.querySelector('form')!.requestSubmit());
    await settleUntil(async () => (await library().userEntries.list()).some((e) => e.term === '八八样本户'));
    const saved = (await library().userEntries.list()).find((e) => e.term === '八八样本户');
    expect(saved?.related).toEqual(['double-eight-strategy']);
    await library().userEntries.remove(saved!.id);
  });

  it('imports nothing from a bad pack and names the problem', async () => {
    const before = await library().userEntries.list();
    const el = root();
    render(<UserEntriesView />, el);
    await settle();
    const input = el.querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File(['{"format":"yidu-glossary-pack","version":1,"entries":[{"id":"double-eight-strategy"}]}'], 'pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    const alert = el.querySelector('[role=alert]')!.textContent!;
    expect(alert).toMatch(/pack\.json was not imported; nothing was changed/);
    expect(alert).toMatch(/pack\.json, entry 1 \(double-eight-strategy\): "term" is missing/);
    expect(await library().userEntries.list()).toEqual(before);
  });
});

describe('BackupView', () => {
  it('asks before clearing all data', async () => {
    const el = root();
    render(<BackupView />, el);
    await act(() => button(el, 'Clear all data…').click());
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(button(el, 'Delete everything')).toBeTruthy();
    await act(() => button(el, 'Cancel').click());
    expect(button(el, 'Delete everything')).toBeUndefined();
  });

  it('says a backup file is too large to read instead of failing as bad JSON, and reads nothing', async () => {
    const el = root();
    render(<BackupView />, el);
    const file = new File(['{}'], 'huge-backup.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: 600 * 1024 * 1024 });
    let read = false;
    Object.defineProperty(file, 'text', { value: () => { read = true; return Promise.resolve('{}'); } });
    const input = el.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(el.querySelector('[role=alert]')?.textContent).toMatch(/600\.0 MB, too large to read in a browser \(the limit is 500\.0 MB\)/);
    expect(read).toBe(false);
  });
});
