using System.IO.Compression;
using System.Text.Json.Nodes;

namespace ContactSync.Infra.Tests;

/// <summary>What a deployable custom-handler folder must look like for the Functions host: host.json at the root,
/// the executable its <c>customHandler</c> names present and executable, one folder per function with its
/// function.json, and a self-contained .NET (Flex Consumption's custom runtime brings no .NET of its own).</summary>
public static class PackageLayout
{
    /// <summary>Everything wrong with the folder; empty when the host can run it.</summary>
    public static IReadOnlyList<string> Problems(string root, IReadOnlyCollection<string> expectedFunctions)
    {
        var problems = new List<string>();
        var hostJson = Path.Combine(root, "host.json");
        if (!File.Exists(hostJson)) return ["no host.json at the package root"];
        var description = JsonNode.Parse(File.ReadAllText(hostJson))?["customHandler"]?["description"];
        var executable = description?["defaultExecutablePath"]?.GetValue<string>();
        if (string.IsNullOrEmpty(executable)) return ["host.json has no customHandler.description.defaultExecutablePath"];
        var path = Path.Combine(root, executable);
        if (!File.Exists(path)) problems.Add($"the executable {executable} is not in the package");
        else
        {
            if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
                problems.Add($"{executable} is not executable");
            var folder = Path.GetDirectoryName(path)!;
            if (!File.Exists(Path.Combine(folder, "System.Private.CoreLib.dll")) || !File.Exists(Path.Combine(folder, "libhostfxr.so")))
                problems.Add($"{Path.GetRelativePath(root, folder)} is not a self-contained linux publish (no runtime beside the executable)");
        }
        if (description?["workingDirectory"]?.GetValue<string>() is { Length: > 0 } wd && !Directory.Exists(Path.Combine(root, wd)))
            problems.Add($"workingDirectory {wd} is not in the package");
        var functions = Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => Path.GetFileName(d)!).ToHashSet();
        problems.AddRange(expectedFunctions.Except(functions).Select(f => $"function {f} has no {f}/function.json"));
        problems.AddRange(functions.Except(expectedFunctions).Select(f => $"unexpected function folder {f}"));
        return problems;
    }

    /// <summary>The zip must hold the same layout at its root (host.json not inside a top folder).</summary>
    public static IReadOnlyList<string> ZipProblems(string zip, string root)
    {
        using var archive = ZipFile.OpenRead(zip);
        var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();
        return files.Where(f => !entries.Contains(f)).Select(f => $"{f} is not at that path in the zip").Take(10).ToList();
    }
}
