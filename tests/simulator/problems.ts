/**
 * OpenProject's API errors (`_type: "Error"`, an `errorIdentifier` urn and a message), as
 * throwable values the router turns into responses.
 */

export const ERROR_URN = 'urn:openproject-org:api:v3:errors:';

export interface ErrorBody {
  _type: 'Error';
  errorIdentifier: string;
  message: string;
  _embedded?: Record<string, unknown>;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly identifier: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly embedded?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(): ErrorBody {
    return errorBody(this.identifier, this.message, this.embedded);
  }
}

export function errorBody(
  identifier: string,
  message: string,
  embedded?: Record<string, unknown>,
): ErrorBody {
  return {
    _type: 'Error',
    errorIdentifier: `${ERROR_URN}${identifier}`,
    message,
    ...(embedded ? { _embedded: embedded } : {}),
  };
}

export const NOT_FOUND_MESSAGE = 'The requested resource could not be found.';
export const NEED_AUTH_MESSAGE = 'You need to be authenticated to access this resource.';
export const BAD_CREDENTIALS_MESSAGE = 'You did not provide the correct credentials.';

export function notFound(message = NOT_FOUND_MESSAGE): ApiProblem {
  return new ApiProblem(404, 'NotFound', message);
}

export function missingPermission(
  message = 'You are not authorized to access this resource.',
): ApiProblem {
  return new ApiProblem(403, 'MissingPermission', message);
}

export function badRequest(message: string): ApiProblem {
  return new ApiProblem(400, 'BadRequest', `Bad request: ${message}`);
}

/**
 * Invalid filters, sort or grouping. One error is a 400 InvalidQuery; several are a 422
 * MultipleErrors unless `single` asks for one InvalidQuery carrying them all (the bulk read routes).
 */
export function invalidQuery(messages: readonly string[], single = false): ApiProblem {
  if (messages.length <= 1 || single) {
    return new ApiProblem(400, 'InvalidQuery', messages.join(' '));
  }
  return new ApiProblem(
    422,
    'MultipleErrors',
    'Multiple field constraints have been violated.',
    {},
    {
      errors: messages.map((m) => errorBody('InvalidQuery', m)),
    },
  );
}

export function typeNotSupported(actual: string): ApiProblem {
  return new ApiProblem(
    415,
    'TypeNotSupported',
    `Expected CONTENT-TYPE to be (application/json application/hal+json) but got (${actual}).`,
  );
}

export function internalError(): ApiProblem {
  return new ApiProblem(500, 'InternalServerError', 'An internal error has occurred.');
}

export function throttled(headers: Readonly<Record<string, string>>): ApiProblem {
  return new ApiProblem(
    429,
    'Throttled',
    'You have reached the request limit for this resource.',
    headers,
  );
}
