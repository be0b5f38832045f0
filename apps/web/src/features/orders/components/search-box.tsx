import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export const SEARCH_DEBOUNCE_MS = 300;

interface SearchBoxProps {
  value: string;
  onSearch: (value: string) => void;
}

/** Reports the trimmed text once typing pauses; follows `value` when it changes from outside (back button). */
export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  // What this box last reported, to tell our own echo in `value` from an outside change.
  const reported = useRef(value);
  const onSearchRef = useRef(onSearch);
  useLayoutEffect(() => {
    onSearchRef.current = onSearch;
  });

  useEffect(() => {
    if (value === reported.current) return;
    reported.current = value;
    setText(value);
  }, [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === reported.current) return;
    const timer = setTimeout(() => {
      reported.current = trimmed;
      onSearchRef.current(trimmed);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <input
      type="search"
      className="search"
      placeholder="Order number, customer, SKU, tracking…"
      aria-label="Search orders"
      value={text}
      onChange={(event) => setText(event.target.value)}
      data-testid="search-box"
    />
  );
}
