/**
 * The English shown after a term in the page, inside Yidu's own brackets: 五水共治 (Harnessing Five Waters).
 * Renderings with a bracketed aside of their own — "Harnessing Five Waters (Five-Water Co-Governance)",
 * "hidden (local government) debt", "Loan Prime Rate (LPR)" — would nest brackets inside Yidu's. The
 * aside is dropped instead ("Harnessing Five Waters", "hidden debt", "Loan Prime Rate"): inline text
 * should stay short and read on at a glance, and the card keeps the full rendering one hover away.
 * Where nothing would be left (the whole rendering is an aside), only the bracket signs go.
 */
const ASIDE = /\s*[(（][^()（）]*[)）]/g;
const BRACKET = /[()（）]/g;

export function inlineGlossText(english: string): string {
  // Innermost asides first, so a nested aside goes with the one around it.
  let text = english;
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(ASIDE, ' ');
  }
  text = tidy(text.replace(BRACKET, ''));
  return text || tidy(english.replace(BRACKET, ' '));
}

function tidy(text: string): string {
  return text.replace(/\s+([,;.:])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}
