import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beginEarlyRead, injectedOnRequest, ON_REQUEST_KEY, onHereSoFar, PAGE_START_KEYS, takePageStart, unscrolledSinceStart } from '@/lib/page-start';
import { settingsItem, updateSettings } from '@/lib/settings';
import { glossaryVersionItem } from '@/lib/glossary/version';
import { patternPackItem, writePatternPack } from '@/lib/glossary/pattern-cache';
import { extensionBuild, unpackedPackOf } from '@/lib/glossary/stored-pack';
import { Matcher } from '@/lib/matcher/matcher';
import { toPatternSources } from '@/lib/glossary/glossary';
import { makePatternPack } from '@/lib/glossary/pattern-pack';
import { Glossary } from '@/lib/glossary/glossary';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import { loadPagePatterns, readPageStart, unpackUnlessOff } from '@/entrypoints/annotate.content/page-patterns';

describe('the page-start read begun at document_start', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Yidu', version: '1.2.3' });
    delete (globalThis as { __yiduScrolled?: boolean }).__yiduScrolled;
    vi.stubGlobal('document', new EventTarget());
    vi.stubGlobal('location', { hostname: 'news.example.cn' });
    delete (globalThis as { __yiduNeverHere?: boolean }).__yiduNeverHere;
  });
  afterEach(() => vi.unstubAllGlobals());

  it("notes the document's first scroll, so an unscrolled page is known at its top without a layout read", () => {
    // The viewport's scroll events are fired at the document (this test runs without a DOM).
    expect(unscrolledSinceStart()).toBe(undefined); // no read begun at document_start: the annotator asks the layout
    beginEarlyRead();
    expect(unscrolledSinceStart()).toBe(true);
    document.dispatchEvent(new Event('scroll'));
    expect(unscrolledSinceStart()).toBe(false);
  });

  it('knows a start on request by the mark the background leaves before injecting', () => {
    expect(injectedOnRequest()).toBe(false);
    (globalThis as Record<string, unknown>)[ON_REQUEST_KEY] = true;
    try {
      expect(injectedOnRequest()).toBe(true);
    } finally {
      delete (globalThis as Record<string, unknown>)[ON_REQUEST_KEY];
    }
  });

  it('reads the keys of the storage items the annotating script uses', () => {
    // The document_start read uses raw keys; a renamed item must rename them too.
    expect(PAGE_START_KEYS.map((key) => `local:${key}`)).toEqual([settingsItem.key, glossaryVersionItem.key, patternPackItem.key]);
  });

  it('says whether the site is on once the early read has answered (a huge page readies its mark layer then)', async () => {
    await updateSettings({ siteModes: { 'other.example.cn': 'never' } });
    beginEarlyRead();
    expect(onHereSoFar()).toBe(false); // no answer yet: not known to be on
    await takePageStart().values;
    expect(onHereSoFar()).toBe(true);

    await updateSettings({ siteModes: { 'news.example.cn': 'never' } });
    beginEarlyRead();
    await takePageStart().values;
    expect(onHereSoFar()).toBe(false);
  });

  it('is taken over once; a later start reads afresh', async () => {
    await updateSettings({ lookup: 'shift' });
    await glossaryVersionItem.setValue(7);
    beginEarlyRead();
    // Changed after the early read began: the taken-over read has the value from before.
    await updateSettings({ lookup: 'off' });
    expect((await takePageStart().values).glossaryVersion).toBe(7);
    const early = readPageStart();
    expect((await early.settings).lookup).toBe('off'); // not the early one: it was taken already
  });

  it('gives the annotating script the settings, version and pack it read early', async () => {
    await updateSettings({ inlineEnglish: 'every' });
    await glossaryVersionItem.setValue(3);
    const glossary = new Glossary(readBuiltinGlossary().slice(0, 1));
    await writePatternPack(makePatternPack(glossary, { glossaryVersion: 3, build: extensionBuild() }));
    beginEarlyRead();
    const { settings, patterns } = readPageStart();
    expect((await settings).inlineEnglish).toBe('every');
    const current = await patterns;
    expect(current.glossaryVersion).toBe(3);
    expect(current.pack?.trie.ids).toEqual([readBuiltinGlossary()[0]!.id]);
  });

  it('leaves a pack made for another glossary version (the background is asked instead)', async () => {
    await glossaryVersionItem.setValue(4);
    await writePatternPack(makePatternPack(new Glossary([]), { glossaryVersion: 3, build: extensionBuild() }));
    beginEarlyRead();
    expect(await readPageStart().patterns).toEqual({ glossaryVersion: 4 });
  });

  it('reads now when no early read was begun (the script injected on request)', async () => {
    await updateSettings({ markCandidates: false });
    expect((await readPageStart().settings).markCandidates).toBe(false);
  });

  describe('patterns unpacked at document_start', () => {
    const BUILTIN = readBuiltinGlossary();
    const glossary = new Glossary(BUILTIN.slice(0, 300));
    const TEXT = BUILTIN.slice(0, 300).map((entry) => `推进${entry.term}。`).join('');
    const storePack = async (version: number, packVersion = version) => {
      await glossaryVersionItem.setValue(version);
      await writePatternPack(makePatternPack(glossary, { glossaryVersion: packVersion, build: extensionBuild() }));
    };
    const pauses = () => {
      const counted = { pauses: 0, pause: async () => void counted.pauses++ };
      return counted;
    };
    beforeEach(() => vi.stubGlobal('location', { hostname: 'news.example.cn' }));

    it('hands the annotating script a matcher that finds what one built from the glossary finds, once', async () => {
      await storePack(5);
      const counted = pauses();
      beginEarlyRead((values) => unpackedPackOf(values.glossaryVersion, values.patternPack, counted.pause));
      const current = await readPageStart().patterns;
      expect(current.glossaryVersion).toBe(5);
      expect(current.pack).toBeUndefined(); // nothing left to unpack
      expect(current.unpacked).toBeDefined();
      expect(counted.pauses).toBeGreaterThan(0); // unpacked in parts, between the page's loading
      const loaded = await loadPagePatterns(Promise.resolve(current));
      expect(loaded.unpackMs).toBe(0); // no unpacking left for the annotating script
      const spans = loaded.matcher.find(TEXT);
      expect(spans.length).toBeGreaterThan(250);
      expect(spans).toEqual(new Matcher(toPatternSources(glossary.entries())).find(TEXT));
      expect(loaded.english.get(BUILTIN[0]!.id)).toBe(BUILTIN[0]!.english);
      // Taken once: a later start (a glossary change) reads the pack again and unpacks it itself.
      const again = await readPageStart().patterns;
      expect(again.unpacked).toBeUndefined();
      expect(again.pack?.glossaryVersion).toBe(5);
    });

    it('leaves a pack of another glossary version, and one that does not unpack, to the annotating script', async () => {
      await storePack(6, 5);
      const { pause } = pauses();
      beginEarlyRead((values) => unpackedPackOf(values.glossaryVersion, values.patternPack, pause));
      expect(await readPageStart().patterns).toEqual({ glossaryVersion: 6 }); // it asks the background

      const broken = makePatternPack(glossary, { glossaryVersion: 6, build: extensionBuild() });
      broken.symbols = { ...broken.symbols, lengths: [3] }; // one array where two belong
      await writePatternPack(broken);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      beginEarlyRead((values) => unpackedPackOf(values.glossaryVersion, values.patternPack, pause));
      expect(await readPageStart().patterns).toEqual({ glossaryVersion: 6 });
      expect(warn).toHaveBeenCalled();
    });

    it('does not unpack on a site set to "never", and keeps the pack for a start the user asks for', async () => {
      await storePack(8);
      await updateSettings({ siteModes: { 'news.example.cn': 'never' } });
      beginEarlyRead(unpackUnlessOff);
      const current = await readPageStart().patterns;
      expect(current.unpacked).toBeUndefined();
      expect(current.pack?.glossaryVersion).toBe(8);

      await updateSettings({ siteModes: { 'other.example.cn': 'never' } });
      beginEarlyRead(unpackUnlessOff);
      expect((await readPageStart().patterns).unpacked).toBeDefined();
    });
  });
});
