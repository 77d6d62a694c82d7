import type { ReactNode } from 'react';

interface IconButtonProps {
  /** The accessible name; also the tooltip unless `title` says something shorter. */
  label: string;
  title?: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}

/** A toolbar button that shows only an icon: named for screen readers, with a tooltip. */
export function IconButton({ label, title, onClick, disabled, children }: IconButtonProps) {
  return (
    <button
      type="button"
      className="icon-button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={title ?? label}
    >
      {children}
    </button>
  );
}
