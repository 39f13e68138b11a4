using System.Text.Json.Nodes;

namespace Humas.Infra.Tests;

/// <summary>Both unit profiles are complete, self-consistent and shaped alike.</summary>
public sealed class UnitProfileTests
{
    public static TheoryData<string, int, string> Profiles() => new()
    {
        { "bbpmp-jateng", 35, "33" },
        { "bbgp-jatim", 38, "35" },
    };

    public static TheoryData<string> Ids() => new("bbpmp-jateng", "bbgp-jatim");

    private static JsonObject Load(string id) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Profiles, id + ".json")))!.AsObject();

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Regions_are_the_province_kabupaten_and_kota(string id, int count, string province)
    {
        var profile = Load(id);
        Assert.Equal(id, (string?)profile["id"]);
        var regions = profile["regions"]!.AsArray().Select(r => (Code: (string)r!["code"]!, Name: (string)r["name"]!)).ToList();

        Assert.Equal(count, regions.Count);
        Assert.Equal(count, regions.Select(r => r.Code).Distinct().Count());
        Assert.Equal(count, regions.Select(r => r.Name).Distinct().Count());
        Assert.All(regions, r =>
        {
            Assert.Matches($"^{province}[0-9]{{2}}$", r.Code);
            // Kemendagri numbering: 01-69 are kabupaten, 71 and up are kota.
            var number = int.Parse(r.Code[2..]);
            Assert.StartsWith(number >= 71 ? "Kota " : "Kabupaten ", r.Name);
        });
        // Codes run without gaps in both series.
        var kabupaten = regions.Select(r => int.Parse(r.Code[2..])).Where(n => n < 71).Order().ToList();
        var kota = regions.Select(r => int.Parse(r.Code[2..])).Where(n => n >= 71).Order().ToList();
        Assert.Equal(Enumerable.Range(1, kabupaten.Count), kabupaten);
        Assert.Equal(Enumerable.Range(71, kota.Count), kota);
    }

    [Fact]
    public void Jawa_timur_has_29_kabupaten_and_9_kota()
    {
        var names = Load("bbgp-jatim")["regions"]!.AsArray().ToDictionary(r => (string)r!["code"]!, r => (string)r!["name"]!);
        Assert.Equal(29, names.Keys.Count(c => int.Parse(c[2..]) < 71));
        Assert.Equal(9, names.Keys.Count(c => int.Parse(c[2..]) >= 71));
        Assert.Equal("Kabupaten Pacitan", names["3501"]);
        Assert.Equal("Kabupaten Sidoarjo", names["3515"]);
        Assert.Equal("Kabupaten Sumenep", names["3529"]);
        Assert.Equal("Kota Kediri", names["3571"]);
        Assert.Equal("Kota Surabaya", names["3578"]);
        Assert.Equal("Kota Batu", names["3579"]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_person_referenced_exists(string id)
    {
        var profile = Load(id);
        var people = profile["people"]!.AsArray().Select(p => (string)p!["key"]!).ToList();
        Assert.Equal(people.Count, people.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var referenced = new List<string>();
        referenced.AddRange(Keys(profile["review"]!));
        foreach (var track in profile["tracks"]!.AsArray()) referenced.AddRange(Keys(track!["approval"]!));
        referenced.AddRange(profile["summaryRecipients"]!.AsArray().Select(k => (string)k!));
        referenced.AddRange(profile["people"]!.AsArray().Select(p => (string?)p!["backup"]).OfType<string>());
        referenced.Add((string)profile["fallbackDecider"]!);

        Assert.NotEmpty(referenced);
        Assert.All(referenced, key => Assert.Contains(key, people, StringComparer.OrdinalIgnoreCase));
        Assert.All(profile["people"]!.AsArray(), p => Assert.EndsWith($"@{id}.example", (string)p!["email"]!));

        static IEnumerable<string> Keys(JsonNode route) =>
            route["deciders"]!.AsArray().Select(k => (string)k!);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Tracks_teams_and_targets_are_usable(string id)
    {
        var profile = Load(id);
        var tracks = profile["tracks"]!.AsArray().Select(t => (string)t!["id"]!).Order().ToList();
        Assert.Equal(["external", "internal"], tracks);
        var teams = profile["teams"]!.AsArray().Select(t => (string)t!["id"]!).ToList();
        Assert.Equal(teams.Count, teams.Distinct().Count());
        var targets = profile["targets"]!.AsArray();
        Assert.NotEmpty(targets);
        Assert.All(targets, set =>
        {
            var items = set!["items"]!.AsArray();
            Assert.Equal(items.Count, items.Select(i => (string)i!["id"]!).Distinct().Count());
            Assert.All(items, i => Assert.True((int)i!["target"]! > 0));
        });
    }

    [Fact]
    public void Both_profiles_share_one_schema()
    {
        Assert.Equal(Shape(Load("bbpmp-jateng")), Shape(Load("bbgp-jatim")));
    }

    // Every property path with its JSON kind, array elements folded together.
    private static SortedSet<string> Shape(JsonNode node)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        void Visit(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o:
                    paths.Add(path + ":object");
                    foreach (var (key, value) in o) Visit(value, $"{path}.{key}");
                    break;
                case JsonArray a:
                    paths.Add(path + ":array");
                    foreach (var e in a) Visit(e, path + "[]");
                    break;
                case JsonValue v:
                    paths.Add($"{path}:{v.GetValueKind()}".Replace("True", "Boolean").Replace("False", "Boolean"));
                    break;
            }
        }
        Visit(node, "$");
        return paths;
    }
}
