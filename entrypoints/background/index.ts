import { defineBackground } from '#imports';
import { registerBackgroundHandlers } from './handlers';
import { registerOnDemandTriggers } from './on-demand';

export default defineBackground({
  type: 'module',
  main() {
    registerBackgroundHandlers();
    registerOnDemandTriggers();
  },
});
