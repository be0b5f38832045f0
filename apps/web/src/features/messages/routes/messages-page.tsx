import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { BuyerMessageState, MailKind, MailOutcome } from '@order-hub/types';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { currentCursor, pageRangeLabel, popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';
import { usePageTitle } from '@/lib/use-page-title';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import {
  MESSAGES_PAGE_SIZE,
  useBuyerMessageCounts,
  useBuyerMessages,
  useMailMessages,
  useMarkBuyerMessageAnswered,
  useMessageAccounts,
} from '../api/messages.hooks';
import { BuyerMessagesList } from '../components/buyer-messages-list';
import { MailReadList } from '../components/mail-read-list';
import { MarkAnsweredDialog } from '../components/mark-answered-dialog';
import type { BuyerMessageView } from '../lib/message-views';
import { MAIL_KINDS, MAIL_OUTCOMES, mailKindWords, mailOutcomeWords } from '../lib/message-words';

type Tab = 'buyer' | 'performance' | 'mail';
const TABS: readonly { tab: Tab; label: string }[] = [
  { tab: 'buyer', label: 'Buyer messages' },
  { tab: 'performance', label: 'Performance e-mails' },
  { tab: 'mail', label: 'Mail read' },
];
const STATES: readonly { state: BuyerMessageState | ''; label: string }[] = [
  { state: '', label: 'All' },
  { state: 'OVERDUE', label: 'Overdue' },
  { state: 'DUE_SOON', label: 'Due soon' },
  { state: 'OPEN', label: 'Waiting for an answer' },
  { state: 'ANSWERED', label: 'Answered' },
];

const tabOf = (value: string | null): Tab => (value === 'performance' || value === 'mail' ? value : 'buyer');

/**
 * `/messages`: buyer messages with their clocks and the channel's reply link, the channels' performance e-mails (each
 * became a channel warning), and every message the hub read from the mailbox, as evidence.
 */
export function MessagesPage() {
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const label = TABS.find((entry) => entry.tab === tab)!.label;
  usePageTitle(label);
  const counts = useBuyerMessageCounts();
  const waiting = counts.data ? counts.data.open + counts.data.dueSoon + counts.data.overdue : 0;
  return (
    <section className="page messages-page" data-testid="messages-page">
      <div className="page-head">
        <h1>Messages</h1>
      </div>
      <nav className="tabs" role="tablist" aria-label="Messages">
        {TABS.map((entry) => (
          <button
            key={entry.tab}
            type="button"
            role="tab"
            aria-selected={tab === entry.tab}
            className={tab === entry.tab ? 'tab active' : 'tab'}
            onClick={() => setParams(entry.tab === 'buyer' ? {} : { tab: entry.tab })}
            data-testid={`messages-tab-${entry.tab}`}
          >
            {entry.label}
            {entry.tab === 'buyer' && waiting > 0 && (
              <span
                className={counts.data!.overdue > 0 ? 'count alert' : 'count'}
                aria-label={`${waiting} waiting for an answer, ${counts.data!.overdue} overdue`}
              >
                {waiting}
              </span>
            )}
          </button>
        ))}
      </nav>
      <p className="muted" data-testid="messages-intro">
        {tab === 'mail'
          ? 'Every message the hub read from your mailbox (inbox, junk and sent), what it found in it and what it did.'
          : tab === 'performance'
            ? 'Performance e-mails from the channels: each became a channel warning to answer within 24 hours.'
            : 'Buyer messages read from your mailbox, with the time the channel gives to answer. Answer on the channel’s own page: the hub never writes to buyers. A reply seen in your Sent folder marks the message answered.'}
      </p>
      {tab === 'mail' ? <MailReadTab /> : <BuyerMessagesTab key={tab} performance={tab === 'performance'} />}
    </section>
  );
}

function BuyerMessagesTab({ performance }: { performance: boolean }) {
  const [state, setState] = useState<BuyerMessageState | ''>('');
  const [cursors, setCursors] = useState<CursorStack>([]);
  const [marking, setMarking] = useState<BuyerMessageView | null>(null);
  const filter = {
    kind: performance ? ('PERFORMANCE_ALERT' as const) : ('BUYER_MESSAGE' as const),
    state: state || null,
  };
  const messages = useBuyerMessages(filter, currentCursor(cursors));
  const me = useMe();
  const mayMark = actionDeniedReason(me.data?.me.role) === null;
  const mark = useMarkBuyerMessageAnswered();
  const connection = messages.data?.buyerMessages;
  return (
    <>
      <div className="toolbar">
        <label className="filters">
          <span>Show</span>
          <select
            value={state}
            onChange={(event) => {
              setCursors([]);
              setState(event.target.value as BuyerMessageState | '');
            }}
            data-testid="messages-state"
          >
            {STATES.map((entry) => (
              <option key={entry.state} value={entry.state}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Paged
        query={messages}
        empty={performance ? 'No performance e-mail read yet.' : 'No buyer message here.'}
        connection={connection}
        cursors={cursors}
        setCursors={setCursors}
        testId="buyer-messages-range"
      >
        {connection && (
          <BuyerMessagesList
            messages={connection.edges.map((edge) => edge.node)}
            testId={performance ? 'performance-emails' : 'buyer-messages'}
            onMarkAnswered={mayMark ? setMarking : undefined}
          />
        )}
      </Paged>
      {marking && (
        <MarkAnsweredDialog
          message={marking}
          pending={mark.isPending}
          error={mark.error}
          onClose={() => {
            mark.reset();
            setMarking(null);
          }}
          onSubmit={(note) =>
            mark.mutate(
              { id: marking.id, note },
              {
                onSuccess: () => {
                  mark.reset();
                  setMarking(null);
                },
              },
            )
          }
        />
      )}
    </>
  );
}

function MailReadTab() {
  const [kind, setKind] = useState<MailKind | ''>('');
  const [outcome, setOutcome] = useState<MailOutcome | ''>('');
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [cursors, setCursors] = useState<CursorStack>([]);
  const mail = useMailMessages(
    { kind: kind || null, outcome: outcome || null, search: applied || null },
    currentCursor(cursors),
  );
  const accounts = useMessageAccounts();
  const zone = accounts.data?.[0]?.timeZone;
  const connection = mail.data?.mailMessages;
  return (
    <>
      <form
        className="toolbar filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setCursors([]);
          setApplied(search.trim());
        }}
      >
        <label>
          <span>What</span>{' '}
          <select
            value={kind}
            onChange={(event) => {
              setCursors([]);
              setKind(event.target.value as MailKind | '');
            }}
            data-testid="mail-kind"
          >
            <option value="">Every kind</option>
            {MAIL_KINDS.map((value) => (
              <option key={value} value={value}>
                {mailKindWords(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Done</span>{' '}
          <select
            value={outcome}
            onChange={(event) => {
              setCursors([]);
              setOutcome(event.target.value as MailOutcome | '');
            }}
            data-testid="mail-outcome"
          >
            <option value="">Anything</option>
            {MAIL_OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {mailOutcomeWords(value)}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          className="search"
          placeholder="Sender, subject or number"
          aria-label="Search the mail read by sender, subject or number"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="mail-search"
        />
        <button type="submit">Search</button>
      </form>
      <Paged
        query={mail}
        empty="No message read yet. Connect a mailbox in Settings → Mailbox."
        connection={connection}
        cursors={cursors}
        setCursors={setCursors}
        testId="mail-range"
      >
        {connection && <MailReadList messages={connection.edges.map((edge) => edge.node)} zoneOf={() => zone} />}
      </Paged>
    </>
  );
}

interface PagedProps {
  query: { isPending: boolean; isError: boolean; error: unknown; isPlaceholderData: boolean; refetch: () => unknown };
  connection:
    | { totalCount: number; edges: readonly unknown[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }
    | undefined;
  empty: string;
  cursors: CursorStack;
  setCursors: (update: (stack: CursorStack) => CursorStack) => void;
  testId: string;
  children: ReactNode;
}

/** Loading, error, empty or the list, with Previous / Next under it. */
function Paged({ query, connection, empty, cursors, setCursors, testId, children }: PagedProps) {
  if (query.isPending) return <Loading label="Loading messages…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!connection || connection.edges.length === 0)
    return (
      <p className="empty" data-testid="messages-empty">
        {empty}
      </p>
    );
  return (
    <>
      <div className={query.isPlaceholderData ? 'stale' : undefined} aria-busy={query.isPlaceholderData}>
        {children}
      </div>
      <div className="pager">
        <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(popCursor)}>
          ← Previous
        </button>
        <span className="muted" data-testid={testId}>
          {query.isPlaceholderData
            ? '…'
            : pageRangeLabel(cursors, MESSAGES_PAGE_SIZE, connection.edges.length, connection.totalCount)}
        </span>
        <button
          type="button"
          disabled={!connection.pageInfo.hasNextPage || query.isPlaceholderData}
          onClick={() => {
            const end = connection.pageInfo.endCursor;
            if (end) setCursors((stack) => pushCursor(stack, end));
          }}
        >
          Next →
        </button>
      </div>
    </>
  );
}
