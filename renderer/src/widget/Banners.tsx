import { useTranslation } from 'react-i18next';
import type { Account, PauseState } from '../../../preload/contract';
import { accountLabel } from '../bridge/accountLabel';
import { isProblemKind } from './model';

interface BannersProps {
  problems: Account[];
  pause: PauseState | null;
  locale: string;
  onResume: () => void;
  onRetry: (account: Account) => void;
  onSignIn: (account: Account) => void;
}

/** Compact notes above the list: paused/snoozed, and accounts that cannot sync right now. */
export function Banners({ problems, pause, locale, onResume, onRetry, onSignIn }: BannersProps) {
  const { t } = useTranslation();
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(iso));
  if (problems.length === 0 && (pause === null || pause.kind === 'active')) return null;
  return (
    <div className="banners">
      {pause && pause.kind !== 'active' ? (
        <div className="banner banner-pause" role="status">
          <p>
            {pause.kind === 'paused'
              ? t('widget.pause.pausedBanner')
              : t('widget.pause.snoozedBanner', { time: time(pause.until) })}
          </p>
          <button type="button" onClick={onResume}>
            {t('widget.pause.resume')}
          </button>
        </div>
      ) : null}
      {problems.map((account) => {
        const kind = account.state.kind;
        if (!isProblemKind(kind)) return null;
        const signIn =
          account.state.kind === 'needs-sign-in' || account.state.kind === 'signed-out';
        return (
          <div key={account.id} className={`banner banner-${account.state.kind}`}>
            <p>{t(`widget.banner.${kind}`, { instance: accountLabel(account) })}</p>
            <button type="button" onClick={() => (signIn ? onSignIn(account) : onRetry(account))}>
              {signIn ? t('widget.state.signIn') : t('common.tryAgain')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
