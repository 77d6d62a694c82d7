import { useTranslation } from 'react-i18next';
import type { BridgeError, BridgeErrorKind } from '../../../preload/contract';
import { errorText } from '../format/errors';

/** Kinds whose translated sentence is general: main's own sentence adds the detail. */
const DETAILED: readonly BridgeErrorKind[] = [
  'server',
  'unexpected',
  'internal',
  'invalid-input',
  'storage',
  'oauth-failed',
  'not-allowed',
  'forbidden',
];

/** An error in the user's words (role=alert so screen readers hear it at once). */
export function ErrorMessage({
  error,
  url,
  id,
}: {
  error: BridgeError;
  url?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="message message-error" role="alert" id={id}>
      <p>{errorText(t, error, { url })}</p>
      {DETAILED.includes(error.kind) && error.message ? (
        <p className="message-detail">{t('errors.detail', { message: error.message })}</p>
      ) : null}
    </div>
  );
}
