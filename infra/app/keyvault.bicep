// Key Vault with RBAC authorization: the app's identity reads secrets through Key Vault references
// (Key Vault Secrets User, rbac.bicep); nothing secret is ever an app setting value.
param name string
param location string
param tags object
@secure()
@description('The platform admin key (ContactSync__AdminKey reads it through a Key Vault reference).')
param adminKey string
@description('Secret name of the admin key; app settings reference it by this name.')
param adminKeySecretName string
@secure()
@description('The host function key Graph webhooks carry (Webhooks__FunctionKey reads it through a Key Vault reference).')
param webhookKey string
param webhookKeySecretName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
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
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: adminKeySecretName
  properties: {
    value: adminKey
    contentType: 'text/plain'
  }
}

resource webhookKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: webhookKeySecretName
  properties: {
    value: webhookKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
