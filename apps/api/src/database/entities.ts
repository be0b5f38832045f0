import { AlertEntity } from '../modules/alerts/alert.entity';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { ApiTokenEntity } from '../modules/auth/api-token.entity';
import { CarrierEventEntity } from '../modules/carrier-events/carrier-event.entity';
import { SkuCategoryEntity } from '../modules/catalog/sku-category.entity';
import { ChannelWarningEntity } from '../modules/alerts/channel-warnings/channel-warning.entity';
import { ChannelAccountEntity } from '../modules/channels/channel-account.entity';
import {
  ComplianceHourCountEntity,
  ComplianceDirtyDayEntity,
} from '../modules/compliance/compliance-day-counts.entity';
import { ShipmentLineEntity } from '../modules/fulfillment/shipment-line.entity';
import { ShipmentEntity } from '../modules/fulfillment/shipment.entity';
import { McfOrderEntity } from '../modules/mcf/mcf-order.entity';
import { RoutingRuleEntity } from '../modules/mcf/routing-rule.entity';
import { OrderLineEntity } from '../modules/orders/order-line.entity';
import { OrderEntity } from '../modules/orders/order.entity';
import { OutboxAttemptEntity } from '../modules/outbox/outbox-attempt.entity';
import { OutboxEntity } from '../modules/outbox/outbox.entity';
import { AccountSyncStateEntity } from '../modules/sync/account-sync-state.entity';

export const ENTITIES = [
  AlertEntity,
  McfOrderEntity,
  RoutingRuleEntity,
  AccountSyncStateEntity,
  ApiTokenEntity,
  AuditEventEntity,
  ChannelAccountEntity,
  OrderEntity,
  OrderLineEntity,
  OutboxEntity,
  OutboxAttemptEntity,
  ShipmentEntity,
  ShipmentLineEntity,
  SkuCategoryEntity,
  CarrierEventEntity,
  ChannelWarningEntity,
  ComplianceHourCountEntity,
  ComplianceDirtyDayEntity,
];
