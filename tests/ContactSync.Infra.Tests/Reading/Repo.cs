namespace ContactSync.Infra.Tests.Reading;

/// <summary>Paths in the repository, found from the test's output folder by walking up to ContactSync.sln.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Files named <paramref name="fileName"/> in the sources, not in build output, packages or artifacts.</summary>
    public static IEnumerable<string> SourceFiles(string fileName) =>
        Directory.EnumerateFiles(Root, fileName, SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(Root, p).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "node_modules" or "artifacts" or ".git" or "TestResults"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContactSync.sln"))) return dir.FullName;
        throw new InvalidOperationException("ContactSync.sln not found above " + AppContext.BaseDirectory);
    }
}
