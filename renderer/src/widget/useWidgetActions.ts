import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Account,
  BridgeError,
  MarkReadRequest,
  PauseState,
  Result,
  ViewName,
} from '../../../preload/contract';
import { useBridge } from '../bridge/BridgeContext';
import type { GroupEntry, WidgetFilters } from './model';

type HiddenState = 'pending' | 'done';

/**
 * The widget's actions. Marking read hides the rows at once (optimistic); a failure brings them
 * back with the error, a success keeps them hidden until main's next snapshot no longer has them.
 */
export function useWidgetActions() {
  const bridge = useBridge();
  const { t } = useTranslation();
  const [hidden, setHidden] = useState<ReadonlyMap<string, HiddenState>>(new Map());
  const [error, setError] = useState<BridgeError | null>(null);
  const [notice, setNotice] = useState('');

  const report = useCallback(<T>(result: Result<T>): result is { ok: true; value: T } => {
    if (!result.ok) setError(result.error);
    return result.ok;
  }, []);

  const setKeys = (keys: string[], state: HiddenState | null) =>
    setHidden((previous) => {
      const next = new Map(previous);
      keys.forEach((key) => (state ? next.set(key, state) : next.delete(key)));
      return next;
    });

  const markRead = useCallback(
    async (entries: GroupEntry[], requests: MarkReadRequest[]) => {
      const keys = entries.map((entry) => entry.key);
      setError(null);
      setKeys(keys, 'pending');
      const results = await Promise.all(requests.map((request) => bridge.markRead(request)));
      const failed = results.find((result) => !result.ok);
      if (failed) report(failed);
      setKeys(keys, failed ? null : 'done');
      setNotice(failed ? '' : t('widget.markedRead', { count: entries.length }));
    },
    [bridge, report, t],
  );

  const markEntry = (entry: GroupEntry) =>
    markRead(
      [entry],
      [
        {
          kind: 'workPackage',
          accountId: entry.accountId,
          workPackageId: entry.group.workPackageId,
        },
      ],
    );

  return {
    hidden,
    error,
    notice,
    dismissError: () => setError(null),
    /** A new snapshot from main: rows it dropped need no hiding any more. */
    settle: useCallback(
      () =>
        setHidden((previous) => {
          const pending = [...previous].filter(([, state]) => state === 'pending');
          // Unchanged: keep the same map, or every snapshot would re-render the whole list twice.
          return pending.length === previous.size ? previous : new Map(pending);
        }),
      [],
    ),
    open: async (entry: GroupEntry) => {
      const opened = await bridge.openInBrowser({
        kind: 'workPackage',
        accountId: entry.accountId,
        workPackageId: entry.group.workPackageId,
      });
      if (report(opened)) await markEntry(entry);
    },
    markEntry,
    /** Everything (per account), or, with a reason/project filter, just the rows shown. */
    markAll: async (visible: GroupEntry[], filters: WidgetFilters) => {
      const accountIds = [...new Set(visible.map((entry) => entry.accountId))];
      const narrowed = filters.reason !== null || filters.project !== null;
      const requests: MarkReadRequest[] = accountIds.map((accountId) =>
        narrowed
          ? {
              kind: 'notifications',
              accountId,
              notificationIds: visible
                .filter((entry) => entry.accountId === accountId)
                .flatMap((entry) => entry.group.notificationIds),
            }
          : { kind: 'all', accountId },
      );
      await markRead(visible, requests);
    },
    refresh: async (accountId?: string) => {
      setNotice(t('widget.refreshing'));
      const result = await bridge.refreshNow(accountId ? { accountId } : {});
      setNotice(report(result) ? t('widget.refreshed') : '');
    },
    setPause: async (pause: PauseState) => {
      report(await bridge.updateSettings({ pause }));
    },
    openView: async (view: ViewName, account?: Account) => {
      report(await bridge.openView(account ? { view, accountId: account.id } : { view }));
    },
    openNotificationCenter: async (accountId: string) => {
      report(await bridge.openInBrowser({ kind: 'notificationCenter', accountId }));
    },
    hide: async () => {
      report(await bridge.windowAction({ action: 'hide' }));
    },
  };
}
