// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { collectRuns } from '@/lib/annotate/blocks';
import { newLedger, unwrapAll, unwrapWrappers, wrapSpans } from '@/lib/annotate/wrap';
import { wrappersOnScreen } from '@/lib/annotate/screen-order';
import { wrapRuby } from '@/lib/annotate/pinyin-ruby';
import { Matcher } from '@/lib/matcher/matcher';

const matcher = new Matcher([
  { id: 'double-eight-strategy', surfaces: ['八八战略'] },
  { id: 'five-water-co-governance', surfaces: ['五水共治'] },
  { id: 'yixinou-railway', surfaces: ['义新欧', '义新欧班列'] },
]);

function annotate(root: Element) {
  const ledger = newLedger();
  for (const run of collectRuns(root)) wrapSpans(run, matcher.find(run.text), ledger);
  return ledger;
}

function marks(root: Element) {
  return [...root.querySelectorAll('yidu-mark')].map((m) => [
    m.textContent,
    m.getAttribute('data-yidu-term'),
    m.getAttribute('data-yidu-occurrence'),
  ]);
}

describe('DOM walker and wrapper', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.replaceChildren(root);
  });

  it('wraps a term in a mark with its entry id and occurrence number', () => {
    root.innerHTML = '<p>忠实践行八八战略，深化五水共治。</p>';
    annotate(root);
    expect(marks(root)).toEqual([
      ['八八战略', 'double-eight-strategy', '1'],
      ['五水共治', 'five-water-co-governance', '2'],
    ]);
  });

  it('finds a term split across inline elements and gives its pieces one occurrence number', () => {
    root.innerHTML = '<p>践行<a href="#x">八八</a><span><font>战</font></span>略</p>';
    annotate(root);
    expect(marks(root)).toEqual([
      ['八八', 'double-eight-strategy', '1'],
      ['战', 'double-eight-strategy', '1'],
      ['略', 'double-eight-strategy', '1'],
    ]);
    expect(root.querySelector('a yidu-mark')).not.toBeNull();
  });

  it('makes only the first piece of each occurrence focusable (a button out of the tab order)', () => {
    root.innerHTML = '<p>践行<a href="#x">八八</a><span><font>战</font></span>略，深化五水共治。再说八八<b>战略</b>。</p>';
    annotate(root);
    const focusable = [...root.querySelectorAll('yidu-mark')].map((m) => [m.textContent, m.getAttribute('tabindex'), m.getAttribute('role')]);
    expect(focusable).toEqual([
      ['八八', '-1', 'button'],
      ['战', null, null],
      ['略', null, null],
      ['五水共治', '-1', 'button'],
      ['八八', '-1', 'button'],
      ['战略', null, null],
    ]);
  });

  it('finds a term broken by a line break or <br> inside one block', () => {
    root.innerHTML = '<p>义新\n欧班列</p><p>八八<br>战略</p>';
    annotate(root);
    expect(marks(root).map((m) => m[1])).toEqual(['yixinou-railway', 'double-eight-strategy', 'double-eight-strategy']);
  });

  it('never matches across a block boundary', () => {
    root.innerHTML = '<p>八八</p><p>战略</p><li>五水</li><li>共治</li>';
    annotate(root);
    expect(marks(root)).toEqual([]);
  });

  it('leaves scripts, styles, inputs, textareas, code, contenteditable regions and SVG untouched', () => {
    root.innerHTML =
      '<script>var a="八八战略"</script><style>/*八八战略*/</style><textarea>八八战略</textarea>' +
      '<input value="八八战略"><code>八八战略</code><div contenteditable="true">八八战略</div>' +
      '<svg><text>八八战略</text></svg><select><option>八八战略</option></select><noscript>八八战略</noscript>';
    const before = root.innerHTML;
    annotate(root);
    expect(marks(root)).toEqual([]);
    expect(root.innerHTML).toBe(before);
  });

  it('restores the DOM exactly when unwrapped, keeping the original elements and text nodes', () => {
    root.innerHTML = '<p id="p">前文<a href="#x">八八</a>战略后文，五水共治与义新欧班列。</p><ul><li>八八战略</li></ul>';
    const before = root.innerHTML;
    const link = root.querySelector('a')!;
    const firstText = root.querySelector('p')!.firstChild!;
    let clicks = 0;
    link.addEventListener('click', () => clicks++);
    const ledger = annotate(root);
    expect(root.innerHTML).not.toBe(before);
    expect(root.querySelector('a')).toBe(link);
    unwrapAll(ledger);
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')!.firstChild).toBe(firstText);
    expect(root.querySelector('p')!.childNodes.length).toBe(3);
    link.click();
    expect(clicks).toBe(1);
  });

  it('undoes the marks on screen first, with the ruby over them, then the rest exactly', () => {
    // jsdom lays nothing out: each paragraph gets a fake position, 300 px apart, the screen 768 px high.
    const tops = [-900, -600, -300, 0, 300, 600, 900, 1200];
    root.innerHTML = tops.map((top) => `<p data-top="${top}">第${top}段：八八战略，五水共治。</p>`).join('');
    const before = root.innerHTML;
    const ledger = annotate(root);
    // A second layer over the marks' text, as the pinyin puts ruby over a term: one word per run.
    const rubies = newLedger();
    for (const run of collectRuns(root, undefined, new Set(['YIDU-MARK']))) {
      const at = run.text.indexOf('八八');
      wrapRuby(run, [{ start: at, end: at + 2 }], [...run.text].map(() => 'bā'), 'off', rubies);
    }
    expect(root.querySelectorAll('yidu-mark ruby').length).toBeGreaterThan(0);
    const rect = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      const top = Number(this.closest('p')?.getAttribute('data-top') ?? 0);
      return { top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top, toJSON() {} } as DOMRect;
    };
    try {
      const onScreen = wrappersOnScreen(root, 'yidu-mark');
      expect(onScreen.map((m) => m.closest('p')!.getAttribute('data-top'))).toEqual(['0', '0', '300', '300', '600', '600']);
      unwrapWrappers(onScreen);
    } finally {
      Element.prototype.getBoundingClientRect = rect;
    }
    const marked = [...root.querySelectorAll('p')].filter((p) => p.querySelector('yidu-mark')).map((p) => p.getAttribute('data-top'));
    expect(marked).toEqual(['-900', '-600', '-300', '900', '1200']);
    expect(root.querySelector('p[data-top="0"]')!.innerHTML).toBe('第0段：八八战略，五水共治。');
    unwrapAll(rubies);
    unwrapAll(ledger);
    expect(root.innerHTML).toBe(before);
  });

  it('marks nothing twice when run again over an annotated tree', () => {
    root.innerHTML = '<p>八八战略</p>';
    annotate(root);
    annotate(root);
    expect(root.querySelectorAll('yidu-mark').length).toBe(1);
    expect(root.querySelector('yidu-mark yidu-mark')).toBeNull();
  });
});
