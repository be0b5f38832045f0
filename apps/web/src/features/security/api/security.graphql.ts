import { graphql } from '@/gql';

export const SecuritySettingsQuery = graphql(`
  query SecuritySettings {
    securitySettings {
      requireMfa
      requireMfaDefault
      effectiveRequireMfa
      reason
    }
  }
`);

export const UpdateSecuritySettingsMutation = graphql(`
  mutation UpdateSecuritySettings($input: UpdateSecuritySettingsInput!) {
    updateSecuritySettings(input: $input) {
      requireMfa
      requireMfaDefault
      effectiveRequireMfa
      reason
    }
  }
`);
