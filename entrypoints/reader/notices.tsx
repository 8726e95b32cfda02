import type { ComponentChildren } from 'preact';
import { firstProblems } from '@/lib/field-checks';

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

export function ProblemList({ title, problems }: { title: string; problems: readonly string[] }) {
  if (problems.length === 0) return null;
  const shown = firstProblems(problems);
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
