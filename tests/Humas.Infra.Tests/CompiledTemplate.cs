using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Humas.Infra.Tests;

/// <summary>infra/main.bicep compiled to ARM JSON once, with every resource of every nested module.</summary>
public sealed partial class CompiledTemplate
{
    public CompiledTemplate()
    {
        var result = Repo.Bicep("build", Path.Combine(Repo.Infra, "main.bicep"), "--stdout");
        Assert.True(result.ExitCode == 0, $"bicep build failed ({result.ExitCode}):\n{result.StdErr}");
        Text = result.StdOut;
        Root = JsonNode.Parse(Text)!.AsObject();
        Resources = [.. Walk(Root, module: null)];
    }

    /// <summary>The whole compiled template as text, for checks that nothing appears anywhere.</summary>
    public string Text { get; }

    public JsonObject Root { get; }

    public IReadOnlyList<Deployed> Resources { get; }

    /// <summary>A resource together with the (nested) template it sits in, whose variables it may use.</summary>
    public sealed record Deployed(JsonObject Resource, JsonObject Template, string? Module)
    {
        public string Type => (string)Resource["type"]!;
        public JsonNode? Properties => Resource["properties"];

        /// <summary>Properties with <c>variables('x')</c> replaced by the variable's value where the whole value is one.</summary>
        public JsonObject ResolvedProperties()
        {
            var node = Properties;
            if (node is JsonValue value && value.TryGetValue<string>(out var expression))
            {
                // e.g. [union(parameters('additionalAppSettings'), variables('appSettings'))]: the last one wins.
                var merged = new JsonObject();
                foreach (Match m in VariableReference().Matches(expression))
                {
                    if (Template["variables"]?[m.Groups[1].Value] is JsonObject part)
                        foreach (var (key, v) in part) merged[key] = v?.DeepClone();
                }
                return merged;
            }
            return node?.AsObject() ?? new JsonObject();
        }

        /// <summary>The literal strings this resource uses, directly or through the variables it names.</summary>
        public IEnumerable<string> Literals()
        {
            var own = Strings(Resource).ToList();
            foreach (var s in own) yield return s;
            foreach (Match m in own.SelectMany(s => VariableReference().Matches(s)))
            {
                var variable = Template["variables"]?[m.Groups[1].Value];
                if (variable is not null)
                    foreach (var s in Strings(variable)) yield return s;
            }
        }

        private static IEnumerable<string> Strings(JsonNode node) => node switch
        {
            JsonObject o => o.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
            JsonArray a => a.SelectMany(e => e is null ? [] : Strings(e)),
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            _ => [],
        };
    }

    public IEnumerable<Deployed> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public Deployed Single(string type)
    {
        var found = OfType(type).ToList();
        Assert.True(found.Count == 1, $"expected one {type}, found {found.Count}");
        return found[0];
    }

    /// <summary>The parameters main.bicep passes to one of its modules.</summary>
    public JsonObject ModuleParameters(string module) =>
        OfType("Microsoft.Resources/deployments").Single(d => (string?)d.Resource["name"] == module)
            .Resource["properties"]!["parameters"]!.AsObject();

    private static IEnumerable<Deployed> Walk(JsonObject template, string? module)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject map => map.Select(p => p.Value),
            _ => [],
        };
        foreach (var node in resources.OfType<JsonObject>())
        {
            if (node["existing"] is JsonValue existing && existing.TryGetValue<bool>(out var isExisting) && isExisting)
                continue;
            yield return new Deployed(node, template, module);
            if ((string?)node["type"] == "Microsoft.Resources/deployments" &&
                node["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested, (string?)node["name"])) yield return inner;
            }
        }
    }

    [GeneratedRegex(@"variables\('([A-Za-z0-9_]+)'\)")]
    private static partial Regex VariableReference();
}
