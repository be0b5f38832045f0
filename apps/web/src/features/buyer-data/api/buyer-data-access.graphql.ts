import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';

export interface BuyerDataAccessEntry {
  id: string;
  occurredAt: string;
  actor: string;
  userId: string | null;
  tokenId: string | null;
  orderId: string;
  channel: string | null;
  channelOrderId: string | null;
  accountTimeZone: string | null;
  fields: string[];
  via: string;
  ip: string | null;
}

export interface BuyerDataAccessLogResult {
  buyerDataAccessLog: {
    edges: { cursor: string; node: BuyerDataAccessEntry }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    csvPath: string;
  };
}

export interface BuyerDataAccessLogVariables extends Record<string, unknown> {
  filter: { from: string; to: string; userId?: string | null; orderId?: string | null };
  first: number;
  after: string | null;
}

// Typed here rather than through the generated `graphql()` map, so the page works before the next codegen run.
export const BuyerDataAccessLogQuery = parse(`
  query BuyerDataAccessLog($filter: BuyerDataAccessFilter!, $first: Int, $after: String) {
    buyerDataAccessLog(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          occurredAt
          actor
          userId
          tokenId
          orderId
          channel
          channelOrderId
          accountTimeZone
          fields
          via
          ip
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      csvPath
    }
  }
`) as TypedDocumentNode<BuyerDataAccessLogResult, BuyerDataAccessLogVariables>;
