import {
  measureElement,
  observeElementRect,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
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
/** Rows rendered beyond the view on each side, so scrolling finds them ready. */
const OVERSCAN = 3;

type ListVirtualizer = Virtualizer<HTMLDivElement, HTMLLIElement>;

/**
 * For the first frame only: a row's size from the ResizeObserver's entry after layout, not read
 * when React attaches the row, which lays the page out in the middle of the commit and, the sizes
 * differing from the estimate, renders the list a second time before anything shows. The rows lie
 * in normal flow, so they look right before they are measured. Without a ResizeObserver (jsdom),
 * measured at once.
 */
function measureRowAfterLayout(
  row: HTMLLIElement,
  entry: ResizeObserverEntry | undefined,
  list: ListVirtualizer,
) {
  if (entry || typeof ResizeObserver === 'undefined') return measureElement(row, entry, list);
  const index = list.indexFromElement(row);
  return list.itemSizeCache.get(list.options.getItemKey(index)) ?? list.options.estimateSize(index);
}

/** The scroll area's size from its ResizeObserver (after layout) instead of a read during the commit. */
function observeListRect(
  list: ListVirtualizer,
  report: (rect: { width: number; height: number }) => void,
) {
  const element = list.scrollElement;
  const view = list.targetWindow;
  if (!element || !view?.ResizeObserver) return observeElementRect(list, report);
  const observer = new view.ResizeObserver(() => {
    const { width, height } = element.getBoundingClientRect();
    report({ width: Math.round(width), height: Math.round(height) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

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
  // The first frame shows the rows in view only, measured once laid out; the render right after it
  // (which applies those sizes) adds the rows beyond the view, and from then on each row is measured
  // as it mounts, so scrolling to a row knows its true size at once.
  const [firstFrameShown, setFirstFrameShown] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setFirstFrameShown(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    // A typical row (subject on two lines, meta, reasons, actor); close guesses mean few re-layouts.
    estimateSize: () => 128,
    overscan: firstFrameShown ? OVERSCAN : 0,
    // The window's size until the list is measured, so the very first render already has rows.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    measureElement: firstFrameShown ? measureElement : measureRowAfterLayout,
    observeElementRect: observeListRect,
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

  const items = virtualizer.getVirtualItems();
  // The sizer is as tall as all rows; the rows in view follow one another inside the list, which
  // moves down to the first of them.
  return (
    <div className="group-scroll" ref={scrollRef}>
      <div className="group-sizer" style={{ height: virtualizer.getTotalSize() }}>
        <ul
          className="group-list"
          aria-label={t('widget.listLabel', { count: entries.length })}
          style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="group-row"
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
    </div>
  );
}
