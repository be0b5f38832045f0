import type { LabelShipToInput } from '@/gql/graphql';
import { ErrorState } from '@/components/error-state';
import type { AddressCheckView } from '../api/labels.graphql';

export type AddressChoice = 'SUGGESTED' | 'ORIGINAL' | null;

type Address = NonNullable<AddressCheckView['suggested']>;

interface AddressCheckProps {
  check: { data?: { verifyShipTo: AddressCheckView }; isPending: boolean; error: unknown };
  choice: AddressChoice;
  onChoose: (choice: AddressChoice) => void;
}

export function addressLines(address: Address): string[] {
  return [
    address.name,
    address.line1,
    address.line2,
    address.line3,
    `${address.city}, ${address.stateOrRegion} ${address.postalCode}`,
    address.countryCode,
  ].filter((line): line is string => Boolean(line));
}

/** The suggestion as the address the rates and the label are asked for; the buyer's name when it has none. */
export function correctedShipTo(suggested: Address, buyerName: string | null | undefined): LabelShipToInput {
  return {
    name: suggested.name || buyerName || 'Customer',
    line1: suggested.line1 ?? '',
    line2: [suggested.line2, suggested.line3].filter(Boolean).join(', ') || null,
    city: suggested.city,
    stateOrRegion: suggested.stateOrRegion,
    postalCode: suggested.postalCode,
    countryCode: suggested.countryCode,
  };
}

/** The provider's check of the ship-to before buying: verified, or its correction to accept or keep the original. */
export function AddressCheck({ check, choice, onChoose }: AddressCheckProps) {
  if (check.isPending)
    return (
      <p className="muted" data-testid="label-address-checking">
        Checking the ship-to address…
      </p>
    );
  if (check.error) return <ErrorState title="The address check is unavailable" error={check.error} />;
  const result = check.data?.verifyShipTo;
  if (!result) return null;
  const { suggested } = result;
  return (
    <section className="label-address" data-testid="label-address-check" data-verified={result.verified}>
      {result.verified && !suggested && <p data-testid="label-address-verified">The carrier knows this address.</p>}
      {result.problems.length > 0 && (
        <ul className="notice warn" data-testid="label-address-problems">
          {result.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {suggested && (
        <fieldset className="label-address-choice">
          <legend>The carrier suggests a correction</legend>
          <address data-testid="label-address-suggested">
            {addressLines(suggested).map((line) => (
              <span key={line}>
                {line}
                <br />
              </span>
            ))}
          </address>
          <label className="field checkbox">
            <input
              type="radio"
              name="label-address"
              checked={choice === 'SUGGESTED'}
              onChange={() => onChoose('SUGGESTED')}
              data-testid="label-address-accept"
            />
            <span>Use the suggested address</span>
          </label>
          <label className="field checkbox">
            <input
              type="radio"
              name="label-address"
              checked={choice === 'ORIGINAL'}
              onChange={() => onChoose('ORIGINAL')}
              data-testid="label-address-keep"
            />
            <span>Keep the buyer's address</span>
          </label>
        </fieldset>
      )}
    </section>
  );
}
