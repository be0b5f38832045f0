import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SecuritySettingEntity } from 'src/modules/users/security-setting.entity';

const ROW_ID = 1;
/** audit_event.entity_id is a uuid: the one row's stand-in there. */
export const SECURITY_SETTING_AUDIT_ID = '00000000-0000-0000-0000-000000000001';

/** The only way into `security_setting` (one row, absent until an admin first chooses). */
@Injectable()
export class SecuritySettingRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private rows(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(SecuritySettingEntity);
  }

  find(em?: EntityManager): Promise<SecuritySettingEntity | null> {
    return this.rows(em).findOneBy({ id: ROW_ID });
  }

  /** The row locked for a change (null while none was written: two admins' first saves then both insert). */
  lock(em: EntityManager): Promise<SecuritySettingEntity | null> {
    return this.rows(em)
      .createQueryBuilder('s')
      .where('s.id = :id', { id: ROW_ID })
      .setLock('pessimistic_write')
      .getOne();
  }

  async saveRequireMfa(requireMfa: boolean | null, actor: string, em: EntityManager): Promise<SecuritySettingEntity> {
    await this.rows(em)
      .createQueryBuilder()
      .insert()
      .values({ id: ROW_ID, requireMfa, updatedBy: actor })
      .orUpdate(['require_mfa', 'updated_by', 'updated_at'], ['id'])
      .updateEntity(false)
      .execute();
    return this.rows(em).findOneByOrFail({ id: ROW_ID });
  }
}
