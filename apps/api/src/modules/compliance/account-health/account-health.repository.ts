import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountHealthFigureStatus, AccountHealthSnapshot } from '@order-hub/types';
import type { DataSource } from 'typeorm';

/** A stored fetch of an account's health report. */
export interface StoredAccountHealth extends AccountHealthSnapshot {
  accountId: string;
  fetchedAt: Date;
}

interface Row {
  account_id: string;
  fetched_at: Date;
  report_id: string;
  marketplace_id: string;
  account_status: string | null;
  rating_status: string | null;
  rating_from: Date | null;
  rating_to: Date | null;
  odr_rate: string | null;
  odr_target: string | null;
  odr_target_condition: string | null;
  odr_status: string | null;
  odr_order_count: number | null;
  odr_orders_with_defects: number | null;
  odr_claims: number | null;
  odr_chargebacks: number | null;
  odr_negative_feedback: number | null;
  odr_from: Date | null;
  odr_to: Date | null;
}

const COLUMNS = `account_id, fetched_at, report_id, marketplace_id, account_status, rating_status, rating_from, rating_to,
  odr_rate, odr_target, odr_target_condition, odr_status, odr_order_count, odr_orders_with_defects, odr_claims,
  odr_chargebacks, odr_negative_feedback, odr_from, odr_to`;

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

function fromRow(r: Row): StoredAccountHealth {
  return {
    accountId: r.account_id,
    fetchedAt: new Date(r.fetched_at),
    reportId: r.report_id,
    marketplaceId: r.marketplace_id,
    accountStatus: r.account_status,
    ratingStatus: r.rating_status,
    ratingFrom: date(r.rating_from),
    ratingTo: date(r.rating_to),
    orderDefectRate:
      r.odr_rate === null
        ? null
        : {
            ratePercent: Number(r.odr_rate),
            targetPercent: Number(r.odr_target),
            targetCondition: r.odr_target_condition ?? '',
            status: (r.odr_status ?? 'NONE') as AccountHealthFigureStatus,
            orderCount: r.odr_order_count ?? 0,
            ordersWithDefects: r.odr_orders_with_defects ?? 0,
            claims: r.odr_claims ?? 0,
            chargebacks: r.odr_chargebacks ?? 0,
            negativeFeedback: r.odr_negative_feedback ?? 0,
            reportingFrom: date(r.odr_from)!,
            reportingTo: date(r.odr_to)!,
          },
  };
}

/** The account_health_report table: one row per fetch, the newest per account read back. */
@Injectable()
export class AccountHealthRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(accountId: string, fetchedAt: Date, s: AccountHealthSnapshot, document: unknown): Promise<void> {
    const odr = s.orderDefectRate;
    await this.ds.query(
      `INSERT INTO account_health_report (${COLUMNS}, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        accountId,
        fetchedAt,
        s.reportId,
        s.marketplaceId,
        s.accountStatus,
        s.ratingStatus,
        s.ratingFrom,
        s.ratingTo,
        odr?.ratePercent ?? null,
        odr?.targetPercent ?? null,
        odr?.targetCondition ?? null,
        odr?.status ?? null,
        odr?.orderCount ?? null,
        odr?.ordersWithDefects ?? null,
        odr?.claims ?? null,
        odr?.chargebacks ?? null,
        odr?.negativeFeedback ?? null,
        odr?.reportingFrom ?? null,
        odr?.reportingTo ?? null,
        JSON.stringify(document),
      ],
    );
  }

  /** The newest report of each of these accounts that has one. */
  async latest(accountIds: readonly string[]): Promise<StoredAccountHealth[]> {
    if (accountIds.length === 0) return [];
    const rows: Row[] = await this.ds.query(
      `SELECT DISTINCT ON (account_id) ${COLUMNS} FROM account_health_report
        WHERE account_id = ANY($1::uuid[]) ORDER BY account_id, fetched_at DESC`,
      [accountIds],
    );
    return rows.map(fromRow);
  }
}
