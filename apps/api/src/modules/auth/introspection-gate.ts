import { BREAK, visit, type DocumentNode } from 'graphql';
import type { FastifyRequest } from 'fastify';
import { AppError, ErrorCode, UnauthenticatedError } from 'src/common/errors/app-error';
import type { AppConfig } from 'src/config/app-config';
import { authenticateRequest, markAuthenticationRefused, type RequestAuthenticator } from './request-authentication';

const asked = new WeakMap<DocumentNode, boolean>();

/** Whether an operation reads the schema (`__schema`, `__type`); `__typename` is not introspection of the schema. */
export function asksIntrospection(document: DocumentNode): boolean {
  let found = asked.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Field(node) {
        if (node.name.value === '__schema' || node.name.value === '__type') {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    });
    asked.set(document, found);
  }
  return found;
}

/**
 * A Mercurius preExecution hook: introspection (the whole schema, a map of every operation) only for callers
 * with a valid API token or console session (GRAPHQL_INTROSPECTION=authenticated, the default), for everyone (`always`) or for
 * nobody (`never`). An anonymous introspection answers UNAUTHENTICATED saying so.
 */
export function introspectionGate(mode: AppConfig['introspection'], auth: RequestAuthenticator) {
  return async (_schema: unknown, document: DocumentNode, context: { reply: { request: FastifyRequest } }) => {
    if (mode === 'always' || !asksIntrospection(document)) return;
    if (mode === 'never') {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Introspection is turned off on this hub (GRAPHQL_INTROSPECTION=never): the schema is in apps/api/schema.graphql.',
      );
    }
    const req = context.reply.request;
    const outcome = await authenticateRequest(req, auth);
    if (outcome.refused === undefined) return;
    markAuthenticationRefused(req);
    throw new UnauthenticatedError(`Introspection is for signed-in callers. ${outcome.refused}`);
  };
}
