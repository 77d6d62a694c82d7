import type { Account } from '../../../preload/contract';

/** The name an account goes by: the user's label, else the instance name, else its host. */
export function accountLabel(account: Account | undefined): string {
  if (!account) return '';
  if (account.options.label) return account.options.label;
  if (account.instanceName) return account.instanceName;
  try {
    return new URL(account.baseUrl).host;
  } catch {
    return account.baseUrl;
  }
}
