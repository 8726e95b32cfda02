import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnnotateCli, type CliOptions } from '@/lib/cli/annotate-cli';

const dir = mkdtempSync(join(tmpdir(), 'yidu-cli-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
function run(args: string[], options: CliOptions = {}) {
  let out = '';
  let err = '';
  const code = runAnnotateCli(args, { out: (s) => (out += s), err: (s) => (err += s) }, options);
  return { code, out, err };
}

describe('annotate CLI', () => {
  it('prints spans whose offsets slice the matched surface out of the file, line breaks included', () => {
    const text = '\ufeff坚持八\n八战略，\r\n推进义新欧班列。';
    const { code, out } = run([file('a.txt', text)]);
    expect(code).toBe(0);
    const spans = JSON.parse(out) as { start: number; end: number; id: string; term: string }[];
    expect(spans).toEqual([
      { start: 3, end: 8, id: 'double-eight-strategy', term: '八八战略', kind: 'term' },
      { start: 13, end: 18, id: 'yixinou-railway', term: expect.any(String), kind: 'term' },
    ]);
    expect(text.slice(3, 8)).toBe('八\n八战略');
  });

  it('prints a table of terms with counts with --summary', () => {
    const { code, out } = run(['--summary', file('b.txt', '八八战略、八八战略和五水共治')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\s+2 {2}八八战略\tDouble-Eight Strategy\t\(double-eight-strategy\)$/m);
    expect(out).toContain('3 occurrences of 2 distinct terms');
  });

  it('reports candidates apart, only in text about policy, and not for quoted words the dictionary knows', () => {
    // “两链融合” is shaped like a coinage but the classifier calls it a word here; “点赞” has no such
    // shape and stands after no verb of policy, so it is plain emphasis whatever the classifier says.
    const policy = '全市深入实施八八战略，推进五水共治和最多跑一次改革，落实共同富裕示范区建设，开展“甜橙行动”，推进“两链融合”，群众“点赞”。';
    const spans = JSON.parse(run([file('c.txt', policy)], { classify: (p) => (p === '两链融合' ? 'word' : 'unknown') }).out) as { id: string; kind: string; term: string }[];
    expect(spans.filter((s) => s.kind === 'candidate').map((s) => [s.id, s.term])).toEqual([['candidate:甜橙行动', '甜橙行动']]);
    expect(spans.filter((s) => s.kind === 'term').length).toBeGreaterThanOrEqual(4);
    const summary = run(['--summary', file('d.txt', policy)], { classify: () => 'unknown' }).out;
    expect(summary).toContain('candidates (not in the glossary):');
    expect(summary).toMatch(/^\s+1 {2}甜橙行动\t\(candidate\)$/m);
    expect(summary).toContain('2 candidate occurrences of 2 distinct phrases');
    // A chatty page: quoted emphasis and counts, almost no policy terms → no candidates at all.
    const chat = '这款手机有两个大核，三个女儿都说“震惊”，周末一起去看“五一”晚会。';
    expect((JSON.parse(run([file('e.txt', chat)], { classify: () => 'unknown' }).out) as { kind: string }[]).filter((s) => s.kind === 'candidate')).toEqual([]);
  });

  it('prints every entry with --entries', () => {
    const entries = JSON.parse(run(['--entries']).out) as { id: string; pinyin: string }[];
    expect(entries.length).toBeGreaterThanOrEqual(400);
    expect(entries.find((e) => e.id === 'double-eight-strategy')?.pinyin).toBe('bā bā zhàn lüè');
  });

  it('exits 2 with one line for a file that is not UTF-8', () => {
    const { code, out, err } = run([file('gbk.txt', Buffer.from([0xb0, 0xcb, 0xb0, 0xcb, 0xd5, 0xbd]))]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^annotate: .*gbk\.txt is not valid UTF-8 text\n$/);
  });

  it('exits 2 with one line for a file that cannot be read', () => {
    const { code, err } = run([join(dir, 'missing.txt')]);
    expect(code).toBe(2);
    expect(err).toMatch(/^annotate: .*missing\.txt cannot be read \(ENOENT\)\n$/);
  });

  it('keeps stdout pure JSON when run as `npm run --silent annotate -- FILE`', () => {
    const path = file('c.txt', '八八战略');
    const result = spawnSync('npm', ['run', '--silent', 'annotate', '--', path], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ start: 0, end: 4, id: 'double-eight-strategy', term: '八八战略', kind: 'term' }]);
  }, 30_000);
});
