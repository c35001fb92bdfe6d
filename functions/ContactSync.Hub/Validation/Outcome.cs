namespace ContactSync.Hub.Validation;

public enum OutcomeKind { Ok, Invalid, NotFound, Conflict, Stale }

/// <summary>What a hub service call came to: a value, per-field errors (→ 400), a missing resource (→ 404), a clash
/// with the stored state (→ 409) or a caller's If-Match naming a version that is no longer current (→ 412, RFC 9110 §13.1.1). Expected outcomes are values, not exceptions; storage failures still throw.</summary>
public sealed record Outcome<T>
{
    public OutcomeKind Kind { get; private init; }
    public T? Value { get; private init; }
    public ValidationErrors? Errors { get; private init; }
    /// <summary>For NotFound, Conflict and Stale: what is missing or clashing, said for the user.</summary>
    public string? Message { get; private init; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new() { Kind = OutcomeKind.Ok, Value = value };
    public static Outcome<T> Invalid(ValidationErrors errors) => new() { Kind = OutcomeKind.Invalid, Errors = errors };
    public static Outcome<T> Invalid(string field, string message) => Invalid(ValidationErrors.Of(field, message));
    public static Outcome<T> NotFound(string message) => new() { Kind = OutcomeKind.NotFound, Message = message };
    public static Outcome<T> Conflict(string message) => new() { Kind = OutcomeKind.Conflict, Message = message };
    public static Outcome<T> Stale(string message) => new() { Kind = OutcomeKind.Stale, Message = message };

    /// <summary>The same failure carried as an outcome of another type.</summary>
    public Outcome<TOther> As<TOther>() => IsOk
        ? throw new InvalidOperationException("An Ok outcome has a value to convert, not a failure.")
        : new Outcome<TOther> { Kind = Kind, Errors = Errors, Message = Message };

    public override string ToString() => Kind switch
    {
        OutcomeKind.Ok => $"Ok({Value})",
        OutcomeKind.Invalid => $"Invalid({Errors})",
        _ => $"{Kind}({Message})",
    };
}
