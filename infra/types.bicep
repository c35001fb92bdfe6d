// Shapes shared by main.bicep and its modules. (Not named `tenant`: that would shadow the tenant() function.)

@export()
@description('A tenant provisioned from parameters (infra/tenants.parameters.json). Its credential is not here: it goes into Key Vault.')
type provisionedTenant = {
  @minLength(1)
  @maxLength(64)
  @description('ContactSync tenant id, [A-Za-z0-9._-]{1,64}.')
  id: string
  displayName: string
  @description('Entra ID (directory) tenant id of the organisation.')
  entraTenantId: string
  @description('Application (client) id of the app registration with the Graph application permissions.')
  clientId: string
  @description('secret: a client secret; certificate: a base64 PFX. Either is stored in Key Vault.')
  credential: ('secret' | 'certificate')
  @minLength(2)
  @maxLength(2)
  @description('Default phone region (ISO 3166-1 alpha-2), used to normalise numbers to +CC form.')
  defaultRegion: string
  @description('IANA or Windows time zone id for schedules, e.g. Europe/Warsaw.')
  timeZone: string
}
