using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.History;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Tests.Publication;
using Humas.Workflow.Tests.Replay;

namespace Humas.Integration.Tests.Replay;

/// <summary>
/// Drives a real local host to each wait of the workflow and keeps the instance's rows of the History table as a
/// replay fixture. With HUMAS_RECORD_HISTORIES=folder (relative to the repository) it writes the fixtures of a new
/// workflow version there; without it, into a temporary folder. Either way every history must stop at its wait and
/// replay on this build's orchestrators.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class HistoryRecordingTests(SystemFixture fixture)
{
    public const string TargetVariable = "HUMAS_RECORD_HISTORIES";

    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Kabag = "kabag.umum@bbpmp-jateng.example";
    private const string Pdm07 = "ketua.pdm07@bbpmp-jateng.example";
    private const string Head = "kepala@bbpmp-jateng.example";
    private const string Submitter = "ani@example.org";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Where an instance stands when it waits, or once it has ended (its last action ExecutionCompleted): the activities
    /// it called (the engine keeps no activity inputs in the history, so their names and order tell the stages apart),
    /// the events that reached it, its last action and the timers its last run created (null where channels answering
    /// in either order may leave a last run without actions).
    /// </summary>
    private sealed record Wait(string Name, string[] Activities, string[] Raised, EventType LastAction, int? LastRunTimers, bool AfterFailure = false)
    {
        public bool Ends => LastAction == EventType.ExecutionCompleted;
    }

    private const string Assign = "AssignDeciders", Request = "RequestDecision", Record = "RecordTransition", Response = "RecordResponse";
    private const string Plan = "PlanPublication", Channel = "PublishToChannel", Keep = "RecordPublication", Count = "CountPublication";
    private const string Create = "CreateInstagramContainer", Check = "CheckInstagramContainer", Publish = "PublishInstagramContainer";
    private const string IgUser = "17841400000000001", IgToken = "EAAG-recorder-token";

    // Review and approval wait on expiry, reminder and escalation (their deciders have backups); a revision on its expiry.
    private static readonly Wait Review = new("review", [Assign, Request], [], EventType.TimerCreated, 3);
    private static readonly Wait Revision = new("revision", [Assign, Request, Record, Assign, Request], ["Review-1"], EventType.TimerCreated, 1);
    private static readonly Wait Approval = new("approval", [Assign, Request, Record, Assign, Request], ["Review-1"], EventType.TimerCreated, 3);
    // Under "all" the first answer is recorded and the stage keeps waiting on the timers it already has.
    private static readonly Wait AllMidway = new("approval-all-midway",
        [Assign, Request, Record, Assign, Request, Response], ["Review-1", "Approval-1"], EventType.TaskScheduled, 0);
    // The second approver of the sequence (the head) has no backup: expiry and reminder only.
    private static readonly Wait SequenceMidway = new("approval-sequence-midway",
        [Assign, Request, Record, Assign, Request, Response, Request], ["Review-1", "Approval-1"], EventType.TimerCreated, 2);
    private static readonly Wait Scheduled = new("scheduled",
        [Assign, Request, Record, Assign, Request, Record, Record], ["Review-1", "Approval-1"], EventType.TimerCreated, 1);
    // The office's feed is the only channel; its activity fails and waits on the retry policy's timer.
    private static readonly Wait PublicationRetry = new("publication-retry",
        [Assign, Request, Record, Assign, Request, Record, Record, Plan, Channel], ["Review-1", "Approval-1"], EventType.TimerCreated, 1, AfterFailure: true);

    private static readonly string[] Approved = [Assign, Request, Record, Assign, Request, Record, Record, Plan, Channel];
    // A video on Instagram beside the feed: one look says in progress, and the first pause (10 minutes here) is the wait.
    private static readonly Wait InstagramWait = new("publication-instagram-wait",
        [.. Approved, Create, Check], ["Review-1", "Approval-1"], EventType.TimerCreated, null);
    // The stub's video is processed after two looks in progress: two pauses (1 s, 2 s), then published.
    private static readonly Wait Published = new("published",
        [.. Approved, Create, Check, Check, Check, Publish, Keep, Count, Record], ["Review-1", "Approval-1"], EventType.ExecutionCompleted, 0);
    // Instagram refuses the container; the feed still publishes, so the submission is Published.
    private static readonly Wait ChannelFailed = new("published-channel-failed",
        [.. Approved, Create, Keep, Count, Record], ["Review-1", "Approval-1"], EventType.ExecutionCompleted, 0);
    // The admin's retry of that channel (RetryPublication), with the same two pauses.
    private static readonly Wait StaffRetry = new("staff-channel-retry",
        [Create, Check, Check, Check, Publish, Keep], [], EventType.ExecutionCompleted, 0);

    // Version 4: the reviewer hands the seat to the head; the stage waits on, for the head, on the timers it has.
    private static readonly Wait HandedOn = new("review-handed-on", [Assign, Request, "HandOnDecision"], ["Review-1"], EventType.TaskScheduled, 0);
    // Since version 5: Instagram's publishing limit is reached, so the channel's Waiting record is kept and its timer (the
    // holder's step, 10 minutes) is the wait.
    private static readonly Wait RateLimitWait = new("publication-rate-limit-wait",
        [.. Approved, Create, "RecordChannelWait"], ["Review-1", "Approval-1"], EventType.TimerCreated, null);

    /// <summary>
    /// Since version 3 a stage's deadline is planned by an activity right before its deciders are asked. Since version 6
    /// activities that always run together are one: a stage's assignment, plan and request (a later decider of a sequence:
    /// plan and request) are OpenStage, the Publishing row and the plan StartPublication, the records, the count and the
    /// close FinishPublication.
    /// </summary>
    private static string[] OfCurrentVersion(string[] activities)
    {
        var version = Humas.Workflow.Orchestration.WorkflowVersions.Current;
        if (version < 3) return activities;
        var planned = activities.SelectMany(a => a == Request ? new[] { "PlanDeadline", a } : [a]).ToArray();
        if (version < 6) return planned;
        var merged = string.Join(",", planned);
        foreach (var (apart, one) in new[]
                 {
                     ($"{Assign},PlanDeadline,{Request}", "OpenStage"), ($"PlanDeadline,{Request}", "OpenStage"),
                     ($"{Record},{Plan}", "StartPublication"), ($"{Keep},{Count},{Record}", "FinishPublication"),
                 })
            merged = Regex.Replace(merged, $"(?<=^|,){apart}(?=,|$)", one);
        return merged.Split(',');
    }

    [Fact]
    public async Task HistoryRecording_stops_an_instance_at_every_wait_and_each_history_replays()
    {
        var target = Environment.GetEnvironmentVariable(TargetVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(Path.Combine(RepoPaths.Root, folder))
            : Directory.CreateTempSubdirectory("humas-histories-").FullName;
        Directory.CreateDirectory(target);

        using var instagram = new InstagramStub(IgUser, IgToken);
        var tables = new TableServiceClient(fixture.Azurite.ConnectionString);
        var profile = ProfileWithPolicies();
        async Task<Recorder> StartAsync(TimeSpan firstPause)
        {
            var hub = "replay" + Guid.NewGuid().ToString("N")[..10];
            var system = await fixture.StartHostAsync(new Dictionary<string, string?>
            {
                ["Humas__TaskHub"] = hub,
                ["Humas__Profile"] = profile,
                ["Humas__Channels__Instagram__GraphBaseUrl"] = instagram.Url,
                ["Humas__Channels__Instagram__ApiVersion"] = InstagramStub.Version,
                ["Humas__Channels__Instagram__UserId"] = IgUser,
                ["Humas__Channels__Instagram__AccessToken"] = IgToken,
                ["Humas__Channels__Instagram__RefreshUrl"] = instagram.Url + "/refresh_access_token",
                ["Humas__Channels__Instagram__StatusPollInterval"] = firstPause.ToString("c", CultureInfo.InvariantCulture),
                ["Humas__Channels__RateLimitStep"] = firstPause.ToString("c", CultureInfo.InvariantCulture),
            });
            return new Recorder(system, tables.GetTableClient(hub + "History"), tables.GetTableClient(hub + "Instances"), instagram);
        }
        // Instagram's pauses are short on one host, so that publications end; the other holds its instance at the first.
        await using var recorder = await StartAsync(TimeSpan.FromSeconds(1));
        await using var holder = await StartAsync(TimeSpan.FromMinutes(10));

        var recorded = (await Task.WhenAll(
            recorder.ReviewAsync(), recorder.RevisionAsync(), recorder.ApprovalAsync(),
            recorder.AllMidwayAsync(), recorder.SequenceMidwayAsync(), recorder.ScheduledAsync(),
            recorder.PublishedAsync(), holder.InstagramWaitAsync())).ToList();
        if (Humas.Workflow.Orchestration.WorkflowVersions.Current >= 4) recorded.Add(await recorder.HandedOnAsync());
        // Alone, because the stub refuses the next container whoever asks for it.
        recorded.AddRange(await recorder.ChannelFailedAndRetriedAsync());
        // Alone too, because the stub's limit is the account's, whichever host posts.
        if (Humas.Workflow.Orchestration.WorkflowVersions.Current >= 5) recorded.Add(await holder.RateLimitWaitAsync());
        // Last, because it breaks publication on purpose.
        recorded.Add(await recorder.PublicationRetryAsync(tables));

        foreach (var (wait, rows) in recorded)
        {
            var path = Path.Combine(target, wait.Name + ".json");
            HistoryRows.Save(path, rows);
            var fixtureName = $"{Path.GetFileName(target)}/{wait.Name}.json";
            var report = HistoryReplayer.Replay(fixtureName, HistoryRows.Load(path));
            Assert.True(report.Passed, report.Failure);
        }
        Assert.Equal(RecordedWaits.Names.Order(), recorded.Select(r => r.Wait.Name).Order());
    }

    /// <summary>The default unit with approval by content type: articles by all of two approvers, videos by two in sequence.</summary>
    private static string ProfileWithPolicies()
    {
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", "Humas.Workflow", "Profiles", "bbpmp-jateng.json")))!;
        profile["approvalByContentType"] = new JsonObject
        {
            ["article"] = new JsonObject { ["deciders"] = new JsonArray("kabag-umum", "pdm07-lead"), ["policy"] = "all" },
            ["video"] = new JsonObject { ["deciders"] = new JsonArray("kabag-umum", "head"), ["policy"] = "sequence" },
        };
        var path = Path.Combine(Directory.CreateTempSubdirectory("humas-profile-").FullName, "policies.json");
        File.WriteAllText(path, profile.ToJsonString());
        return path;
    }

    /// <summary>Drives one local host, and stops it when disposed.</summary>
    private sealed class Recorder(RunningSystem system, TableClient history, TableClient instances, InstagramStub instagram) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => system.DisposeAsync();

        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> ReviewAsync()
        {
            var (id, title) = await SubmitAsync("Rapat koordinasi");
            await MailAsync(Reviewer, title, "Mohon tinjau");
            return (Review, await StoppedAtAsync(id, Review));
        }

        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> HandedOnAsync()
        {
            var (id, title) = await SubmitAsync("Kunjungan kerja ke sekolah");
            var response = await system.HandOnAsync(RunningSystem.LinkIn(await MailAsync(Reviewer, title, "Mohon tinjau"), "act"), "head", "Sedang dinas luar");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"hand-on: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await MailAsync("kepala@bbpmp-jateng.example", title, "Diserahkan oleh");
            return (HandedOn, await StoppedAtAsync(id, HandedOn));
        }

        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> RevisionAsync()
        {
            var (id, title) = await SubmitAsync("Sosialisasi rapor pendidikan");
            await DecideAsync(await MailAsync(Reviewer, title, "Mohon tinjau"), "revise", "Lengkapi nama narasumber");
            await MailAsync(Submitter, title, "Mohon revisi");
            return (Revision, await StoppedAtAsync(id, Revision));
        }

        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> ApprovalAsync()
        {
            var (id, title) = await SubmitAsync("Pendampingan sekolah penggerak");
            await DecideAsync(await MailAsync(Reviewer, title, "Mohon tinjau"), "accept");
            await MailAsync(Kabag, title, "Mohon persetujuan");
            return (Approval, await StoppedAtAsync(id, Approval));
        }

        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> AllMidwayAsync()
        {
            var (id, title) = await SubmitAsync("Artikel praktik baik", contentType: "article");
            await DecideAsync(await MailAsync(Reviewer, title, "Mohon tinjau"), "accept");
            await MailAsync(Pdm07, title, "Mohon persetujuan");
            await DecideAsync(await MailAsync(Kabag, title, "Mohon persetujuan"), "approve");
            return (AllMidway, await StoppedAtAsync(id, AllMidway));
        }

        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> SequenceMidwayAsync()
        {
            var (id, title) = await SubmitAsync("Video profil balai", contentType: "video");
            await DecideAsync(await MailAsync(Reviewer, title, "Mohon tinjau"), "accept");
            await DecideAsync(await MailAsync(Kabag, title, "Mohon persetujuan"), "approve");
            await MailAsync(Head, title, "Mohon persetujuan");
            return (SequenceMidway, await StoppedAtAsync(id, SequenceMidway));
        }

        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> ScheduledAsync()
        {
            var publishAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(30);
            var (id, title) = await SubmitAsync("Hari guru nasional", publishAt: publishAt);
            await DecideAsync(await MailAsync(Reviewer, title, "Mohon tinjau"), "accept");
            await DecideAsync(await MailAsync(Kabag, title, "Mohon persetujuan"), "approve");
            await system.WaitForStatusAsync(id, "Scheduled", 90);
            return (Scheduled, await StoppedAtAsync(id, Scheduled));
        }

        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> InstagramWaitAsync()
        {
            var id = await ApprovedAsync("Video kegiatan literasi", "website,instagram", Video());
            return (InstagramWait, await StoppedAtAsync(id, InstagramWait));
        }

        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> PublishedAsync()
        {
            var id = await ApprovedAsync("Liputan gelar karya", "website,instagram", Video());
            await system.WaitForStatusAsync(id, "Published", 90);
            return (Published, await StoppedAtAsync(id, Published));
        }

        /// <summary>Instagram refuses the container (400), the submission is published on the feed; then an admin retries Instagram.</summary>
        public async Task<IReadOnlyList<(Wait Wait, IReadOnlyList<TableEntity> Rows)>> ChannelFailedAndRetriedAsync()
        {
            instagram.Fail("POST", $"/{IgUser}/media", 400);
            var id = await ApprovedAsync("Pameran pendidikan", "website,instagram", Video());
            await system.WaitForStatusAsync(id, "Published", 90);
            var failed = await StoppedAtAsync(id, ChannelFailed);

            using var response = await system.Host.AdminHttp.PostAsync($"/api/submissions/{id}/publications/instagram/retry", null);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"retry: {(int)response.StatusCode} {body}");
            var retry = JsonNode.Parse(body)!["instanceId"]!.ToString();
            return [(ChannelFailed, failed), (StaffRetry, await StoppedAtAsync(retry, StaffRetry))];
        }

        /// <summary>Instagram's publishing limit is reached (quota_usage = quota_total): the post waits for the window.</summary>
        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> RateLimitWaitAsync()
        {
            instagram.QuotaUsage = instagram.QuotaTotal;
            try
            {
                var id = await ApprovedAsync("Foto kegiatan literasi", "website,instagram", Video());
                return (RateLimitWait, await StoppedAtAsync(id, RateLimitWait));
            }
            finally
            {
                instagram.QuotaUsage = 0;
            }
        }

        /// <summary>
        /// A real failure of the feed's publication activity: the feed's table is gone when the approval arrives, so the
        /// website publication throws and the orchestrator's retry policy waits on a durable timer. The host is killed
        /// at that wait, so the instance stays there.
        /// </summary>
        public async Task<(Wait Wait, IReadOnlyList<TableEntity> Rows)> PublicationRetryAsync(TableServiceClient tables)
        {
            var (id, title) = await SubmitAsync("Liputan festival literasi");
            await DecideAsync(await MailAsync(Reviewer, title, "Mohon tinjau"), "accept");
            var approval = await MailAsync(Kabag, title, "Mohon persetujuan");
            await tables.DeleteTableAsync(Workflow.Storage.HumasStorage.PublishedTable);
            await DecideAsync(approval, "approve");
            var rows = await StoppedAtAsync(id, PublicationRetry, killAtWait: true);
            Assert.True(system.Host.HasExited, "The host was to be killed at the retry's wait.");
            return (PublicationRetry, rows);
        }

        private async Task<(string Id, string Title)> SubmitAsync(string subject, string contentType = "news", DateTimeOffset? publishAt = null,
            string? channels = null, params (string Name, string Type, byte[] Bytes)[] files)
        {
            var title = $"{subject} {Guid.NewGuid().ToString("N")[..8]}";
            var fields = RunningSystem.Fields(title);
            fields["contentType"] = contentType;
            if (channels is not null) fields["channels"] = channels;
            if (publishAt is { } at) fields["publishAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            var (id, _) = await system.SubmitAsync(RunningSystem.Form(fields, files));
            return (id, title);
        }

        /// <summary>A news item on these channels, accepted and approved through the mailed links.</summary>
        private async Task<string> ApprovedAsync(string subject, string channels, params (string Name, string Type, byte[] Bytes)[] files)
        {
            var (id, title) = await SubmitAsync(subject, channels: channels, files: files);
            await DecideAsync(await MailAsync(Reviewer, title, "Mohon tinjau"), "accept");
            await DecideAsync(await MailAsync(Kabag, title, "Mohon persetujuan"), "approve");
            return id;
        }

        /// <summary>A small MP4: its ftyp box is what the intake looks for.</summary>
        private static (string Name, string Type, byte[] Bytes) Video()
        {
            var bytes = new byte[16_384];
            System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
            new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m' }.CopyTo(bytes, 0);
            return ("liputan.mp4", "video/mp4", bytes);
        }

        private Task<ReceivedMail> MailAsync(string to, string title, string subjectPart) => system.MailAsync(to, title, subjectPart, 90);

        private async Task DecideAsync(ReceivedMail mail, string decision, string? comment = null)
        {
            var response = await system.DecideAsync(RunningSystem.LinkIn(mail, "act"), decision, comment);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{decision} on {mail.Subject}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        /// <summary>
        /// The instance's rows once it has reached the wait: the last episode is complete, every activity it called has
        /// answered, the expected activity and action come last, the engine says Running, and the rows hold still.
        /// </summary>
        private async Task<IReadOnlyList<TableEntity>> StoppedAtAsync(string id, Wait wait, bool killAtWait = false)
        {
            var until = DateTime.UtcNow + StopTimeout;
            IReadOnlyList<TableEntity> rows = [];
            string why = "no rows yet";
            var stableSince = -1;
            while (DateTime.UtcNow < until)
            {
                rows = await RowsAsync(id);
                why = WhyNotAt(HistoryEvents.FromRows(rows), wait) ?? await WhyNotInAsync(id, wait.Ends ? "Completed" : "Running") ?? "";
                if (why.Length == 0)
                {
                    if (killAtWait)
                    {
                        // A retry timer fires within seconds; the kill keeps the instance at this wait for good.
                        system.Host.KillHard();
                        rows = await RowsAsync(id);
                        why = WhyNotAt(HistoryEvents.FromRows(rows), wait) ?? "";
                        break;
                    }
                    if (stableSince == rows.Count) break;
                    stableSince = rows.Count;
                    await Task.Delay(1000);
                    continue;
                }
                stableSince = -1;
                await Task.Delay(250);
            }
            Assert.True(why.Length == 0, $"{wait.Name}: {id} did not stop at its wait within {StopTimeout.TotalSeconds} s: {why}. Events: " +
                string.Join(", ", HistoryEvents.FromRows(rows).Select(Short)) + $"\nHost log:\n{system.Host.LogTail()}");
            Assert.All(rows, r => Assert.Empty(HistoryEvents.BlobNames(r)));
            return rows;
        }

        private async Task<IReadOnlyList<TableEntity>> RowsAsync(string id)
        {
            var rows = new List<TableEntity>();
            await foreach (var row in history.QueryAsync<TableEntity>(e => e.PartitionKey == id)) rows.Add(row);
            return HistoryRows.InRowKeyOrder(rows);
        }

        private async Task<string?> WhyNotInAsync(string id, string expected)
        {
            var instance = await instances.GetEntityIfExistsAsync<TableEntity>(id, "");
            var status = instance.HasValue ? instance.Value!.GetString("RuntimeStatus") : null;
            return status == expected ? null : $"the instance is {status ?? "not there"}";
        }

        private static string? WhyNotAt(IReadOnlyList<HistoryEvent> events, Wait wait)
        {
            if (events.Count == 0) return "no history";
            if (events[^1].EventType != EventType.OrchestratorCompleted) return $"the last event is {events[^1].EventType}";
            var answered = events.Select(e => e switch { TaskCompletedEvent c => c.TaskScheduledId, TaskFailedEvent f => f.TaskScheduledId, _ => -1 }).ToHashSet();
            var scheduled = events.OfType<TaskScheduledEvent>().ToList();
            if (scheduled.FirstOrDefault(t => !answered.Contains(t.EventId)) is { } open) return $"{Short(open)} has not answered";
            var names = scheduled.Select(t => t.Name ?? "").ToList();
            // Should a retry have gone out before the kill, the instance waits on the next retry's timer: the same wait.
            var activities = OfCurrentVersion(wait.Activities);
            while (wait.AfterFailure && names.Count > activities.Length && names[^1] == names[^2]) names.RemoveAt(names.Count - 1);
            if (!names.SequenceEqual(activities)) return $"the activities are {string.Join(", ", names)}";
            var raised = events.OfType<EventRaisedEvent>().Select(r => r.Name).ToList();
            if (!raised.SequenceEqual(wait.Raised)) return $"the events raised are {string.Join(", ", raised)}";
            var lastAction = events.Last(Episode.IsAction);
            if (lastAction.EventType != wait.LastAction) return $"the last action is {Short(lastAction)}, not {wait.LastAction}";
            var lastRun = Episode.Split(events)[^1];
            var timers = lastRun.Actions.Count(a => a.EventType == EventType.TimerCreated);
            if (wait.LastRunTimers is { } expected && timers != expected) return $"the last run created {timers} timers, not {expected}";
            var failedLast = lastRun.Incoming.OfType<TaskFailedEvent>().Any(f => f.TaskScheduledId == scheduled[^1].EventId);
            if (wait.AfterFailure != failedLast) return wait.AfterFailure ? $"the last run did not follow a failure of {Short(scheduled[^1])}" : "an activity failed";
            return null;
        }

        private static string Short(HistoryEvent e) => e switch
        {
            TaskScheduledEvent t => $"#{t.EventId} TaskScheduled {t.Name}",
            TaskCompletedEvent c => $"TaskCompleted({c.TaskScheduledId})",
            TaskFailedEvent f => $"TaskFailed({f.TaskScheduledId})",
            TimerCreatedEvent t => $"#{t.EventId} TimerCreated",
            TimerFiredEvent t => $"TimerFired({t.TimerId})",
            EventRaisedEvent r => $"EventRaised {r.Name}",
            _ => e.EventType.ToString(),
        };
    }
}
