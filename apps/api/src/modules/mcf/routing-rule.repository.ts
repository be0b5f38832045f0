import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { RoutingRuleEntity } from './routing-rule.entity';

/** The only way into the `routing_rule` table; every method joins the caller's transaction when given `em`. */
@Injectable()
export class RoutingRuleRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private rules(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(RoutingRuleEntity);
  }

  /** Rules in the order they are tried: priority, then age. All accounts' when no account is given. */
  list(accountId?: string | null, em?: EntityManager): Promise<RoutingRuleEntity[]> {
    return this.rules(em).find({
      where: accountId ? { accountId } : {},
      order: { priority: 'ASC', createdAt: 'ASC' },
    });
  }

  /** The account's enabled rules in the order they are tried. */
  listEnabled(accountId: string, em?: EntityManager): Promise<RoutingRuleEntity[]> {
    return this.rules(em).find({
      where: { accountId, enabled: true },
      order: { priority: 'ASC', createdAt: 'ASC' },
    });
  }

  /** The account's enabled rules that apply to orders as they are imported (any order). */
  listAppliedOnImport(accountId: string, em?: EntityManager): Promise<RoutingRuleEntity[]> {
    return this.rules(em).findBy({ accountId, enabled: true, applyOnImport: true });
  }

  findById(id: string, em?: EntityManager): Promise<RoutingRuleEntity | null> {
    return this.rules(em).findOneBy({ id });
  }

  /** A new, unsaved rule with the table's defaults. */
  create(em?: EntityManager): RoutingRuleEntity {
    return this.rules(em).create();
  }

  save(rule: RoutingRuleEntity, em?: EntityManager): Promise<RoutingRuleEntity> {
    return this.rules(em).save(rule);
  }

  /** Whether a rule was deleted. */
  async delete(id: string, em?: EntityManager): Promise<boolean> {
    return !!(await this.rules(em).delete({ id })).affected;
  }
}
