import { browser } from '#imports';
import { isCandidateId } from '@/lib/annotate/candidates';

/** Distinct terms per tab, summed over its frames (a same-origin iframe reports its own). */
export class TabBadges {
  private readonly frames = new Map<number, Map<number, Record<string, number>>>();

  async report(tabId: number, frameId: number, counts: Record<string, number>): Promise<void> {
    let byFrame = this.frames.get(tabId);
    if (!byFrame) this.frames.set(tabId, (byFrame = new Map()));
    byFrame.set(frameId, counts);
    const distinct = new Set<string>();
    for (const c of byFrame.values()) for (const id of Object.keys(c)) if (!isCandidateId(id)) distinct.add(id);
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a5a00' });
    await browser.action.setBadgeText({ tabId, text: distinct.size > 0 ? String(distinct.size) : '' });
  }

  /** The tab started loading another page: what its old frames said no longer counts. */
  forget(tabId: number): void {
    this.frames.delete(tabId);
  }
}
