import { useEffect, useState } from 'react';
import type { LabelFormat } from '@/gql/graphql';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import type { ShippingLabelView } from '../api/labels.graphql';
import {
  useBuyLabel,
  useLabelRates,
  useOrderLabels,
  usePackagePresets,
  useProposedParcel,
  useVerifyShipTo,
} from '../api/labels.hooks';
import { formatParcel, preferredRateId } from '../lib/label-format';
import {
  PARCEL_FIELDS,
  parcelFormValues,
  parseParcel,
  type ParcelFormValues,
  type ParcelInput,
} from '../lib/parcel-form';
import { nextPackageIndex, openUnits, parseContents } from '../lib/package-contents';
import { AddressCheck, correctedShipTo, type AddressChoice } from './address-check';
import { PackageContents } from './package-contents';
import { RatesTable } from './rates-table';
import { LabelVoidButton } from './label-void-button';

const FORMATS: LabelFormat[] = ['PDF', 'ZPL', 'PNG'];

interface BuyLabelPanelProps {
  order: OrderDetail;
  onClose: () => void;
}

/** What the rates are asked for: the order's own parcel (its preset), a preset, or the typed parcel. */
type RateAsk = { presetId: string | null; parcel: ParcelInput | null };

/**
 * Buying the label in the ship dialog: the parcel (a preset or typed), the provider's check of the ship-to, the
 * rates with the rules' marks, then Buy → the tracking number, Print and Void.
 */
export function BuyLabelPanel({ order, onClose }: BuyLabelPanelProps) {
  const timeZone = order.account.timeZone;
  const presets = usePackagePresets();
  const [ask, setAsk] = useState<RateAsk>({ presetId: null, parcel: null });
  const [values, setValues] = useState<ParcelFormValues>(parcelFormValues(null));
  const [edited, setEdited] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<keyof ParcelFormValues, string>>>({});
  const [rateId, setRateId] = useState<string | null>(null);
  const [format, setFormat] = useState<LabelFormat>('PDF');
  const [addressChoice, setAddressChoice] = useState<AddressChoice>(null);
  const [bought, setBought] = useState<ShippingLabelView | null>(null);
  // Without a parcel or a preset the api has nothing to rate: wait for the operator's package.
  // The api's own choice is only asked for when it has a weighed parcel to rate.
  const proposal = useProposedParcel(order.id);
  const proposed = proposal.data?.proposedParcel;
  const mustType = proposal.isSuccess && !proposed?.parcel;
  const canAsk = ask.parcel !== null || ask.presetId !== null || (proposal.isSuccess && !mustType);
  // The address check is the provider's (Amazon checks inside its rates); a choice made means it was shown.
  const [provider, setProvider] = useState(false);
  const verify = useVerifyShipTo(order.id, provider);
  const suggestion = verify.data?.verifyShipTo.suggested ?? null;
  // Accepting the correction asks for rates to that address, and the label is bought for it.
  const shipTo = addressChoice === 'SUGGESTED' && suggestion ? correctedShipTo(suggestion, order.shipTo?.name) : null;
  // Several packages: this one holds the units typed (all open ones unless fewer are), and takes the next number.
  const [typedContents, setTypedContents] = useState<Record<string, string>>({});
  const contents = parseContents(openUnits(order.lines), typedContents);
  const packageLines = contents.ok ? contents.lines : null;
  const packageIndex = nextPackageIndex(useOrderLabels(order.id).data?.order?.labels ?? []);
  const rates = useLabelRates(
    order.id,
    ask.parcel,
    ask.presetId,
    shipTo,
    packageLines,
    bought === null && canAsk && contents.ok,
  );
  const quote = rates.data?.labelRates;
  useEffect(() => {
    if (quote) setProvider(quote.source === 'PROVIDER');
  }, [quote]);
  const buy = useBuyLabel();

  // A proposed box whose SKUs lack weights: its size in the fields, the weight left to the scale.
  useEffect(() => {
    if (!proposed || proposed.parcel || edited) return;
    const { lengthIn, widthIn, heightIn } = proposed.preset;
    setValues({ lengthIn: String(lengthIn), widthIn: String(widthIn), heightIn: String(heightIn), weightOz: '' });
  }, [proposed, edited]);

  // The quote names the parcel it rated (the order's preset when none was given): show it in the fields.
  useEffect(() => {
    if (!quote) return;
    if (!edited) setValues(parcelFormValues(quote.parcel));
    setRateId((current) =>
      current && quote.rates.some((rate) => rate.rateId === current) ? current : preferredRateId(quote.rates),
    );
  }, [quote, edited]);

  const askRates = () => {
    const parsed = parseParcel(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    if (buy.isError) buy.reset();
    setAsk({ presetId: null, parcel: parsed.parcel });
    if (ask.parcel && JSON.stringify(ask.parcel) === JSON.stringify(parsed.parcel)) void rates.refetch();
  };

  const addressUndecided = provider && suggestion !== null && addressChoice === null;
  const buyDenied = !contents.ok
    ? 'Say what goes in this package first.'
    : !quote
      ? 'Get rates first.'
      : !rateId
        ? 'Choose a rate.'
        : addressUndecided
          ? 'Use the suggested address or keep the buyer’s first.'
          : null;

  const submit = () => {
    if (!quote || !rateId || buyDenied) return;
    const parsed = parseParcel(values);
    buy.mutate(
      {
        orderId: order.id,
        expectedVersion: order.version,
        requestToken: quote.requestToken,
        rateId,
        parcel: parsed.ok ? parsed.parcel : quote.parcel,
        format,
        packageIndex,
        ...(packageLines ? { lines: packageLines } : {}),
        ...(quote.shipToCorrected && shipTo ? { shipTo } : {}),
      },
      { onSuccess: ({ buyLabel }) => setBought(buyLabel) },
    );
  };

  const nextPackage = () => {
    setBought(null);
    setTypedContents({});
    setRateId(null);
    buy.reset();
  };
  if (bought) return <BoughtLabel label={bought} timeZone={timeZone} onClose={onClose} onNextPackage={nextPackage} />;

  return (
    <form
      className="buy-label"
      data-testid="buy-label"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <PackageContents
        order={order}
        packageIndex={packageIndex}
        typed={typedContents}
        errors={contents.ok ? {} : contents.errors}
        onChange={(lineNumber, value) => setTypedContents((current) => ({ ...current, [lineNumber]: value }))}
      />
      <fieldset className="label-parcel">
        <legend>Package</legend>
        <div className="form-grid">
          <label className="field">
            <span>Preset</span>
            <select
              value={ask.parcel ? 'typed' : (ask.presetId ?? '')}
              onChange={(event) => {
                setEdited(false);
                setAsk({ presetId: event.target.value || null, parcel: null });
              }}
              data-testid="label-preset"
            >
              <option value="">The order’s usual box</option>
              {ask.parcel && (
                <option value="typed" disabled>
                  The package typed below
                </option>
              )}
              {presets.data?.packagePresets.map((preset) => (
                <option key={preset.id} value={preset.id}>
                  {preset.name}
                  {preset.isDefault ? ' (default)' : ''}
                </option>
              ))}
            </select>
          </label>
          {PARCEL_FIELDS.map(([field, label]) => (
            <label className="field" key={field}>
              <span>{label}</span>
              <input
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                value={values[field]}
                aria-invalid={errors[field] ? true : undefined}
                onChange={(event) => {
                  setEdited(true);
                  setValues((current) => ({ ...current, [field]: event.target.value }));
                }}
                data-testid={`label-${field}`}
              />
              {errors[field] && (
                <span className="field-error" role="alert" data-testid={`label-${field}-error`}>
                  {errors[field]}
                </span>
              )}
            </label>
          ))}
        </div>
        <button type="button" onClick={askRates} disabled={rates.isFetching} data-testid="label-get-rates">
          {rates.isFetching ? 'Getting rates…' : edited ? 'Get rates for this package' : 'Refresh rates'}
        </button>
      </fieldset>

      {provider && <AddressCheck check={verify} choice={addressChoice} onChoose={setAddressChoice} />}

      {proposal.isError && ask.parcel === null && (
        <ErrorState title="No package proposed: type its size and weight" error={proposal.error} />
      )}
      {mustType && ask.parcel === null && ask.presetId === null && (
        <p className="muted" data-testid="label-parcel-hint">
          {proposed
            ? `Weigh the package (${proposed.preset.name}): ${proposed.missingWeights.join(', ') || 'a SKU'} ${proposed.missingWeights.length === 1 ? 'has' : 'have'} no weight yet, then get rates.`
            : 'No package preset yet: type the package’s size and weight, then get rates.'}
        </p>
      )}
      {rates.isPending && rates.fetchStatus !== 'idle' && (
        <p className="muted" data-testid="label-rates-loading">
          Asking the carriers…
        </p>
      )}
      {rates.isError && <ErrorState title="No rates" error={rates.error} />}
      {quote && (
        <>
          <p className="muted" data-testid="label-quote-parcel">
            Rated for {formatParcel(quote.parcel)}
            {quote.source === 'CHANNEL' ? ' through Amazon Buy Shipping' : ' through the shipping provider'}
            {quote.expiresAt ? `; the rates hold until ${formatDateTime(quote.expiresAt, timeZone)}.` : '.'}
          </p>
          <RatesTable quote={quote} selected={rateId} onSelect={setRateId} timeZone={timeZone} />
        </>
      )}

      {buy.isError && (
        <>
          <ErrorState title="Label not bought" error={buy.error} />
          <p className="muted">Nothing was confirmed to the channel; the order stays in the queue.</p>
        </>
      )}
      <div className="dialog-actions">
        <label className="field inline">
          <span>Format</span>
          <select
            value={format}
            onChange={(event) => setFormat(event.target.value as LabelFormat)}
            data-testid="label-format"
          >
            {FORMATS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onClose} data-testid="label-close">
          Close
        </button>
        <button
          type="submit"
          className="primary"
          disabled={buyDenied !== null || buy.isPending}
          title={buyDenied ?? undefined}
          data-testid="label-buy"
        >
          {buy.isPending ? 'Buying…' : 'Buy label'}
        </button>
      </div>
    </form>
  );
}

function BoughtLabel({
  label,
  timeZone,
  onClose,
  onNextPackage,
}: {
  label: ShippingLabelView;
  timeZone: string;
  onClose: () => void;
  onNextPackage: () => void;
}) {
  return (
    <section className="label-bought" data-testid="label-bought" data-label-id={label.id}>
      <p role="status">
        Label bought: {label.serviceName}, tracking{' '}
        <strong className="mono" data-testid="label-tracking">
          {label.trackingNumber}
        </strong>
        .{' '}
        {label.confirmedByChannel
          ? 'Amazon confirms the shipment itself; the hub sends no second confirmation.'
          : 'The shipment is being confirmed to the channel with this tracking.'}
      </p>
      {label.failure && (
        <p className="notice warn" role="alert" data-testid="label-failure">
          {label.failure}
        </p>
      )}
      {label.voidableUntil && (
        <p className="muted">It can be voided until {formatDateTime(label.voidableUntil, timeZone)}.</p>
      )}
      <div className="dialog-actions">
        {label.documentUrl && (
          <a
            className="button primary"
            href={label.documentUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="label-print"
          >
            Print label
          </a>
        )}
        <LabelVoidButton label={label} />
        {label.lines && (
          <button type="button" onClick={onNextPackage} data-testid="label-next-package">
            Label the next package
          </button>
        )}
        <button type="button" onClick={onClose} data-testid="label-done">
          Done
        </button>
      </div>
    </section>
  );
}
