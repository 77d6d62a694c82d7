/**
 * The Notifier port: shows one native notification ("toast"). Implementations: node-notifier
 * (node-notifier.ts); the Electron shell may add one over Electron's Notification.
 */

export interface Toast {
  /** Stable id of what the toast is about (account, work package, newest notification). */
  id: string;
  title: string;
  body: string;
  /** Opened in the browser when the toast is clicked (where the platform reports clicks). */
  url?: string;
}

export interface Notifier {
  /** Resolves once the toast was handed to the system; rejects with a user-facing Error if not. */
  notify(toast: Toast): Promise<void>;
  /** Called when the user clicks a toast; returns the function that unsubscribes. */
  onClick(listener: (toast: Toast) => void): () => void;
  /** Whether this platform tells us about clicks at all. */
  readonly reportsClicks: boolean;
}
