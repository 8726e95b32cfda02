export { readingOf, pinyinOfWord, syllablesOf } from './reading';
export type { CharReading } from './reading';
export { numberedToMarks, syllableToMarks } from './tone-marks';
