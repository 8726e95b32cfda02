import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectAnnotator } from '@/entrypoints/background/inject';
import { injectedOnRequest, ON_REQUEST_KEY } from '@/lib/page-start';

describe('the annotator injected on request (toolbar, shortcut, menu)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as Record<string, unknown>)[ON_REQUEST_KEY];
  });

  it('marks each frame as started on request before the content script runs there', async () => {
    const steps: string[] = [];
    vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockImplementation(async () => void steps.push('css'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) => {
      const { func, args, files, target } = injection as { func?: (...a: unknown[]) => void; args?: unknown[]; files?: string[]; target: { allFrames?: boolean } };
      expect(target.allFrames).toBe(true);
      if (func) {
        func(...(args ?? [])); // as the browser runs it, in the frame's content-script world
        steps.push('mark');
      } else {
        // What the content script sees when it starts.
        steps.push(`${files?.join()} on request: ${injectedOnRequest()}`);
      }
      return [];
    });
    expect(injectedOnRequest()).toBe(false);
    await injectAnnotator(7);
    expect(steps).toEqual(['css', 'mark', '/content-scripts/annotate.js on request: true']);
  });
});
