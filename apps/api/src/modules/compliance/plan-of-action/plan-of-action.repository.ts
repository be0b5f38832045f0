import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, ComplianceMetricKey } from '@order-hub/types';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlanSections } from './plan-of-action-draft';

/** One saved plan's key: the metric of a channel (or one account) and category, on the UTC day of the window end. */
export interface PlanKey {
  channel: Channel;
  accountId: string | null;
  metric: ComplianceMetricKey;
  category: string | null;
  /** YYYY-MM-DD. */
  day: string;
}

const ALL_ACCOUNTS = `COALESCE(account_id, '00000000-0000-0000-0000-000000000000'::uuid)`;

/** The plan_of_action table: the operator's edited plans. */
@Injectable()
export class PlanOfActionRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Saves the plan's text, replacing the one saved under the same key. */
  async upsert(key: PlanKey, sections: PlanSections, actor: string, em?: EntityManager): Promise<void> {
    await (em ?? this.ds.manager).query(
      `INSERT INTO plan_of_action (channel, account_id, metric, category, window_end, root_cause, corrective_actions, preventive_measures, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (channel, (${ALL_ACCOUNTS}), metric, (COALESCE(category, '')), window_end)
       DO UPDATE SET root_cause = EXCLUDED.root_cause, corrective_actions = EXCLUDED.corrective_actions,
                     preventive_measures = EXCLUDED.preventive_measures, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        key.channel,
        key.accountId,
        key.metric,
        key.category,
        key.day,
        sections.rootCause,
        sections.correctiveActions,
        sections.preventiveMeasures,
        actor,
      ],
    );
  }

  async find(
    key: PlanKey,
    em?: EntityManager,
  ): Promise<(PlanSections & { updatedBy: string; updatedAt: Date }) | null> {
    const rows: {
      root_cause: string;
      corrective_actions: string;
      preventive_measures: string;
      updated_by: string;
      updated_at: Date;
    }[] = await (em ?? this.ds.manager).query(
      `SELECT root_cause, corrective_actions, preventive_measures, updated_by, updated_at FROM plan_of_action
        WHERE channel = $1 AND account_id IS NOT DISTINCT FROM $2::uuid AND metric = $3 AND category IS NOT DISTINCT FROM $4::text AND window_end = $5`,
      [key.channel, key.accountId, key.metric, key.category, key.day],
    );
    const r = rows[0];
    return r
      ? {
          rootCause: r.root_cause,
          correctiveActions: r.corrective_actions,
          preventiveMeasures: r.preventive_measures,
          updatedBy: r.updated_by,
          updatedAt: new Date(r.updated_at),
        }
      : null;
  }
}
