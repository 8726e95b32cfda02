export { Dictionary, openDictionary } from './reader';
export type { DictionaryEntry, DictionaryRef, WordMatch } from './reader';
