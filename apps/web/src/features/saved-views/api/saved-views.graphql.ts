import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const SavedViewFieldsFragment = graphql(`
  fragment SavedViewFields on SavedView {
    id
    name
    filter {
      channel
      accountId
      view
      statuses
      search
      skus
      shipMethods
      shipToStates
      fulfillment
      buyerRequestedCancel
      channelRefused
      shippedNoScan
    }
    columns
    sort {
      field
      direction
    }
    count {
      count
      exact
    }
  }
`);

export const SavedViewsQuery = graphql(`
  query SavedViews {
    savedViews {
      ...SavedViewFields
    }
  }
`);

export const SaveViewMutation = graphql(`
  mutation SaveView($input: SavedViewInput!) {
    saveView(input: $input) {
      ...SavedViewFields
    }
  }
`);

export const DeleteSavedViewMutation = graphql(`
  mutation DeleteSavedView($id: ID!) {
    deleteSavedView(id: $id)
  }
`);

export const InboxColumnsQuery = graphql(`
  query InboxColumns {
    inboxColumns
  }
`);

export const SetInboxColumnsMutation = graphql(`
  mutation SetInboxColumns($columns: [InboxColumn!]!) {
    setInboxColumns(columns: $columns)
  }
`);

export type SavedView = ResultOf<typeof SavedViewFieldsFragment>;
