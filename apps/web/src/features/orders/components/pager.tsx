interface PagerProps {
  label: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export function Pager({ label, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  return (
    <div className="pager">
      <span data-testid="page-range">{label}</span>
      <button type="button" disabled={!hasPrevious} onClick={onPrevious} data-testid="page-prev">
        ← Previous
      </button>
      <button type="button" disabled={!hasNext} onClick={onNext} data-testid="page-next">
        Next →
      </button>
    </div>
  );
}
