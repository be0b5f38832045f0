import type { ReactNode } from 'react';

/** The narrow card every sign-in step is shown in, outside the signed-in layout. */
export function AuthCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <main className="login">
      <section className="login-card" data-testid={testId} aria-labelledby={`${testId}-title`}>
        <p className="brand-line">order-hub</p>
        <h1 id={`${testId}-title`}>{title}</h1>
        {children}
      </section>
    </main>
  );
}
