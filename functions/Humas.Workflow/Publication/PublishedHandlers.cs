using Humas.Workflow.Vocabulary;
using System.Text;
using System.Xml.Linq;
using Humas.Workflow.Http;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Publication;

/// <summary>The public side of the website channel: /published, /feed.atom, /api/published and the media they show.</summary>
public sealed class PublishedHandlers(
    WebsiteFeed feed, SubmissionStore store, MediaStore media, UnitProfile unit, Links.Links links, ComponentRenderer renderer)
{
    private const int PageSize = 50;

    public async Task<IResult> PageAsync(HttpContext http)
    {
        var lang = Language.Of(http.Request);
        return PageResult.Of<PublishedPage>(new Dictionary<string, object?>
        {
            [nameof(PublishedPage.Unit)] = unit,
            [nameof(PublishedPage.Items)] = await feed.LatestAsync(PageSize, http.RequestAborted),
            [nameof(PublishedPage.FeedUrl)] = $"{links.BaseUrl}/feed.atom",
            [nameof(PublishedPage.Lang)] = lang,
        });
    }

    public async Task<IResult> JsonAsync(HttpContext http) =>
        Results.Json(new { items = await feed.LatestAsync(PageSize, http.RequestAborted) }, SubmissionJson.Options);

    public async Task<IResult> AtomAsync(HttpContext http)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var items = await feed.LatestAsync(PageSize, http.RequestAborted);
        var updated = items.Count > 0 ? items[0].PublishedAt : DateTimeOffset.UnixEpoch;
        var contents = new List<string>();
        foreach (var i in items)
            contents.Add(await renderer.RenderAsync<FeedContent>(new Dictionary<string, object?> { [nameof(FeedContent.Item)] = i }));
        var doc = new XElement(atom + "feed",
            new XElement(atom + "title", unit.ShortName + " · Publikasi"),
            new XElement(atom + "id", $"{links.BaseUrl}/feed.atom"),
            new XElement(atom + "updated", updated.ToString("O")),
            new XElement(atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{links.BaseUrl}/feed.atom")),
            new XElement(atom + "author", new XElement(atom + "name", unit.UnitName)),
            items.Select((i, n) => new XElement(atom + "entry",
                new XElement(atom + "title", i.Title),
                new XElement(atom + "id", $"urn:humas:{unit.Id}:{i.Id}"),
                new XElement(atom + "updated", i.PublishedAt.ToString("O")),
                new XElement(atom + "published", i.PublishedAt.ToString("O")),
                new XElement(atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", i.Url)),
                new XElement(atom + "category", new XAttribute("term", i.ContentType)),
                i.Summary is null ? null : new XElement(atom + "summary", i.Summary),
                new XElement(atom + "content", new XAttribute("type", "html"), contents[n]),
                i.Media.Select(m => new XElement(atom + "link", new XAttribute("rel", "enclosure"),
                    new XAttribute("type", m.ContentType), new XAttribute("length", m.Size), new XAttribute("href", m.Url))))));
        return Results.Text(new XDocument(new XDeclaration("1.0", "utf-8", null), doc).ToString(), "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Serves a published item's media; nothing of an unpublished submission is public.</summary>
    public async Task<IResult> MediaAsync(HttpContext http, string id, string name)
    {
        var ct = http.RequestAborted;
        var published = await store.GetMarkerAsync<PublicationRecord>(id, WebsiteFeed.PublicationKey(WebsiteFeed.Channel), ct);
        if (published is null) return Problems.Status(404, "Tidak ditemukan / not found");
        // Taken down: its files are no more public than an unpublished submission's.
        if (await store.GetMarkerAsync<object>(id, WebsiteFeed.TakedownKey(WebsiteFeed.Channel), ct) is not null)
            return Problems.Status(404, "Tidak ditemukan / not found");
        var s = await store.GetAsync(id, ct);
        var item = s?.Media.FirstOrDefault(m => m.Name == name);
        if (item is null) return Problems.Status(404, "Tidak ditemukan / not found");
        var stream = await media.OpenReadAsync(item.BlobName, ct);
        return stream is null ? Problems.Status(404, "Tidak ditemukan / not found") : Results.Stream(stream, item.ContentType, enableRangeProcessing: true);
    }
}
