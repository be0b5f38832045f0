import type { FastifyReply } from 'fastify';

/** An error in the SP-API envelope `{ errors: [{ code, message, details? }] }`. */
export class AmazonError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: string,
    readonly errorType?: string,
  ) {
    super(message);
  }

  body(): unknown {
    return {
      errors: [
        { code: this.code, message: this.message, ...(this.details !== undefined ? { details: this.details } : {}) },
      ],
    };
  }
}

export function sendAmazonError(reply: FastifyReply, error: AmazonError): FastifyReply {
  if (error.errorType) reply.header('x-amzn-ErrorType', error.errorType);
  return reply.code(error.status).header('content-type', 'application/json').send(error.body());
}

export const invalidInput = (message: string, details?: string): AmazonError =>
  new AmazonError(400, 'InvalidInput', message, details);

export const notFound = (message: string): AmazonError => new AmazonError(404, 'NotFound', message);

export function faultError(status: 429 | 500 | 503): AmazonError {
  switch (status) {
    case 429:
      return new AmazonError(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.', '');
    case 500:
      return new AmazonError(500, 'InternalFailure', 'We encountered an internal error. Please try again.');
    case 503:
      return new AmazonError(503, 'ServiceUnavailable', 'Service temporarily unavailable. Please try again later.');
  }
}
