// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { hydratesAfterParsing } from '@/lib/annotate/hydration';

const pageWith = (head: string, body: string) => new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');

describe('pages whose scripts hydrate the server-rendered DOM', () => {
  it.each([
    ['Next.js (pages)', '', '<div id="__next"><p>坚持八八战略</p></div><script id="__NEXT_DATA__" type="application/json">{}</script>'],
    ['Next.js (app router)', '<script src="/_next/static/chunks/main-app.js" async></script>', '<main><p>坚持八八战略</p></main>'],
    ['Nuxt', '', '<div id="__nuxt"><p>坚持八八战略</p></div>'],
    ['Vue 2 server rendering', '', '<div id="app" data-server-rendered="true"><p>坚持八八战略</p></div>'],
    ['React 16 server rendering', '', '<div data-reactroot=""><p>坚持八八战略</p></div>'],
    ['React 16 server rendering, in its container', '', '<header>头部</header><div id="root"><div data-reactroot=""><p>坚持八八战略</p></div></div>'],
    ['Gatsby', '', '<div id="___gatsby"><p>坚持八八战略</p></div>'],
    ['Astro islands', '', '<astro-island><p>坚持八八战略</p></astro-island>'],
  ])('knows %s', (_name, head, body) => {
    expect(hydratesAfterParsing(pageWith(head, body))).toBe(true);
  });

  it('leaves a plain server page, and one with scripts of its own, to be marked at once', () => {
    expect(hydratesAfterParsing(pageWith('<script src="/js/jquery.min.js"></script>', '<div id="app"><p>坚持八八战略</p></div><script src="/static/next.js"></script>'))).toBe(false);
  });
});
