import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../preload/contract';
import { useBridge } from '../bridge/BridgeContext';
import { INITIAL_SEARCH, SearchSession, type SearchState } from './searchSession';

/** The search state plus the recent work packages shown before typing. */
export function useQuickSearch(debounceMs?: number) {
  const bridge = useBridge();
  const [state, setState] = useState<SearchState>(INITIAL_SEARCH);
  const [recent, setRecent] = useState<SearchHit[] | null>(null);
  const session = useRef<SearchSession | null>(null);

  useEffect(() => {
    const current = new SearchSession(bridge, setState, debounceMs);
    session.current = current;
    return () => current.dispose();
  }, [bridge, debounceMs]);

  const loadRecent = useCallback(async () => {
    const result = await bridge.recentWorkPackages();
    setRecent(result.ok ? result.value : []);
  }, [bridge]);

  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);

  const setText = useCallback((text: string) => session.current?.setText(text), []);
  return { state, recent, setText, reloadRecent: loadRecent };
}
