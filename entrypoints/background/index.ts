import { defineBackground } from '#imports';
import { registerBackgroundHandlers } from './handlers';
import { registerOnDemandTriggers } from './on-demand';

export default defineBackground({
  type: 'module',
  main() {
    registerBackgroundHandlers();
    registerOnDemandTriggers();
    // Read by `npm run bench`: how long this worker's start-up code took to evaluate, since it started.
    (globalThis as { __yiduStartupMs?: number }).__yiduStartupMs = performance.now();
  },
});
