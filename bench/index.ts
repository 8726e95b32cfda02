// `npm run bench`: prints figures for the speed targets (never asserts on time).
import { benchMatcher } from './matcher.bench';

console.log(`Yidu benchmarks — node ${process.version}, ${new Date().toISOString()}`);
benchMatcher();
