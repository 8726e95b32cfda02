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

  it('registers the early script at document_start beside the annotating one, on granted sites only', async () => {
    await setSiteMode('news.example', 'always');
    await setSiteMode('denied.example', 'always');
    await setSiteMode('other.example', 'never');
    await syncSiteScripts();
    expect(byId()).toEqual({
      'yidu-early-news.example': 'document_start content-scripts/early-read.js *://news.example/*',
      'yidu-site-news.example': 'document_start content-scripts/annotate.js *://news.example/*',
    });
  });

  it('adds the early script to a site registered before it existed, moves the annotating one to document_start, and removes both when the site is no longer "always"', async () => {
    registered = [{ id: 'yidu-site-news.example', js: ['content-scripts/annotate.js'], runAt: 'document_idle', matches: ['*://news.example/*'] }];
    await setSiteMode('news.example', 'always');
    await syncSiteScripts();
    expect(Object.keys(byId()).sort()).toEqual(['yidu-early-news.example', 'yidu-site-news.example']);
    // Registered then at document_idle, now at document_start, as the declared script.
    expect(byId()['yidu-site-news.example']).toBe('document_start content-scripts/annotate.js *://news.example/*');
    await syncSiteScripts();
    expect(registered).toHaveLength(2);
    await setSiteMode('news.example', undefined);
    await syncSiteScripts();
    expect(registered).toEqual([]);
  });
});
