import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, ComplianceMetricKey } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../../../common/errors/app-error';
import { ComplianceService, type ReportedMetric } from '../compliance.service';
import { controlsFor } from './hub-controls';
import { draftPlanOfAction, type PlanDraft, type PlanSections } from './plan-of-action-draft';
import { PlanOfActionFactsService } from './plan-of-action-facts.service';

export interface PlanRequest {
  channel: Channel;
  accountId: string | null;
  metric: ComplianceMetricKey;
  category: string | null;
  windowEnd: Date | null;
}

export interface SavedPlan extends PlanSections {
  updatedBy: string;
  updatedAt: Date;
}

export interface PlanOfAction {
  request: PlanRequest & { windowEnd: Date };
  metric: ReportedMetric;
  draft: PlanDraft;
  saved: SavedPlan | null;
}

/** Plans are kept per UTC day of the window end: any instant that day finds the same saved text. */
const planDay = (d: Date) => d.toISOString().slice(0, 10);

const ALL_ACCOUNTS = `COALESCE(account_id, '00000000-0000-0000-0000-000000000000'::uuid)`;

/** Drafts a plan of action from the report and the orders behind it; keeps the operator's edited text. */
@Injectable()
export class PlanOfActionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly compliance: ComplianceService,
    private readonly facts: PlanOfActionFactsService,
  ) {}

  async plan(request: PlanRequest): Promise<PlanOfAction> {
    const windowEnd = request.windowEnd ?? new Date();
    const report = await this.compliance.report({
      channel: request.channel,
      accountId: request.accountId,
      asOf: windowEnd,
    });
    const ofKey = report.metrics.filter((m) => m.key === request.metric);
    if (ofKey.length === 0)
      throw new BadUserInputError('metric', `${request.metric} is not a ${request.channel} metric.`);
    const metric = ofKey.find((m) => (m.category ?? null) === request.category);
    if (!metric)
      throw new BadUserInputError(
        'category',
        `${request.metric} has no figures for category "${request.category}" in this window.`,
      );
    const affected = await this.facts.affectedOrders({
      channel: request.channel,
      accountId: request.accountId,
      key: request.metric,
      category: request.category,
      start: metric.windowStart,
      end: metric.windowEnd,
    });
    const draft = draftPlanOfAction(
      {
        key: metric.key,
        label: metric.label,
        category: metric.category ?? null,
        value: metric.value,
        threshold: metric.threshold,
        comparator: metric.comparator,
        windowStart: metric.windowStart,
        windowEnd: metric.windowEnd,
        policyVersion: metric.policyVersion,
      },
      affected,
      controlsFor(request.metric),
    );
    return { request: { ...request, windowEnd }, metric, draft, saved: await this.saved({ ...request, windowEnd }) };
  }

  async save(request: PlanRequest, sections: PlanSections, actor: string): Promise<PlanOfAction> {
    const windowEnd = request.windowEnd ?? new Date();
    await this.ds.query(
      `INSERT INTO plan_of_action (channel, account_id, metric, category, window_end, root_cause, corrective_actions, preventive_measures, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (channel, (${ALL_ACCOUNTS}), metric, (COALESCE(category, '')), window_end)
       DO UPDATE SET root_cause = EXCLUDED.root_cause, corrective_actions = EXCLUDED.corrective_actions,
                     preventive_measures = EXCLUDED.preventive_measures, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        request.channel,
        request.accountId,
        request.metric,
        request.category,
        planDay(windowEnd),
        sections.rootCause,
        sections.correctiveActions,
        sections.preventiveMeasures,
        actor,
      ],
    );
    return this.plan({ ...request, windowEnd });
  }

  private async saved(request: PlanRequest & { windowEnd: Date }): Promise<SavedPlan | null> {
    const rows: {
      root_cause: string;
      corrective_actions: string;
      preventive_measures: string;
      updated_by: string;
      updated_at: Date;
    }[] = await this.ds.query(
      `SELECT root_cause, corrective_actions, preventive_measures, updated_by, updated_at FROM plan_of_action
        WHERE channel = $1 AND account_id IS NOT DISTINCT FROM $2::uuid AND metric = $3 AND category IS NOT DISTINCT FROM $4::text AND window_end = $5`,
      [request.channel, request.accountId, request.metric, request.category, planDay(request.windowEnd)],
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
