import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../preload/contract';
import { accountLabel } from '../bridge/accountLabel';
import { Avatar } from '../components/Avatar';
import { BellIcon, CheckIcon } from '../components/icons';
import { IconButton } from '../components/IconButton';
import { reasonLabel } from '../format/reasonLabel';
import { dateAlertText, relativeTime } from '../format/time';
import type { GroupEntry } from './model';

export interface GroupItemProps {
  entry: GroupEntry;
  account: Account | undefined;
  showAccount: boolean;
  now: Date;
  locale: string;
  onOpen: (entry: GroupEntry) => void;
  onMarkRead: (entry: GroupEntry) => void;
}

/**
 * One work package: what it is, why you were notified, by whom, when; click opens it.
 * Memoised: the virtual list re-renders as it measures and scrolls, the rows themselves rarely change.
 */
export const GroupItem = memo(function GroupItem({
  entry,
  account,
  showAccount,
  now,
  locale,
  ...actions
}: GroupItemProps) {
  const { t } = useTranslation();
  const { group } = entry;
  const metaId = useId();
  const alert = group.dateAlert ? dateAlertText(t, group.dateAlert, now, locale) : null;
  const countText = group.count > 1 ? t('widget.notificationCount', { count: group.count }) : '';
  return (
    <article className="group">
      {group.actor ? (
        <Avatar name={group.actor.name} url={group.actorAvatarUrl} />
      ) : (
        <span className="avatar avatar-system" aria-hidden="true">
          <BellIcon />
        </span>
      )}
      <div className="group-main">
        <button
          type="button"
          className="group-open"
          onClick={() => actions.onOpen(entry)}
          aria-describedby={metaId}
        >
          {group.type ? <span className="group-type">{group.type}</span> : null}{' '}
          <span className="group-subject">{group.subject}</span>
        </button>
        <div id={metaId} className="group-details">
          <p className="meta">
            <span className="wp-id">{t('workPackage.id', { id: group.workPackageId })}</span>
            {group.projectName ? <span>{group.projectName}</span> : null}
            {showAccount ? <span className="account-tag">{accountLabel(account)}</span> : null}
          </p>
          <p className="reasons">
            {group.reasons.map((reason) => (
              <span key={reason} className={`reason reason-${reason}`}>
                {reasonLabel(t, reason)}
              </span>
            ))}
            {alert ? <span className="date-alert">{alert}</span> : null}
          </p>
          {group.actor ? (
            <p className="actor">{t('widget.byActor', { name: group.actor.name })}</p>
          ) : null}
        </div>
      </div>
      <div className="group-side">
        <time className="group-time" dateTime={group.latestAt}>
          {relativeTime(t, group.latestAt, now, locale)}
        </time>
        {group.count > 1 ? (
          <span className="count" title={countText}>
            <span aria-hidden="true">{group.count}</span>
            <span className="visually-hidden">{countText}</span>
          </span>
        ) : null}
        <IconButton
          label={t('widget.markReadItem', { subject: group.subject })}
          title={t('widget.markRead')}
          onClick={() => actions.onMarkRead(entry)}
        >
          <CheckIcon />
        </IconButton>
      </div>
    </article>
  );
});
