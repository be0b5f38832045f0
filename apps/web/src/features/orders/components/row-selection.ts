import { useRef, useState } from 'react';

export interface RowSelection {
  selected: ReadonlySet<string>;
  onChange: (ids: readonly string[], selected: boolean) => void;
  /** A checkbox click on row `index` of `ids`; with shift, every row since the last click takes the new state. */
  click: (ids: readonly string[], index: number, shift: boolean, selected: boolean) => void;
}

/** The ids from the last clicked row to this one, both included, in either direction. */
export function rangeIds(ids: readonly string[], from: number, to: number): string[] {
  const [start, end] = from <= to ? [from, to] : [to, from];
  return ids.slice(Math.max(0, start), end + 1);
}

/** Selected order ids; a new view, filter or page (`scope`) starts with none. */
export function useSelection(scope: string): RowSelection {
  const [state, setState] = useState<{ scope: string; ids: ReadonlySet<string> }>({ scope, ids: new Set() });
  const anchor = useRef<{ scope: string; index: number } | null>(null);
  const selected = state.scope === scope ? state.ids : new Set<string>();
  const onChange = (ids: readonly string[], on: boolean) => {
    const next = new Set(selected);
    ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
    setState({ scope, ids: next });
  };
  return {
    selected,
    onChange,
    click: (ids, index, shift, on) => {
      const from = shift && anchor.current?.scope === scope ? anchor.current.index : index;
      anchor.current = { scope, index };
      onChange(rangeIds(ids, from, index), on);
    },
  };
}
