import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DEFAULT_INBOX_COLUMNS, INBOX_COLUMNS, type InboxColumn } from '@order-hub/types';
import { Transactions } from 'src/common/database/transactions';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { AppError, BadUserInputError, ErrorCode, NotFoundError } from 'src/common/errors/app-error';
import type { Caller } from 'src/modules/auth/caller';
import { toOrderQuery } from 'src/modules/orders/orders.args';
import { OrdersService } from 'src/modules/orders/orders.service';
import type { SavedViewEntity } from './saved-view.entity';
import {
  compactFilter,
  nameKeyOf,
  SAVED_VIEWS_MAX,
  type SavedViewFilterValue,
  type SavedViewInputValue,
} from './saved-view-input';
import { SavedViewRepository } from './saved-view.repository';

export interface ViewCount {
  count: number;
  exact: boolean;
}

const TOKEN_HAS_NONE = 'Saved views and columns belong to a signed-in person; API tokens have none.';

/** A person's saved inbox views and chosen columns; counts come from the orders module. */
@Injectable()
export class SavedViewsService {
  constructor(
    private readonly views: SavedViewRepository,
    private readonly orders: OrdersService,
    private readonly tx: Transactions,
  ) {}

  /** Counts of saved filters for one GraphQL request: each distinct filter counted once. */
  readonly countLoader = defineLoader<SavedViewFilterValue, ViewCount>(
    'savedViewCount',
    () =>
      new DataLoader((filters) => Promise.all(filters.map((f) => this.count(f))), {
        cacheKeyFn: (f) => JSON.stringify(f, Object.keys(f).sort()),
      }),
  );

  /** The caller's views by position; none for an API token. */
  list(caller: Caller): Promise<SavedViewEntity[]> {
    return caller.userId ? this.views.listByUser(caller.userId) : Promise.resolve([]);
  }

  /** Creates a view, or (with `id`) changes one of the caller's: name, filter, columns and sort. */
  save(caller: Caller, input: SavedViewInputValue): Promise<SavedViewEntity> {
    const userId = personOf(caller);
    const fields = {
      name: input.name,
      nameKey: nameKeyOf(input.name),
      filter: compactFilter(input.filter),
      columns: input.columns as InboxColumn[],
      sort: (input.sort as SavedViewEntity['sort'] | undefined) ?? null,
    };
    return this.tx.run(async (em) => {
      await this.views.lockUser(userId, em);
      const existing = input.id ? await this.views.findOwned(userId, input.id, em) : null;
      if (input.id && !existing) throw new NotFoundError('Saved view', input.id);
      const sameName = await this.views.findByNameKey(userId, fields.nameKey, em);
      if (sameName && sameName.id !== existing?.id) {
        throw new BadUserInputError('input.name', `You already have a view named "${sameName.name}".`);
      }
      if (existing) return this.views.update(existing, fields, em);
      if ((await this.views.countByUser(userId, em)) >= SAVED_VIEWS_MAX) {
        throw new BadUserInputError(
          'input',
          `You have ${SAVED_VIEWS_MAX} saved views, the most one person keeps; delete one you no longer use first.`,
        );
      }
      return this.views.insert(userId, fields, em);
    });
  }

  /** Deletes one of the caller's views; another person's view is as unknown as a made-up id. */
  async delete(caller: Caller, id: string): Promise<boolean> {
    if (!(await this.views.deleteOwned(personOf(caller), id))) throw new NotFoundError('Saved view', id);
    return true;
  }

  /** The caller's inbox columns: their choice, else the defaults (always the defaults for an API token). */
  async columns(caller: Caller): Promise<InboxColumn[]> {
    const chosen = caller.userId ? await this.views.columnsOf(caller.userId) : null;
    // A column the hub has since dropped is skipped rather than failing the inbox.
    const known = chosen?.filter((c) => INBOX_COLUMNS.includes(c));
    return known?.length ? known : [...DEFAULT_INBOX_COLUMNS];
  }

  async setColumns(caller: Caller, columns: InboxColumn[]): Promise<InboxColumn[]> {
    await this.views.setColumns(personOf(caller), columns);
    return columns;
  }

  /** How many orders a saved filter matches now, as the inbox counts them (an estimate only for a large ALL). */
  count(filter: SavedViewFilterValue): Promise<ViewCount> {
    return this.orders.approximate(toOrderQuery(filter));
  }
}

function personOf(caller: Caller): string {
  if (!caller.userId) throw new AppError(ErrorCode.FORBIDDEN, TOKEN_HAS_NONE);
  return caller.userId;
}
