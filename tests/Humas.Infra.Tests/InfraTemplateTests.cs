using System.Text.Json.Nodes;

namespace Humas.Infra.Tests;

/// <summary>What the compiled ARM template of infra/main.bicep promises about security and wiring.</summary>
public sealed class InfraTemplateTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0a275";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string StorageAccountContributor = "17d1049b-9a84-46fb-8f53-869881c3d3ab";

    private const string KeyVaultReference = "@Microsoft.KeyVault(SecretUri=";

    private JsonObject StorageProperties => template.Single("Microsoft.Storage/storageAccounts").Properties!.AsObject();
    private CompiledTemplate.Deployed Site => template.Single("Microsoft.Web/sites");
    private JsonObject AppSettings =>
        template.OfType("Microsoft.Web/sites/config").Single(c => ((string)c.Resource["name"]!).Contains("'appsettings'"))
            .ResolvedProperties();

    [Fact]
    public void Storage_account_refuses_shared_keys_and_old_tls()
    {
        var storage = StorageProperties;
        // Literal values: a parameter here would let one deployment turn keys back on.
        Assert.False(Literal<bool>(storage, "allowSharedKeyAccess"), "allowSharedKeyAccess must be false");
        Assert.Equal("TLS1_2", Literal<string>(storage, "minimumTlsVersion"));
        Assert.False(Literal<bool>(storage, "allowBlobPublicAccess"));
        Assert.True(Literal<bool>(storage, "supportsHttpsTrafficOnly"));
        Assert.True(Literal<bool>(storage, "defaultToOAuthAuthentication"));
    }

    [Fact]
    public void Storage_has_the_app_containers_and_tables()
    {
        var storage = template.Single("Microsoft.Storage/storageAccounts").Module;
        var literals = template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .SelectMany(c => c.Literals()).ToHashSet();
        Assert.All(Humas.Workflow.Storage.HumasStorage.AppContainers, c => Assert.Contains(c, literals));

        var tables = template.ModuleParameters(storage!)["tableNames"]!["value"]!.AsArray().Select(t => (string)t!).ToList();
        Assert.Superset(Humas.Workflow.Storage.HumasStorage.AppTables.ToHashSet(), tables.ToHashSet());
        Assert.All(template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", (string?)c.Properties?["publicAccess"]));
    }

    [Fact]
    public void Function_app_runs_on_flex_consumption_with_dotnet_isolated_10()
    {
        var plan = template.Single("Microsoft.Web/serverfarms").Resource;
        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        Assert.True(Literal<bool>(plan["properties"]!.AsObject(), "reserved"), "Flex Consumption is Linux-only");

        var config = Site.Properties!["functionAppConfig"];
        Assert.NotNull(config);
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]?["version"]);
        var storage = config["deployment"]?["storage"];
        Assert.Equal("blobContainer", (string?)storage?["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage?["authentication"]?["type"]);
        Assert.False(string.IsNullOrEmpty((string?)storage?["authentication"]?["userAssignedIdentityResourceId"]));
        Assert.Contains("functionapp", (string?)Site.Resource["kind"]);
        Assert.Contains("linux", (string?)Site.Resource["kind"]);
    }

    [Fact]
    public void Site_is_https_only_with_tls_12_and_no_ftp()
    {
        var properties = Site.Properties!.AsObject();
        Assert.True(Literal<bool>(properties, "httpsOnly"), "httpsOnly must be true");
        var siteConfig = properties["siteConfig"]!.AsObject();
        Assert.Equal("1.2", Literal<string>(siteConfig, "minTlsVersion"));
        Assert.Equal("Disabled", Literal<string>(siteConfig, "ftpsState"));

        var policies = template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(Literal<bool>(p.Properties!.AsObject(), "allow")));
    }

    [Fact]
    public void Site_uses_only_the_user_assigned_identity_also_for_key_vault_references()
    {
        var identity = Site.Resource["identity"]!;
        Assert.Equal("UserAssigned", (string?)identity["type"]);
        Assert.Single(identity["userAssignedIdentities"]!.AsObject());
        Assert.False(string.IsNullOrEmpty((string?)Site.Properties!["keyVaultReferenceIdentity"]));
        Assert.Contains("'azd-service-name'", (string?)Site.Resource["tags"] ?? "");
        Assert.Equal("api", (string?)template.ModuleParameters("functionapp")["serviceName"]!["value"]);
    }

    [Fact]
    public void Identity_holds_the_storage_and_key_vault_roles_the_app_needs()
    {
        var assignments = template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => (string?)a.Properties?["principalId"] == "[parameters('appPrincipalId')]")
            .ToList();
        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", (string?)a.Properties?["principalType"]));

        string[] RolesScopedTo(string resourceType) => assignments
            .Where(a => ((string?)a.Resource["scope"] ?? "").Contains(resourceType))
            .SelectMany(a => a.Literals()).ToArray();

        var onStorage = RolesScopedTo("Microsoft.Storage/storageAccounts");
        Assert.Contains(BlobDataOwner, onStorage);
        Assert.Contains(QueueDataContributor, onStorage);
        Assert.Contains(TableDataContributor, onStorage);
        Assert.Contains(KeyVaultSecretsUser, RolesScopedTo("Microsoft.KeyVault/vaults"));

        // Control-plane rights on the account would hand out its keys; data roles are enough.
        Assert.DoesNotContain(StorageAccountContributor, template.Text);

        // The roles are given to the identity the site runs as.
        var principal = template.ModuleParameters("roles")["appPrincipalId"]!["value"]!.ToString();
        Assert.Contains("'identity'", principal);
        Assert.Contains("outputs.principalId", principal);
        Assert.Contains("'identity'", template.ModuleParameters("functionapp")["identityId"]!["value"]!.ToString());
    }

    [Fact]
    public void Key_vault_is_in_rbac_mode_and_holds_both_secrets()
    {
        var vault = template.Single("Microsoft.KeyVault/vaults").Properties!.AsObject();
        Assert.True(Literal<bool>(vault, "enableRbacAuthorization"));
        Assert.False(vault.ContainsKey("accessPolicies") && vault["accessPolicies"]!.AsArray().Count > 0);

        var secretNames = template.OfType("Microsoft.KeyVault/vaults/secrets")
            .Select(s => (string)s.Resource["name"]!).ToList();
        Assert.Contains(secretNames, n => n.Contains("'humas-link-signing-key'"));
        Assert.Contains(secretNames, n => n.Contains("'humas-smtp-password'"));
    }

    [Fact]
    public void Secrets_are_secure_parameters_without_defaults()
    {
        var parameters = template.Root["parameters"]!.AsObject();
        foreach (var name in new[] { "linkSigningKey", "smtpPassword" })
        {
            var parameter = parameters[name]!.AsObject();
            Assert.Equal("securestring", (string?)parameter["type"]);
            Assert.False(parameter.ContainsKey("defaultValue"), $"{name} must have no default");
        }
    }

    [Fact]
    public void App_settings_read_secrets_through_key_vault_references()
    {
        var settings = AppSettings;
        Assert.StartsWith("[format('" + KeyVaultReference, (string?)settings["Humas__LinkSigningKey"]);
        Assert.StartsWith("[format('" + KeyVaultReference, (string?)settings["Humas__Smtp__Password"]);
        Assert.Contains("linkSigningKeySecretUri", (string?)settings["Humas__LinkSigningKey"]);
        Assert.Contains("smtpPasswordSecretUri", (string?)settings["Humas__Smtp__Password"]);
    }

    [Fact]
    public void App_settings_connect_to_storage_by_identity()
    {
        var settings = AppSettings;
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.False(string.IsNullOrEmpty((string?)settings["AzureWebJobsStorage__accountName"]));
        Assert.Equal("[parameters('identityClientId')]", (string?)settings["AzureWebJobsStorage__clientId"]);
        foreach (var service in new[] { "blob", "queue", "table" })
            Assert.True(settings.ContainsKey($"AzureWebJobsStorage__{service}ServiceUri"));
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "no storage connection string");
        Assert.Equal("true", (string?)settings["AzureWebJobsDisableHomepage"]);
        Assert.True(settings.ContainsKey("APPLICATIONINSIGHTS_CONNECTION_STRING"));
    }

    [Fact]
    public void App_settings_carry_the_humas_configuration()
    {
        var settings = AppSettings;
        string[] expected =
        [
            "Humas__Profile", "Humas__PublicBaseUrl", "Humas__LinkSigningKey",
            "Humas__Smtp__Host", "Humas__Smtp__Port", "Humas__Smtp__From", "Humas__Smtp__User", "Humas__Smtp__Password",
            "Humas__Workflow__ReviewTimeout", "Humas__Workflow__ApprovalTimeout", "Humas__Workflow__RevisionTimeout",
            "Humas__Workflow__ReminderAfter", "Humas__Workflow__EscalateAfter",
        ];
        Assert.All(expected, key => Assert.True(settings.ContainsKey(key), $"missing app setting {key}"));

        var parameters = template.Root["parameters"]!.AsObject();
        Assert.Equal("3.00:00:00", (string?)parameters["reviewTimeout"]!["defaultValue"]);
        Assert.All(new[] { "reviewTimeout", "approvalTimeout", "revisionTimeout", "reminderAfter", "escalateAfter" },
            p => Assert.True(TimeSpan.TryParse((string?)parameters[p]!["defaultValue"], out _), $"{p} default is not a TimeSpan"));
    }

    [Fact]
    public void Flex_consumption_refuses_settings_of_the_older_plans()
    {
        var settings = AppSettings;
        foreach (var key in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
                     "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING" })
            Assert.False(settings.ContainsKey(key), $"{key} is not allowed on Flex Consumption");
    }

    [Fact]
    public void No_account_key_or_connection_string_anywhere()
    {
        foreach (var needle in new[] { "listKeys", "AccountKey=", "DefaultEndpointsProtocol", "SharedAccessKey",
                     "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "\"AzureWebJobsStorage\"", "InstrumentationKey=" })
            Assert.DoesNotContain(needle, template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Outputs_give_azd_the_service_name()
    {
        var outputs = template.Root["outputs"]!.AsObject();
        Assert.True(outputs.ContainsKey("SERVICE_API_NAME"));
        Assert.True(outputs.ContainsKey("AZURE_KEY_VAULT_NAME"));
        Assert.DoesNotContain(outputs, o => o.Key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
                                            || o.Key.Contains("SIGNING", StringComparison.OrdinalIgnoreCase));
    }

    private static T Literal<T>(JsonObject properties, string name)
    {
        var node = properties[name];
        Assert.True(node is JsonValue, $"'{name}' is missing or not a plain value");
        Assert.True(node!.AsValue().TryGetValue<T>(out var value),
            $"'{name}' must be a literal {typeof(T).Name}, not {node.ToJsonString()}");
        return value!;
    }
}
