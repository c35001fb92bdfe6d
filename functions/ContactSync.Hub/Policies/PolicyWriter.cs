using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContactSync.Hub.Policies;

/// <summary>Writes a policy as the API shows it (camelCase, enums as camelCase names, intervals as text).</summary>
public static class PolicyWriter
{
    public static string Serialize(Policy policy, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("id", policy.Id);
            if (policy.BusinessContacts is { } b) { w.WritePropertyName(PolicySections.BusinessContacts); Write(w, b); }
            if (policy.Contacts is { } c) { w.WritePropertyName(PolicySections.Contacts); Write(w, c); }
            if (policy.Backup is { } k) { w.WritePropertyName(Backups.BackupSection.Name); k.Write(w); }
            if (policy.UpdatedAt is { } at) w.WriteString("updatedAt", at.ToUniversalTime());
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One section's settings alone (what the store keeps and compares to see whether a section changed).</summary>
    public static string SectionJson(IPolicySection section)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            switch (section)
            {
                case BusinessContactsSection b: Write(w, b); break;
                case ContactsSection c: Write(w, c); break;
                default: throw new ArgumentException($"Unknown section type {section.GetType().Name}.", nameof(section));
            }
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, BusinessContactsSection s)
    {
        w.WriteStartObject();
        Common(w, s);
        w.WriteString("baseType", JsonNames.Of(s.BaseType));
        Strings(w, "additionalGroups", s.AdditionalGroups);
        w.WriteString("folder", s.Folder);
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, ContactsSection s)
    {
        w.WriteStartObject();
        Common(w, s);
        w.WriteString("direction", JsonNames.Of(s.Direction));
        w.WriteBoolean("importAll", s.ImportAll);
        Strings(w, "categories", s.Categories);
        w.WriteString("classificationBranch", s.ClassificationBranch);
        w.WriteString("conflictPolicy", JsonNames.Of(s.ConflictPolicy));
        w.WriteString("deleteMode", JsonNames.Of(s.DeleteMode));
        w.WriteString("folder", s.Folder);
        w.WriteNumber("massDeleteShare", s.MassDeleteShare);
        w.WriteEndObject();
    }

    private static void Common(Utf8JsonWriter w, IPolicySection s)
    {
        w.WriteString("interval", s.Interval.ToString());
        if (s.TimeOfDay is { } t) w.WriteString("timeOfDay", t.ToString(t.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture));
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
