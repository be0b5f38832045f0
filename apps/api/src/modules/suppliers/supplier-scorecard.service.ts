import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import {
  countFigures,
  emptyFigures,
  scorecardSentence,
  supplierPlanLine,
  type PurchaseOrderClockRow,
  type ShipmentScanRow,
  type SupplierFigures,
} from './supplier-figures';
import {
  PURCHASE_ORDERS_SQL,
  REJECTED_NUMBERS_SQL,
  scopeParams,
  SHIPMENTS_SQL,
  type FiguresScope,
} from './supplier-figures.sql';
import { SuppliersRepository } from './suppliers.repository';

const DAY_MS = 86_400_000;

export interface SupplierScorecard extends SupplierFigures {
  supplierId: string;
  days: number;
  from: Date;
  to: Date;
  /** Tracking received by its due time, of the purchase orders due (null: none due yet). */
  onTimeRate: number | null;
  sentence: string;
}

export interface SupplierPlanFigure extends SupplierFigures {
  supplierId: string;
  name: string;
  line: string;
}

/** A supplier's record over a window, for its scorecard and for the plan of action of the metrics it moves. */
@Injectable()
export class SupplierScorecardService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: SuppliersRepository,
  ) {}

  async scorecard(supplierId: string, days: number, now = new Date()): Promise<SupplierScorecard> {
    const from = new Date(now.getTime() - days * DAY_MS);
    const supplier = await this.repo.findById(supplierId);
    const figures =
      (await this.figures({ supplierId, accountId: null, channel: null, from, to: now }, now)).get(supplierId) ??
      emptyFigures();
    const due = figures.onTime + figures.late + figures.missed;
    return {
      supplierId,
      days,
      from,
      to: now,
      ...figures,
      onTimeRate: due ? figures.onTime / due : null,
      sentence: scorecardSentence(supplier?.name ?? 'This supplier', days, figures),
    };
  }

  /** Suppliers whose tracking was late or missed, or whose parcels were never scanned, in the plan's window and scope. */
  async planFigures(
    scope: { channel: Channel; accountId: string | null; from: Date; to: Date },
    now = new Date(),
  ): Promise<SupplierPlanFigure[]> {
    const bySupplier = await this.figures({ ...scope, supplierId: null }, now < scope.to ? now : scope.to);
    const names = new Map((await this.repo.findByIds([...bySupplier.keys()])).map((s) => [s.id, s.name]));
    return [...bySupplier]
      .filter(([, f]) => f.late + f.missed + f.neverScanned > 0)
      .map(([supplierId, f]) => {
        const name = names.get(supplierId) ?? supplierId;
        return { supplierId, name, ...f, line: supplierPlanLine(name, f) };
      })
      .sort((a, b) => b.late + b.missed - (a.late + a.missed) || a.name.localeCompare(b.name));
  }

  private async figures(scope: FiguresScope, now: Date): Promise<Map<string, SupplierFigures>> {
    const params = scopeParams(scope);
    const pos: PurchaseOrderClockRow[] = await this.ds.query(PURCHASE_ORDERS_SQL, params);
    const shipments: ShipmentScanRow[] = await this.ds.query(SHIPMENTS_SQL, params);
    const rejected: { supplier_id: string; n: number }[] = await this.ds.query(REJECTED_NUMBERS_SQL, params);
    return countFigures(pos, shipments, rejected, now);
  }
}
