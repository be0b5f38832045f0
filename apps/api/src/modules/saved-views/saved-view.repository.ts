import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { InboxColumn } from '@order-hub/types';
import { InboxPreferenceEntity } from './inbox-preference.entity';
import { SavedViewEntity } from './saved-view.entity';

type SavedViewFields = Pick<SavedViewEntity, 'name' | 'nameKey' | 'filter' | 'columns' | 'sort'>;

/** The only way into `saved_view` and `inbox_preference`; every method joins the caller's transaction when given `em`. */
@Injectable()
export class SavedViewRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private views(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(SavedViewEntity);
  }

  /** The person's views by position (then age, for rows that share one). */
  listByUser(userId: string, em?: EntityManager): Promise<SavedViewEntity[]> {
    return this.views(em).find({ where: { userId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  findOwned(userId: string, id: string, em?: EntityManager): Promise<SavedViewEntity | null> {
    return this.views(em).findOneBy({ id, userId });
  }

  findByNameKey(userId: string, nameKey: string, em?: EntityManager): Promise<SavedViewEntity | null> {
    return this.views(em).findOneBy({ userId, nameKey });
  }

  countByUser(userId: string, em?: EntityManager): Promise<number> {
    return this.views(em).countBy({ userId });
  }

  /** Adds a view at the end of the person's list. */
  async insert(userId: string, fields: SavedViewFields, em: EntityManager): Promise<SavedViewEntity> {
    const { next } = (await this.views(em)
      .createQueryBuilder('v')
      .select('COALESCE(MAX(v.position) + 1, 0)::int', 'next')
      .where('v.user_id = :userId', { userId })
      .getRawOne<{ next: number }>())!;
    return this.views(em).save(this.views(em).create({ userId, ...fields, position: Number(next) }));
  }

  async update(view: SavedViewEntity, fields: SavedViewFields, em: EntityManager): Promise<SavedViewEntity> {
    return this.views(em).save(Object.assign(view, fields));
  }

  /** Deletes the person's view; false when they have none with this id. */
  async deleteOwned(userId: string, id: string, em?: EntityManager): Promise<boolean> {
    return ((await this.views(em).delete({ id, userId })).affected ?? 0) > 0;
  }

  /** Serialises a person's writes to their views until the transaction ends (the name and count checks read first). */
  async lockUser(userId: string, em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`saved_view:${userId}`]);
  }

  async columnsOf(userId: string, em?: EntityManager): Promise<InboxColumn[] | null> {
    const row = await (em ?? this.ds.manager).getRepository(InboxPreferenceEntity).findOneBy({ userId });
    return row?.columns ?? null;
  }

  async setColumns(userId: string, columns: InboxColumn[], em?: EntityManager): Promise<void> {
    await (em ?? this.ds.manager)
      .getRepository(InboxPreferenceEntity)
      .upsert({ userId, columns, updatedAt: new Date() }, ['userId']);
  }
}
