import { describe, expect, it } from 'vitest';
import { problemText } from '@/components/problem-text';
import type { ProblemError } from '@/lib/problems';
import { packJson, parsePack } from '@/lib/glossary/packs';
import { buildUserEntry } from '@/lib/glossary/user-entry';
import { syllablesOf } from '@/lib/pinyin';
import { draftFromEntry, entryFromDraft } from '@/lib/glossary/entry-draft';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';

const BUILTIN_GLOSSARY = readBuiltinGlossary();
import type { GlossaryEntry } from '@/lib/glossary/types';
import type { EntryContext } from '@/lib/glossary/user-entry-check';

const fourPorts = buildUserEntry({ term: '四港', english: 'Four Ports', explanation: '' }, syllablesOf);
const chain = buildUserEntry({ term: '小商品指数样本户', english: 'Chain-leader firm', explanation: 'A large firm that organises the rest of its industrial chain.' }, syllablesOf);
const context: EntryContext = { builtin: BUILTIN_GLOSSARY };
const pack = (entries: unknown[]) => JSON.stringify({ format: 'yidu-glossary-pack', version: 1, entries });
const problemsOf = (text: string, ctx = context) => {
  const result = parsePack(text, 'mine.json', ctx);
  return result.ok ? [] : result.problems.map(problemText);
};

describe('glossary packs', () => {
  it('round-trips entries the reader made, brief explanations included', () => {
    const result = parsePack(packJson([fourPorts, chain]), 'mine.json', context);
    expect(result).toEqual({ ok: true, entries: [chain, fourPorts].sort((a, b) => a.id.localeCompare(b.id)) });
  });

  it('allows related ids of built-in entries', () => {
    const builtinId = BUILTIN_GLOSSARY[0]!.id;
    expect(problemsOf(pack([{ ...chain, related: [builtinId, fourPorts.id] }, fourPorts]))).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['a file that is not JSON', '{"format": "yidu-glossary-pack", ', /mine\.json is not valid JSON/],
    ['another format', JSON.stringify({ format: 'yidu-backup', version: 1, entries: [] }), /not a Yidu glossary pack: "format"/],
    ['a newer version', JSON.stringify({ format: 'yidu-glossary-pack', version: 2, entries: [fourPorts] }), /version 2; this Yidu reads version 1 \(update Yidu/],
    ['entries that are not a list', JSON.stringify({ format: 'yidu-glossary-pack', version: 1, entries: {} }), /"entries" must be a list/],
    ['an empty pack', pack([]), /has no entries/],
    ['an entry that is not an object', pack([fourPorts, 'x']), /mine\.json, entry 2: is not an object/],
    ['a field of the wrong type', pack([{ ...fourPorts, forms: '四港口' }]), /entry 1 \(user-[a-z0-9]+\): "forms" must be a list of text/],
    ['a missing field', pack([{ ...fourPorts, english: undefined }]), /entry 1 \(user-[a-z0-9]+\): "english" is missing/],
    ['an empty English rendering', pack([{ ...fourPorts, english: ' ' }]), /entry 1 \(user-[a-z0-9]+\): give an English rendering/],
    ['wrong pinyin', pack([{ ...fourPorts, pinyin: 'si4 gang3' }]), /entry 1 \(user-[a-z0-9]+\): "si4" is not a pinyin syllable/],
    ['an unknown category', pack([{ ...fourPorts, category: 'motto' }]), /unknown category motto/],
    ['a duplicate id', pack([fourPorts, { ...chain, id: fourPorts.id }]), /entry 2 \(user-[a-z0-9]+\): the id "user-[a-z0-9]+" is used again \(first by mine\.json, entry 1/],
    ['a form claimed twice', pack([fourPorts, { ...chain, forms: ['四港'] }]), /entry 2 \(.*\): another spelling "四港" is also claimed by mine\.json, entry 1/],
    ['a related id that exists nowhere', pack([{ ...fourPorts, related: ['nowhere'] }]), /related entry "nowhere" does not exist/],
  ])('rejects %s, naming the problem', (_label, text, message) => {
    expect(problemsOf(text).join('\n')).toMatch(message);
  });

  it('rejects an entry that reuses a built-in id or spelling', () => {
    const builtin = BUILTIN_GLOSSARY.find((e) => e.id === 'double-eight-strategy')!;
    const clash: GlossaryEntry = { ...fourPorts, id: builtin.id };
    expect(problemsOf(pack([clash])).join('\n')).toMatch(/entry 1 \(double-eight-strategy\): the id "double-eight-strategy" belongs to a built-in entry/);
    expect(problemsOf(pack([{ ...fourPorts, forms: [builtin.term] }])).join('\n')).toMatch(/another spelling "八八战略" is already the built-in entry 八八战略 \(double-eight-strategy\)/);
  });

  it('rejects a spelling of another stored entry, but not of the entry it replaces', () => {
    const existing = [fourPorts];
    expect(problemsOf(pack([{ ...chain, forms: ['四港'] }]), { ...context, existing }).join('\n')).toMatch(/another spelling "四港" is already your entry 四港/);
    expect(problemsOf(pack([{ ...fourPorts, english: 'Four Hubs' }]), { ...context, existing })).toEqual([]);
  });
});

describe('the add/edit form', () => {
  it('keeps the id when an entry is edited, and reads items, year and related ids', () => {
    const draft = { ...draftFromEntry(chain), term: '样本户', pinyin: '', year: '2021', related: ['double-eight-strategy', 'x', 'x'], items: '甲 = A\n\n乙=B' };
    const edited = entryFromDraft(draft, chain, syllablesOf);
    expect(edited).toMatchObject({ id: chain.id, term: '样本户', pinyin: 'yàng běn hù', year: 2021, related: ['double-eight-strategy', 'x'] });
    expect(edited.items).toEqual([{ zh: '甲', en: 'A' }, { zh: '乙', en: 'B' }]);
  });

  it('explains fields it cannot read', () => {
    const wording = (draft: Parameters<typeof entryFromDraft>[0]) => {
      try {
        entryFromDraft(draft, undefined, syllablesOf);
      } catch (err) {
        return (err as ProblemError).problems.map(problemText).join('\n');
      }
      return 'no problem';
    };
    expect(wording({ ...draftFromEntry(chain), year: 'soon' })).toMatch(/year must be a whole number/);
    expect(wording({ ...draftFromEntry(chain), items: 'no separator' })).toMatch(/item line 1/);
    expect(wording({ ...draftFromEntry(chain), term: 'abc' })).toMatch(/Chinese characters/);
  });
});
