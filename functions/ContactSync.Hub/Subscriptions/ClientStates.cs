using System.Security.Cryptography;
using System.Text;

namespace ContactSync.Hub.Subscriptions;

/// <summary>The per-subscription clientState secret: 32 random bytes as base64url (43 chars, under Graph's 128), kept
/// only as its SHA-256 hash and compared in constant time, so a stolen table row cannot forge notifications.</summary>
public static class ClientStates
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string clientState) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clientState)));

    public static bool Matches(string? clientState, string storedHash)
    {
        if (clientState is null) return false;
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(clientState));
        byte[] stored;
        try { stored = Convert.FromHexString(storedHash); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(given, stored);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
