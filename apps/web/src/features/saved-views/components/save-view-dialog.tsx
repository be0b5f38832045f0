import { useState, type FormEvent } from 'react';
import type { InboxColumn } from '@order-hub/types';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import type { OrderFilter, OrderSort } from '@/gql/graphql';
import { formErrorsOf } from '@/lib/field-errors';
import type { SavedView } from '../api/saved-views.graphql';
import { useSaveView } from '../api/saved-views.hooks';

const INPUTS = { 'input.name': 'name' } as const;

export interface SaveViewDialogProps {
  /** What the view keeps. */
  filter: OrderFilter;
  columns: readonly InboxColumn[];
  sort: OrderSort | null;
  /** The view to rename or overwrite; without it a new view is saved. */
  view?: Pick<SavedView, 'id' | 'name'>;
  onSaved?: (view: SavedView) => void;
  onClose: () => void;
}

/** Asks for a view's name and saves it (new, or renaming `view`); the server's refusals show in words by the field. */
export function SaveViewDialog({ filter, columns, sort, view, onSaved, onClose }: SaveViewDialogProps) {
  const save = useSaveView();
  const [name, setName] = useState(view?.name ?? '');
  const errors = formErrorsOf(save.error, INPUTS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...(view && { id: view.id }), name: name.trim(), filter, columns: [...columns], sort },
      {
        onSuccess: (data) => {
          onSaved?.(data.saveView);
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      title={view ? `Rename “${view.name}”` : 'Save this view'}
      testId="save-view-dialog"
      onClose={onClose}
      size="small"
    >
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>Name</span>
          <input
            value={name}
            maxLength={60}
            placeholder="Walmart, due today"
            onChange={(event) => setName(event.target.value)}
            aria-invalid={errors.fields.name ? true : undefined}
            data-testid="save-view-name"
          />
          {errors.fields.name && (
            <span className="field-error" role="alert" data-testid="save-view-name-error">
              {errors.fields.name}
            </span>
          )}
          {!view && <span className="hint">It keeps the filters, columns and sort you see now.</span>}
        </label>
        {errors.form && <ErrorState title="Not saved" error={errors.form} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={save.isPending || name.trim() === ''}
            data-testid="save-view-submit"
          >
            {save.isPending ? 'Saving…' : view ? 'Rename' : 'Save view'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
