using System.Text.Json;
using Humas.Workflow.Holidays;
using Humas.Workflow.Tests.Staff;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Calendar;

/// <summary>GET/PUT /api/working-calendar: validation naming the field, nothing stored on a refusal, the version and the change log.</summary>
public sealed class WorkingCalendarApiTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>, IAsyncLifetime
{
    private StaffServices staff = null!;

    public async Task InitializeAsync() => staff = await StaffServices.StartAsync(fixture);

    public async Task DisposeAsync() => await staff.DisposeAsync();

    private WorkingCalendarHandlers Handlers => staff.Services.GetRequiredService<WorkingCalendarHandlers>();

    private async Task<JsonDocument> GetAsync()
    {
        var response = await staff.CallAsync(Handlers.GetAsync);
        Assert.Equal(200, response.Status);
        return StaffServices.Json(response);
    }

    private static string Body(int version, IEnumerable<object> holidays, string by = "Sari (Humas)") =>
        JsonSerializer.Serialize(new { version, changedBy = by, holidays });

    private static List<object> Holidays(JsonDocument view) =>
        view.RootElement.GetProperty("holidays").EnumerateArray()
            .Select(h => (object)new { date = h.GetProperty("date").GetString(), name = h.GetProperty("name").GetString() }).ToList();

    [Fact]
    public async Task It_shows_the_profiles_hours_and_the_closed_days()
    {
        using var view = await GetAsync();
        var root = view.RootElement;
        Assert.Equal("Asia/Jakarta", root.GetProperty("timeZone").GetString());
        Assert.Contains(root.GetProperty("holidays").EnumerateArray(),
            h => h.GetProperty("date").GetString() == "2026-12-25" && h.GetProperty("name").GetString()!.Contains("Natal"));
        Assert.Contains(root.GetProperty("hours").EnumerateArray(), h => h.GetProperty("closes").GetString() == "16:30");
    }

    [Theory]
    [InlineData("2026-02-30", "Hari", "holidays[1].date")]
    [InlineData("25-12-2026", "Hari", "holidays[1].date")]
    [InlineData("1999-12-31", "Hari", "holidays[1].date")]
    [InlineData("2101-01-01", "Hari", "holidays[1].date")]
    [InlineData("2026-12-25", "Hari", "holidays[1].date")] // the same date as holidays[0]
    [InlineData("2026-12-28", " ", "holidays[1].name")]
    [InlineData("2026-12-28", "Libur\nBcc: x@y", "holidays[1].name")]
    public async Task A_list_it_cannot_use_is_refused_naming_the_field_and_stores_nothing(string date, string name, string field)
    {
        using var before = await GetAsync();
        var body = Body(before.RootElement.GetProperty("version").GetInt32(),
            [new { date = "2026-12-25", name = "Hari Raya Natal" }, new { date, name }]);
        var response = await staff.CallAsync(Handlers.PutAsync, method: "PUT", json: body);
        Assert.Equal(400, response.Status);
        using var json = StaffServices.Json(response);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _), JsonSerializer.Serialize(json.RootElement));
        using var after = await GetAsync();
        Assert.Equal(before.RootElement.GetProperty("version").GetInt32(), after.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(JsonSerializer.Serialize(Holidays(before)), JsonSerializer.Serialize(Holidays(after)));
    }

    [Fact]
    public async Task A_day_added_is_kept_logged_and_used_by_the_calendar_and_a_stale_version_is_refused()
    {
        using var before = await GetAsync();
        var version = before.RootElement.GetProperty("version").GetInt32();
        var days = Holidays(before);
        days.Add(new { date = "2026-12-28", name = "Libur tambahan akhir tahun" });
        var response = await staff.CallAsync(Handlers.PutAsync, method: "PUT", json: Body(version, days));
        Assert.Equal(200, response.Status);
        using var saved = StaffServices.Json(response);
        Assert.Equal(version + 1, saved.RootElement.GetProperty("version").GetInt32());
        Assert.Contains(saved.RootElement.GetProperty("changes")[0].GetProperty("changes").EnumerateArray(),
            c => c.GetString() == "+ 2026-12-28: Libur tambahan akhir tahun");

        var calendar = await staff.Services.GetRequiredService<UnitCalendar>().CurrentAsync();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 29)));

        var stale = await staff.CallAsync(Handlers.PutAsync, method: "PUT", json: Body(version, days));
        Assert.Equal(409, stale.Status);
        using var conflict = StaffServices.Json(stale);
        Assert.True(conflict.RootElement.GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_is_named_where_it_is()
    {
        var response = await staff.CallAsync(Handlers.PutAsync, method: "PUT", json: """{"version":0,"changedBy":"Sari","holidays":[{"date":20261225,"name":"x"}]}""");
        Assert.Equal(400, response.Status);
        using var json = StaffServices.Json(response);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("holidays[0].date", out _), JsonSerializer.Serialize(json.RootElement));
    }
}
