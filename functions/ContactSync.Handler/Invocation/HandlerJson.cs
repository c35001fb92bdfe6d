using System.Text.Json;

namespace ContactSync.Handler.Invocation;

/// <summary>The JSON rules for queue messages and API bodies: camelCase out, any case in.</summary>
public static class HandlerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
