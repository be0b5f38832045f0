import { Injectable } from '@nestjs/common';
import { CARRIER_LABELS } from '@order-hub/rules';
import { CarrierCode } from '@order-hub/types';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { SuppliersService, type PurchaseOrder, type Supplier } from '../suppliers.service';
import type { IntakeReason } from './tracking-intake.entity';
import { TrackingIntakeService } from './tracking-intake.service';
import { SupplierLinks } from './supplier-links';

/** What the supplier's page shows: what to ship and where to (city, state and ZIP3 only: no buyer name or street). */
export interface SupplierLinkView {
  orderNumber: string;
  poNumber: string;
  supplierName: string;
  shipBy: string | null;
  timeZone: string;
  lines: { sku: string; title: string; quantity: number }[];
  shipTo: { city: string | null; state: string | null; zip3: string | null };
  carriers: { code: CarrierCode; label: string }[];
  trackingReceivedAt: string | null;
  expiresAt: string;
}

/** A link that cannot be used, with the HTTP status and the sentence the page shows. */
export class SupplierLinkRefusal extends Error {
  constructor(
    readonly status: 401 | 404 | 410,
    message: string,
  ) {
    super(message);
  }
}

export type LinkSubmitAnswer =
  | { ok: true; status: 'APPLIED'; message: string; violations: IntakeReason[] }
  | { ok: false; status: 'REFUSED' | 'HELD'; message: string; violations: IntakeReason[] };

interface Linked {
  po: PurchaseOrder;
  supplier: Supplier;
  expiresAt: Date;
}

/** The supplier link's page, live check and submission; the token is the only key (no account). */
@Injectable()
export class SupplierLinkService {
  constructor(
    private readonly links: SupplierLinks,
    private readonly suppliers: SuppliersService,
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly intake: TrackingIntakeService,
  ) {}

  async view(token: string): Promise<SupplierLinkView> {
    const { po, supplier, expiresAt } = await this.open(token);
    const order = await this.orders.getById(po.orderId);
    const account = await this.accounts.getById(order.accountId);
    const lines = await this.orders.linesOf(order.id);
    const to = order.shipTo;
    return {
      orderNumber: order.channelOrderId,
      poNumber: po.number,
      supplierName: supplier.name,
      shipBy: order.shipBy?.toISOString() ?? null,
      timeZone: account.timeZone,
      lines: lines
        .filter((l) => l.quantityOrdered - l.quantityCancelled > 0)
        .map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantityOrdered - l.quantityCancelled })),
      shipTo: {
        city: to?.city || null,
        state: to?.stateOrRegion || null,
        zip3: to?.postalCode ? to.postalCode.trim().slice(0, 3) : null,
      },
      carriers: Object.values(CarrierCode).map((code) => ({ code, label: CARRIER_LABELS[code] })),
      trackingReceivedAt: po.trackingReceivedAt?.toISOString() ?? null,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** The ship rules' words on a number, without applying it. */
  async check(
    token: string,
    entry: { carrier: CarrierCode; carrierName?: string | null; trackingNumber: string },
  ): Promise<IntakeReason[]> {
    const { po } = await this.open(token);
    return this.intake.preview(po.orderId, entry.carrier, entry.carrierName ?? null, entry.trackingNumber);
  }

  async submit(
    token: string,
    entry: { carrier: CarrierCode; carrierName?: string | null; trackingNumber: string },
  ): Promise<LinkSubmitAnswer> {
    const { po, supplier } = await this.open(token);
    const row = await this.intake.submit({
      orderId: po.orderId,
      supplierId: supplier.id,
      via: 'LINK',
      carrier: entry.carrier,
      carrierName: entry.carrierName ?? null,
      trackingNumber: entry.trackingNumber,
    });
    if (row.status === 'APPLIED')
      return {
        ok: true,
        status: 'APPLIED',
        message: `Thank you: tracking ${row.trackingNumber} is on order ${(await this.orders.getById(po.orderId)).channelOrderId}.`,
        violations: row.reasons,
      };
    const blocks = row.reasons.filter((r) => r.severity !== 'WARN');
    return {
      ok: false,
      status: row.status === 'HELD' ? 'HELD' : 'REFUSED',
      message: `This tracking number cannot be taken: ${blocks.map((r) => r.message).join(' ')}`,
      violations: row.reasons,
    };
  }

  /** The purchase order the token names, still open; or why the link cannot be used. */
  private async open(token: string): Promise<Linked> {
    const checked = this.links.verify(token);
    if (!checked.ok)
      throw checked.reason === 'EXPIRED'
        ? new SupplierLinkRefusal(410, 'This link has expired. Ask the seller for a new one.')
        : new SupplierLinkRefusal(
            401,
            'This link is not valid: it may have been cut or changed. Open it again from the e-mail, or ask the seller for a new one.',
          );
    const po = await this.suppliers.purchaseOrderFor(checked.orderId);
    if (!po || po.id !== checked.poId)
      throw new SupplierLinkRefusal(
        410,
        'This purchase order was cancelled or replaced. Ask the seller for a new link.',
      );
    const supplier = await this.suppliers.findById(po.supplierId);
    if (!supplier) throw new SupplierLinkRefusal(410, 'This purchase order no longer has a supplier. Ask the seller.');
    return { po, supplier, expiresAt: checked.expiresAt };
  }
}
