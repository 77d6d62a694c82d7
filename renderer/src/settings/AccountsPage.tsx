import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../preload/contract';
import { useBridge } from '../bridge/BridgeContext';
import { useAccounts } from '../bridge/useAccounts';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { navigate } from '../route';
import { AccountCard } from './AccountCard';

/** Every account with its state; "Add account"; "Reset everything" behind a confirmation. */
export function AccountsPage() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const loaded = useAccounts();
  const { accounts } = loaded;
  const [actionError, setError] = useState<BridgeError | null>(null);
  const error = actionError ?? loaded.error;
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetting, setResetting] = useState(false);

  const reset = async () => {
    setResetting(true);
    const result = await bridge.resetEverything();
    setResetting(false);
    setConfirmReset(false);
    if (result.ok) navigate('wizard');
    else setError(result.error);
  };

  return (
    <div className="accounts">
      <div className="section-head">
        <h2>{t('accounts.title')}</h2>
        <button type="button" className="button-primary" onClick={() => navigate('wizard')}>
          {t('common.addAccount')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {accounts === null && !error ? <p aria-busy="true">{t('accounts.loading')}</p> : null}
      {accounts?.length === 0 ? <p>{t('accounts.none')}</p> : null}
      <ul className="account-list">
        {accounts?.map((account) => (
          <AccountCard key={account.id} account={account} />
        ))}
      </ul>
      <section className="danger-zone" aria-labelledby="reset-title">
        <h2 id="reset-title">{t('accounts.reset.title')}</h2>
        <p>{t('accounts.reset.intro')}</p>
        <button type="button" className="button-danger" onClick={() => setConfirmReset(true)}>
          {t('accounts.reset.button')}
        </button>
      </section>
      {confirmReset ? (
        <ConfirmDialog
          title={t('accounts.reset.confirmTitle')}
          confirmLabel={t('accounts.reset.confirm')}
          cancelLabel={t('common.cancel')}
          busy={resetting}
          onCancel={() => setConfirmReset(false)}
          onConfirm={() => void reset()}
        >
          <p>{t('accounts.reset.willDelete')}</p>
          <ul>
            <li>{t('accounts.reset.accounts', { count: accounts?.length ?? 0 })}</li>
            <li>{t('accounts.reset.settings')}</li>
            <li>{t('accounts.reset.cache')}</li>
          </ul>
          <p>{t('accounts.reset.after')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
