// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectRuns, RunWalker } from '@/lib/annotate/blocks';

const texts = (runs: { text: string }[]) => runs.map((run) => run.text);

// Counts the tree steps the walker takes (it reads Node's own getters, so a page's fields cannot
// shadow them): installed before the walker first reads them.
let steps = 0;
for (const name of ['firstChild', 'nextSibling', 'lastChild', 'previousSibling']) {
  const getter = Object.getOwnPropertyDescriptor(Node.prototype, name)!.get!;
  Object.defineProperty(Node.prototype, name, {
    configurable: true,
    get(this: Node) {
      steps++;
      return getter.call(this);
    },
  });
}

describe('the run walker', () => {
  it('stops at its deadline inside one parent of thousands of children, and goes on to the same runs', () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>第${i}段，<b>八八战略</b>和义新欧。</p>`).join('');
    const whole = collectRuns(document.body);
    const walker = new RunWalker(document.body);
    let calls = 0;
    let mostSteps = 0;
    // A deadline already past: each call walks only until the clock is next read (every 256 nodes),
    // never stepping through all 3,000 children of the body in one call.
    for (let done = false; !done; calls++) {
      steps = 0;
      done = walker.walk(0);
      mostSteps = Math.max(mostSteps, steps);
    }
    expect(calls).toBeGreaterThan(10);
    expect(mostSteps).toBeLessThan(1000);
    expect(texts(walker.runs)).toEqual(texts(whole));
    expect(whole).toHaveLength(3000);
    expect(whole[2999]!.text).toBe('第2999段，八八战略和义新欧。');
  });

  it('visits nested blocks and inline children in document order', () => {
    document.body.innerHTML = '<div>甲<p>乙<i>丙</i></p>丁<ul><li>戊</li><li>己<script>x</script>庚</li></ul></div>辛';
    // A script is skipped without ending the run it sits in.
    expect(texts(collectRuns(document.body))).toEqual(['甲', '乙丙', '丁', '戊', '己庚', '辛']);
  });
});
