import { useRef } from 'preact/hooks';

/**
 * A plain button that opens the file chooser: keyboard users reach it like any other button, and
 * the input's own "No file chosen" text stays out of the way.
 */
export function FileButton({ label, accept, disabled, onFile }: { label: string; accept: string; disabled?: boolean; onFile(file: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so choosing the same file again (after fixing it) fires again.
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
