import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';

  constructor(
    message: string,
    /** `extensions.code` of the first GraphQL error, or HTTP_<status> / NETWORK_ERROR / BAD_RESPONSE. */
    readonly code: string,
    readonly errors: readonly GraphQLErrorPayload[] = [],
  ) {
    super(message);
  }

  /** `extensions.field` of the first GraphQL error: the input path BAD_USER_INPUT names, e.g. `input.baseUrl`. */
  get field(): string | null {
    return this.errors[0]?.extensions?.field ?? null;
  }
}

export interface GraphQLErrorPayload {
  message: string;
  /** `violations` comes with RULE_VIOLATION: every rule the action broke. */
  extensions?: { code?: string; field?: string; violations?: unknown; [key: string]: unknown };
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: GraphQLErrorPayload[];
}

export interface GraphQLClientOptions {
  url: string;
  /** The session's CSRF token, sent as `x-csrf-token` (the session itself travels in its httpOnly cookie). */
  getCsrfToken: () => string | null;
  /** The session ended (UNAUTHENTICATED, HTTP 401) or still needs its second factor (MFA_REQUIRED). */
  onSessionLost: (code: string) => void;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Codes after which the console must ask the session what to do next (sign in again, or the second factor). */
const SESSION_LOST_CODES = new Set(['UNAUTHENTICATED', 'MFA_REQUIRED']);

export type GraphQLRequest = <TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options?: RequestOptions,
) => Promise<TData>;

export function createGraphQLClient({ url, getCsrfToken, onSessionLost }: GraphQLClientOptions): GraphQLRequest {
  return async function request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: RequestOptions = {},
  ): Promise<TData> {
    const csrf = getCsrfToken();
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (csrf) headers['x-csrf-token'] = csrf;

    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: JSON.stringify({ query: print(document), variables }),
        signal: options.signal ?? null,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new GraphQLRequestError(`Cannot reach the server: ${(cause as Error).message}`, 'NETWORK_ERROR');
    }

    const body = await readBody<TData>(response);
    const first = body?.errors?.[0];
    if (first) {
      const error = new GraphQLRequestError(
        first.message,
        first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
        body.errors,
      );
      if (SESSION_LOST_CODES.has(error.code)) onSessionLost(error.code);
      throw error;
    }
    if (response.status === 401) {
      onSessionLost('UNAUTHENTICATED');
      throw new GraphQLRequestError('Your session has ended: sign in again.', 'UNAUTHENTICATED');
    }
    if (!response.ok) {
      throw new GraphQLRequestError(
        `The server answered ${response.status} ${response.statusText}`.trim(),
        `HTTP_${response.status}`,
      );
    }
    if (!body?.data) throw new GraphQLRequestError('The server answered without data', 'BAD_RESPONSE');
    return body.data;
  };
}

async function readBody<TData>(response: Response): Promise<GraphQLResponse<TData> | null> {
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponse<TData>;
  } catch {
    return null;
  }
}
