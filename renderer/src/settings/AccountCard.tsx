import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, BridgeError, Result } from '../../../preload/contract';
import { accountLabel } from '../bridge/accountLabel';
import { useBridge } from '../bridge/BridgeContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { navigate } from '../route';

type Confirming = 'disconnect' | 'remove' | null;

/** One account: its state in words, its options, and reconnect / disconnect / remove. */
export function AccountCard({ account }: { account: Account }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [label, setLabel] = useState(account.options.label ?? '');
  const name = accountLabel(account);
  const signedOut = account.state.kind === 'signed-out' || account.state.kind === 'needs-sign-in';

  const run = async <T,>(action: () => Promise<Result<T>>, done: string) => {
    setBusy(true);
    setError(null);
    setNotice('');
    const result = await action();
    setBusy(false);
    setConfirming(null);
    if (result.ok) setNotice(done);
    else setError(result.error);
  };

  const savedLabel = useRef(account.options.label);
  const saveLabel = () => {
    const next = label.trim() === '' ? null : label.trim();
    if (next === savedLabel.current) return;
    savedLabel.current = next;
    void run(
      () => bridge.updateAccount({ accountId: account.id, options: { label: next } }),
      t('settings.saved'),
    );
  };

  return (
    <li className="account-card" aria-labelledby={`${id}-name`} aria-busy={busy}>
      <div className="account-head">
        <h3 id={`${id}-name`}>{name}</h3>
        <span className={`state-badge state-${account.state.kind}`}>
          {t(`accounts.state.${account.state.kind}`)}
        </span>
      </div>
      <p className="hint">{account.baseUrl}</p>
      <p>
        {account.user
          ? t(`accounts.signedInAs.${account.authMethod}`, { name: account.user.name })
          : t('accounts.notSignedIn')}
      </p>
      {account.state.message ? <p className="message-detail">{account.state.message}</p> : null}
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('accounts.label')}</label>
        <input
          id={`${id}-label`}
          type="text"
          value={label}
          placeholder={account.instanceName}
          onChange={(event) => setLabel(event.target.value)}
          onBlur={saveLabel}
          onKeyDown={(event) => event.key === 'Enter' && saveLabel()}
        />
      </div>
      <div className="field field-check">
        <input
          id={`${id}-notify`}
          type="checkbox"
          checked={account.options.notify}
          onChange={(event) =>
            void run(
              () =>
                bridge.updateAccount({
                  accountId: account.id,
                  options: { notify: event.target.checked },
                }),
              t('settings.saved'),
            )
          }
        />
        <label htmlFor={`${id}-notify`}>{t('accounts.notify')}</label>
      </div>
      <div className="actions actions-start">
        {signedOut ? (
          <button
            type="button"
            className="button-primary"
            onClick={() => navigate('wizard', account.id)}
          >
            {t('accounts.signInAgain')}
          </button>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(() => bridge.reconnect({ accountId: account.id }), t('accounts.reconnected'))
            }
          >
            {t('accounts.reconnect')}
          </button>
        )}
        {account.state.kind !== 'signed-out' ? (
          <button type="button" disabled={busy} onClick={() => setConfirming('disconnect')}>
            {t('accounts.disconnect')}
          </button>
        ) : null}
        <button
          type="button"
          className="button-danger"
          disabled={busy}
          onClick={() => setConfirming('remove')}
        >
          {t('accounts.remove')}
        </button>
      </div>
      <p className="hint" role="status">
        {notice}
      </p>
      {error ? <ErrorMessage error={error} url={account.baseUrl} /> : null}
      {error?.kind === 'unauthenticated' ? (
        <button
          type="button"
          className="button-link"
          onClick={() => navigate('wizard', account.id)}
        >
          {t('accounts.signInAgain')}
        </button>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t(`accounts.confirm.${confirming}Title`, { account: name })}
          confirmLabel={t(`accounts.${confirming}`)}
          cancelLabel={t('common.cancel')}
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            void run(
              () =>
                confirming === 'remove'
                  ? bridge.removeAccount({ accountId: account.id })
                  : bridge.disconnect({ accountId: account.id }),
              t(`accounts.done.${confirming}`),
            )
          }
        >
          <p>
            {t(
              account.authMethod === 'apiToken'
                ? `accounts.confirm.${confirming}BodyApiToken`
                : `accounts.confirm.${confirming}Body`,
              { account: name },
            )}
          </p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
