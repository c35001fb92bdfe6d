using System.Security.Cryptography;
using System.Text;
using ContactSync.Handler.Options;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Api;

/// <summary>Requires the platform admin key in <c>X-Api-Key</c>. These functions are anonymous at the Functions host
/// because they check their own keys.</summary>
public sealed class AdminKeyFilter(IOptions<ContactSyncOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var given = context.HttpContext.Request.Headers[Header].ToString();
        var expected = options.Value.AdminKey;
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return next(context);
        return ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
            title: "Admin key required", detail: $"Send the platform admin key in the {Header} header."));
    }
}
