import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatDateTime } from '@/lib/format';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { PlanOfActionView } from '../api/plan-of-action.graphql';
import { usePlanOfAction, useSavePlanOfAction, type PlanScope } from '../api/plan-of-action.hooks';
import {
  emptySection,
  initialSections,
  PLAN_SECTIONS,
  planAsText,
  sameSections,
  type PlanSections,
} from '../lib/plan-text';
import { reasonLabel } from '../lib/metric-format';
import { formatActor } from '@/lib/actor-format';

interface PlanOfActionEditorProps {
  scope: PlanScope;
  /** "Amazon · Valid tracking rate": the heading of the copied text. */
  title: string;
}

/** The three sections marketplaces ask for, drafted from the data, edited and saved per metric and day. */
export function PlanOfActionEditor({ scope, title }: PlanOfActionEditorProps) {
  const plan = usePlanOfAction(scope);
  if (plan.isPending) return <Loading label="Drafting the plan of action…" />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  return <Editor scope={scope} title={title} plan={plan.data.planOfAction} />;
}

function Editor({ scope, title, plan }: PlanOfActionEditorProps & { plan: PlanOfActionView }) {
  const [sections, setSections] = useState<PlanSections>(() => initialSections(plan));
  const [copied, setCopied] = useState<'done' | 'failed' | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSavePlanOfAction(scope);
  // The api's savePlanOfAction needs OPERATOR; a VIEWER may still read, reset and copy the draft.
  const viewer = useMe().data?.me.role === 'VIEWER';
  const saved = plan.saved;
  const unsaved = !sameSections(sections, initialSections(plan));

  const edit = (field: keyof PlanSections, value: string) => {
    setSections((current) => ({ ...current, [field]: value }));
    setCopied(null);
    setInvalid(null);
  };
  const reset = () => {
    const { rootCause, correctiveActions, preventiveMeasures } = plan.draft;
    setSections({ rootCause, correctiveActions, preventiveMeasures });
    setCopied(null);
    setInvalid(null);
  };
  const submit = () => {
    const empty = emptySection(sections);
    if (empty) return setInvalid(`${empty} must not be empty.`);
    save.mutate(sections);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(planAsText(sections, title));
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="poa-editor" data-testid="poa-editor" data-saved={saved ? 'true' : 'false'}>
      <h2>Plan of action</h2>
      <p className="muted" data-testid="poa-provenance">
        {saved ? (
          <>
            Saved by <strong data-testid="poa-saved-by">{formatActor(saved.updatedBy)}</strong> at{' '}
            <time dateTime={saved.updatedAt} data-testid="poa-saved-at">
              {formatDateTime(saved.updatedAt)}
            </time>
          </>
        ) : (
          'Drafted from the data: not saved yet.'
        )}
        {' · '}
        {plan.affectedOrders} {plan.affectedOrders === 1 ? 'order' : 'orders'} behind the causes
      </p>
      {plan.causes.length > 0 && (
        <ul className="poa-causes" data-testid="poa-causes">
          {plan.causes.map((cause) => (
            <li key={`${cause.cause}:${cause.reason ?? ''}`} data-cause={cause.cause}>
              {reasonLabel(cause.cause)}
              {cause.reason && ` (${cause.reason})`}: {cause.orderCount}, {formatDateTime(cause.firstAt)} –{' '}
              {formatDateTime(cause.lastAt)}
            </li>
          ))}
        </ul>
      )}
      {PLAN_SECTIONS.map(({ field, title: label }) => (
        <label key={field} className="form-field">
          <span>{label}</span>
          <textarea
            value={sections[field]}
            onChange={(event) => edit(field, event.target.value)}
            data-testid={`poa-${field}`}
          />
        </label>
      ))}
      {(invalid || save.isError) && (
        <p className="field-error" role="alert" data-testid="poa-error">
          {invalid ?? save.error?.message}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          onClick={submit}
          disabled={save.isPending || viewer}
          data-testid="poa-save"
        >
          {save.isPending ? 'Saving…' : 'Save plan'}
        </button>
        {viewer && (
          <span className="muted" data-testid="poa-viewer">
            Saving needs the OPERATOR role; you are a VIEWER.
          </span>
        )}
        <button type="button" onClick={reset} data-testid="poa-reset">
          Reset to draft
        </button>
        <button type="button" onClick={() => void copy()} data-testid="poa-copy">
          Copy to clipboard
        </button>
        {unsaved && (
          <span className="muted" data-testid="poa-unsaved">
            Unsaved changes
          </span>
        )}
        {copied && (
          <span className={copied === 'done' ? 'ok' : 'field-error'} role="status" data-testid="poa-copied">
            {copied === 'done' ? 'Copied' : 'The browser refused the clipboard: select the text and copy it'}
          </span>
        )}
      </div>
    </section>
  );
}
