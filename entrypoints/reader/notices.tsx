import type { ComponentChildren } from 'preact';
import { isProblem, type Problem } from '@/lib/problems';
import { problemLines } from '@/components/problem-text';

/**
 * What a view reports: results in a status region that is always in the page (so screen readers
 * announce each change), and problems in an alert.
 */
export function StatusLine({ children }: { children?: ComponentChildren }) {
  return (
    <p role="status" class="muted" style={{ minHeight: '1.2em', margin: '0.4em 0' }}>
      {children}
    </p>
  );
}

/** Problems found in data are worded here, in the interface language; plain strings are shown as they are. */
export function ProblemList({ title, problems }: { title: string; problems: readonly (string | Problem)[] }) {
  if (problems.length === 0) return null;
  const shown = problemLines(problems.map((p) => (isProblem(p) ? p : { key: 'problemVerbatim' as const, args: [p] })));
  return (
    <div role="alert" class="problems">
      <strong class="error">{title}</strong>
      {shown.length === 1 ? (
        <p style={{ margin: '0.3em 0 0' }}>{shown[0]}</p>
      ) : (
        <ul>
          {shown.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
