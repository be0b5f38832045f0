import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TotpEnrolment', {
  description: 'A new authenticator app secret, waiting for its first code (confirmTotpEnrolment).',
})
export class TotpEnrolmentType {
  @Field({ description: 'Base32, for typing into the app by hand.' })
  secret: string;

  @Field({ description: 'otpauth://totp/… URI (SHA-1, 6 digits, 30 s), the content of the QR code.' })
  otpauthUrl: string;

  @Field({ description: 'The otpauth URI as an SVG QR code.' })
  qrSvg: string;
}

@ObjectType('RecoveryCodes', {
  description: 'Ten single-use codes for when the phone is lost; shown once, only their hashes are kept.',
})
export class RecoveryCodesType {
  @Field(() => [String])
  codes: string[];
}
