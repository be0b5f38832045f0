import { Injectable } from '@nestjs/common';
import type { Channel, PurchaseOrderFormat, PurchaseOrderMethod } from '@order-hub/types';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrderRepository } from 'src/modules/orders/order.repository';
import type { PurchaseOrderEntity } from './purchase-order.entity';
import type { SupplierSkuEntity } from './supplier-sku.entity';
import type { SupplierEntity } from './supplier.entity';
import { routeOrder, type Routing } from './supplier-routing';
import { SuppliersRepository } from './suppliers.repository';

export type Supplier = SupplierEntity;
export type PurchaseOrder = PurchaseOrderEntity;

export interface SupplierInput {
  name: string;
  contactName?: string | null;
  email?: string | null;
  senderAddresses?: string[];
  phone?: string | null;
  leadTimeBusinessDays?: number;
  trackingDeadlineHours?: number;
  poMethod?: PurchaseOrderMethod;
  poFormat?: PurchaseOrderFormat;
  active?: boolean;
}

export interface OpenPurchaseOrder {
  po: PurchaseOrder;
  order: { id: string; channel: Channel; channelOrderId: string; customerOrderId: string | null };
}

/**
 * Suppliers and the SKU map that routes orders to them, and the purchase orders' state as other modules need it
 * (tracking intake finds the supplier of a sender and its open purchase orders, and marks tracking received).
 */
@Injectable()
export class SuppliersService {
  constructor(
    private readonly repo: SuppliersRepository,
    private readonly orders: OrderRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Supplier[]> {
    return this.repo.list();
  }

  findById(id: string): Promise<Supplier | null> {
    return this.repo.findById(id);
  }

  findByIds(ids: readonly string[]): Promise<Supplier[]> {
    return this.repo.findByIds(ids);
  }

  async get(id: string, field = 'id'): Promise<Supplier> {
    const found = await this.repo.findById(id);
    if (!found) throw new BadUserInputError(field, `no supplier has id ${id}.`);
    return found;
  }

  /** The active supplier that mails from this address: the exact address first, else its @domain (any case). */
  async findBySender(address: string): Promise<Supplier | null> {
    const exact = address.trim().toLowerCase();
    const at = exact.lastIndexOf('@');
    if (at < 0) return null;
    const domain = exact.slice(at);
    const found = await this.repo.findBySenders([exact, domain]);
    return found.find((s) => s.senderAddresses.includes(exact)) ?? found[0] ?? null;
  }

  /** Sent purchase orders still waiting for the supplier's tracking, with their orders, soonest due first. */
  async openPurchaseOrders(supplierId: string | null): Promise<OpenPurchaseOrder[]> {
    const pos = await this.repo.waiting(supplierId);
    const orders = new Map((await this.orders.findByIds(pos.map((p) => p.orderId))).map((o) => [o.id, o]));
    return pos.flatMap((po) => {
      const o = orders.get(po.orderId);
      return o
        ? [
            {
              po,
              order: {
                id: o.id,
                channel: o.channel,
                channelOrderId: o.channelOrderId,
                customerOrderId: o.customerOrderId,
              },
            },
          ]
        : [];
    });
  }

  /** The order's purchase order that is not cancelled, or null. */
  purchaseOrderFor(orderId: string): Promise<PurchaseOrder | null> {
    return this.repo.openFor(orderId);
  }

  /** The supplier's tracking reached the hub at `at`: the open purchase order stops its clock (a no-op without one). */
  async markTrackingReceived(orderId: string, at: Date): Promise<void> {
    await this.repo.markTrackingReceived(orderId, at);
  }

  /** The supplier the order went to (its purchase order), else the one its SKUs route it to; null for neither. */
  async supplierOfOrder(orderId: string): Promise<Supplier | null> {
    const po = await this.repo.openFor(orderId);
    if (po) return this.repo.findById(po.supplierId);
    const routing = await this.route(orderId);
    return routing.supplierId ? this.repo.findById(routing.supplierId) : null;
  }

  /** Where the SKU map sends the order, or why nowhere. */
  async route(orderId: string): Promise<Routing> {
    const [order] = await this.orders.findByIds([orderId]);
    if (!order) throw new NotFoundError('Order', orderId);
    const lines = await this.orders.linesOfOrders([orderId]);
    const mappings = await this.repo.mappings([...new Set(lines.map((l) => l.sku))], order.accountId);
    const names = new Map(
      (await this.repo.findByIds([...new Set(mappings.map((m) => m.supplierId))])).map((s) => [s.id, s.name]),
    );
    return routeOrder(lines, mappings, order.accountId, (id) => names.get(id) ?? id);
  }

  async create(input: SupplierInput, actor: string): Promise<Supplier> {
    return this.repo.transaction(async (em) => {
      if (await this.repo.findByName(input.name, em))
        throw new BadUserInputError('input.name', `a supplier named "${input.name}" already exists.`);
      const saved = await this.repo.suppliers(em).save(this.repo.suppliers(em).create(normalise(input)));
      await this.audit.record(em, {
        actor,
        action: 'supplier.created',
        entityType: 'supplier',
        entityId: saved.id,
        after: { ...normalise(input) },
      });
      return saved;
    });
  }

  async update(id: string, input: Partial<SupplierInput>, actor: string): Promise<Supplier> {
    return this.repo.transaction(async (em) => {
      const current = await this.repo.findById(id, em);
      if (!current) throw new BadUserInputError('id', `no supplier has id ${id}.`);
      if (input.name !== undefined) {
        const other = await this.repo.findByName(input.name, em);
        if (other && other.id !== id)
          throw new BadUserInputError('input.name', `a supplier named "${input.name}" already exists.`);
      }
      const change = normalise(input);
      const method = change.poMethod ?? current.poMethod;
      const email = 'email' in change ? change.email : current.email;
      if (method === 'EMAIL' && !email)
        throw new BadUserInputError('input.email', 'is needed to e-mail purchase orders (or choose LINK).');
      await this.repo.suppliers(em).update({ id }, change);
      await this.audit.record(em, {
        actor,
        action: 'supplier.updated',
        entityType: 'supplier',
        entityId: id,
        after: { ...change },
      });
      return (await this.repo.findById(id, em))!;
    });
  }

  skusOf(supplierId: string): Promise<SupplierSkuEntity[]> {
    return this.repo.skusOf(supplierId);
  }

  /** Replaces the supplier's SKU map; a SKU another supplier already ships in the same scope is refused by name. */
  async setSkus(
    supplierId: string,
    skus: readonly { sku: string; accountId: string | null }[],
    actor: string,
  ): Promise<SupplierSkuEntity[]> {
    await this.get(supplierId, 'supplierId');
    await this.repo.transaction(async (em) => {
      const seen = new Set<string>();
      for (const [i, s] of skus.entries()) {
        const key = `${s.sku}\u0000${s.accountId ?? ''}`;
        if (seen.has(key)) throw new BadUserInputError(`skus.${i}.sku`, `SKU ${s.sku} is listed twice.`);
        seen.add(key);
        const taken = await this.repo
          .skus(em)
          .createQueryBuilder('m')
          .where('m.sku = :sku AND m.account_id IS NOT DISTINCT FROM :accountId AND m.supplier_id <> :supplierId', {
            sku: s.sku,
            accountId: s.accountId,
            supplierId,
          })
          .getOne();
        if (taken) {
          const other = await this.repo.findById(taken.supplierId, em);
          throw new BadUserInputError(
            `skus.${i}.sku`,
            `SKU ${s.sku} is already shipped by supplier ${other?.name ?? taken.supplierId}.`,
          );
        }
      }
      await this.repo.skus(em).delete({ supplierId });
      if (skus.length)
        await this.repo.skus(em).insert(skus.map((s) => ({ supplierId, sku: s.sku, accountId: s.accountId })));
      await this.audit.record(em, {
        actor,
        action: 'supplier.skus_set',
        entityType: 'supplier',
        entityId: supplierId,
        after: { skus: skus.map((s) => ({ sku: s.sku, accountId: s.accountId })) },
      });
    });
    return this.repo.skusOf(supplierId);
  }
}

/** Sender addresses and domains are matched lower case; blanks are dropped. */
function normalise<T extends Partial<SupplierInput>>(input: T): T {
  const out = { ...input };
  if (input.senderAddresses)
    out.senderAddresses = [...new Set(input.senderAddresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  if (typeof input.name === 'string') out.name = input.name.trim();
  return out;
}
