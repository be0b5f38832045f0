import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Res, UseGuards } from '@nestjs/common';
import { CHANNELS, type Channel } from '@order-hub/types';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DATE_TIME_RULE, parseIsoDateTime } from 'src/common/graphql/date-time.scalar';
import { policyDateProblem } from 'src/common/validation/policy-date';
import { findTextProblem } from 'src/common/validation/text';
import { ComplianceService } from 'src/modules/compliance/compliance.service';
import { BoughtLabelTrackingService } from 'src/modules/compliance/bought-labels/bought-label-tracking.service';
import { OrderEvidenceService } from 'src/modules/compliance/evidence/order-evidence.service';
import { toCsv } from './csv';
import { HttpTokenGuard } from './http-token.guard';

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const reportQuery = z
  .object({
    channel: z.enum(CHANNELS as [Channel, ...Channel[]], {
      error: (issue) => (issue.input === undefined ? 'is required.' : `must be one of ${CHANNELS.join(', ')}.`),
    }),
    accountId: uuid.optional(),
    asOf: z
      .string({ error: 'must be given once, as an ISO-8601 date and time.' })
      .transform(
        (s, ctx) => parseIsoDateTime(s) ?? (ctx.addIssue({ code: 'custom', message: DATE_TIME_RULE }), z.NEVER),
      )
      .optional(),
  })
  .superRefine((q, ctx) => {
    // A report before the channel's first policy cannot be measured: say so instead of failing inside.
    const problem = q.asOf ? policyDateProblem(q.channel, q.asOf) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['asOf'], message: problem });
  });

export const REPORT_CSV_HEADER = [
  'key',
  'category',
  'label',
  'value',
  'numerator',
  'denominator',
  'threshold',
  'comparator',
  'status',
  'window_start',
  'window_end',
  'policy_version',
  'exclusions',
  'awaiting_first_scan',
  'uses_carrier_data',
  'carrier_data_as_of',
  'carrier_data_note',
  // Valid tracking only: its shipments whose label was bought in the hub.
  'tracking_valid_by_construction',
] as const;

/** A rate as the page shows it: two decimals of a percent (96.1538… → 96.15); null stays empty. */
export function roundedPercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** Query strings arrive as text; an empty parameter counts as absent. */
function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, unknown>): z.output<S> {
  const present = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
  // The same text rule as for GraphQL arguments: no NUL, no lone surrogate, in any parameter.
  const bad = findTextProblem(present, 'query');
  if (bad) throw badRequest(bad.field.replace(/^query\./, ''), bad.problem);
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw badRequest(issue.path.map(String).join('.') || 'query', issue.message);
}

function badRequest(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', field, message: `${field}: ${message}` });
}

/** A file name without characters that need quoting in Content-Disposition. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

function sendCsv(reply: FastifyReply, filename: string, body: string): string {
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${safeName(filename)}"`);
  return body;
}

/** CSV downloads of the compliance report and of an order's evidence; the bearer token as for GraphQL. */
@Controller('api')
@UseGuards(HttpTokenGuard)
export class ComplianceCsvController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly evidence: OrderEvidenceService,
    private readonly boughtLabels: BoughtLabelTrackingService,
  ) {}

  @Get('compliance/report.csv')
  async reportCsv(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const input = parseQuery(reportQuery, query);
    const report = await this.compliance.report({
      channel: input.channel,
      accountId: input.accountId ?? null,
      asOf: input.asOf ?? null,
    });
    const byConstruction = await Promise.all(
      report.metrics.map((m) =>
        m.key === 'VALID_TRACKING_RATE'
          ? this.boughtLabels.count({
              channel: input.channel,
              accountId: input.accountId ?? null,
              start: m.windowStart,
              end: m.windowEnd,
              category: m.category,
            })
          : Promise.resolve(null),
      ),
    );
    const rows = report.metrics.map((m, i) => [
      m.key,
      // Null means all categories.
      m.category,
      m.label,
      roundedPercent(m.value),
      m.numerator,
      m.denominator,
      roundedPercent(m.threshold),
      m.comparator,
      m.status,
      m.windowStart,
      m.windowEnd,
      m.policyVersion,
      m.exclusions.map((x) => `${x.reason}=${x.count}`).join('; '),
      m.awaitingFirstScan,
      m.carrierData.uses,
      m.carrierData.asOf,
      m.carrierData.note,
      byConstruction[i],
    ]);
    const filename = `compliance-${input.channel}-${input.accountId ?? 'all-accounts'}-${report.asOf.toISOString().slice(0, 19)}.csv`;
    return sendCsv(reply, filename, toCsv(REPORT_CSV_HEADER, rows));
  }

  @Get('orders/:id/evidence.csv')
  async evidenceCsv(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { id: orderId } = parseQuery(z.object({ id: uuid }), { id });
    const found = await this.evidence.forOrder(orderId);
    if (!found) throw new NotFoundException(`Order ${orderId} does not exist.`);
    const rows = found.events.map((e) => [e.at, e.kind, e.actor, e.detail]);
    return sendCsv(
      reply,
      `evidence-${found.order.channel}-${found.order.channelOrderId}.csv`,
      toCsv(['at', 'kind', 'actor', 'detail'], rows),
    );
  }
}
