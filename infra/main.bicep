// Rendiconta Crema on Azure (`azd up`, docs/deploy.md). Shaped after Microsoft's
// functions-quickstart-typescript-azd sample: subscription scope, one resource group, a Flex
// Consumption Function App with a user-assigned managed identity, a storage account without shared
// keys reached through role assignments, Application Insights on Log Analytics. Added for this
// application: the task pane on a Static Web App, CORS for the pane's origin only, the audit
// signing key as a Key Vault secret, data protection (soft delete, versioning, point-in-time restore).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; with the subscription and location it gives the unique resource token.')
param environmentName string

@minLength(1)
@description('Region of the Function App and its data (a Flex Consumption region; the Comune\'s data stays in the EU).')
@allowed([
  'italynorth'
  'westeurope'
  'northeurope'
  'francecentral'
  'germanywestcentral'
  'swedencentral'
  'spaincentral'
  'norwayeast'
  'uksouth'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region of the Static Web App (a global service with few regions for its control plane).')
@allowed([
  'westeurope'
  'eastus2'
  'centralus'
  'westus2'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('Object id of the deploying user: data roles on the account for support work. Empty: none.')
param principalId string = ''

@description('Audience of the API tokens: the Application ID URI (api://…) or client id of the API app registration.')
param authAudience string

@description('Entra ID tenant that issues the tokens; empty: the tenant of this subscription.')
param authTenantId string = ''

@description('A second https origin for the pane (custom domain of the Static Web App); empty: none.')
param paneCustomOrigin string = ''

@secure()
@description('Audit-chain signing key (AUDIT_SIGNING_KEY), stored as a Key Vault secret and never as a plain app setting.')
param auditSigningKey string

param resourceGroupName string = ''
param apiServiceName string = ''
param apiUserAssignedIdentityName string = ''
param appServicePlanName string = ''
param storageAccountName string = ''
param keyVaultName string = ''
param staticWebAppName string = ''
param logAnalyticsName string = ''
param applicationInsightsName string = ''

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = !empty(apiServiceName) ? apiServiceName : '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentStorageContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'
var tenantId = !empty(authTenantId) ? authTenantId : tenant().tenantId

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

// The Function App's identity: storage, Key Vault and Application Insights trust it through roles.
module apiUserAssignedIdentity 'br/public:avm/res/managed-identity/user-assigned-identity:0.4.1' = {
  name: 'apiUserAssignedIdentity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: !empty(apiUserAssignedIdentityName) ? apiUserAssignedIdentityName : '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
  }
}

module appServicePlan 'br/public:avm/res/web/serverfarm:0.1.1' = {
  name: 'appserviceplan'
  scope: rg
  params: {
    name: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    sku: {
      name: 'FC1'
      tier: 'FlexConsumption'
    }
    reserved: true
    location: location
    tags: tags
  }
}

// Data and the Functions host share one account: tables, documents, snapshots, the deployment package.
module storage './app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentStorageContainerName
  }
}

module logAnalytics 'br/public:avm/res/operational-insights/workspace:0.11.1' = {
  name: '${uniqueString(deployment().name, location)}-loganalytics'
  scope: rg
  params: {
    name: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    location: location
    tags: tags
    dataRetention: 90
  }
}

module monitoring 'br/public:avm/res/insights/component:0.6.0' = {
  name: '${uniqueString(deployment().name, location)}-appinsights'
  scope: rg
  params: {
    name: !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    workspaceResourceId: logAnalytics.outputs.resourceId
    disableLocalAuth: true
  }
}

module keyVault './app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: !empty(keyVaultName) ? keyVaultName : '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    auditSigningKey: auditSigningKey
  }
}

module web './app/web.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: !empty(staticWebAppName) ? staticWebAppName : '${abbrs.webStaticSites}${resourceToken}'
    location: staticWebAppLocation
    tags: tags
  }
}

module api './app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: tags
    appServicePlanId: appServicePlan.outputs.resourceId
    applicationInsightsName: monitoring.outputs.name
    storageAccountName: storage.outputs.name
    deploymentStorageContainerName: deploymentStorageContainerName
    identityId: apiUserAssignedIdentity.outputs.resourceId
    identityClientId: apiUserAssignedIdentity.outputs.clientId
    runtimeVersion: '22'
    // CORS: the pane's origin(s) only, never '*'.
    allowedOrigins: empty(paneCustomOrigin) ? [web.outputs.origin] : [web.outputs.origin, paneCustomOrigin]
    auditSigningKeySecretUri: keyVault.outputs.auditSigningKeySecretUri
    appSettings: {
      NODE_ENV: 'production'
      AUTH_ISSUER: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
      AUTH_AUDIENCE: authAudience
      AUTH_JWKS_URL: '${environment().authentication.loginEndpoint}${tenantId}/discovery/v2.0/keys'
    }
  }
}

module rbac './app/rbac.bicep' = {
  name: 'rbacAssignments'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.name
    keyVaultName: keyVault.outputs.name
    managedIdentityPrincipalId: apiUserAssignedIdentity.outputs.principalId
    userIdentityPrincipalId: principalId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.SERVICE_API_NAME
output AZURE_FUNCTION_NAME string = api.outputs.SERVICE_API_NAME
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output SERVICE_WEB_NAME string = web.outputs.name
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
// The pane's build settings (webpack.config.js): azd writes outputs into the environment, where the
// web service's prepackage hook reads them.
output ADDIN_BASE_URL string = web.outputs.origin
output ADDIN_API_BASE_URL string = api.outputs.origin
