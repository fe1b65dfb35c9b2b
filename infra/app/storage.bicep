// Storage account of the Function App: its host storage, the deployment package container and the
// application's data (tables submissions, documents, audit, samples, outcomes, reviews; containers
// submissions, documents, samples — the app creates them on first use). No shared keys: every
// caller is an Entra ID identity with a data role (rbac.bicep). Blobs are protected against
// deletion and overwrite (soft delete, versioning, change feed, point-in-time restore).
param name string
param location string = resourceGroup().location
param tags object = {}
param deploymentContainerName string

@description('Days a deleted or overwritten blob (and a deleted container) can be recovered.')
@minValue(7)
@maxValue(365)
param deleteRetentionDays int = 90

@description('Point-in-time restore window; must be shorter than the soft-delete retention.')
@minValue(1)
@maxValue(364)
param restoreDays int = 30

resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // Entra ID only: no account key, no SAS signed with it
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobServices 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: stg
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    isVersioningEnabled: true
    changeFeed: {
      enabled: true
    }
    restorePolicy: {
      enabled: true
      days: restoreDays
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobServices
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

output name string = stg.name
output blobEndpoint string = stg.properties.primaryEndpoints.blob
output tableEndpoint string = stg.properties.primaryEndpoints.table
output queueEndpoint string = stg.properties.primaryEndpoints.queue
