import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BridgeError,
  DecideWeakSecretStorageRequest,
  SecretStorageStatus,
} from '../../../preload/contract';
import { useBridge, useBridgeEvent } from '../bridge/BridgeContext';
import { ErrorMessage } from '../components/ErrorMessage';

/**
 * Where sign-ins are kept (main's answer, then its pushed changes); null until main answered.
 * The setter takes the status a command answered with.
 */
export function useSecretStorage(): [
  SecretStorageStatus | null,
  (status: SecretStorageStatus) => void,
] {
  const bridge = useBridge();
  const [status, setStatus] = useState<SecretStorageStatus | null>(null);
  const pushed = useRef(false);
  useEffect(() => {
    void bridge.getSecretStorage().then((result) => {
      if (result.ok && !pushed.current) setStatus(result.value);
    });
  }, [bridge]);
  useBridgeEvent('secretStorageChanged', (next) => {
    pushed.current = true;
    setStatus(next);
  });
  return [status, setStatus];
}

type Decision = DecideWeakSecretStorageRequest['decision'];

/**
 * Shown while sign-ins would be stored with weak protection (no keyring on Linux): what that means,
 * how to fix it, and the user's two choices (store weakly, or set up a keyring first). Renders
 * nothing when the secrets are in a keychain.
 */
export function SecretStorageBanner({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const id = useId();
  const [status, setStatus] = useSecretStorage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const [saved, setSaved] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (!status?.weak) return null;

  const decide = async (decision: Decision) => {
    setBusy(true);
    setError(null);
    setSaved('');
    const result = await bridge.decideWeakSecretStorage({ decision });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setStatus(result.value);
    setSaved(
      decision === 'accepted' ? t('secretStorage.savedAccepted') : t('secretStorage.savedDeclined'),
    );
    // The buttons change with the decision: keep the focus in the banner.
    headingRef.current?.focus();
  };

  const { decision } = status;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const choice = (next: Decision, label: string) => (
    <button type="button" disabled={busy} onClick={() => void decide(next)}>
      {label}
    </button>
  );

  return (
    <section
      className="message message-warning secret-storage"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
    >
      <Heading id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {decision === 'accepted' ? t('secretStorage.acceptedTitle') : t('secretStorage.title')}
      </Heading>
      <div id={`${id}-body`}>
        <p>
          {decision === 'accepted'
            ? t('secretStorage.acceptedBody')
            : decision === 'declined'
              ? t('secretStorage.declinedBody')
              : t('secretStorage.body')}
        </p>
        <p>{t('secretStorage.fix')}</p>
      </div>
      <div className="actions actions-start" role="group" aria-label={t('secretStorage.choices')}>
        {decision === 'undecided' ? (
          <>
            {choice('declined', t('secretStorage.decline'))}
            {choice('accepted', t('secretStorage.accept'))}
          </>
        ) : decision === 'declined' ? (
          choice('accepted', t('secretStorage.acceptAnyway'))
        ) : (
          choice('declined', t('secretStorage.stop'))
        )}
      </div>
      <p className="hint" role="status">
        {saved}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
