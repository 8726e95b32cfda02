import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  label: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A confirm step inside the page (window.confirm cannot be styled or read in context). Focus moves
 * to the safe choice, so a stray Enter keeps the data; Escape cancels.
 */
export function ConfirmBox({ label, children, confirmLabel, cancelLabel, onConfirm, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="confirm-box"
      role="group"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <div style={{ margin: '0 0 0.4em' }}>{children}</div>
      <div class="view-actions">
        <button type="button" class="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
