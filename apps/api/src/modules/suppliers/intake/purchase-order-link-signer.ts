import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PurchaseOrderEntity } from '../purchase-order.entity';
import { PurchaseOrderLinks, type SupplierLink } from '../purchase-order-links';
import { SupplierLinks } from './supplier-links';

/**
 * Signs the supplier link of each purchase order the suppliers module sends (it reaches this module only through
 * PurchaseOrderLinks). The link expires when the purchase order says (link_expires_at, set when it was sent).
 */
@Injectable()
export class PurchaseOrderLinkSigner implements OnModuleInit {
  constructor(
    private readonly poLinks: PurchaseOrderLinks,
    private readonly links: SupplierLinks,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  onModuleInit(): void {
    this.poLinks.provide((poId) => this.sign(poId));
  }

  async sign(poId: string, now = new Date()): Promise<SupplierLink | null> {
    // A read by id of the suppliers module's table (SuppliersService offers purchase orders by order only).
    const po = await this.ds.getRepository(PurchaseOrderEntity).findOneBy({ id: poId });
    if (!po) return null;
    const expiresAt = po.linkExpiresAt && po.linkExpiresAt > now ? po.linkExpiresAt : this.links.expiryFor(null, now);
    return { url: this.links.urlFor(po, expiresAt), expiresAt };
  }
}
