import { defineBackground } from '#imports';
import { registerBackgroundHandlers } from '@/lib/background/handlers';
import { registerOnDemandTriggers } from '@/lib/background/on-demand';

export default defineBackground({
  type: 'module',
  main() {
    registerBackgroundHandlers();
    registerOnDemandTriggers();
  },
});
