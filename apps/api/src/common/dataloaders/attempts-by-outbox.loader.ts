import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { OutboxAttemptEntity } from '../../modules/outbox/outbox-attempt.entity';
import { groupByKeys } from './group-by';

export function attemptsByOutboxLoader(ds: DataSource) {
  return new DataLoader<string, OutboxAttemptEntity[]>(async (outboxIds) => {
    const rows = await ds
      .getRepository(OutboxAttemptEntity)
      .find({ where: { outboxId: In([...outboxIds]) }, order: { startedAt: 'ASC', attempt: 'ASC' } });
    return groupByKeys(outboxIds, rows, (r) => r.outboxId);
  });
}
