// Tenants provisioned from parameters: one Key Vault secret per tenant credential and the app settings that bind
// ContactSync.Handler.Options.ProvisionedTenantsOptions (section "Tenants": Tenants__<i>__<Property>).
// A tenant whose credential is absent from tenantSecrets keeps the secret already in the vault (set it with
// `az keyvault secret set`, docs/deploy.md), so redeploying without secrets never blanks them.
import { provisionedTenant } from '../types.bicep'

param keyVaultName string
param tenants provisionedTenant[]
@secure()
@description('Credential per tenant id: a client secret, or a base64 PFX for credential "certificate".')
param tenantSecrets object

// Secret names allow only letters, digits and hyphens; the hash keeps ids that differ only in '.', '_' or case apart.
var secretNames = map(tenants, t => 'tenant-${replace(replace(toLower(t.id), '.', '-'), '_', '-')}-${uniqueString(t.id)}')
var secretReferences = map(secretNames, s => '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${s})')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource credentials 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for (t, i) in tenants: if (contains(tenantSecrets, t.id)) {
  parent: vault
  name: secretNames[i]
  properties: {
    value: contains(tenantSecrets, t.id) ? tenantSecrets[t.id] : ''
    contentType: t.credential == 'certificate' ? 'application/x-pkcs12' : 'text/plain'
  }
}]

var tenantAppSettings = reduce(range(0, length(tenants)), {}, (settings, i) => union(settings, {
  'Tenants__${i}__Id': tenants[i].id
  'Tenants__${i}__DisplayName': tenants[i].displayName
  'Tenants__${i}__EntraTenantId': tenants[i].entraTenantId
  'Tenants__${i}__ClientId': tenants[i].clientId
  'Tenants__${i}__DefaultRegion': tenants[i].defaultRegion
  'Tenants__${i}__TimeZone': tenants[i].timeZone
}, tenants[i].credential == 'certificate' ? {
  'Tenants__${i}__ClientCertificate': secretReferences[i]
} : {
  'Tenants__${i}__ClientSecret': secretReferences[i]
}))

output appSettings object = tenantAppSettings
@description('Key Vault secret name of each tenant\'s credential, by tenant id (docs/deploy.md sets them).')
output secretNamesById object = toObject(range(0, length(tenants)), i => tenants[i].id, i => secretNames[i])
