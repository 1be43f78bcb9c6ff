// The HWBC Teams assistant in one resource group: a user-assigned managed identity that is both
// the bot's identity and its key-less sign-in to Cosmos DB; the Azure Bot with the Teams channel;
// a Linux App Service running Node; Cosmos DB (NoSQL, serverless by default) with every container
// the code uses; Application Insights. Deploy: see docs/deploy.md.
targetScope = 'resourceGroup'

@description('Short name for this deployment, used in resource names (letters, digits, hyphens).')
@minLength(3)
@maxLength(20)
param name string

@description('Azure region for everything except the bot registration. UK South keeps data in the UK.')
param location string = resourceGroup().location

@description('Comma-separated Entra tenant ids whose users may use the bot: normally just the PCN\'s own.')
param allowedTenantIds string = tenant().tenantId

@description('Path of the PCN configuration file inside the deployed app (see docs/pcn-configuration.md).')
param pcnConfigPath string = 'config/pcn.json'

@description('Secret that signs CSV download links: 32+ random characters (openssl rand -hex 32).')
@secure()
@minLength(32)
param downloadLinkSecret string

@description('Days each coaching session log is kept before Cosmos DB deletes it.')
@minValue(1)
param sessionLogRetentionDays int = 1095

@description('Days each referral sent to the coaching team is kept before Cosmos DB deletes it.')
@minValue(30)
param referralCaseRetentionDays int = 400

@description('App Service plan size. B1 is enough for one PCN; use P0v3 or above for zone redundancy.')
param appServiceSku string = 'B1'

@description('Node.js LTS runtime for the web app.')
param linuxFxVersion string = 'NODE|22-lts'

@description('Cosmos DB capacity: serverless (pay per request) suits a PCN\'s intermittent traffic.')
param cosmosServerless bool = true

var prefix = toLower(name)
var suffix = uniqueString(resourceGroup().id, prefix)
var webAppName = '${prefix}-${suffix}'
var webAppHost = '${webAppName}.azurewebsites.net'
var databaseName = 'hwbc'

// Every container the code uses (src/store/containers.ts), with the same partition keys and TTL.
// defaultTtl -1 turns TTL on with no default: each document may carry its own ttl.
// indexedPaths: range indexes on these paths only, the rest excluded. For supervision, the
// due-reminder query (a range on nextReminderAt, ORDER BY nextReminderAt, TOP n) is answered from
// the /nextReminderAt range index, so it costs what is due, not how many schedules there are.
var containers = [
  { name: 'botState', partitionKey: '/id' }
  { name: 'conversations', partitionKey: '/tenantId' }
  { name: 'referralRecords', partitionKey: '/month', defaultTtl: -1 }
  { name: 'broadcasts', partitionKey: '/jobId' }
  { name: 'rateWindows', partitionKey: '/id' }
  { name: 'supervision', partitionKey: '/coachId', indexedPaths: ['/nextReminderAt/?', '/coachId/?', '/type/?'] }
  { name: 'sessionLogs', partitionKey: '/coachId', defaultTtl: -1 }
  { name: 'referralCases', partitionKey: '/pcn', defaultTtl: -1 }
  { name: 'referrerFeedback', partitionKey: '/month' }
  { name: 'turns', partitionKey: '/id', defaultTtl: -1 }
  { name: 'audit', partitionKey: '/tenantId' }
  { name: 'roster', partitionKey: '/pcnCode' }
]

// Built-in "Cosmos DB Built-in Data Contributor": read and write items, no account management.
var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-identity'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${prefix}-insights-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: '${prefix}-cosmos-${suffix}'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: cosmosServerless ? [{ name: 'EnableServerless' }] : []
    // Keys are switched off: the app signs in with its managed identity (data-plane RBAC).
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: union(
        {
          id: container.name
          partitionKey: { paths: [container.partitionKey], kind: 'Hash' }
        },
        contains(container, 'defaultTtl') ? { defaultTtl: container.?defaultTtl } : {},
        contains(container, 'indexedPaths')
          ? {
              indexingPolicy: {
                indexingMode: 'consistent'
                automatic: true
                includedPaths: map(container.?indexedPaths ?? [], path => { path: path })
                excludedPaths: [{ path: '/*' }]
              }
            }
          : {}
      )
    }
  }
]

resource cosmosRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${prefix}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      ftpsState: 'FtpsOnly'
      minTlsVersion: '1.2'
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'PUBLIC_BASE_URL', value: 'https://${webAppHost}' }
        { name: 'DOWNLOAD_LINK_SECRET', value: downloadLinkSecret }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_AUTH', value: 'managed-identity' }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'COSMOS_DATABASE', value: databaseName }
        { name: 'PCN_CONFIG_PATH', value: pcnConfigPath }
        { name: 'SESSION_LOG_RETENTION_DAYS', value: string(sessionLogRetentionDays) }
        { name: 'REFERRAL_CASE_RETENTION_DAYS', value: string(referralCaseRetentionDays) }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
  dependsOn: [cosmosRole, cosmosContainers]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${prefix}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'Health Coach Assistant'
    endpoint: 'https://${webAppHost}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('The bot id for the Teams app package (MicrosoftAppId for npm run package).')
output botId string = identity.properties.clientId
@description('The host name for the Teams app package (BOT_DOMAIN for npm run package).')
output botDomain string = webAppHost
output webAppName string = web.name
output cosmosEndpoint string = cosmos.properties.documentEndpoint
