/**
 * Charset checks for saved pages: garbled text is detected, and a page's bytes are decoded as UTF-8
 * or GB18030 whatever charset it declares. gbk-sample.html was made with `iconv -f utf-8 -t gbk`
 * and (wrongly) declares utf-8, as pages do when a template changes and the bytes do not.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodePageBytes, detectMojibake } from '@/lib/extract/encoding';

const GBK = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/extraction/gbk-sample.html')));
const TEXT = '义乌市坚持和发展新时代“枫桥经验”，深化“党建+单元”模式，推进市场采购贸易方式试点。';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('encoding check', () => {
  it('reads GBK bytes as GB18030 although the page declares utf-8', () => {
    expect(declaredCharset(GBK)).toBe('utf-8');
    const page = decodePageBytes(GBK);
    expect(page.encoding).toBe('gb18030');
    expect(page.ok).toBe(true);
    expect(page.text).toContain('深化“党建+单元”模式');
    expect(page.text).toContain('“义新欧”中欧班列');
  });

  it('reads UTF-8 bytes as UTF-8 although the page declares gb2312', () => {
    const page = decodePageBytes(utf8(`<meta charset="gb2312"><p>${TEXT}</p>`));
    expect(page).toMatchObject({ encoding: 'utf-8', ok: true });
    expect(page.text).toContain(TEXT);
  });

  it('reports GBK read as UTF-8 (replacement characters)', () => {
    const wrong = new TextDecoder('utf-8').decode(GBK);
    const report = detectMojibake(wrong);
    expect(report.garbled).toBe(true);
    expect(report.reason).toMatch(/replacement/);
  });

  it('reports UTF-8 read as GBK, and UTF-8 read as Latin-1', () => {
    const asGbk = detectMojibake(new TextDecoder('gbk').decode(utf8(TEXT.repeat(3))));
    expect(asGbk.garbled).toBe(true);
    expect(asGbk.reason).toMatch(/GBK/);
    const asLatin1 = detectMojibake(new TextDecoder('windows-1252').decode(utf8(TEXT)));
    expect(asLatin1.garbled).toBe(true);
    expect(asLatin1.reason).toMatch(/Latin-1/);
  });

  it('does not flag real text: Chinese, English, French, or a stray replacement character', () => {
    for (const text of [TEXT.repeat(20), 'The quick brown fox jumps over the lazy dog.', 'Élève à l’école, déjà très âgé : ça coûte 15 €.', `${TEXT.repeat(10)}\ufffd`]) {
      expect(detectMojibake(text).garbled, text.slice(0, 20)).toBe(false);
    }
  });

  it('says so when no decoding fits, instead of returning garbage as good text', () => {
    const noise = new Uint8Array(4000);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = 0x80 + ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 0x7f);
    const page = decodePageBytes(noise);
    expect(page.ok).toBe(false);
    expect(page.report.reason).toBeTruthy();
  });
});
