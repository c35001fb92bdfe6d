using System.Collections;
using System.Reflection;

namespace ContactSync.Infra.Tests.Reading;

/// <summary>The app settings an options type binds: its <c>Section</c> const, then each settable property as
/// <c>Section__Property</c>, nested objects as <c>Section__Property__Inner</c>, and lists with their first index,
/// <c>Section__0__Property</c> (a type that is itself a list) or <c>Section__Property__0</c>.</summary>
public static class OptionsSettings
{
    public const string OptionsNamespace = "ContactSync.Handler.Options";

    /// <summary>Every settings type of the handler: a class with a <c>Section</c> const, in <see cref="OptionsNamespace"/>
    /// or beside the feature that reads it (Webhooks.WebhookSettings, Sync.SyncSettings).</summary>
    public static IReadOnlyList<Type> HandlerOptionsTypes() =>
        typeof(ContactSync.Handler.Options.ProvisionedTenantsOptions).Assembly.GetTypes()
            .Where(t => t.IsClass && t.Namespace?.StartsWith("ContactSync.Handler", StringComparison.Ordinal) == true
                && SectionOf(t) is not null).OrderBy(t => t.Name).ToList();

    public static string? SectionOf(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f ? (string?)f.GetRawConstantValue() : null;

    /// <summary>Settings read directly by name: the type's <c>public const string …Setting</c> fields.</summary>
    public static IEnumerable<string> DirectSettings(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Setting", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);

    public static IEnumerable<string> Keys(Type type)
    {
        var section = SectionOf(type) ?? throw new ArgumentException($"{type} has no Section const", nameof(type));
        return ElementOf(type) is { } element ? Flatten(element, $"{section}__0") : Flatten(type, section);
    }

    private static IEnumerable<string> Flatten(Type type, string prefix)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.SetMethod is not { IsPublic: true } || p.GetIndexParameters().Length > 0) continue;
            var key = $"{prefix}__{p.Name}";
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (IsScalar(t)) yield return key;
            else if (ElementOf(t) is { } element)
            {
                if (IsScalar(element)) yield return $"{key}__0";
                else foreach (var k in Flatten(element, $"{key}__0")) yield return k;
            }
            else foreach (var k in Flatten(t, key)) yield return k;
        }
    }

    private static bool IsScalar(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal)
        || t == typeof(TimeSpan) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(Uri);

    private static Type? ElementOf(Type t) => t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t) ? null
        : t.IsArray ? t.GetElementType()
        : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
}
