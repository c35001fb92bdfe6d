namespace ContactSync.Storage;

public enum StorageErrorKind { NotFound, Conflict, PreconditionFailed, Throttled, Auth, BadRequest, TooLarge, Other }

/// <summary>A Table or Queue failure, typed so callers branch on <see cref="Kind"/> rather than on message text.</summary>
public sealed class StorageException(StorageErrorKind kind, int status, string? errorCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public StorageErrorKind Kind { get; } = kind;
    /// <summary>The HTTP status, or 0 when the request was refused before sending (key or batch limits).</summary>
    public int Status { get; } = status;
    /// <summary>The service's error code, e.g. <c>UpdateConditionNotSatisfied</c>.</summary>
    public string? ErrorCode { get; } = errorCode;
    /// <summary>For a failed entity group transaction: the zero-based index of the operation that failed.</summary>
    public int? OperationIndex { get; init; }

    /// <summary>A request refused before anything was sent (status 0).</summary>
    internal static StorageException Refused(StorageErrorKind kind, string code, string message) => new(kind, 0, code, message);
}
