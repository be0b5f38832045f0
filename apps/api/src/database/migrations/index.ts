import type { MigrationInterface } from 'typeorm';
import { Initial1795395245345 } from './1795395245345-Initial';
import { SyncStateAndChannelChanges1795501559047 } from './1795501559047-SyncStateAndChannelChanges';
import { OutboxAndHubShipments1795503284898 } from './1795503284898-OutboxAndHubShipments';
import { McfRoutingAndAlerts1795504994294 } from './1795504994294-McfRoutingAndAlerts';
import { McfTrackingDelay1795506166557 } from './1795506166557-McfTrackingDelay';
import { ComplianceTrackingCheck1795506677466 } from './1795506677466-ComplianceTrackingCheck';
import { SkuCategory1795512047944 } from './1795512047944-SkuCategory';
import { ComplianceSnapshotsAndPlansOfAction1795512075725 } from './1795512075725-ComplianceSnapshotsAndPlansOfAction';
import { CarrierEvent1795512198771 } from './1795512198771-CarrierEvent';
import { ChannelWarningsAndAlertPaging1795512252307 } from './1795512252307-ChannelWarningsAndAlertPaging';
import { ComplianceDayCounts1795512336290 } from './1795512336290-ComplianceDayCounts';
import { ChannelLineReasonsAndOrderKinds1795600000000 } from './1795600000000-ChannelLineReasonsAndOrderKinds';
import { ChannelRefusals1795600100000 } from './1795600100000-ChannelRefusals';
import { LineCancelledBy1795600200000 } from './1795600200000-LineCancelledBy';
import { RecheckTrackingVerdicts1795600300000 } from './1795600300000-RecheckTrackingVerdicts';
import { NormalizedLineMoney1795600400000 } from './1795600400000-NormalizedLineMoney';
import { SyncLeaseHolderAndQuarantine1795600500000 } from './1795600500000-SyncLeaseHolderAndQuarantine';
import { ApiTokenExpiry1795600600000 } from './1795600600000-ApiTokenExpiry';
import { OutboxSendingHolder1795600700000 } from './1795600700000-OutboxSendingHolder';
import { CarrierTracking1795600800000 } from './1795600800000-CarrierTracking';
import { TrackingProviderSetting1795600900000 } from './1795600900000-TrackingProviderSetting';
import { TrackingWebhookInbox1795601000000 } from './1795601000000-TrackingWebhookInbox';
import { TrackingCheckCarrierSupported1795601100000 } from './1795601100000-TrackingCheckCarrierSupported';
import { TrackingHolds1795601300000 } from './1795601300000-TrackingHolds';
import { UsersAndSessions1795601400000 } from './1795601400000-UsersAndSessions';
import { BuyerDataRedaction1795601500000 } from './1795601500000-BuyerDataRedaction';
import { BuyerDataAccess1795601600000 } from './1795601600000-BuyerDataAccess';
import { OrderSearchIndexes1795601700000 } from './1795601700000-OrderSearchIndexes';
import { SavedViewsAndInboxColumns1795601800000 } from './1795601800000-SavedViewsAndInboxColumns';
import { AccountHealthReport1795602000000 } from './1795602000000-AccountHealthReport';
import { SkuBin1795602100000 } from './1795602100000-SkuBin';
import { Returns1795602200000 } from './1795602200000-Returns';
import { Suppliers1795602300000 } from './1795602300000-Suppliers';
import { TrackingIntake1795602400000 } from './1795602400000-TrackingIntake';
import { Mailbox1795602500000 } from './1795602500000-Mailbox';
import { BuyerMessages1795602600000 } from './1795602600000-BuyerMessages';
import { Notifications1795602700000 } from './1795602700000-Notifications';
import { Push1795602800000 } from './1795602800000-Push';
import { Labels1795602900000 } from './1795602900000-Labels';
import { LabelPresets1795603000000 } from './1795603000000-LabelPresets';
import { McfSkuMapAndRoutedByRule1795601900000 } from './1795601900000-McfSkuMapAndRoutedByRule';

/** Every migration, oldest first. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795395245345,
  SyncStateAndChannelChanges1795501559047,
  OutboxAndHubShipments1795503284898,
  McfRoutingAndAlerts1795504994294,
  McfTrackingDelay1795506166557,
  ComplianceTrackingCheck1795506677466,
  SkuCategory1795512047944,
  ComplianceSnapshotsAndPlansOfAction1795512075725,
  CarrierEvent1795512198771,
  ChannelWarningsAndAlertPaging1795512252307,
  ComplianceDayCounts1795512336290,
  ChannelLineReasonsAndOrderKinds1795600000000,
  ChannelRefusals1795600100000,
  LineCancelledBy1795600200000,
  RecheckTrackingVerdicts1795600300000,
  NormalizedLineMoney1795600400000,
  SyncLeaseHolderAndQuarantine1795600500000,
  ApiTokenExpiry1795600600000,
  OutboxSendingHolder1795600700000,
  CarrierTracking1795600800000,
  TrackingProviderSetting1795600900000,
  TrackingWebhookInbox1795601000000,
  TrackingCheckCarrierSupported1795601100000,
  TrackingHolds1795601300000,
  UsersAndSessions1795601400000,
  BuyerDataRedaction1795601500000,
  BuyerDataAccess1795601600000,
  OrderSearchIndexes1795601700000,
  SavedViewsAndInboxColumns1795601800000,
  McfSkuMapAndRoutedByRule1795601900000,
  AccountHealthReport1795602000000,
  SkuBin1795602100000,
  Returns1795602200000,
  Suppliers1795602300000,
  TrackingIntake1795602400000,
  Mailbox1795602500000,
  BuyerMessages1795602600000,
  Notifications1795602700000,
  Push1795602800000,
  Labels1795602900000,
  LabelPresets1795603000000,
];
