using System.Text.Json;
using System.Text.Json.Serialization;

namespace Humas.Workflow.Profiles;

public static class UnitProfileLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<string> BuiltIn =>
        typeof(UnitProfileLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Humas.Profiles.", StringComparison.Ordinal))
            .Select(n => n["Humas.Profiles.".Length..^".json".Length])
            .ToList();

    /// <summary>Loads a built-in profile by name, or a JSON file when given a path, then applies people overrides.</summary>
    public static UnitProfile Load(string nameOrPath, IReadOnlyDictionary<string, string>? peopleOverrides = null)
    {
        using var stream = Open(nameOrPath);
        var profile = JsonSerializer.Deserialize<UnitProfile>(stream, Json)
                      ?? throw new InvalidOperationException($"Unit profile '{nameOrPath}' is empty.");
        // A bound that cannot be read fails the host at start, not a publication days later.
        _ = (profile.ChannelWaits.Bound(reconnect: true), profile.ChannelWaits.Bound(reconnect: false));
        return peopleOverrides is { Count: > 0 } ? WithPeople(profile, peopleOverrides) : profile;
    }

    private static Stream Open(string nameOrPath)
    {
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(nameOrPath))
            return File.OpenRead(nameOrPath);
        return typeof(UnitProfileLoader).Assembly.GetManifestResourceStream($"Humas.Profiles.{nameOrPath}.json")
               ?? throw new InvalidOperationException(
                   $"Unknown unit profile '{nameOrPath}'. Built in: {string.Join(", ", BuiltIn)}.");
    }

    // An override is an email ("x@y") or "Name <x@y>", so operators can move a role to someone else without editing JSON.
    private static UnitProfile WithPeople(UnitProfile profile, IReadOnlyDictionary<string, string> overrides)
    {
        var people = profile.People.Select(p =>
        {
            if (!overrides.TryGetValue(p.Key, out var value) || string.IsNullOrWhiteSpace(value)) return p;
            var open = value.IndexOf('<');
            return open > 0 && value.EndsWith('>')
                ? p with { Name = value[..open].Trim(), Email = value[(open + 1)..^1].Trim() }
                : p with { Email = value.Trim() };
        }).ToList();
        return profile with { People = people };
    }
}
