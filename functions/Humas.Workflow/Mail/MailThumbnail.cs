using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using SkiaSharp;

namespace Humas.Workflow.Mail;

/// <summary>
/// The first photo of a submission, made small enough to travel inside a mail (a few tens of KB), so that a decider
/// sees on a phone what they decide on without opening anything.
/// </summary>
public sealed class MailThumbnail(MediaStore media)
{
    public const string ContentId = "foto-pertama";
    public const int Width = 480;

    /// <summary>Photos larger than this are not read to make a thumbnail; the mail then goes without one.</summary>
    private const long MaxSourceBytes = 32L * 1024 * 1024;

    public static MediaItem? FirstPhoto(Submission s) =>
        s.Media.FirstOrDefault(m => m.ContentType is "image/jpeg" or "image/png" or "image/webp");

    public async Task<InlineImage?> OfAsync(Submission s, CancellationToken ct = default)
    {
        var photo = FirstPhoto(s);
        if (photo is null || photo.Size > MaxSourceBytes) return null;
        await using var stream = await media.OpenReadAsync(photo.BlobName, ct);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        var bytes = Shrink(copy.ToArray());
        return bytes is null ? null : new InlineImage(ContentId, "image/jpeg", bytes);
    }

    /// <summary>A JPEG at most <see cref="Width"/> pixels wide; null when the bytes are no image Skia can read.</summary>
    public static byte[]? Shrink(byte[] source, int width = Width)
    {
        // SKBitmap.Decode throws rather than answer null when no codec knows the bytes.
        using var data = SKData.CreateCopy(source);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        using var original = SKBitmap.Decode(codec);
        if (original is null || original.Width == 0 || original.Height == 0) return null;
        var scale = Math.Min(1.0, (double)width / original.Width);
        var size = new SKImageInfo(Math.Max(1, (int)(original.Width * scale)), Math.Max(1, (int)(original.Height * scale)));
        using var resized = original.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (resized is null) return null;
        using var image = SKImage.FromBitmap(resized);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 72);
        return jpeg.ToArray();
    }
}
