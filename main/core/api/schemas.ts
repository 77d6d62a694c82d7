/**
 * zod schemas of the OpenProject API v3 answers the client uses. They are deliberately
 * tolerant where the real server varies (links absent or `{href:null}`, open `reason` set,
 * optional collection fields) and strict where the app depends on a value (ids, times).
 */
import { z } from 'zod';

const isoTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'is not a date-time' });

export const LinkSchema = z.object({
  href: z.string().nullable(),
  title: z.string().nullish(),
});
export type Link = z.infer<typeof LinkSchema>;

/** A link that may be absent, `null` or `{href: null}`. */
const optionalLink = LinkSchema.nullish();

export const ErrorBodySchema = z.object({
  _type: z.literal('Error'),
  errorIdentifier: z.string(),
  message: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const RootSchema = z.object({
  _type: z.literal('Root'),
  instanceName: z.string(),
  coreVersion: z.string().nullish(),
  _links: z.object({ user: optionalLink }).nullish(),
});
export type Root = z.infer<typeof RootSchema>;

export const UserSchema = z.object({
  _type: z.string(),
  id: z.number().int(),
  name: z.string(),
  login: z.string().nullish(),
  email: z.string().nullish(),
  avatar: z.string().nullish(),
  admin: z.boolean().nullish(),
});
export type User = z.infer<typeof UserSchema>;

export const DetailSchema = z.object({
  property: z.string(),
  value: z.string().nullish(),
});

export const NotificationSchema = z.object({
  id: z.number().int().positive(),
  readIAN: z.boolean(),
  reason: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  _embedded: z
    .object({
      details: z.array(DetailSchema).nullish(),
      actor: z.object({ id: z.number().int(), name: z.string() }).nullish(),
    })
    .nullish(),
  _links: z.object({
    self: optionalLink,
    actor: optionalLink,
    project: optionalLink,
    resource: optionalLink,
  }),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** An offset-paginated collection; elements are validated by the caller's element schema. */
export function collectionSchema<T extends z.ZodType>(element: T) {
  return z.object({
    total: z.number().int().nonnegative(),
    count: z.number().int().nonnegative().nullish(),
    pageSize: z.number().int().nonnegative().nullish(),
    offset: z.number().int().nullish(),
    _embedded: z.object({ elements: z.array(element) }).nullish(),
  });
}

/** Only the count: `pageSize=0`, or `select=total`. */
export const TotalSchema = z.object({ total: z.number().int().nonnegative() });

/**
 * A work package: the full resource of `GET /work_packages/{id}` as well as the `select=`
 * subset of the collection (where `updatedAt` is not selectable, hence optional).
 */
export const WorkPackageSchema = z.object({
  id: z.number().int().positive(),
  displayId: z.union([z.string(), z.number()]).nullish(),
  subject: z.string(),
  updatedAt: isoTime.nullish(),
  _links: z
    .object({
      project: optionalLink,
      status: optionalLink,
      type: optionalLink,
      assignee: optionalLink,
    })
    .nullish(),
});
export type WorkPackage = z.infer<typeof WorkPackageSchema>;

export const NotificationCollectionSchema = collectionSchema(NotificationSchema);
export const WorkPackageCollectionSchema = collectionSchema(WorkPackageSchema);

/** `_embedded.elements[0].id` from a zod path. */
export function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'the answer itself' : out;
}

/** A zod issue as a short phrase: `field "x.y" expected number, received string`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const problem = issue.message.replace(/^Invalid input: /, '');
  return `field "${describePath(issue.path)}" ${problem}`;
}
