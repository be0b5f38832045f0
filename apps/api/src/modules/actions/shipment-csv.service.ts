import { Injectable } from '@nestjs/common';
import { CarrierCode, isCarrierCode, type Violation } from '@order-hub/types';
import { carrierNamed } from '@order-hub/rules';
import { parse } from 'csv-parse/sync';
import { AppError, BadUserInputError, RuleViolationError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { CSV_UPLOAD_ACTION } from 'src/modules/compliance/evidence/shipment-origin';
import type { OrderEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { ShipService } from './ship.service';

export const MAX_CSV_ROWS = 5_000;

/** Accepted spellings of each column (lower case, spaces and underscores ignored). */
const COLUMNS = {
  order: ['order', 'ordernumber', 'orderid', 'po', 'purchaseorderid', 'amazonorderid'],
  line: ['line', 'linenumber', 'orderitemid', 'item'],
  quantity: ['quantity', 'qty'],
  carrier: ['carrier', 'carriercode'],
  tracking: ['tracking', 'trackingnumber'],
  carrierName: ['carriername'],
  service: ['service', 'method', 'shipmethod', 'methodcode'],
  trackingUrl: ['trackingurl', 'url'],
  shipDate: ['shipdate', 'shippedat', 'shipdatetime'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['order', 'line', 'quantity', 'carrier', 'tracking'];

/** What the uploader said about the file: kept on each shipment it creates, so alarms and plans can name the source. */
export interface CsvUploadSource {
  fileName: string | null;
  supplier: string | null;
  /** A supplier of the hub: its name is the file's supplier, and each row becomes its tracking intake. */
  supplierId?: string | null;
}

/**
 * The tracking intake of suppliers, registered by the suppliers module when it starts (it imports actions to ship,
 * so actions reaches it only through this).
 */
export interface SupplierCsvIntake {
  /** The supplier's name; a BadUserInputError naming `supplierId` when there is no such supplier. */
  supplierName(supplierId: string): Promise<string>;
  /** One row of the supplier's file: applied (with its shipment) or refused (with the rules' words). */
  record(row: SupplierCsvRow, actor: string): Promise<void>;
}

export interface SupplierCsvRow {
  supplierId: string;
  orderId: string;
  carrier: CarrierCode;
  carrierName: string | null;
  trackingNumber: string;
  shipmentId: string | null;
  violations: Violation[];
  error: string | null;
}

export interface CsvRowResult {
  row: number;
  orderNumber: string;
  ok: boolean;
  shipmentId: string | null;
  error: string | null;
  violations: Violation[];
}

/**
 * Shipment confirmations from a spreadsheet: each row is one confirmation in its own transaction (all of it
 * or none of it), checked by the same rules as the ship dialog, and reported row by row.
 */
@Injectable()
export class ShipmentCsvService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly ship: ShipService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  private supplierIntake: SupplierCsvIntake | null = null;

  useSupplierIntake(intake: SupplierCsvIntake): void {
    this.supplierIntake = intake;
  }

  async confirmFromCsv(
    csv: string,
    actor: string,
    source: CsvUploadSource = { fileName: null, supplier: null },
    now = new Date(),
  ): Promise<CsvRowResult[]> {
    const supplierId = source.supplierId ?? null;
    const intake = supplierId ? this.supplierIntake : null;
    if (supplierId && !intake) throw new BadUserInputError('supplierId', 'suppliers are not available in this hub.');
    const named = supplierId && intake ? { ...source, supplier: await intake.supplierName(supplierId) } : source;
    const records = this.parse(csv);
    const orders = await this.ordersByNumber(records.map((r) => (r.order ?? '').trim()));
    const results: CsvRowResult[] = [];
    for (const [index, record] of records.entries()) {
      const row = index + 2;
      const orderNumber = record.order ?? '';
      let input: ReturnType<ShipmentCsvService['toInput']> | null = null;
      const toIntake = async (shipmentId: string | null, violations: Violation[], error: string | null) => {
        if (!intake || !supplierId || !input) return;
        const { orderId, carrier, carrierName, trackingNumber } = input;
        await intake.record(
          { supplierId, orderId, carrier, carrierName, trackingNumber, shipmentId, violations, error },
          actor,
        );
      };
      try {
        input = this.toInput(record, findOrder(orders, record.order ?? ''), now);
        const result = await this.ship.confirmShipment(input, actor);
        await this.recordUpload(result.shipment.id, input.orderId, row, named, actor);
        await toIntake(result.shipment.id, result.warnings, null);
        results.push({
          row,
          orderNumber,
          ok: true,
          shipmentId: result.shipment.id,
          error: null,
          violations: result.warnings,
        });
      } catch (err) {
        if (err instanceof RuleViolationError) {
          const violations = (err.extensions.violations as Violation[]).filter((v) => v.severity === 'BLOCK');
          results.push({ row, orderNumber, ok: false, shipmentId: null, error: err.message, violations });
          await toIntake(null, violations, err.message);
        } else if (err instanceof AppError) {
          results.push({ row, orderNumber, ok: false, shipmentId: null, error: err.message, violations: [] });
          await toIntake(null, [], err.message);
        } else {
          throw err;
        }
      }
    }
    return results;
  }

  /**
   * Where the shipment came from. Written after the confirmation's own transaction: were it lost, the shipment
   * would read as a plain hub confirmation by the same token, never as another source.
   */
  private recordUpload(shipmentId: string, orderId: string, row: number, source: CsvUploadSource, actor: string) {
    return this.tx.run((em) =>
      this.audit.record(em, {
        actor,
        action: CSV_UPLOAD_ACTION,
        entityType: 'shipment',
        entityId: shipmentId,
        orderId,
        after: { file: source.fileName, supplier: source.supplier, row },
      }),
    );
  }

  private parse(csv: string): Partial<Record<Column, string>>[] {
    let rows: string[][];
    try {
      const parsed: unknown = parse(csv, { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true });
      rows = parsed as string[][];
    } catch (err) {
      throw new BadUserInputError('csv', `is not readable CSV: ${(err as Error).message}`);
    }
    if (rows.length < 2) throw new BadUserInputError('csv', 'needs a header row and at least one shipment row.');
    if (rows.length - 1 > MAX_CSV_ROWS)
      throw new BadUserInputError('csv', `has ${rows.length - 1} rows; upload at most ${MAX_CSV_ROWS} at a time.`);
    const header = rows[0].map((h) => h.toLowerCase().replace(/[\s_-]/g, ''));
    const index = new Map<Column, number>();
    for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      const at = header.findIndex((h) => names.includes(h));
      if (at >= 0) index.set(column, at);
    }
    const missing = REQUIRED.filter((c) => !index.has(c));
    if (missing.length)
      throw new BadUserInputError(
        'csv',
        `is missing the column(s) ${missing.join(', ')} (header: ${rows[0].join(', ')}).`,
      );
    return rows
      .slice(1)
      .map(
        (cells) =>
          Object.fromEntries([...index].map(([column, at]) => [column, cells[at] ?? ''])) as Partial<
            Record<Column, string>
          >,
      );
  }

  private toInput(record: Partial<Record<Column, string>>, order: OrderEntity, now: Date) {
    const quantity = Number(record.quantity);
    if (!Number.isInteger(quantity) || quantity < 1)
      throw new BadUserInputError('quantity', `"${record.quantity ?? ''}" is not a whole number of units.`);
    const typed = (record.carrier ?? '').trim();
    const upper = typed.toUpperCase().replace(/[\s-]+/g, '_');
    const carrier = isCarrierCode(upper) ? upper : (carrierNamed(typed) ?? CarrierCode.OTHER);
    const shippedAt = record.shipDate ? new Date(record.shipDate) : now;
    if (Number.isNaN(shippedAt.getTime()))
      throw new BadUserInputError(
        'shipDate',
        `"${record.shipDate}" is not a date (use 2026-11-24 or 2026-11-24T15:30:00Z).`,
      );
    return {
      orderId: order.id,
      lines: [{ lineNumber: record.line ?? '', quantity }],
      carrier,
      carrierName: carrier === CarrierCode.OTHER ? record.carrierName || typed : (record.carrierName ?? null),
      service: record.service || null,
      trackingNumber: record.tracking ?? '',
      trackingUrl: record.trackingUrl || null,
      shippedAt,
    };
  }

  /** Every order a number in the upload names, by the channel's order number or Walmart's customer order number: one query. */
  private async ordersByNumber(numbers: string[]): Promise<Map<string, OrderEntity[]>> {
    const wanted = [...new Set(numbers.filter(Boolean))];
    const found = await this.orders.findByNumbers(wanted);
    const byNumber = new Map<string, OrderEntity[]>();
    for (const order of found) {
      for (const number of new Set([order.channelOrderId, order.customerOrderId])) {
        if (number) byNumber.set(number, [...(byNumber.get(number) ?? []), order]);
      }
    }
    return byNumber;
  }
}

function findOrder(orders: Map<string, OrderEntity[]>, number: string): OrderEntity {
  const trimmed = number.trim();
  if (!trimmed) throw new BadUserInputError('order', 'is empty.');
  const found = orders.get(trimmed) ?? [];
  if (found.length === 0) throw new BadUserInputError('order', `${trimmed} is not an order in the hub.`);
  if (found.length > 1)
    throw new BadUserInputError('order', `${trimmed} matches several orders; use the channel's own order number.`);
  return found[0];
}
