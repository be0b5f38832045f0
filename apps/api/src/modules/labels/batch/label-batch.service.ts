import { Injectable, Logger } from '@nestjs/common';
import type { MarkedLabelRate } from '@order-hub/rules';
import type { LabelFormat } from '@order-hub/types';
import { AppError, BadUserInputError, ConflictError } from 'src/common/errors/app-error';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { packingSlipsPdf } from 'src/modules/print/print-pdf';
import { PrintService } from 'src/modules/print/print.service';
import type { PrintableOrder } from 'src/modules/print/printable-order';
import { LabelPurchaseService } from '../label-purchase.service';
import { LabelRatesService } from '../label-rates.service';
import type { ShippingLabelEntity } from '../shipping-label.entity';
import { ShippingLabelRepository } from '../shipping-label.repository';
import { batchPdf, type BatchOrder } from './label-batch-pdf';

/** Which of the marked rates a batch buys: the cheapest (of those keeping the promise), or the fastest keeping it. */
export type LabelChoice = 'CHEAPEST' | 'FASTEST_ON_TIME';

export interface BatchFailure {
  orderId: string;
  orderNumber: string | null;
  message: string;
}

export interface BatchResult {
  bought: ShippingLabelEntity[];
  failed: BatchFailure[];
  /** The one PDF of every label bought and its packing slip, in pick order; null when nothing was bought. */
  documentUrl: string | null;
}

/** The most labels one batch buys or one batch PDF holds (the PDF's URL names each). */
export const BATCH_MAX_LABELS = 100;

/**
 * Labels for a selection of orders: each order's preset parcel rated, the chosen rate bought through the core's
 * purchase (idempotent per order and package), a failure told per order in words while the others go on; and one PDF
 * of the labels with their packing slips in pick order.
 */
@Injectable()
export class LabelBatchService {
  private readonly logger = new Logger(LabelBatchService.name);

  constructor(
    private readonly rates: LabelRatesService,
    private readonly purchase: LabelPurchaseService,
    private readonly labels: ShippingLabelRepository,
    private readonly orders: OrderRepository,
    private readonly print: PrintService,
  ) {}

  async buy(
    orderIds: readonly string[],
    choice: LabelChoice,
    format: LabelFormat,
    actor: string,
  ): Promise<BatchResult> {
    const unique = [...new Set(orderIds)];
    const numbers = new Map((await this.orders.findByIds(unique)).map((o) => [o.id, o.channelOrderId]));
    const bought: ShippingLabelEntity[] = [];
    const failed: BatchFailure[] = [];
    for (const orderId of unique) {
      const orderNumber = numbers.get(orderId) ?? null;
      if (!orderNumber) {
        failed.push({ orderId, orderNumber, message: 'No such order.' });
        continue;
      }
      try {
        bought.push(await this.buyOne(orderId, orderNumber, choice, format, actor));
      } catch (err) {
        failed.push({ orderId, orderNumber, message: this.words(err, orderNumber) });
      }
    }
    return {
      bought,
      failed,
      documentUrl: bought.length ? `/api/labels/batch.pdf?ids=${bought.map((l) => l.id).join(',')}` : null,
    };
  }

  private async buyOne(
    orderId: string,
    orderNumber: string,
    choice: LabelChoice,
    format: LabelFormat,
    actor: string,
  ): Promise<ShippingLabelEntity> {
    // A batch run again (or an order already labelled) reprints the label it has rather than buying another.
    const held = await this.labels.activeForPackage(orderId, 0);
    if (held?.status === 'PURCHASED') return held;
    const quote = await this.rates.rates(orderId, null, null);
    const rate = chosen(quote.rates, choice);
    if (!rate)
      throw new ConflictError(
        quote.rates.length === 0
          ? `No carrier offered a rate for order ${orderNumber}.`
          : `No rate for order ${orderNumber} keeps its ship-by and deliver-by promise; pick one on the order.`,
      );
    return this.purchase.buy(
      { orderId, requestToken: quote.requestToken, rateId: rate.rateId, parcel: quote.parcel, format, packageIndex: 0 },
      actor,
    );
  }

  /** The bought labels with their orders' packing slips as one PDF, each order's labels then its slip, in pick order. */
  async pdf(labelIds: readonly string[]): Promise<{ pdf: Uint8Array; orderIds: string[] }> {
    const unique = [...new Set(labelIds)];
    const labels = await this.labels.byIds(unique);
    const found = new Map(labels.map((l) => [l.id, l]));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) throw new BadUserInputError('ids', `no such label: ${missing.slice(0, 5).join(', ')}.`);
    const unprintable = labels.filter((l) => l.status !== 'PURCHASED');
    if (unprintable.length)
      throw new BadUserInputError(
        'ids',
        `only bought labels print; ${unprintable
          .slice(0, 5)
          .map((l) => `${l.trackingNumber ?? l.id} is ${l.status.toLowerCase().replace('_', ' ')}`)
          .join(', ')}.`,
      );
    const orders = await this.print.load([...new Set(labels.map((l) => l.orderId))]);
    const picked = await this.pickOrder(orders);
    const batch: BatchOrder[] = [];
    for (const order of picked) {
      const own = unique
        .map((id) => found.get(id)!)
        .filter((l) => l.orderId === order.order.id)
        .sort((a, b) => a.packageIndex - b.packageIndex);
      batch.push({
        orderNumber: order.order.channelOrderId,
        labels: await Promise.all(
          own.map(async (l) => ({
            format: l.format,
            bytes: await this.labels.document(l.id),
            carrierName: l.carrierName,
            serviceName: l.serviceName,
            trackingNumber: l.trackingNumber,
          })),
        ),
        packingSlip: await packingSlipsPdf([order]),
      });
    }
    return { pdf: await batchPdf(batch), orderIds: picked.map((o) => o.order.id) };
  }

  /**
   * The orders as the pick list walks them: by the first pick-list row (bin, then SKU) each appears in. A bought
   * label has already shipped its units, so the list is walked as it was before: every unit not cancelled.
   */
  private async pickOrder(orders: PrintableOrder[]): Promise<PrintableOrder[]> {
    const rows = await this.print.pickList(
      orders.map((o) => ({ ...o, lines: o.lines.map((l) => ({ ...l, quantityShipped: 0 })) })),
    );
    const rank = new Map<string, number>();
    rows.forEach((row, i) => row.orders.forEach((o) => rank.set(o.orderId, Math.min(rank.get(o.orderId) ?? i, i))));
    return [...orders].sort(
      (a, b) =>
        (rank.get(a.order.id) ?? rows.length) - (rank.get(b.order.id) ?? rows.length) ||
        a.order.channelOrderId.localeCompare(b.order.channelOrderId, 'en', { numeric: true }),
    );
  }

  private words(err: unknown, orderNumber: string): string {
    if (err instanceof AppError) return err.message;
    this.logger.error(`Batch label for order ${orderNumber} failed: ${err instanceof Error ? err.stack : String(err)}`);
    return `The label for order ${orderNumber} could not be bought because of an unexpected error; the server log has the details.`;
  }
}

function chosen(rates: readonly MarkedLabelRate[], choice: LabelChoice): MarkedLabelRate | undefined {
  return choice === 'CHEAPEST' ? rates.find((r) => r.cheapest) : rates.find((r) => r.fastest);
}
