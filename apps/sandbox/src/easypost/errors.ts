/** EasyPost's error envelope: `{ "error": { "code", "message", "errors": [] } }` with the HTTP status. */
export class EasyPostError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(message);
  }

  body() {
    return { error: { code: this.code, message: this.message, errors: this.errors } };
  }
}

export const unauthorized = () =>
  new EasyPostError(
    401,
    'UNAUTHORIZED',
    'The request could not be authorized: send the API key as the user name of HTTP Basic auth.',
  );

export const notFound = (what: string) =>
  new EasyPostError(404, 'NOT_FOUND', `The requested resource could not be found: ${what}.`);

/** What POST /trackers answers for a code EasyPost cannot attach to a carrier it supports. */
export const untrackable = (code: string) =>
  new EasyPostError(422, 'TRACKER.NO_CARRIER_FOR_CODE', 'The tracking code cannot be matched to a supported carrier.', [
    { field: 'tracking_code', message: `${code} cannot be matched to a supported carrier` },
  ]);

export const invalidParameter = (field: string, message: string) =>
  new EasyPostError(422, 'BAD_REQUEST', `${field}: ${message}`, [{ field, message }]);

export const rateLimited = () =>
  new EasyPostError(
    429,
    'RATE_LIMITED',
    'You have exceeded the rate limit for this endpoint. Please slow down and retry with backoff.',
  );

export const FAULT_ERRORS: Record<429 | 500 | 503, () => EasyPostError> = {
  429: rateLimited,
  500: () => new EasyPostError(500, 'INTERNAL_SERVER_ERROR', 'An unexpected error occurred. Please try again.'),
  503: () =>
    new EasyPostError(503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable. Please try again later.'),
};
