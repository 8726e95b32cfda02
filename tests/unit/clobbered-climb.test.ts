// @vitest-environment jsdom
/**
 * Climbing a page's tree past a form whose fields shadow the properties read on the way. jsdom has no
 * named form properties, so the shadowing is made here with own properties on the form (what a field
 * named parentElement does in a browser: `form.parentElement` is the field, whose parent is the form).
 * tests/e2e/hostile-pages.test.ts checks the same in Chromium with real fields.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isPageChrome } from '@/lib/annotate/page-chrome';
import { isInsideSkipped } from '@/lib/annotate/blocks';
import { sentenceAround } from '@/lib/annotate/occurrences';
import { PageAnnotator } from '@/lib/annotate/annotator';
import { Matcher } from '@/lib/matcher/matcher';

const SHADOWED = ['parentElement', 'localName', 'tagName', 'getAttribute', 'closest', 'getBoundingClientRect', 'firstChild', 'nextSibling'];

/**
 * jsdom's selector engine (querySelector, closest) reads an element's parentElement, localName,
 * firstChild… as properties: a form shadowing those hangs or breaks jsdom itself, where a browser's
 * engine is native. The test that runs the annotator (which uses selectors) leaves them out; the
 * first test covers them without selectors, and the e2e test in a real browser covers all.
 */
const SHADOWED_FOR_JSDOM_SELECTORS = SHADOWED.filter((name) => !['parentElement', 'localName', 'firstChild', 'nextSibling'].includes(name));

/** A form whose own properties shadow `names` with its first field, as named fields do. */
function clobberedForm(inner: string, names = SHADOWED): HTMLFormElement {
  const form = document.createElement('form');
  form.innerHTML = `<input name="field">${inner}`;
  const field = form.firstElementChild!;
  for (const name of names) Object.defineProperty(form, name, { value: field, configurable: true });
  return form;
}

const matcher = new Matcher([{ id: 'double-eight-strategy', surfaces: ['八八战略'] }]);

describe('climbing past a form whose fields shadow what is read', () => {
  let annotator: PageAnnotator | undefined;
  afterEach(async () => {
    await annotator?.detach();
    annotator = undefined;
    document.body.replaceChildren();
  });

  it('tells page chrome and skipped text, without looping or throwing', () => {
    const nav = document.createElement('nav');
    const form = clobberedForm('<p><b>搜索：八八战略</b></p>');
    nav.append(form);
    document.body.append(nav);
    const b = form.querySelector('b')!;
    expect(isPageChrome(b)).toBe(true);
    expect(isInsideSkipped(b.firstChild!)).toBe(false);
    const article = document.createElement('article');
    const other = clobberedForm('<p><b>留言：八八战略</b></p>');
    article.append(other);
    document.body.append(article);
    expect(isPageChrome(other.querySelector('b'))).toBe(false);
  });

  it('marks text in such a form, as sent and added later, and reads a card\'s context there', async () => {
    const root = document.createElement('article');
    root.append(clobberedForm('<p id="sent">表单里的八八战略。</p>', SHADOWED_FOR_JSDOM_SELECTORS));
    document.body.append(root);
    annotator = new PageAnnotator(matcher, { mutationDelayMs: 0, inlineEnglish: 'first', english: new Map([['double-eight-strategy', 'Double-Eight Strategy']]) });
    await annotator.attach(root);
    const mark = root.querySelector('#sent yidu-mark')!;
    expect(mark.textContent).toBe('八八战略');
    // The page's sentence, without the inline English Yidu put after the mark.
    expect(root.querySelector('#sent yidu-gloss')).not.toBeNull();
    expect(sentenceAround(mark)).toBe('表单里的八八战略。');
    // A form the page adds later: the observer looks at it (is it Yidu's own?) and marks its text.
    root.append(clobberedForm('<p id="late">后来的八八战略。</p>', SHADOWED_FOR_JSDOM_SELECTORS));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    await annotator.idle();
    expect(root.querySelector('#late yidu-mark')?.textContent).toBe('八八战略');
  });
});
