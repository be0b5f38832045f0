import { GraphQLRequestError } from '@/lib/graphql-client';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

export function ErrorState({ error, onRetry, title = 'Something went wrong' }: ErrorStateProps) {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof GraphQLRequestError ? error.code : null;
  return (
    <div className="error-state" role="alert" data-testid="error-state">
      <strong>{title}</strong>
      <span data-testid="error-message">{message}</span>
      {code && (
        <code className="error-code" data-testid="error-code">
          {code}
        </code>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry} data-testid="retry-button">
          Retry
        </button>
      )}
    </div>
  );
}
