import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';

/** Where the console is when PUBLIC_URL is not set (the web app's dev server). */
export const DEFAULT_PUBLIC_URL = 'http://localhost:5173';
const DAY_MS = 86_400_000;
/** A link lasts at least this long from when it is made … */
export const LINK_MIN_DAYS = 14;
/** … and until this long after the order's ship-by, for tracking that comes late. */
export const LINK_DAYS_AFTER_SHIP_BY = 7;

/** The purchase order a link is for (its order rides along, so the page needs no lookup by purchase order id). */
export interface LinkedPurchaseOrder {
  id: string;
  orderId: string;
}

export type LinkCheck =
  { ok: true; poId: string; orderId: string; expiresAt: Date } | { ok: false; reason: 'INVALID' | 'EXPIRED' };

/** Bytes of the token: purchase order id, order id, expiry (seconds, uint32), then the first 16 bytes of the HMAC. */
const ID_BYTES = 16;
const PAYLOAD_BYTES = 2 * ID_BYTES + 4;
const MAC_BYTES = 16;

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * The supplier link: a purchase order's id (and its order's) and an expiry, signed with HMAC-SHA256 (128 bits kept)
 * under a key derived from the hub's credentials key. Nothing is stored, and a link cannot be turned to another order
 * or a later date without the key. The token is 70 base64url characters (a route parameter may hold at most 100).
 */
@Injectable()
export class SupplierLinks {
  private readonly key: Buffer;
  private readonly origin: string;

  constructor(@InjectConfig() config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.credentialsKey, Buffer.alloc(0), 'order-hub supplier link', 32));
    this.origin = (config.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/$/, '');
  }

  /** When a link made now for an order shipping by `shipBy` expires: 14 days, or ship-by + 7 days if later. */
  expiryFor(shipBy: Date | null, now = new Date()): Date {
    const min = now.getTime() + LINK_MIN_DAYS * DAY_MS;
    const afterShipBy = shipBy ? shipBy.getTime() + LINK_DAYS_AFTER_SHIP_BY * DAY_MS : 0;
    return new Date(Math.ceil(Math.max(min, afterShipBy) / 1000) * 1000);
  }

  sign(po: LinkedPurchaseOrder, expiresAt: Date): string {
    const payload = Buffer.alloc(PAYLOAD_BYTES);
    uuidBytes(po.id).copy(payload, 0);
    uuidBytes(po.orderId).copy(payload, ID_BYTES);
    payload.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 2 * ID_BYTES);
    return Buffer.concat([payload, this.mac(payload)]).toString('base64url');
  }

  verify(token: string, now = new Date()): LinkCheck {
    if (!/^[A-Za-z0-9_-]{70}$/.test(token)) return { ok: false, reason: 'INVALID' };
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== PAYLOAD_BYTES + MAC_BYTES) return { ok: false, reason: 'INVALID' };
    const payload = bytes.subarray(0, PAYLOAD_BYTES);
    if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), this.mac(payload))) return { ok: false, reason: 'INVALID' };
    const expiresAt = new Date(payload.readUInt32BE(2 * ID_BYTES) * 1000);
    if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'EXPIRED' };
    return {
      ok: true,
      poId: uuidOf(payload.subarray(0, ID_BYTES)),
      orderId: uuidOf(payload.subarray(ID_BYTES, 2 * ID_BYTES)),
      expiresAt,
    };
  }

  /** The page the supplier opens: `<PUBLIC_URL>/supplier/<token>`. */
  urlFor(po: LinkedPurchaseOrder, expiresAt: Date): string {
    return `${this.origin}/supplier/${this.sign(po, expiresAt)}`;
  }

  /** A new link for a purchase order, with its expiry (store the expiry on the purchase order). */
  linkFor(po: LinkedPurchaseOrder, shipBy: Date | null, now = new Date()): { url: string; expiresAt: Date } {
    const expiresAt = this.expiryFor(shipBy, now);
    return { url: this.urlFor(po, expiresAt), expiresAt };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, MAC_BYTES);
  }
}
