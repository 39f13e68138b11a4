namespace Humas.Workflow.Configuration;

/// <summary>Settings bound from the <c>Humas</c> section (app settings <c>Humas__...</c>).</summary>
public sealed class HumasOptions
{
    public const string Section = "Humas";

    /// <summary>Which unit profile to load (a file name under Profiles, without .json).</summary>
    public string Profile { get; set; } = "bbpmp-jateng";

    /// <summary>The base of every link in an email, e.g. https://humas.example.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Key for staff endpoints, sent as <c>x-functions-key</c>.</summary>
    public string? AdminKey { get; set; }

    /// <summary>True where the host itself guards staff endpoints (function keys or App Service authentication in Azure).</summary>
    public bool StaffGuardedByHost { get; set; }

    /// <summary>Base64 HMAC key for decision and tracking links.</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>Folder the local host keeps generated keys in.</summary>
    public string? DataDir { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
    public WorkflowOptions Workflow { get; set; } = new();
    public IntakeOptions Intake { get; set; } = new();
    public Publication.Channels.ChannelOptions Channels { get; set; } = new();

    /// <summary>Test-only crash points (<c>Humas__Faults__CrashAfter</c>); empty in every deployment.</summary>
    public Faults.FaultOptions Faults { get; set; } = new();

    /// <summary>Overrides of the profile's people by key: <c>Humas__People__reviewer=name@example</c>.</summary>
    public Dictionary<string, string> People { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2525;
    public string From { get; set; } = "humas@bbpmp-jateng.example";
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>Use STARTTLS when the server offers it; off for the local mailbox.</summary>
    public bool UseTls { get; set; }
}

public sealed class WorkflowOptions
{
    public TimeSpan ReviewTimeout { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan RevisionTimeout { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often the local host looks for workflows that failed or were terminated (Azure: a timer every 5 minutes).</summary>
    public TimeSpan FailureCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a tracking link stays valid.</summary>
    public TimeSpan TrackingLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Deadlines that differ by content type (<c>Humas__Workflow__ContentTypes__press-release__ReviewTimeout</c>):
    /// a press release goes out the same day, a feature article may take days.
    /// </summary>
    public Dictionary<string, WorkflowTimingOverride> ContentTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["press-release"] = new()
        {
            ReviewTimeout = TimeSpan.FromHours(4), ApprovalTimeout = TimeSpan.FromHours(4), RevisionTimeout = TimeSpan.FromHours(4),
            ReminderAfter = TimeSpan.FromHours(1), EscalateAfter = TimeSpan.FromHours(2),
        },
    };

    /// <summary>The durations a submission of this content type gets, fixed when its workflow starts.</summary>
    public Orchestration.WorkflowTimings TimingsFor(string contentType)
    {
        var o = ContentTypes.TryGetValue(contentType, out var found) ? found : new WorkflowTimingOverride();
        return new Orchestration.WorkflowTimings(
            o.ReviewTimeout ?? ReviewTimeout, o.ApprovalTimeout ?? ApprovalTimeout, o.RevisionTimeout ?? RevisionTimeout,
            o.ReminderAfter ?? ReminderAfter, o.EscalateAfter ?? EscalateAfter);
    }
}

public sealed class WorkflowTimingOverride
{
    public TimeSpan? ReviewTimeout { get; set; }
    public TimeSpan? ApprovalTimeout { get; set; }
    public TimeSpan? RevisionTimeout { get; set; }
    public TimeSpan? ReminderAfter { get; set; }
    public TimeSpan? EscalateAfter { get; set; }
}

public sealed class IntakeOptions
{
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;
    public int MaxFiles { get; set; } = 10;
    public int MaxFieldLength { get; set; } = 20_000;

    /// <summary>The largest file a browser may upload straight to Blob Storage through <c>POST /api/uploads</c>.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long an upload link can write; a slow upload asks for a fresh link for the same upload.</summary>
    public TimeSpan UploadLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an upload that no submission named is kept before the sweep removes it.</summary>
    public TimeSpan UploadRetention { get; set; } = TimeSpan.FromDays(1);
}
