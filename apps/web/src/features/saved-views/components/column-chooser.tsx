import { INBOX_COLUMNS, type InboxColumn } from '@order-hub/types';
import { Button, Menu, MenuItem, MenuTrigger, Popover, type Selection } from 'react-aria-components';
import { INBOX_COLUMN_LABELS } from '../lib/column-labels';

export interface ColumnChooserProps {
  /** The columns shown, in their order. */
  value: readonly InboxColumn[];
  onChange: (columns: InboxColumn[]) => void;
}

/**
 * "Columns": a menu of checkboxes over every inbox column, in words. Columns keep their order; one switched on
 * goes last. The last column cannot be switched off (the grid needs one).
 */
export function ColumnChooser({ value, onChange }: ColumnChooserProps) {
  const change = (selection: Selection) => {
    const chosen = selection === 'all' ? new Set<string>(INBOX_COLUMNS) : new Set(selection as Set<string>);
    if (chosen.size === 0) return;
    const kept = value.filter((column) => chosen.has(column));
    const added = INBOX_COLUMNS.filter((column) => chosen.has(column) && !value.includes(column));
    onChange([...kept, ...added]);
  };
  return (
    <MenuTrigger>
      <Button className="column-chooser" data-testid="column-chooser">
        Columns
      </Button>
      <Popover placement="bottom end" className="column-chooser-popover">
        <Menu
          className="menu"
          aria-label="Columns shown"
          selectionMode="multiple"
          selectedKeys={new Set(value)}
          disabledKeys={value.length === 1 ? value : []}
          onSelectionChange={change}
        >
          {INBOX_COLUMNS.map((column) => (
            <MenuItem
              key={column}
              id={column}
              textValue={INBOX_COLUMN_LABELS[column]}
              className="menu-item menu-check"
              data-testid={`column-option-${column}`}
            >
              {({ isSelected }) => (
                <>
                  <span className="check" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  {INBOX_COLUMN_LABELS[column]}
                </>
              )}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
