using System.Text.Json;
using System.Text.Json.Serialization;
using Humas.Workflow.Profiles;
using Humas.Workflow.Tests.Support;
using Microsoft.DurableTask;

namespace Humas.Workflow.Tests.Targets;

/// <summary>An Azurite of the target tests' own, so that the year's counters hold only what these tests published.</summary>
[CollectionDefinition(Name)]
public sealed class TargetsCollection : ICollectionFixture<WorkflowFixture>
{
    public const string Name = "targets";
}

/// <summary>The built-in profile with its PDM-07 targets moved to the year under test, plus a programme added by configuration.</summary>
public static class TargetProfiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static UnitProfile ForYear(int year)
    {
        var unit = UnitProfileLoader.Load("bbpmp-jateng");
        var pdm07 = unit.Targets.First(s => s.Programme == "PDM-07") with { Year = year };
        var pdm03 = new TargetSet(year, "PDM-03",
        [
            new TargetItem("pdm03-webinar", "Webinar PDM-03", "PDM-03 webinars", 1, new TargetCounts(ContentType: "webinar", Program: "PDM-03")),
            new TargetItem("pdm03-website", "Konten PDM-03 di situs web", "PDM-03 content on the website", 4, new TargetCounts(Program: "PDM-03", Channel: "website")),
            new TargetItem("pdm03-instagram", "Konten di Instagram", "Content on Instagram", 4, new TargetCounts(Channel: "instagram")),
        ]);
        return unit with { Targets = [pdm07, pdm03] };
    }

    /// <summary>Writes the profile where <c>Humas:Profile</c> can name it.</summary>
    public static string WriteFile(UnitProfile unit)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("humas-profile-").FullName, unit.Id + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(unit, Json));
        return path;
    }
}

/// <summary>A clock standing at one moment: pace depends on the date.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>What an activity is told about its run when a test runs it directly, as the engine would.</summary>
public sealed class DirectActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;
    public override string InstanceId { get; } = instanceId;
}
