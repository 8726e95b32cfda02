import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncSiteScripts } from '@/entrypoints/background/site-scripts';
import { setSiteMode } from '@/lib/settings';

type Script = { id: string; js?: string[]; css?: string[]; runAt?: string; matches?: string[] };

describe('the scripts registered for sites set to "Always on this site"', () => {
  let registered: Script[];

  beforeEach(() => {
    fakeBrowser.reset();
    registered = [];
    // The browser's side, in memory: the popup asked for these hosts and was granted all but one.
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins }) => origins?.[0] !== '*://denied.example/*');
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => registered.map((s) => ({ ...s })) as never);
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => void registered.push(...(scripts as Script[])));
    vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
      registered = registered.filter((s) => !filter?.ids?.includes(s.id));
    });
  });

  const byId = () => Object.fromEntries(registered.map((s) => [s.id, `${s.runAt} ${s.js?.join(',')} ${s.matches?.join(',')}`]));

  it('registers the annotating script at document_start, on granted sites only', async () => {
    await setSiteMode('news.example', 'always');
    await setSiteMode('denied.example', 'always');
    await setSiteMode('other.example', 'never');
    await syncSiteScripts();
    expect(byId()).toEqual({
      'yidu-site-news.example': 'document_start content-scripts/annotate.js *://news.example/*',
    });
  });

  it('moves an older version\'s registration to document_start without its early-read script, and removes it when the site is no longer "always"', async () => {
    registered = [
      { id: 'yidu-site-news.example', js: ['content-scripts/annotate.js'], runAt: 'document_idle', matches: ['*://news.example/*'] },
      { id: 'yidu-early-news.example', js: ['content-scripts/early-read.js'], runAt: 'document_start', matches: ['*://news.example/*'] },
    ];
    await setSiteMode('news.example', 'always');
    await syncSiteScripts();
    expect(byId()).toEqual({ 'yidu-site-news.example': 'document_start content-scripts/annotate.js *://news.example/*' });
    await syncSiteScripts();
    expect(registered).toHaveLength(1);
    await setSiteMode('news.example', undefined);
    await syncSiteScripts();
    expect(registered).toEqual([]);
  });
});
