import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import type { SavedView } from '../api/saved-views.graphql';
import { useDeleteSavedView, useSavedViews } from '../api/saved-views.hooks';
import { savedViewFilter, savedViewSort } from '../lib/saved-view-filter';
import { formatViewCount } from '../lib/view-count';
import { SaveViewDialog } from './save-view-dialog';

export interface SavedViewsNavProps {
  /** The view open in the inbox, if any. */
  activeId: string | null;
  onOpen: (view: SavedView) => void;
}

const ESTIMATE_HINT = 'An estimate: counting every order exactly would be slow.';

/** The sidebar's "Your views": each saved view with how many orders it holds now, to open, rename or delete. */
export function SavedViewsNav({ activeId, onOpen }: SavedViewsNavProps) {
  const { views, isLoading, error, refetch } = useSavedViews();
  const [renaming, setRenaming] = useState<SavedView | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);

  return (
    <nav className="saved-views-nav" aria-labelledby="saved-views-heading" data-testid="saved-views-nav">
      <h2 id="saved-views-heading">Your views</h2>
      {error ? (
        <ErrorState title="Your views did not load" error={error} onRetry={() => void refetch()} />
      ) : isLoading ? (
        <p className="hint">Loading your views…</p>
      ) : views.length === 0 ? (
        <p className="hint" data-testid="saved-views-empty">
          No saved views yet. Filter the inbox the way you work, then choose “Save view”.
        </p>
      ) : (
        <ul>
          {views.map((view) => (
            <li key={view.id} className={view.id === activeId ? 'active' : undefined}>
              <button
                type="button"
                className="saved-view-link"
                aria-current={view.id === activeId ? 'page' : undefined}
                onClick={() => onOpen(view)}
                data-testid="saved-view-link"
                data-view-name={view.name}
              >
                <span className="saved-view-name">{view.name}</span>
                <span
                  className="saved-view-count"
                  title={view.count.exact ? undefined : ESTIMATE_HINT}
                  data-exact={String(view.count.exact)}
                  data-testid="saved-view-count"
                >
                  {formatViewCount(view.count)}
                  <span className="visually-hidden"> orders</span>
                </span>
              </button>
              <MenuTrigger>
                <Button
                  className="saved-view-menu"
                  aria-label={`More for “${view.name}”`}
                  data-testid="saved-view-menu"
                >
                  ⋯
                </Button>
                <Popover placement="bottom end" className="saved-view-popover">
                  <Menu
                    className="menu"
                    aria-label={`More for “${view.name}”`}
                    onAction={(action) => (action === 'rename' ? setRenaming(view) : setDeleting(view))}
                  >
                    <MenuItem id="rename" className="menu-item" data-testid="saved-view-rename">
                      Rename…
                    </MenuItem>
                    <MenuItem id="delete" className="menu-item" data-testid="saved-view-delete">
                      Delete…
                    </MenuItem>
                  </Menu>
                </Popover>
              </MenuTrigger>
            </li>
          ))}
        </ul>
      )}
      {renaming && (
        <SaveViewDialog
          view={renaming}
          filter={savedViewFilter(renaming)}
          columns={renaming.columns}
          sort={savedViewSort(renaming)}
          onClose={() => setRenaming(null)}
        />
      )}
      {deleting && <DeleteViewDialog view={deleting} onClose={() => setDeleting(null)} />}
    </nav>
  );
}

function DeleteViewDialog({ view, onClose }: { view: SavedView; onClose: () => void }) {
  const remove = useDeleteSavedView();
  return (
    <Dialog title={`Delete “${view.name}”?`} testId="delete-view-dialog" onClose={onClose} size="small">
      <p>Only the saved view goes; the orders in it stay as they are.</p>
      {remove.error && <ErrorState title="Not deleted" error={remove.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Keep it
        </button>
        <button
          type="button"
          className="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(view.id, { onSuccess: onClose })}
          data-testid="delete-view-confirm"
        >
          {remove.isPending ? 'Deleting…' : 'Delete view'}
        </button>
      </div>
    </Dialog>
  );
}
