// Secrets the app reads through Key Vault references. RBAC mode, so access is
// granted per identity and role rather than through vault access policies.

param name string
param location string
param tags object

@description('Keeps deleted secrets recoverable for the retention period. Cannot be turned off again once on.')
param enablePurgeProtection bool

@secure()
@description('Base64 key that signs decision and tracking links.')
param linkSigningKey string

@secure()
param smtpPassword string

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The API refuses an explicit false; leaving it out is how it stays off.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource linkSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'humas-link-signing-key'
  properties: {
    value: linkSigningKey
    contentType: 'base64'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'humas-smtp-password'
  properties: {
    value: smtpPassword
  }
}

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
// Versionless URIs: a reference follows the newest version, so a rotation needs no redeploy.
output linkSigningKeySecretUri string = linkSigningKeySecret.properties.secretUri
output smtpCredentialUri string = smtpPasswordSecret.properties.secretUri
