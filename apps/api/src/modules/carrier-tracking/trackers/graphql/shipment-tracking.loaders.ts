import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { groupByKeys } from 'src/common/dataloaders/group-by';
import { CarrierEventRepository, type CarrierEventEntity } from 'src/modules/carrier-events/carrier-event.repository';
import { ShipmentTrackerRepository, type ShipmentTrackerEntity } from '../shipment-tracker.repository';

/** A shipment's tracker, or null when the hub does not follow it. */
export const trackerByShipmentLoader = defineLoader(
  'trackerByShipment',
  (ds) =>
    new DataLoader<string, ShipmentTrackerEntity | null>(async (shipmentIds) => {
      const rows = await new ShipmentTrackerRepository(ds).findByShipmentIds(shipmentIds);
      const byId = new Map(rows.map((r) => [r.shipmentId, r]));
      return shipmentIds.map((id) => byId.get(id) ?? null);
    }),
);

/** A shipment's carrier events, oldest first. */
export const carrierEventsByShipmentLoader = defineLoader(
  'carrierEventsByShipment',
  (ds) =>
    new DataLoader<string, CarrierEventEntity[]>(async (shipmentIds) => {
      const rows = await new CarrierEventRepository(ds).ofShipments(shipmentIds);
      return groupByKeys(shipmentIds, rows, (r) => r.shipmentId);
    }),
);
