import { graphql } from '@/gql';

/** Resolves a readable address (channel + channel order number) to the hub's order id. */
export const OrderIdByNumberQuery = graphql(`
  query OrderIdByNumber($channel: Channel!, $number: String!) {
    orderByNumber(channel: $channel, number: $number) {
      id
    }
  }
`);
