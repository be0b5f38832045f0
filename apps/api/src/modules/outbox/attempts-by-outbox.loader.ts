import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { In, type DataSource } from 'typeorm';
import { OutboxAttemptEntity } from './outbox-attempt.entity';
import { groupByKeys } from 'src/common/dataloaders/group-by';

export const attemptsByOutboxLoader = defineLoader(
  'attemptsByOutbox',
  (ds: DataSource) =>
    new DataLoader<string, OutboxAttemptEntity[]>(async (outboxIds) => {
      const rows = await ds
        .getRepository(OutboxAttemptEntity)
        .find({ where: { outboxId: In([...outboxIds]) }, order: { startedAt: 'ASC', attempt: 'ASC' } });
      return groupByKeys(outboxIds, rows, (r) => r.outboxId);
    }),
);
