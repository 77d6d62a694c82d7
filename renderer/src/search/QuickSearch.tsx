import {
  useEffect,
  useLayoutEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError, SearchHit } from '../../../preload/contract';
import { accountLabel } from '../bridge/accountLabel';
import { useBridge, useBridgeEvent } from '../bridge/BridgeContext';
import { useAccounts } from '../bridge/useAccounts';
import { ErrorMessage } from '../components/ErrorMessage';
import { SearchIcon } from '../components/icons';
import { errorText } from '../format/errors';
import { SearchResult } from './SearchResult';
import type { SearchState } from './searchSession';
import { useQuickSearch } from './useQuickSearch';

function statusText(t: ReturnType<typeof useTranslation>['t'], state: SearchState, recent: number) {
  switch (state.phase) {
    case 'recent':
      return recent > 0 ? t('search.recentCount', { count: recent }) : t('search.noRecent');
    case 'waiting':
    case 'searching':
      return t('search.searching');
    case 'done':
      return state.hits.length > 0
        ? t('search.resultCount', { count: state.hits.length })
        : t('search.noResults', { text: state.text.trim() });
    case 'failed':
      return state.error ? errorText(t, state.error) : '';
  }
}

/** Quick search: one input, ↑/↓ to move, Enter opens in the browser, Esc closes. */
export function QuickSearch({ debounceMs }: { debounceMs?: number }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { state, recent, setText, reloadRecent } = useQuickSearch(debounceMs);
  const accounts = useAccounts().accounts ?? [];
  // The active row belongs to the list it was chosen in: new items start again at the first row
  // (in the render that shows them, so a key pressed right after cannot act on the old index).
  const [chosen, setChosen] = useState<{ items: SearchHit[]; index: number } | null>(null);
  const [openError, setOpenError] = useState<BridgeError | null>(null);
  const openWhenDone = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  const items = useMemo(
    () => (state.phase === 'recent' ? (recent ?? []) : state.hits),
    [state.phase, state.hits, recent],
  );
  const optionId = (index: number) => `${listId}-option-${index}`;
  const active = chosen?.items === items ? chosen.index : 0;
  const setActive = (index: number) => setChosen({ items, index });

  useLayoutEffect(() => {
    inputRef.current?.focus();
  }, []);
  useBridgeEvent('windowShown', (shown) => {
    if (shown.view !== 'search') return;
    setText('');
    void reloadRecent();
    inputRef.current?.focus();
  });

  const open = async (hit: SearchHit) => {
    setOpenError(null);
    const result = await bridge.openInBrowser({
      kind: 'workPackage',
      accountId: hit.accountId,
      workPackageId: hit.workPackage.id,
    });
    if (!result.ok) setOpenError(result.error);
    else void bridge.windowAction({ action: 'hide' });
  };

  useEffect(() => {
    if (state.phase === 'done' && openWhenDone.current) {
      openWhenDone.current = false;
      const first = state.hits[0];
      if (first) void open(first);
    }
    // Runs for new items only (`open` is recreated every render on purpose).
  }, [items]);

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.max(0, Math.min(items.length - 1, active + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const pending = state.phase === 'waiting' || state.phase === 'searching';
      const hit = items[active];
      if (pending) openWhenDone.current = true;
      else if (hit) void open(hit);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      void bridge.windowAction({ action: 'hide' });
    }
  };

  const byId = new Map(accounts.map((account) => [account.id, account]));
  const showAccount = accounts.length > 1;
  const heading = state.phase === 'recent' ? t('search.recentTitle') : t('search.resultsTitle');

  return (
    <main className="view search">
      <h1 className="visually-hidden">{t('search.title')}</h1>
      <div className="search-box">
        <SearchIcon />
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items[active] ? optionId(active) : undefined}
          placeholder={t('search.placeholder')}
          value={state.text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <p className={state.phase === 'recent' ? 'visually-hidden' : 'search-status'} role="status">
        {statusText(t, state, recent?.length ?? 0)}
      </p>
      {openError ? <ErrorMessage error={openError} /> : null}
      {state.failures.map((failure) => (
        <p key={failure.accountId} className="message message-warning">
          {t('search.accountFailed', {
            account: accountLabel(byId.get(failure.accountId)),
            reason: errorText(t, failure.error),
          })}
        </p>
      ))}
      <h2 className="search-heading" id={`${listId}-heading`}>
        {heading}
      </h2>
      <ul id={listId} role="listbox" className="results" aria-labelledby={`${listId}-heading`}>
        {items.map((hit, index) => (
          <SearchResult
            key={`${hit.accountId}:${hit.workPackage.id}`}
            id={optionId(index)}
            hit={hit}
            active={index === active}
            account={showAccount ? accountLabel(byId.get(hit.accountId)) : null}
            onOpen={() => void open(hit)}
            onHover={() => setActive(index)}
          />
        ))}
      </ul>
      <p className="hint" aria-hidden="true">
        {t('search.keyboardHint')}
      </p>
    </main>
  );
}
