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
    /// <summary>How long a tracking link stays valid.</summary>
    public TimeSpan TrackingLinkLifetime { get; set; } = TimeSpan.FromDays(365);
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
