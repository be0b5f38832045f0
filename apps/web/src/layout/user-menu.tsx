import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SessionUser } from '@/features/auth/api/session.api';
import { useSignOut } from '@/features/auth/api/session.hooks';

/** "Signed in as <name>": a menu with My account and Sign out. Escape or a click elsewhere closes it. */
export function UserMenu({ user }: { user: SessionUser }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();
  const signOut = useSignOut();

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const leave = () => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });

  return (
    <div
      className="user-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls="user-menu-items"
        onClick={() => setOpen(!open)}
        data-testid="user-menu"
      >
        <span className="muted-on-dark">Signed in as</span> <strong data-testid="session-name">{user.name}</strong>{' '}
        <span className="role" data-testid="session-role">
          {user.role}
        </span>
      </button>
      {open && (
        <ul id="user-menu-items" className="user-menu-items" data-testid="user-menu-items">
          <li className="muted" data-testid="session-email">
            {user.email}
          </li>
          <li>
            <Link to="/account" onClick={() => setOpen(false)} data-testid="user-menu-account">
              My account
            </Link>
          </li>
          <li>
            <button type="button" onClick={leave} disabled={signOut.isPending} data-testid="sign-out">
              {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
