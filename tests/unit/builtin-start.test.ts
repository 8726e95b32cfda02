import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN_START_ID, BUILTIN_START_SETTINGS, builtinStartRegistration, syncBuiltinStart } from '@/entrypoints/background/builtin-start';
import {
  BUILTIN_PATTERNS_FILE,
  BUILTIN_PATTERNS_GLOBAL,
  builtinPatternsScript,
  takeBuiltinPatterns,
} from '@/lib/glossary/builtin-patterns';
import { beginEarlyRead, takePageStart } from '@/lib/page-start';
import { DEFAULT_SETTINGS, setSiteMode, settingsFrom, updateSettings, type Settings } from '@/lib/settings';
import { AUTO_MATCHES } from '@/lib/sites';
import { glossaryVersionItem } from '@/lib/glossary/version';
import { writePatternPack } from '@/lib/glossary/pattern-cache';
import { makePatternPack } from '@/lib/glossary/pattern-pack';
import { Glossary } from '@/lib/glossary/glossary';
import { builtinPatternPack, type GlossaryStore } from '@/lib/glossary/store';
import { extensionBuild } from '@/lib/glossary/stored-pack';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import { startPatternsHold } from '@/entrypoints/annotate.content/page-patterns';

const settings = (change: Partial<Settings> = {}): Settings => settingsFrom({ ...change });

describe("where the build's own pattern pack is registered", () => {
  const everywhere = new Set<string>();

  it('is the declared sites, top frames only, at document_start, with the default display settings', () => {
    expect(BUILTIN_START_SETTINGS).toEqual({ inlineEnglish: DEFAULT_SETTINGS.inlineEnglish, markCandidates: DEFAULT_SETTINGS.markCandidates });
    expect(builtinStartRegistration(settings(), false, everywhere)).toEqual({
      id: BUILTIN_START_ID,
      matches: [...AUTO_MATCHES],
      js: [BUILTIN_PATTERNS_FILE],
      allFrames: false,
      runAt: 'document_start',
    });
  });

  it('leaves out the sites set to "never", and adds those set to "always" that were granted', () => {
    const modes = { siteModes: { 'www.gov.cn': 'never', 'news.example': 'always', 'denied.example': 'always' } } as const;
    const registration = builtinStartRegistration(settings(modes), false, new Set(['news.example']))!;
    expect(registration.excludeMatches).toEqual(['*://www.gov.cn/*']);
    expect(registration.matches).toEqual([...AUTO_MATCHES, '*://news.example/*']);
  });

  it('is nowhere while the user has entries of their own, other display settings, or a "never" host no pattern can name', () => {
    expect(builtinStartRegistration(settings(), true, everywhere)).toBe(undefined);
    expect(builtinStartRegistration(settings({ inlineEnglish: 'first' }), false, everywhere)).toBe(undefined);
    expect(builtinStartRegistration(settings({ markCandidates: false }), false, everywhere)).toBe(undefined);
    expect(builtinStartRegistration(settings({ siteModes: { '[::1]': 'never' } }), false, everywhere)).toBe(undefined);
    // Other settings do not change what the first screen shows.
    expect(builtinStartRegistration(settings({ lookup: 'off', pinyinMode: 'jargon' }), false, everywhere)).toBeDefined();
  });
});

describe('keeping the registration in step', () => {
  type Script = { id: string; matches?: string[]; excludeMatches?: string[]; js?: string[]; runAt?: string; allFrames?: boolean };
  let registered: Script[];
  let userEntries: unknown[];
  const glossary = { current: async () => ({ user: userEntries }) } as unknown as GlossaryStore;

  beforeEach(() => {
    fakeBrowser.reset();
    registered = [];
    userEntries = [];
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    // The browser hands its patterns back sorted.
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
      async (filter) => registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => ({ ...s, matches: [...(s.matches ?? [])].sort() })) as never,
    );
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => void registered.push(...(scripts as Script[])));
    vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
      registered = registered.filter((s) => !filter?.ids?.includes(s.id));
    });
  });

  it('registers once, follows a site set to "never", and unregisters when the user adds an entry', async () => {
    await syncBuiltinStart(glossary);
    await syncBuiltinStart(glossary);
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    await setSiteMode('www.gov.cn', 'never');
    await syncBuiltinStart(glossary);
    expect(registered).toHaveLength(1);
    expect(registered[0]!.excludeMatches).toEqual(['*://www.gov.cn/*']);
    userEntries = [{ id: 'mine' }];
    await syncBuiltinStart(glossary);
    expect(registered).toEqual([]);
    userEntries = [];
    await updateSettings({ inlineEnglish: 'every' });
    await syncBuiltinStart(glossary);
    expect(registered).toEqual([]);
  });
});

describe("the build's pack as a script", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[BUILTIN_PATTERNS_GLOBAL];
    delete (globalThis as { __yiduEarlyRead?: unknown }).__yiduEarlyRead;
    vi.unstubAllGlobals();
  });
  // The file is evaluated by the browser as a content script: here, as a function body.
  const runScript = (json: string) => new Function(builtinPatternsScript(json))();

  it('is the pack the background makes with no user entries at glossary version 0', async () => {
    const builtin = readBuiltinGlossary().slice(0, 50);
    const pack = builtinPatternPack(builtin, 'b1');
    expect(pack).toEqual(makePatternPack(new Glossary(builtin, []), { glossaryVersion: 0, build: 'b1', builtinOnly: true }));
    expect(pack.builtinOnly).toBe(true);
  });

  it('hands the pack over whichever script runs first, quotes and line separators intact', async () => {
    vi.stubGlobal('document', new EventTarget());
    vi.stubGlobal('location', { hostname: '127.0.0.1' });
    const json = JSON.stringify({ text: '引号"\\\u2028\u2029</script>' });
    runScript(json); // before the annotating script
    expect(takeBuiltinPatterns()).toBe(json);
    expect(takeBuiltinPatterns()).toBe(undefined);

    beginEarlyRead(); // the annotating script first: it waits for the pack
    runScript(json);
    const start = takePageStart();
    expect(start.fromBuiltin).toBe(true);
    expect(await start.values).toEqual({ glossaryVersion: 0, patternPack: json });
  });

  it('without the script, the page reads storage', async () => {
    vi.stubGlobal('document', new EventTarget());
    vi.stubGlobal('location', { hostname: '127.0.0.1' });
    await glossaryVersionItem.setValue(4);
    beginEarlyRead();
    const start = takePageStart();
    expect(start.fromBuiltin).toBe(false);
    expect((await start.values).glossaryVersion).toBe(4);
  });
});

describe('checking a start from the build\'s pack against storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Yidu', version: '1.2.3' });
  });
  const glossary = new Glossary(readBuiltinGlossary().slice(0, 20));
  const early = { glossaryVersion: 0 };

  it('holds for the same version, and for another whose stored pack was made from the built-in entries alone', async () => {
    expect(await startPatternsHold(early, {}, true)).toBe(true); // no version ever stored
    await glossaryVersionItem.setValue(9);
    await writePatternPack(makePatternPack(glossary, { glossaryVersion: 9, build: extensionBuild(), builtinOnly: true }));
    expect(await startPatternsHold(early, { glossaryVersion: 9 }, true)).toBe(true);
    expect(await startPatternsHold(early, { glossaryVersion: 9 }, false)).toBe(false); // a stored start: the version decides
  });

  it('fails for a pack with user entries, or none current yet', async () => {
    await glossaryVersionItem.setValue(9);
    expect(await startPatternsHold(early, { glossaryVersion: 9 }, true)).toBe(false);
    await writePatternPack(makePatternPack(glossary, { glossaryVersion: 9, build: extensionBuild(), builtinOnly: false }));
    expect(await startPatternsHold(early, { glossaryVersion: 9 }, true)).toBe(false);
  });
});
