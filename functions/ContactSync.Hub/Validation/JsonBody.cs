using System.Text.Json;

namespace ContactSync.Hub.Validation;

/// <summary>Parses a request body (a JSON object) with a <see cref="JsonSectionReader"/>: malformed JSON, a non-object,
/// bad values and unknown properties all come back as per-field errors, never as exceptions.</summary>
internal static class JsonBody
{
    public static Outcome<T> Parse<T>(string json, Func<JsonSectionReader, T> read)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { return Outcome<T>.Invalid("", $"The body is not valid JSON: {e.Message}"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return Outcome<T>.Invalid("", "The body must be a JSON object.");
            var errors = new ValidationErrors();
            var reader = new JsonSectionReader(doc.RootElement, "", errors);
            var value = read(reader);
            reader.RejectUnknown();
            return errors.IsValid ? Outcome<T>.Ok(value) : Outcome<T>.Invalid(errors);
        }
    }

    /// <summary>The <c>id</c> of the body, if given, must be the URL's.</summary>
    public static void CheckId(JsonSectionReader r, string urlId)
    {
        Ids.Check(r.Errors, "id", urlId);
        if (r.String("id") is { } bodyId && bodyId != urlId) r.Errors.Add("id", $"id '{bodyId}' in the body differs from '{urlId}' in the URL.");
    }
}
