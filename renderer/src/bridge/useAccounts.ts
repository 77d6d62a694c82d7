import { useEffect, useRef, useState } from 'react';
import type { Account, BridgeError } from '../../../preload/contract';
import { useBridge, useBridgeEvent } from './BridgeContext';

/** The accounts, loaded once and then kept current by `accountsChanged` (which wins over a late load). */
export function useAccounts(): { accounts: Account[] | null; error: BridgeError | null } {
  const bridge = useBridge();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const pushed = useRef(false);

  useBridgeEvent('accountsChanged', (next) => {
    pushed.current = true;
    setAccounts(next);
  });

  useEffect(() => {
    let live = true;
    void bridge.listAccounts().then((result) => {
      if (!live || pushed.current) return;
      if (result.ok) setAccounts(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [bridge]);

  return { accounts, error };
}
