import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { OperationDefinitionNode } from 'graphql';
import { request } from '@/lib/api';

type Handler = (variables: Record<string, unknown>) => unknown;

/** Answers each GraphQL operation by name through the mocked `request` (jest.mock('…/lib/api')), recording the calls. */
export function serve(handlers: Record<string, Handler>) {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  // `request` is a jest.fn() in the tests that call this (typed loosely: this file also compiles without jest's types).
  (
    request as unknown as {
      mockImplementation: (
        fn: (document: TypedDocumentNode, variables: Record<string, unknown>) => Promise<unknown>,
      ) => void;
    }
  ).mockImplementation((document: TypedDocumentNode, variables: Record<string, unknown>) => {
    const operation = (document.definitions[0] as OperationDefinitionNode).name!.value;
    calls.push({ operation, variables });
    const handler = handlers[operation];
    if (!handler) return Promise.reject(new Error(`no handler for ${operation}`));
    try {
      return Promise.resolve(handler(variables));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return calls;
}
