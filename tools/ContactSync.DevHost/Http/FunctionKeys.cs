using ContactSync.DevHost.Config;
using Microsoft.AspNetCore.Http;

namespace ContactSync.DevHost.Http;

/// <summary>authLevel as the host enforces it: <c>anonymous</c> lets anyone in; <c>function</c> wants the function key
/// (or the master key) in the <c>code</c> query parameter or the <c>x-functions-key</c> header; <c>admin</c> the master key.</summary>
public sealed record FunctionKeys(string FunctionKey, string MasterKey)
{
    public bool Allows(Binding trigger, HttpRequest request)
    {
        var level = (trigger["authLevel"] ?? "function").ToLowerInvariant();
        if (level == "anonymous") return true;
        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (given is null) return false;
        return given == MasterKey || (level == "function" && given == FunctionKey);
    }
}
