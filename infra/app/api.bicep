// The function app on Flex Consumption: a custom handler (the self-contained ContactSync.Handler that host.json's
// customHandler starts), deployed from a blob container, running as the user-assigned identity.
param name string
param planName string
param location string
param tags object
param serviceName string = 'api'
param identityId string
param identityClientId string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
@description('Settings the app\'s options read (Section__Property), merged over the host settings below.')
param appSettings object
@description('Always-ready instances for the HTTP group: Graph wants webhook answers within 3 s, so no cold starts there.')
param alwaysReadyHttpInstances int = 1
param maximumInstanceCount int = 100
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048
@secure()
@description('Host-level function key for the Graph webhook functions (authLevel function); the app sends it as ?code=.')
param webhookKey string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
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
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity, not a system-assigned one.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: [
          {
            name: 'http'
            instanceCount: alwaysReadyHttpInstances
          }
        ]
      }
      // Flex declares the worker runtime here; FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are not
      // app settings on this plan.
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

// What the Functions host itself reads: identity-based AzureWebJobsStorage (blob for keys and the timer's leases,
// queue for triggers, table for the app's own client) and Application Insights with Entra auth.
var hostAppSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, hostAppSettings)
}

// A host key valid for every function-level HTTP function; Graph presents it on notification and lifecycle calls.
resource graphWebhookKey 'Microsoft.Web/sites/host/functionKeys@2024-04-01' = {
  name: '${site.name}/default/graph-webhooks'
  properties: {
    name: 'graph-webhooks'
    value: webhookKey
  }
  dependsOn: [
    settings
  ]
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
