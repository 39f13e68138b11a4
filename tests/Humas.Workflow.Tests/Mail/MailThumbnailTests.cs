using Humas.Workflow.Mail;
using SkiaSharp;

namespace Humas.Workflow.Tests.Mail;

/// <summary>The photo a decision mail carries: small enough for a mail, still a JPEG of the same picture.</summary>
public sealed class MailThumbnailTests
{
    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            // Noise, not a flat colour: a flat picture compresses to nothing and would prove no size.
            var random = new Random(7);
            for (var y = 0; y < height; y += 4)
            for (var x = 0; x < width; x += 4)
                canvas.DrawRect(x, y, 4, 4, new SKPaint { Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)) });
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray();
    }

    [Fact]
    public void A_large_photo_becomes_a_jpeg_480_pixels_wide_of_a_few_tens_of_kilobytes()
    {
        var source = Photo(3000, 2000);
        var thumbnail = MailThumbnail.Shrink(source)!;
        using var read = SKBitmap.Decode(thumbnail);
        Assert.Equal(MailThumbnail.Width, read.Width);
        Assert.Equal(320, read.Height);
        Assert.True(thumbnail.Length < 120 * 1024, $"{thumbnail.Length} bytes");
        Assert.True(thumbnail.Length < source.Length / 10, $"{thumbnail.Length} of {source.Length} bytes");
        Assert.Equal([0xFF, 0xD8], thumbnail[..2]);
    }

    [Fact]
    public void A_small_photo_is_not_enlarged_and_bytes_that_are_no_image_give_none()
    {
        using var read = SKBitmap.Decode(MailThumbnail.Shrink(Photo(200, 100))!);
        Assert.Equal(200, read.Width);
        Assert.Null(MailThumbnail.Shrink("not a picture"u8.ToArray()));
    }
}
