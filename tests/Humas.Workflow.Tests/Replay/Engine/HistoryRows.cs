using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;

namespace Humas.Workflow.Tests.Replay;

/// <summary>
/// The rows of one instance in the task hub's History table, as a fixture file: a JSON array with one object per row
/// in RowKey order, every property with its value. Types that JSON cannot tell apart from a string or an Int32 carry
/// the Table service's own "Name@odata.type" annotation, so the rows read back exactly as the engine stored them.
/// </summary>
public static class HistoryRows
{
    private const string TypeSuffix = "@odata.type";
    private const string ETagProperty = "odata.etag";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<TableEntity> InRowKeyOrder(IEnumerable<TableEntity> rows) =>
        rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<TableEntity> Load(string path) => Parse(File.ReadAllText(path));

    public static IReadOnlyList<TableEntity> Parse(string json)
    {
        var array = JsonNode.Parse(json) as JsonArray ?? throw new InvalidDataException("A history fixture is a JSON array of rows.");
        return InRowKeyOrder(array.Select(node => ToEntity(node as JsonObject ?? throw new InvalidDataException("Each row is a JSON object."))));
    }

    public static void Save(string path, IEnumerable<TableEntity> rows)
    {
        var array = new JsonArray(InRowKeyOrder(rows).Select(r => (JsonNode)ToJson(r)).ToArray());
        File.WriteAllText(path, array.ToJsonString(Indented) + "\n");
    }

    private static JsonObject ToJson(TableEntity row)
    {
        var json = new JsonObject
        {
            ["PartitionKey"] = row.PartitionKey,
            ["RowKey"] = row.RowKey,
        };
        if (row.Timestamp is { } timestamp)
        {
            json["Timestamp"] = timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            json["Timestamp" + TypeSuffix] = "Edm.DateTime";
        }
        if (row.ETag != default) json[ETagProperty] = row.ETag.ToString();
        foreach (var (name, value) in row.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") continue;
            switch (value)
            {
                case null:
                    json[name] = null;
                    break;
                case string s:
                    json[name] = s;
                    break;
                case int i:
                    json[name] = i;
                    break;
                case bool b:
                    json[name] = b;
                    break;
                case long l:
                    json[name] = l.ToString(CultureInfo.InvariantCulture);
                    json[name + TypeSuffix] = "Edm.Int64";
                    break;
                case double d:
                    json[name] = d.ToString("R", CultureInfo.InvariantCulture);
                    json[name + TypeSuffix] = "Edm.Double";
                    break;
                case DateTimeOffset at:
                    json[name] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                    json[name + TypeSuffix] = "Edm.DateTime";
                    break;
                case DateTime at:
                    json[name] = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
                    json[name + TypeSuffix] = "Edm.DateTime";
                    break;
                case Guid g:
                    json[name] = g.ToString();
                    json[name + TypeSuffix] = "Edm.Guid";
                    break;
                case byte[] bytes:
                    json[name] = Convert.ToBase64String(bytes);
                    json[name + TypeSuffix] = "Edm.Binary";
                    break;
                case BinaryData data:
                    json[name] = Convert.ToBase64String(data.ToArray());
                    json[name + TypeSuffix] = "Edm.Binary";
                    break;
                default:
                    throw new InvalidDataException($"Row {row.RowKey}: property {name} has a type ({value.GetType()}) a table row cannot hold.");
            }
        }
        return json;
    }

    private static TableEntity ToEntity(JsonObject json)
    {
        var entity = new TableEntity();
        foreach (var (name, node) in json)
        {
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal)) continue;
            if (name == ETagProperty)
            {
                entity.ETag = new ETag(node!.GetValue<string>());
                continue;
            }
            var type = json[name + TypeSuffix]?.GetValue<string>();
            object? value = (type, node) switch
            {
                (_, null) => null,
                ("Edm.Int64", _) => long.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
                ("Edm.Double", _) => double.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
                ("Edm.DateTime", _) => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                ("Edm.Guid", _) => Guid.Parse(node.GetValue<string>()),
                ("Edm.Binary", _) => Convert.FromBase64String(node.GetValue<string>()),
                (null, JsonValue v) when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                (null, JsonValue v) when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                (null, JsonValue v) when v.GetValueKind() == JsonValueKind.Number => v.GetValue<int>(),
                _ => throw new InvalidDataException($"Property {name}: unknown type {type ?? node.GetValueKind().ToString()}."),
            };
            switch (name)
            {
                case "PartitionKey": entity.PartitionKey = (string)value!; break;
                case "RowKey": entity.RowKey = (string)value!; break;
                case "Timestamp": entity.Timestamp = (DateTimeOffset?)value; break;
                default: entity[name] = value; break;
            }
        }
        return entity;
    }
}
