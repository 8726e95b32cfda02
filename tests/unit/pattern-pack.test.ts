import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import { Glossary, toPatternSources } from '@/lib/glossary/glossary';
import { compileGuards, GuardedFinder, guardRulesOf } from '@/lib/glossary/guards';
import { isCurrentPack, makePatternPack, PATTERN_PACK_FORMAT, unpackPatterns, type PatternPack } from '@/lib/glossary/pattern-pack';
import { patternPackItem, readCurrentPack, writePatternPack } from '@/lib/glossary/pattern-cache';
import { glossaryVersionItem } from '@/lib/glossary/version';
import { GlossaryStore } from '@/lib/glossary/store';
import { Matcher } from '@/lib/matcher/matcher';
import { packInts, unpackInts } from '@/lib/matcher/packed';
import { registeredTraditionalPairs, registerTraditionalPairs } from '@/lib/matcher/fold';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { corpusText } from '@/bench/corpus';

const BUILTIN = readBuiltinGlossary();
const PAIRS = registeredTraditionalPairs()!;

/** The text in traditional characters, through the fold pairs read backwards (simplified → a traditional form). */
function traditional(text: string): string {
  const back = new Map<string, string>();
  for (let i = 0; i + 1 < PAIRS.length; i += 2) if (!back.has(PAIRS[i + 1]!)) back.set(PAIRS[i + 1]!, PAIRS[i]!);
  return [...text].map((ch) => back.get(ch) ?? ch).join('');
}

// Every guarded form's own examples (kept and dropped), a slice of news, and all of it again in traditional characters.
const guarded = BUILTIN.flatMap((e) => Object.values(e.guards ?? {}).flatMap((g) => [...(g.match ?? []), ...(g.noMatch ?? [])]));
const simplified = [...guarded, corpusText().text.slice(0, 20_000)].join('\n');
const SAMPLE = `${simplified}\n${traditional(simplified)}`;

/** What a finder keeps and which sentences it leaves pending for the segmenter (no whole-word judge). */
function findings(matcher: Pick<Matcher, 'find' | 'formKey'>, guards: ReturnType<typeof compileGuards>) {
  const finder = new GuardedFinder(matcher, guards);
  return { spans: finder.find(SAMPLE), pending: [...finder.pending].sort() };
}

describe('packed integers', () => {
  it('round-trip boundary values in several arrays, 16-bit when all fit and 32-bit when not', () => {
    const small = [[0, 1, 31, 0x7fff, 0x8000, 0xffff], [], [5, 26_913]];
    const packed = packInts(small);
    expect(packed.width).toBe(2);
    expect(unpackInts(packed).map((a) => [...a])).toEqual(small);
    const large = [[0, 0x1_0000, 0x3fff_ffff, 2 ** 31 - 1], [7]];
    expect(packInts(large).width).toBe(4);
    expect(unpackInts(packInts(large)).map((a) => [...a])).toEqual(large);
  });

  it('stores plain base64 (nothing JSON storage would escape or mangle)', () => {
    const { base64 } = packInts([Array.from({ length: 5000 }, (_, i) => i * 7919)]);
    expect(base64).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
  });

  it('decodes the same through the browsers\' native base64 and the fallback', () => {
    const arrays = [Array.from({ length: 3000 }, (_, i) => (i * 37) % 65_536), [1, 2, 3]];
    const packed = packInts(arrays);
    // Node 20 has no Uint8Array.fromBase64: give it one (the browsers' behaviour) and compare.
    const codec = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };
    const had = codec.fromBase64;
    const fallback = unpackInts(packed).map((a) => [...a]);
    codec.fromBase64 = (text) => new Uint8Array(Buffer.from(text, 'base64'));
    try {
      expect(unpackInts(packed).map((a) => [...a])).toEqual(fallback);
    } finally {
      if (had) codec.fromBase64 = had;
      else delete codec.fromBase64;
    }
    expect(fallback).toEqual(arrays);
  });

  it('refuses negative numbers and data that does not hold what the lengths say', () => {
    expect(() => packInts([[-1]])).toThrow(RangeError);
    const packed = packInts([[1, 2, 3]]);
    expect(() => unpackInts({ ...packed, base64: packed.base64.slice(0, -4) })).toThrow(RangeError);
    expect(() => unpackInts({ ...packed, lengths: [3, 1] })).toThrow(RangeError);
  });
});

describe('pattern pack', () => {
  const glossary = new Glossary(BUILTIN);
  const pack = makePatternPack(glossary, { glossaryVersion: 7, build: '1.0+a' });

  it('finds, after a trip through JSON, exactly what a freshly built matcher finds: traditional and guarded forms too', async () => {
    const fresh = findings(new Matcher(toPatternSources(glossary.entries())), compileGuards(guardRulesOf(glossary.entries())));
    // The sample must exercise what it claims to: traditional spellings, dropped and pending guarded forms.
    expect(fresh.spans.some((s) => SAMPLE.slice(s.start, s.end) === '八八戰略' || /[戰義歐]/.test(SAMPLE.slice(s.start, s.end)))).toBe(true);
    expect(fresh.pending.length).toBeGreaterThan(0);
    expect(new Matcher(toPatternSources(glossary.entries())).find(SAMPLE).length).toBeGreaterThan(fresh.spans.length);

    // A content script has no fold pairs: the pack's symbol table was made with them, and guarded
    // forms are told apart through it (Matcher.formKey).
    registerTraditionalPairs('');
    try {
      const unpacked = await unpackPatterns(JSON.parse(JSON.stringify(pack)) as PatternPack);
      expect(findings(unpacked.matcher, unpacked.guards)).toEqual(fresh);
    } finally {
      registerTraditionalPairs(PAIRS);
    }
  });

  it('unpacks in parts, pausing between them, to the same matcher, guards and English', async () => {
    const whole = await unpackPatterns(pack);
    let pauses = 0;
    const parts = await unpackPatterns(JSON.parse(JSON.stringify(pack)) as PatternPack, async () => void pauses++);
    expect(pauses).toBe(1);
    expect(findings(parts.matcher, parts.guards)).toEqual(findings(whole.matcher, whole.guards));
    for (const id of pack.trie.ids) expect(parts.english.get(id)).toBe(whole.english.get(id));
    expect(parts.workMs).toBeGreaterThan(0);
  });

  it('carries every entry’s English, by id', async () => {
    const { english } = await unpackPatterns(pack);
    expect(english.get('double-eight-strategy')).toBe(glossary.get('double-eight-strategy')!.english);
    expect(pack.trie.ids.filter((id) => english.has(id)).length).toBe(BUILTIN.filter((e) => e.english).length);
    expect(english.get('no-such-entry')).toBeUndefined();
  });

  it('stores the symbol table the fold pairs made: a page without them keys spellings alike', async () => {
    registerTraditionalPairs('');
    try {
      const { matcher } = await unpackPatterns(JSON.parse(JSON.stringify(pack)) as PatternPack);
      expect(matcher.formKey('義新歐')).toBe(matcher.formKey('义新欧'));
      expect(matcher.formKey('“人　大”')).toBe(matcher.formKey('人大'));
      expect(matcher.formKey('人大')).not.toBe(matcher.formKey('大人'));
      expect(matcher.find('推進義新歐班列').map((s) => s.id)).toEqual(new Matcher(toPatternSources(glossary.entries())).find('推进义新欧班列').map((s) => s.id));
    } finally {
      registerTraditionalPairs(PAIRS);
    }
  });

  it('is current only for its glossary version, its build and this format', () => {
    expect(isCurrentPack(pack, 7, '1.0+a')).toBe(true);
    expect(isCurrentPack(pack, 8, '1.0+a')).toBe(false);
    expect(isCurrentPack(pack, 7, '1.1+a')).toBe(false);
    expect(isCurrentPack(pack, 7, '1.0+b')).toBe(false);
    expect(isCurrentPack({ ...pack, format: PATTERN_PACK_FORMAT + 1 }, 7, '1.0+a')).toBe(false);
    expect(isCurrentPack(null, 7, '1.0+a')).toBe(false);
  });
});

describe('pattern cache in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the stored pack while the glossary version is unchanged, and none once it changes', async () => {
    await glossaryVersionItem.setValue(100);
    const pack = makePatternPack(new Glossary(BUILTIN.slice(0, 20)), { glossaryVersion: 100, build: 'b1' });
    await writePatternPack(pack);
    expect(typeof (await patternPackItem.getValue())).toBe('string'); // one string: read far sooner than the object
    expect((await readCurrentPack('b1')).pack).toEqual(pack);
    expect(await readCurrentPack('b2')).toEqual({ glossaryVersion: 100 }); // an updated extension
    await glossaryVersionItem.setValue(101);
    expect(await readCurrentPack('b1')).toEqual({ glossaryVersion: 101 });
  });

  it('ignores a pack an older build stored as an object, and a damaged one', async () => {
    await glossaryVersionItem.setValue(100);
    const pack = makePatternPack(new Glossary(BUILTIN.slice(0, 20)), { glossaryVersion: 100, build: 'b1' });
    await fakeBrowser.storage.local.set({ patternPack: pack });
    expect(await readCurrentPack('b1')).toEqual({ glossaryVersion: 100 });
    await fakeBrowser.storage.local.set({ patternPack: JSON.stringify(pack).slice(0, 500) });
    expect(await readCurrentPack('b1')).toEqual({ glossaryVersion: 100 });
  });
});

describe('glossary store and the pack’s version', () => {
  const userEntry: GlossaryEntry = { ...BUILTIN[0]!, id: 'user-sweet-orange', term: '甜橙计划', forms: [], guards: undefined, user: true };

  function storeWith(version: { value: number }, user: GlossaryEntry[]) {
    return new GlossaryStore({
      loadBuiltin: async () => BUILTIN,
      userEntries: { list: async () => [...user], putMany: async () => undefined, remove: async () => undefined },
      readVersion: async () => version.value,
    });
  }

  it('stamps the pack with the version read with the entries, and reads again for a newer version', async () => {
    const version = { value: 5 };
    const user: GlossaryEntry[] = [];
    const store = storeWith(version, user);
    const first = (await store.current()).patternPack('b');
    expect(first.glossaryVersion).toBe(5);
    expect(first.trie.ids).not.toContain('user-sweet-orange');

    // Another context added an entry and bumped the version; this context's watcher has not fired yet.
    user.push(userEntry);
    version.value = 6;
    expect((await store.currentAtLeast(5)).patternPack('b')).toBe(first);
    const second = (await store.currentAtLeast(6)).patternPack('b');
    expect(second.glossaryVersion).toBe(6);
    const { matcher } = await unpackPatterns(second);
    expect(matcher.find('推进甜橙计划').map((s) => s.id)).toEqual(['user-sweet-orange']);
  });
});
