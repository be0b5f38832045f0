import type { Channel } from '@order-hub/types';
import type { SandboxContext } from '../context';
import { amazonPackages, walmartPackages } from '../easypost/shipments';
import { type Fault, type FaultSpec, validateFaultSpec } from '../faults/faults';
import { generateAmazonOrders } from '../generator/amazon';
import { type GenerateOptions, validateGenerateOptions } from '../generator/options';
import { generateWalmartOrders } from '../generator/walmart';
import { Random } from '../random';
import type { AccountData } from '../state/types';
import { serializeMcfOrder } from '../amazon/mcf/serialize';
import { serializeAmazonOrder } from '../amazon/orders/serialize';
import { serializeWalmartOrder } from '../walmart/serialize';
import { recordPackageEvent, type PackageEventType } from './package-events';
import { type ValidTrackingCount, validTrackingCount } from '../walmart/tracking-validity';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface AccountCredentials {
  accountId: string;
  channel: Channel;
  name: string;
  clientId: string;
  clientSecret: string;
  refreshToken?: string;
  sellerId: string;
  marketplaceId?: string;
}

export interface GenerateRequest extends GenerateOptions {
  accountId: string;
  /** Optional check: the account's channel decides what is generated. */
  channel?: Channel;
}

/** The operations behind the control API, also exposed as typed helpers on the Sandbox object. */
export class ControlService {
  private generated = 0;

  constructor(
    private readonly ctx: SandboxContext,
    private readonly seed: number,
  ) {}

  createAccount(channel: Channel, name?: string): AccountCredentials {
    if (channel !== 'WALMART' && channel !== 'AMAZON') throw new ControlError(400, 'channel must be WALMART or AMAZON');
    const account = this.ctx.store.createAccount(channel, name, this.ctx.clock.now());
    this.ctx.changed();
    const creds = account.walmart ?? account.amazon;
    if (!creds) throw new Error('account created without credentials');
    return {
      accountId: account.id,
      channel,
      name: account.name,
      clientId: creds.clientId,
      clientSecret: creds.clientSecret,
      sellerId: creds.sellerId,
      ...(account.amazon
        ? { refreshToken: account.amazon.refreshToken, marketplaceId: account.amazon.marketplaceId }
        : {}),
    };
  }

  generateOrders(request: GenerateRequest): { accountId: string; channel: Channel; orderIds: string[] } {
    const data = this.account(request.accountId);
    const problem = validateGenerateOptions(request);
    if (problem) throw new ControlError(400, problem);
    if (request.channel !== undefined && request.channel !== data.account.channel) {
      throw new ControlError(
        400,
        `account ${data.account.id} is a ${data.account.channel} account, not ${String(request.channel)}`,
      );
    }
    this.generated += 1;
    const random = new Random(request.seed ?? this.seed * 7919 + this.generated);
    const now = this.ctx.clock.now();
    const orderIds =
      data.account.channel === 'WALMART'
        ? generateWalmartOrders(data, random, now, request).map((o) => {
            for (const shipped of walmartPackages(o)) this.ctx.easypost.recordShipment(shipped);
            return o.purchaseOrderId;
          })
        : generateAmazonOrders(data, random, now, request).map((o) => {
            for (const shipped of amazonPackages(o)) this.ctx.easypost.recordShipment(shipped);
            return o.orderId;
          });
    for (const orderId of orderIds)
      this.ctx.orderEvents.emit({
        channel: data.account.channel,
        accountId: data.account.id,
        orderId,
        kind: 'CREATED',
        at: new Date(now),
      });
    this.ctx.changed();
    return { accountId: data.account.id, channel: data.account.channel, orderIds };
  }

  injectFault(spec: FaultSpec): Fault {
    const problem = validateFaultSpec(spec);
    if (problem) throw new ControlError(400, problem);
    return this.ctx.faults.add(spec);
  }

  clearFaults(id?: string): number {
    return this.ctx.faults.remove(id);
  }

  packageEvent(trackingNumber: string, type: PackageEventType): { channel: Channel; orderId: string } {
    if (type !== 'SCANNED' && type !== 'DELIVERED') throw new ControlError(400, 'type must be SCANNED or DELIVERED');
    for (const data of this.ctx.store.accounts.values()) {
      this.ctx.advanceAccount(data);
      const found = recordPackageEvent(data, trackingNumber, type, this.ctx.clock.now());
      if (found) {
        this.ctx.changed();
        return found;
      }
    }
    throw new ControlError(404, `no package with tracking number ${trackingNumber}`);
  }

  /** The order as the channel holds it: the channel's own JSON plus the sandbox's internal record. */
  orderState(
    channel: Channel,
    orderId: string,
  ): { channel: Channel; accountId: string; view: unknown; internal: unknown } {
    for (const data of this.ctx.store.accounts.values()) {
      if (data.account.channel !== channel) continue;
      this.ctx.advanceAccount(data);
      if (channel === 'WALMART') {
        const order = data.walmartOrders.get(orderId);
        if (order)
          return {
            channel,
            accountId: data.account.id,
            view: { order: serializeWalmartOrder(order, { productInfo: true }) },
            internal: order,
          };
      } else {
        const order = data.amazonOrders.get(orderId);
        if (order)
          return {
            channel,
            accountId: data.account.id,
            view: { order: serializeAmazonOrder(order, 'ALL') },
            internal: order,
          };
        const mcf = data.mcfOrders.get(orderId);
        if (mcf)
          return { channel, accountId: data.account.id, view: { payload: serializeMcfOrder(mcf) }, internal: mcf };
      }
    }
    throw new ControlError(404, `no ${channel} order ${orderId}`);
  }

  /** Serves the order broken: `patch` is merged into the channel's JSON of it (lists and single reads). */
  malformOrder(channel: Channel, orderId: string, patch: unknown): { channel: Channel; orderId: string } {
    this.orderState(channel, orderId);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
      throw new ControlError(400, "patch must be a JSON object merged into the channel's copy of the order");
    this.ctx.malformed.set(channel, orderId, patch as Record<string, unknown>);
    return { channel, orderId };
  }

  /** The order's good copy again, marked as changed now so the next incremental pull reads it. */
  restoreOrder(channel: Channel, orderId: string): { channel: Channel; orderId: string } {
    const { internal } = this.orderState(channel, orderId);
    if (!this.ctx.malformed.remove(channel, orderId))
      throw new ControlError(404, `${channel} order ${orderId} is not served malformed`);
    this.touch(internal);
    return { channel, orderId };
  }

  /** Marks an order as changed now (Walmart lastModified, Amazon lastUpdatedTime). */
  private touch(internal: unknown): void {
    const order = internal as { lastModified?: number; lastUpdatedTime?: number };
    const now = this.ctx.clock.now();
    if (order.lastModified !== undefined) order.lastModified = Math.max(order.lastModified, now);
    if (order.lastUpdatedTime !== undefined) order.lastUpdatedTime = Math.max(order.lastUpdatedTime, now);
    this.ctx.changed();
  }

  setMcfInventory(accountId: string, sku: string, quantity: number): { sku: string; quantity: number } {
    const data = this.account(accountId);
    if (data.account.channel !== 'AMAZON') throw new ControlError(400, 'MCF inventory belongs to an Amazon account');
    if (typeof sku !== 'string' || sku.trim() === '' || sku.length > 50)
      throw new ControlError(400, 'sku must be a string of 1-50 characters');
    if (!Number.isInteger(quantity) || quantity < 0)
      throw new ControlError(400, 'quantity must be a non-negative integer');
    data.inventory.set(sku, quantity);
    this.ctx.changed();
    return { sku, quantity };
  }

  /** How Walmart's Valid Tracking Rate counts the seller's shipments: accepted numbers it later flags as invalid. */
  validTracking(accountId: string): ValidTrackingCount {
    const data = this.account(accountId);
    if (data.account.channel !== 'WALMART')
      throw new ControlError(400, 'valid tracking is counted for a Walmart account');
    return validTrackingCount(data);
  }

  private account(accountId: string): AccountData {
    const data = this.ctx.store.accounts.get(accountId);
    if (!data) throw new ControlError(404, `no account ${accountId}`);
    return data;
  }
}
