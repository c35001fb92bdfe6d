// ContactSync on Azure: one resource group holding the function app (Flex Consumption, custom handler), its storage,
// Key Vault, identity and monitoring, plus the tenants listed in tenants.parameters.json. `azd up` deploys it.
targetScope = 'subscription'

import { provisionedTenant } from 'types.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the resource token and names the resource group.')
param environmentName string

@minLength(1)
@description('Region for every resource; it must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying user (azd: AZURE_PRINCIPAL_ID); granted Key Vault Secrets Officer to set tenant credentials.')
param principalId string = ''

@secure()
@description('The platform admin key for PUT /api/tenants/{t}; azd keeps it in Key Vault (secretOrRandomPassword).')
param adminKey string

@secure()
@description('The function key Graph sends back (?code=) on webhook calls; azd keeps it in Key Vault (secretOrRandomPassword).')
param webhookKey string

@description('Tenants to provision; empty means the list in tenants.parameters.json.')
param tenants provisionedTenant[] = []

@secure()
@description('Tenant credentials by tenant id (client secret, or base64 PFX); a tenant left out keeps the secret already in Key Vault.')
param tenantSecrets object = {}

@description('Always-ready instances for the HTTP functions (webhooks must answer Graph within 3 s).')
param alwaysReadyHttpInstances int = 1

@description('NCRONTAB (UTC) of the Scheduler timer that fans out due sync jobs (function.json: %SCHEDULER_SCHEDULE%).')
param schedulerSchedule string = '0 * * * * *'

@description('NCRONTAB (UTC) of the timer that renews Graph subscriptions before they expire (%RENEWER_SCHEDULE%).')
param renewerSchedule string = '0 0 */6 * * *'

@description('NCRONTAB (UTC) of the timer that prunes the change feed, run records and finished jobs (%MAINTENANCE_SCHEDULE%).')
param maintenanceSchedule string = '0 30 2 * * *'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var adminKeySecretName = 'contactsync-admin-key'
var webhookKeySecretName = 'contactsync-webhook-key'
var provisionedTenants = !empty(tenants) ? tenants : loadJsonContent('tenants.parameters.json', '$.parameters.tenants.value')

// Tables and queues the code names (options defaults, table-name constants, function.json queue bindings); the job
// queue's poison queue is where the host moves a message after maxDequeueCount failures. The app also creates them at
// start, but a deployment that already has them never depends on that.
var jobsTableName = 'jobs'
var jobsQueueName = 'sync-jobs'
var tableNames = [
  jobsTableName
  // ContactSync.Hub.HubTables
  'tenants'
  'policies'
  'groups'
  'members'
  'hubcontacts'
  'hubchanges'
  'targets'
  'syncstate'
  'pairs'
  'runs'
  'due'
  'subscriptions'
  'pendingchanges'
  'backups'
  'backupitems'
]
var queueNames = [
  jobsQueueName
  '${jobsQueueName}-poison'
]

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    tableNames: tableNames
    queueNames: queueNames
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    adminKey: adminKey
    adminKeySecretName: adminKeySecretName
    webhookKey: webhookKey
    webhookKeySecretName: webhookKeySecretName
  }
}

module tenantSettings 'app/tenants.bicep' = {
  name: 'tenants'
  scope: rg
  params: {
    keyVaultName: keyVault.outputs.name
    tenants: provisionedTenants
    tenantSecrets: tenantSecrets
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

// What the app's options read (ContactSync.Handler.Options, Section__Property) and the settings function.json names
// as %NAME%; secrets only as Key Vault references.
var applicationAppSettings = {
  ContactSync__AdminKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${adminKeySecretName})'
  Jobs__Table: jobsTableName
  Jobs__Queue: jobsQueueName
  Jobs__Lease: '00:05:00'
  SYNC_JOBS_QUEUE: jobsQueueName
  SCHEDULER_SCHEDULE: schedulerSchedule
  RENEWER_SCHEDULE: renewerSchedule
  MAINTENANCE_SCHEDULE: maintenanceSchedule
  Scheduler__HeartbeatJobs: '1'
  Sync__GraphBaseUrl: 'https://graph.microsoft.com'
  Sync__GraphSandbox: 'false'
  Sync__BusyRetryDelay: '00:00:15'
  Webhooks__PublicBaseUrl: 'https://${functionAppName}.azurewebsites.net'
  Webhooks__FunctionKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${webhookKeySecretName})'
  Webhooks__CoalesceWindow: '00:00:02'
  Webhooks__MaxPartialIds: '100'
  Webhooks__MaxLifetime: '2.22:30:00'
  Webhooks__RenewMargin: '1.00:00:00'
  Maintenance__ChangeFeedDays: '45'
  Maintenance__RunDays: '30'
  Maintenance__KeepRuns: '20'
  Maintenance__JobDays: '7'
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    appSettings: union(applicationAppSettings, tenantSettings.outputs.appSettings)
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    webhookKey: webhookKey
  }
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output TENANT_SECRET_NAMES object = tenantSettings.outputs.secretNamesById
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
