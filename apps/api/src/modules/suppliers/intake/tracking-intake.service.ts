import { Injectable } from '@nestjs/common';
import { openUnits } from '@order-hub/rules';
import type { CarrierCode, IntakeStatus, IntakeVia, Violation } from '@order-hub/types';
import { AppError, ConflictError, NotFoundError, RuleViolationError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { ShipService } from 'src/modules/actions/ship.service';
import { AuditService } from 'src/modules/audit/audit.service';
import { SUPPLIER_TRACKING_ACTION } from 'src/modules/compliance/evidence/shipment-origin';
import { OrderRepository } from 'src/modules/orders/order.repository';
import type { ShipmentInput } from 'src/modules/rules/dto/shipment.input';
import { RulesService } from 'src/modules/rules/rules.service';
import { SuppliersService, type Supplier } from '../suppliers.service';
import type { IntakeReason, TrackingIntakeEntity } from './tracking-intake.entity';
import { TrackingIntakeRepository } from './tracking-intake.repository';

/** Why the intake itself holds a number for a person (a mail it could not read with certainty), in words. */
export interface HoldReason {
  code: string;
  message: string;
}

export interface IntakeSubmission {
  orderId: string;
  supplierId: string | null;
  via: IntakeVia;
  mailId?: string | null;
  carrier: CarrierCode;
  carrierName?: string | null;
  trackingNumber: string;
  holdReasons?: HoldReason[];
}

export interface IntakeCorrection {
  carrier?: CarrierCode | null;
  carrierName?: string | null;
  trackingNumber?: string | null;
}

/** A CSV row the actions module confirmed (or refused) for a supplier named by id. */
export interface CsvIntakeRow {
  supplierId: string;
  orderId: string;
  carrier: CarrierCode;
  carrierName: string | null;
  trackingNumber: string;
  shipmentId: string | null;
  violations: Violation[];
  error: string | null;
}

const STATUS_WORDS: Record<IntakeStatus, string> = {
  APPLIED: 'already applied',
  HELD: 'held',
  REFUSED: 'refused by the rules',
  DISMISSED: 'dismissed',
};

export const supplierActor = (supplier: Pick<Supplier, 'name'> | null) =>
  supplier ? `supplier:${supplier.name}` : 'supplier:unknown';

/**
 * A supplier's tracking number for an order, from their e-mail, the supplier link or a CSV: checked by the same rules
 * as the ship dialog (RulesService.validateShipment over the order's open lines), then applied through
 * ShipService.confirmShipment, or kept HELD for a person (MAIL: the intake's own doubts or a BLOCK) or REFUSED (the
 * supplier typed it and is told why). Held and refused numbers never become shipments; a person's approval runs the
 * rules again, so a BLOCK stays blocked.
 */
@Injectable()
export class TrackingIntakeService {
  constructor(
    private readonly repo: TrackingIntakeRepository,
    private readonly orders: OrderRepository,
    private readonly rules: RulesService,
    private readonly ship: ShipService,
    private readonly suppliers: SuppliersService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  async submit(s: IntakeSubmission, now = new Date()): Promise<TrackingIntakeEntity> {
    const supplier = s.supplierId ? await this.suppliers.findById(s.supplierId) : null;
    const trackingNumber = s.trackingNumber.trim();
    const holds = (s.holdReasons ?? []).map((h): IntakeReason => ({ ...h, field: 'mail', severity: 'HOLD' }));
    // The same number for the same order again (a second e-mail, a second click) answers what the first did.
    if (holds.length === 0) {
      const already = await this.repo.findApplied(s.orderId, trackingNumber);
      if (already) return already;
    }
    const base = {
      orderId: s.orderId,
      supplierId: s.supplierId,
      via: s.via,
      mailId: s.mailId ?? null,
      carrier: s.carrier,
      carrierName: s.carrierName ?? null,
      trackingNumber,
      createdBy: supplierActor(supplier),
    };
    const checked = await this.check(s.orderId, s.carrier, s.carrierName ?? null, trackingNumber, now);
    const blocks = checked.reasons.filter((r) => r.severity === 'BLOCK');
    if (holds.length || blocks.length || !checked.input) {
      const status: IntakeStatus = s.via === 'MAIL' || holds.length ? 'HELD' : 'REFUSED';
      return this.repo.insert({ ...base, status, reasons: [...holds, ...checked.reasons] });
    }
    const applied = await this.apply(checked.input, supplierActor(supplier), {
      supplier: supplier?.name ?? null,
      via: s.via,
      mailId: s.mailId ?? null,
      approvedBy: null,
    });
    if (!applied.ok) {
      return this.repo.insert({ ...base, status: s.via === 'MAIL' ? 'HELD' : 'REFUSED', reasons: applied.reasons });
    }
    await this.suppliers.markTrackingReceived(s.orderId, now);
    return this.repo.insert({ ...base, status: 'APPLIED', shipmentId: applied.shipmentId, reasons: applied.reasons });
  }

  /** What the rules would say of this number for the order now, without applying it (the supplier link's live check). */
  async preview(orderId: string, carrier: CarrierCode, carrierName: string | null, trackingNumber: string) {
    return (await this.check(orderId, carrier, carrierName, trackingNumber.trim(), new Date())).reasons;
  }

  /**
   * A person applies a held number, corrected or not: the rules run again on what is applied, and a BLOCK answers
   * RULE_VIOLATION with the row still held (its reasons brought up to date).
   */
  async approve(
    id: string,
    correction: IntakeCorrection,
    actor: string,
    now = new Date(),
  ): Promise<TrackingIntakeEntity> {
    const row = await this.held(id);
    const carrier = correction.carrier ?? row.carrier;
    const carrierName = correction.carrierName !== undefined ? correction.carrierName : row.carrierName;
    const trackingNumber = correction.trackingNumber?.trim() || row.trackingNumber;
    const checked = await this.check(row.orderId, carrier, carrierName, trackingNumber, now);
    const blocks = checked.reasons.filter((r) => r.severity === 'BLOCK');
    if (blocks.length || !checked.input) {
      await this.repo.update(id, { carrier, carrierName, trackingNumber, reasons: checked.reasons });
      throw new RuleViolationError(blocks);
    }
    const supplier = row.supplierId ? await this.suppliers.findById(row.supplierId) : null;
    const applied = await this.apply(checked.input, actor, {
      supplier: supplier?.name ?? null,
      via: row.via,
      mailId: row.mailId,
      approvedBy: actor,
    });
    if (!applied.ok) {
      await this.repo.update(id, { carrier, carrierName, trackingNumber, reasons: applied.reasons });
      throw new RuleViolationError(applied.reasons.filter((r) => r.severity === 'BLOCK'));
    }
    await this.suppliers.markTrackingReceived(row.orderId, now);
    return this.repo.update(id, {
      carrier,
      carrierName,
      trackingNumber,
      status: 'APPLIED',
      shipmentId: applied.shipmentId,
      reasons: applied.reasons,
      decidedBy: actor,
      decidedAt: now,
    });
  }

  /** A person sets a held number aside (never applied), saying why. */
  async dismiss(id: string, note: string, actor: string, now = new Date()): Promise<TrackingIntakeEntity> {
    await this.held(id);
    return this.tx.run(async (em) => {
      const row = await this.repo.lock(id, em);
      if (!row || row.status !== 'HELD') throw new ConflictError('This number was decided meanwhile; reload it.');
      await this.audit.record(em, {
        actor,
        action: 'tracking_intake.dismissed',
        entityType: 'tracking_intake',
        entityId: id,
        orderId: row.orderId,
        after: { trackingNumber: row.trackingNumber, note },
      });
      return this.repo.update(id, { status: 'DISMISSED', note, decidedBy: actor, decidedAt: now }, em);
    });
  }

  /** A supplier CSV row: applied ones mark the purchase order; refused ones count against the supplier's scorecard. */
  async recordCsvRow(row: CsvIntakeRow, actor: string, now = new Date()): Promise<void> {
    const reasons = row.violations.map(toReason);
    if (!row.shipmentId && row.error && reasons.length === 0)
      reasons.push({ code: 'REFUSED', field: 'csv', message: row.error, severity: 'BLOCK' });
    await this.repo.insert({
      orderId: row.orderId,
      supplierId: row.supplierId,
      via: 'CSV',
      carrier: row.carrier,
      carrierName: row.carrierName,
      trackingNumber: row.trackingNumber.trim().slice(0, 200),
      status: row.shipmentId ? 'APPLIED' : 'REFUSED',
      shipmentId: row.shipmentId,
      reasons,
      createdBy: actor,
    });
    if (row.shipmentId) await this.suppliers.markTrackingReceived(row.orderId, now);
  }

  findById(id: string): Promise<TrackingIntakeEntity | null> {
    return this.repo.findById(id);
  }

  private async held(id: string): Promise<TrackingIntakeEntity> {
    const row = await this.repo.findById(id);
    if (!row) throw new NotFoundError('TrackingIntake', id);
    if (row.status !== 'HELD')
      throw new ConflictError(`This tracking number is ${STATUS_WORDS[row.status]}; only a held one can be decided.`);
    return row;
  }

  /** The ship dialog's rules over the order's open lines; `input` null when nothing is left to ship. */
  private async check(
    orderId: string,
    carrier: CarrierCode,
    carrierName: string | null,
    trackingNumber: string,
    now: Date,
  ): Promise<{ input: ShipmentInput | null; reasons: IntakeReason[] }> {
    const order = await this.orders.findById(orderId);
    if (!order) throw new NotFoundError('Order', orderId);
    const open = (await this.orders.linesOf(orderId)).filter((l) => openUnits(l) > 0);
    if (open.length === 0) {
      const message = `Order ${order.channelOrderId} has nothing left to ship: every line is shipped or cancelled.`;
      return { input: null, reasons: [{ code: 'NOTHING_TO_SHIP', field: 'order', message, severity: 'BLOCK' }] };
    }
    const input: ShipmentInput = {
      orderId,
      lines: open.map((l) => ({ lineNumber: l.lineNumber, quantity: openUnits(l) })),
      carrier,
      carrierName,
      service: null,
      trackingNumber,
      trackingUrl: null,
      shippedAt: now,
    };
    try {
      return { input, reasons: (await this.rules.validateShipment(input, now)).map(toReason) };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { input, reasons: [appErrorReason(err)] };
    }
  }

  /** Confirms the shipment and records where its number came from; a refusal comes back as reasons. */
  private async apply(
    input: ShipmentInput,
    actor: string,
    origin: { supplier: string | null; via: IntakeVia; mailId: string | null; approvedBy: string | null },
  ): Promise<{ ok: true; shipmentId: string; reasons: IntakeReason[] } | { ok: false; reasons: IntakeReason[] }> {
    try {
      const result = await this.ship.confirmShipment(input, actor);
      // After the confirmation's own transaction (as the CSV upload does): lost, the shipment reads as the actor's.
      await this.tx.run((em) =>
        this.audit.record(em, {
          actor,
          action: SUPPLIER_TRACKING_ACTION,
          entityType: 'shipment',
          entityId: result.shipment.id,
          orderId: input.orderId,
          after: origin,
        }),
      );
      return { ok: true, shipmentId: result.shipment.id, reasons: result.warnings.map(toReason) };
    } catch (err) {
      if (err instanceof RuleViolationError)
        return { ok: false, reasons: (err.extensions.violations as Violation[]).map(toReason) };
      if (err instanceof AppError) return { ok: false, reasons: [appErrorReason(err)] };
      throw err;
    }
  }
}

function toReason(v: Pick<Violation, 'code' | 'field' | 'message' | 'severity'>): IntakeReason {
  return { code: v.code, field: v.field, message: v.message, severity: v.severity === 'BLOCK' ? 'BLOCK' : 'WARN' };
}

function appErrorReason(err: AppError): IntakeReason {
  const field = typeof err.extensions.field === 'string' ? err.extensions.field : 'order';
  return {
    code: typeof err.extensions.code === 'string' ? err.extensions.code : 'REFUSED',
    field,
    message: err.message,
    severity: 'BLOCK',
  };
}
