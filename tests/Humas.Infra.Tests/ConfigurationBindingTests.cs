using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Humas.Workflow;
using Humas.Workflow.Configuration;
using Humas.Workflow.Links;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Humas.Infra.Tests;

/// <summary>
/// The app's configuration, built from exactly the app settings the Bicep deploys (identity-based storage,
/// Key Vault references as the platform resolves them), binds for both units.
/// </summary>
public sealed class ConfigurationBindingTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private const string Account = "sthumasunit";
    private static readonly string ClientId = Guid.NewGuid().ToString();

    private JsonObject DeployedSettings =>
        template.OfType("Microsoft.Web/sites/config").Single(c => ((string)c.Resource["name"]!).Contains("'appsettings'")).ResolvedProperties();

    public static TheoryData<string> Units => new() { "bbpmp-jateng", "bbgp-jatim" };

    /// <summary>What the platform hands the app for each deployed setting, given one unit's parameter file.</summary>
    private Dictionary<string, string?> SettingsFor(string unit)
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Infra, "units", $"{unit}.parameters.json")))!["parameters"]!;
        string Parameter(string name) => parameters[name]?["value"]?.ToString() ?? "";
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__accountName"] = Account,
            ["AzureWebJobsStorage__clientId"] = ClientId,
            ["AzureWebJobsStorage__blobServiceUri"] = $"https://{Account}.blob.core.windows.net/",
            ["AzureWebJobsStorage__queueServiceUri"] = $"https://{Account}.queue.core.windows.net/",
            ["AzureWebJobsStorage__tableServiceUri"] = $"https://{Account}.table.core.windows.net/",
            ["Humas__Profile"] = Parameter("profile"),
            ["Humas__PublicBaseUrl"] = $"https://func-{unit}.azurewebsites.net",
            ["Humas__LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Humas__Smtp__Host"] = Parameter("smtpHost"),
            ["Humas__Smtp__Port"] = Parameter("smtpPort"),
            ["Humas__Smtp__UseTls"] = Parameter("smtpUseTls"),
            ["Humas__Smtp__From"] = Parameter("smtpFrom"),
            ["Humas__Smtp__User"] = Parameter("smtpUser"),
            ["Humas__Smtp__Password"] = "resolved-from-key-vault",
            ["Humas__Workflow__ReviewTimeout"] = Parameter("reviewTimeout"),
            ["Humas__Workflow__ApprovalTimeout"] = Parameter("approvalTimeout"),
            ["Humas__Workflow__RevisionTimeout"] = Parameter("revisionTimeout"),
            ["Humas__Workflow__ReminderAfter"] = Parameter("reminderAfter"),
            ["Humas__Workflow__EscalateAfter"] = Parameter("escalateAfter"),
        };
        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in DeployedSettings)
        {
            var text = value?.ToString() ?? "";
            // Literals pass through as deployed; expressions get the value the deployment would give them.
            settings[key] = text.StartsWith('[') || text.Length == 0 ? values.GetValueOrDefault(key) ?? "" : text;
        }
        return settings;
    }

    /// <summary>App settings reach .NET configuration as environment variables: "__" separates sections.</summary>
    private static IConfiguration Build(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(kv => kv.Key.Replace("__", ":"), kv => kv.Value)).Build();

    [Theory]
    [MemberData(nameof(Units))]
    public void The_deployed_settings_bind_to_identity_based_storage_and_the_unit_profile(string unit)
    {
        var settings = SettingsFor(unit);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);

        var services = new ServiceCollection().AddLogging().AddHumasWorkflow(Build(settings)).BuildServiceProvider();
        var storage = services.GetRequiredService<HumasStorage>();
        Assert.Equal($"https://{Account}.blob.core.windows.net/", storage.Blobs.Uri.ToString());
        Assert.Equal(Account, storage.Blobs.AccountName);
        Assert.Equal($"https://{Account}.table.core.windows.net/", storage.Tables.Uri.ToString());

        var options = services.GetRequiredService<IOptions<HumasOptions>>().Value;
        Assert.Equal(587, options.Smtp.Port);
        Assert.True(options.Smtp.UseTls);
        Assert.Equal(TimeSpan.FromDays(3), options.Workflow.ReviewTimeout);
        Assert.True(options.Workflow.ReminderAfter.Plain < options.Workflow.EscalateAfter.Plain);
        Assert.Equal(unit, services.GetRequiredService<UnitProfile>().Id);
        Assert.NotNull(services.GetRequiredService<LinkSigner>());
    }

    [Fact]
    public void Without_any_storage_setting_the_app_says_what_is_missing()
    {
        var settings = SettingsFor("bbpmp-jateng").Where(kv => !kv.Key.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        var services = new ServiceCollection().AddLogging().AddHumasWorkflow(Build(settings)).BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<HumasStorage>());
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message);
    }
}
