using System.Text.RegularExpressions;

namespace Humas.Workflow.Tests.Architecture;

/// <summary>One file's use of another folder: the folder it is in, the folder it uses, and where it says so.</summary>
public sealed record FolderUse(string From, string To, string File, int Line)
{
    public override string ToString() => $"{From} -> {To} ({File}:{Line})";
}

/// <summary>
/// Which folder of a project uses which, read from the source text: <c>using Humas.Workflow.X</c> lines (a .razor file
/// also has those of every <c>_Imports.razor</c> above it), fully qualified <c>Humas.Workflow.X.</c> names, names
/// qualified from the parent namespace (<c>Links.Links</c>, which needs no using), and the root folder's types, which
/// every namespace below sees without one; comment lines do not count. A folder is a namespace here:
/// Publication/Channels belongs to Publication.
/// </summary>
public sealed partial class FolderGraph(IReadOnlyList<FolderUse> uses)
{
    public const string Root = "(root)";
    private const string Imports = "_Imports.razor";

    public IReadOnlyList<FolderUse> Uses { get; } = uses;

    public static FolderGraph Read(string projectDirectory) =>
        FromSources(Directory.EnumerateFiles(projectDirectory, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(projectDirectory, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal) && !p.StartsWith("obj/", StringComparison.Ordinal))
            .ToDictionary(p => p, p => File.ReadAllText(Path.Combine(projectDirectory, p))));

    /// <param name="sources">Source text by path relative to the project folder, with forward slashes.</param>
    public static FolderGraph FromSources(IReadOnlyDictionary<string, string> sources)
    {
        var names = DeclaredNames(sources);
        var uses = new List<FolderUse>();
        foreach (var (path, text) in sources.Where(s => Path.GetFileName(s.Key) != Imports))
        {
            var from = FolderOf(path);
            var read = ImportsAbove(path).Where(sources.ContainsKey).Select(i => (File: i, Text: sources[i])).Prepend((File: path, Text: text));
            foreach (var (file, source) in read)
                foreach (var (line, number) in source.Split('\n').Select((l, i) => (l, i + 1)))
                    foreach (var to in Named(line, names, countRootTypes: from != Root))
                        if (to != from) uses.Add(new FolderUse(from, to, file, number));
        }
        return new FolderGraph(uses.Distinct().OrderBy(u => u.File, StringComparer.Ordinal).ThenBy(u => u.Line).ToList());
    }

    public static string FolderOf(string path) => path.Contains('/') ? path[..path.IndexOf('/')] : Root;

    /// <summary>One cycle through each group of folders that reach one another, counting only the uses given.</summary>
    public IReadOnlyList<IReadOnlyList<FolderUse>> Cycles(Func<FolderUse, bool> counted)
    {
        var edges = Uses.Where(counted).GroupBy(u => (u.From, u.To)).ToDictionary(g => g.Key, g => g.First());
        var next = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        return StronglyConnected(next)
            .Where(group => group.Count > 1)
            .Select(group => ShortestCycle(group.Min(StringComparer.Ordinal)!, group, next).Select(e => edges[e]).ToList())
            .ToList<IReadOnlyList<FolderUse>>();
    }

    /// <summary>The _Imports.razor files whose usings a .razor file has: its folder's and every folder's above.</summary>
    private static IEnumerable<string> ImportsAbove(string path)
    {
        if (!path.EndsWith(".razor", StringComparison.Ordinal)) yield break;
        for (var folder = Path.GetDirectoryName(path)!; ; folder = Path.GetDirectoryName(folder)!)
        {
            yield return folder.Length == 0 ? Imports : $"{folder}/{Imports}".Replace('\\', '/');
            if (folder.Length == 0) yield break;
        }
    }

    /// <summary>The folders one line names.</summary>
    private static IEnumerable<string> Named(string line, Dictionary<string, HashSet<string>> names, bool countRootTypes)
    {
        // A comment names what it explains, not what the code needs; doc comments are not compiled here.
        if (NamespaceLine().IsMatch(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) yield break;
        if (UsingLine().Match(line) is { Success: true } directive)
        {
            // A using may name a root type (using static Humas.Workflow.Routes) rather than a folder.
            if (!directive.Groups[1].Success || names[Root].Contains(directive.Groups[1].Value)) yield return Root;
            else if (names.ContainsKey(directive.Groups[1].Value)) yield return directive.Groups[1].Value;
            yield break;
        }
        foreach (Match m in Qualified().Matches(line))
            if (names.ContainsKey(m.Groups[1].Value)) yield return m.Groups[1].Value;
            else if (names[Root].Contains(m.Groups[1].Value)) yield return Root;
        foreach (Match m in PartlyQualified().Matches(line))
            if (names.TryGetValue(m.Groups[1].Value, out var declared) && declared.Contains(m.Groups[2].Value)) yield return m.Groups[1].Value;
        if (!countRootTypes) yield break;
        foreach (Match m in Word().Matches(line))
            if (names[Root].Contains(m.Value)) yield return Root;
    }

    /// <summary>The types and child namespaces declared in each folder's namespace, so that <c>Links.Links</c> counts and <c>People.Count</c> does not.</summary>
    private static Dictionary<string, HashSet<string>> DeclaredNames(IReadOnlyDictionary<string, string> sources)
    {
        var names = new Dictionary<string, HashSet<string>> { [Root] = [] };
        foreach (var (path, text) in sources)
        {
            var folder = FolderOf(path);
            if (!names.TryGetValue(folder, out var declared)) names[folder] = declared = [];
            if (folder != Root && path.Count(c => c == '/') > 1) declared.Add(path.Split('/')[1]);
            if (!path.EndsWith(".razor", StringComparison.Ordinal)) declared.UnionWith(Declaration().Matches(text).Select(m => m.Groups[1].Value));
            else if (Path.GetFileName(path) != Imports) declared.Add(Path.GetFileNameWithoutExtension(path));
        }
        return names;
    }

    private static List<List<string>> StronglyConnected(Dictionary<string, List<string>> next)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var groups = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in next.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var group = new List<string>();
            string popped;
            do group.Add(popped = stack.Pop());
            while (popped != v);
            groups.Add(group);
        }
        foreach (var v in next.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Visit(v);
        return groups;
    }

    private static List<(string From, string To)> ShortestCycle(string start, List<string> group, Dictionary<string, List<string>> next)
    {
        var cameFrom = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in (next.GetValueOrDefault(v) ?? []).Where(group.Contains))
            {
                if (w == start)
                {
                    var path = new List<(string, string)> { (v, w) };
                    for (var at = v; at != start; at = cameFrom[at]) path.Insert(0, (cameFrom[at], at));
                    return path;
                }
                if (cameFrom.TryAdd(w, v)) queue.Enqueue(w);
            }
        }
        throw new InvalidOperationException($"{start} is in a group but on no cycle.");
    }

    [GeneratedRegex(@"^\s*@?(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?Humas\.Workflow(?:\.(\w+))?\b")]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^\s*@?namespace\s")]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?Humas\.Workflow\.(\w+)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex PartlyQualified();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();
}
