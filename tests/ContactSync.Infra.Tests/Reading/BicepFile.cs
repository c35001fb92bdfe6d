using System.Text.RegularExpressions;

namespace ContactSync.Infra.Tests.Reading;

/// <summary>The top-level statements of one Bicep file (param, var, resource, module, output, …), each with its full
/// text; statements start at column 0, as the formatter writes them.</summary>
public sealed partial class BicepFile
{
    private BicepFile(BicepSource source, IReadOnlyList<Statement> statements)
    {
        Source = source;
        Statements = statements;
    }

    public BicepSource Source { get; }
    public IReadOnlyList<Statement> Statements { get; }
    public string Path => Source.Path;

    public static BicepFile Load(string path)
    {
        var source = BicepSource.Load(path);
        var starts = StatementStart().Matches(source.Code).ToList();
        var statements = starts.Select((m, i) => new Statement(m.Groups["kind"].Value, m.Groups["name"].Value,
            source.Code[m.Index..(i + 1 < starts.Count ? starts[i + 1].Index : source.Code.Length)].TrimEnd())).ToList();
        return new(source, statements);
    }

    public IEnumerable<Statement> OfKind(string kind) => Statements.Where(s => s.Kind == kind);

    public Statement Var(string name) => OfKind("var").SingleOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException($"{Path}: no var {name}");

    /// <summary>Declared parameters and whether each has a default value.</summary>
    public IEnumerable<(string Name, bool HasDefault)> Params() =>
        OfKind("param").Select(s => (s.Name, ParamDefault().IsMatch(s.Text.Split('\n')[0])));

    /// <summary>Every <c>'Namespace.Provider/type@version'</c> the file uses.</summary>
    public IEnumerable<string> ResourceTypeVersions() =>
        TypeVersion().Matches(Source.Code).Select(m => m.Groups["tv"].Value);

    // A line at column 0 that starts a statement; its decorators (lines starting with @) stay with the previous one,
    // which is harmless for what the tests read.
    [GeneratedRegex(@"^(?<kind>param|var|resource|module|output|import|type|func|targetScope)\b\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)?", RegexOptions.Multiline)]
    private static partial Regex StatementStart();

    [GeneratedRegex(@"^param\s+\w+\s+[^=]+=")]
    private static partial Regex ParamDefault();

    [GeneratedRegex(@"'(?<tv>[A-Za-z]+\.[A-Za-z]+/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?)'")]
    private static partial Regex TypeVersion();
}

/// <param name="Kind">param, var, resource, module, output, import, type, func or targetScope.</param>
public sealed record Statement(string Kind, string Name, string Text);
