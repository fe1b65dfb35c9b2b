// The task pane's host: a Static Web App serving dist/addin (taskpane.html, commands.html, assets,
// manifest.xml). Its https origin is the ADDIN_BASE_URL of the pane build and the only origin the
// Function App's CORS admits (with an optional custom domain).
param name string
param location string
param tags object = {}
param serviceName string = 'web'

@allowed([
  'Free'
  'Standard'
])
param sku string = 'Standard'

resource site 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    // Static content only: no linked API (the pane calls the Function App across origins).
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output origin string = 'https://${site.properties.defaultHostname}'
