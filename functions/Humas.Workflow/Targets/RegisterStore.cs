using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Targets;

/// <summary>
/// The registers targets count from besides content. Each entry's id comes from what it is (a community's
/// name and region, a medium's name, an item's address), so that sending the same entry again finds it.
/// </summary>
public sealed class RegisterStore(HumasStorage storage)
{
    private const string CommunityPartition = "community";
    private const string MediumPartition = "partner-media";

    private TableClient Table => storage.Table(HumasStorage.RegistersTable);

    public static string CommunityId(string name, string region) => $"{Slug(name)}-{region}";
    public static string MediumId(string name) => Slug(name);
    public static string ItemId(string url) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url.Trim())))[..16].ToLowerInvariant();

    public Task<(bool Added, Community Value)> AddCommunityAsync(Community c, CancellationToken ct = default) =>
        AddAsync(CommunityPartition, c.Id, c, ct);

    public Task<(bool Added, PartnerMedium Value)> AddMediumAsync(PartnerMedium m, CancellationToken ct = default) =>
        AddAsync(MediumPartition, m.Id, m, ct);

    public Task<(bool Added, CarriedItem Value)> AddItemAsync(CarriedItem i, CancellationToken ct = default) =>
        AddAsync(ItemPartition(i.MediumId), i.Id, i, ct);

    public Task<PartnerMedium?> GetMediumAsync(string id, CancellationToken ct = default) => GetAsync<PartnerMedium>(MediumPartition, id, ct);

    public Task<IReadOnlyList<Community>> CommunitiesAsync(CancellationToken ct = default) => ListAsync<Community>(CommunityPartition, ct);

    public Task<IReadOnlyList<PartnerMedium>> MediaAsync(CancellationToken ct = default) => ListAsync<PartnerMedium>(MediumPartition, ct);

    public Task<IReadOnlyList<CarriedItem>> ItemsAsync(string mediumId, CancellationToken ct = default) => ListAsync<CarriedItem>(ItemPartition(mediumId), ct);

    private static string ItemPartition(string mediumId) => $"partner-item-{mediumId}";

    private async Task<(bool, T)> AddAsync<T>(string partition, string id, T value, CancellationToken ct)
    {
        try
        {
            await Table.AddEntityAsync(SubmissionStore.Row(partition, id, value), ct);
            return (true, value);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (false, (await GetAsync<T>(partition, id, ct))!);
        }
    }

    private async Task<T?> GetAsync<T>(string partition, string id, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: ct);
        return row.HasValue ? SubmissionStore.Read<T>(row.Value!) : default;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string partition, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
            list.Add(SubmissionStore.Read<T>(row));
        return list;
    }

    /// <summary>Lower-case letters and digits joined by single hyphens: "Kombel Guru SD Semarang" is kombel-guru-sd-semarang.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-' && char.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark) sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }
}
