import { BadRequestException, Controller, ForbiddenException, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiRole, roleAtLeast } from '@order-hub/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpTokenGuard } from 'src/modules/compliance/csv/http-token.guard';
import { toCsv } from 'src/modules/compliance/csv/csv';
import { authenticateRequest, RequestAuthenticator } from 'src/modules/auth/request-authentication';
import { BuyerDataAccessRepository } from './buyer-data-access.repository';
import { accessRangeSchema } from './buyer-data-access.args';

export const ACCESS_CSV_HEADER = [
  'occurred_at',
  'actor',
  'user_id',
  'token_id',
  'order_id',
  'channel',
  'channel_order_id',
  'fields',
  'via',
  'ip',
] as const;

/** Rows a download reads per query; the whole range is written, page by page. */
const PAGE = 5_000;

/** The buyer data access log as CSV for a date range; ADMIN only, same credentials as the other downloads. */
@Controller('api')
@UseGuards(HttpTokenGuard)
export class BuyerDataAccessCsvController {
  constructor(
    private readonly log: BuyerDataAccessRepository,
    private readonly auth: RequestAuthenticator,
  ) {}

  @Get('buyer-data-access.csv')
  async download(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { caller } = await authenticateRequest(req, this.auth);
    if (!caller || !roleAtLeast(caller.role, ApiRole.ADMIN)) {
      throw new ForbiddenException('The buyer data access log needs the ADMIN role.');
    }
    const parsed = accessRangeSchema.safeParse(query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.map(String).join('.') || 'query';
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        field,
        message: `${field}: ${issue.message}`,
      });
    }
    const { from, to } = parsed.data;
    const rows: (string | Date | null)[][] = [];
    let after: { atKey: string; id: string } | null = null;
    for (;;) {
      const page = await this.log.page({ from, to }, PAGE, after);
      for (const r of page)
        rows.push([
          r.occurredAt,
          r.actor,
          r.userId,
          r.tokenId,
          r.orderId,
          r.channel,
          r.channelOrderId,
          r.fields,
          r.via,
          r.ip,
        ]);
      if (page.length < PAGE) break;
      after = { atKey: page[PAGE - 1].atKey, id: page[PAGE - 1].id };
    }
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="buyer-data-access-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.csv"`,
      );
    return toCsv(ACCESS_CSV_HEADER, rows);
  }
}
