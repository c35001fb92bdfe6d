using System.Text.Json;
using System.Xml.Linq;
using Azure;

namespace ContactSync.Storage;

/// <summary>Turns a failed response into a typed <see cref="StorageException"/> carrying the service's code and message.</summary>
internal static class StorageErrors
{
    public static StorageErrorKind KindOf(int status, string? code) => code switch
    {
        "EntityTooLarge" or "PropertyValueTooLarge" or "RequestBodyTooLarge" or "MessageTooLarge" => StorageErrorKind.TooLarge,
        _ => status switch
        {
            404 => StorageErrorKind.NotFound,
            409 => StorageErrorKind.Conflict,
            412 => StorageErrorKind.PreconditionFailed,
            429 or 503 => StorageErrorKind.Throttled,
            401 or 403 => StorageErrorKind.Auth,
            400 => StorageErrorKind.BadRequest,
            413 => StorageErrorKind.TooLarge,
            _ => StorageErrorKind.Other,
        },
    };

    public static StorageException FromResponse(Response response, string what)
    {
        var (code, message) = Parse(response.Content.ToString());
        if (code is null && response.Headers.TryGetValue("x-ms-error-code", out var header)) code = header;
        return Create(response.Status, code, message ?? response.ReasonPhrase, what);
    }

    public static StorageException Create(int status, string? code, string? message, string what, int? operationIndex = null) =>
        new(KindOf(status, code), status, code, $"{what} failed: {status} {code}: {FirstLine(message)}")
        { OperationIndex = operationIndex };

    /// <summary>Table errors are JSON (<c>odata.error</c>), Queue errors are XML (<c>Error/Code</c>).</summary>
    public static (string? Code, string? Message) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, null);
        try
        {
            if (body.TrimStart().StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(body);
                if (!doc.RootElement.TryGetProperty("odata.error", out var error)) return (null, null);
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                string? message = null;
                if (error.TryGetProperty("message", out var m))
                    message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                return (code, message);
            }
            var root = XDocument.Parse(body).Root;
            return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
            return (null, body.Length > 200 ? body[..200] : body);
        }
    }

    private static string FirstLine(string? message) =>
        message is null ? "" : message.Split('\n', 2)[0].Trim();
}
