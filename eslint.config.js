import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A content script runs in the web page's origin: IndexedDB there is the site's, not ours,
    // and heavy modules (jieba, the full glossary) would bloat every tab.
    files: ['entrypoints/*.content/**', 'lib/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/lib/db/**', '@/lib/db/**', 'idb'], message: 'Content scripts must not open IndexedDB.' },
            { group: ['jieba-wasm*', 'opencc-js', 'pinyin-pro', '**/glossary/builtin*'], message: 'Keep the content script light: ask the background.' },
          ],
        },
      ],
    },
  },
);
