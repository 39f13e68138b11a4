using System.Text.Json;

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
