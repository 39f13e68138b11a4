namespace Humas.Workflow.Http;

/// <summary>Counts what passes and fails the read that goes past the limit, before the excess is stored.</summary>
public sealed class LimitedStream(Stream inner, long max) : Stream
{
    private long read;

    public bool Exceeded { get; private set; }

    public override int Read(byte[] buffer, int index, int count) => Count(inner.Read(buffer, index, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
        Count(await inner.ReadAsync(buffer, ct));

    public override Task<int> ReadAsync(byte[] buffer, int index, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(index, count), ct).AsTask();

    private int Count(int n)
    {
        read += n;
        if (read > max)
        {
            Exceeded = true;
            throw new LimitExceeded();
        }
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long o, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int index, int count) => throw new NotSupportedException();
}
