import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const TrackingProviderFieldsFragment = graphql(`
  fragment TrackingProviderFields on TrackingProviderSettings {
    provider
    enabled
    baseUrl
    hasApiKey
    hasWebhookSecret
    webhookPath
    lastSuccessAt
    lastError
    lastErrorAt
  }
`);

export const TrackingProviderQuery = graphql(`
  query TrackingProvider {
    trackingProvider {
      ...TrackingProviderFields
    }
  }
`);

export const UpdateTrackingProviderMutation = graphql(`
  mutation UpdateTrackingProvider($input: UpdateTrackingProviderInput!) {
    updateTrackingProvider(input: $input) {
      ...TrackingProviderFields
    }
  }
`);

export type TrackingProviderView = ResultOf<typeof TrackingProviderFieldsFragment>;
