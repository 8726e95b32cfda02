// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { PageAnnotator } from '@/lib/annotate/annotator';
import { Matcher } from '@/lib/matcher/matcher';
import { sentenceAround } from '@/lib/annotate/occurrences';

const matcher = new Matcher([
  { id: 'double-eight-strategy', surfaces: ['八八战略'] },
  { id: 'five-water-co-governance', surfaces: ['五水共治'] },
]);
const english = new Map([
  ['double-eight-strategy', 'Double-Eight Strategy'],
  ['five-water-co-governance', 'Harnessing Five Waters (Five-Water Co-Governance)'],
]);

const PAGE = `
<header class="site-header"><div class="logo">八八战略</div></header>
<nav><a href="/">五水共治</a> <a href="/x">八八战略</a></nav>
<div class="layout">
  <aside><p>推进五水共治</p></aside>
  <article>
    <header><h1>坚持八八战略</h1></header>
    <p id="p1">推进五水共治，践行八八战略。</p>
    <p id="p2">五水共治成效明显。</p>
  </article>
  <div id="sidebar-right"><p>八八战略</p></div>
</div>
<footer><p>五水共治</p></footer>`;

async function annotate(inlineEnglish: 'first' | 'every') {
  document.body.innerHTML = PAGE;
  const annotator = new PageAnnotator(matcher, { inlineEnglish, english, mutationDelayMs: 0 });
  await annotator.attach(document.body);
  await annotator.idle();
  return annotator;
}

/** [the marked term, the gloss after it] for every gloss in `root`. */
function glosses(root: ParentNode) {
  return [...root.querySelectorAll('yidu-gloss')].map((g) => [g.previousElementSibling?.textContent, g.textContent]);
}

describe('inline English in the article only', () => {
  beforeEach(() => document.body.replaceChildren());

  it('glosses every occurrence in the article (its own header included) and none in header, nav, aside, sidebar or footer', async () => {
    const annotator = await annotate('every');
    const article = document.querySelector('article')!;
    expect(glosses(article)).toEqual([
      ['八八战略', ' (Double-Eight Strategy)'],
      ['五水共治', ' (Harnessing Five Waters)'],
      ['八八战略', ' (Double-Eight Strategy)'],
      ['五水共治', ' (Harnessing Five Waters)'],
    ]);
    expect(document.querySelectorAll('yidu-gloss').length).toBe(4);
    // Terms outside the article are still marked (cards, counts), only without inline English.
    expect(document.querySelectorAll('nav yidu-mark, aside yidu-mark, footer yidu-mark, .logo yidu-mark').length).toBe(5);
    expect(annotator.counts.get('five-water-co-governance')).toBe(5);
    await annotator.detach();
    expect(document.querySelectorAll('yidu-gloss, yidu-mark').length).toBe(0);
  });

  it('gives "first occurrence" to the first in the article, even when the menu has the term earlier', async () => {
    await annotate('first');
    expect(glosses(document.body)).toEqual([
      ['八八战略', ' (Double-Eight Strategy)'],
      ['五水共治', ' (Harnessing Five Waters)'],
    ]);
    expect(document.querySelector('article h1 yidu-gloss')).not.toBeNull();
    expect(document.querySelector('#p1 yidu-gloss')!.previousElementSibling!.textContent).toBe('五水共治');
  });

  it('never nests brackets', async () => {
    await annotate('every');
    for (const [, text] of glosses(document.body)) expect(text!.slice(2, -1)).not.toMatch(/[()]/);
  });

  it('leaves the inline English out of the sentence a card shows and saves with the term', async () => {
    const annotator = await annotate('every');
    const mark = document.querySelector('#p1 yidu-mark[data-yidu-term="double-eight-strategy"]')!;
    expect(document.querySelectorAll('#p1 yidu-gloss')).toHaveLength(2);
    expect(sentenceAround(mark)).toBe('推进五水共治，践行八八战略。');
    await annotator.detach();
  });
});
