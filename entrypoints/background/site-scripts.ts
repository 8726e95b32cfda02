import { browser } from '#imports';
import { getSettings, type Settings } from '@/lib/settings';

/** Registered script ids, per host: the annotating script, and the early read an older version registered beside it. */
const ANNOTATE_PREFIX = 'yidu-site-';
const EARLY_PREFIX = 'yidu-early-';

type Registration = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

/** The hosts set to "always" whose permission the user granted (and has not taken back). */
export async function grantedAlwaysHosts(siteModes: Settings['siteModes']): Promise<string[]> {
  const hosts: string[] = [];
  for (const [host, mode] of Object.entries(siteModes)) {
    if (mode === 'always' && (await browser.permissions.contains({ origins: [`*://${host}/*`] }))) hosts.push(host);
  }
  return hosts;
}

/**
 * "Always on this site" for a site off the default list: the content script registered for that
 * host, which the user granted from the popup, kept in step with the settings. At document_start, as
 * on the declared sites: it begins its storage read and notes the first scroll then, so these sites'
 * first marks wait no more than the declared sites' do.
 */
export async function syncSiteScripts(): Promise<void> {
  const { siteModes } = await getSettings();
  const wanted = new Map<string, Registration>();
  for (const hostname of await grantedAlwaysHosts(siteModes)) {
    wanted.set(ANNOTATE_PREFIX + hostname, {
      id: ANNOTATE_PREFIX + hostname,
      matches: [`*://${hostname}/*`],
      js: ['content-scripts/annotate.js'],
      css: ['content-scripts/annotate.css'],
      allFrames: true,
      runAt: 'document_start', // as declared: it waits for DOMContentLoaded (entrypoints/annotate.content)
    });
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = (id: string) => id.startsWith(ANNOTATE_PREFIX) || id.startsWith(EARLY_PREFIX);
  // A script registered by an older version to run at another time is registered again, and its
  // early-read script (now part of the annotating one) is removed.
  const stale = registered.filter((s) => ours(s.id) && s.runAt !== wanted.get(s.id)?.runAt).map((s) => s.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(registered.map((s) => s.id).filter((id) => !stale.includes(id)));
  const add = [...wanted.values()].filter((script) => !have.has(script.id));
  if (add.length) await browser.scripting.registerContentScripts(add);
}
