import type { ComponentChildren } from 'preact';

/** Reader sections beyond the library and the glossary (vocabulary, your entries, backup). */
export const EXTRA_TABS: { id: string; label: string; render(): ComponentChildren }[] = [];
