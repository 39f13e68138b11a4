using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Workflow.Benchmarks;

/// <summary>What the local host's memory did while large uploads streamed through the intake.</summary>
public sealed record MemoryFigures(long BaselineKb, long PeakKb, long HighWaterKb, int Uploads, long BytesEach, TimeSpan Wall);

/// <summary>
/// Several large videos posted to the intake at once as plain multipart (not the block upload), each generated
/// while it is sent, so neither side ever holds a whole file. The host's resident memory is sampled meanwhile;
/// the kernel's high-water mark (VmHWM, reset first) catches a peak between samples.
/// </summary>
public sealed class UploadMemory(LocalHostProcess host)
{
    public async Task<MemoryFigures> MeasureAsync(string run, int uploads, long bytesEach)
    {
        var pid = host.ProcessId;
        var baseline = Read(pid, "VmRSS");
        // Writing 5 to clear_refs resets the high-water mark, so it tells this phase's peak only.
        await File.WriteAllTextAsync($"/proc/{pid}/clear_refs", "5");
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, Read(pid, "VmRSS"));
                await Task.Delay(50);
            }
        });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(30) };
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, uploads).Select(n => UploadAsync(http, Mailbox.Title(run, n), bytesEach)));
        wall.Stop();
        await done.CancelAsync();
        await sampling;
        return new MemoryFigures(baseline, peak, Read(pid, "VmHWM"), uploads, bytesEach, wall.Elapsed);
    }

    private static async Task UploadAsync(HttpClient http, string title, long size)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in Forms.Fields(title, contentType: "video")) form.Add(new StringContent(value), name);
        var video = new StreamContent(new GeneratedVideo(size), 64 * 1024);
        video.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(video, "media", "video.mp4");
        form.Add(new StringContent("no"), "minors");
        form.Add(new StringContent("Transkrip: sambutan kepala balai pada pembukaan lokakarya."), "transcript");
        using var response = await http.PostAsync("/api/submissions", form);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"The {size:N0}-byte upload answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        _ = json.RootElement.GetProperty("id").GetString();
    }

    /// <summary>A field of /proc/{pid}/status, in kB.</summary>
    private static long Read(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"No {field} in /proc/{pid}/status.");
    }
}

/// <summary>
/// An MP4 of the given length made up as it is read: the file-type box the intake checks for, then a fixed
/// random block over and over. Its length is known, so the upload has a Content-Length like a browser's.
/// </summary>
public sealed class GeneratedVideo(long length) : Stream
{
    private static readonly byte[] Block = MakeBlock();
    private long position;

    private static byte[] MakeBlock()
    {
        var block = new byte[64 * 1024];
        new Random(20261129).NextBytes(block);
        // Bytes 4..11: the "ftyp" box of an ISO media file, brand "isom".
        new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m' }.CopyTo(block, 0);
        // Nothing in the first kilobyte may read as markup (the intake refuses polyglots).
        for (var i = 12; i < 1024; i++) if (block[i] == (byte)'<') block[i] = 0;
        return block;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - position);
        for (var written = 0; written < n;)
        {
            var inBlock = (int)(position % Block.Length);
            var take = Math.Min(n - written, Block.Length - inBlock);
            Block.AsSpan(inBlock, take).CopyTo(buffer[written..]);
            written += take;
            position += take;
        }
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
