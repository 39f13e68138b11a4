namespace Humas.Workflow.Vocabulary;

/// <summary>What a person reads for one value, in Indonesian and in English.</summary>
public readonly record struct Words(string Id, string En)
{
    public string In(Lang lang) => lang == Lang.En ? En : Id;

    /// <summary>Both languages, Indonesian first, for mails and files read by everyone; once where they agree.</summary>
    public string Both => Id == En ? Id : $"{Id} / {En}";

    /// <summary>A name that reads the same in both languages (a brand, a place).</summary>
    public static Words Same(string name) => new(name, name);

    public override string ToString() => Both;
}
