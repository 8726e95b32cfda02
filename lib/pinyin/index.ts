export { readingOf, pinyinOfWord } from './reading';
export type { CharReading } from './reading';
export { numberedToMarks, syllableToMarks } from './tone-marks';
