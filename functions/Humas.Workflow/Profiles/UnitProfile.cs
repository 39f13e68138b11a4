using System.Text.Json;
using System.Text.Json.Serialization;

namespace Humas.Workflow.Profiles;

/// <summary>One deployment's unit: its regions, teams, people, approval routes and targets.</summary>
public sealed record UnitProfile
{
    public required string Id { get; init; }
    public required string UnitName { get; init; }
    public required string ShortName { get; init; }
    public required string Province { get; init; }
    public string TimeZone { get; init; } = "Asia/Jakarta";
    public required IReadOnlyList<Region> Regions { get; init; }
    public required IReadOnlyList<Team> Teams { get; init; }
    public required IReadOnlyList<string> Channels { get; init; }
    public required IReadOnlyList<Person> People { get; init; }
    public required DecisionRoute Review { get; init; }
    public required IReadOnlyList<Track> Tracks { get; init; }
    public IReadOnlyList<string> SummaryRecipients { get; init; } = [];
    public IReadOnlyList<TargetSet> Targets { get; init; } = [];
    /// <summary>Partner media that receive press releases (channel media-partner).</summary>
    public IReadOnlyList<MediaPartner> Partners { get; init; } = [];

    /// <summary>Approval routes that override the track's for a content type (a press release, say).</summary>
    public IReadOnlyDictionary<string, DecisionRoute> ApprovalByContentType { get; init; } = new Dictionary<string, DecisionRoute>();

    /// <summary>The hints under the form's fields that name this unit's tracks and programmes.</summary>
    public FormHints FormHints { get; init; } = new();

    /// <summary>Who decides when four-eyes leaves a stage with nobody else (the head of the unit).</summary>
    public string? FallbackDecider { get; init; }

    public Person PersonByKey(string key) =>
        People.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"Unit profile '{Id}' has no person '{key}'.");

    /// <summary>The approval route for a submission: its content type's own route, else its track's.</summary>
    public DecisionRoute ApprovalRoute(string track, string contentType) =>
        ApprovalByContentType.TryGetValue(contentType, out var route)
            ? route
            : (TrackById(track) ?? throw new InvalidOperationException($"Unit profile '{Id}' has no track '{track}'.")).Approval;

    public Person? PersonByKeyOrNull(string? key) =>
        key is null ? null : People.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

    public Track? TrackById(string id) =>
        Tracks.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    public Region? RegionByCode(string code) =>
        Regions.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    public Team? TeamById(string id) =>
        Teams.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
}

public sealed record Region(string Code, string Name);

public sealed record Team(string Id, string Name);

/// <summary>Someone in the unit; <paramref name="Backup"/> is the key of their Plt/Plh.</summary>
public sealed record Person(string Key, string Name, string Title, string Email, string? Backup = null);

/// <summary>A newsroom the office sends press releases to; scope is local or national.</summary>
public sealed record MediaPartner(string Name, string Email, string Scope);

/// <summary>Who decides a stage and how their answers combine.</summary>
public sealed record DecisionRoute
{
    public required IReadOnlyList<string> Deciders { get; init; }
    public DecisionPolicy Policy { get; init; } = DecisionPolicy.Any;
}

/// <summary>Any one decider's answer counts, all must approve, or they approve one after another.</summary>
public enum DecisionPolicy
{
    Any,
    All,
    Sequence,
}

public sealed record Track(string Id, string Name, DecisionRoute Approval);

public sealed record TargetSet(int Year, string Programme, IReadOnlyList<TargetItem> Items);

public sealed record TargetItem(string Id, string Name, string? NameEn, int Target, TargetCounts Counts);

/// <summary>
/// What counts toward a target. <c>Source</c> is where the count comes from: published content (the default),
/// the community register (<c>communities</c>) or items carried by partner media (<c>partner-media</c>, optionally
/// of one <c>Scope</c>, local or national). Every condition given must hold.
/// </summary>
public sealed record TargetCounts(
    string? ContentType = null, bool? PriorityProgram = null, string? Program = null, string? Channel = null,
    string? Source = null, string? Scope = null);

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
