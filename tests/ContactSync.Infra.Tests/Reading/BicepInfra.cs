using System.Text.RegularExpressions;

namespace ContactSync.Infra.Tests.Reading;

/// <summary>What infra/ declares, read from the Bicep text: app settings, tables, queues, modules.</summary>
public sealed partial class BicepInfra
{
    private BicepInfra(string root)
    {
        Root = root;
        Files = Directory.EnumerateFiles(root, "*.bicep", SearchOption.AllDirectories).Order()
            .Select(BicepFile.Load).ToList();
        Main = Files.Single(f => Path.GetFileName(f.Path) == "main.bicep" && Path.GetDirectoryName(f.Path) == root);
    }

    public string Root { get; }
    public IReadOnlyList<BicepFile> Files { get; }
    public BicepFile Main { get; }

    public static BicepInfra Load(string? root = null) => new(root ?? Repo.Infra);

    public BicepFile File(string relativePath) =>
        Files.Single(f => Path.GetRelativePath(Root, f.Path) == relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The <c>var …AppSettings</c> declarations: by convention every app setting is written in one of them.</summary>
    public IEnumerable<Statement> AppSettingsVars() =>
        Files.SelectMany(f => f.OfKind("var")).Where(v => v.Name.EndsWith("AppSettings", StringComparison.Ordinal));

    /// <summary>App setting names (list indexes read as 0), case-insensitive as configuration keys are.</summary>
    public IReadOnlySet<string> AppSettings() =>
        AppSettingsVars().SelectMany(v => BicepObjects.KeysAtLineStart(v.Text[v.Text.IndexOf('=')..]))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The value expression written for an app setting, e.g. <c>'sync-jobs'</c> or <c>jobsQueueName</c>.</summary>
    public string? AppSettingExpression(string name) =>
        AppSettingsVars().Select(v => Regex.Match(v.Text, $@"^\s*'?{Regex.Escape(name)}'?\s*:\s*(?<v>.+)$",
            RegexOptions.Multiline | RegexOptions.IgnoreCase)).FirstOrDefault(m => m.Success)?.Groups["v"].Value.Trim();

    /// <summary>The string an app setting resolves to when it is built from literals; null otherwise.</summary>
    public string? AppSettingLiteral(string name) => AppSettingExpression(name) is { } e ? Resolve(e) : null;

    /// <summary>Items of <c>var tableNames</c> in main.bicep, resolved.</summary>
    public IReadOnlyList<string> TableNames() => ArrayItems(Main.Var("tableNames"));

    public IReadOnlyList<string> QueueNames() => ArrayItems(Main.Var("queueNames"));

    /// <summary>A string expression made of literals and vars that hold literals (<c>'${jobsQueueName}-poison'</c>,
    /// <c>jobsTableName</c>), evaluated; null when it depends on anything else.</summary>
    public string? Resolve(string expression)
    {
        expression = expression.Trim();
        if (Regex.IsMatch(expression, @"^[A-Za-z_]\w*$"))
            return Files.SelectMany(f => f.OfKind("var")).FirstOrDefault(v => v.Name == expression) is { } v
                ? Resolve(v.Text[(v.Text.IndexOf('=') + 1)..]) : null;
        if (!Regex.IsMatch(expression, @"^'[^']*'$") && !Regex.IsMatch(expression, @"^'([^'$]|\$\{\w+\})*'$")) return null;
        var failed = false;
        var value = Regex.Replace(expression[1..^1], @"\$\{(?<v>\w+)\}", m => Resolve(m.Groups["v"].Value) ?? (failed = true).ToString());
        return failed ? null : value;
    }

    private IReadOnlyList<string> ArrayItems(Statement array)
    {
        var body = array.Text[(array.Text.IndexOf('[') + 1)..array.Text.LastIndexOf(']')];
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => Resolve(item) ?? throw new InvalidOperationException($"{Main.Path}: cannot evaluate '{item}' in {array.Name}"))
            .ToList();
    }

    /// <summary>Modules: symbol, the referenced file's full path, and the keys of their <c>params</c> block.</summary>
    public IEnumerable<(BicepFile From, string Symbol, string Path, IReadOnlyList<string> Params)> Modules() =>
        Files.SelectMany(f => f.OfKind("module").Select(m =>
        {
            var path = ModulePath().Match(m.Text).Groups["p"].Value;
            var keys = BicepObjects.TopLevelKeys(m.Text, BicepObjects.ObjectValueOf(m.Text, "params"));
            return (f, m.Name, System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(f.Path)!, path)), keys);
        }));

    [GeneratedRegex(@"^module\s+\w+\s+'(?<p>[^']+)'")]
    private static partial Regex ModulePath();
}
