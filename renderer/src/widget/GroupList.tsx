import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../preload/contract';
import { GroupItem } from './GroupItem';
import type { GroupEntry } from './model';

export interface GroupListHandle {
  focusFirst: () => void;
}

interface GroupListProps {
  entries: GroupEntry[];
  accounts: Map<string, Account>;
  showAccount: boolean;
  now: Date;
  locale: string;
  onOpen: (entry: GroupEntry) => void;
  onMarkRead: (entry: GroupEntry) => void;
  ref?: Ref<GroupListHandle>;
}

const FOCUS_ATTEMPTS = 10;

/**
 * The virtualized list: only the rows in view (plus a few) are in the DOM, so 1,000+ groups stay
 * smooth. Rows measure themselves (text wraps at 200 % zoom). ↑/↓/Home/End move between rows.
 */
export function GroupList({
  entries,
  accounts,
  showAccount,
  now,
  locale,
  ref,
  ...actions
}: GroupListProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    // A typical row (subject on two lines, meta, reasons, actor); close guesses mean few re-layouts.
    estimateSize: () => 128,
    overscan: 3,
    // The window's size until the list is measured, so the very first render already has rows.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    getItemKey: (index) => entries[index]?.key ?? index,
    // React 19 batches on its own; flushSync from a layout effect only earns a warning.
    useFlushSync: false,
  });

  const focusRow = useCallback((index: number, attempt = 0) => {
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(
      `[data-index="${index}"] .group-open`,
    );
    if (button) button.focus();
    else if (attempt < FOCUS_ATTEMPTS) requestAnimationFrame(() => focusRow(index, attempt + 1));
  }, []);

  const moveTo = useCallback(
    (index: number) => {
      if (entries.length === 0) return;
      const target = Math.max(0, Math.min(entries.length - 1, index));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      focusRow(target);
    },
    [entries.length, virtualizer, focusRow],
  );

  useImperativeHandle(ref, () => ({ focusFirst: () => moveTo(0) }), [moveTo]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const current = row ? Number(row.dataset.index) : 0;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: entries.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    moveTo(next);
  };

  return (
    <div className="group-scroll" ref={scrollRef}>
      <ul
        className="group-list"
        aria-label={t('widget.listLabel', { count: entries.length })}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index];
          if (!entry) return null;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="group-row"
              style={{ transform: `translateY(${item.start}px)` }}
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
            >
              <GroupItem
                entry={entry}
                account={accounts.get(entry.accountId)}
                showAccount={showAccount}
                now={now}
                locale={locale}
                {...actions}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
