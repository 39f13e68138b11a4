using System.Text.Json.Nodes;

namespace Humas.Infra.Tests;

public sealed class BicepLintTests
{
    private static List<string> Files() =>
        [.. Directory.EnumerateFiles(Repo.Infra, "*.bicep", SearchOption.AllDirectories).Order()
            .Select(f => Path.GetRelativePath(Repo.Infra, f))];

    public static TheoryData<string> BicepFiles() => new(Files());

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lints_without_errors(string file)
    {
        var result = Repo.Bicep("lint", Path.Combine(Repo.Infra, file));
        var output = result.StdOut + result.StdErr;
        Assert.True(result.ExitCode == 0 && !output.Contains(" : Error "), $"bicep lint {file}:\n{output}");
    }

    [Fact]
    public void There_are_modules_to_lint() =>
        Assert.True(Files().Count >= 5, "expected main.bicep and its modules");

    [Fact]
    public void Recent_api_versions_rule_is_not_an_error()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Infra, "bicepconfig.json")))!;
        var level = (string?)config["analyzers"]?["core"]?["rules"]?["use-recent-api-versions"]?["level"];
        Assert.NotEqual("error", level);
    }
}
