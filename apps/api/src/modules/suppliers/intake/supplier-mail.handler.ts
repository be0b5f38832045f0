import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  classifyChannelMail,
  findOrderReferences,
  findTrackingNumbers,
  isForwarded,
  splitQuoted,
  type FoundTracking,
} from '@order-hub/rules';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import { MailHandlers, type InboundMail, type MailHandler, type MailHandling } from 'src/modules/mailbox/mail-handler';
import { SuppliersService, type OpenPurchaseOrder, type Supplier } from '../suppliers.service';
import { TrackingIntakeService, type HoldReason } from './tracking-intake.service';
import type { TrackingIntakeEntity } from './tracking-intake.entity';

/** How far back a number already on another order's shipment makes a message doubtful. */
const OTHER_ORDER_LOOKBACK_MS = 365 * 86_400_000;
/** More rows than this from one message (orders × numbers) are not worth a person's review one by one. */
const MAX_ROWS_PER_MESSAGE = 12;

/**
 * Supplier mail (priority 20): a message from a known supplier sender, or one from anyone but a channel that names an
 * open purchase order's order and carries tracking numbers. Only the fresh part of a reply counts (never the quoted history). One
 * order and one number from the right sender goes to the tracking intake, which applies it when the rules pass;
 * every doubt holds it for a person with the reason: two orders named, no order found, a number already on another
 * order, a forwarded chain, an attachment and no number, several numbers for one order, a sender who is not that
 * order's supplier.
 */
@Injectable()
export class SupplierMailHandler implements MailHandler, OnModuleInit {
  readonly name = 'supplier-tracking';
  readonly priority = 20;

  constructor(
    private readonly handlers: MailHandlers,
    private readonly suppliers: SuppliersService,
    private readonly intake: TrackingIntakeService,
    private readonly shipments: ShipmentRepository,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(mail: InboundMail): Promise<MailHandling | null> {
    if (mail.folderRole === 'SENT') return null;
    const supplier = await this.suppliers.findBySender(mail.from.address);
    // A channel's own mail (a buyer asking where a dropshipped parcel is, quoting its number) is the channel handler's:
    // taking it here would hold it as a wrong sender and its response clock would never start.
    if (!supplier && classifyChannelMail({ from: mail.from.address, subject: mail.subject, text: mail.text }))
      return null;
    const forwarded = isForwarded(mail.subject, mail.text);
    // A forward's own text is the banner above what it forwards: the forwarded part is what there is to read.
    const body = forwarded ? mail.text : splitQuoted(mail.text).fresh;
    const text = `${mail.subject}\n\n${body}`;
    const found = findTrackingNumbers(text);

    const mine = supplier ? await this.suppliers.openPurchaseOrders(supplier.id) : [];
    let targets = referenced(text, mine);
    const holds: HoldReason[] = [];
    if (targets.length === 0 && found.length > 0) {
      // A message naming another supplier's order (or from an address no supplier mails from): held, never applied.
      const others = referenced(
        text,
        (await this.suppliers.openPurchaseOrders(null)).filter((p) => p.po.supplierId !== supplier?.id),
      );
      if (others.length) {
        targets = others;
        holds.push(wrongSender(mail.from.address, supplier, others));
      }
    }
    if (!supplier && targets.length === 0) return null;

    if (forwarded)
      holds.push({
        code: 'FORWARDED',
        message: `The message forwards another (“${mail.subject}”); a forwarded number is applied only by a person.`,
      });
    if (found.length === 0) return this.withoutNumber(mail, supplier, targets, holds);
    if (targets.length === 0) {
      const reason = {
        code: 'NO_ORDER_FOUND',
        message: `No open purchase order of supplier ${supplier!.name} is named in the message (order number, customer order number or PO number).`,
      };
      return held(
        [],
        found,
        [...holds, reason].map((h) => h.message),
        [],
      );
    }
    if (targets.length > 1)
      holds.push({
        code: 'TWO_ORDERS',
        message: `The message names ${targets.length} orders (${targets.map((t) => t.order.channelOrderId).join(', ')}); which number goes with which is for a person to say.`,
      });
    if (found.length > 1 && targets.length === 1)
      holds.push({
        code: 'SEVERAL_NUMBERS',
        message: `The message has ${found.length} tracking numbers (${found.map((f) => f.trackingNumber).join(', ')}) for order ${targets[0].order.channelOrderId}; which one is its package is for a person to say.`,
      });
    holds.push(...(await this.onOtherOrders(found, targets)));

    const rows: TrackingIntakeEntity[] = [];
    for (const target of targets) {
      for (const number of found) {
        if (rows.length >= MAX_ROWS_PER_MESSAGE) break;
        rows.push(
          await this.intake.submit({
            orderId: target.order.id,
            supplierId: supplier && holds.every((h) => h.code !== 'WRONG_SENDER') ? supplier.id : target.po.supplierId,
            via: 'MAIL',
            mailId: mail.mailId,
            carrier: number.carriers[0],
            trackingNumber: number.trackingNumber,
            holdReasons: holds,
          }),
        );
      }
    }
    return outcomeOf(rows, targets, found);
  }

  /** No number in the text: held when it carries files (a label or invoice to read), else kept as the supplier's note. */
  private withoutNumber(
    mail: InboundMail,
    supplier: Supplier | null,
    targets: OpenPurchaseOrder[],
    holds: HoldReason[],
  ): MailHandling {
    const orderIds = targets.map((t) => t.order.id);
    const orderNumbers = targets.map((t) => t.order.channelOrderId);
    if (mail.attachments.length > 0) {
      const files = mail.attachments.map((a) => a.filename ?? a.contentType).join(', ');
      const reason = `No tracking number in the text; the message only attaches ${files}. Read it and enter the number by hand.`;
      return held(orderIds, [], [...holds.map((h) => h.message), reason], orderNumbers);
    }
    return {
      kind: 'SUPPLIER_TRACKING',
      outcome: 'RECORDED',
      summary: `From supplier ${supplier?.name ?? mail.from.address}: no tracking number in the message.`,
      orderIds,
      findings: { trackingNumbers: [], orderNumbers, reasons: holds.map((h) => h.message) },
    };
  }

  /** Numbers already on another order's shipment: the supplier may have pasted the wrong one. */
  private async onOtherOrders(found: FoundTracking[], targets: OpenPurchaseOrder[]): Promise<HoldReason[]> {
    const since = new Date(Date.now() - OTHER_ORDER_LOOKBACK_MS);
    const reasons: HoldReason[] = [];
    for (const target of targets) {
      const uses = await this.shipments.findTrackingUses(
        found.map((f) => f.trackingNumber),
        target.order.id,
        since,
        5,
      );
      for (const use of uses)
        reasons.push({
          code: 'NUMBER_ON_OTHER_ORDER',
          message: `Tracking number ${use.trackingNumber} is already on order ${use.order?.channelOrderId ?? use.orderId}, not ${target.order.channelOrderId}.`,
        });
    }
    return [...new Map(reasons.map((r) => [r.message, r])).values()];
  }
}

function referenced(text: string, open: OpenPurchaseOrder[]): OpenPurchaseOrder[] {
  const keys = findOrderReferences(
    text,
    open.map((p) => ({
      key: p.order.id,
      numbers: [p.order.channelOrderId, p.order.customerOrderId, p.po.number].filter((n): n is string => !!n),
    })),
  );
  const byId = new Map(open.map((p) => [p.order.id, p]));
  return keys.map((k) => byId.get(k)!).filter(Boolean);
}

function wrongSender(address: string, supplier: Supplier | null, others: OpenPurchaseOrder[]): HoldReason {
  const orders = others.map((o) => o.order.channelOrderId).join(', ');
  return {
    code: 'WRONG_SENDER',
    message: supplier
      ? `The sender ${address} is supplier ${supplier.name}'s, but order ${orders} went to another supplier.`
      : `The sender ${address} is not an address of the supplier order ${orders} went to.`,
  };
}

function held(orderIds: string[], found: FoundTracking[], reasons: string[], orderNumbers: string[]): MailHandling {
  return {
    kind: 'SUPPLIER_TRACKING',
    outcome: 'HELD',
    summary: `Held for review: ${reasons[0] ?? 'see the reasons'}`,
    orderIds,
    findings: { trackingNumbers: found.map((f) => f.trackingNumber), orderNumbers, reasons },
  };
}

function outcomeOf(rows: TrackingIntakeEntity[], targets: OpenPurchaseOrder[], found: FoundTracking[]): MailHandling {
  const number = (orderId: string) => targets.find((t) => t.order.id === orderId)?.order.channelOrderId ?? orderId;
  const reasons = [
    ...new Set(rows.flatMap((r) => r.reasons.filter((x) => x.severity !== 'WARN').map((x) => x.message))),
  ];
  const applied = rows.filter((r) => r.status === 'APPLIED');
  const allApplied = applied.length === rows.length;
  return {
    kind: 'SUPPLIER_TRACKING',
    outcome: allApplied ? 'APPLIED' : 'HELD',
    summary: allApplied
      ? applied.map((r) => `Tracking ${r.trackingNumber} applied to order ${number(r.orderId)}.`).join(' ')
      : `Held for review: ${reasons[0] ?? 'see the reasons'}`,
    orderIds: targets.map((t) => t.order.id),
    findings: {
      trackingNumbers: found.map((f) => f.trackingNumber),
      orderNumbers: targets.map((t) => t.order.channelOrderId),
      reasons,
    },
  };
}
