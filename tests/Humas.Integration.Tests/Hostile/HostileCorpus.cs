using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Humas.Integration.Tests.EndToEnd;
using Humas.Workflow.Links;
using Humas.Workflow.Submissions;

namespace Humas.Integration.Tests.Hostile;

/// <summary>How the refusal must look: a problem document, a page for a person, or the web server's own answer.</summary>
public enum Answer
{
    /// <summary>application/problem+json, naming <see cref="HostileCase.Field"/> in its errors map when one is given.</summary>
    Problem,

    /// <summary>An HTML page (links opened from an email).</summary>
    Page,

    /// <summary>Kestrel refuses before the application runs (header and URL size limits); only the status is ours to check.</summary>
    Server,
}

public sealed record HostileCase(string Name, int Status, Answer Answer, string? Field, Func<HostileFixture, HttpRequestMessage> Build)
{
    public override string ToString() => Name;
}

/// <summary>
/// Hostile input against every public route: broken multipart and JSON, oversized headers, fields and bodies,
/// hostile files and file names, unknown values, bad dates, and altered, expired, replayed and crossed links; the
/// targets, registers and staff routes are in HostileCorpus.Staff.cs.
/// </summary>
public static partial class HostileCorpus
{
    private const string Submissions = "/api/submissions";

    public static readonly IReadOnlyList<HostileCase> All = Build().Concat(RegistersAndStaff()).ToList();

    private static IEnumerable<HostileCase> Build()
    {
        // --- multipart structure -------------------------------------------------------------------------
        yield return Intake("multipart-without-boundary", 400, "Content-Type", () => Valid().Content("multipart/form-data"));
        yield return Intake("multipart-empty-boundary", 400, "Content-Type", () => Valid().Content("multipart/form-data; boundary="));
        yield return Intake("multipart-boundary-without-value", 400, "Content-Type", () => Valid().Content("multipart/form-data; boundary"));
        yield return Intake("multipart-garbage-parameters", 400, "Content-Type", () => Valid().Content("multipart/form-data; ;;=;\"\""));
        yield return Intake("multipart-boundary-300-chars", 400, "Content-Type", () => Valid(new string('b', 300)).Content());
        yield return Intake("multipart-wrong-boundary", 400, "body", () => Valid("actual").Content("multipart/form-data; boundary=claimed"));
        yield return Intake("multipart-truncated", 400, "body", () => new RawMultipart().Fields(Fields()).Raw("--hostile-boundary\r\nContent-Disp").Content());
        yield return Intake("multipart-empty-body", 400, "body", () => new RawMultipart().Content());
        yield return Intake("multipart-no-parts", 400, "title", () => new RawMultipart().Close().Content());
        yield return Intake("multipart-part-without-disposition", 400, "body", () =>
            new RawMultipart().Fields(Fields()).Part("Content-Type: text/plain", "x"u8.ToArray()).Close().Content());
        yield return Intake("multipart-attachment-disposition", 400, "body", () =>
            new RawMultipart().Fields(Fields()).Part("Content-Disposition: attachment; filename=\"a.jpg\"", RunningSystem.Jpeg()).Close().Content());
        yield return Intake("multipart-unparsable-disposition", 400, "body", () =>
            new RawMultipart().Fields(Fields()).Part("Content-Disposition: ;;;\"", "x"u8.ToArray()).Close().Content());
        yield return Intake("multipart-header-line-without-colon", 400, "body", () =>
            new RawMultipart().Fields(Fields()).Part("Content-Disposition: form-data; name=\"x\"\r\nno colon here", "x"u8.ToArray()).Close().Content());
        yield return Intake("multipart-part-header-20kb", 400, "body", () =>
            new RawMultipart().Fields(Fields()).Part($"Content-Disposition: form-data; name=\"x\"\r\nX-Filler: {new string('h', 20_000)}", "x"u8.ToArray()).Close().Content());
        yield return Intake("multipart-1000-fields", 400, "body", () =>
        {
            var m = new RawMultipart().Fields(Fields());
            for (var i = 0; i < 1000; i++) m.Field($"f{i}", "x");
            return m.Close().Content();
        });
        yield return Intake("multipart-field-over-80kb", 413, "body", () => Valid(fields: With("body", new string('b', 80_001))).Content());
        yield return Intake("multipart-fields-over-320kb-together", 413, "body", () =>
        {
            var m = new RawMultipart().Fields(Fields());
            for (var i = 0; i < 5; i++) m.Field($"extra{i}", new string('e', 70_000));
            return m.Close().Content();
        });
        yield return Intake("multipart-file-in-title-field", 400, "title", () =>
            new RawMultipart().Fields(Fields()).File("a.jpg", "image/jpeg", RunningSystem.Jpeg(), field: "title").Close().Content());

        // --- field lengths ---------------------------------------------------------------------------------
        yield return Intake("title-301-chars", 400, "title", () => Valid(fields: With("title", new string('t', 301))).Content());
        yield return Intake("summary-2001-chars", 400, "summary", () => Valid(fields: With("summary", new string('s', 2001))).Content());
        yield return Intake("body-20001-chars", 400, "body", () => Valid(fields: With("body", new string('b', 20_001))).Content());
        yield return Intake("program-201-chars", 400, "program", () => Valid(fields: With("program", new string('p', 201))).Content());
        yield return Intake("submitter-name-201-chars", 400, "submitterName", () => Valid(fields: With("submitterName", new string('n', 201))).Content());
        yield return Intake("title-only-whitespace", 400, "title", () => Valid(fields: With("title", " \t ")).Content());

        // --- files -------------------------------------------------------------------------------------------
        yield return Intake("eleven-files", 400, "media", () =>
        {
            var m = new RawMultipart().Fields(Fields());
            for (var i = 0; i < 11; i++) m.File($"f{i}.jpg", "image/jpeg", RunningSystem.Jpeg(1000));
            return m.Close().Content();
        });
        yield return Intake("zero-byte-file", 400, "media", () => File("kosong.jpg", "image/jpeg", []));
        yield return Intake("file-over-the-limit", 413, "media", () => File("besar.jpg", "image/jpeg", RunningSystem.Jpeg((int)HostileFixture.MaxFileBytes + 1)));
        yield return Intake("file-in-another-field", 400, "foto", () =>
            new RawMultipart().Fields(Fields()).File("a.jpg", "image/jpeg", RunningSystem.Jpeg(), field: "foto").Close().Content());
        yield return Intake("executable-extension", 415, "media", () => File("setup.exe", "application/octet-stream", Elf()));
        yield return Intake("no-extension", 415, "media", () => File("foto", "image/jpeg", RunningSystem.Jpeg()));
        yield return Intake("double-extension-exe", 415, "media", () => File("foto.jpg.exe", "application/octet-stream", Elf()));
        yield return Intake("right-to-left-override-name", 415, "media", () => File("foto\u202Egpj.exe", "image/jpeg", Elf()));
        yield return Intake("svg-with-script", 415, "media", () => File("logo.svg", "image/svg+xml", "<svg onload=\"alert(1)\"/>"u8.ToArray()));
        yield return Intake("html-named-jpg", 415, "media", () => File("foto.jpg", "image/jpeg", "<html><script>alert(1)</script></html>"u8.ToArray()));
        yield return Intake("elf-named-jpg", 415, "media", () => File("foto.jpg", "image/jpeg", Elf()));
        yield return Intake("pdf-named-jpg", 415, "media", () => File("foto.jpg", "image/jpeg", "%PDF-1.7\n%fake"u8.ToArray()));
        yield return Intake("zip-named-png", 415, "media", () => File("foto.png", "image/png", [0x50, 0x4B, 0x03, 0x04, .. new byte[100]]));
        yield return Intake("png-bytes-named-jpg", 415, "media", () => File("foto.jpg", "image/jpeg", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[100]]));
        yield return Intake("jpeg-declared-text-html", 415, "media", () => File("foto.jpg", "text/html", RunningSystem.Jpeg()));
        yield return Intake("gif-javascript-polyglot", 415, "media", () => File("anim.gif", "image/gif", "GIF89a/*\x00\x00*/=1;alert(document.cookie)//<script>alert(1)</script>"u8.ToArray()));
        yield return Intake("jpeg-html-polyglot", 415, "media", () => File("foto.jpg", "image/jpeg", Polyglot([0xFF, 0xD8, 0xFF, 0xE0], "<html><body><script>alert(1)</script>")));
        yield return Intake("png-php-polyglot", 415, "media", () => File("foto.png", "image/png", Polyglot([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "<?php system($_GET['c']); ?>")));
        yield return Intake("pdf-html-polyglot", 415, "media", () => File("laporan.pdf", "application/pdf", Polyglot("%PDF-1.4\n"u8.ToArray(), "<HTML><SCRIPT>alert(1)</SCRIPT>")));
        yield return Intake("name-path-traversal", 400, "media", () => File("../../etc/passwd.jpg", "image/jpeg", RunningSystem.Jpeg()));
        yield return Intake("name-windows-traversal", 400, "media", () => File("..\\..\\Windows\\foto.jpg", "image/jpeg", RunningSystem.Jpeg()));
        yield return Intake("name-encoded-traversal", 400, "media", () =>
            FileWith("filename*=UTF-8''..%2F..%2Ffoto.jpg", "image/jpeg", RunningSystem.Jpeg()));
        yield return Intake("name-with-nul", 400, "media", () => FileWith("filename*=UTF-8''foto%00.jpg", "image/jpeg", RunningSystem.Jpeg()));
        yield return Intake("name-with-crlf", 400, "media", () => FileWith("filename*=UTF-8''foto%0D%0ABcc%3A%20x.jpg", "image/jpeg", RunningSystem.Jpeg()));
        yield return Intake("name-with-bell", 400, "media", () => File("foto\a.jpg", "image/jpeg", RunningSystem.Jpeg()));
        yield return Intake("name-with-escape-sequence", 400, "media", () => File("foto\u001b[31m.jpg", "image/jpeg", RunningSystem.Jpeg()));
        yield return Intake("name-300-chars", 400, "media", () => File(new string('n', 300) + ".jpg", "image/jpeg", RunningSystem.Jpeg()));
        yield return Intake("name-raw-crlf-in-header", 400, "body", () =>
            new RawMultipart().Fields(Fields()).Part("Content-Disposition: form-data; name=\"media\"; filename=\"fo\r\nto.jpg\"\r\nContent-Type: image/jpeg", RunningSystem.Jpeg()).Close().Content());

        // --- control characters and header injection in text -------------------------------------------
        yield return Intake("title-with-nul", 400, "title", () => Valid(fields: With("title", "Judul\0berita")).Content());
        yield return Intake("title-with-crlf", 400, "title", () => Valid(fields: With("title", "Judul\r\nBcc: korban@example.org")).Content());
        yield return Intake("submitter-name-with-crlf", 400, "submitterName", () => Valid(fields: With("submitterName", "Ani\r\nBcc: korban@example.org")).Content());
        yield return Intake("program-with-escape", 400, "program", () => Valid(fields: With("program", "PMM\u001b]0;owned\a")).Content());
        yield return Intake("summary-with-nul", 400, "summary", () => Valid(fields: With("summary", "Ringkasan\0")).Content());
        yield return Intake("body-with-backspaces", 400, "body", () => Valid(fields: With("body", "Isi\b\b\b\bpalsu")).Content());
        yield return Intake("json-title-lone-surrogate", 400, "body", () => Json("""{"title":"Judul \ud800","submitterEmail":"ani@example.org"}"""));
        yield return Intake("json-body-lone-low-surrogate", 400, "body", () => Json("""{"title":"Judul","body":"Isi \udc00 ","submitterEmail":"ani@example.org"}"""));

        // --- email addresses -------------------------------------------------------------------------------
        yield return Intake("email-missing", 400, "submitterEmail", () => Valid(fields: Without("submitterEmail")).Content());
        yield return Intake("email-with-display-name", 400, "submitterEmail", () => Valid(fields: With("submitterEmail", "Ani <ani@example.org>")).Content());
        yield return Intake("email-without-domain-dot", 400, "submitterEmail", () => Valid(fields: With("submitterEmail", "ani@localhost")).Content());
        yield return Intake("email-two-ats", 400, "submitterEmail", () => Valid(fields: With("submitterEmail", "ani@evil@example.org")).Content());
        yield return Intake("email-300-chars", 400, "submitterEmail", () => Valid(fields: With("submitterEmail", new string('a', 290) + "@example.org")).Content());
        yield return Intake("email-with-crlf", 400, "submitterEmail", () => Valid(fields: With("submitterEmail", "ani@example.org\r\nBcc: korban@example.org")).Content());
        yield return Intake("email-with-list", 400, "submitterEmail", () => Valid(fields: With("submitterEmail", "ani@example.org, korban@example.org")).Content());

        // --- unknown values ----------------------------------------------------------------------------
        yield return Intake("content-type-unknown", 400, "contentType", () => Valid(fields: With("contentType", "meme")).Content());
        yield return Intake("content-type-markup", 400, "contentType", () => Valid(fields: With("contentType", "<script>alert(1)</script>")).Content());
        yield return Intake("channel-unknown", 400, "channels", () => Valid(fields: With("channels", "myspace")).Content());
        yield return Intake("channel-unknown-among-known", 400, "channels", () => Valid(fields: With("channels", "website,,friendster")).Content());
        yield return Intake("track-unknown", 400, "track", () => Valid(fields: With("track", "secret")).Content());
        yield return Intake("team-unknown", 400, "team", () => Valid(fields: With("team", "tim-kerja-9")).Content());
        yield return Intake("region-unknown", 400, "region", () => Valid(fields: With("region", "9999")).Content());
        yield return Intake("region-of-another-province", 400, "region", () => Valid(fields: With("region", "3578")).Content());
        yield return Intake("priority-maybe", 400, "priorityProgram", () => Valid(fields: With("priorityProgram", "maybe")).Content());

        // --- dates ------------------------------------------------------------------------------------------
        yield return Intake("publish-at-past", 400, "publishAt", () => Valid(fields: With("publishAt", "2020-01-01T08:00:00+07:00")).Content());
        yield return Intake("publish-at-year-one", 400, "publishAt", () => Valid(fields: With("publishAt", "0001-01-01T00:00:00Z")).Content());
        yield return Intake("publish-at-without-offset", 400, "publishAt", () => Valid(fields: With("publishAt", "2030-01-01T09:00:00")).Content());
        yield return Intake("publish-at-words", 400, "publishAt", () => Valid(fields: With("publishAt", "besok pagi")).Content());
        yield return Intake("publish-at-month-13", 400, "publishAt", () => Valid(fields: With("publishAt", "2030-13-01T09:00:00+07:00")).Content());
        yield return Intake("publish-at-february-30", 400, "publishAt", () => Valid(fields: With("publishAt", "2030-02-30T09:00:00+07:00")).Content());
        yield return Intake("publish-at-hour-25", 400, "publishAt", () => Valid(fields: With("publishAt", "2030-01-01T25:00:00+07:00")).Content());
        yield return Intake("publish-at-offset-25-hours", 400, "publishAt", () => Valid(fields: With("publishAt", "2030-01-01T09:00:00+25:00")).Content());
        yield return Intake("publish-at-unix-seconds", 400, "publishAt", () => Valid(fields: With("publishAt", "1893456000")).Content());
        yield return Intake("publish-at-year-9999", 400, "publishAt", () => Valid(fields: With("publishAt", "9999-12-31T23:59:59+07:00")).Content());
        yield return Intake("publish-at-ten-years-ahead", 400, "publishAt", () => Valid(fields: With("publishAt", DateTimeOffset.UtcNow.AddYears(10).ToString("yyyy-MM-ddTHH:mm:ssK"))).Content());

        // --- JSON -------------------------------------------------------------------------------------------
        yield return Intake("json-malformed", 400, "body", () => Json("""{"title": "x","""));
        yield return Intake("json-trailing-garbage", 400, "body", () => Json("""{"title":"x","submitterEmail":"ani@example.org"} tail"""));
        yield return Intake("json-comments", 400, "body", () => Json("""{/* c */"title":"x","submitterEmail":"ani@example.org"}"""));
        yield return Intake("json-top-level-array", 400, "body", () => Json("""[{"title":"x"}]"""));
        yield return Intake("json-top-level-string", 400, "body", () => Json("\"title\""));
        yield return Intake("json-null", 400, "body", () => Json("null"));
        yield return Intake("json-empty", 400, "body", () => Json(""));
        yield return Intake("json-nested-200-deep", 400, "body", () => Json("{\"title\":" + new string('[', 200) + new string(']', 200) + "}"));
        yield return Intake("json-invalid-utf8", 400, "body", () => new HttpRequestMessage { Content = RawMultipart.Bytes([.. "{\"title\":\""u8, 0xC3, 0x28, .. "\",\"submitterEmail\":\"ani@example.org\"}"u8], "application/json") });
        yield return Intake("json-utf16-body", 400, "body", () => new HttpRequestMessage { Content = RawMultipart.Bytes(Encoding.Unicode.GetBytes("""{"title":"x","submitterEmail":"ani@example.org"}"""), "application/json; charset=utf-16") });
        yield return Intake("json-over-1mb", 413, "body", () => Json($$"""{"title":"x","submitterEmail":"ani@example.org","body":"{{new string('b', 1_100_000)}}"}"""));
        yield return Intake("json-title-number", 400, "title", () => Json("""{"title":42,"submitterEmail":"ani@example.org"}"""));
        yield return Intake("json-title-array", 400, "title", () => Json("""{"title":["a","b"],"submitterEmail":"ani@example.org"}"""));
        yield return Intake("json-title-object", 400, "title", () => Json("""{"title":{"$ne":null},"submitterEmail":"ani@example.org"}"""));
        yield return Intake("json-title-true", 400, "title", () => Json("""{"title":true,"submitterEmail":"ani@example.org"}"""));
        yield return Intake("json-email-array", 400, "submitterEmail", () => Json("""{"title":"x","submitterEmail":["ani@example.org","korban@example.org"]}"""));
        yield return Intake("json-channels-numbers", 400, "channels", () => Json("""{"title":"x","submitterEmail":"ani@example.org","channels":[1,2]}"""));
        yield return Intake("json-channels-object", 400, "channels", () => Json("""{"title":"x","submitterEmail":"ani@example.org","channels":{"website":true}}"""));
        yield return Intake("json-priority-yes", 400, "priorityProgram", () => Json("""{"title":"x","submitterEmail":"ani@example.org","priorityProgram":"yes"}"""));
        yield return Intake("json-priority-number", 400, "priorityProgram", () => Json("""{"title":"x","submitterEmail":"ani@example.org","priorityProgram":1e999}"""));
        yield return Intake("json-publish-at-number", 400, "publishAt", () => Json("""{"title":"x","submitterEmail":"ani@example.org","publishAt":1893456000}"""));

        // --- request framing -----------------------------------------------------------------------------
        yield return Intake("no-content-type", 415, "Content-Type", () => new HttpRequestMessage { Content = RawMultipart.Bytes("title=x"u8.ToArray(), null) });
        yield return Intake("text-plain", 415, "Content-Type", () => new HttpRequestMessage { Content = RawMultipart.Bytes("title=x"u8.ToArray(), "text/plain") });
        yield return Intake("xml-body", 415, "Content-Type", () => new HttpRequestMessage { Content = RawMultipart.Bytes("<title>x</title>"u8.ToArray(), "application/xml") });
        yield return Intake("multipart-mixed", 415, "Content-Type", () => Valid().Content("multipart/mixed; boundary=hostile-boundary"));
        yield return Intake("urlencoded-without-fields", 400, "title", () => new HttpRequestMessage { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }) });
        yield return Intake("urlencoded-3000-fields", 400, "body", () => new HttpRequestMessage
        {
            Content = RawMultipart.Bytes(Encoding.ASCII.GetBytes(string.Join("&", Enumerable.Range(0, 3000).Select(i => $"f{i}=x"))), "application/x-www-form-urlencoded"),
        });
        yield return Intake("urlencoded-key-5000-chars", 400, "body", () => new HttpRequestMessage
        {
            Content = RawMultipart.Bytes(Encoding.ASCII.GetBytes(new string('k', 5000) + "=x&title=x"), "application/x-www-form-urlencoded"),
        });
        yield return Intake("idempotency-key-201-chars", 400, "Idempotency-Key", () =>
        {
            var r = new HttpRequestMessage { Content = Valid().Content() };
            r.Headers.Add("Idempotency-Key", new string('k', 201));
            return r;
        });
        yield return Intake("body-over-the-server-limit", 413, "media", () =>
        {
            var m = new RawMultipart().Fields(Fields());
            m.File("besar.mp4", "video/mp4", [0, 0, 0, 0x18, .. "ftypmp42"u8, .. new byte[24 * 1024 * 1024]]);
            // The server answers before the body is sent, as a browser's upload of a too-large file would be.
            var r = new HttpRequestMessage { Content = m.Close().Content() };
            r.Headers.ExpectContinue = true;
            return r;
        });
        yield return new HostileCase("request-header-64kb", 431, Answer.Server, null, _ =>
        {
            var r = new HttpRequestMessage(HttpMethod.Post, Submissions) { Content = Valid().Content() };
            r.Headers.TryAddWithoutValidation("X-Filler", new string('h', 64 * 1024));
            return r;
        });
        yield return new HostileCase("url-16kb", 414, Answer.Server, null, _ => Get("/track/" + new string('t', 16 * 1024)));
        yield return new HostileCase("put-on-submissions", 405, Answer.Problem, null, _ => new HttpRequestMessage(HttpMethod.Put, Submissions) { Content = Valid().Content() });
        yield return new HostileCase("delete-on-a-submission", 405, Answer.Problem, null, fx => Staff(fx, new HttpRequestMessage(HttpMethod.Delete, $"{Submissions}/{fx.InReview.Id}")));
        yield return new HostileCase("unknown-route", 404, Answer.Problem, null, _ => Get("/api/../../etc/passwd"));

        // --- large uploads ------------------------------------------------------------------------------------
        yield return UploadCase("upload-not-json", 415, "Content-Type", () => RawMultipart.Bytes("fileName=a.mp4"u8.ToArray(), "application/x-www-form-urlencoded"));
        yield return UploadCase("upload-malformed-json", 400, "body", () => RawMultipart.Json("""{"fileName":"""));
        yield return UploadCase("upload-array", 400, "body", () => RawMultipart.Json("""[{"fileName":"a.mp4"}]"""));
        yield return UploadCase("upload-invalid-utf8", 400, "body", () => RawMultipart.Bytes([.. "{\"fileName\":\"a"u8, 0xFF, 0xFE, .. ".mp4\",\"contentType\":\"video/mp4\",\"size\":10}"u8], "application/json"));
        yield return UploadCase("upload-over-16kb", 413, "body", () => RawMultipart.Json($$"""{"fileName":"{{new string('a', 17_000)}}.mp4","contentType":"video/mp4","size":10}"""));
        yield return UploadCase("upload-without-file-name", 400, "fileName", () => RawMultipart.Json("""{"contentType":"video/mp4","size":10}"""));
        yield return UploadCase("upload-file-name-number", 400, "fileName", () => RawMultipart.Json("""{"fileName":7,"contentType":"video/mp4","size":10}"""));
        yield return UploadCase("upload-negative-size", 400, "size", () => RawMultipart.Json("""{"fileName":"a.mp4","contentType":"video/mp4","size":-1}"""));
        yield return UploadCase("upload-fractional-size", 400, "size", () => RawMultipart.Json("""{"fileName":"a.mp4","contentType":"video/mp4","size":1.5}"""));
        yield return UploadCase("upload-size-as-text", 400, "size", () => RawMultipart.Json("""{"fileName":"a.mp4","contentType":"video/mp4","size":"10"}"""));
        yield return UploadCase("upload-size-a-petabyte", 413, "size", () => RawMultipart.Json("""{"fileName":"a.mp4","contentType":"video/mp4","size":1000000000000000}"""));
        yield return UploadCase("upload-executable", 415, "fileName", () => RawMultipart.Json("""{"fileName":"setup.exe","contentType":"application/octet-stream","size":10}"""));
        yield return UploadCase("upload-type-mismatch", 415, "contentType", () => RawMultipart.Json("""{"fileName":"foto.jpg","contentType":"video/mp4","size":10}"""));
        yield return UploadCase("upload-name-traversal", 400, "fileName", () => RawMultipart.Json("""{"fileName":"../../../media/x.mp4","contentType":"video/mp4","size":10}"""));
        yield return UploadCase("upload-name-nul", 400, "fileName", () => RawMultipart.Json("""{"fileName":"video\u0000.mp4","contentType":"video/mp4","size":10}"""));
        yield return UploadCase("upload-name-bell", 400, "fileName", () => RawMultipart.Json("""{"fileName":"video\u0007.mp4","contentType":"video/mp4","size":10}"""));
        yield return UploadCase("upload-name-raw-nul-byte", 400, "body", () => RawMultipart.Bytes([.. "{\"fileName\":\"video"u8, 0, .. ".mp4\",\"contentType\":\"video/mp4\",\"size\":10}"u8], "application/json"));
        yield return UploadCase("upload-unknown-upload-id", 404, "uploadId", () => RawMultipart.Json("""{"fileName":"a.mp4","contentType":"video/mp4","size":10,"uploadId":"20200101-00000000000000000000000000000000"}"""));
        yield return UploadCase("upload-malformed-upload-id", 400, "uploadId", () => RawMultipart.Json("""{"fileName":"a.mp4","contentType":"video/mp4","size":10,"uploadId":"../x'#"}"""));
        yield return Intake("submission-unknown-upload", 400, "uploads", () => Json("""{"title":"x","submitterEmail":"ani@example.org","uploads":["20200101-00000000000000000000000000000000"]}"""));
        yield return Intake("submission-malformed-upload", 400, "uploads", () => Json("""{"title":"x","submitterEmail":"ani@example.org","uploads":["a/b#c?d"]}"""));
        yield return Intake("submission-uploads-number", 400, "uploads", () => Json("""{"title":"x","submitterEmail":"ani@example.org","uploads":[1]}"""));
        yield return Intake("submission-eleven-uploads", 400, "uploads", () => Json("""{"title":"x","submitterEmail":"ani@example.org","uploads":[""" + string.Join(",", Enumerable.Range(0, 11).Select(i => $"\"20200101-{i:D32}\"")) + "]}"));

        // --- staff endpoints --------------------------------------------------------------------------------
        yield return new HostileCase("staff-record-without-key", 401, Answer.Problem, null, fx => Get($"{Submissions}/{fx.InReview.Id}"));
        yield return new HostileCase("staff-record-wrong-key", 401, Answer.Problem, null, fx => Keyed(Get($"{Submissions}/{fx.InReview.Id}"), "wrong"));
        yield return new HostileCase("staff-record-wrong-key-in-query", 401, Answer.Problem, null, fx => Get($"{Submissions}/{fx.InReview.Id}?code=wrong"));
        yield return new HostileCase("staff-record-empty-key", 401, Answer.Problem, null, fx => Keyed(Get($"{Submissions}/{fx.InReview.Id}"), ""));
        yield return new HostileCase("staff-record-unknown-id", 404, Answer.Problem, null, fx => Staff(fx, Get($"{Submissions}/20200101-0000000000")));
        yield return new HostileCase("staff-record-id-with-hash", 404, Answer.Problem, null, fx => Staff(fx, Get($"{Submissions}/a%23b")));
        yield return new HostileCase("staff-record-id-with-quote", 404, Answer.Problem, null, fx => Staff(fx, Get($"{Submissions}/x'%20or%20'1'%3D'1")));
        yield return new HostileCase("staff-record-id-with-encoded-slash", 404, Answer.Problem, null, fx => Staff(fx, Get($"{Submissions}/a%2Fb")));
        yield return new HostileCase("staff-record-id-with-backslash", 404, Answer.Problem, null, fx => Staff(fx, Get($"{Submissions}/a%5Cb")));
        yield return new HostileCase("staff-record-id-with-control", 404, Answer.Problem, null, fx => Staff(fx, Get($"{Submissions}/a%01b")));
        yield return new HostileCase("staff-record-id-2000-chars", 404, Answer.Problem, null, fx => Staff(fx, Get($"{Submissions}/{new string('i', 2000)}")));
        yield return new HostileCase("revoke-links-without-key", 401, Answer.Problem, null, fx => Post($"{Submissions}/{fx.InReview.Id}/revoke-links", null));
        yield return new HostileCase("revoke-links-unknown-id", 404, Answer.Problem, null, fx => Staff(fx, Post($"{Submissions}/20200101-0000000000/revoke-links", null)));
        yield return new HostileCase("revoke-links-id-with-hash", 404, Answer.Problem, null, fx => Staff(fx, Post($"{Submissions}/a%23b/revoke-links", null)));
        yield return new HostileCase("schedule-without-key", 401, Answer.Problem, null, fx => Post($"{Submissions}/{fx.InReview.Id}/schedule", Form(("publishAt", "now"))));
        yield return new HostileCase("schedule-garbage-date", 400, Answer.Problem, "publishAt", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/schedule", Form(("publishAt", "kapan-kapan")))));
        yield return new HostileCase("schedule-past-date", 400, Answer.Problem, "publishAt", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/schedule", Form(("publishAt", "2020-01-01T00:00:00Z")))));
        yield return new HostileCase("schedule-year-9999", 400, Answer.Problem, "publishAt", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/schedule", Form(("publishAt", "9999-12-31T00:00:00Z")))));
        yield return new HostileCase("schedule-not-scheduled", 409, Answer.Problem, null, fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/schedule", Form(("publishAt", "now")))));
        yield return new HostileCase("schedule-broken-multipart", 400, Answer.Problem, "body", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/schedule", Valid().Content("multipart/form-data"))));
        yield return new HostileCase("restart-without-key", 401, Answer.Problem, null, fx => Post($"{Submissions}/{fx.InReview.Id}/restart", null));
        yield return new HostileCase("restart-unknown-id", 404, Answer.Problem, null, fx => Staff(fx, Post($"{Submissions}/20200101-0000000000/restart", null)));
        yield return new HostileCase("restart-id-with-hash", 404, Answer.Problem, null, fx => Staff(fx, Post($"{Submissions}/a%23b/restart", null)));
        yield return new HostileCase("restart-running-workflow", 409, Answer.Problem, null, fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/restart", null)));
        yield return new HostileCase("close-without-key", 401, Answer.Problem, null, fx => Post($"{Submissions}/{fx.InReview.Id}/close", Form(("reason", "x"))));
        yield return new HostileCase("close-without-reason", 400, Answer.Problem, "reason", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/close", Form(("reason", "  ")))));
        yield return new HostileCase("close-reason-2001", 400, Answer.Problem, "reason", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/close", Form(("reason", new string('r', 2001))))));
        yield return new HostileCase("close-reason-with-nul", 400, Answer.Problem, "body", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/close", Form(("reason", "batal\0")))));
        yield return new HostileCase("close-broken-json", 400, Answer.Problem, "body", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/close", RawMultipart.Json("{\"reason\":"))));
        yield return new HostileCase("close-running-workflow", 409, Answer.Problem, null, fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/close", Form(("reason", "Salah unggah")))));
        yield return new HostileCase("retry-without-key", 401, Answer.Problem, null, fx => Post($"{Submissions}/{fx.InReview.Id}/publications/website/retry", null));
        yield return new HostileCase("retry-unknown-channel", 400, Answer.Problem, "channel", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/publications/myspace/retry", null)));
        yield return new HostileCase("retry-channel-markup", 400, Answer.Problem, "channel", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/publications/%3Cscript%3E/retry", null)));
        yield return new HostileCase("retry-unknown-id", 404, Answer.Problem, null, fx => Staff(fx, Post($"{Submissions}/20200101-0000000000/publications/instagram/retry", null)));
        yield return new HostileCase("retry-never-published", 404, Answer.Problem, "channel", fx => Staff(fx, Post($"{Submissions}/{fx.InReview.Id}/publications/instagram/retry", null)));

        // --- decision links ----------------------------------------------------------------------------------
        yield return Link("act-garbage-token", 403, fx => Get("/act/garbage"));
        yield return Link("act-token-without-signature", 403, fx => Get("/act/" + Token(fx.InReview.ActUrl).Split('.')[0]));
        yield return Link("act-token-empty-signature", 403, fx => Get("/act/" + Token(fx.InReview.ActUrl).Split('.')[0] + "."));
        yield return Link("act-payload-altered", 403, fx => Get("/act/" + AlterPayload(fx.InReview.ActUrl)));
        yield return Link("act-signature-altered", 403, fx => Get("/act/" + AlterSignature(fx.InReview.ActUrl)));
        yield return Link("act-signed-with-another-key", 403, fx => Get("/act/" + new LinkSigner(RandomNumberGenerator.GetBytes(32)).Sign(Decode(fx, fx.InReview.ActUrl))));
        yield return Link("act-signature-not-base64", 403, fx => Get("/act/" + Token(fx.InReview.ActUrl).Split('.')[0] + ".!!!%25%25"));
        yield return Link("act-signed-garbage-payload", 403, fx => Get("/act/" + SignedPayload(fx, "not json at all")));
        yield return Link("act-signed-json-null", 403, fx => Get("/act/" + SignedPayload(fx, "null")));
        yield return Link("act-expired", 410, fx => Get("/act/" + Resign(fx, fx.InReview.ActUrl, t => t with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) })));
        yield return Link("act-with-tracking-token", 403, fx => Get("/act/" + Token(fx.InReview.TrackingUrl)));
        yield return Link("act-with-revise-token", 403, fx => Get("/act/" + Token(fx.InRevision.ReviseUrl!)));
        yield return Link("act-unknown-submission", 404, fx => Get("/act/" + Resign(fx, fx.InReview.ActUrl, t => t with { SubmissionId = "20200101-0000000000" })));
        yield return Link("act-submission-id-with-slash", 404, fx => Get("/act/" + Resign(fx, fx.InReview.ActUrl, t => t with { SubmissionId = "a/b#c" })));
        yield return Link("act-post-replayed", 409, fx => Decide(fx.Decided.ActUrl, ("decision", "accept")));
        yield return Link("act-post-replayed-other-decision", 409, fx => Decide(fx.Decided.ActUrl, ("decision", "reject"), ("comment", "telat")));
        yield return Link("act-post-cross-submission", 409, fx => Decide("/act/" + Resign(fx, fx.Decided.ActUrl, t => t with { SubmissionId = fx.InRevision.Id }), ("decision", "accept")));
        yield return Link("act-post-wrong-stage", 409, fx => Decide("/act/" + Resign(fx, fx.InReview.ActUrl, t => t with { Stage = Stage.Approval }), ("decision", "approve")));
        yield return Link("act-post-later-round", 409, fx => Decide("/act/" + Resign(fx, fx.InReview.ActUrl, t => t with { Round = 7 }), ("decision", "accept")));
        yield return Link("act-post-person-not-awaited", 409, fx => Decide("/act/" + Resign(fx, fx.InReview.ActUrl, t => t with { PersonKey = "kabag-umum" }), ("decision", "accept")));
        yield return Link("act-post-person-unknown", 403, fx => Decide("/act/" + Resign(fx, fx.InReview.ActUrl, t => t with { PersonKey = "penyusup", OnBehalfOf = t.PersonKey }), ("decision", "accept")));
        yield return Link("act-post-expired", 410, fx => Decide("/act/" + Resign(fx, fx.InReview.ActUrl, t => t with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1) }), ("decision", "accept")));
        yield return Link("act-post-altered", 403, fx => Decide("/act/" + AlterPayload(fx.InReview.ActUrl), ("decision", "accept")));
        yield return Link("opaque-forged-digest", 403, fx => Get("/act/" + Opaque(fx.InReview.ActUrl, digest: Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16)))));
        yield return Link("opaque-truncated", 403, fx => Get("/act/" + Token(fx.InReview.ActUrl)[..^1]));
        yield return Link("opaque-truncated-to-two-parts", 403, fx => Get("/act/" + Token(fx.InReview.ActUrl)[..Token(fx.InReview.ActUrl).LastIndexOf('.')]));
        yield return Link("opaque-cross-submission", 403, fx => Get("/act/" + Opaque(fx.InReview.ActUrl, submissionId: fx.Decided.Id)));
        yield return Link("opaque-post-cross-submission", 403, fx => Decide("/act/" + Opaque(fx.InReview.ActUrl, submissionId: fx.InRevision.Id), ("decision", "accept")));
        yield return Link("opaque-unknown-key", 403, fx => Get("/act/" + Opaque(fx.InReview.ActUrl, keyId: "gone")));
        yield return Link("opaque-key-id-markup", 403, fx => Get("/act/" + Opaque(fx.InReview.ActUrl, keyId: "%3Cb%3E")));
        yield return Link("opaque-submission-id-with-quote", 403, fx => Get("/act/" + Opaque(fx.InReview.ActUrl, submissionId: "x'or'1")));
        yield return Link("opaque-too-long", 403, fx => Get("/act/" + Opaque(fx.InReview.ActUrl, digest: Token(fx.InReview.ActUrl).Split('.')[2] + new string('A', 40))));
        yield return Link("opaque-track-token-cross-submission", 403, fx => Get("/track/" + Opaque(fx.InReview.TrackingUrl, submissionId: fx.Decided.Id)));
        yield return Link("opaque-revise-token-truncated", 403, fx => Get("/revise/" + Token(fx.InRevision.ReviseUrl!)[..^2]));
        yield return new HostileCase("act-post-no-decision", 400, Answer.Problem, "decision", fx => Decide(fx.InReview.ActUrl, ("comment", "x")));
        yield return new HostileCase("act-post-decision-of-another-stage", 400, Answer.Problem, "decision", fx => Decide(fx.InReview.ActUrl, ("decision", "approve")));
        yield return new HostileCase("act-post-decision-markup", 400, Answer.Problem, "decision", fx => Decide(fx.InReview.ActUrl, ("decision", "<script>alert(1)</script>")));
        yield return new HostileCase("act-post-decision-twice", 400, Answer.Problem, "decision", fx => Decide(fx.InReview.ActUrl, ("decision", "accept"), ("decision", "reject")));
        yield return new HostileCase("act-post-revise-without-comment", 400, Answer.Problem, "comment", fx => Decide(fx.InReview.ActUrl, ("decision", "revise")));
        yield return new HostileCase("act-post-reject-blank-comment", 400, Answer.Problem, "comment", fx => Decide(fx.InReview.ActUrl, ("decision", "reject"), ("comment", "   ")));
        yield return new HostileCase("act-post-comment-4001-chars", 400, Answer.Problem, "comment", fx => Decide(fx.InReview.ActUrl, ("decision", "reject"), ("comment", new string('c', 4001))));
        yield return new HostileCase("act-post-comment-with-nul", 400, Answer.Problem, "body", fx => Decide(fx.InReview.ActUrl, ("decision", "reject"), ("comment", "tidak\0layak")));
        yield return new HostileCase("act-post-comment-with-escape", 400, Answer.Problem, "comment", fx => Decide(fx.InReview.ActUrl, ("decision", "reject"), ("comment", "tidak\u001b[2Jlayak")));
        // --- handing a seat on (decision=reassign) ----------------------------------------------------------
        yield return new HostileCase("reassign-without-to", 400, Answer.Problem, "to", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("comment", "cuti")));
        yield return new HostileCase("reassign-to-not-allowed", 400, Answer.Problem, "to", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", "pdm07-lead"), ("comment", "cuti")));
        yield return new HostileCase("reassign-to-self", 400, Answer.Problem, "to", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", "reviewer"), ("comment", "cuti")));
        yield return new HostileCase("reassign-to-unknown", 400, Answer.Problem, "to", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", "penyusup"), ("comment", "cuti")));
        yield return new HostileCase("reassign-to-markup", 400, Answer.Problem, "to", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", "<script>alert(1)</script>"), ("comment", "cuti")));
        yield return new HostileCase("reassign-to-10k-chars", 400, Answer.Problem, "to", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", new string('h', 10_000)), ("comment", "cuti")));
        yield return new HostileCase("reassign-to-twice", 400, Answer.Problem, "to", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", "head"), ("to", "reviewer-backup"), ("comment", "cuti")));
        yield return new HostileCase("reassign-without-comment", 400, Answer.Problem, "comment", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", "head")));
        yield return new HostileCase("reassign-blank-comment", 400, Answer.Problem, "comment", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", "head"), ("comment", " \t ")));
        yield return new HostileCase("reassign-comment-4001-chars", 400, Answer.Problem, "comment", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", "head"), ("comment", new string('c', 4001))));
        yield return new HostileCase("reassign-comment-with-escape", 400, Answer.Problem, "comment", fx => Decide(fx.InReview.ActUrl, ("decision", "reassign"), ("to", "head"), ("comment", "cuti\u001b[2J")));
        yield return Link("reassign-forged-digest", 403, fx => Decide("/act/" + Opaque(fx.InReview.ActUrl, digest: Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16))), ("decision", "reassign"), ("to", "head"), ("comment", "cuti")));
        yield return Link("reassign-truncated-token", 403, fx => Decide("/act/" + Token(fx.InReview.ActUrl)[..^1], ("decision", "reassign"), ("to", "head"), ("comment", "cuti")));
        yield return Link("reassign-cross-submission", 403, fx => Decide("/act/" + Opaque(fx.InReview.ActUrl, submissionId: fx.InRevision.Id), ("decision", "reassign"), ("to", "head"), ("comment", "cuti")));
        yield return Link("reassign-signed-for-another-person", 409, fx => Decide("/act/" + Resign(fx, fx.InReview.ActUrl, t => t with { PersonKey = "kabag-umum" }), ("decision", "reassign"), ("to", "head"), ("comment", "cuti")));
        yield return Link("reassign-after-the-decision", 409, fx => Decide(fx.Decided.ActUrl, ("decision", "reassign"), ("to", "head"), ("comment", "cuti")));
        yield return Link("reassign-revise-link", 403, fx => Decide("/act/" + Token(fx.InRevision.ReviseUrl!), ("decision", "reassign"), ("to", "head"), ("comment", "cuti")));
        yield return new HostileCase("act-post-json", 400, Answer.Problem, "decision", fx => new HttpRequestMessage(HttpMethod.Post, fx.InReview.ActUrl) { Content = Json("""{"decision":"accept"}""").Content });
        yield return new HostileCase("act-post-multipart-without-boundary", 400, Answer.Problem, "body", fx => new HttpRequestMessage(HttpMethod.Post, fx.InReview.ActUrl) { Content = Valid().Content("multipart/form-data") });
        yield return new HostileCase("act-post-multipart-truncated", 400, Answer.Problem, "body", fx => new HttpRequestMessage(HttpMethod.Post, fx.InReview.ActUrl)
        {
            Content = new RawMultipart().Field("decision", "accept").Raw("--hostile-boundary\r\nContent-Disposition: form-data; name=\"comm").Content(),
        });
        yield return new HostileCase("act-post-3000-fields", 400, Answer.Problem, "body", fx => new HttpRequestMessage(HttpMethod.Post, fx.InReview.ActUrl)
        {
            Content = RawMultipart.Bytes(Encoding.ASCII.GetBytes("decision=accept&" + string.Join("&", Enumerable.Range(0, 3000).Select(i => $"f{i}=x"))), "application/x-www-form-urlencoded"),
        });

        // --- revision links -----------------------------------------------------------------------------------
        yield return Link("revise-altered", 403, fx => Get("/revise/" + AlterPayload(fx.InRevision.ReviseUrl!)));
        yield return Link("revise-with-act-token", 403, fx => Get("/revise/" + Token(fx.InReview.ActUrl)));
        yield return Link("revise-expired", 410, fx => Get("/revise/" + Resign(fx, fx.InRevision.ReviseUrl!, t => t with { ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1) })));
        yield return Link("revise-post-cross-submission", 409, fx => Revise("/revise/" + Resign(fx, fx.InRevision.ReviseUrl!, t => t with { SubmissionId = fx.InReview.Id }), ("title", "Judul baru")));
        yield return Link("revise-post-other-round", 409, fx => Revise("/revise/" + Resign(fx, fx.InRevision.ReviseUrl!, t => t with { Round = 2 }), ("title", "Judul baru")));
        yield return new HostileCase("revise-post-no-title", 400, Answer.Problem, "title", fx => Revise(fx.InRevision.ReviseUrl!, ("summary", "x")));
        yield return new HostileCase("revise-post-title-301", 400, Answer.Problem, "title", fx => Revise(fx.InRevision.ReviseUrl!, ("title", new string('t', 301))));
        yield return new HostileCase("revise-post-title-with-crlf", 400, Answer.Problem, "title", fx => Revise(fx.InRevision.ReviseUrl!, ("title", "Judul\r\nBcc: korban@example.org")));
        yield return new HostileCase("revise-post-body-20001", 400, Answer.Problem, "body", fx => Revise(fx.InRevision.ReviseUrl!, ("title", "Judul"), ("body", new string('b', 20_001))));
        yield return new HostileCase("revise-post-body-with-nul", 400, Answer.Problem, "body", fx => Revise(fx.InRevision.ReviseUrl!, ("title", "Judul"), ("body", "isi\0")));
        yield return new HostileCase("revise-post-summary-with-escape", 400, Answer.Problem, "summary", fx => Revise(fx.InRevision.ReviseUrl!, ("title", "Judul"), ("summary", "ringkas\u001b[31m")));
        yield return new HostileCase("track-post-reason-with-backspace", 400, Answer.Problem, "reason", fx => Post(fx.InReview.TrackingUrl, Form(("action", "withdraw"), ("reason", "alasan\b\b\b"))));
        yield return new HostileCase("revise-post-broken-multipart", 400, Answer.Problem, "body", fx => new HttpRequestMessage(HttpMethod.Post, fx.InRevision.ReviseUrl) { Content = Valid().Content("multipart/form-data; boundary=") });

        // --- tracking links -----------------------------------------------------------------------------------
        yield return Link("track-altered", 403, fx => Get("/track/" + AlterPayload(fx.InReview.TrackingUrl)));
        yield return Link("track-with-act-token", 403, fx => Get("/track/" + Token(fx.InReview.ActUrl)));
        yield return Link("track-expired", 410, fx => Get("/track/" + Resign(fx, fx.InReview.TrackingUrl, t => t with { ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1) })));
        yield return Link("track-unknown-submission", 404, fx => Get("/track/" + Resign(fx, fx.InReview.TrackingUrl, t => t with { SubmissionId = "20200101-0000000000" })));
        yield return Link("track-submission-id-with-quote", 404, fx => Get("/track/" + Resign(fx, fx.InReview.TrackingUrl, t => t with { SubmissionId = "x' or '1'='1" })));
        yield return Link("track-post-altered", 403, fx => Post("/track/" + AlterPayload(fx.InReview.TrackingUrl), Form(("action", "withdraw"))));
        yield return new HostileCase("track-post-no-action", 400, Answer.Problem, "action", fx => Post(fx.InReview.TrackingUrl, Form(("reason", "x"))));
        yield return new HostileCase("track-post-unknown-action", 400, Answer.Problem, "action", fx => Post(fx.InReview.TrackingUrl, Form(("action", "delete"))));
        yield return new HostileCase("track-post-reason-2001", 400, Answer.Problem, "reason", fx => Post(fx.InReview.TrackingUrl, Form(("action", "withdraw"), ("reason", new string('r', 2001)))));
        yield return new HostileCase("track-post-reason-with-nul", 400, Answer.Problem, "body", fx => Post(fx.InReview.TrackingUrl, Form(("action", "withdraw"), ("reason", "alasan\0"))));
        yield return new HostileCase("track-post-broken-multipart", 400, Answer.Problem, "body", fx => Post(fx.InReview.TrackingUrl, Valid().Content("multipart/form-data; boundary")));

        // --- public media -------------------------------------------------------------------------------------
        yield return new HostileCase("media-unknown-submission", 404, Answer.Problem, null, _ => Get("/media/20200101-0000000000/foto.jpg"));
        yield return new HostileCase("media-of-unpublished-submission", 404, Answer.Problem, null, fx => Get($"/media/{fx.InReview.Id}/foto.jpg"));
        yield return new HostileCase("media-name-traversal", 404, Answer.Problem, null, fx => Get($"/media/{fx.InReview.Id}/..%2F..%2F..%2Fetc%2Fpasswd"));
        yield return new HostileCase("media-id-with-hash", 404, Answer.Problem, null, _ => Get("/media/a%23b/foto.jpg"));
        yield return new HostileCase("media-id-with-quote", 404, Answer.Problem, null, _ => Get("/media/x'y/foto.jpg"));

        // --- per-file fields: alt, caption, minors, mediaDetails ------------------------------------------------
        yield return Intake("photo-alt-missing", 400, "media[0].alt", () => Photo(alt: null).Content());
        yield return Intake("photo-alt-crlf", 400, "media[0].alt", () => Photo(alt: "Guru\r\nBcc: korban@example.org").Content());
        yield return Intake("photo-alt-nul", 400, "media[0].alt", () => Photo(alt: "Guru\0 di aula").Content());
        yield return Intake("photo-alt-251", 400, "media[0].alt", () => Photo(alt: new string('a', 251)).Content());
        yield return Intake("photo-alt-file-name", 400, "media[0].alt", () => Photo(alt: "foto.jpg").Content());
        yield return Intake("photo-alt-path", 400, "media[0].alt", () => Photo(alt: "../../etc/passwd.png").Content());
        yield return Intake("photo-caption-1001", 400, "media[0].caption", () => Photo(caption: new string('c', 1001)).Content());
        yield return Intake("photo-caption-escape", 400, "media[0].caption", () => Photo(caption: "Foto\u001b[31m").Content());
        yield return Intake("photo-minors-maybe", 400, "media[0].minors", () => Photo(minors: "maybe").Content());
        yield return Intake("photo-minors-missing", 400, "media[0].minors", () => Photo(minors: null).Content());
        yield return Intake("photo-minors-huge", 400, "media[0].minors", () => Photo(minors: new string('y', 50_000)).Content());
        yield return Intake("photo-alts-without-files", 400, "alt", () => new RawMultipart().Fields(Fields()).Field("alt", "Guru di aula").Close().Content());
        yield return Intake("photo-two-same-alts", 400, "media[1].alt", () =>
            new RawMultipart().Fields(Fields())
                .File("a.jpg", "image/jpeg", RunningSystem.Jpeg()).Field("alt", "Guru di aula").Field("minors", "no")
                .File("b.jpg", "image/jpeg", RunningSystem.Jpeg()).Field("alt", "GURU DI AULA").Field("minors", "no").Close().Content());
        yield return Intake("photo-alt-150-times", 400, "body", () =>
        {
            var m = new RawMultipart().Fields(Fields());
            for (var i = 0; i < 150; i++) m.Field("alt", "Guru di aula " + i);
            return m.Close().Content();
        });
        yield return Intake("media-details-not-json", 400, "mediaDetails", () => new RawMultipart().Fields(Fields()).Field("mediaDetails", "[{uploadId:").Close().Content());
        yield return Intake("media-details-object", 400, "mediaDetails", () => Json("""{"title":"x","submitterEmail":"ani@example.org","mediaDetails":{"uploadId":"a"}}"""));
        yield return Intake("media-details-without-upload-id", 400, "mediaDetails[0].uploadId", () => Json("""{"title":"x","submitterEmail":"ani@example.org","mediaDetails":[{"alt":"Guru di aula"}]}"""));
        yield return Intake("media-details-upload-id-number", 400, "mediaDetails[0].uploadId", () => Json("""{"title":"x","submitterEmail":"ani@example.org","mediaDetails":[{"uploadId":7}]}"""));
        yield return Intake("media-details-too-deep", 400, "mediaDetails", () => Json("""{"title":"x","submitterEmail":"ani@example.org","mediaDetails":[{"uploadId":"a","alt":[[[["x"]]]]}]}"""));
        yield return Intake("media-details-unknown-upload", 400, "uploads", () => Json("""{"title":"x","submitterEmail":"ani@example.org","mediaDetails":[{"uploadId":"20200101-00000000000000000000000000000000","alt":"Guru di aula","minors":"no"}]}"""));
        yield return new HostileCase("revise-post-alt-file-name", 400, Answer.Problem, "media[0].alt", fx => Revise(fx.InRevision.ReviseUrl!, ("title", "Judul"), ("alt", "foto.jpg"), ("minors", "no")));
        yield return new HostileCase("revise-post-alt-removed", 400, Answer.Problem, "media[0].alt", fx => Revise(fx.InRevision.ReviseUrl!, ("title", "Judul"), ("alt", ""), ("minors", "no")));
        yield return new HostileCase("revise-post-minors-maybe", 400, Answer.Problem, "media[0].minors", fx => Revise(fx.InRevision.ReviseUrl!, ("title", "Judul"), ("alt", "Guru di aula"), ("minors", "maybe")));
        // --- per-file fields of a recording: transcript, captions -----------------------------------------------
        yield return Intake("video-transcript-oversize", 400, "media[0].transcript", () => Video(transcript: new string('a', 4_001)).Close().Content());
        yield return Intake("video-transcript-nul", 400, "media[0].transcript", () => Video(transcript: "Sambutan\0 kepala balai").Close().Content());
        yield return Intake("video-transcript-missing-where-required", 400, "media[0].transcript", () => Video(transcript: null, contentType: "video").Close().Content());
        yield return Intake("video-captions-not-webvtt", 400, "media[0].captions", () => Video(captions: ("liputan.vtt", "Ini bukan WebVTT\n"u8.ToArray())).Close().Content());
        yield return Intake("video-captions-vtt-with-script", 400, "media[0].captions", () => Video(captions: ("liputan.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<script>alert(1)</script>\n"u8.ToArray())).Close().Content());
        yield return Intake("video-captions-srt-binary", 400, "media[0].captions", () => Video(captions: ("liputan.srt", [.. "1\n00:00:01,000 --> 00:00:02,000\n"u8, 0xFF, 0xD8, 0x00, 0x01])).Close().Content());
        yield return Intake("video-captions-600kb", 413, "media[0].captions", () => Video(captions: ("liputan.vtt", [.. "WEBVTT\n\n"u8, .. new byte[600 * 1024]])).Close().Content());
        yield return Intake("video-captions-traversal-name", 400, "media[0].captions", () => Video(captions: ("../../liputan.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHalo\n"u8.ToArray())).Close().Content());
        yield return Intake("photo-captions", 400, "media[0].captions", () =>
            new RawMultipart().Fields(Fields()).File("foto.jpg", "image/jpeg", RunningSystem.Jpeg()).Field("alt", "Guru di aula").Field("minors", "no")
                .File("foto.vtt", "text/vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHalo\n"u8.ToArray(), field: "captions").Close().Content());
        yield return Intake("transcripts-more-than-files", 400, "transcript", () => Video().Field("transcript", "Satu lagi").Close().Content());
        yield return Intake("captions-more-than-files", 400, "captions", () =>
            new RawMultipart().Fields(Fields()).File("a.vtt", "text/vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHalo\n"u8.ToArray(), field: "captions").Close().Content());
        yield return new HostileCase("revise-post-transcript-on-photo", 400, Answer.Problem, "media[0].transcript", fx => Revise(fx.InRevision.ReviseUrl!, ("title", "Judul"), ("alt", "Guru di aula"), ("minors", "no"), ("transcript", "Tidak untuk foto")));
        // --- consent and checklist ---------------------------------------------------------------------------------
        yield return Intake("consent-id-with-space", 400, "consentId", () => new RawMultipart().Fields(With("consentId", "KNS 2026")).Close().Content());
        yield return Intake("consent-id-65", 400, "consentId", () => new RawMultipart().Fields(With("consentId", new string('k', 65))).Close().Content());
        yield return Intake("consent-id-quote", 400, "consentId", () => Json("""{"title":"x","submitterEmail":"ani@example.org","consentId":"x' or '1'='1"}"""));
        yield return Intake("consent-id-traversal", 400, "consentId", () => Json("""{"title":"x","submitterEmail":"ani@example.org","consentId":"../../consents/1"}"""));
        yield return Intake("consent-id-unknown", 400, "consentId", () => Json("""{"title":"x","submitterEmail":"ani@example.org","consentId":"KNS-2026-001"}"""));
        yield return Intake("consent-id-number", 400, "consentId", () => Json("""{"title":"x","submitterEmail":"ani@example.org","consentId":12}"""));
        yield return Intake("consent-document-exe", 415, "consentDocument", () => ConsentFile("izin.exe", "application/octet-stream", [0x4D, 0x5A, 0, 0]));
        yield return Intake("consent-document-pdf-named-png", 415, "consentDocument", () => ConsentFile("izin.png", "image/png", "%PDF-1.7 fake"u8.ToArray()));
        yield return Intake("consent-document-html-as-pdf", 415, "consentDocument", () => ConsentFile("izin.pdf", "application/pdf", "<html><script>alert(1)</script></html>"u8.ToArray()));
        yield return Intake("consent-document-empty", 400, "consentDocument", () => ConsentFile("izin.pdf", "application/pdf", []));
        yield return Intake("consent-document-traversal-name", 400, "consentDocument", () => ConsentFile("../../izin.pdf", "application/pdf", "%PDF-1.7\n%%EOF"u8.ToArray()));
        yield return Intake("consent-document-twice", 400, "consentDocument", () =>
            new RawMultipart().Fields(Fields())
                .File("a.pdf", "application/pdf", "%PDF-1.7\n%%EOF"u8.ToArray(), field: "consentDocument")
                .File("b.pdf", "application/pdf", "%PDF-1.7\n%%EOF"u8.ToArray(), field: "consentDocument").Close().Content());
        yield return new HostileCase("act-post-checklist-unknown", 400, Answer.Problem, "checklist", fx => Decide(fx.InReview.ActUrl, ("decision", "accept"), ("checklist", "bribe")));
        yield return new HostileCase("act-post-checklist-markup", 400, Answer.Problem, "checklist", fx => Decide(fx.InReview.ActUrl, ("decision", "accept"), ("checklist", "<script>alert(1)</script>")));
        yield return new HostileCase("act-post-checklist-huge", 400, Answer.Problem, "checklist", fx => Decide(fx.InReview.ActUrl, ("decision", "accept"), ("checklist", new string('x', 10_000))));
    }

    /// <summary>A post whose only file is a consent document.</summary>
    private static HttpContent ConsentFile(string name, string type, byte[] bytes) =>
        new RawMultipart().Fields(Fields()).File(name, type, bytes, field: "consentDocument").Close().Content();

    /// <summary>One photo with its per-file fields; a null field is left out.</summary>
    private static RawMultipart Photo(string? alt = "Guru berdiskusi di aula", string? caption = null, string? minors = "no")
    {
        var m = new RawMultipart().Fields(Fields()).File("foto.jpg", "image/jpeg", RunningSystem.Jpeg());
        if (alt is not null) m.Field("alt", alt);
        if (caption is not null) m.Field("caption", caption);
        if (minors is not null) m.Field("minors", minors);
        return m.Close();
    }

    /// <summary>One small MP4 with its per-file fields, then a caption file when given; left open for more parts.</summary>
    private static RawMultipart Video(string? transcript = "Sambutan kepala balai.", (string Name, byte[] Bytes)? captions = null, string contentType = "news")
    {
        var fields = Fields();
        fields["contentType"] = contentType;
        var m = new RawMultipart().Fields(fields).File("liputan.mp4", "video/mp4", [0, 0, 0, 0x18, .. "ftypisom"u8, .. RandomNumberGenerator.GetBytes(4096)])
            .Field("alt", "").Field("minors", "no");
        if (transcript is not null) m.Field("transcript", transcript);
        if (captions is { } c) m.File(c.Name, "text/vtt", c.Bytes, field: "captions");
        return m;
    }

    // --- building blocks ------------------------------------------------------------------------------------

    private static HostileCase Intake(string name, int status, string field, Func<HttpContent> content) =>
        new(name, status, Answer.Problem, field, _ => new HttpRequestMessage(HttpMethod.Post, Submissions) { Content = content() });

    private static HostileCase Intake(string name, int status, string field, Func<HttpRequestMessage> request) =>
        new(name, status, Answer.Problem, field, _ =>
        {
            var r = request();
            r.Method = HttpMethod.Post;
            r.RequestUri = new Uri(Submissions, UriKind.Relative);
            return r;
        });

    private static HostileCase UploadCase(string name, int status, string field, Func<HttpContent> content) =>
        new(name, status, Answer.Problem, field, _ => new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = content() });

    private static HostileCase Link(string name, int status, Func<HostileFixture, HttpRequestMessage> build) => new(name, status, Answer.Page, null, build);

    private static Dictionary<string, string> Fields() => RunningSystem.Fields("Judul uji");

    private static Dictionary<string, string> With(string field, string value)
    {
        var f = Fields();
        f[field] = value;
        return f;
    }

    private static Dictionary<string, string> Without(string field)
    {
        var f = Fields();
        f.Remove(field);
        return f;
    }

    private static RawMultipart Valid(string boundary = "hostile-boundary", Dictionary<string, string>? fields = null) =>
        new RawMultipart(boundary).Fields(fields ?? Fields()).File("foto.jpg", "image/jpeg", RunningSystem.Jpeg()).Close();

    private static HttpContent File(string name, string type, byte[] bytes) =>
        new RawMultipart().Fields(Fields()).File(name, type, bytes).Close().Content();

    private static HttpContent FileWith(string disposition, string type, byte[] bytes) =>
        new RawMultipart().Fields(Fields()).File("", type, bytes, disposition: disposition).Close().Content();

    private static HttpRequestMessage Json(string json) => new() { Content = RawMultipart.Json(json) };

    private static byte[] Elf() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, .. new byte[4000]];

    private static byte[] Polyglot(byte[] magic, string markup) => [.. magic, .. new byte[40], .. Encoding.ASCII.GetBytes(markup), .. new byte[2000]];

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, HttpContent? content) => new(HttpMethod.Post, path) { Content = content };

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static HttpRequestMessage Decide(string link, params (string Name, string Value)[] fields) => Post(link, Form(fields));

    private static HttpRequestMessage Revise(string link, params (string Name, string Value)[] fields) => Post(link, Form(fields));

    private static HttpRequestMessage Staff(HostileFixture fx, HttpRequestMessage r) => Keyed(r, fx.Host.AdminKey);

    private static HttpRequestMessage Keyed(HttpRequestMessage r, string key)
    {
        r.Headers.TryAddWithoutValidation("x-functions-key", key);
        return r;
    }

    public static string Token(string url) => url[(url.LastIndexOf('/') + 1)..];

    /// <summary>What an opaque link stands for, so that a case can sign an altered copy in the format mailed before them.</summary>
    private static LinkToken Decode(HostileFixture fx, string url)
    {
        var (check, token) = fx.Book.ReadAsync(Token(url), DateTimeOffset.UtcNow).GetAwaiter().GetResult();
        Assert.Equal(LinkCheck.Valid, check);
        return token!;
    }

    /// <summary>An opaque link with one of its three parts replaced.</summary>
    private static string Opaque(string url, string? keyId = null, string? submissionId = null, string? digest = null)
    {
        var parts = Token(url).Split('.');
        return $"{keyId ?? parts[0]}.{submissionId ?? parts[1]}.{digest ?? parts[2]}";
    }

    private static string Resign(HostileFixture fx, string url, Func<LinkToken, LinkToken> change) => fx.Signer.Sign(change(Decode(fx, url)));

    private static string SignedPayload(HostileFixture fx, string payload)
    {
        var encoded = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload));
        var mac = HMACSHA256.HashData(fx.Key, Encoding.ASCII.GetBytes(encoded));
        return encoded + "." + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(mac);
    }

    private static string AlterPayload(string url)
    {
        var token = Token(url).ToCharArray();
        token[5] = token[5] == 'A' ? 'B' : 'A';
        return new string(token);
    }

    private static string AlterSignature(string url)
    {
        var token = Token(url).ToCharArray();
        token[^3] = token[^3] == 'A' ? 'B' : 'A';
        return new string(token);
    }
}
