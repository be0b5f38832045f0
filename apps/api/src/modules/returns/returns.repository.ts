import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OrderReturnLineEntity } from './order-return-line.entity';
import { OrderReturnEntity } from './order-return.entity';
import type { StoredReturn, StoredReturnLine } from './stored-return';

/** The order_return and order_return_line tables: every read and write of them goes through here. */
@Injectable()
export class ReturnsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private returns(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(OrderReturnEntity);
  }

  private lines(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(OrderReturnLineEntity);
  }

  /** The returns with their lines (in line-number order), in the order given. */
  async withLines(rows: readonly OrderReturnEntity[], em?: EntityManager): Promise<StoredReturn[]> {
    if (rows.length === 0) return [];
    const lines = await this.lines(em).find({
      where: { returnId: In(rows.map((r) => r.id)) },
      order: { returnId: 'ASC', returnLineNumber: 'ASC' },
    });
    const byReturn = new Map<string, StoredReturnLine[]>();
    for (const l of lines) {
      const { orderReturn: _r, order: _o, ...line } = l;
      byReturn.set(l.returnId, [...(byReturn.get(l.returnId) ?? []), line]);
    }
    return rows.map((r) => {
      const { account: _a, order: _o, ...row } = r;
      return { ...row, lines: (byReturn.get(r.id) ?? []).sort(byLineNumber) };
    });
  }

  async findByIds(ids: readonly string[], em?: EntityManager): Promise<StoredReturn[]> {
    if (ids.length === 0) return [];
    const rows = await this.returns(em).findBy({ id: In([...ids]) });
    const byId = new Map((await this.withLines(rows, em)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is StoredReturn => r !== undefined);
  }

  /** Returns of these orders: linked by the return itself or by any of its lines (a return may span orders). */
  async byOrderIds(orderIds: readonly string[], em?: EntityManager): Promise<StoredReturn[]> {
    if (orderIds.length === 0) return [];
    const rows = await this.returns(em)
      .createQueryBuilder('r')
      .where(
        `r.order_id = ANY(:ids) OR r.id IN (SELECT l.return_id FROM order_return_line l WHERE l.order_id = ANY(:ids))`,
        { ids: [...orderIds] },
      )
      .orderBy('r.requested_at', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    return this.withLines(rows, em);
  }

  /** The return and its lines, locked until the transaction ends; null when there is none. */
  async lockById(id: string, em: EntityManager): Promise<StoredReturn | null> {
    const row = await this.returns(em)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (!row) return null;
    await this.lines(em)
      .createQueryBuilder('l')
      .setLock('pessimistic_write')
      .where('l.return_id = :id', { id })
      .getMany();
    return (await this.withLines([row], em))[0];
  }

  /** The account's returns with these channel ids, locked for an import. */
  async lockForImport(accountId: string, channelReturnIds: readonly string[], em: EntityManager) {
    if (channelReturnIds.length === 0) return [];
    const rows = await this.returns(em)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.account_id = :accountId AND r.channel_return_id = ANY(:ids)', {
        accountId,
        ids: [...channelReturnIds],
      })
      .orderBy('r.id')
      .getMany();
    return this.withLines(rows, em);
  }

  async insertReturn(row: Omit<StoredReturn, 'id' | 'lines'>, em: EntityManager): Promise<string> {
    const saved = await this.returns(em).save(this.returns(em).create(row));
    return saved.id;
  }

  async updateReturn(id: string, changes: Partial<Omit<StoredReturn, 'id' | 'lines'>>, em: EntityManager) {
    await this.returns(em).update({ id }, changes as QueryDeepPartialEntity<OrderReturnEntity>);
  }

  async insertLines(lines: Omit<StoredReturnLine, 'id'>[], em: EntityManager): Promise<void> {
    if (lines.length === 0) return;
    await this.lines(em).insert(lines);
  }

  async updateLine(id: string, changes: Partial<Omit<StoredReturnLine, 'id'>>, em: EntityManager): Promise<void> {
    await this.lines(em).update({ id }, changes);
  }

  /**
   * What the refund clock watches: received returns not fully refunded and not closed, and returns the channel
   * refunded itself in the last 7 days (reported as such for a week).
   */
  async clockCandidates(now: Date, em?: EntityManager): Promise<StoredReturn[]> {
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
    const rows = await this.returns(em)
      .createQueryBuilder('r')
      .where(`(r.received_at IS NOT NULL AND r.status NOT IN ('REFUNDED', 'CLOSED'))`)
      .orWhere(`(r.refunded_by = 'CHANNEL' AND r.refunded_at >= :weekAgo)`, { weekAgo })
      .orderBy('r.received_at', 'ASC', 'NULLS LAST')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    return this.withLines(rows, em);
  }
}

function byLineNumber(a: StoredReturnLine, b: StoredReturnLine): number {
  return a.returnLineNumber.localeCompare(b.returnLineNumber, 'en', { numeric: true });
}
