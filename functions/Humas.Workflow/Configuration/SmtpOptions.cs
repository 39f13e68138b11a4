namespace Humas.Workflow.Configuration;

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
