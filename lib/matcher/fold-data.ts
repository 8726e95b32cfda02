/**
 * Registers the traditional→simplified fold pairs with the matcher (a side-effect import). Every
 * context that builds a matcher from the glossary imports it through the glossary store or the source
 * files; content scripts need none: the pattern pack carries the matcher's symbol table, made with them
 * (lib/glossary/pattern-pack.ts).
 */
import traditionalFold from '../../assets/traditional-fold.json';
import { registerTraditionalPairs } from './fold';

// An object, not a bare JSON string: the config loader (jiti) cannot import a top-level string.
registerTraditionalPairs((traditionalFold as { pairs: string }).pairs);
