import { Injectable } from '@nestjs/common';
import type { Channel, ComplianceMetricKey } from '@order-hub/types';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ComplianceService, type ReportedMetric } from 'src/modules/compliance/compliance.service';
import { assertPolicyInForce } from 'src/common/validation/policy-date';
import { SupplierScorecardService } from 'src/modules/suppliers/supplier-scorecard.service';
import { controlsFor } from './hub-controls';
import { draftPlanOfAction, type PlanDraft, type PlanSections } from './plan-of-action-draft';
import { PlanOfActionFactsService } from './plan-of-action-facts.service';
import { PlanOfActionRepository } from './plan-of-action.repository';

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

/** The metrics a dropship supplier's late tracking or unscanned parcels move: their plans name the suppliers. */
const SUPPLIER_METRICS: readonly ComplianceMetricKey[] = [
  'VALID_TRACKING_RATE',
  'LATE_SHIPMENT_RATE_10D',
  'LATE_SHIPMENT_RATE_30D',
  'ON_TIME_SHIPMENT_RATE',
];

/** Plans are kept per UTC day of the window end: any instant that day finds the same saved text. */
const planDay = (d: Date) => d.toISOString().slice(0, 10);

/** Drafts a plan of action from the report and the orders behind it; keeps the operator's edited text. */
@Injectable()
export class PlanOfActionService {
  constructor(
    private readonly plans: PlanOfActionRepository,
    private readonly compliance: ComplianceService,
    private readonly facts: PlanOfActionFactsService,
    private readonly accounts: ChannelAccountRepository,
    private readonly suppliers: SupplierScorecardService,
  ) {}

  async plan(request: PlanRequest): Promise<PlanOfAction> {
    const windowEnd = request.windowEnd ?? new Date();
    assertPolicyInForce(request.channel, windowEnd, 'windowEnd');
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
      SUPPLIER_METRICS.includes(request.metric)
        ? await this.suppliers.planFigures({
            channel: request.channel,
            accountId: request.accountId,
            from: metric.windowStart,
            to: metric.windowEnd,
          })
        : [],
    );
    return { request: { ...request, windowEnd }, metric, draft, saved: await this.saved({ ...request, windowEnd }) };
  }

  async save(request: PlanRequest, sections: PlanSections, actor: string): Promise<PlanOfAction> {
    const windowEnd = request.windowEnd ?? new Date();
    assertPolicyInForce(request.channel, windowEnd, 'windowEnd');
    // An unknown account would fail the plan's foreign key inside the database (INTERNAL): say which one is missing.
    if (request.accountId && !(await this.accounts.exists(request.accountId)))
      throw new NotFoundError('Channel account', request.accountId);
    await this.plans.upsert({ ...request, day: planDay(windowEnd) }, sections, actor);
    return this.plan({ ...request, windowEnd });
  }

  private saved(request: PlanRequest & { windowEnd: Date }): Promise<SavedPlan | null> {
    return this.plans.find({ ...request, day: planDay(request.windowEnd) });
  }
}
