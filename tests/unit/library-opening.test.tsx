// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME } from '@/lib/db/schema';
import { createVersion1Database } from '@/tests/fixtures/db-v1';

vi.mock('@/lib/glossary/context-store', async () => {
  const { GlossaryStore } = await import('@/lib/glossary/store');
  const { library } = await import('@/lib/db/connection');
  // Made on first use, so importing the view opens no database before the test holds it up.
  let store: InstanceType<typeof GlossaryStore> | undefined;
  return { glossaryStore: () => (store ??= new GlossaryStore({ loadBuiltin: async () => [], userEntries: library().userEntries })) };
});
// Search (jieba's wasm) is not what this test is about.
vi.mock('@/lib/search/search-service', () => ({
  indexMissing: async () => 0,
  removeFromSearch: async () => undefined,
  searchLibrary: async () => [],
  warmUpSearch: async () => undefined,
}));
import { LibraryView } from '@/entrypoints/reader/library-view';

const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

describe('opening the library', () => {
  it('says it is opening when the database takes long (an upgrade held up), then lists', async () => {
    // An older connection that ignores the upgrade's request, as a page of an older build would: the
    // library's open waits until it closes.
    await createVersion1Database(DB_NAME);
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onsuccess = () => resolve(request.result);
    });
    const el = document.body.appendChild(document.createElement('div'));
    render(<LibraryView />, el);
    await wait(100);
    expect(el.textContent).not.toContain('Opening your library');
    await wait(600);
    expect(el.querySelector('[role=status]')?.textContent).toMatch(/^Opening your library/);
    old.close();
    for (let i = 0; i < 60 && !el.querySelector('[data-testid=library-empty]'); i++) await wait(30);
    expect(el.querySelector('[data-testid=library-empty]')).not.toBeNull();
    expect(el.textContent).not.toContain('Opening your library');
  }, 15_000);
});
