namespace ContactSync.Engine.Items;

/// <summary>FieldMap keys of a calendar event.</summary>
public static class EventFields
{
    public const string Subject = "subject";
    public const string Body = "body";
    public const string Location = "location";
    /// <summary>ISO 8601 with offset ("2026-03-01T09:00:00+01:00"), or a date ("2026-03-01") for an all-day event.</summary>
    public const string Start = "start";
    public const string End = "end";
    /// <summary>"true" or no value.</summary>
    public const string IsAllDay = "isAllDay";
    public const string TimeZone = "timeZone";
    public const string Sensitivity = "sensitivity";
    public const string ShowAs = "showAs";
    /// <summary>"true" or no value.</summary>
    public const string IsCancelled = "isCancelled";
    public const string Categories = "categories";
    /// <summary>List of "email|name|type" (see <see cref="Attendee"/>).</summary>
    public const string Attendees = "attendees";
    public const string Organizer = "organizer";
    /// <summary>Opaque text (the source's recurrence rule as it gave it).</summary>
    public const string Recurrence = "recurrence";

    public static readonly IReadOnlyList<string> Lists = [Categories, Attendees];
    public static readonly IReadOnlyList<string> All =
        [Subject, Body, Location, Start, End, IsAllDay, TimeZone, Sensitivity, ShowAs, IsCancelled, Categories,
         Attendees, Organizer, Recurrence];
}
