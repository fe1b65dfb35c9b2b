// The Function App (Flex Consumption, Linux, Node): the package azure.yaml deploys is the folder
// `npm run package:functions` assembles. Storage, Application Insights and Key Vault are reached
// with the user-assigned identity; app settings carry endpoints and names only, no keys.
param name string
param location string = resourceGroup().location
param tags object = {}
param serviceName string = 'api'
param appServicePlanId string
param applicationInsightsName string
param storageAccountName string
param deploymentStorageContainerName string
param identityId string
param identityClientId string
param runtimeName string = 'node'
param runtimeVersion string = '22'
param instanceMemoryMB int = 2048
param maximumInstanceCount int = 40

@description('Browser origins allowed by CORS: the task pane\'s, nothing else.')
@minLength(1)
param allowedOrigins array

@description('Versionless Key Vault secret URI of the audit signing key.')
param auditSigningKeySecretUri string

@description('Application settings (AUTH_*, NODE_ENV) merged with the identity-based ones below.')
param appSettings object = {}

resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// The Functions host's own storage (leases of the sampling timer, keys) through the identity.
var hostStorageSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: stg.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: stg.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: stg.properties.primaryEndpoints.table
}

// The application's data (functions/lib/storage-settings.ts): no STORAGE_CONNECTION_STRING, so the
// app uses DefaultAzureCredential with this client id on these endpoints.
var dataStorageSettings = {
  AZURE_CLIENT_ID: identityClientId
  STORAGE_ACCOUNT_NAME: stg.name
  STORAGE_BLOB_ENDPOINT: stg.properties.primaryEndpoints.blob
  STORAGE_TABLE_ENDPOINT: stg.properties.primaryEndpoints.table
}

var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// Resolved by the platform with keyVaultReferenceIdentity; the value never appears in the template.
var secretSettings = {
  AUDIT_SIGNING_KEY: '@Microsoft.KeyVault(SecretUri=${auditSigningKeySecretUri})'
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: appServicePlanId
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${stg.properties.primaryEndpoints.blob}${deploymentStorageContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, hostStorageSettings, dataStorageSettings, monitoringSettings, secretSettings)
  }
}

output SERVICE_API_NAME string = functionApp.name
output origin string = 'https://${functionApp.properties.defaultHostName}'
