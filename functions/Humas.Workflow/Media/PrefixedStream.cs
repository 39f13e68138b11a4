namespace Humas.Workflow.Media;

/// <summary>Replays the bytes already read to sniff the file type, then the rest of the upload.</summary>
public sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : Stream
{
    private int offset;

    public override int Read(byte[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<byte> buffer)
    {
        if (offset < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - offset);
            prefix.AsSpan(offset, n).CopyTo(buffer);
            offset += n;
            return n;
        }
        return rest.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (offset < prefixLength) return Read(buffer.Span);
        return await rest.ReadAsync(buffer, ct);
    }

    public override Task<int> ReadAsync(byte[] buffer, int index, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(index, count), ct).AsTask();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long o, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int index, int count) => throw new NotSupportedException();
}
