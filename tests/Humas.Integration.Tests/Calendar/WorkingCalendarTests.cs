using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Calendar;
using Humas.Workflow.Profiles;

namespace Humas.Integration.Tests.Calendar;

/// <summary>The working calendar through the local host: a closed day added by staff, then a deadline that skips it.</summary>
[Collection(SystemCollection.Name)]
public sealed class WorkingCalendarTests(SystemFixture fixture) : IAsyncLifetime
{
    private RunningSystem system = null!;
    private string profile = null!;

    public async Task InitializeAsync()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "functions", "Humas.Workflow", "Profiles", "bbpmp-jateng.json")))!;
        // A unit of its own in the shared storage account: the day added here closes no other test's office.
        json["id"] = "working-calendar-it";
        profile = Path.Combine(Directory.CreateTempSubdirectory("humas-profile-").FullName, "working-calendar.json");
        await File.WriteAllTextAsync(profile, json.ToJsonString());
        system = await fixture.StartHostAsync(new Dictionary<string, string?>
        {
            ["Humas__Profile"] = profile,
            ["Humas__Workflow__ReviewTimeout"] = "1wd",
        });
    }

    public async Task DisposeAsync() => await system.DisposeAsync();

    [Fact]
    public async Task A_closed_day_added_by_staff_is_skipped_by_the_next_deadline()
    {
        var calendar = UnitProfileLoader.Load(profile).WorkingCalendar();
        using var view = JsonDocument.Parse(await system.Host.AdminHttp.GetStringAsync("/api/working-calendar"));
        var days = view.RootElement.GetProperty("holidays").EnumerateArray()
            .Select(h => new Holiday(DateOnly.Parse(h.GetProperty("date").GetString()!), h.GetProperty("name").GetString()!)).ToList();

        // The day one working day from now would end on is closed now.
        var closed = calendar.DateOf(calendar.Add(DateTimeOffset.UtcNow, WorkingDuration.Days(1)));
        var put = new JsonObject
        {
            ["version"] = view.RootElement.GetProperty("version").GetInt32(), ["changedBy"] = "Sari (Humas)",
            ["holidays"] = new JsonArray([.. days.Select(d => new JsonObject { ["date"] = d.Date.ToString("yyyy-MM-dd"), ["name"] = d.Name }),
                new JsonObject { ["date"] = closed.ToString("yyyy-MM-dd"), ["name"] = "Libur tambahan" }]),
        };
        using var response = await system.Host.AdminHttp.PutAsync("/api/working-calendar",
            new StringContent(put.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var saved = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(saved.RootElement.GetProperty("holidays").EnumerateArray(), h => h.GetProperty("date").GetString() == closed.ToString("yyyy-MM-dd"));

        var withClosed = calendar.WithHolidays([.. days, new Holiday(closed, "Libur tambahan")]);
        var before = DateTimeOffset.UtcNow;
        var (id, tracking) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields("Berita " + Guid.NewGuid().ToString("N")[..8])));
        var after = DateTimeOffset.UtcNow;
        (await system.WaitForStatusAsync(id, "InReview")).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, tracking);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var track = await system.Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, track.StatusCode);
        using var json = JsonDocument.Parse(await track.Content.ReadAsStringAsync());
        var deadline = json.RootElement.GetProperty("deadline").GetDateTimeOffset();

        Assert.Contains(deadline, new[] { withClosed.Add(before, WorkingDuration.Days(1)), withClosed.Add(after, WorkingDuration.Days(1)) });
        Assert.True(calendar.DateOf(deadline) > closed, $"{deadline:O} does not skip {closed}");
        Assert.Equal(withClosed.Open(calendar.DateOf(deadline)).Closes, deadline); // at the close of the working day
    }
}
