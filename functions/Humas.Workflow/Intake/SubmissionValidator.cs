using System.Globalization;
using System.Net.Mail;
using Humas.Workflow.Configuration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Intake;

/// <summary>Checks a submission against the contract and the unit profile; every bad field is named.</summary>
public sealed class SubmissionValidator(UnitProfile unit, IntakeOptions limits)
{
    public const int TitleMax = 300;
    public const int SummaryMax = 2_000;
    public const int ShortMax = 200;

    /// <summary>How far ahead a publication may be scheduled: further is a typing mistake, not a plan.</summary>
    public static readonly TimeSpan PublishHorizon = TimeSpan.FromDays(366);

    private static readonly string[] MultilineFields = ["summary", "body"];

    public SubmissionContent? Validate(SubmissionFields f, DateTimeOffset now, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        void Bad(string field, string reason)
        {
            if (!problems.TryGetValue(field, out var list)) problems[field] = list = [];
            list.Add(reason);
        }
        foreach (var (field, reason) in f.TypeErrors) Bad(field, reason);
        foreach (var (field, value) in f.All)
            if (!MediaDetails.PerFile.Contains(field) && TextRules.Check(value, MultilineFields.Contains(field, StringComparer.OrdinalIgnoreCase)) is { } reason && !problems.ContainsKey(field))
                Bad(field, reason);

        var title = f.One("title");
        if (title is null) Bad("title", "Judul wajib diisi / title is required");
        else if (title.Length > TitleMax) Bad("title", $"Judul paling banyak {TitleMax} karakter / at most {TitleMax} characters");

        var summary = f.One("summary");
        if (summary?.Length > SummaryMax) Bad("summary", $"Ringkasan paling banyak {SummaryMax} karakter / at most {SummaryMax} characters");
        var body = f.One("body");
        if (body?.Length > limits.MaxFieldLength) Bad("body", $"Isi paling banyak {limits.MaxFieldLength} karakter / at most {limits.MaxFieldLength} characters");

        var contentType = f.One("contentType") ?? "news";
        if (!ContentTypes.All.Contains(contentType))
            Bad("contentType", $"Jenis konten tidak dikenal / unknown content type; one of: {string.Join(", ", ContentTypes.All)}");

        var channels = f.Many("channels").Select(c => c.ToLowerInvariant()).Distinct().ToList();
        if (channels.Count == 0) channels = ["website"];
        foreach (var c in channels.Where(c => !Channels.All.Contains(c)))
            Bad("channels", $"Kanal tidak dikenal / unknown channel '{c}'; one of: {string.Join(", ", Channels.All)}");

        var track = (f.One("track") ?? "internal").ToLowerInvariant();
        if (unit.TrackById(track) is null)
            Bad("track", $"Jalur tidak dikenal / unknown track; one of: {string.Join(", ", unit.Tracks.Select(t => t.Id))}");

        var team = f.One("team");
        if (team is not null && unit.TeamById(team) is null)
            Bad("team", $"Tim tidak dikenal / unknown team; one of: {string.Join(", ", unit.Teams.Select(t => t.Id))}");

        var region = f.One("region");
        if (region is not null)
        {
            var known = unit.RegionByCode(region)
                        ?? unit.Regions.FirstOrDefault(r => string.Equals(r.Name, region, StringComparison.OrdinalIgnoreCase));
            if (known is null) Bad("region", $"Kabupaten/kota tidak dikenal di {unit.Province} / unknown region (use a code such as {unit.Regions[0].Code})");
            else region = known.Code;
        }

        var program = f.One("program");
        if (program?.Length > ShortMax) Bad("program", $"Paling banyak {ShortMax} karakter / at most {ShortMax} characters");

        var priority = false;
        if (f.One("priorityProgram") is { } p)
        {
            if (p.Equals("true", StringComparison.OrdinalIgnoreCase) || p.Equals("on", StringComparison.OrdinalIgnoreCase) || p == "1") priority = true;
            else if (!(p.Equals("false", StringComparison.OrdinalIgnoreCase) || p == "0"))
                Bad("priorityProgram", "Harus true atau false / must be true or false");
        }

        var submitterName = f.One("submitterName");
        if (submitterName?.Length > ShortMax) Bad("submitterName", $"Paling banyak {ShortMax} karakter / at most {ShortMax} characters");

        var email = f.One("submitterEmail");
        if (email is null) Bad("submitterEmail", "Email wajib diisi / email is required");
        else if (!IsEmail(email)) Bad("submitterEmail", "Alamat email tidak valid / not a valid email address");

        DateTimeOffset? publishAt = null;
        if (f.One("publishAt") is { } when)
        {
            if (!DateTimeOffset.TryParseExact(when, ["yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"],
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || !HasOffset(when))
                Bad("publishAt", "Tanggal terbit harus ISO 8601 dengan zona waktu / must be ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+07:00");
            else if (parsed <= now) Bad("publishAt", "Tanggal terbit harus di masa depan / must be in the future");
            else if (parsed > now + PublishHorizon) Bad("publishAt", "Tanggal terbit paling lambat satu tahun lagi / at most a year ahead");
            else publishAt = parsed.ToUniversalTime();
        }

        errors = problems.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        if (errors.Count > 0) return null;
        return new SubmissionContent
        {
            Title = title!, Summary = summary, Body = body, ContentType = contentType, Channels = channels, Track = track,
            Team = team?.ToLowerInvariant(), Region = region, Program = program, PriorityProgram = priority,
            SubmitterName = submitterName, SubmitterEmail = email!.ToLowerInvariant(), PublishAt = publishAt,
        };
    }

    private static bool HasOffset(string s) => s.EndsWith('Z') || s.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(s, @"[+-]\d\d:?\d\d$");

    public static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Any(char.IsWhiteSpace) || value.Any(char.IsControl)) return false;
        try
        {
            var address = new MailAddress(value);
            return address.Address == value && address.DisplayName.Length == 0 && address.Host.Contains('.');
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
