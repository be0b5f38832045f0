import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const FLOW_COOKIE = 'order_hub_oidc';
const PATH = '/auth/oidc';
const LIFETIME_MS = 10 * 60_000;

/** What the browser holds between leaving for the issuer and coming back: the checks the callback must pass. */
export interface SsoFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  returnTo: string;
  startedAt: number;
}

/**
 * Seals flows into the cookie with AES-256-GCM under a key derived from the credentials key: the browser can
 * neither read the PKCE verifier nor forge a state, and a flow older than 10 minutes is refused even if the
 * browser kept the cookie.
 */
export class FlowCookie {
  private readonly key: Buffer;

  constructor(credentialsKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', credentialsKey, Buffer.alloc(0), 'order-hub oidc flow cookie', 32));
  }

  set(req: FastifyRequest, reply: FastifyReply, flow: SsoFlow): void {
    reply.setCookie(FLOW_COOKIE, this.seal(flow), {
      path: PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: LIFETIME_MS / 1000,
    });
  }

  clear(req: FastifyRequest, reply: FastifyReply): void {
    reply.clearCookie(FLOW_COOKIE, { path: PATH, httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
  }

  /** The flow this browser started, if its cookie is intact and recent; null otherwise. */
  read(req: FastifyRequest, now = Date.now()): SsoFlow | null {
    const value = req.cookies?.[FLOW_COOKIE];
    const flow = value ? this.open(value) : null;
    return flow && now - flow.startedAt < LIFETIME_MS && flow.startedAt <= now + 60_000 ? flow : null;
  }

  seal(flow: SsoFlow): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  open(value: string): SsoFlow | null {
    try {
      const raw = Buffer.from(value, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as SsoFlow;
    } catch {
      return null;
    }
  }
}
