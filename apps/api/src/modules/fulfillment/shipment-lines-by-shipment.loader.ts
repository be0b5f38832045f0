import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { In, type DataSource } from 'typeorm';
import { ShipmentLineEntity } from './shipment-line.entity';
import { groupByKeys } from 'src/common/dataloaders/group-by';

export const shipmentLinesByShipmentLoader = defineLoader(
  'shipmentLinesByShipment',
  (ds: DataSource) =>
    new DataLoader<string, ShipmentLineEntity[]>(async (shipmentIds) => {
      const rows = await ds.getRepository(ShipmentLineEntity).find({
        where: { shipmentId: In([...shipmentIds]) },
        relations: { orderLine: true },
      });
      return groupByKeys(shipmentIds, rows, (r) => r.shipmentId);
    }),
);
