/** Small inline icons (no icon font, no remote file). Always decorative: the control carries the name. */
function Icon({ path }: { path: string }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={path} fill="currentColor" />
    </svg>
  );
}

export const RefreshIcon = () => (
  <Icon path="M8 2.5a5.5 5.5 0 1 0 5.3 7h-1.6A4 4 0 1 1 8 4a4 4 0 0 1 2.8 1.2L9 7h4.5V2.5l-1.6 1.6A5.5 5.5 0 0 0 8 2.5Z" />
);
export const CheckIcon = () => (
  <Icon path="M13.8 4.2a.75.75 0 0 1 0 1.06l-7 7a.75.75 0 0 1-1.06 0l-3.5-3.5a.75.75 0 1 1 1.06-1.06L6.25 10.7l6.47-6.47a.75.75 0 0 1 1.06 0Z" />
);
export const CheckAllIcon = () => (
  <Icon path="M10.8 4.2a.75.75 0 0 1 0 1.06l-5 5a.75.75 0 0 1-1.06 0l-2.5-2.5a.75.75 0 1 1 1.06-1.06L5.27 8.7l4.47-4.47a.75.75 0 0 1 1.06 0Zm3 1.5a.75.75 0 0 1 0 1.06l-5 5a.75.75 0 0 1-1.06 0l-.75-.75 1.06-1.06.22.22 4.47-4.47a.75.75 0 0 1 1.06 0Z" />
);
export const SearchIcon = () => (
  <Icon path="M7 2a5 5 0 0 1 3.96 8.05l2.8 2.8a.75.75 0 0 1-1.06 1.06l-2.8-2.8A5 5 0 1 1 7 2Zm0 1.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Z" />
);
export const GearIcon = () => (
  <Icon path="M7 1h2l.4 1.8 1.2.5 1.6-1 1.4 1.4-1 1.6.5 1.2L15 7v2l-1.8.4-.5 1.2 1 1.6-1.4 1.4-1.6-1-1.2.5L9 15H7l-.4-1.8-1.2-.5-1.6 1-1.4-1.4 1-1.6-.5-1.2L1 9V7l1.8-.4.5-1.2-1-1.6 1.4-1.4 1.6 1 1.2-.5L7 1Zm1 4.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z" />
);
export const PauseIcon = () => <Icon path="M4.5 3h2v10h-2V3Zm5 0h2v10h-2V3Z" />;
export const ExternalIcon = () => (
  <Icon path="M9 2h5v5h-1.5V4.56L7.53 9.53 6.47 8.47l4.97-4.97H9V2ZM3 4h4v1.5H3.5v7h7V9H12v4a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1Z" />
);
export const CopyIcon = () => (
  <Icon path="M5 1.5h7A1.5 1.5 0 0 1 13.5 3v8H12V3H5V1.5ZM3.5 4h6A1.5 1.5 0 0 1 11 5.5v7A1.5 1.5 0 0 1 9.5 14h-6A1.5 1.5 0 0 1 2 12.5v-7A1.5 1.5 0 0 1 3.5 4Zm0 1.5v7h6v-7h-6Z" />
);
export const BellIcon = () => (
  <Icon path="M8 1.5a4 4 0 0 1 4 4v2.7l1.3 2.3a.75.75 0 0 1-.65 1.1H3.35a.75.75 0 0 1-.65-1.1L4 8.2V5.5a4 4 0 0 1 4-4Zm-1.7 11.5h3.4a1.7 1.7 0 0 1-3.4 0Z" />
);
