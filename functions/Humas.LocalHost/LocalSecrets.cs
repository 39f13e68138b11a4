using System.Security.Cryptography;

namespace Humas.LocalHost;

/// <summary>
/// Keys the local host makes for itself when none is configured, kept in the data folder so that emailed
/// links and the staff key survive a restart.
/// </summary>
public static class LocalSecrets
{
    public static void Apply(ConfigurationManager configuration)
    {
        var dataDir = Path.GetFullPath(configuration["Humas:DataDir"] is { Length: > 0 } d ? d : ".humas");
        Directory.CreateDirectory(dataDir);
        configuration["Humas:DataDir"] = dataDir;
        if (string.IsNullOrWhiteSpace(configuration["Humas:LinkSigningKey"]) && string.IsNullOrWhiteSpace(configuration["Humas:LinkSigningKeys:0"]))
            configuration["Humas:LinkSigningKey"] = Kept(dataDir, "link-signing-key", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        if (string.IsNullOrWhiteSpace(configuration["Humas:AdminKey"]))
            configuration["Humas:AdminKey"] = Kept(dataDir, "admin-key", () => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
    }

    private static string Kept(string dataDir, string name, Func<string> make)
    {
        var path = Path.Combine(dataDir, name);
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        var value = make();
        File.WriteAllText(path, value);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return value;
    }
}
