import { Injectable } from '@nestjs/common';

export interface SupplierLink {
  url: string;
  expiresAt: Date;
}

type LinkSigner = (poId: string) => Promise<SupplierLink | null>;

/**
 * Where a purchase order gets its supplier link: the module that signs and serves supplier links (tracking intake)
 * provides its signer here at start-up, so this module needs none of its code (it depends on this one).
 */
@Injectable()
export class PurchaseOrderLinks {
  private signer: LinkSigner | null = null;

  provide(signer: LinkSigner): void {
    this.signer = signer;
  }

  /** The signed link for the purchase order, or null where no signer is provided. */
  urlFor(poId: string): Promise<SupplierLink | null> {
    return this.signer ? this.signer(poId) : Promise.resolve(null);
  }
}
