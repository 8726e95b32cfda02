// @vitest-environment jsdom
/**
 * A card's occurrences on a page whose far-off marks are drawn (lib/annotate/occurrences.ts): marks and
 * drawn occurrences in one list in document order, a drawn one made an element only when visited.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { occurrenceElement, occurrenceListOf, registerDrawnOccurrences, revealFirst, type DrawnOccurrence } from '@/lib/annotate/occurrences';

// jsdom has neither.
if (!globalThis.CSS?.escape) Object.defineProperty(window, 'CSS', { value: { escape: (s: string) => s }, configurable: true });
Element.prototype.scrollIntoView ??= () => {};

let unregister: (() => void) | undefined;
afterEach(() => unregister?.());

/** A drawn occurrence at `offset` of the first text node of `selector`, counting the times it was made. */
function drawnAt(selector: string, offset: number, made: string[]): DrawnOccurrence {
  const node = document.querySelector(selector)!.firstChild as Text;
  return {
    node,
    offset,
    make: () => {
      made.push(`${selector}@${offset}`);
      const mark = document.createElement('yidu-mark');
      mark.setAttribute('data-yidu-term', 'five-water-co-governance');
      node.parentElement!.append(mark);
      return mark;
    },
  };
}

describe('occurrence lists', () => {
  it('lists marks and drawn occurrences in document order, making a drawn one a mark only when visited', () => {
    document.body.innerHTML = [
      '<p id="a">五水共治，再说五水共治</p>',
      '<p id="b"><yidu-mark data-yidu-term="five-water-co-governance" data-yidu-occurrence="7">五水共治</yidu-mark></p>',
      '<p id="c">五水共治</p>',
      '<p id="d"><yidu-mark data-yidu-term="five-water-co-governance" data-yidu-occurrence="9">五水</yidu-mark><yidu-mark data-yidu-term="five-water-co-governance" data-yidu-occurrence="9">共治</yidu-mark></p>',
    ].join('');
    const made: string[] = [];
    // Given out of document order, as a screen-first pass draws them.
    const drawn = [drawnAt('#c', 0, made), drawnAt('#a', 7, made), drawnAt('#a', 0, made)];
    unregister = registerDrawnOccurrences((id) => (id === 'five-water-co-governance' ? drawn : []));
    const list = occurrenceListOf(document.body, 'five-water-co-governance');
    const describe = (o: (typeof list)[number]) => ('make' in o ? `drawn ${o.node.parentElement!.id}@${o.offset}` : `mark ${o.parentElement!.id}`);
    expect(list.map(describe)).toEqual(['drawn a@0', 'drawn a@7', 'mark b', 'drawn c@0', 'mark d']);
    expect(made).toEqual([]);
    expect(occurrenceElement(list[3]!)?.localName).toBe('yidu-mark');
    expect(made).toEqual(['#c@0']);
    expect(occurrenceElement(list[2]!)).toBe(document.querySelector('#b yidu-mark'));
    expect(made).toEqual(['#c@0']);
    // The popup's "show first occurrence" makes the first one only.
    expect(revealFirst(document.body, 'five-water-co-governance')).toBe(true);
    expect(made).toEqual(['#c@0', '#a@0']);
  });
});
