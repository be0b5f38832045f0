import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const NAME = 'alerts';

/**
 * notification_cursor: how far the alerts have been read, and the lease that lets one dispatcher at a time read
 * them (an atomic UPDATE … RETURNING; a holder that died loses it when the lease runs out).
 */
@Injectable()
export class NotificationCursorRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Takes the cursor until `until`; its position, or null when a live holder has it. */
  async claim(holder: string, now: Date, until: Date): Promise<{ openedAt: Date | null } | null> {
    await this.ds.query(`INSERT INTO notification_cursor (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [NAME]);
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [rows]: [{ opened_at: Date | null }[], number] = await this.ds.query(
      `UPDATE notification_cursor SET locked_until = $3, lease_holder = $4
        WHERE name = $1 AND (locked_until IS NULL OR locked_until < $2) RETURNING opened_at`,
      [NAME, now, until, holder],
    );
    return rows.length ? { openedAt: rows[0].opened_at ? new Date(rows[0].opened_at) : null } : null;
  }

  /** Moves the cursor (never backwards) and gives it back, if this holder still has it. */
  async release(holder: string, position: { openedAt: Date; alertId: string } | null): Promise<void> {
    await this.ds.query(
      `UPDATE notification_cursor
          SET locked_until = NULL, lease_holder = NULL,
              opened_at = CASE WHEN $3::timestamptz IS NOT NULL AND (opened_at IS NULL OR opened_at < $3::timestamptz)
                               THEN $3::timestamptz ELSE opened_at END,
              alert_id = CASE WHEN $3::timestamptz IS NOT NULL AND (opened_at IS NULL OR opened_at < $3::timestamptz)
                              THEN $4::uuid ELSE alert_id END
        WHERE name = $1 AND lease_holder = $2`,
      [NAME, holder, position?.openedAt ?? null, position?.alertId ?? null],
    );
  }
}
