using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Humas.Infra.Tests;

/// <summary>The azd parameter file and the per-unit files fit main.bicep and carry no secrets.</summary>
public sealed partial class ParameterFileTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private static readonly string[] SecureParameters = ["linkSigningKey", "smtpPassword"];

    private static List<string> Units() =>
        [.. Directory.EnumerateFiles(Path.Combine(Repo.Infra, "units"), "*.parameters.json").Order().Select(f => Path.GetFileName(f))];

    public static TheoryData<string> UnitFiles() => new(Units());

    private JsonObject TemplateParameters => template.Root["parameters"]!.AsObject();

    private static JsonObject Parameters(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["parameters"]!.AsObject();

    [Fact]
    public void Azd_parameters_read_the_environment()
    {
        var parameters = Parameters(Path.Combine(Repo.Infra, "main.parameters.json"));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)parameters["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)parameters["location"]!["value"]);
        Assert.Equal("${HUMAS_PROFILE=bbpmp-jateng}", (string?)parameters["profile"]!["value"]);

        foreach (var (name, _) in parameters)
            Assert.True(TemplateParameters.ContainsKey(name), $"main.parameters.json sets unknown parameter '{name}'");

        // Secrets only ever come from the azd environment, never from the file.
        foreach (var name in SecureParameters)
            Assert.Matches(EnvironmentReference(), (string?)parameters[name]?["value"] ?? "");
    }

    [Theory]
    [MemberData(nameof(UnitFiles))]
    public void Unit_file_deploys_a_known_profile_from_parameters_alone(string file)
    {
        var parameters = Parameters(Path.Combine(Repo.Infra, "units", file));
        foreach (var (name, _) in parameters)
            Assert.True(TemplateParameters.ContainsKey(name), $"{file} sets unknown parameter '{name}'");

        var profile = (string?)parameters["profile"]?["value"];
        Assert.Equal(file.Replace(".parameters.json", ""), profile);
        Assert.True(File.Exists(Path.Combine(Repo.Profiles, profile + ".json")), $"no profile {profile}.json");

        // Everything required is there, except the secrets given at deployment time.
        var required = TemplateParameters.Where(p => !p.Value!.AsObject().ContainsKey("defaultValue")).Select(p => p.Key);
        foreach (var name in required.Except(SecureParameters))
            Assert.True(parameters.ContainsKey(name), $"{file} lacks required parameter '{name}'");
        foreach (var name in SecureParameters)
            Assert.False(parameters.ContainsKey(name), $"{file} must not hold the secret '{name}'");
    }

    [Fact]
    public void Profile_parameter_allows_exactly_the_built_in_profiles()
    {
        var allowed = TemplateParameters["profile"]!["allowedValues"]!.AsArray().Select(v => (string)v!).Order();
        var profiles = Directory.EnumerateFiles(Repo.Profiles, "*.json").Select(Path.GetFileNameWithoutExtension).Order();
        Assert.Equal(profiles, allowed);
        Assert.Equal(Units().Count, allowed.Count());
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_service_api()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "azure.yaml")).Select(l => l.TrimEnd()).ToList();
        var api = lines.IndexOf("  api:");
        Assert.True(api > 0 && lines[api - 1] == "services:", "azure.yaml needs a service 'api' under services");
        var service = lines.Skip(api + 1).TakeWhile(l => l.StartsWith("    ")).Select(l => l.Trim()).ToList();
        Assert.Contains("language: dotnet", service);
        Assert.Contains("host: function", service);
        var project = service.Single(l => l.StartsWith("project:"))["project:".Length..].Trim();
        Assert.Equal("./functions/Humas.Functions", project);
        Assert.True(File.Exists(Path.Combine(Repo.Root, project, "Humas.Functions.csproj")));
    }

    [GeneratedRegex(@"^\$\{[A-Z0-9_]+\}$")]
    private static partial Regex EnvironmentReference();
}
