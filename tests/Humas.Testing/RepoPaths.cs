namespace Humas.Integration.Tests.Infrastructure;

/// <summary>Locations in the repository that the integration tests start programs from.</summary>
public static class RepoPaths
{
    private const string SolutionFile = "Humas.Functions.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<string> LazyConfiguration = new(FindConfiguration);

    /// <summary>The folder that holds Humas.Functions.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>"Debug" or "Release": the configuration this test assembly was built in.</summary>
    public static string Configuration => LazyConfiguration.Value;

    /// <summary>node_modules/.bin/azurite, installed by `npm ci` at the repository root.</summary>
    public static string AzuriteBinary
    {
        get
        {
            var path = Path.Combine(Root, "node_modules", ".bin", "azurite");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Azurite is not installed at {path}. Run `npm ci` in {Root} (./test does it).", path);
            }
            return path;
        }
    }

    /// <summary>What Azurite loads before it starts (see the file): ./run loads it too.</summary>
    public static string AzuritePreload => Path.Combine(Root, "functions", "Humas.LocalHost", "Azurite", "lokijs-tuning.js");

    /// <summary>The local host built in the same configuration as the tests.</summary>
    public static string LocalHostDll
    {
        get
        {
            var path = Path.Combine(Root, "functions", "Humas.LocalHost", "bin", Configuration, "net10.0", "Humas.LocalHost.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The local host is not built at {path}. Build functions/Humas.LocalHost with -c {Configuration}.", path);
            }
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }

    // The bin path (bin/<Configuration>/<tfm>/) is what decides which local host build matches the
    // tests; the assembly attribute only helps when the output folder was moved.
    private static string FindConfiguration()
    {
        var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        if (bin >= 0 && bin + 1 < parts.Length)
        {
            return parts[bin + 1];
        }
        var attribute = typeof(RepoPaths).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>()
            .FirstOrDefault();
        return string.IsNullOrEmpty(attribute?.Configuration) ? "Debug" : attribute.Configuration;
    }
}
