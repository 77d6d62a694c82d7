/** A calm progress indicator; the text next to it (in a live region) says what is going on. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
