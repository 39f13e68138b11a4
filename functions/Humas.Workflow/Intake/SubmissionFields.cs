namespace Humas.Workflow.Intake;

/// <summary>The fields of a submission as they arrived, form or JSON, before any check.</summary>
public sealed class SubmissionFields
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fields whose JSON type was wrong, with the reason.</summary>
    public Dictionary<string, string> TypeErrors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string name, string value)
    {
        if (!values.TryGetValue(name, out var list)) values[name] = list = [];
        list.Add(value);
    }

    public string? One(string name) =>
        values.TryGetValue(name, out var list) ? list.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() : null;

    public IReadOnlyList<string> Many(string name) =>
        values.TryGetValue(name, out var list)
            ? list.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : [];

    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>Every value as it arrived, field by field.</summary>
    public IEnumerable<(string Field, string Value)> All => values.SelectMany(kv => kv.Value.Select(v => (kv.Key, v)));

    /// <summary>How many values arrived, whatever their names.</summary>
    public int Count => values.Values.Sum(v => v.Count);
}
