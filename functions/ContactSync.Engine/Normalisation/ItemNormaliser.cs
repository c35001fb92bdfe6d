using ContactSync.Engine.Items;

namespace ContactSync.Engine.Normalisation;

/// <summary>Canonical form of events and tasks (contacts: <see cref="ContactNormaliser"/>): text NFC with whitespace
/// collapsed, bodies keeping their lines, times in one written form (<see cref="DateTimes"/>), flags "true" or absent,
/// categories and attendees without duplicates. Keys that are not fields of the item pass through.</summary>
public static class ItemNormaliser
{
    private static readonly string[] EventTimes = [EventFields.Start, EventFields.End];
    private static readonly string[] EventFlags = [EventFields.IsAllDay, EventFields.IsCancelled];
    private static readonly string[] TaskTimes =
        [TaskFields.StartDate, TaskFields.DueDate, TaskFields.CompletedDate, TaskFields.Reminder];

    public static NormalisationResult Event(FieldMap raw) => Normalise(raw, EventFields.All, (field, value, warnings) => field switch
    {
        EventFields.Body => TextForm.Block(value),
        EventFields.Categories => Categories(value),
        EventFields.Attendees => Attendees(value),
        EventFields.Organizer => EmailAddresses.Normalise(value),
        EventFields.Recurrence => value, // opaque: carried exactly as the source gave it
        _ when EventFlags.Contains(field) => Flag(value),
        _ when EventTimes.Contains(field) => Time(field, value, warnings),
        _ => TextForm.Line(value),
    });

    public static NormalisationResult Task(FieldMap raw) => Normalise(raw, TaskFields.All, (field, value, warnings) => field switch
    {
        TaskFields.Body => TextForm.Block(value),
        TaskFields.Categories => Categories(value),
        _ when TaskTimes.Contains(field) => Time(field, value, warnings),
        _ => TextForm.Line(value),
    });

    private static NormalisationResult Normalise(FieldMap raw, IReadOnlyList<string> known,
        Func<string, string, List<string>, string?> field)
    {
        var warnings = new List<string>();
        var map = raw;
        foreach (var (key, value) in raw.Values)
            if (known.Contains(key)) map = map.With(key, field(key, value, warnings));
        return new(map, warnings);
    }

    private static string Categories(string value) => string.Join(FieldMap.ListSeparator,
        value.Split(FieldMap.ListSeparator).Select(TextForm.Line).Where(c => c.Length > 0)
            .DistinctBy(c => c.ToLowerInvariant()));

    private static string Attendees(string value) => string.Join(FieldMap.ListSeparator,
        value.Split(FieldMap.ListSeparator).Select(Attendee.Parse)
            .Select(a => new Attendee(EmailAddresses.Normalise(a.Email), TextForm.Line(a.Name), TextForm.Line(a.Type)))
            .Where(a => a.Email.Length > 0 || a.Name?.Length > 0)
            .DistinctBy(a => a.Email.Length > 0 ? EmailAddresses.ComparisonKey(a.Email) : "name:" + a.Name)
            .Select(a => a.Format()));

    private static string? Flag(string value) =>
        value.Trim() is var v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1") ? "true" : null;

    private static string Time(string field, string value, List<string> warnings)
    {
        if (DateTimes.TryNormalise(value, out var canonical)) return canonical;
        warnings.Add($"{field}: '{canonical}' kept as typed, not an ISO 8601 date or time");
        return canonical;
    }
}
