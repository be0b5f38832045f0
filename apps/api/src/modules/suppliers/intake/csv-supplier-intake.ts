import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ShipmentCsvService,
  type SupplierCsvIntake,
  type SupplierCsvRow,
} from 'src/modules/actions/shipment-csv.service';
import { SuppliersService } from '../suppliers.service';
import { TrackingIntakeService } from './tracking-intake.service';

/** The shipments CSV upload for a supplier of the hub: each row becomes that supplier's tracking intake (via CSV). */
@Injectable()
export class CsvSupplierIntake implements SupplierCsvIntake, OnModuleInit {
  constructor(
    private readonly csv: ShipmentCsvService,
    private readonly suppliers: SuppliersService,
    private readonly intake: TrackingIntakeService,
  ) {}

  onModuleInit(): void {
    this.csv.useSupplierIntake(this);
  }

  async supplierName(supplierId: string): Promise<string> {
    return (await this.suppliers.get(supplierId, 'supplierId')).name;
  }

  record(row: SupplierCsvRow, actor: string): Promise<void> {
    return this.intake.recordCsvRow(row, actor);
  }
}
