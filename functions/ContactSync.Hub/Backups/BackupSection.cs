using System.Globalization;
using System.Text.Json;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Backups;

/// <summary>A policy's <c>backup</c> section (M23): a snapshot daily, weekly or monthly at a local time of day, the newest
/// <see cref="KeepLast"/> kept. Not a sync section: <see cref="Policy.Sections"/> leaves it out.</summary>
public sealed record BackupSection(Interval Interval, TimeOnly? TimeOfDay, int KeepLast = BackupSection.DefaultKeepLast)
{
    public const string Name = "backup";
    public const int DefaultKeepLast = 7;
    public const int MaxKeepLast = 366;

    internal static BackupSection Read(JsonSectionReader r)
    {
        var interval = r.Interval();
        if (!interval.IsCalendar && !r.Errors.Has(r.Field("interval")))
            r.Errors.Add(r.Field("interval"), $"{r.Field("interval")}: a backup runs daily, weekly or monthly, not {interval}.");
        var time = r.TimeOfDay(interval);
        var keep = r.Number("keepLast", DefaultKeepLast);
        if (keep is < 1 or > MaxKeepLast || keep != Math.Floor(keep))
            r.Errors.Add(r.Field("keepLast"), $"{r.Field("keepLast")}: {keep} must be a whole number from 1 to {MaxKeepLast}.");
        return new BackupSection(interval, time, (int)Math.Clamp(keep, 1, MaxKeepLast));
    }

    /// <summary>The section alone, as the policy row stores it.</summary>
    internal string Json()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) Write(w);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("interval", Interval.ToString());
        if (TimeOfDay is { } t) w.WriteString("timeOfDay", t.ToString(t.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteNumber("keepLast", KeepLast);
        w.WriteEndObject();
    }
}
