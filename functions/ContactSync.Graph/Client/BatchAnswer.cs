using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace ContactSync.Graph.Client;

/// <summary>One inner response of a $batch: its status, Retry-After and raw body.</summary>
public sealed record BatchAnswer(int Status, string Body, TimeSpan? RetryAfter = null)
{
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>Graph's own error text (<c>error.message</c>), or the body, or the status.</summary>
    public string ErrorMessage
    {
        get
        {
            try
            {
                using var doc = JsonDocument.Parse(Body);
                if (doc.RootElement.TryGetProperty("error", out var e) && e.TryGetProperty("message", out var m))
                    return m.GetString() ?? $"HTTP {Status}";
            }
            catch (JsonException) { }
            return Body.Length > 0 ? Body : $"HTTP {Status}";
        }
    }

    public async Task<T> ReadAsync<T>(ParsableFactory<T> factory, CancellationToken ct = default) where T : IParsable =>
        await KiotaJsonSerializer.DeserializeAsync(Body, factory, ct) ?? throw new InvalidOperationException("Empty batch response body.");
}
