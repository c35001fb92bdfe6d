using System.Security.Cryptography;
using System.Text;

namespace ContactSync.Storage;

/// <summary>An account name and its decoded key; signs string-to-sign texts (HMAC-SHA256, base64).</summary>
internal sealed class SharedKey(string accountName, byte[] key)
{
    public string AccountName { get; } = accountName;

    public string Sign(string stringToSign) => Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    public override string ToString() => $"SharedKey({AccountName})";
}
