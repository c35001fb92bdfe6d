using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactSync.DeviceEmulator.State;

/// <summary>The shape and the limits a device enforces on a contact it is asked to store.</summary>
public static class ContactRules
{
    static readonly string[] Phones = ["businessPhones", "homePhones", "mobilePhones", "otherPhones"];

    public static string? Check(JsonObject fields, Capabilities caps)
    {
        foreach (var (key, node) in fields)
        {
            if (caps.Fields is { } allowed && !allowed.Contains(key)) return $"field '{key}' is not supported by this device";
            var ok = node switch
            {
                JsonValue v => v.GetValueKind() == JsonValueKind.String,
                JsonArray a => a.All(e => e?.GetValueKind() == JsonValueKind.String),
                JsonObject o => o.All(kv => kv.Value?.GetValueKind() == JsonValueKind.String),
                _ => false,
            };
            if (!ok) return $"field '{key}' must be a string, an array of strings or an object of strings";
        }
        var emails = (fields["emails"] as JsonArray)?.Count ?? 0;
        if (emails > caps.MaxEmails) return $"{emails} e-mail addresses, the device holds at most {caps.MaxEmails}";
        var phones = Phones.Sum(p => (fields[p] as JsonArray)?.Count ?? 0);
        if (phones > caps.MaxPhones) return $"{phones} phone numbers, the device holds at most {caps.MaxPhones}";
        return null;
    }
}
