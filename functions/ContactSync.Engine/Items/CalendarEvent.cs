namespace ContactSync.Engine.Items;

/// <summary>A calendar event. <see cref="Start"/>/<see cref="End"/> are ISO 8601 with offset, or dates when all-day;
/// the recurrence is opaque text carried as the source gave it.</summary>
public sealed record CalendarEvent
{
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public string? Location { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
    public bool IsAllDay { get; init; }
    public string? TimeZone { get; init; }
    public string? Sensitivity { get; init; }
    public string? ShowAs { get; init; }
    public bool IsCancelled { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<Attendee> Attendees { get; init; } = [];
    public string? Organizer { get; init; }
    public string? Recurrence { get; init; }

    public FieldMap ToFieldMap() => FieldMap.From(
    [
        new(EventFields.Subject, Subject), new(EventFields.Body, Body), new(EventFields.Location, Location),
        new(EventFields.Start, Start), new(EventFields.End, End), new(EventFields.IsAllDay, Flag(IsAllDay)),
        new(EventFields.TimeZone, TimeZone), new(EventFields.Sensitivity, Sensitivity),
        new(EventFields.ShowAs, ShowAs), new(EventFields.IsCancelled, Flag(IsCancelled)),
        new(EventFields.Organizer, Organizer), new(EventFields.Recurrence, Recurrence),
    ]).WithList(EventFields.Categories, Categories).WithList(EventFields.Attendees, Attendees.Select(a => a.Format()));

    public static CalendarEvent From(FieldMap map) => new()
    {
        Subject = map[EventFields.Subject], Body = map[EventFields.Body], Location = map[EventFields.Location],
        Start = map[EventFields.Start], End = map[EventFields.End], IsAllDay = IsSet(map[EventFields.IsAllDay]),
        TimeZone = map[EventFields.TimeZone], Sensitivity = map[EventFields.Sensitivity],
        ShowAs = map[EventFields.ShowAs], IsCancelled = IsSet(map[EventFields.IsCancelled]),
        Categories = map.List(EventFields.Categories),
        Attendees = [.. map.List(EventFields.Attendees).Select(Attendee.Parse)],
        Organizer = map[EventFields.Organizer], Recurrence = map[EventFields.Recurrence],
    };

    /// <summary>A flag is "true" or no value, so an unset flag and a false one hash the same.</summary>
    internal static string? Flag(bool on) => on ? "true" : null;
    internal static bool IsSet(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
