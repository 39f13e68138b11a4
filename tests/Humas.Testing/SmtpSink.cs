using System.Net;
using netDumbster.smtp;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>An SMTP server inside the test process that keeps every message it is sent.</summary>
public sealed class SmtpSink : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const string FlushSubject = "humas-smtp-sink-flush-";

    private readonly SimpleSmtpServer server;
    private readonly List<ReceivedMail> messages = [];
    private readonly List<string> failures = [];
    private readonly HashSet<string> flushes = [];

    public SmtpSink()
    {
        Port = FreePorts.Next();
        server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(Port).Build();
        server.MessageReceived += OnMessageReceived;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Each message as it is kept, on the SMTP session's thread (a handler must not block), for a caller that cannot afford polling delays.</summary>
    public event Action<ReceivedMail>? Received;

    /// <summary>Every message received so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (messages)
            {
                return [.. messages];
            }
        }
    }

    /// <summary>Waits for a message (already received or still to come) that matches.</summary>
    public async Task<ReceivedMail> WaitForMessageAsync(Func<ReceivedMail, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        (await WaitForMessagesAsync(match, 1, timeout, cancellationToken))[0];

    /// <summary>Waits until at least <paramref name="count"/> messages match; returns them in order of arrival.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(
        Func<ReceivedMail, bool> match, int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Messages.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(
                    $"Expected {count} matching message(s) within {timeout}, found {found.Count}. Received: {Describe()}");
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Sends a mail of the sink's own, over a new connection, and waits until it is kept. A mail whose send has already
    /// returned can still be on the session's thread on its way into <see cref="Messages"/>; one sent after it, through
    /// a whole new SMTP conversation, is kept after it. A test that asserts a mail was not sent (or was sent once) after
    /// the work that could send it has ended flushes first. The sink's own mail is not among <see cref="Messages"/>.
    /// </summary>
    public async Task FlushAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var subject = FlushSubject + Guid.NewGuid().ToString("N");
        using (var client = new MailKit.Net.Smtp.SmtpClient())
        {
            await client.ConnectAsync(Host, Port, MailKit.Security.SecureSocketOptions.None, cancellationToken);
            var mail = new MimeKit.MimeMessage { Subject = subject, Body = new MimeKit.TextPart("plain") { Text = "flush" } };
            mail.From.Add(MimeKit.MailboxAddress.Parse("sink@localhost"));
            mail.To.Add(MimeKit.MailboxAddress.Parse("sink@localhost"));
            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        var wait = timeout ?? TimeSpan.FromSeconds(10);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            lock (messages)
            {
                if (flushes.Remove(subject)) return;
            }
            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"The sink's own mail was not kept within {wait}. Received: {Describe()}");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Forgets the messages received so far.</summary>
    public void Clear()
    {
        lock (messages)
        {
            messages.Clear();
        }
    }

    public void Dispose()
    {
        server.MessageReceived -= OnMessageReceived;
        server.Stop();
    }

    private void OnMessageReceived(object? sender, MessageReceivedArgs e)
    {
        // Runs on the SMTP session's thread: a parsing error must not break the session.
        try
        {
            var mail = ReceivedMail.Parse(Unstuff(e.Message.Data));
            lock (messages)
            {
                if (mail.Subject.StartsWith(FlushSubject, StringComparison.Ordinal))
                {
                    flushes.Add(mail.Subject);
                    return;
                }
                messages.Add(mail);
            }
            Received?.Invoke(mail);
        }
        catch (Exception ex)
        {
            lock (messages)
            {
                failures.Add(ex.Message);
            }
        }
    }

    // netDumbster keeps the SMTP transparency dots (RFC 5321 4.5.2): a line the client began with
    // "." arrives as "..", which would corrupt quoted-printable and HTML bodies.
    private static string Unstuff(string data) =>
        string.Join("\r\n", data.Split("\r\n").Select(line => line.StartsWith('.') ? line[1..] : line));

    private string Describe()
    {
        lock (messages)
        {
            var received = messages.Count == 0 ? "none" : string.Join("; ", messages);
            return failures.Count == 0 ? received : $"{received}; unreadable: {string.Join("; ", failures)}";
        }
    }
}
