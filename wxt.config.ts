import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { NEWS_SITE_MATCHES, LOCAL_MATCHES, AUTO_MATCHES } from './lib/sites';
import { readBuiltinGlossary } from './lib/glossary/source-files';
import { toShippedEntries } from './lib/glossary/shipped';
import { readingOf } from './lib/pinyin/reading';
import { validateGlossary } from './lib/glossary/validate';
import { writeDictionaryAsset } from './scripts/build-dictionary';
import { writePinyinChoices } from './scripts/pinyin-choices-asset';
import { builtinPatternPack } from './lib/glossary/store';
import { BUILTIN_PATTERNS_FILE, builtinPatternsScript } from './lib/glossary/builtin-patterns';
import packageJson from './package.json' with { type: 'json' };

// Differs between any two builds: stamps the content scripts' stored pattern pack (lib/glossary/pattern-cache.ts).
const BUILD_STAMP = Date.now().toString(36);

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  // Messages for the manifest (name, description, commands) from locales/*.yml, which are generated
  // from lib/i18n-messages.ts (`npm run i18n:locales`); the interface itself uses lib/i18n.ts.
  modules: ['@wxt-dev/i18n/module'],
  manifest: ({ browser, manifestVersion }) => ({
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // The content script is declared for a short list of news and government sites (and local pages);
    // anywhere else it runs only when the user asks, so no blanket host permission is requested.
    permissions: ['activeTab', 'storage', 'scripting', 'contextMenus'],
    // The same sites as the declared content script, which the install prompt names already: a script
    // the background registers needs them as host permissions (entrypoints/background/builtin-start.ts
    // hands those pages' top frames the built-in patterns at document_start).
    host_permissions: [...AUTO_MATCHES],
    // Asked for one site at a time, only when the user picks "Always on this site". MV2 (the Firefox
    // build) names them among optional_permissions: WXT drops optional_host_permissions there without
    // moving them, and Firefox then refused the request ("not declared in optional_permissions").
    ...(manifestVersion === 2 ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    commands: {
      'annotate-page': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandAnnotatePage__',
      },
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSavePage__',
      },
      'toggle-pinyin': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandTogglePinyin__',
      },
      'toggle-lookup': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandToggleLookup__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'yidu@yidu-reader.extension', strict_min_version: '115.0' } } }
      : {}),
  }),
  hooks: {
    // jieba's dictionary-laden .wasm (4 MB) ships once, as a file extension pages load by URL.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: resolve('node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm'), relativeDest: 'jieba_rs_wasm_bg.wasm' });
      // The built-in glossary ships as data, read once by each context's glossary store (not bundled
      // into every script). A build with broken glossary data fails here rather than in a reader's tab.
      const glossary = readBuiltinGlossary();
      const problems = validateGlossary(glossary);
      if (problems.length) throw new Error(`assets/glossary: ${problems.length} problems, first: ${JSON.stringify(problems[0])}`);
      const shipped = toShippedEntries(glossary, (text) => readingOf(text).map((r) => r.pinyin));
      files.push({ relativeDest: 'glossary.json', contents: JSON.stringify(shipped) });
      // The content scripts' pattern pack for the built-in entries, stamped with this build, as a script
      // a page's top frame can hold at document_start (lib/glossary/builtin-patterns.ts).
      const build = `${packageJson.version}+${BUILD_STAMP}`;
      files.push({ relativeDest: BUILTIN_PATTERNS_FILE, contents: builtinPatternsScript(JSON.stringify(builtinPatternPack(shipped, build))) });
      // CC-CEDICT packed for lookups (scripts/build-dictionary.ts), rebuilt only when its inputs change.
      const dictionary = writeDictionaryAsset(resolve('.wxt/dictionary.bin'));
      files.push({ absoluteSrc: dictionary, relativeDest: 'dictionary.bin' });
      // pinyin-pro's choices among CC-CEDICT's readings, for the background's pinyin (scripts/build-pinyin-choices.ts).
      files.push({ absoluteSrc: writePinyinChoices(resolve('.wxt/pinyin-choices.json'), dictionary), relativeDest: 'pinyin-choices.json' });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      // A sanity guard: the declared sites must stay in sync with lib/sites.ts.
      const scripts = manifest.content_scripts ?? [];
      if (!scripts.some((s) => s.matches?.includes(LOCAL_MATCHES[0]!) && s.matches.includes(NEWS_SITE_MATCHES[0]!)))
        throw new Error('content script matches are missing the default site list');
    },
  },
  vite: () => ({
    define: { __YIDU_BUILD__: JSON.stringify(BUILD_STAMP) },
    // YIDU_SOURCEMAP=1 npx wxt build: source maps, to see what each module adds to a bundle's size.
    build: process.env.YIDU_SOURCEMAP ? { sourcemap: true } : undefined,
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    plugins: [
      {
        // jieba-wasm's default loader names its .wasm with `new URL(…, import.meta.url)`, which makes
        // Vite inline 4 MB of base64 into the bundle. We always pass the URL to init(), so drop it.
        name: 'yidu:jieba-wasm-no-inline',
        transform(code: string, id: string) {
          if (!id.includes('jieba_rs_wasm.js')) return null;
          return code.replace("new URL('jieba_rs_wasm_bg.wasm', import.meta.url)", 'undefined');
        },
      },
      {
        // WXT's ContentScriptContext announces a content script's start twice: a CustomEvent on the
        // document, which WXT 0.20 and later listen for to stop an older copy of the script, and a
        // window.postMessage for scripts built with older WXT, which Yidu never was. That message only
        // reached the page, and being the script's first postMessage it made V8 collect the source
        // positions of the whole bundle (a re-parse of ~110 KB): 6–19 ms of every page's start, ahead of
        // the first marks, on the bench machine. A WXT whose code no longer matches fails the build here.
        name: 'yidu:wxt-no-legacy-started-message',
        transform(code: string, id: string) {
          if (!id.replaceAll('\\', '/').includes('/wxt/dist/utils/content-script-context.mjs')) return null;
          const legacy = /\n\t*window\.postMessage\(\{\s*type: ContentScriptContext\.SCRIPT_STARTED_MESSAGE_TYPE,[^}]*\}, "\*"\);/;
          if (!legacy.test(code)) throw new Error('wxt.config.ts: WXT\'s content-script-context.mjs changed; check whether its legacy start message is still posted');
          return code.replace(legacy, '');
        },
      },
    ],
  }),
});
