import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES, type MessageKey } from '@/lib/i18n-messages';
import { setLanguageChoice } from '@/lib/i18n';
import { problemLines, problemText } from '@/components/problem-text';
import { parsePack } from '@/lib/glossary/packs';
import { parseBackup } from '@/lib/backup/backup-file';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import { buildUserEntry } from '@/lib/glossary/user-entry';
import { syllablesOf } from '@/lib/pinyin';

const builtin = readBuiltinGlossary();
const PROBLEM_WORDING = /^(problem|where|type|section|field)/;
// Messages that are only placeholders or fixed notation in both languages.
const NOTATION: MessageKey[] = ['problemVerbatim', 'whereFile', 'problemAt', 'whereNested'];

afterEach(() => setLanguageChoice('en'));

describe('problems found in data are worded by the interface', () => {
  it('has a Chinese wording for every problem message', () => {
    const keys = (Object.keys(MESSAGES.en) as MessageKey[]).filter((k) => PROBLEM_WORDING.test(k) && !NOTATION.includes(k));
    expect(keys.length).toBeGreaterThan(50);
    const untranslated = keys.filter((k) => MESSAGES['zh-CN'][k] === MESSAGES.en[k] || !/\p{Script=Han}/u.test(MESSAGES['zh-CN'][k]));
    expect(untranslated).toEqual([]);
  });

  it('shows a bad pack and a bad backup in Chinese when the interface is Chinese, with no English sentence', async () => {
    const entry = buildUserEntry({ term: '四港', english: 'Four Ports', explanation: 'x' }, syllablesOf);
    const pack = JSON.stringify({ format: 'yidu-glossary-pack', version: 1, entries: [{ ...entry, forms: ['八八战略'], pinyin: 'si4 gang3' }, 'x'] });
    const packProblems = parsePack(pack, 'mine.json', { builtin });
    const backupProblems = parseBackup('{"format":"yidu-backup","version":1,', 'backup.json', builtin);
    expect(packProblems.ok || backupProblems.ok).toBe(false);
    const problems = [...(packProblems.ok ? [] : packProblems.problems), ...(backupProblems.ok ? [] : backupProblems.problems)];
    expect(problems.length).toBeGreaterThanOrEqual(4);

    await setLanguageChoice('zh-CN');
    for (const line of problemLines(problems)) {
      expect(line).toMatch(/\p{Script=Han}/u);
      // Apart from what the file itself holds (names, ids, spellings, the JSON parser's own detail),
      // no run of English words: quoted values and parenthesised details are removed first.
      const wording = line.replace(/“[^”]*”|"[^"]*"|（[^）]*）|\([^)]*\)|mine\.json|backup\.json|user-[a-z0-9]+|yidu-[a-z-]+|double-eight-strategy/g, '');
      expect(wording, line).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
    }
    await setLanguageChoice('en');
    expect(problemText(problems[0]!)).toMatch(/^mine\.json, entry 1 \(user-[a-z0-9]+\): /);
  });
});
