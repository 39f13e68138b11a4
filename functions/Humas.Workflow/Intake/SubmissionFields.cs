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

    /// <summary>Every value of a field as it arrived, in order, empty ones too: the n-th <c>alt</c> belongs to the n-th file.</summary>
    public IReadOnlyList<string> Each(string name) => values.TryGetValue(name, out var list) ? list : [];

    /// <summary>
    /// The <c>media</c> parts in the order they came, true where a file was stored: a browser sends an empty part for a
    /// file input left empty, and that row's <c>alt</c>, <c>caption</c> and <c>minors</c> come all the same.
    /// </summary>
    public List<bool> MediaSlots { get; } = [];

    /// <summary>How many values arrived, whatever their names.</summary>
    public int Count => values.Values.Sum(v => v.Count);
}
