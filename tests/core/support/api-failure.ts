import { expect } from 'vitest';
import { ApiError } from '../../../main/core/api/errors';

/** The ApiError a promise rejects with; the test fails if it resolves or rejects otherwise. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
