using Humas.Workflow.Calendar;

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

    /// <summary>Office hours and closed days, for deadlines in working time (docs/working-calendar.md).</summary>
    public OfficeCalendar Calendar { get; init; } = new();

    /// <summary>The calendar's arithmetic with the profile's own closed days (staff keep theirs in storage).</summary>
    public WorkingCalendar WorkingCalendar() => new(Calendar, TimeZones.Find(TimeZone));
    /// <summary>Optional yearly reach targets (followers, subscribers...), followed against their pace like the content targets.</summary>
    public IReadOnlyList<ReachTarget> ReachTargets { get; init; } = [];

    /// <summary>What the deciders check before a content type passes review and approval, by content type.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ChecklistItem>> Checklists { get; init; } = new Dictionary<string, IReadOnlyList<ChecklistItem>>();

    /// <summary>How submissions sent before the gates existed pass them.</summary>
    public OlderSubmissionRule OlderSubmissions { get; init; } = OlderSubmissionRule.Publish;

    /// <summary>How long a publication waits on a channel to be reconnected or for its limit to free.</summary>
    public ChannelWaits ChannelWaits { get; init; } = new();

    /// <summary>How the targets count an item that is taken down after it was published.</summary>
    public TakedownCounting Takedown { get; init; } = TakedownCounting.KeepCounted;

    public IReadOnlyList<ChecklistItem> ChecklistFor(string contentType) =>
        Checklists.TryGetValue(contentType, out var items) ? items : [];

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
