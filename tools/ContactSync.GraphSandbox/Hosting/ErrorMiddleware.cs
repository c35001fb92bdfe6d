using System.Text.Json;
using ContactSync.GraphSandbox.Graph;

namespace ContactSync.GraphSandbox.Hosting;

/// <summary>Answers a <see cref="GraphException"/> (or an unreadable JSON body) with Graph's error body.</summary>
public sealed class ErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (GraphException error) when (!context.Response.HasStarted)
        {
            await Write(context, error.Status, error.Code, error.Message);
        }
        catch (Exception error) when (error is JsonException or BadHttpRequestException or InvalidOperationException { InnerException: JsonException }
                                      && !context.Response.HasStarted)
        {
            await Write(context, 400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        }
    }

    public static Task Write(HttpContext context, int status, string code, string message) =>
        new GraphErrorResult(status, code, message).ExecuteAsync(context);
}
