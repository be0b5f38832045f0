import { Injectable } from '@nestjs/common';
import { openUnits, supplierTrackingDueBy } from '@order-hub/rules';
import type { EntityManager } from 'typeorm';
import type { Caller } from 'src/common/graphql/graphql-context';
import { AuditService } from 'src/modules/audit/audit.service';
import { actorOf } from 'src/modules/auth/caller';
import { BuyerDataAccessRepository } from 'src/modules/buyer-data/access/buyer-data-access.repository';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { MailerService } from 'src/modules/mail/mailer.service';
import type { OrderEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import type { PurchaseOrderEntity } from './purchase-order.entity';
import {
  purchaseOrderCsv,
  purchaseOrderPdf,
  purchaseOrderText,
  type PurchaseOrderDocument,
} from './purchase-order-document';
import { PurchaseOrderLinks, type SupplierLink } from './purchase-order-links';
import type { SupplierEntity } from './supplier.entity';
import { SuppliersRepository } from './suppliers.repository';
import { SuppliersService } from './suppliers.service';

const DAY_MS = 86_400_000;

export interface PurchaseOrderResult {
  orderId: string;
  purchaseOrder: PurchaseOrderEntity | null;
  /** The supplier link (for a LINK purchase order, to pass on), when the hub can sign one. */
  link: SupplierLink | null;
  /** Why no purchase order was sent for this order, in words. */
  error: string | null;
}

/** A reason the order gets no purchase order; caught per order so the others still go. */
class NotSent extends Error {}

/** `PO-<yymmdd>-` of the day the purchase order is sent (UTC). */
const numberPrefix = (at: Date) => `PO-${at.toISOString().slice(2, 10).replace(/-/g, '')}-`;

/**
 * Sends each order to its supplier as one purchase order: by e-mail with the order attached as CSV or PDF, or as
 * a link the seller passes on. An order that routes to no supplier, or to two, or already has a purchase order,
 * gets its own error; the rest are sent.
 */
@Injectable()
export class PurchaseOrdersService {
  constructor(
    private readonly repo: SuppliersRepository,
    private readonly suppliers: SuppliersService,
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly mailer: MailerService,
    private readonly links: PurchaseOrderLinks,
    private readonly audit: AuditService,
    private readonly buyerData: BuyerDataAccessRepository,
  ) {}

  async send(
    orderIds: readonly string[],
    caller: Caller,
    ip: string | null,
    now = new Date(),
  ): Promise<PurchaseOrderResult[]> {
    const results: PurchaseOrderResult[] = [];
    for (const orderId of [...new Set(orderIds)]) {
      try {
        results.push(await this.sendOne(orderId, caller, ip, now));
      } catch (err) {
        if (!(err instanceof NotSent)) throw err;
        results.push({ orderId, purchaseOrder: null, link: null, error: err.message });
      }
    }
    return results;
  }

  private async sendOne(orderId: string, caller: Caller, ip: string | null, now: Date): Promise<PurchaseOrderResult> {
    const [order] = await this.orders.findByIds([orderId]);
    if (!order) throw new NotSent('No such order.');
    const existing = await this.repo.openFor(orderId);
    if (existing) throw new NotSent(`It already has purchase order ${existing.number}.`);
    const routing = await this.suppliers.route(orderId);
    if (routing.supplierId === null) throw new NotSent(`No purchase order: ${routing.reason}`);
    const supplier = (await this.repo.findById(routing.supplierId))!;
    if (supplier.poMethod === 'EMAIL' && !supplier.email)
      throw new NotSent(`Supplier ${supplier.name} has no e-mail address for purchase orders.`);
    if (supplier.poMethod === 'EMAIL' && !this.mailer.enabled)
      throw new NotSent('No SMTP server is configured (SMTP_URL), so the purchase order cannot be e-mailed.');
    const trackingDueAt = order.shipBy ? supplierTrackingDueBy(order.shipBy, supplier.trackingDeadlineHours) : null;
    const linkExpiresAt = new Date(Math.max(now.getTime() + 14 * DAY_MS, (order.shipBy?.getTime() ?? 0) + 7 * DAY_MS));
    const actor = actorOf(caller);
    // Nothing else may query while the transaction holds the connection (PGlite has one), so the e-mail goes after.
    const po = await this.repo.transaction(async (em) => {
      const created = await this.insert(em, order, supplier, { trackingDueAt, linkExpiresAt, actor, now });
      await this.audit.record(em, {
        actor,
        action: 'purchase_order.created',
        entityType: 'purchase_order',
        entityId: created.id,
        orderId,
        after: {
          number: created.number,
          supplier: supplier.name,
          method: created.method,
          format: created.format,
          trackingDueAt: trackingDueAt?.toISOString() ?? null,
        },
      });
      return created;
    });
    const link = await this.links.urlFor(po.id);
    if (supplier.poMethod === 'EMAIL') await this.email(po, order, supplier, link, { caller, ip });
    return { orderId, purchaseOrder: po, link, error: null };
  }

  private async insert(
    em: EntityManager,
    order: OrderEntity,
    supplier: SupplierEntity,
    at: { trackingDueAt: Date | null; linkExpiresAt: Date; actor: string; now: Date },
  ): Promise<PurchaseOrderEntity> {
    // The open-order unique index refuses a second purchase order sent at the same moment by someone else.
    const repo = this.repo.purchaseOrders(em);
    return repo.save(
      repo.create({
        number: await this.repo.nextNumber(numberPrefix(at.now), em),
        supplierId: supplier.id,
        orderId: order.id,
        method: supplier.poMethod,
        format: supplier.poFormat,
        sentAt: at.now,
        sentTo: supplier.poMethod === 'EMAIL' ? supplier.email : null,
        trackingDueAt: at.trackingDueAt,
        trackingReceivedAt: null,
        status: 'SENT',
        linkExpiresAt: at.linkExpiresAt,
        sentBy: at.actor,
      }),
    );
  }

  /**
   * E-mails the purchase order with its file; the ship-to leaves the hub in it, so the read is logged as buyer data.
   * A refused e-mail cancels the purchase order (it never reached the supplier) and says why.
   */
  private async email(
    po: PurchaseOrderEntity,
    order: OrderEntity,
    supplier: SupplierEntity,
    link: SupplierLink | null,
    by: { caller: Caller; ip: string | null },
  ): Promise<void> {
    const actor = actorOf(by.caller);
    const doc = await this.document(po, order, supplier, link);
    const attachment =
      po.format === 'PDF'
        ? { filename: `${po.number}.pdf`, content: await purchaseOrderPdf(doc), contentType: 'application/pdf' }
        : { filename: `${po.number}.csv`, content: purchaseOrderCsv(doc), contentType: 'text/csv; charset=utf-8' };
    const audit = (action: string, after: Record<string, unknown>) =>
      this.repo.transaction(async (em) => {
        if (action === 'purchase_order.not_sent')
          await this.repo.purchaseOrders(em).update({ id: po.id }, { status: 'CANCELLED' });
        await this.audit.record(em, {
          actor,
          action,
          entityType: 'purchase_order',
          entityId: po.id,
          orderId: order.id,
          after,
        });
      });
    try {
      await this.mailer.send({
        to: supplier.email!,
        subject: `Purchase order ${po.number} for order ${doc.orderNumber}`,
        text: purchaseOrderText(doc),
        attachments: [attachment],
      });
    } catch (err) {
      const reason = `The e-mail to ${supplier.email} was not sent: ${(err as Error).message}`;
      await audit('purchase_order.not_sent', { to: supplier.email, error: reason });
      throw new NotSent(reason);
    }
    if (order.shipTo && !order.buyerDataRedactedAt)
      await this.buyerData.insertMany([
        {
          actor,
          userId: by.caller.userId,
          tokenId: by.caller.tokenId,
          orderId: order.id,
          fields: 'purchaseOrder.shipTo',
          via: po.format,
          ip: by.ip,
        },
      ]);
    await audit('purchase_order.emailed', {
      to: supplier.email,
      attachment: attachment.filename,
      link: link?.url ?? null,
    });
  }

  private async document(
    po: PurchaseOrderEntity,
    order: OrderEntity,
    supplier: SupplierEntity,
    link: SupplierLink | null,
  ): Promise<PurchaseOrderDocument> {
    const [account] = await this.accounts.findByIds([order.accountId]);
    const lines = await this.orders.linesOfOrders([order.id]);
    return {
      number: po.number,
      supplierName: supplier.name,
      sellerName: account?.name ?? '',
      orderNumber: order.channelOrderId,
      customerOrderNumber: order.customerOrderId,
      shipBy: order.shipBy,
      trackingDueAt: po.trackingDueAt,
      timeZone: account?.timeZone ?? 'UTC',
      lines: lines
        .filter((l) => openUnits(l) > 0)
        .sort((a, b) => a.lineNumber.localeCompare(b.lineNumber, 'en', { numeric: true }))
        .map((l) => ({ sku: l.sku, title: l.title, quantity: openUnits(l) })),
      shipTo: order.buyerDataRedactedAt ? null : order.shipTo,
      link: link?.url ?? null,
    };
  }
}
