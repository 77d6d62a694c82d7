/**
 * Every answer goes through a zod schema before use; a wrong shape becomes
 * ApiError('unexpected') naming the field.
 */
import type { z } from 'zod';
import { ApiError } from './errors';
import type { ErrorContext } from './error-mapping';
import { describeIssue } from './schemas';

export function parseAnswer<T extends z.ZodType>(
  schema: T,
  data: unknown,
  ctx: ErrorContext,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const detail = issue ? describeIssue(issue) : 'an unknown shape';
  throw new ApiError(
    'unexpected',
    `OpenProject at ${ctx.baseUrl} sent an unexpected answer for ${what} (${detail}). Check that the URL points to OpenProject 12 or newer; if it does, please report this.`,
  );
}
