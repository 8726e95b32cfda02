// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageAnnotator } from '@/lib/annotate/annotator';
import { Matcher, type MatchSpan } from '@/lib/matcher/matcher';
import { compileGuards, GuardedFinder } from '@/lib/glossary/guards';

/**
 * The content script's case: 人大 counts only as a whole word, and the segmenter that says so answers
 * later (it lives in the background). Until then its blocks wait; the answer re-marks those blocks
 * and leaves every other mark on the page as it was.
 */
const matcher = new Matcher([
  { id: 'npc', surfaces: ['人大'] },
  { id: 'common-prosperity', surfaces: ['共同富裕'] },
]);
const answers = new Map<string, boolean>(); // sentence → is 人大 a whole word there
const finder = new GuardedFinder(matcher, compileGuards({ npc: { 人大: { wholeWord: true } } }), (sentence) => answers.get(sentence));

const marks = (root: Element) => [...root.querySelectorAll('yidu-mark')].map((m) => m.textContent);

describe('annotator re-marking only the blocks that waited for an answer', () => {
  let root: HTMLElement;
  let annotator: PageAnnotator;
  beforeEach(() => {
    answers.clear();
    finder.pending.clear();
    root = document.createElement('div');
    document.body.replaceChildren(root);
  });
  afterEach(() => annotator.detach());

  it('marks a held whole word once answered, without touching the other blocks', async () => {
    root.innerHTML = '<p id="a">共同富裕示范区</p><p id="b">市人大常委会推进共同富裕</p><p id="c">男人大声说话</p>';
    annotator = new PageAnnotator(finder, {});
    await annotator.attach(root);
    expect(marks(root)).toEqual(['共同富裕', '共同富裕']);
    expect([...finder.pending].sort()).toEqual(['市人大常委会推进共同富裕', '男人大声说话']);
    const untouched = root.querySelector('#a yidu-mark');
    const waitingMark = root.querySelector('#b yidu-mark');

    answers.set('市人大常委会推进共同富裕', true);
    answers.set('男人大声说话', false);
    await annotator.recheckWaiting();

    expect(marks(root)).toEqual(['共同富裕', '人大', '共同富裕']);
    expect(root.querySelector('#a yidu-mark')).toBe(untouched); // never taken off
    expect(root.querySelector('#b yidu-mark')).not.toBe(waitingMark); // its block was marked again
    expect(root.querySelector('#c')!.innerHTML).toBe('男人大声说话');
    expect(annotator.counts.get('npc')).toBe(1);
    expect(annotator.counts.get('common-prosperity')).toBe(2);
    await annotator.detach();
    expect(root.innerHTML).toBe('<p id="a">共同富裕示范区</p><p id="b">市人大常委会推进共同富裕</p><p id="c">男人大声说话</p>');
  });

  it('leaves a waiting block whose marks come out the same as they are, and counts it once', async () => {
    root.innerHTML = '<p id="a">男人大声说<b>共同</b>富裕了</p><p id="b">市人大推进共同富裕</p>';
    annotator = new PageAnnotator(finder, {});
    await annotator.attach(root);
    expect(marks(root)).toEqual(['共同', '富裕', '共同富裕']); // one occurrence in two pieces, across <b>
    const pieces = [...root.querySelectorAll('#a yidu-mark')];
    const other = root.querySelector('#b yidu-mark');
    const mutations: MutationRecord[] = [];
    const seen = new MutationObserver((records) => mutations.push(...records));
    seen.observe(root.querySelector('#a')!, { childList: true, subtree: true, characterData: true });

    answers.set('男人大声说共同富裕了', false);
    answers.set('市人大推进共同富裕', true);
    await annotator.recheckWaiting();
    await Promise.resolve();
    seen.disconnect();

    expect(mutations).toHaveLength(0); // #a: the same marks, never taken off
    expect([...root.querySelectorAll('#a yidu-mark')]).toEqual(pieces);
    expect(root.querySelector('#b yidu-mark')).not.toBe(other); // #b gained 人大: marked again
    expect(marks(root)).toEqual(['共同', '富裕', '人大', '共同富裕']);
    expect(annotator.counts.get('common-prosperity')).toBe(2);
    expect(annotator.counts.get('npc')).toBe(1);
    const recheck = performance.getEntriesByName('yidu:recheck').at(-1) as PerformanceMeasure;
    expect(recheck.detail).toMatchObject({ runs: 2, kept: 1 });
    await annotator.detach();
    expect(root.innerHTML).toBe('<p id="a">男人大声说<b>共同</b>富裕了</p><p id="b">市人大推进共同富裕</p>');
  });

  it('re-marks a block held by the candidate finder, and nothing when nothing waited', async () => {
    root.innerHTML = '<p>推进“四港联动”建设</p><p>共同富裕</p>';
    const kinds = new Map<string, 'unknown' | 'word'>();
    let asked = 0;
    annotator = new PageAnnotator(finder, {
      findCandidates: (text, _spans, onWaiting) => {
        const found: MatchSpan[] = [];
        const at = text.indexOf('四港联动');
        if (at < 0) return found;
        const kind = kinds.get('四港联动');
        if (kind === undefined) {
          asked++;
          onWaiting();
        } else if (kind === 'unknown') found.push({ start: at, end: at + 4, id: 'candidate:四港联动' });
        return found;
      },
    });
    await annotator.attach(root);
    expect(marks(root)).toEqual(['共同富裕']);
    expect(asked).toBe(1);
    kinds.set('四港联动', 'unknown');
    await annotator.recheckWaiting();
    expect(marks(root)).toEqual(['四港联动', '共同富裕']);
    expect(annotator.counts.get('candidate:四港联动')).toBe(1);
    const before = root.innerHTML;
    await annotator.recheckWaiting(); // nothing waits now: the page stays as it is
    expect(root.innerHTML).toBe(before);
    expect(asked).toBe(1);
  });

  it('keeps the inline English of a term’s first occurrence when its block is marked again', async () => {
    root.innerHTML = '<p id="a">市人大推进共同富裕</p><p id="b">共同富裕</p>';
    annotator = new PageAnnotator(finder, { inlineEnglish: 'first', english: new Map([['common-prosperity', 'common prosperity']]) });
    await annotator.attach(root);
    expect(root.querySelectorAll('#a yidu-gloss')).toHaveLength(1);
    answers.set('市人大推进共同富裕', true);
    await annotator.recheckWaiting();
    expect(marks(root)).toEqual(['人大', '共同富裕', '共同富裕']);
    expect(root.querySelectorAll('#a yidu-gloss')).toHaveLength(1); // given again, where it was
    expect(root.querySelectorAll('yidu-gloss')).toHaveLength(1);
  });
});
