import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { RelativeTime } from '@/components/relative-time';
import { useNow } from '@/lib/use-now';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { TrackingProviderView } from '../api/tracking-provider.graphql';
import { useTrackingProvider } from '../api/tracking-provider.hooks';
import { TrackingProviderForm } from '../components/tracking-provider-form';
import { webhookUrl } from '../lib/tracking-provider-form';

/** `/settings/tracking`: the carrier tracking provider (ADMIN). */
export function TrackingProviderPage() {
  const me = useMe();
  const isAdmin = me.data?.me.role === 'ADMIN';
  const settings = useTrackingProvider(isAdmin);
  return (
    <section className="tracking-provider" data-testid="tracking-provider-page">
      <div className="page-head">
        <h1>Carrier tracking</h1>
        <Link to="/settings/accounts">← Channel accounts</Link>
      </div>
      <p className="hint">
        The hub asks a tracking provider for the carriers’ own scans of every shipment, so valid tracking, late origin
        scans and delivery addresses count what the marketplaces count.
      </p>
      {me.isPending ? (
        <Loading />
      ) : !isAdmin ? (
        <p className="hint" data-testid="role-notice">
          {me.data
            ? `Your role is ${me.data.me.role}: the tracking provider's settings need ADMIN.`
            : 'Your role is not known.'}
        </p>
      ) : settings.isPending ? (
        <Loading label="Loading the tracking provider…" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <ProviderHealth settings={settings.data.trackingProvider} />
          <TrackingProviderForm settings={settings.data.trackingProvider} />
        </>
      )}
    </section>
  );
}

function ProviderHealth({ settings }: { settings: TrackingProviderView }) {
  const now = useNow(15_000);
  const url = webhookUrl(window.location.origin, settings.webhookPath);
  return (
    <section className="panel" data-testid="tracking-provider-health">
      <dl className="facts">
        <dt>Webhook URL</dt>
        <dd>
          <code className="mono wrap-anywhere" data-testid="tracking-webhook-url">
            {url}
          </code>
          <div className="hint">Register it at EasyPost (Webhooks) with the webhook secret below.</div>
        </dd>
        <dt>Last success</dt>
        <dd>
          <RelativeTime at={settings.lastSuccessAt} now={now} empty="never" testId="tracking-last-success" />
        </dd>
        <dt>Last error</dt>
        <dd data-testid="tracking-last-error">
          {settings.lastError ? (
            <>
              <span className="field-error">{settings.lastError}</span>{' '}
              <RelativeTime at={settings.lastErrorAt} now={now} />
            </>
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
      </dl>
    </section>
  );
}
