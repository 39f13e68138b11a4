using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Http;

public static class HtmlResult
{
    public static IResult Page(string html, int status = 200) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
