// Every role the app's identity (and, optionally, the deploying user) holds. Built-in role definition ids:
//   b7e6dc6d-f1e8-4753-8033-0f276bb0955b  Storage Blob Data Owner         host keys, timer leases, deployment package
//   974c5e8b-45b9-4653-ba55-5f855dd0fb88  Storage Queue Data Contributor  queue triggers, sync-jobs and -poison
//   0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3  Storage Table Data Contributor  the hub, status, jobs and every other table
//   4633458b-17de-408a-b874-0445c86b69e6  Key Vault Secrets User          Key Vault references (admin key, tenant credentials)
//   b86a8fe4-44ce-4948-aee5-eccb2c155cd7  Key Vault Secrets Officer       the deploying user sets tenant credentials
//   3913510d-42f4-4e42-8a64-420c390055eb  Monitoring Metrics Publisher    telemetry with Entra auth (local auth is off)
param storageAccountName string
param keyVaultName string
param applicationInsightsName string
@description('Principal (object) id of the app\'s user-assigned identity.')
param appPrincipalId string
@description('Object id of the deploying user, who may then set tenant credentials in Key Vault; empty to skip.')
param userPrincipalId string = ''

var appStorageRoles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
]
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // Key Vault Secrets Officer
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in appStorageRoles: {
  name: guid(storage.id, appPrincipalId, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(vault.id, userPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: userPrincipalId // a user, or the service principal a pipeline deploys with: type left to ARM
  }
}
