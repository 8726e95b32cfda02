import { describe, expect, it } from 'vitest';
import { inlineGlossText } from '@/lib/annotate/gloss-text';

describe('inlineGlossText: inline English without nested brackets', () => {
  it.each([
    ['Double-Eight Strategy', 'Double-Eight Strategy'],
    ['Harnessing Five Waters (Five-Water Co-Governance)', 'Harnessing Five Waters'],
    ['hidden (local government) debt', 'hidden debt'],
    ['Loan Prime Rate (LPR)', 'Loan Prime Rate'],
    ['technological upgrading (of existing plants), and more', 'technological upgrading, and more'],
    ['full-width（全角）brackets', 'full-width brackets'],
    ['an aside (with (a nested) aside) here', 'an aside here'],
  ])('%s → %s', (english, shown) => {
    expect(inlineGlossText(english)).toBe(shown);
  });

  it('keeps the words when the whole rendering is an aside, dropping only the bracket signs', () => {
    expect(inlineGlossText('(provisional)')).toBe('provisional');
  });

  it('never leaves a bracket sign behind, even unbalanced', () => {
    for (const english of ['a (b', 'a b)', '((x) y', 'z (y (x)']) expect(inlineGlossText(english)).not.toMatch(/[()（）]/);
  });
});
