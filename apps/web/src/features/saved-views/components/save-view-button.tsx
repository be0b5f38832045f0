import { useState } from 'react';
import type { InboxColumn } from '@order-hub/types';
import { ErrorState } from '@/components/error-state';
import type { OrderFilter, OrderSort } from '@/gql/graphql';
import type { SavedView } from '../api/saved-views.graphql';
import { useSaveView } from '../api/saved-views.hooks';
import { SaveViewDialog } from './save-view-dialog';

export interface SaveViewButtonProps {
  filter: OrderFilter;
  columns: readonly InboxColumn[];
  sort: OrderSort | null;
  /** The saved view open in the inbox: offers "Update" to keep what is shown now under its name. */
  view?: Pick<SavedView, 'id' | 'name'> | null;
  /** Called with the view once saved (e.g. to open it). */
  onSaved?: (view: SavedView) => void;
}

/** "Save view": keeps the inbox's filters, columns and sort under a name in the person's sidebar. */
export function SaveViewButton({ filter, columns, sort, view, onSaved }: SaveViewButtonProps) {
  const [open, setOpen] = useState(false);
  const update = useSaveView();
  return (
    <>
      {view && (
        <button
          type="button"
          disabled={update.isPending}
          onClick={() =>
            update.mutate(
              { id: view.id, name: view.name, filter, columns: [...columns], sort },
              { onSuccess: (data) => onSaved?.(data.saveView) },
            )
          }
          data-testid="update-view-button"
        >
          {update.isPending ? 'Updating…' : `Update “${view.name}”`}
        </button>
      )}
      <button type="button" onClick={() => setOpen(true)} data-testid="save-view-button">
        {view ? 'Save as new view' : 'Save view'}
      </button>
      {update.error && <ErrorState title={`“${view?.name ?? ''}” not updated`} error={update.error} />}
      {open && (
        <SaveViewDialog
          filter={filter}
          columns={columns}
          sort={sort}
          onSaved={onSaved}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
