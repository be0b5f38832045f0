import { graphql } from '@/gql';

/** Who the console acts for: `name` and `role` are what pages check; `user` is null for integration tokens. */
export const MeQuery = graphql(`
  query Me {
    me {
      name
      role
      sessionStatus
      mfaRequired
      user {
        id
        email
        name
        role
        mfaEnabled
      }
    }
  }
`);

export const StartTotpEnrolmentMutation = graphql(`
  mutation StartTotpEnrolment {
    startTotpEnrolment {
      secret
      otpauthUrl
      qrSvg
    }
  }
`);

export const ConfirmTotpEnrolmentMutation = graphql(`
  mutation ConfirmTotpEnrolment($code: String!) {
    confirmTotpEnrolment(code: $code) {
      codes
    }
  }
`);

export const RegenerateRecoveryCodesMutation = graphql(`
  mutation RegenerateRecoveryCodes($code: String!) {
    regenerateRecoveryCodes(code: $code) {
      codes
    }
  }
`);
