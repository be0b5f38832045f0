// jsdom lacks the encoders that react-router uses at import time; Node's are the same API.
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });

// jsdom has no CSS namespace; React Aria escapes selectors with CSS.escape (a letter/digit-safe subset is enough here).
if (typeof globalThis.CSS === 'undefined') {
  Object.assign(globalThis, {
    CSS: { escape: (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (char) => `\\${char}`), supports: () => false },
  });
}
