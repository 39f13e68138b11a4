using Azure;
using Azure.Data.Tables;
using Humas.Workflow.Pages;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Consents;

/// <summary>
/// The consent register, in the registers table: one row a consent (partition <c>consent</c>), and beside each the
/// submissions that name it (partition <c>consent-use-{id}</c>), so a withdrawal finds them without reading every
/// submission.
/// </summary>
public sealed class ConsentRegister(HumasStorage storage, TimeProvider clock)
{
    private const string Partition = "consent";
    private TableClient Table => storage.Table(HumasStorage.RegistersTable);

    /// <summary>Who a takedown names when a withdrawal started it.</summary>
    public const string WithdrawnBy = "Tim Humas";

    private static string UsePartition(string id) => $"consent-use-{id}";

    /// <summary>Today in the unit's own time: a consent holds through the whole of its last day.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToWib().DateTime);

    public async Task AddAsync(RegisteredConsent consent, CancellationToken ct = default) =>
        await Table.AddEntityAsync(SubmissionStore.Row(Partition, consent.Id, consent), ct);

    public async Task<RegisteredConsent?> GetAsync(string id, CancellationToken ct = default)
    {
        if (!SubmissionStore.IsWellFormedId(id)) return null;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return row.HasValue ? SubmissionStore.Read<RegisteredConsent>(row.Value!) : null;
    }

    /// <summary>
    /// Why a submission may not rest on the consent <paramref name="id"/> on <paramref name="day"/>: it is not in the
    /// register, is withdrawn, or has expired; null when it holds. An id taken on trust would let a photo of children
    /// through on a made-up number.
    /// </summary>
    public async Task<string?> ProblemAsync(string id, DateOnly day, CancellationToken ct = default) =>
        await GetAsync(id, ct) is { } consent ? consent.ProblemOn(day) : NotInRegister;

    public const string NotInRegister =
        "Nomor persetujuan tidak ada di register; lampirkan dokumen persetujuan (consentDocument) / no consent with this id in the register; attach the consent document (consentDocument)";

    public async Task<IReadOnlyList<RegisteredConsent>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<RegisteredConsent>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
            list.Add(SubmissionStore.Read<RegisteredConsent>(row));
        return list.OrderByDescending(c => c.RegisteredAt).ToList();
    }

    /// <summary>Marks it withdrawn once; a second withdrawal answers the first one's record.</summary>
    public async Task<RegisteredConsent> WithdrawAsync(RegisteredConsent consent, DateTimeOffset at, string reason, CancellationToken ct = default)
    {
        if (consent.WithdrawnOn is not null) return consent;
        var withdrawn = consent with { WithdrawnOn = at, WithdrawalReason = reason };
        await Table.UpsertEntityAsync(SubmissionStore.Row(Partition, consent.Id, withdrawn), TableUpdateMode.Replace, ct);
        return withdrawn;
    }

    /// <summary>Notes that a submission names the consent; kept before the submission is, so no use is ever missing.</summary>
    public async Task AddUseAsync(string id, string submissionId, CancellationToken ct = default)
    {
        try
        {
            await Table.AddEntityAsync(SubmissionStore.Row(UsePartition(id), submissionId, new ConsentUse(submissionId, clock.GetUtcNow())), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Named before, by the same submission.
        }
    }

    public async Task<IReadOnlyList<ConsentUse>> UsesAsync(string id, CancellationToken ct = default)
    {
        var list = new List<ConsentUse>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == UsePartition(id), cancellationToken: ct))
            list.Add(SubmissionStore.Read<ConsentUse>(row));
        return list;
    }
}
