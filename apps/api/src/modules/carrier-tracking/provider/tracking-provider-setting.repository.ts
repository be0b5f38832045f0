import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SETTING_ROW_ID, TrackingProviderSettingEntity } from './tracking-provider-setting.entity';

export type { TrackingProviderSettingEntity } from './tracking-provider-setting.entity';

/** The setting with its encrypted secrets, for the provider service only. */
export type SettingWithSecrets = TrackingProviderSettingEntity;

/** The only way into `tracking_provider_setting` (one row); every method joins the caller's transaction when given `em`. */
@Injectable()
export class TrackingProviderSettingRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private rows(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(TrackingProviderSettingEntity);
  }

  /** The row without its secrets, or null before the first start wrote it. */
  find(em?: EntityManager): Promise<TrackingProviderSettingEntity | null> {
    return this.rows(em).findOneBy({ id: SETTING_ROW_ID });
  }

  /** The row with its encrypted secrets (the provider is built from them). */
  findWithSecrets(em?: EntityManager): Promise<SettingWithSecrets | null> {
    return this.rows(em)
      .createQueryBuilder('s')
      .addSelect(['s.apiKeyEncrypted', 's.webhookSecretEncrypted'])
      .where('s.id = :id', { id: SETTING_ROW_ID })
      .getOne();
  }

  /** The row locked for a change, with its secrets. */
  lockWithSecrets(em: EntityManager): Promise<SettingWithSecrets | null> {
    return this.rows(em)
      .createQueryBuilder('s')
      .addSelect(['s.apiKeyEncrypted', 's.webhookSecretEncrypted'])
      .where('s.id = :id', { id: SETTING_ROW_ID })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Writes the first row unless one exists (two processes may start at once). */
  async insertIfAbsent(
    row: Pick<SettingWithSecrets, 'provider' | 'enabled' | 'baseUrl' | 'apiKeyEncrypted' | 'webhookSecretEncrypted'>,
    em?: EntityManager,
  ): Promise<void> {
    await this.rows(em)
      .createQueryBuilder()
      .insert()
      .values({ id: SETTING_ROW_ID, ...row })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  save(row: SettingWithSecrets, em: EntityManager): Promise<SettingWithSecrets> {
    return this.rows(em).save(row);
  }

  async recordSuccess(at: Date): Promise<void> {
    await this.rows().update({ id: SETTING_ROW_ID }, { lastSuccessAt: at });
  }

  async recordFailure(message: string, at: Date): Promise<void> {
    await this.rows().update({ id: SETTING_ROW_ID }, { lastError: message.slice(0, 500), lastErrorAt: at });
  }
}
