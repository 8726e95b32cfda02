// The annotate CLI (a stable contract that evaluation tools use):
//   npm run --silent annotate -- FILE            → JSON [{start,end,id,term}] (UTF-16 offsets into FILE's text)
//   npm run --silent annotate -- --summary FILE  → a table of terms with counts
//   npm run --silent annotate -- --entries       → every glossary entry as a JSON array
// An unreadable or non-UTF-8 file exits 2 with a one-line message on stderr.
import { runAnnotateCli } from '@/lib/cli/annotate-cli';

process.exitCode = runAnnotateCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
