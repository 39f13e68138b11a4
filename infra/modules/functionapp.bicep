// Function App on the Flex Consumption plan. Every connection is identity-based:
// storage through the user-assigned identity, secrets through Key Vault references
// resolved with that same identity, telemetry authenticated with it too.

param name string
param planName string
param location string
param tags object

@description('The azd service this app hosts (matches azure.yaml).')
param serviceName string

param identityId string
param identityClientId string

param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Unit profile the app loads (functions/Humas.Workflow/Profiles/<name>.json).')
param profile string

@description('Base of every link in an email.')
param publicBaseUrl string

param linkSigningKeySecretUri string
param smtpPasswordSecretUri string
param vaultUri string

param smtp {
  host: string
  port: int
  useTls: bool
  from: string
  user: string
}

param workflow {
  reviewTimeout: string
  approvalTimeout: string
  revisionTimeout: string
  reminderAfter: string
  escalateAfter: string
}

param wordPress {
  baseUrl: string
  user: string
}

@description('Further settings (people overrides, other channels). The settings above win on a clash, so these cannot replace the identity-based storage connection.')
param additionalAppSettings object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
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
    clientCertEnabled: false
    // Without this, Key Vault references would be resolved with a system-assigned identity the app does not have.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
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
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Flex Consumption sets the worker runtime and host version through functionAppConfig;
// FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and the content-share settings are rejected here.
var appSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  // Lets DefaultAzureCredential in the app's own clients pick the user-assigned identity.
  AZURE_CLIENT_ID: identityClientId
  // The submission form lives at '/', so the host's own home page must not answer there.
  AzureWebJobsDisableHomepage: 'true'
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  Humas__Profile: profile
  Humas__PublicBaseUrl: publicBaseUrl
  Humas__LinkSigningKey: '@Microsoft.KeyVault(SecretUri=${linkSigningKeySecretUri})'
  Humas__Smtp__Host: smtp.host
  Humas__Smtp__Port: string(smtp.port)
  Humas__Smtp__UseTls: string(smtp.useTls)
  Humas__Smtp__From: smtp.from
  Humas__Smtp__User: smtp.user
  Humas__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecretUri})'
  Humas__Workflow__ReviewTimeout: workflow.reviewTimeout
  Humas__Workflow__ApprovalTimeout: workflow.approvalTimeout
  Humas__Workflow__RevisionTimeout: workflow.revisionTimeout
  Humas__Workflow__ReminderAfter: workflow.reminderAfter
  Humas__Workflow__EscalateAfter: workflow.escalateAfter
  // Publishing to WordPress stays off while the base URL is empty; its password is
  // set by the operator as a Key Vault secret, never passed through a deployment.
  Humas__Channels__WordPress__BaseUrl: wordPress.baseUrl
  Humas__Channels__WordPress__User: wordPress.user
  Humas__Channels__WordPress__AppPassword: empty(wordPress.baseUrl)
    ? ''
    : '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/humas-wordpress-app-password)'
}

// This resource replaces the whole settings list on every deployment: settings added by hand
// in the portal are lost at the next `azd provision`, so they belong in additionalAppSettings.
resource appSettingsConfig 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(additionalAppSettings, appSettings)
}

// Deployments go through Entra-authenticated publishing; no FTP or basic-auth SCM.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
