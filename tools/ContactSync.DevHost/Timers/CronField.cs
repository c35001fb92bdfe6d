namespace ContactSync.DevHost.Timers;

/// <summary>One NCRONTAB field as a membership table indexed by value.</summary>
internal static class CronField
{
    public static bool[] Parse(string field, int min, int max, string[]? names, string what)
    {
        var set = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var (range, step) = item.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, out var n) && n > 0 => (r, n),
                _ => throw Bad(field, what, min, max),
            };
            int from, to;
            if (range == "*") (from, to) = (min, max);
            else if (range.Split('-') is [var a, var b]) (from, to) = (Value(a, field, min, max, names, what), Value(b, field, min, max, names, what));
            else
            {
                from = Value(range, field, min, max, names, what);
                to = step > 1 ? max : from; // "a/n" means from a to the end in steps of n
            }
            if (from > to) throw Bad(field, what, min, max);
            for (var v = from; v <= to; v += step) set[v] = true;
        }
        return set;
    }

    private static int Value(string text, string field, int min, int max, string[]? names, string what)
    {
        if (int.TryParse(text, out var v) && v >= min && v <= max) return v;
        var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
        if (index >= 0) return names!.Length == 12 ? index + 1 : index;
        throw Bad(field, what, min, max);
    }

    private static FormatException Bad(string field, string what, int min, int max) =>
        new($"NCRONTAB {what} field '{field}' is not valid (values {min}-{max}, *, a-b, */n, lists)");
}
