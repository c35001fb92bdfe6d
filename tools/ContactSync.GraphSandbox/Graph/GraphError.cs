using System.Text.Json.Nodes;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>Graph's error body: <c>{"error":{"code","message","innerError":{date,request-id,client-request-id}}}</c>.</summary>
public static class GraphError
{
    public static JsonObject Body(string code, string message, string? clientRequestId = null, DateTimeOffset? now = null)
    {
        var requestId = Guid.NewGuid().ToString();
        return new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = (now ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"),
                    ["request-id"] = requestId,
                    ["client-request-id"] = clientRequestId ?? requestId,
                },
            },
        };
    }

    public static IResult Result(int status, string code, string message) =>
        new GraphErrorResult(status, code, message);

    public static IResult NotFound() =>
        Result(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static IResult BadRequest(string message) => Result(400, "BadRequest", message);
}

/// <summary>Writes the error with the caller's client-request-id echoed, as Graph does.</summary>
sealed class GraphErrorResult(int status, string code, string message) : IResult
{
    public int Status => status;

    public async Task ExecuteAsync(HttpContext context)
    {
        var clientRequestId = context.Request.Headers["client-request-id"].FirstOrDefault();
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(GraphError.Body(code, message, clientRequestId));
    }
}
