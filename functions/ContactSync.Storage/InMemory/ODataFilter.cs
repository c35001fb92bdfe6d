using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactSync.Storage;

/// <summary>The <c>$filter</c> subset <see cref="InMemoryTableStore"/> understands: <c>Prop op literal</c> with eq, ne,
/// gt, ge, lt, le; and, or, not; parentheses. Literals: 'string', 42, 42L, 4.2, true/false, datetime'…', guid'…', X'…'.
/// Comparisons are typed like the service's: a value of another type (or a missing property) never matches.
/// Anything else is a BadRequest <see cref="StorageException"/>, never a silent mismatch.</summary>
internal static partial class ODataFilter
{
    [GeneratedRegex(@"\G\s*(?:(?<open>\()|(?<close>\))|(?<typed>(?:datetime|guid|X|binary)'(?:[^']|'')*')|(?<str>'(?:[^']|'')*')|(?<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[Ll]?)|(?<word>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Token();

    public static Func<TableEntity, bool> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return _ => true;
        var tokens = Tokenize(filter);
        var parser = new Parser(tokens, filter);
        var predicate = parser.Or();
        if (!parser.AtEnd) throw Unsupported(filter, $"unexpected '{parser.Peek}'");
        return predicate;
    }

    private static List<(string Kind, string Text)> Tokenize(string filter)
    {
        var tokens = new List<(string, string)>();
        var at = 0;
        while (at < filter.Length && !string.IsNullOrWhiteSpace(filter[at..]))
        {
            var m = Token().Match(filter, at);
            if (!m.Success) throw Unsupported(filter, $"cannot read '{filter[at..].Trim()}'");
            var kind = new[] { "open", "close", "typed", "str", "num", "word" }.First(k => m.Groups[k].Success);
            tokens.Add((kind, m.Groups[kind].Value));
            at = m.Index + m.Length;
        }
        return tokens;
    }

    internal static StorageException Unsupported(string filter, string why) =>
        new(StorageErrorKind.BadRequest, 400, "InvalidInput", $"The in-memory table store cannot evaluate $filter \"{filter}\": {why}.");

    private sealed class Parser(List<(string Kind, string Text)> tokens, string filter)
    {
        private int _i;
        public bool AtEnd => _i >= tokens.Count;
        public string Peek => AtEnd ? "end" : tokens[_i].Text;

        public Func<TableEntity, bool> Or()
        {
            var left = And();
            while (IsWord("or")) { _i++; var l = left; var r = And(); left = e => l(e) || r(e); }
            return left;
        }

        private Func<TableEntity, bool> And()
        {
            var left = Unary();
            while (IsWord("and")) { _i++; var l = left; var r = Unary(); left = e => l(e) && r(e); }
            return left;
        }

        private Func<TableEntity, bool> Unary()
        {
            if (IsWord("not")) { _i++; var inner = Unary(); return e => !inner(e); }
            if (!AtEnd && tokens[_i].Kind == "open")
            {
                _i++;
                var inner = Or();
                if (AtEnd || tokens[_i].Kind != "close") throw Unsupported(filter, "a parenthesis is not closed");
                _i++;
                return inner;
            }
            return Comparison();
        }

        private Func<TableEntity, bool> Comparison()
        {
            if (AtEnd || tokens[_i].Kind != "word" || IsKeyword(tokens[_i].Text)) throw Unsupported(filter, $"expected a property name at '{Peek}'");
            var property = tokens[_i++].Text;
            var op = AtEnd ? "" : tokens[_i].Text;
            if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le")) throw Unsupported(filter, $"'{op}' after {property} is not a supported operator");
            _i++;
            if (AtEnd) throw Unsupported(filter, $"{property} {op} has no value");
            var literal = Literal(tokens[_i++]);
            return e => FilterValues.Matches(FilterValues.Of(e, property), op, literal);
        }

        private object Literal((string Kind, string Text) t) => t.Kind switch
        {
            "str" => t.Text[1..^1].Replace("''", "'"),
            "num" when t.Text.EndsWith('L') || t.Text.EndsWith('l') => long.Parse(t.Text[..^1], CultureInfo.InvariantCulture),
            "num" when t.Text.Contains('.') || t.Text.Contains('e') || t.Text.Contains('E') => double.Parse(t.Text, CultureInfo.InvariantCulture),
            "num" when int.TryParse(t.Text, CultureInfo.InvariantCulture, out var i) => i,
            "num" => long.Parse(t.Text, CultureInfo.InvariantCulture),
            "word" when t.Text is "true" or "false" => t.Text == "true",
            "typed" => Typed(t.Text),
            _ => throw Unsupported(filter, $"'{t.Text}' is not a supported literal"),
        };

        private object Typed(string text)
        {
            var quote = text.IndexOf('\'');
            var body = text[(quote + 1)..^1].Replace("''", "'");
            try
            {
                return text[..quote] switch
                {
                    "datetime" => EntityJson.ParseDate(body),
                    "guid" => Guid.Parse(body),
                    _ => Convert.FromHexString(body),
                };
            }
            catch (FormatException)
            {
                throw Unsupported(filter, $"'{text}' is not a valid literal");
            }
        }

        private bool IsWord(string word) => !AtEnd && tokens[_i].Kind == "word" && tokens[_i].Text == word;
        private static bool IsKeyword(string w) => w is "and" or "or" or "not" or "true" or "false";
    }
}
