import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ShipmentLineEntity } from '../../modules/fulfillment/shipment-line.entity';
import { groupByKeys } from './group-by';

export function shipmentLinesByShipmentLoader(ds: DataSource) {
  return new DataLoader<string, ShipmentLineEntity[]>(async (shipmentIds) => {
    const rows = await ds.getRepository(ShipmentLineEntity).find({
      where: { shipmentId: In([...shipmentIds]) },
      relations: { orderLine: true },
    });
    return groupByKeys(shipmentIds, rows, (r) => r.shipmentId);
  });
}
