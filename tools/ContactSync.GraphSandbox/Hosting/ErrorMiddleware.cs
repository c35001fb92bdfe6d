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
            // The framework's own refusals come without a body: give them Graph's. No route at all is, in Graph, a 400.
            if (context.Response.StatusCode == 404 && !context.Response.HasStarted)
                await Write(context, 400, "BadRequest", $"Resource not found for the segment '{context.Request.Path.Value?.Split('/').LastOrDefault()}'.");
            else if (context.Response.StatusCode >= 400 && !context.Response.HasStarted)
                await Write(context, context.Response.StatusCode, FrameworkCode(context.Response.StatusCode),
                    $"The request was refused with HTTP {context.Response.StatusCode} ({context.Request.Method} {context.Request.Path}).");
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

    static string FrameworkCode(int status) => status switch
    {
        405 => "MethodNotAllowed",
        415 => "UnsupportedMediaType",
        _ => "BadRequest",
    };

    public static Task Write(HttpContext context, int status, string code, string message) =>
        new GraphErrorResult(status, code, message).ExecuteAsync(context);
}
