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

    /// <summary>The ring of link keys, each <c>id:base64key</c>; the first signs, all verify (<c>Humas__LinkSigningKeys__0</c>, ...).</summary>
    public List<string> LinkSigningKeys { get; set; } = [];

    /// <summary>Folder the local host keeps generated keys in.</summary>
    public string? DataDir { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
    public WorkflowOptions Workflow { get; set; } = new();
    public IntakeOptions Intake { get; set; } = new();
    public ChannelOptions Channels { get; set; } = new();

    /// <summary>Test-only crash points (<c>Humas__Faults__CrashAfter</c>); empty in every deployment.</summary>
    public FaultOptions Faults { get; set; } = new();

    /// <summary>Overrides of the profile's people by key: <c>Humas__People__reviewer=name@example</c>.</summary>
    public Dictionary<string, string> People { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
