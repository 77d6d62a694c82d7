/**
 * Everything a command can fail with, as the contract's `BridgeError`: the kind the renderer
 * translates and the core's one sentence. Handlers never throw across the boundary; an error that
 * is not ours becomes `internal` with a sentence that names no secret.
 */
import { fail, type BridgeError, type BridgeErrorKind, type Result } from '../../preload/contract';
import { AccountNotFoundError } from '../core/accounts/accounts';
import { ApiError } from '../core/api/errors';
import { SignInError, type SignInErrorKind } from '../core/auth/oauth-errors';
import { SecretStoreError } from '../core/secrets/secret-store';
import { InvalidSettingsChangeError } from '../core/settings/settings-store';

/** A failure the service raises on purpose, with the contract's kind. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly kind: BridgeErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const SIGN_IN_KINDS: Partial<Record<SignInErrorKind, BridgeErrorKind>> = {
  'access-denied': 'oauth-denied',
  cancelled: 'cancelled',
  timeout: 'timeout',
  unreachable: 'unreachable',
  tls: 'tls',
  storage: 'storage',
};

const STORAGE_CODES = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EDQUOT', 'EBUSY', 'EMFILE']);

export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof AppError) return { kind: error.kind, message: error.message };
  if (error instanceof ApiError) return { kind: error.kind, message: error.message };
  if (error instanceof SignInError) {
    return { kind: SIGN_IN_KINDS[error.kind] ?? 'oauth-failed', message: error.message };
  }
  if (error instanceof AccountNotFoundError) {
    return { kind: 'unknown-account', message: error.message };
  }
  if (error instanceof SecretStoreError) return { kind: 'storage', message: error.message };
  if (error instanceof InvalidSettingsChangeError) {
    return { kind: 'invalid-input', message: error.message };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && STORAGE_CODES.has(code)) {
    return {
      kind: 'storage',
      message: `The app could not save its data on this computer (${code}). Check the free disk space and the permissions of its folder.`,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: 'internal',
    message: `Something went wrong in the app (${detail.slice(0, 200)}). Try again; if it keeps happening, restart the app.`,
  };
}

export function failWith<T>(error: unknown): Result<T> {
  const { kind, message } = toBridgeError(error);
  return fail<T>(kind, message);
}

export function unknownAccount(accountId: string): AppError {
  return new AppError('unknown-account', new AccountNotFoundError(accountId).message);
}
