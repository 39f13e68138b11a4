using System.Text.Json;
using System.Text.Json.Serialization;

namespace Humas.Workflow.Calendar;

/// <summary>The same text as in settings: a plain value as System.Text.Json writes a TimeSpan, so older inputs read back.</summary>
public sealed class WorkingDurationJsonConverter : JsonConverter<WorkingDuration>
{
    public override WorkingDuration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && WorkingDuration.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("A duration is a TimeSpan (3.00:00:00), working days (2wd) or working hours (16wh).");

    public override void Write(Utf8JsonWriter writer, WorkingDuration value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
