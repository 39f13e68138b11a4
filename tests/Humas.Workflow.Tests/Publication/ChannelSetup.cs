using System.Security.Cryptography;
using Humas.Workflow.Intake;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Publication;

/// <summary>The three channel stubs, the settings that point the adapters at them, and submissions with real media blobs.</summary>
public sealed class ChannelSetup : IDisposable
{
    public const string WpUser = "humas";
    public const string WpPassword = "abcd EFGH ijkl MNOP qrst UVWX";
    public const string IgUser = "17841400000000001";
    /// <summary>Each setup its own token: a refreshed token is kept in storage the tests share, for the token it came from.</summary>
    public string IgToken { get; } = "EAAG-test-token-" + Guid.NewGuid().ToString("N")[..12];

    public WordPressStub WordPress { get; } = new(WpUser, WpPassword);
    public YouTubeStub YouTube { get; } = new("client-id.apps.googleusercontent.com", "client-secret", "1//refresh-token");
    public InstagramStub Instagram { get; }

    public ChannelSetup() => Instagram = new(IgUser, IgToken);

    public Dictionary<string, string?> Settings(bool configured = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Humas:Channels:RetryDelay"] = "00:00:00.050",
            ["Humas:Channels:MaxRetryAttempts"] = "3",
            ["Humas:Channels:Instagram:StatusPollInterval"] = "00:00:00.020",
        };
        if (!configured) return settings;
        settings["Humas:Channels:WordPress:BaseUrl"] = WordPress.Url;
        settings["Humas:Channels:WordPress:User"] = WpUser;
        settings["Humas:Channels:WordPress:AppPassword"] = WpPassword;
        settings["Humas:Channels:YouTube:ApiBaseUrl"] = YouTube.Url;
        settings["Humas:Channels:YouTube:TokenUrl"] = YouTube.Url + "/token";
        settings["Humas:Channels:YouTube:ClientId"] = "client-id.apps.googleusercontent.com";
        settings["Humas:Channels:YouTube:ClientSecret"] = "client-secret";
        settings["Humas:Channels:YouTube:RefreshToken"] = "1//refresh-token";
        settings["Humas:Channels:YouTube:PrivacyStatus"] = "unlisted";
        settings["Humas:Channels:YouTube:TitlePrefix"] = "BBPMP Jateng | ";
        settings["Humas:Channels:YouTube:DescriptionFooter"] = "Humas BBPMP Jawa Tengah";
        settings["Humas:Channels:Instagram:GraphBaseUrl"] = Instagram.Url;
        settings["Humas:Channels:Instagram:ApiVersion"] = InstagramStub.Version;
        settings["Humas:Channels:Instagram:UserId"] = IgUser;
        settings["Humas:Channels:Instagram:AccessToken"] = IgToken;
        settings["Humas:Channels:Instagram:RefreshUrl"] = Instagram.Url + "/refresh_access_token";
        return settings;
    }

    /// <summary>The workflow's services without the engine, for calling the channels and the activity directly.</summary>
    public async Task<ServiceProvider> ServicesAsync(WorkflowFixture fixture, IDictionary<string, string?>? extra = null, TimeProvider? clock = null)
    {
        var settings = Settings();
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        var configuration = WorkflowHost.Settings(fixture, settings);
        var collection = new ServiceCollection().AddLogging().AddHumasWorkflow(configuration);
        if (clock is not null) collection.AddSingleton(clock);
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<HumasStorage>().EnsureCreatedAsync();
        return services;
    }

    public static SubmissionContent Content(string[] channels, string track = "internal", bool priority = false) =>
        WorkflowHost.Content(track: track) with
        {
            Channels = channels, PriorityProgram = priority,
            Body = "Paragraf pertama.\n\nParagraf kedua <dengan> tanda.",
        };

    public static (string Name, string Type, byte[] Bytes) Jpeg(string name = "kegiatan.jpg", int size = 40_000) =>
        (name, "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, .. RandomNumberGenerator.GetBytes(size)]);

    public static (string Name, string Type, byte[] Bytes) Mp4(string name = "liputan.mp4", int size = 300_000) =>
        (name, "video/mp4", [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', .. RandomNumberGenerator.GetBytes(size)]);

    /// <summary>Stores a submission as intake would: media blobs first, then the record.</summary>
    public static async Task<Submission> StoreAsync(IServiceProvider services, SubmissionContent content,
        params (string Name, string Type, byte[] Bytes)[] files)
    {
        var now = DateTimeOffset.UtcNow;
        var id = SubmissionIds.New(now);
        var media = services.GetRequiredService<MediaStore>();
        var items = new List<MediaItem>();
        for (var i = 0; i < files.Length; i++)
        {
            var blob = MediaStore.BlobName(id, i, files[i].Name);
            await media.UploadAsync(blob, new MemoryStream(files[i].Bytes), files[i].Type, CancellationToken.None);
            var image = files[i].Type.StartsWith("image/", StringComparison.Ordinal);
            items.Add(new MediaItem(files[i].Name, files[i].Type, files[i].Bytes.Length, blob,
                Alt: image ? $"Peserta lokakarya berdiskusi, gambar nomor {i + 1}" : null, Caption: image ? "Foto: Tim Humas" : null, Minors: false));
        }
        var s = new Submission
        {
            Id = id, Content = content, Media = items, Status = SubmissionStatus.Submitted, CreatedAt = now, UpdatedAt = now,
        };
        await services.GetRequiredService<SubmissionStore>().SaveAsync(s,
            new HistoryEntry { Step = 0, At = now, Status = SubmissionStatus.Submitted, Event = HistoryEvent.Submitted });
        return s;
    }

    /// <summary>The first file with a transcript and a WebVTT file beside it, as intake keeps them.</summary>
    public static async Task<Submission> WithCaptionsAsync(IServiceProvider services, Submission s, string? vtt, string? transcript)
    {
        var first = s.Media[0];
        string? blob = null;
        if (vtt is not null)
        {
            blob = Humas.Workflow.Intake.MediaTextRules.CaptionsBlob(first.BlobName, "vtt");
            await services.GetRequiredService<MediaStore>().UploadAsync(blob, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(vtt)), "text/vtt", CancellationToken.None);
        }
        var changed = s with { Media = [first with { Transcript = transcript, Captions = blob }, .. s.Media.Skip(1)] };
        await services.GetRequiredService<SubmissionStore>().SaveAsync(changed,
            new HistoryEntry { Step = 1, At = DateTimeOffset.UtcNow, Status = SubmissionStatus.Submitted, Event = HistoryEvent.Submitted });
        return changed;
    }

    public void Dispose()
    {
        WordPress.Dispose();
        YouTube.Dispose();
        Instagram.Dispose();
    }
}
