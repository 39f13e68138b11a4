using System.Text.Json;
using System.Text.RegularExpressions;
using Humas.Workflow.Http;

namespace Humas.Integration.Tests.Hostile;

/// <summary>Every hostile request gets a clear 4xx, never a 5xx, and leaves storage exactly as it was.</summary>
public sealed class HostileInputTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in HostileCorpus.All) data.Add(c.Name);
        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_a_hundred_distinct_cases()
    {
        Assert.True(HostileCorpus.All.Count >= 100, $"{HostileCorpus.All.Count} cases");
        Assert.Equal(HostileCorpus.All.Count, HostileCorpus.All.Select(c => c.Name).Distinct().Count());
    }

    /// <summary>
    /// Every route in <see cref="StaffRoutes"/> has a case in the corpus that asks it without any key, and is refused
    /// with the staff key's 401: a staff route added without such a case fails here.
    /// </summary>
    [Fact]
    public async Task Every_staff_route_answers_401_without_the_key()
    {
        var keyless = HostileCorpus.All.Where(c => c.Status == 401).ToList();
        foreach (var route in StaffRoutes.All)
        {
            var shape = Template(route.Route);
            var hostile = keyless.FirstOrDefault(c =>
            {
                using var r = c.Build(fixture);
                var target = r.RequestUri!.OriginalString;
                var path = target.Split('?')[0];
                var query = target.Contains('?') ? target[(target.IndexOf('?') + 1)..] : "";
                return r.Method.Method == route.Method && shape.IsMatch(path) && !r.Headers.Contains(StaffKey.Header)
                    && !query.Split('&').Any(p => p.StartsWith("code=", StringComparison.Ordinal));
            });
            Assert.True(hostile is not null, $"{route}: no case in the hostile corpus asks it without the key");

            using var request = hostile.Build(fixture);
            using var response = await fixture.Host.Http.SendAsync(request);
            Assert.True((int)response.StatusCode == 401, $"{route} ({hostile.Name}): {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static Regex Template(string route) =>
        new("^/" + string.Join("/", route.Split('/').Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_request_is_refused_and_leaves_nothing_behind(string name)
    {
        var hostile = HostileCorpus.All.Single(c => c.Name == name);
        var before = await fixture.CountAsync();
        using var request = hostile.Build(fixture);
        using var response = await fixture.Host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var shown = $"{name}: {status} {response.Content.Headers.ContentType} {body[..Math.Min(body.Length, 600)]}";

        Assert.True(status is >= 400 and < 500, shown);
        Assert.True(status == hostile.Status, $"expected {hostile.Status}; {shown}");
        switch (hostile.Answer)
        {
            case Answer.Problem:
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", shown);
                using (var problem = JsonDocument.Parse(body))
                {
                    Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
                    if (hostile.Field is { } field)
                    {
                        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var reasons)
                                    && reasons.GetArrayLength() > 0, $"no reason for '{field}'; {shown}");
                    }
                }
                break;
            case Answer.Page:
                Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", shown);
                break;
        }

        await Task.Delay(100);
        Assert.Equal(before, await fixture.CountAsync());
    }
}
