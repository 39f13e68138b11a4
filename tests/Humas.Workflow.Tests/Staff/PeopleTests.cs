using Humas.Workflow.Vocabulary;
using System.Text.Json;
using ClosedXML.Excel;
using Humas.Workflow.Decisions;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Staff;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Staff;

/// <summary>GET/PUT /api/people: validation, the change log, and deciders picked from the people as of now.</summary>
public sealed class PeopleTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>, IAsyncLifetime
{
    private WorkflowHost host = null!;
    private StaffServices staff = null!;

    public async Task InitializeAsync()
    {
        host = await WorkflowHost.StartAsync(fixture);
        staff = await StaffServices.StartAsync(fixture);
    }

    public async Task DisposeAsync()
    {
        await staff.DisposeAsync();
        await host.DisposeAsync();
    }

    private PeopleHandlers Handlers => staff.Services.GetRequiredService<PeopleHandlers>();

    private async Task<JsonDocument> GetPeopleAsync()
    {
        var response = await staff.CallAsync(Handlers.GetAsync);
        Assert.Equal(200, response.Status);
        return StaffServices.Json(response);
    }

    /// <summary>The settings as GET shows them, with one person's fields changed, as the page would send them.</summary>
    private static string Edited(JsonDocument current, string key, Func<Dictionary<string, object?>, Dictionary<string, object?>> edit, string by = "Sari (Humas)")
    {
        var root = current.RootElement;
        var people = root.GetProperty("people").EnumerateArray().Select(p =>
        {
            var d = JsonSerializer.Deserialize<Dictionary<string, object?>>(p.GetRawText())!;
            return d["key"]?.ToString() == key ? edit(d) : d;
        }).ToList();
        return JsonSerializer.Serialize(new
        {
            version = root.GetProperty("version").GetInt32(), changedBy = by, people,
            reviewers = root.GetProperty("reviewers"), approvers = root.GetProperty("approvers"), summaryRecipients = root.GetProperty("summaryRecipients"),
        });
    }

    [Theory]
    [InlineData("email", "bukan-email", "people[2].email")]
    [InlineData("email", "", "people[2].email")]
    [InlineData("backup", "kabag-umum", "people[2].backup")]
    [InlineData("backup", "tidak-ada", "people[2].backup")]
    [InlineData("name", " ", "people[2].name")]
    public async Task A_change_it_cannot_use_is_refused_naming_the_field_and_stores_nothing(string field, string value, string problem)
    {
        using var before = await GetPeopleAsync();
        var body = Edited(before, "kabag-umum", d => { d[field] = value; return d; });
        var response = await staff.CallAsync(Handlers.PutAsync, method: "PUT", json: body);
        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        using var json = StaffServices.Json(response);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(problem, out _), JsonSerializer.Serialize(json.RootElement));
        using var after = await GetPeopleAsync();
        Assert.Equal(before.RootElement.GetProperty("version").GetInt32(), after.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_backup_with_the_same_email_is_not_someone_else()
    {
        using var before = await GetPeopleAsync();
        var approver = before.RootElement.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "kabag-umum");
        var body = Edited(before, "kabag-umum-backup", d => { d["email"] = approver.GetProperty("email").GetString()!.ToUpperInvariant(); return d; });
        var response = await staff.CallAsync(Handlers.PutAsync, method: "PUT", json: body);
        using var json = StaffServices.Json(response);
        Assert.Equal(400, response.Status);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("people[2].backup", out _), JsonSerializer.Serialize(json.RootElement));
    }

    [Fact]
    public async Task Unknown_keys_in_the_routes_and_a_stale_version_are_refused()
    {
        using var before = await GetPeopleAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(Edited(before, "x", d => d))!;
        body["reviewers"] = new[] { "ghost" };
        var response = await staff.CallAsync(Handlers.PutAsync, method: "PUT", json: JsonSerializer.Serialize(body));
        Assert.Equal(400, response.Status);
        using (var json = StaffServices.Json(response))
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("reviewers", out _));

        body = JsonSerializer.Deserialize<Dictionary<string, object?>>(Edited(before, "x", d => d))!;
        body["version"] = 99;
        Assert.Equal(409, (await staff.CallAsync(Handlers.PutAsync, method: "PUT", json: JsonSerializer.Serialize(body))).Status);
        Assert.Equal(415, (await staff.CallAsync(Handlers.PutAsync, method: "PUT")).Status);
    }

    [Fact]
    public async Task A_new_approver_gets_the_next_approval_and_a_link_sent_before_still_names_the_one_who_received_it()
    {
        // A submission already waiting for approval: its link went to the current Kabag Umum.
        var first = WorkflowHost.Content();
        var before = await host.SubmitAsync(first);
        await host.WaitForStageAsync(before, Stage.Review, 1);
        await host.DecideAsync(before, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(before, Stage.Approval, 1);
        await fixture.Smtp.WaitForMessageAsync(m => m.IsFor("kabag.umum@bbpmp-jateng.example") && m.Subject.Contains(first.Title), TimeSpan.FromSeconds(20));

        using var current = await GetPeopleAsync();
        var body = Edited(current, "kabag-umum", d =>
        {
            d["name"] = "Budi Santoso";
            d["email"] = "budi.santoso@bbpmp-jateng.example";
            return d;
        });
        var response = await staff.CallAsync(Handlers.PutAsync, method: "PUT", json: body);
        Assert.True(response.Status == 200, System.Text.Encoding.UTF8.GetString(response.Body));
        using (var saved = StaffServices.Json(response))
        {
            var change = saved.RootElement.GetProperty("changes")[0];
            Assert.Equal("Sari (Humas)", change.GetProperty("by").GetString());
            Assert.Contains(change.GetProperty("changes").EnumerateArray(), c => c.GetString() == "kabag-umum.email: kabag.umum@bbpmp-jateng.example -> budi.santoso@bbpmp-jateng.example");
        }

        // The next submission's approval goes to the new person; the one already waiting keeps its approver.
        var second = WorkflowHost.Content();
        var after = await host.SubmitAsync(second);
        await host.WaitForStageAsync(after, Stage.Review, 1);
        await host.DecideAsync(after, Stage.Review, 1, DecisionValues.Accept);
        var waiting = await host.WaitForStageAsync(after, Stage.Approval, 1);
        Assert.Equal(["Budi Santoso"], waiting.WaitingFor);
        await fixture.Smtp.WaitForMessageAsync(m => m.IsFor("budi.santoso@bbpmp-jateng.example") && m.Subject.Contains(second.Title), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.IsFor("kabag.umum@bbpmp-jateng.example") && m.Subject.Contains(second.Title));
        Assert.Equal(["Kepala Bagian Umum"], (await host.Store.GetAsync(before))!.WaitingFor);

        // A link sent before the change is still the old approver's.
        var people = staff.Services.GetRequiredService<UnitPeople>();
        Assert.Equal("Kepala Bagian Umum", (await people.ResolveAsync("kabag-umum", "kabag.umum@bbpmp-jateng.example"))!.Name);
        Assert.Equal("Budi Santoso", (await people.ResolveAsync("kabag-umum", "budi.santoso@bbpmp-jateng.example"))!.Name);
    }
}

/// <summary>The weekly summary goes to the recipients staff set last.</summary>
public sealed class SummaryRecipientTests(StaffFixture fixture) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task A_changed_list_of_summary_recipients_gets_the_next_summary()
    {
        var services = fixture.Staff.Services;
        var people = services.GetRequiredService<UnitPeople>();
        var state = await people.GetAsync();
        await people.ChangeAsync(state.Settings with { SummaryRecipients = ["humas-team", "pimpinan.baru@example.org"] }, "Sari", state.Version);

        var run = await services.GetRequiredService<Summaries.WeeklySummary>().RunNowAsync();
        Assert.Equal(["humas@bbpmp-jateng.example", "pimpinan.baru@example.org"], run.Recipients);
        await fixture.Workflow.Smtp.WaitForMessageAsync(m => m.IsFor("pimpinan.baru@example.org"), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(fixture.Workflow.Smtp.Messages, m => m.IsFor("kepala@bbpmp-jateng.example"));
    }
}

/// <summary>The filtered list as CSV and XLSX.</summary>
public sealed class ExportTests(StaffFixture fixture) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task The_filtered_list_downloads_as_csv_and_xlsx_with_WIB_times()
    {
        var staff = fixture.Staff;
        var created = new DateTimeOffset(2025, 3, 3, 20, 15, 0, TimeSpan.Zero); // 03:15 WIB on 4 March
        await staff.AddAsync("=HYPERLINK(\"http://x\") ekspor, \"kutip\"", created, c => c with { ContentType = "podcast" });
        await staff.AddAsync("Bukan podcast", created.AddMinutes(5));
        var handler = staff.Services.GetRequiredService<StaffHandlers>();

        var csv = await staff.CallAsync(h => handler.ExportAsync(h, "csv"), "contentType=podcast");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.ContentType);
        var text = System.Text.Encoding.UTF8.GetString(csv.Body);
        Assert.StartsWith("\uFEFFID,", text);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") ekspor, \"\"kutip\"\"\"", lines[1]);
        Assert.Contains("2025-03-04 03:15", lines[1]);
        Assert.Contains(",Podcast,", lines[1]);
        Assert.DoesNotContain(",podcast,", lines[1]);
        Assert.DoesNotContain("Bukan podcast", text);

        var xlsx = await staff.CallAsync(h => handler.ExportAsync(h, "xlsx"), "contentType=podcast");
        Assert.Equal(200, xlsx.Status);
        using var book = new XLWorkbook(new MemoryStream(xlsx.Body));
        var sheet = book.Worksheet(1);
        Assert.Equal("ID", sheet.Cell(1, 1).GetString());
        Assert.Equal("=HYPERLINK(\"http://x\") ekspor, \"kutip\"", sheet.Cell(2, 2).GetString());
        Assert.False(sheet.Cell(2, 2).HasFormula);
        Assert.Equal("2025-03-04 03:15", sheet.Cell(2, 13).GetString());
        Assert.Equal("Podcast", sheet.Cell(2, 8).GetString());
        Assert.Equal(Terms.Status(Humas.Workflow.Submissions.SubmissionStatus.Submitted).Both, sheet.Cell(2, 3).GetString());
        Assert.True(sheet.Cell(3, 1).IsEmpty());

        var bad = await staff.CallAsync(h => handler.ExportAsync(h, "pdf"), "");
        Assert.Equal(400, bad.Status);
        using var problem = StaffServices.Json(bad);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("format", out _));
    }
}
