using System.Net;
using Humas.Integration.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Humas.Integration.Tests.Staff;

/// <summary>
/// The staff page in chromium against a real local host: filter the list, open a submission, change an approver;
/// the next submission's approval email goes to the new person. Its own Azurite, as it changes the unit's people.
/// </summary>
public sealed class StaffPageBrowserTests(SystemFixture fixture) : IClassFixture<SystemFixture>, IAsyncLifetime
{
    private const string OldApprover = "kabag.umum@bbpmp-jateng.example";
    private const string NewApprover = "budi.santoso@bbpmp-jateng.example";
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private RunningSystem system = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        system = await fixture.StartHostAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await system.DisposeAsync();
    }

    [Fact]
    public async Task Staff_filter_open_a_submission_and_move_the_approval_to_a_new_person()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var wanted = $"Rapat koordinasi {marker}";
        var (wantedId, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(wanted)));
        await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields($"Kegiatan lain {Guid.NewGuid():N}")));
        await system.WaitForStatusAsync(wantedId, "InReview");

        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(system.Host.BaseUrl + "/staff");
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await page.FillAsync("#key", system.Host.AdminKey);
        await page.FillAsync("#me", "Sari Humas");
        await page.ClickAsync("#key-form button[type=submit]");
        await Assertions.Expect(page.Locator("#list tbody tr")).Not.ToHaveCountAsync(0);

        // Filter: the title search and the status narrow the list to the one submission.
        await page.FillAsync("#f-q", marker);
        await page.SelectOptionAsync("#f-status", "InReview");
        await page.ClickAsync("#apply");
        var rows = page.Locator("#list tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(wanted);
        await Assertions.Expect(rows.First).ToContainTextAsync("Redaktur Humas");

        // Open it: its history, and the decision link still out.
        await rows.First.ClickAsync();
        await Assertions.Expect(page.Locator("#detail-title")).ToHaveTextAsync(wanted);
        await Assertions.Expect(page.Locator("#history li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#outstanding")).ToContainTextAsync("Redaktur Humas");

        // Change the internal track's approver (the Kabag Umum seat) to someone else.
        await page.ClickAsync("nav.tabs button[data-tab=people]");
        var approverEmail = page.Locator("input[name=email][data-key='kabag-umum']");
        await Assertions.Expect(approverEmail).ToHaveValueAsync(OldApprover);
        await page.Locator("tr:has(input[data-key='kabag-umum']) input[name=name]").FillAsync("Budi Santoso");
        await approverEmail.FillAsync("bukan email");
        await page.ClickAsync("#save-people");
        await Assertions.Expect(page.Locator(".field-error[data-for='people[2].email']")).Not.ToBeEmptyAsync();
        await approverEmail.FillAsync(NewApprover);
        await page.ClickAsync("#save-people");
        await Assertions.Expect(page.Locator("#people-log li").First).ToContainTextAsync($"kabag-umum.email: {OldApprover} -> {NewApprover}");
        await Assertions.Expect(page.Locator("#people-log li").First).ToContainTextAsync("Sari Humas");

        // The next submission's approval email goes to the new person, not the old one.
        var next = $"Sosialisasi mutu {Guid.NewGuid():N}"[..28];
        var (nextId, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(next)));
        var review = await system.MailAsync(Reviewer, next, "Mohon tinjau");
        using (var accepted = await system.DecideAsync(RunningSystem.LinkIn(review, "act"), "accept"))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var approval = await system.MailAsync(NewApprover, next, "Mohon persetujuan");
        Assert.Contains("Budi Santoso", approval.TextBody);
        Assert.DoesNotContain(system.Smtp.Messages, m => m.IsFor(OldApprover) && m.Subject.Contains(next));

        // The new approver's link works and the decision carries their name.
        using (var approved = await system.DecideAsync(RunningSystem.LinkIn(approval, "act"), "approve"))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        using var done = await system.WaitForStatusAsync(nextId, "Published");
        Assert.Contains(done.RootElement.GetProperty("history").EnumerateArray(),
            h => h.GetProperty("event").GetString() == "Approved" && h.GetProperty("actor").GetString() == "Budi Santoso");
    }
}
