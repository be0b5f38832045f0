import { Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { CredentialsCipher } from 'src/modules/channels/credentials-cipher';

/** TOTP secrets at rest: AES-256-GCM under the channel credentials' key, stored as `{ secret }`. */
@Injectable()
export class TotpSecretCipher {
  private readonly cipher: CredentialsCipher;

  constructor(@InjectConfig() config: AppConfig) {
    this.cipher = new CredentialsCipher(config.credentialsKey);
  }

  seal(secret: string): Buffer {
    return this.cipher.encrypt({ secret });
  }

  open(sealed: Buffer): string {
    return this.cipher.decrypt(sealed).secret;
  }
}
