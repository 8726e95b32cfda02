import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GlossaryStore } from '@/lib/glossary/store';
import { bumpGlossaryVersion, glossaryVersionItem } from '@/lib/glossary/version';
import { readCurrentPack } from '@/lib/glossary/pattern-cache';
import { unpackPatterns } from '@/lib/glossary/pattern-pack';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import type { GlossaryEntry } from '@/lib/glossary/types';

const BUILTIN = readBuiltinGlossary().slice(0, 50);
const userEntry: GlossaryEntry = { ...BUILTIN[0]!, id: 'user-sweet-orange', term: '甜橙计划', forms: [], guards: undefined, user: true };

function storeWith(user: GlossaryEntry[]): GlossaryStore {
  return new GlossaryStore({
    loadBuiltin: async () => BUILTIN,
    userEntries: { list: async () => [...user], putMany: async () => undefined, remove: async () => undefined },
    watchVersion: (onChange) => glossaryVersionItem.watch(onChange),
    bumpVersion: bumpGlossaryVersion,
    readVersion: () => glossaryVersionItem.getValue(),
  });
}

describe("the background's pattern pack at browser start", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Yidu', version: '1.2.3' });
    vi.resetModules(); // the messaging module allows one listener per message in a context
  });
  const keepPatternCache = async (store: GlossaryStore) => (await import('@/entrypoints/background/pattern-cache')).keepPatternCache(store);

  it('moves an unchanged version on when own entries exist, so pages stop taking the built-in pack', async () => {
    // storage.local cleared while the database kept the user's entry: the version reads as unchanged.
    await keepPatternCache(storeWith([userEntry]));
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await readCurrentPack()).pack).toBeDefined());
    const { pack, glossaryVersion } = await readCurrentPack();
    expect(glossaryVersion).toBeGreaterThan(0);
    const { matcher } = await unpackPatterns(pack!);
    expect(matcher.find('推进甜橙计划').map((span) => span.id)).toEqual(['user-sweet-orange']);
  });

  it('leaves the version of an unchanged glossary alone', async () => {
    await keepPatternCache(storeWith([]));
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await readCurrentPack()).pack).toBeDefined());
    expect(await glossaryVersionItem.getValue()).toBe(0);
  });
});
