import { Link } from 'react-router';
import { useMe } from '@/features/auth/api/auth.hooks';
import { usePageTitle } from '@/lib/use-page-title';
import { LabelCosts } from '../components/label-costs';
import { PackagePresets } from '../components/package-presets';
import { ShipFromAddresses } from '../components/ship-from-addresses';
import { SkuWeights } from '../components/sku-weights';

/** `/settings/labels`: the boxes labels are rated for, where parcels leave from, and what labels cost. */
export function LabelSettingsPage() {
  usePageTitle('Shipping labels');
  const me = useMe();
  const canEdit = me.data?.me.role === 'ADMIN';
  return (
    <div className="label-settings" data-testid="label-settings-page">
      <p>
        <Link to="/settings/accounts">← Channel accounts</Link>
      </p>
      <h1>Shipping labels</h1>
      {me.data && !canEdit && (
        <p className="hint" data-testid="label-settings-role">
          Your role is {me.data.me.role}: changing presets and addresses needs ADMIN.
        </p>
      )}
      <ShipFromAddresses canEdit={canEdit} />
      <PackagePresets canEdit={canEdit} />
      <SkuWeights canEdit={canEdit} />
      <LabelCosts />
    </div>
  );
}
