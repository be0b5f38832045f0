import type { ResultOf } from '@graphql-typed-document-node/core';
import type { Channel } from '@/gql/graphql';
import {
  PurchaseOrderFieldsFragment,
  SupplierFieldsFragment,
  SupplierQuery,
  TrackingIntakeFieldsFragment,
} from './suppliers.graphql';

/** A supplier as the list, its page and the dialogs read it. */
export type SupplierView = ResultOf<typeof SupplierFieldsFragment>;
export type PurchaseOrderView = ResultOf<typeof PurchaseOrderFieldsFragment>;
export type TrackingIntakeView = ResultOf<typeof TrackingIntakeFieldsFragment>;
export type IntakeReasonView = TrackingIntakeView['reasons'][number];
export type SupplierScorecardView = NonNullable<ResultOf<typeof SupplierQuery>['supplier']>['scorecard'];

/** The order a purchase order or a held row names: enough to link it and to read its dates in its account's zone. */
export interface OrderRefView {
  id: string;
  channel: Channel;
  channelOrderId: string;
  account?: { timeZone: string } | null;
}

/** A held row with what the queue shows beside it: its order (null while loading or gone) and supplier's name. */
export interface ReviewRowView {
  intake: TrackingIntakeView;
  order: OrderRefView | null;
  supplier: { id: string; name: string } | null;
}
