import type { FastifyReply } from 'fastify';

type Category = 'APPLICATION' | 'SYSTEM' | 'REQUEST' | 'DATA';
type Severity = 'INFO' | 'WARN' | 'ERROR';

/** An error in Walmart's gateway envelope; `code` carries Walmart's suffix (`.GMP_ORDER_API`, `.GMP_GATEWAY_API`). */
export class WalmartError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field: string,
    readonly description: string,
    readonly category: Category = 'DATA',
    readonly severity: Severity = 'ERROR',
  ) {
    super(description);
  }

  body(): unknown {
    return {
      errors: {
        error: [
          {
            code: this.code,
            field: this.field,
            description: this.description,
            info: INFO[this.code.split('.')[0]] ?? 'Request invalid.',
            severity: this.severity,
            category: this.category,
            causes: [],
            errorIdentifiers: {},
          },
        ],
      },
    };
  }
}

const INFO: Record<string, string> = {
  UNAUTHORIZED: 'Unauthorized token or incorrect authorization header',
  MISSING_REQUEST_HEADER: 'Required request header is missing.',
  INVALID_REQUEST_PARAM: 'Request parameter is invalid.',
  INVALID_REQUEST_HEADER: 'Request header is invalid.',
  INVALID_REQUEST_CONTENT: 'Request content is invalid.',
  MALFORMED_REQUEST_CONTENT: 'Request content is malformed.',
  CONTENT_NOT_FOUND: 'Requested content could not be found.',
  REQUEST_THRESHOLD_VIOLATED: 'Too many requests.',
  SYSTEM_ERROR: 'System encountered some internal error.',
};

export function sendWalmartError(reply: FastifyReply, error: WalmartError): FastifyReply {
  return reply.code(error.status).header('content-type', 'application/json').send(error.body());
}

export const invalidContent = (field: string, message: string): WalmartError =>
  new WalmartError(400, 'INVALID_REQUEST_CONTENT.GMP_ORDER_API', field, `INVALID_REQUEST_CONTENT :: ${message}`);

export const invalidParam = (field: string, message: string): WalmartError =>
  new WalmartError(400, 'INVALID_REQUEST_PARAM.GMP_ORDER_API', field, `INVALID_REQUEST_PARAM :: ${message}`);

export const unauthorized = (description: string): WalmartError =>
  new WalmartError(401, 'UNAUTHORIZED.GMP_GATEWAY_API', 'UNAUTHORIZED', description);

export function faultError(status: 429 | 500 | 503): WalmartError | null {
  switch (status) {
    case 429:
      return new WalmartError(
        429,
        'REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API',
        'REQUEST_THRESHOLD_VIOLATED',
        'Request threshold violated',
        'REQUEST',
      );
    case 500:
      return new WalmartError(
        500,
        'SYSTEM_ERROR.GMP_ORDER_API',
        'SYSTEM_ERROR',
        'SYSTEM_ERROR :: Internal system error',
        'SYSTEM',
      );
    case 503:
      // An unreachable gateway answers a bare 503 with no Walmart envelope.
      return null;
  }
}
