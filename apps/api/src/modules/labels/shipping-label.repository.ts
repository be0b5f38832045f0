import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, MoreThan, type EntityManager } from 'typeorm';
import { ShipFromAddressEntity } from './ship-from-address.entity';
import { ShippingLabelEntity, type ShippingLabelStatus } from './shipping-label.entity';

/** Longer than a purchase can take (the provider calls time out well before). */
const STALE_PENDING_MS = 5 * 60_000;

/** What a purchase knows before it buys. */
export type NewLabel = Pick<
  ShippingLabelEntity,
  | 'orderId'
  | 'accountId'
  | 'source'
  | 'idempotencyKey'
  | 'requestToken'
  | 'rateId'
  | 'format'
  | 'parcel'
  | 'packageIndex'
  | 'lines'
  | 'shipToCorrected'
  | 'createdBy'
>;

/** shipping_label and ship_from_address: the labels bought in the hub and where each account ships from. */
@Injectable()
export class ShippingLabelRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private labels(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(ShippingLabelEntity);
  }

  findById(id: string, em?: EntityManager): Promise<ShippingLabelEntity | null> {
    return this.labels(em).findOneBy({ id });
  }

  findByKey(idempotencyKey: string, em?: EntityManager): Promise<ShippingLabelEntity | null> {
    return this.labels(em).findOneBy({ idempotencyKey });
  }

  lockById(id: string, em: EntityManager): Promise<ShippingLabelEntity | null> {
    return this.labels(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Each order's labels, newest first. */
  byOrderIds(orderIds: readonly string[]): Promise<ShippingLabelEntity[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.labels().find({ where: { orderId: In([...orderIds]) }, order: { createdAt: 'DESC' } });
  }

  byIds(ids: readonly string[]): Promise<ShippingLabelEntity[]> {
    return ids.length ? this.labels().findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * The package's label: bought, or being bought right now. A purchase PENDING for longer than any provider call
   * takes died with its process and no longer holds the package; a voided or refunding label never does.
   */
  activeForPackage(orderId: string, packageIndex: number, em?: EntityManager): Promise<ShippingLabelEntity | null> {
    const stale = new Date(Date.now() - STALE_PENDING_MS);
    return this.labels(em).findOne({
      where: [
        { orderId, packageIndex, status: 'PURCHASED' },
        { orderId, packageIndex, status: 'PENDING', createdAt: MoreThan(stale) },
      ],
    });
  }

  /** Purchases PENDING for longer than any seller call takes: their process died during it. */
  stalePending(scope: { orderId: string; packageIndex: number } | null): Promise<ShippingLabelEntity[]> {
    const stale = new Date(Date.now() - STALE_PENDING_MS);
    return this.labels().find({
      where: { ...(scope ?? {}), status: 'PENDING', createdAt: LessThan(stale) },
      order: { createdAt: 'ASC' },
      take: 100,
    });
  }

  /** Takes a stale purchase over (one process only: its clock starts again); null when another one took it. */
  retakeStale(id: string): Promise<ShippingLabelEntity | null> {
    return this.retake(id, 'PENDING', 'created_at');
  }

  /** A void under way: set with the confirmation stopped, cleared with the seller's answer recorded. */
  async startVoid(id: string, em: EntityManager): Promise<void> {
    await this.labels(em).update({ id }, { voidStartedAt: () => 'now()' });
  }

  async endVoid(id: string, failure: string | null, em: EntityManager): Promise<void> {
    await this.labels(em).update({ id }, { voidStartedAt: null, ...(failure ? { failure } : {}) });
  }

  /** Voids started longer ago than any seller call takes and never recorded: their process died. */
  interruptedVoids(): Promise<ShippingLabelEntity[]> {
    const stale = new Date(Date.now() - STALE_PENDING_MS);
    return this.labels().find({
      where: { status: 'PURCHASED', voidStartedAt: LessThan(stale) },
      order: { voidStartedAt: 'ASC' },
      take: 100,
    });
  }

  /** Takes an interrupted void over (one process only); null when another one took it. */
  retakeVoid(id: string): Promise<ShippingLabelEntity | null> {
    return this.retake(id, 'PURCHASED', 'void_started_at');
  }

  /** Restarts the clock of a row still stale in `status` (a compare-and-set: one process wins it). */
  private async retake(
    id: string,
    status: ShippingLabelStatus,
    clock: 'created_at' | 'void_started_at',
  ): Promise<ShippingLabelEntity | null> {
    const rows: unknown[] = await this.ds.query(
      `UPDATE shipping_label SET ${clock} = now()
        WHERE id = $1 AND status = $2 AND ${clock} < now() - make_interval(secs => $3) RETURNING id`,
      [id, status, STALE_PENDING_MS / 1000],
    );
    const ids = (Array.isArray(rows[0]) ? rows[0] : rows) as { id: string }[];
    return ids.length > 0 ? this.findById(id) : null;
  }

  /**
   * Claims the purchase under `idempotencyKey`: a new PENDING row, or a FAILED one (nothing was bought) taken back to
   * PENDING. Null when another row holds the key (bought or being bought): the caller answers with that one.
   */
  async claim(row: NewLabel): Promise<ShippingLabelEntity | null> {
    const inserted: { id: string }[] = await this.ds
      .createQueryBuilder()
      .insert()
      .into(ShippingLabelEntity)
      .values({ ...row, status: 'PENDING' })
      .orIgnore()
      .returning(['id'])
      .execute()
      .then((r) => r.raw as { id: string }[]);
    if (inserted.length > 0) return this.labels().findOneByOrFail({ id: inserted[0].id });
    const retried: { id: string }[] = await this.ds.query(
      `UPDATE shipping_label SET status = 'PENDING', failure = NULL, created_at = now(), created_by = $2, format = $3, parcel = $4,
       ship_to_corrected = $5, lines = $6 WHERE idempotency_key = $1 AND status = 'FAILED' RETURNING id`,
      [
        row.idempotencyKey,
        row.createdBy,
        row.format,
        JSON.stringify(row.parcel),
        row.shipToCorrected,
        row.lines ? JSON.stringify(row.lines) : null,
      ],
    );
    const ids = Array.isArray(retried[0]) ? (retried[0] as { id: string }[]) : retried;
    return ids.length > 0 ? this.labels().findOneByOrFail({ id: ids[0].id }) : null;
  }

  save(label: ShippingLabelEntity, em?: EntityManager): Promise<ShippingLabelEntity> {
    return this.labels(em).save(label);
  }

  async document(id: string): Promise<Buffer | null> {
    const row = await this.labels()
      .createQueryBuilder('l')
      .addSelect('l.document')
      .where('l.id = :id', { id })
      .getOne();
    return row?.document ?? null;
  }

  async storeDocument(id: string, document: Buffer): Promise<void> {
    await this.labels().update({ id }, { document });
  }

  shipFrom(accountId: string): Promise<ShipFromAddressEntity | null> {
    return this.ds.getRepository(ShipFromAddressEntity).findOneBy({ accountId });
  }

  shipFromOf(accountIds: readonly string[]): Promise<ShipFromAddressEntity[]> {
    return accountIds.length
      ? this.ds.getRepository(ShipFromAddressEntity).findBy({ accountId: In([...accountIds]) })
      : Promise.resolve([]);
  }

  saveShipFrom(address: ShipFromAddressEntity): Promise<ShipFromAddressEntity> {
    return this.ds.getRepository(ShipFromAddressEntity).save(address);
  }
}
