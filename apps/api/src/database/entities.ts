import { UserEntity } from 'src/modules/users/user.entity';
import { UserLinkEntity } from 'src/modules/users/user-link.entity';
import { SecuritySettingEntity } from 'src/modules/users/security-setting.entity';
import { UserSessionEntity } from 'src/modules/auth/sessions/user-session.entity';
import { AlertEntity } from 'src/modules/alerts/alert.entity';
import { BuyerDataAccessEntity } from 'src/modules/buyer-data/buyer-data-access.entity';
import { AuditEventEntity } from 'src/modules/audit/audit-event.entity';
import { ApiTokenEntity } from 'src/modules/auth/api-token.entity';
import { CarrierEventEntity } from 'src/modules/carrier-events/carrier-event.entity';
import { TrackingProviderSettingEntity } from 'src/modules/carrier-tracking/provider/tracking-provider-setting.entity';
import { ShipmentTrackerEntity } from 'src/modules/carrier-tracking/trackers/shipment-tracker.entity';
import { TrackingWebhookEventEntity } from 'src/modules/carrier-tracking/trackers/webhooks/tracking-webhook-event.entity';
import { TrackingHoldEntity } from 'src/modules/carrier-tracking/holds/tracking-hold.entity';
import { SkuCategoryEntity } from 'src/modules/catalog/sku-category.entity';
import { SkuBinEntity } from 'src/modules/catalog/sku-bin.entity';
import { SkuWeightEntity } from 'src/modules/catalog/sku-weight.entity';
import { PackagePresetEntity } from 'src/modules/labels/presets/package-preset.entity';
import { ChannelWarningEntity } from 'src/modules/alerts/channel-warnings/channel-warning.entity';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';
import {
  ComplianceHourCountEntity,
  ComplianceDirtyDayEntity,
} from 'src/modules/compliance/compliance-day-counts.entity';
import { ShipmentLineEntity } from 'src/modules/fulfillment/shipment-line.entity';
import { ShipmentEntity } from 'src/modules/fulfillment/shipment.entity';
import { McfOrderEntity } from 'src/modules/mcf/mcf-order.entity';
import { RoutingRuleEntity } from 'src/modules/mcf/routing-rule.entity';
import { McfSkuMappingEntity } from 'src/modules/mcf/sku-map/mcf-sku-mapping.entity';
import { OrderLineEntity } from 'src/modules/orders/order-line.entity';
import { OrderEntity } from 'src/modules/orders/order.entity';
import { OutboxAttemptEntity } from 'src/modules/outbox/outbox-attempt.entity';
import { OutboxEntity } from 'src/modules/outbox/outbox.entity';
import { AccountSyncStateEntity } from 'src/modules/sync/account-sync-state.entity';
import { QuarantinedOrderEntity } from 'src/modules/sync/quarantine/quarantined-order.entity';
import { OrderReturnEntity } from 'src/modules/returns/order-return.entity';
import { OrderReturnLineEntity } from 'src/modules/returns/order-return-line.entity';
import { ReturnSyncStateEntity } from 'src/modules/returns/return-sync-state.entity';
import { InboxPreferenceEntity } from 'src/modules/saved-views/inbox-preference.entity';
import { SavedViewEntity } from 'src/modules/saved-views/saved-view.entity';
import { MAILBOX_ENTITIES } from 'src/modules/mailbox/mailbox.entities';
import { SUPPLIER_ENTITIES } from 'src/modules/suppliers/suppliers.entities';
import { INTAKE_ENTITIES } from 'src/modules/suppliers/intake/intake.entities';
import { BUYER_MESSAGE_ENTITIES } from 'src/modules/buyer-messages/buyer-messages.entities';
import { NOTIFICATION_ENTITIES } from 'src/modules/notifications/notifications.entities';
import { PUSH_ENTITIES } from 'src/modules/push/ledger/push-ledger.entities';
import { LABEL_ENTITIES } from 'src/modules/labels/labels.entities';

export const ENTITIES = [
  AlertEntity,
  McfOrderEntity,
  RoutingRuleEntity,
  McfSkuMappingEntity,
  AccountSyncStateEntity,
  QuarantinedOrderEntity,
  ApiTokenEntity,
  UserEntity,
  UserLinkEntity,
  UserSessionEntity,
  SecuritySettingEntity,
  AuditEventEntity,
  BuyerDataAccessEntity,
  ChannelAccountEntity,
  OrderEntity,
  OrderLineEntity,
  OutboxEntity,
  OutboxAttemptEntity,
  ShipmentEntity,
  ShipmentLineEntity,
  SkuCategoryEntity,
  SkuBinEntity,
  SkuWeightEntity,
  PackagePresetEntity,
  CarrierEventEntity,
  ShipmentTrackerEntity,
  TrackingProviderSettingEntity,
  TrackingHoldEntity,
  TrackingWebhookEventEntity,
  ChannelWarningEntity,
  ComplianceHourCountEntity,
  ComplianceDirtyDayEntity,
  SavedViewEntity,
  InboxPreferenceEntity,
  OrderReturnEntity,
  OrderReturnLineEntity,
  ReturnSyncStateEntity,
  ...MAILBOX_ENTITIES,
  ...SUPPLIER_ENTITIES,
  ...INTAKE_ENTITIES,
  ...BUYER_MESSAGE_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...PUSH_ENTITIES,
  ...LABEL_ENTITIES,
];
