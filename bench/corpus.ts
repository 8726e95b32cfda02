import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../shared/corpus');

/** The shared corpus's text when present, else generated Chinese news-like text; and which it is. */
export function corpusText(): { text: string; source: string } {
  if (existsSync(CORPUS_DIR)) {
    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
    if (files.length) {
      return { text: files.map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8')).join('\n'), source: `../shared/corpus (${files.length} files)` };
    }
  }
  return { text: generatedNews(60_000), source: 'generated text (../shared/corpus not found)' };
}

/** Deterministic news-like Chinese: ordinary sentences with jargon sprinkled in, and line breaks. */
export function generatedNews(length: number, seed = 42): string {
  const ordinary = ['今年以来，我市坚持稳中求进工作总基调', '全力推动经济社会发展', '企业复工复产有序推进', '群众获得感持续增强', '市委市政府高度重视', '各项工作取得明显成效', '进出口总额同比增长', '切实解决群众急难愁盼问题'];
  const jargon = ['八八战略', '义新欧班列', '五水共治', '最多跑一次', '共同富裕示范区', '市场采购贸易方式', '十四五', '党建+单元', '数字化改革', '一带一路'];
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff) % n);
  let out = '';
  while (out.length < length) {
    out += ordinary[next(ordinary.length)]!;
    if (next(3) === 0) out += `，深入实施${jargon[next(jargon.length)]!}`;
    out += next(4) === 0 ? '。\n' : '，';
  }
  return out;
}

export function repeatTo(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length));
}
