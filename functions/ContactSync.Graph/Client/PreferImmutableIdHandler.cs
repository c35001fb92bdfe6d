namespace ContactSync.Graph.Client;

/// <summary>Asks for immutable ids on every request (DESIGN.md §3), so that ids survive moves between folders.</summary>
public sealed class PreferImmutableIdHandler : DelegatingHandler
{
    public const string Preference = "IdType=\"ImmutableId\"";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValues("Prefer", out var values) || !values.Any(v => v.Contains("IdType", StringComparison.OrdinalIgnoreCase)))
            request.Headers.TryAddWithoutValidation("Prefer", Preference);
        return base.SendAsync(request, cancellationToken);
    }
}
