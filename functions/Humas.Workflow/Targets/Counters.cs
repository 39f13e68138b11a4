namespace Humas.Workflow.Targets;

/// <summary>The names of the counters kept per year; a summary reads them, never the items behind them.</summary>
public static class Counters
{
    public const string Items = "items";
    public const string Communities = "register:communities";

    public static string Target(string id) => $"target:{id}";
    public static string Team(string id) => $"team:{id}";
    public static string Channel(string id) => $"channel:{id}";
    public static string Month(int month) => $"month:{month:D2}";
    public static string Region(string code) => $"region:{code}";
    public static string ContentType(string type) => $"type:{type}";
    public static string PartnerMedia(string scope) => $"register:partner-media-{scope}";
}
