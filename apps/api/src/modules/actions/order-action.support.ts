import { Injectable } from '@nestjs/common';
import { channelProfile, sellerCannotActReason } from '@order-hub/rules';
import type { OrderStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import type { Violation } from '@order-hub/types';
import {
  AppError,
  BadUserInputError,
  ConflictError,
  NotFoundError,
  RuleViolationError,
} from 'src/common/errors/app-error';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { OrderLineEntity } from 'src/modules/orders/order.repository';
import type { OrderEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { UUID } from 'src/common/validation/uuid';

export interface ActionableOrder {
  order: OrderEntity;
  lines: OrderLineEntity[];
  account: ChannelAccountEntity;
}

/** The order an operator acts on: loaded with the refusals every action shares, and committed version-checked. */
@Injectable()
export class ActionableOrders {
  constructor(
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
  ) {}

  /**
   * The order with its lines and account, refused when the hub may not act on it (unknown, disabled account,
   * channel-fulfilled). `lock` holds the order FOR UPDATE until the transaction ends: actions on one order take
   * turns, so the one that waited sees what the other recorded (its outbox rows, the new version).
   */
  async load(em: EntityManager, orderId: string, field = 'input.orderId', lock = false): Promise<ActionableOrder> {
    if (!UUID.test(orderId)) throw new BadUserInputError(field, 'must be an id returned by the API (a UUID).');
    const locked = lock ? await this.orders.lockWithLines(orderId, em) : null;
    const order = locked ? locked.order : await this.orders.findById(orderId, em);
    if (!order) throw new NotFoundError('Order', orderId);
    const account = await this.accounts.getById(order.accountId, em);
    if (account.disabledAt)
      throw new ConflictError(`Channel account ${account.name} is disabled: enable it before acting on its orders.`);
    if (sellerCannotActReason(order)) {
      const who = channelProfile(order.channel).channelFulfilmentLabel;
      throw new ConflictError(`Order ${order.channelOrderId} is fulfilled by ${who}; the seller cannot act on it.`);
    }
    const lines = locked ? locked.lines : await this.orders.linesOf(orderId, em);
    return { order, lines, account };
  }

  /**
   * CONFLICT when the order is no longer at `version`, the one the caller saw: checked before the rules, so a stale
   * request is told the order changed rather than what the rules make of the change.
   */
  expectVersion(target: ActionableOrder, version: number | null | undefined): void {
    if (version !== null && version !== undefined && version !== target.order.version)
      throw staleVersion(target, version);
  }

  /**
   * The rules' refusal, or CONFLICT when the order moved on from `version` while they ran (they read it again): the
   * caller raced another change and is told so, as it would have been had the rules run a moment earlier.
   */
  async refusal(target: ActionableOrder, version: number, violations: readonly Violation[]): Promise<AppError> {
    const now = await this.orders.findById(target.order.id);
    if (now && now.version !== version) return staleVersion({ ...target, order: now }, version);
    return new RuleViolationError(violations);
  }

  /**
   * Saves the lines and moves the order to its new status and version, if nobody changed it since `version`
   * (another operator, a bulk upload, an import): otherwise CONFLICT, and the transaction rolls back.
   */
  commit(
    em: EntityManager,
    target: ActionableOrder,
    version: number,
    changes: Partial<Pick<OrderEntity, 'acknowledgedAt'>> = {},
  ): Promise<OrderStatus> {
    return this.orders.commitChange(target.order, target.lines, version, changes, em);
  }
}

function staleVersion(target: ActionableOrder, version: number): ConflictError {
  return new ConflictError(
    `Order ${target.order.channelOrderId} changed while this action was prepared (version ${version} is no longer current, it is ${target.order.version}); reload it and try again.`,
  );
}
