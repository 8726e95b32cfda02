/**
 * Registers the traditional→simplified fold pairs with the matcher (a side-effect import). Every
 * context that builds a matcher from the glossary imports it through the glossary store or the source
 * files; content scripts get the pairs in the pattern payload instead (see PatternPayload.foldPairs).
 */
import traditionalFold from '../../assets/traditional-fold.json';
import { registerTraditionalPairs } from './fold';

// An object, not a bare JSON string: the config loader (jiti) cannot import a top-level string.
registerTraditionalPairs((traditionalFold as { pairs: string }).pairs);
