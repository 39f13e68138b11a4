using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Humas.Workflow.Benchmarks;

/// <summary>What the benchmark submits: the form a staff member fills in, with a photo of fixed size.</summary>
public static class Forms
{
    public const int PhotoBytes = 256 * 1024;

    public static Dictionary<string, string> Fields(string title, string contentType = "news") => new()
    {
        ["title"] = title, ["summary"] = "Ringkasan kegiatan", ["body"] = "Isi berita kegiatan yang diukur.", ["contentType"] = contentType,
        ["channels"] = "website", ["track"] = "internal", ["region"] = "3374", ["team"] = "tim-kerja-3",
        ["submitterName"] = "Ani Wulandari", ["submitterEmail"] = Mailbox.Submitter,
    };

    /// <summary>A JPEG by its magic bytes and end marker, random in between (so nothing compresses it).</summary>
    public static byte[] Photo()
    {
        var bytes = new byte[PhotoBytes];
        RandomNumberGenerator.Fill(bytes);
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0 }.CopyTo(bytes, 0);
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }

    public static MultipartFormDataContent Submission(string title, byte[] photo)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in Fields(title)) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "media", "foto.jpg");
        form.Add(new StringContent("Peserta lokakarya berdiskusi di aula"), "alt");
        form.Add(new StringContent("no"), "minors");
        return form;
    }
}
