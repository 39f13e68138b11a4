using System.Globalization;
using System.Text.Json.Nodes;

namespace Humas.Workflow.Reach;

/// <summary>A count in an API's answer: Graph gives numbers, the YouTube Data API gives them as strings.</summary>
public static class ReachNumber
{
    public static long Of(JsonNode? node) =>
        node is not null && long.TryParse(node.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
