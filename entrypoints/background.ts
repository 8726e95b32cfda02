import { defineBackground } from '#imports';
import { registerBackgroundHandlers } from '@/lib/background/handlers';

export default defineBackground({
  type: 'module',
  main() {
    registerBackgroundHandlers();
  },
});
