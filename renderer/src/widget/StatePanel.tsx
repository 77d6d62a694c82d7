import { useTranslation } from 'react-i18next';
import type { Account, BridgeError } from '../../../preload/contract';
import { accountLabel } from '../bridge/accountLabel';
import { ErrorMessage } from '../components/ErrorMessage';
import { Spinner } from '../components/Spinner';
import type { WidgetCondition } from './model';

export interface StateActions {
  retryLoad: () => void;
  addAccount: () => void;
  clearFilters: () => void;
  /** Try the account again (offline, server error). */
  retryAccount: (account: Account) => void;
  /** Sign in again / reconnect (needs sign-in, signed out). */
  signIn: (account: Account) => void;
}

interface StatePanelProps {
  condition: Exclude<WidgetCondition, { kind: 'list' }>;
  loadError: BridgeError | null;
  actions: StateActions;
}

/** Everything but the list: each state says what is going on and offers the way forward. */
export function StatePanel({ condition, loadError, actions }: StatePanelProps) {
  const { t } = useTranslation();
  switch (condition.kind) {
    case 'loading':
      return (
        <section className="state" aria-busy="true">
          <Spinner />
          <p role="status">{t('widget.state.loading')}</p>
        </section>
      );
    case 'load-failed':
      return (
        <section className="state" aria-labelledby="state-title">
          <h2 id="state-title">{t('widget.state.loadFailedTitle')}</h2>
          {loadError ? <ErrorMessage error={loadError} /> : null}
          <button type="button" className="button-primary" onClick={actions.retryLoad}>
            {t('common.tryAgain')}
          </button>
        </section>
      );
    case 'no-accounts':
      return (
        <section className="state" aria-labelledby="state-title">
          <h2 id="state-title">{t('widget.state.noAccountsTitle')}</h2>
          <p>{t('widget.state.noAccountsBody')}</p>
          <button type="button" className="button-primary" onClick={actions.addAccount}>
            {t('common.addAccount')}
          </button>
        </section>
      );
    case 'filtered-empty':
      return (
        <section className="state" aria-labelledby="state-title">
          <h2 id="state-title">{t('widget.state.filteredTitle')}</h2>
          <button type="button" onClick={actions.clearFilters}>
            {t('widget.filters.clear')}
          </button>
        </section>
      );
    case 'caught-up':
      return (
        <section className="state state-calm" aria-labelledby="state-title">
          <h2 id="state-title">{t('widget.state.caughtUpTitle')}</h2>
          <p>{t('widget.state.caughtUpBody')}</p>
        </section>
      );
    case 'problem':
      return <ProblemPanel account={condition.account} actions={actions} />;
  }
}

function ProblemPanel({ account, actions }: { account: Account; actions: StateActions }) {
  const { t } = useTranslation();
  const instance = accountLabel(account);
  const kind = account.state.kind;
  const signIn = kind === 'needs-sign-in' || kind === 'signed-out';
  const key =
    kind === 'needs-sign-in'
      ? 'needsSignIn'
      : kind === 'signed-out'
        ? 'signedOut'
        : kind === 'offline'
          ? 'offline'
          : 'serverError';
  return (
    <section className={`state state-${kind}`} aria-labelledby="state-title">
      <h2 id="state-title">{t(`widget.state.${key}Title`)}</h2>
      <p>{t(`widget.state.${key}Body`, { instance })}</p>
      {account.state.message ? <p className="message-detail">{account.state.message}</p> : null}
      <button
        type="button"
        className="button-primary"
        onClick={() => (signIn ? actions.signIn(account) : actions.retryAccount(account))}
      >
        {signIn ? t('widget.state.signIn') : t('common.tryAgain')}
      </button>
    </section>
  );
}
