using System.Text.RegularExpressions;
using Humas.Workflow.Profiles;

namespace Humas.Workflow.People;

/// <summary>
/// The part of a unit profile staff change without a redeploy: the people (with their backups, the Plt/Plh), who
/// reviews, who approves each track, and who receives the weekly summary. Stored, it overrides the profile file.
/// </summary>
public sealed partial record PeopleSettings
{
    public required IReadOnlyList<Person> People { get; init; }
    public required IReadOnlyList<string> Reviewers { get; init; }

    /// <summary>The approvers of each track, by track id.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Approvers { get; init; }

    /// <summary>Person keys, or plain email addresses of people outside the unit.</summary>
    public required IReadOnlyList<string> SummaryRecipients { get; init; }

    public static PeopleSettings Of(UnitProfile unit) => new()
    {
        People = unit.People,
        Reviewers = unit.Review.Deciders,
        Approvers = unit.Tracks.ToDictionary(t => t.Id, t => t.Approval.Deciders),
        SummaryRecipients = unit.SummaryRecipients,
    };

    /// <summary>The profile with these people in it; how answers combine (the policies) stays as the profile says.</summary>
    public UnitProfile ApplyTo(UnitProfile unit) => unit with
    {
        People = People,
        Review = unit.Review with { Deciders = Reviewers },
        Tracks = unit.Tracks.Select(t => Approvers.TryGetValue(t.Id, out var keys) ? t with { Approval = t.Approval with { Deciders = keys } } : t).ToList(),
        SummaryRecipients = SummaryRecipients,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[^@\s<>(),;:""\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();

    public static bool IsEmail(string? text) => text is { Length: <= 254 } && EmailPattern().IsMatch(text);

    /// <summary>Every problem, by field name (<c>people[2].email</c>, <c>approvers.internal</c>...); empty when the settings can be used.</summary>
    public Dictionary<string, string[]> Validate(UnitProfile file)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var had) ? [.. had, message] : [message];

        if (People.Count == 0) Add("people", "Paling sedikit satu orang / at least one person");
        if (People.Count > 200) Add("people", "Paling banyak 200 orang / at most 200 people");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < People.Count; i++)
        {
            var p = People[i];
            var at = $"people[{i}]";
            if (p is null) { Add(at, "Data orang kosong / empty entry"); continue; }
            if (string.IsNullOrWhiteSpace(p.Key) || !KeyPattern().IsMatch(p.Key))
                Add($"{at}.key", "Kunci huruf kecil, angka dan tanda hubung (mis. kabag-umum) / a key of lower-case letters, digits and hyphens");
            else if (!keys.Add(p.Key)) Add($"{at}.key", $"Kunci '{p.Key}' dipakai dua kali / key '{p.Key}' is used twice");
            if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 200) Add($"{at}.name", "Nama wajib, paling banyak 200 karakter / a name is required, at most 200 characters");
            // Names and titles go into mail headers and pages: no line breaks or other control characters.
            else if (p.Name.Any(char.IsControl)) Add($"{at}.name", "Tanpa karakter kendali / no control characters");
            if (p.Title?.Length > 200) Add($"{at}.title", "Paling banyak 200 karakter / at most 200 characters");
            else if (p.Title?.Any(char.IsControl) == true) Add($"{at}.title", "Tanpa karakter kendali / no control characters");
            if (!IsEmail(p.Email)) Add($"{at}.email", "Alamat email tidak valid / not a valid email address");
        }
        var byKey = People.Where(p => p?.Key is not null).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < People.Count; i++)
        {
            var p = People[i];
            if (p?.Backup is not { Length: > 0 } backupKey) continue;
            var at = $"people[{i}].backup";
            if (!byKey.TryGetValue(backupKey, out var backup)) Add(at, $"Tidak ada orang dengan kunci '{backupKey}' / nobody has the key '{backupKey}'");
            else if (backupKey == p.Key || string.Equals(backup.Email, p.Email, StringComparison.OrdinalIgnoreCase))
                Add(at, "Pengganti (Plt/Plh) harus orang lain / the backup must be someone else");
        }

        void Known(string field, IReadOnlyList<string>? list, bool required)
        {
            if (list is null || (required && list.Count == 0)) { Add(field, "Paling sedikit satu orang / at least one person"); return; }
            foreach (var k in list.Where(k => !byKey.ContainsKey(k ?? "")))
                Add(field, $"Tidak ada orang dengan kunci '{k}' / nobody has the key '{k}'");
            if (list.Distinct().Count() != list.Count) Add(field, "Ada orang yang disebut dua kali / someone is named twice");
        }
        Known("reviewers", Reviewers, required: true);
        foreach (var track in file.Tracks)
            Known($"approvers.{track.Id}", Approvers?.GetValueOrDefault(track.Id), required: true);
        foreach (var unknown in (Approvers?.Keys ?? []).Where(t => file.TrackById(t) is null))
            Add($"approvers.{unknown}", $"Jalur yang dikenal / known tracks: {string.Join(", ", file.Tracks.Select(t => t.Id))}");
        for (var i = 0; i < (SummaryRecipients?.Count ?? 0); i++)
        {
            var r = SummaryRecipients![i];
            if (r is null || (!byKey.ContainsKey(r) && !IsEmail(r)))
                Add($"summaryRecipients[{i}]", $"Bukan kunci orang atau alamat email / neither a person's key nor an email address: '{r}'");
        }
        if (SummaryRecipients is null) Add("summaryRecipients", "Wajib diisi (boleh kosong) / required (may be empty)");

        // The profile's fixed routes still name these people; removing them would break those routes.
        var needed = file.ApprovalByContentType.Values.SelectMany(r => r.Deciders)
            .Append(file.FallbackDecider).Append(PersonKeys.HumasTeam)
            .OfType<string>().Where(k => file.PersonByKeyOrNull(k) is not null).Distinct();
        foreach (var k in needed.Where(k => !byKey.ContainsKey(k)))
            Add("people", $"'{k}' dipakai profil unit dan tidak boleh dihapus / '{k}' is used by the unit profile and cannot be removed");
        return errors;
    }

    /// <summary>What changed, one line each, for the change log.</summary>
    public static IReadOnlyList<string> Differences(PeopleSettings before, PeopleSettings after)
    {
        var lines = new List<string>();
        var old = before.People.ToDictionary(p => p.Key);
        foreach (var p in after.People)
        {
            if (!old.Remove(p.Key, out var was)) { lines.Add($"+ {p.Key}: {p.Name} <{p.Email}>{(p.Backup is null ? "" : $", backup {p.Backup}")}"); continue; }
            void Field(string name, string? a, string? b)
            {
                if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal)) lines.Add($"{p.Key}.{name}: {a ?? "-"} -> {b ?? "-"}");
            }
            Field("name", was.Name, p.Name);
            Field("title", was.Title, p.Title);
            Field("email", was.Email, p.Email);
            Field("backup", was.Backup, p.Backup);
        }
        lines.AddRange(old.Keys.Select(k => $"- {k}"));
        void List(string name, IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            if (!a.SequenceEqual(b)) lines.Add($"{name}: {string.Join(", ", a)} -> {string.Join(", ", b)}");
        }
        List("reviewers", before.Reviewers, after.Reviewers);
        foreach (var track in before.Approvers.Keys.Union(after.Approvers.Keys))
            List($"approvers.{track}", before.Approvers.GetValueOrDefault(track) ?? [], after.Approvers.GetValueOrDefault(track) ?? []);
        List("summaryRecipients", before.SummaryRecipients, after.SummaryRecipients);
        return lines;
    }

    /// <summary>Tidies what a form sent: trimmed text, empty backups and titles as none.</summary>
    public PeopleSettings Normalized() => this with
    {
        People = (People ?? []).Select(p => p is null ? p! : p with
        {
            Key = p.Key?.Trim() ?? "", Name = p.Name?.Trim() ?? "", Title = p.Title?.Trim() ?? "", Email = p.Email?.Trim() ?? "",
            Backup = string.IsNullOrWhiteSpace(p.Backup) ? null : p.Backup.Trim(),
        }).ToList(),
        Reviewers = (Reviewers ?? []).Select(k => k?.Trim() ?? "").ToList(),
        Approvers = (Approvers ?? new Dictionary<string, IReadOnlyList<string>>())
            .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)(kv.Value ?? []).Select(k => k?.Trim() ?? "").ToList()),
        SummaryRecipients = (SummaryRecipients ?? []).Select(k => k?.Trim() ?? "").ToList(),
    };
}
