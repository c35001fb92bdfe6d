using System.Text;

namespace ContactSync.Handler.Api;

/// <summary>Reads a request body up to a limit; a larger one is refused (413) before it is all in memory.</summary>
public static class RequestBody
{
    public const long JsonLimit = 1024 * 1024;
    public const long CsvLimit = 10 * 1024 * 1024;

    public sealed class TooLargeException(long limit) : Exception($"The body is larger than {limit} bytes.")
    {
        public long Limit => limit;
    }

    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) throw new TooLargeException(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) throw new TooLargeException(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct) =>
        Encoding.UTF8.GetString(await ReadAsync(request, JsonLimit, ct));

    /// <summary>An endpoint filter answering 413 for a body over its limit, wherever the endpoint reads it.</summary>
    public static async ValueTask<object?> LimitFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try { return await next(context); }
        catch (TooLargeException e) { return TooLarge(e); }
    }

    public static IResult TooLarge(TooLargeException e) =>
        ApiResults.Problem(413, "Body too large", $"The request body may be at most {e.Limit / 1024 / 1024} MiB ({e.Limit} bytes).");
}
