import { useEffect } from 'react';

export const APP_NAME = 'order-hub';

/** Names the browser tab after the page ("Inbox · order-hub"), so tabs, history and screen readers tell pages apart. */
export function usePageTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
