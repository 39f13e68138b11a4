namespace Humas.Workflow.Storage;

/// <summary>Where one submission appears in the index: a partition (all, a status, a month, a calendar month) and a row.</summary>
public sealed record IndexKey(string Partition, string Row)
{
    public override string ToString() => $"{Partition}|{Row}";

    public static IndexKey Parse(string text) => text.Split('|', 2) is [var p, var r] ? new IndexKey(p, r) : throw new FormatException(text);
}
