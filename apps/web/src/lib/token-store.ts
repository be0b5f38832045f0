// The API token lives in sessionStorage (per tab, gone when the tab closes); React subscribes to changes.
const STORAGE_KEY = 'order-hub.token';
const listeners = new Set<() => void>();

function notify() {
  listeners.forEach((listener) => listener());
}

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(STORAGE_KEY),
  set: (token: string) => {
    sessionStorage.setItem(STORAGE_KEY, token);
    notify();
  },
  clear: () => {
    if (sessionStorage.getItem(STORAGE_KEY) === null) return;
    sessionStorage.removeItem(STORAGE_KEY);
    notify();
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
