import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationRuleEntity } from './notification-rule.entity';

/** notification_rule: every read and write of it goes through here. */
@Injectable()
export class NotificationRulesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private repoOf(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(NotificationRuleEntity);
  }

  private get repo() {
    return this.repoOf();
  }

  list(): Promise<NotificationRuleEntity[]> {
    return this.repo.find({ order: { name: 'ASC', createdAt: 'ASC' } });
  }

  listEnabled(): Promise<NotificationRuleEntity[]> {
    return this.repo.find({ where: { enabled: true }, order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<NotificationRuleEntity | null> {
    return this.repo.findOneBy({ id });
  }

  insert(fields: Partial<NotificationRuleEntity>, em: EntityManager): Promise<NotificationRuleEntity> {
    return this.repoOf(em).save(this.repoOf(em).create(fields));
  }

  save(rule: NotificationRuleEntity, em: EntityManager): Promise<NotificationRuleEntity> {
    return this.repoOf(em).save(rule);
  }

  async remove(id: string, em: EntityManager): Promise<boolean> {
    return ((await this.repoOf(em).delete({ id })).affected ?? 0) > 0;
  }
}
