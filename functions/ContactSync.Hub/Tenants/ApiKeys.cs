using System.Security.Cryptography;
using System.Text;

namespace ContactSync.Hub.Tenants;

/// <summary>Per-tenant API keys: <c>{tenantId}.{43 url-safe characters}</c> (32 random bytes, base64url). The prefix
/// names the tenant so a request's key is looked up directly; only the SHA-256 of the whole key is stored (the key
/// is random and long, so a slow hash adds nothing), and it is compared in constant time.</summary>
public static class ApiKeys
{
    private const int RandomBytes = 32;

    public static string New(string tenantId) =>
        $"{tenantId}.{Base64Url(RandomNumberGenerator.GetBytes(RandomBytes))}";

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    /// <summary>Whether <paramref name="apiKey"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Verify(string? apiKey, string? storedHash)
    {
        if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(storedHash)) return false;
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        byte[] expected;
        try { expected = Convert.FromHexString(storedHash); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The tenant a key names (the part before its last '.'), or null for something that is not a key.</summary>
    public static string? TenantOf(string? apiKey)
    {
        var dot = apiKey?.LastIndexOf('.') ?? -1;
        return dot > 0 && dot < apiKey!.Length - 1 ? apiKey[..dot] : null;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
