// Humas Functions in Azure: one resource group per unit (azd environment).
// Deploy with `azd up`, or with `az deployment sub create` and a file from units/.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; also seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Region for all resources; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Unit profile to load; one of functions/Humas.Workflow/Profiles/*.json.')
@allowed([
  'bbpmp-jateng'
  'bbgp-jatim'
])
param profile string = 'bbpmp-jateng'

@description('Resource group name; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Public base URL of emailed links when a custom domain fronts the app; empty for https://<app>.azurewebsites.net.')
param publicBaseUrl string = ''

@secure()
@minLength(44)
@description('Base64 key (32 bytes or more) that signs decision and tracking links. Stored only in Key Vault.')
param linkSigningKey string

@minLength(1)
param smtpHost string

@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('STARTTLS on the SMTP connection; the app leaves it off by default for the local mailbox.')
param smtpUseTls bool = true

@minLength(3)
@description('Sender address of workflow mail.')
param smtpFrom string

@description('SMTP user name; empty to log in as the sender address.')
param smtpUser string = ''

@secure()
@description('SMTP password. Stored only in Key Vault.')
param smtpPassword string

@description('How long a reviewer has before the review expires (TimeSpan, d.hh:mm:ss).')
param reviewTimeout string = '3.00:00:00'

@description('How long an approver has before the approval expires.')
param approvalTimeout string = '3.00:00:00'

@description('How long a submitter has to send a revision.')
param revisionTimeout string = '7.00:00:00'

@description('When a waiting decider gets a reminder.')
param reminderAfter string = '1.00:00:00'

@description('When the backup decider is added to a waiting decision.')
param escalateAfter string = '2.00:00:00'

@description('WordPress site to publish to; empty keeps publishing on the app\'s own feed only.')
param wordPressBaseUrl string = ''

param wordPressUser string = ''

@description('Further app settings, e.g. Humas__People__reviewer or the YouTube and Instagram channel settings (secrets as Key Vault references).')
param additionalAppSettings object = {}

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Purge protection on the vault. Recommended for a unit in service; leave off for throwaway environments so `azd down --purge` can reuse the name.')
param keyVaultPurgeProtection bool = true

@description('Refuse App Insights ingestion by instrumentation key alone.')
param appInsightsLocalAuthDisabled bool = false

@description('Principal id of the person or pipeline deploying (azd sets AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer and read access to data. Empty to skip.')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  'humas-profile': profile
}
var names = {
  resourceGroup: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  identity: 'id-humas-${resourceToken}'
  storage: 'sthumas${resourceToken}'
  keyVault: 'kv-humas-${resourceToken}'
  logAnalytics: 'log-humas-${resourceToken}'
  applicationInsights: 'appi-humas-${resourceToken}'
  plan: 'plan-humas-${resourceToken}'
  functionApp: 'func-humas-${resourceToken}'
}
var deploymentContainerName = 'app-package'
var defaultBaseUrl = 'https://${names.functionApp}.azurewebsites.net'
var baseUrl = !empty(publicBaseUrl) ? publicBaseUrl : defaultBaseUrl

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    disableLocalAuth: appInsightsLocalAuthDisabled
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    uploadCorsOrigins: union([defaultBaseUrl], empty(publicBaseUrl) ? [] : [publicBaseUrl])
    tableNames: [
      'Submissions'
      'Published'
      'Idempotency'
      'Uploads'
      'Progress'
      'Registers'
      'Summaries'
      'Waiting'
      'SubmissionIndex'
      'People'
      'WorkingCalendar'
      'Reach'
      'Credentials'
    ]
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    linkSigningKey: linkSigningKey
    smtpPassword: smtpPassword
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The host reaches storage and resolves Key Vault references as soon as it starts,
  // so the identity's roles must already be in place.
  dependsOn: [
    roles
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    profile: profile
    publicBaseUrl: baseUrl
    linkSigningKeySecretUri: keyVault.outputs.linkSigningKeySecretUri
    smtpPasswordSecretUri: keyVault.outputs.smtpCredentialUri
    vaultUri: keyVault.outputs.vaultUri
    smtp: {
      host: smtpHost
      port: smtpPort
      useTls: smtpUseTls
      from: smtpFrom
      user: !empty(smtpUser) ? smtpUser : smtpFrom
    }
    workflow: {
      reviewTimeout: reviewTimeout
      approvalTimeout: approvalTimeout
      revisionTimeout: revisionTimeout
      reminderAfter: reminderAfter
      escalateAfter: escalateAfter
    }
    wordPress: {
      baseUrl: wordPressBaseUrl
      user: wordPressUser
    }
    additionalAppSettings: additionalAppSettings
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output HUMAS_PUBLIC_BASE_URL string = baseUrl
output HUMAS_PROFILE string = profile
