// Key Vault for the application's secrets: the audit-chain signing key (secret `audit-signing-key`),
// read by the Function App through a Key Vault reference in its AUDIT_SIGNING_KEY app setting.
// RBAC authorization only (Key Vault Secrets User for the app's identity, rbac.bicep); soft delete
// and purge protection keep every old key version, so older signed chain heads stay verifiable.
param name string
param location string = resourceGroup().location
param tags object = {}

@secure()
param auditSigningKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource signingKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'audit-signing-key'
  properties: {
    value: auditSigningKey
    contentType: 'audit-signing-key'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless: the reference follows the latest version after a rotation (docs/deploy.md).
output auditSigningKeySecretUri string = signingKey.properties.secretUri
