import { act, fireEvent, render, screen } from '@testing-library/react';
import { SEARCH_DEBOUNCE_MS, SearchBox } from './search-box';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function type(text: string) {
  fireEvent.change(screen.getByTestId('search-box'), { target: { value: text } });
}

test('reports the trimmed text once typing pauses', () => {
  const onSearch = jest.fn();
  render(<SearchBox value="" onSearch={onSearch} />);

  type('WM-1');
  act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
  type('WM-10 ');
  act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
  expect(onSearch).not.toHaveBeenCalled();

  act(() => jest.advanceTimersByTime(50));
  expect(onSearch).toHaveBeenCalledTimes(1);
  expect(onSearch).toHaveBeenCalledWith('WM-10');
});

test('follows a value changed from outside without reporting it back', () => {
  const onSearch = jest.fn();
  const { rerender } = render(<SearchBox value="first" onSearch={onSearch} />);

  rerender(<SearchBox value="second" onSearch={onSearch} />);
  act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2));

  expect(screen.getByTestId<HTMLInputElement>('search-box').value).toBe('second');
  expect(onSearch).not.toHaveBeenCalled();
});

test('keeps what the user typed while its own report comes back', () => {
  const onSearch = jest.fn();
  const { rerender } = render(<SearchBox value="" onSearch={onSearch} />);

  type('ab');
  act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
  type('abc');
  rerender(<SearchBox value="ab" onSearch={onSearch} />);

  expect(screen.getByTestId<HTMLInputElement>('search-box').value).toBe('abc');
  act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
  expect(onSearch).toHaveBeenLastCalledWith('abc');
});
