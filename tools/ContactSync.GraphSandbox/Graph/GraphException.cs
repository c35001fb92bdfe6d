namespace ContactSync.GraphSandbox.Graph;

/// <summary>A Graph error to answer with; the error middleware turns it into Graph's error body.</summary>
public sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static GraphException NotFound() =>
        new(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static GraphException BadRequest(string message) => new(400, "BadRequest", message);

    public static GraphException InvalidProperty(string message) => new(400, "ErrorInvalidProperty", message);

    public static GraphException PreconditionFailed() => new(412, "ErrorIrresolvableConflict",
        "The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.");
}
