import { ShipFromAddressEntity } from './ship-from-address.entity';
import { ShippingLabelEntity } from './shipping-label.entity';

export const LABEL_ENTITIES = [ShippingLabelEntity, ShipFromAddressEntity];
