namespace ContactSync.Engine.Items;

/// <summary>An event attendee, held in the FieldMap as "email|name|type" (type: required | optional | resource).
/// A '|' inside a name is replaced by '/', so the form always splits back into three parts.</summary>
public sealed record Attendee(string Email, string? Name = null, string? Type = null)
{
    public const char Separator = '|';

    public string Format() => string.Join(Separator, Clean(Email), Clean(Name), Clean(Type));

    public static Attendee Parse(string value)
    {
        var parts = value.Split(Separator);
        string? At(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        return new Attendee(At(0) ?? "", At(1), At(2));
    }

    private static string Clean(string? s) => (s ?? "").Replace(Separator, '/').Replace(FieldMap.ListSeparator, ' ');
}
