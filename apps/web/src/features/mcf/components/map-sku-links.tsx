import { Link } from 'react-router';
import { invalidSkus, skuMapPath } from '../lib/invalid-skus';

/** "Map this SKU" for each SKU Amazon did not know, where the refusal is shown. */
export function MapSkuLinks({ reason, accountId }: { reason: string | null | undefined; accountId: string | null }) {
  const skus = invalidSkus(reason);
  if (skus.length === 0) return null;
  return (
    <span className="map-sku-links">
      {skus.map((sku) => (
        <Link
          key={sku}
          to={skuMapPath(sku, accountId)}
          className="button-link"
          data-testid="map-sku-link"
          data-sku={sku}
        >
          Map {skus.length > 1 ? sku : 'this SKU'}
        </Link>
      ))}
    </span>
  );
}
