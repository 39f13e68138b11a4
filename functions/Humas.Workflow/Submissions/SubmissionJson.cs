using System.Text.Json;
using System.Text.Json.Serialization;

namespace Humas.Workflow.Submissions;

/// <summary>The one JSON shape the app writes: web defaults, enums as names, nulls left out.</summary>
public static class SubmissionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
