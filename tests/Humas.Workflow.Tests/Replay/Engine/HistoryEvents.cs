using System.Reflection;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.History;

namespace Humas.Workflow.Tests.Replay;

/// <summary>
/// Turns History table rows back into <see cref="HistoryEvent"/>s the way the Azure Storage provider does when it loads
/// an instance (AzureTableTrackingStore.GetHistoryEventsAsync): the sentinel row is skipped, only the sentinel's
/// execution is read, the row's EventType picks the event class, and the provider's own internal TableEntityConverter
/// fills it in. Using the provider's converter, not a copy of it, means a new provider version is tested as it reads.
/// </summary>
public static class HistoryEvents
{
    public const string SentinelRowKey = "sentinel";

    // Variable-size properties the provider moves to a blob when they are large (VariableSizeEntityProperties).
    private static readonly string[] BlobBacked = ["Name", "Input", "Result", "Output", "Reason", "Details", "Correlation", "FailureDetails", "Tags"];

    private static readonly Func<TableEntity, Type, object> Deserialize = FindConverter();

    private static readonly IReadOnlyDictionary<EventType, Type> EventClasses = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(HistoryEvent)))
        .ToDictionary(t => ((HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)).EventType);

    /// <summary>Fresh event objects on every call: the executor marks the events it plays, so no two runs may share them.</summary>
    public static IReadOnlyList<HistoryEvent> FromRows(IReadOnlyList<TableEntity> rows)
    {
        var sentinel = rows.LastOrDefault(r => r.RowKey == SentinelRowKey);
        var executionId = sentinel?.GetString("ExecutionId") ?? rows.FirstOrDefault()?.GetString("ExecutionId");
        var events = new List<HistoryEvent>(rows.Count);
        foreach (var row in HistoryRows.InRowKeyOrder(rows))
        {
            if (row.RowKey == SentinelRowKey) continue;
            if (row.GetString("ExecutionId") != executionId) break;
            events.Add(ToEvent(row));
        }
        return events;
    }

    /// <summary>The names of the blobs a row's large properties were moved to; a fixture must not need any.</summary>
    public static IReadOnlyList<string> BlobNames(TableEntity row) =>
        BlobBacked.Select(p => row.GetString(p + "BlobName")).OfType<string>().ToList();

    private static HistoryEvent ToEvent(TableEntity row)
    {
        if (BlobNames(row) is { Count: > 0 } blobs)
            throw new InvalidDataException($"Row {row.RowKey} keeps part of its event in blob {string.Join(", ", blobs)}, which a fixture does not have.");
        var name = row.GetString("EventType") ?? throw new InvalidDataException($"Row {row.RowKey} has no EventType.");
        if (!Enum.TryParse<EventType>(name, out var type) || !EventClasses.TryGetValue(type, out var eventClass))
            throw new InvalidDataException($"Row {row.RowKey}: {name} is not an event type of DurableTask.Core.");
        // The converter reads the row as it is; a copy keeps the caller's rows unchanged.
        return (HistoryEvent)Deserialize(new TableEntity(row), eventClass);
    }

    private static Func<TableEntity, Type, object> FindConverter()
    {
        const string converterName = "DurableTask.AzureStorage.Tracking.TableEntityConverter";
        // By name: the workflow tests reference the provider at run time only.
        var converter = Assembly.Load("DurableTask.AzureStorage").GetType(converterName)
            ?? throw new InvalidOperationException($"{converterName} is gone from this version of DurableTask.AzureStorage.");
        var method = converter.GetMethod("Deserialize", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(TableEntity), typeof(Type)])
            ?? throw new InvalidOperationException($"{converterName}.Deserialize(TableEntity, Type) is gone from this version of DurableTask.AzureStorage.");
        return method.CreateDelegate<Func<TableEntity, Type, object>>();
    }
}
