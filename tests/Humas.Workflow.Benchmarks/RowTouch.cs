namespace Humas.Workflow.Benchmarks;

/// <summary>One row a request touched, or the rows a query asked for (its partition, and its row key's lower bound).</summary>
public sealed record RowTouch(string Resource, string? PartitionKey, string? RowKey);
