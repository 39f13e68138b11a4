using System.Text.Json;
using Humas.Workflow.Orchestration;

namespace Humas.Infra.Tests;

/// <summary>host.json's Durable versioning must name the workflow version this release starts instances on.</summary>
public sealed class HostSettingsTests
{
    private static JsonElement DurableTask()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "host.json")));
        return doc.RootElement.GetProperty("extensions").GetProperty("durableTask").Clone();
    }

    [Fact]
    public void The_default_orchestration_version_is_the_current_workflow_version()
    {
        var durable = DurableTask();
        Assert.Equal(WorkflowVersions.Current.ToString(System.Globalization.CultureInfo.InvariantCulture), durable.GetProperty("defaultVersion").GetString());
        // An older worker must leave a newer instance to a newer worker instead of failing it.
        Assert.Equal("CurrentOrOlder", durable.GetProperty("versionMatchStrategy").GetString());
        Assert.Equal("Reject", durable.GetProperty("versionFailureStrategy").GetString());
    }
}
