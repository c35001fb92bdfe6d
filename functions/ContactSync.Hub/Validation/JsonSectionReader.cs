using System.Globalization;
using System.Text.Json;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.Policies;

namespace ContactSync.Hub.Validation;

/// <summary>Reads one JSON object's settings with per-field errors named by their path ("contacts.interval"), and
/// reports settings it does not know (a typo should not be silently ignored).</summary>
internal sealed class JsonSectionReader(JsonElement obj, string path, ValidationErrors errors)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public ValidationErrors Errors => errors;

    public string Field(string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The nested object <paramref name="name"/>, or null when absent (an error when not an object).</summary>
    public JsonSectionReader? Object(string name)
    {
        if (Get(name) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Object) return new JsonSectionReader(v, Field(name), errors);
        errors.Add(Field(name), $"{Field(name)} must be an object.");
        return null;
    }

    /// <summary>Whether the object has <paramref name="name"/> with a non-null value (and marks it read).</summary>
    public bool Has(string name) => Get(name) is not null;

    private JsonElement? Get(string name)
    {
        _read.Add(name);
        return obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
    }

    public string? String(string name)
    {
        if (Get(name) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        errors.Add(Field(name), $"{Field(name)} must be a string.");
        return null;
    }

    public bool Bool(string name, bool fallback)
    {
        if (Get(name) is not { } v) return fallback;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        errors.Add(Field(name), $"{Field(name)} must be true or false.");
        return fallback;
    }

    public double Number(string name, double fallback)
    {
        if (Get(name) is not { } v) return fallback;
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        errors.Add(Field(name), $"{Field(name)} must be a number.");
        return fallback;
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (Get(name) is not { } v) return [];
        if (v.ValueKind != JsonValueKind.Array) { errors.Add(Field(name), $"{Field(name)} must be an array of strings."); return []; }
        var list = new List<string>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s) list.Add(s);
            else errors.Add($"{Field(name)}[{i}]", $"{Field(name)}[{i}] must be a non-empty string.");
            i++;
        }
        return list;
    }

    public T Enum<T>(string name, T? fallback) where T : struct, Enum
    {
        var text = String(name);
        if (text is null)
        {
            if (fallback is { } f) return f;
            if (!errors.Has(Field(name))) errors.Add(Field(name), $"{Field(name)} is required: one of {JsonNames.Allowed<T>()}.");
            return default;
        }
        if (JsonNames.TryParse<T>(text, out var value)) return value;
        errors.Add(Field(name), $"{Field(name)}: '{text}' is not one of {JsonNames.Allowed<T>()}.");
        return default;
    }

    public Interval Interval()
    {
        var text = String("interval");
        if (text is null)
        {
            if (!errors.Has(Field("interval"))) errors.Add(Field("interval"), $"{Field("interval")} is required: off, daily, weekly, monthly or an ISO-8601 duration such as PT10M.");
            return Scheduling.Interval.Off;
        }
        if (Scheduling.Interval.TryParse(text, out var interval, out var problem)) return interval;
        errors.Add(Field("interval"), $"{Field("interval")}: {problem}.");
        return Scheduling.Interval.Off;
    }

    /// <summary>"HH:mm" (or "HH:mm:ss"); required for daily/weekly/monthly, refused for the others.</summary>
    public TimeOnly? TimeOfDay(Interval interval)
    {
        var text = String("timeOfDay");
        var field = Field("timeOfDay");
        if (text is null)
        {
            if (interval.IsCalendar && !errors.Has(field)) errors.Add(field, $"{field} is required for a {interval} interval, e.g. \"06:30\".");
            return null;
        }
        if (!TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            errors.Add(field, $"{field}: '{text}' is not a time of day as HH:mm.");
            return null;
        }
        if (!interval.IsCalendar && !errors.Has(Field("interval")))
            errors.Add(field, $"{field} applies only to daily, weekly and monthly intervals, not {interval}.");
        return t;
    }

    public string? Folder()
    {
        var folder = String("folder")?.Trim();
        if (folder is { Length: 0 or > 255 }) errors.Add(Field("folder"), $"{Field("folder")} must be 1 to 255 characters, or null for the default folder.");
        return string.IsNullOrEmpty(folder) ? null : folder;
    }

    /// <summary>Adds an error for every property that no reader asked for.</summary>
    public void RejectUnknown()
    {
        foreach (var p in obj.EnumerateObject())
            if (!_read.Contains(p.Name)) errors.Add(Field(p.Name), $"{Field(p.Name)} is not a known setting.");
    }
}
