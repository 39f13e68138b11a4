using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Intake;

/// <summary>GET /assets/form.js: the form's script, served from our own route so the page needs no other origin.</summary>
public sealed class FormScript
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(FormScript).Assembly.GetManifestResourceStream("Humas.Assets.form.js")
                           ?? throw new InvalidOperationException("The form script is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(Source.Value, "text/javascript; charset=utf-8");
    }
}
