import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { McfOrderEntity } from './mcf-order.entity';

export interface McfOrderFilter {
  statuses: string[] | null;
  /** createdAt of the last order of the previous page. */
  before: Date | null;
  /** Only orders with (true) or without (false) a package whose tracking is held back. */
  held: boolean | null;
}

@Injectable()
export class McfQueryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Newest first. */
  async list(filter: McfOrderFilter, first: number): Promise<McfOrderEntity[]> {
    const qb = this.ds
      .getRepository(McfOrderEntity)
      .createQueryBuilder('m')
      .orderBy('m.created_at', 'DESC')
      .take(first);
    if (filter.statuses?.length) qb.andWhere('m.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.before) qb.andWhere('m.created_at < :before', { before: filter.before });
    if (filter.held !== null)
      qb.andWhere(
        `${filter.held ? '' : 'NOT '}EXISTS (SELECT 1 FROM jsonb_array_elements(m.packages) p WHERE p->>'holdReason' IS NOT NULL)`,
      );
    return qb.getMany();
  }
}
