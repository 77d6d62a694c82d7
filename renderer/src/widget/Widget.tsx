import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../preload/contract';
import { accountLabel } from '../bridge/accountLabel';
import { useBridgeEvent } from '../bridge/BridgeContext';
import { useLocale } from '../bridge/useLocale';
import { useNow } from '../bridge/useNow';
import { useTrayData } from '../bridge/useTrayData';
import { ErrorMessage } from '../components/ErrorMessage';
import { IconButton } from '../components/IconButton';
import { CheckAllIcon, GearIcon, RefreshIcon, SearchIcon } from '../components/icons';
import { Banners } from './Banners';
import { Filters } from './Filters';
import { GroupList, type GroupListHandle } from './GroupList';
import {
  applyFilters,
  filterChoices,
  isProblem,
  mergeGroups,
  NO_FILTERS,
  widgetCondition,
  type FilterChoices,
  type GroupEntry,
} from './model';
import { PauseMenu } from './PauseMenu';
import { StatePanel, type StateActions } from './StatePanel';
import { useFirstFrameOut } from './useFirstFrameOut';
import { useWidgetActions } from './useWidgetActions';

const NO_ENTRIES: GroupEntry[] = [];

/** The notification widget: unread notifications grouped by work package, newest first. */
export function Widget() {
  const { t } = useTranslation();
  const data = useTrayData();
  const now = useNow();
  const locale = useLocale();
  const actions = useWidgetActions();
  const [filters, setFilters] = useState(NO_FILTERS);
  const listRef = useRef<GroupListHandle>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const { settle } = actions;
  useEffect(settle, [data.snapshot, settle]);

  // The rows are memoised: give them handlers that stay the same and call the latest actions.
  const latestActions = useRef(actions);
  useEffect(() => {
    latestActions.current = actions;
  });
  const rowHandlers = useMemo(
    () => ({
      onOpen: (entry: GroupEntry) => void latestActions.current.open(entry),
      onMarkRead: (entry: GroupEntry) => void latestActions.current.markEntry(entry),
    }),
    [],
  );

  const entries = useMemo(
    () => mergeGroups(data.snapshot, new Set(actions.hidden.keys())),
    [data.snapshot, actions.hidden],
  );
  const visible = useMemo(() => applyFilters(entries, filters), [entries, filters]);
  // The filter choices come a frame after the rows (sorting project names by the user's language
  // loads collation data, ~10 ms): the first frame shows the list sooner.
  const choiceEntries = useFirstFrameOut() ? entries : NO_ENTRIES;
  const shownChoices = useRef<FilterChoices | undefined>(undefined);
  const choices = useMemo(
    () => filterChoices(choiceEntries, filters, shownChoices.current),
    [choiceEntries, filters],
  );
  useEffect(() => {
    shownChoices.current = choices;
  });
  const accountsById = useMemo(
    () => new Map(data.accounts.map((account) => [account.id, account])),
    [data.accounts],
  );
  const condition = widgetCondition(data, entries, visible);
  const problems = data.accounts.filter(
    (account) =>
      isProblem(account) && (condition.kind !== 'problem' || condition.account.id !== account.id),
  );
  const total = data.snapshot?.unread.total ?? 0;
  const narrowed = filters.reason !== null || filters.project !== null;

  useBridgeEvent('windowShown', (shown) => {
    if (shown.view !== 'widget') return;
    if (condition.kind === 'list') listRef.current?.focusFirst();
    else headingRef.current?.focus();
  });

  const stateActions: StateActions = {
    retryLoad: data.reload,
    addAccount: () => void actions.openView('wizard'),
    clearFilters: () => setFilters(NO_FILTERS),
    retryAccount: (account: Account) => void actions.refresh(account.id),
    signIn: (account: Account) => void actions.openView('wizard', account),
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) void actions.hide();
  };
  // Each button's name serves as its label and its tooltip: translated once.
  const labels = {
    refresh: t('widget.refresh'),
    markAll: narrowed ? t('widget.markShownRead') : t('widget.markAllRead'),
    search: t('widget.openSearch'),
    settings: t('widget.openSettings'),
  };

  return (
    <main className="view widget" onKeyDown={onKeyDown}>
      <header className="widget-header">
        <div className="widget-title">
          <h1 ref={headingRef} tabIndex={-1}>
            {t('widget.title')}
          </h1>
          {total > 0 ? (
            <span className="badge">{t('widget.unreadCount', { count: total })}</span>
          ) : null}
        </div>
        <div className="toolbar">
          <IconButton label={labels.refresh} onClick={() => void actions.refresh()}>
            <RefreshIcon />
          </IconButton>
          <IconButton
            label={labels.markAll}
            onClick={() => void actions.markAll(visible, filters)}
            disabled={visible.length === 0}
          >
            <CheckAllIcon />
          </IconButton>
          <IconButton label={labels.search} onClick={() => void actions.openView('search')}>
            <SearchIcon />
          </IconButton>
          <PauseMenu onChoose={(pause) => void actions.setPause(pause)} />
          <IconButton label={labels.settings} onClick={() => void actions.openView('settings')}>
            <GearIcon />
          </IconButton>
        </div>
      </header>
      <p className="visually-hidden" role="status">
        {actions.notice}
      </p>
      {actions.error ? (
        <div className="action-error">
          <ErrorMessage error={actions.error} />
          <button type="button" className="button-link" onClick={actions.dismissError}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      <Banners
        problems={problems}
        pause={data.settings?.pause ?? null}
        locale={locale}
        onResume={() => void actions.setPause({ kind: 'active' })}
        onRetry={stateActions.retryAccount}
        onSignIn={stateActions.signIn}
      />
      {entries.length > 0 ? (
        <Filters
          choices={choices}
          accounts={data.accounts}
          filters={filters}
          onChange={setFilters}
        />
      ) : null}
      {condition.kind === 'list' ? (
        <GroupList
          ref={listRef}
          entries={visible}
          accounts={accountsById}
          showAccount={data.accounts.length > 1}
          now={now}
          locale={locale}
          {...rowHandlers}
        />
      ) : (
        <StatePanel condition={condition} loadError={data.error} actions={stateActions} />
      )}
      {data.accounts.length > 0 ? (
        <footer className="widget-footer">
          {data.accounts.map((account) => (
            <button
              key={account.id}
              type="button"
              className="button-link"
              onClick={() => void actions.openNotificationCenter(account.id)}
            >
              {data.accounts.length > 1
                ? t('widget.notificationCenterOf', { account: accountLabel(account) })
                : t('widget.openNotificationCenter')}
            </button>
          ))}
        </footer>
      ) : null}
    </main>
  );
}
