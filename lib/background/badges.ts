import { browser } from '#imports';
import { isCandidateId } from '../annotate/candidates';

/** Distinct terms per tab, summed over its frames (a same-origin iframe reports its own). */
export class TabBadges {
  private readonly frames = new Map<number, Map<number, Record<string, number>>>();
  private readonly topUrls = new Map<number, string>();

  async report(tabId: number, frameId: number, url: string, counts: Record<string, number>): Promise<void> {
    let byFrame = this.frames.get(tabId);
    if (!byFrame) this.frames.set(tabId, (byFrame = new Map()));
    if (frameId === 0 && this.topUrls.get(tabId) !== url) {
      byFrame.clear(); // the tab moved to another page: what its old frames said no longer counts
      this.topUrls.set(tabId, url);
    }
    byFrame.set(frameId, counts);
    const distinct = new Set<string>();
    for (const c of byFrame.values()) for (const id of Object.keys(c)) if (!isCandidateId(id)) distinct.add(id);
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a5a00' });
    await browser.action.setBadgeText({ tabId, text: distinct.size > 0 ? String(distinct.size) : '' });
  }

  forget(tabId: number): void {
    this.frames.delete(tabId);
    this.topUrls.delete(tabId);
  }
}
