// The one identity the Function App uses for storage, Key Vault and monitoring.
// User-assigned so that its role assignments exist before the app first starts;
// a system-assigned identity would only exist once the site does.

param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
