using System.Security.Cryptography;

namespace ContactSync.GraphSandbox.Model;

/// <summary>Exchange-looking opaque ids (URL-safe base64) and change keys.</summary>
public static class Ids
{
    public static string NewItemId() => "AAMkA" + UrlSafe(RandomNumberGenerator.GetBytes(36));
    public static string NewFolderId() => "AAMkA" + UrlSafe(RandomNumberGenerator.GetBytes(24)) + "AAA=";
    public static string NewChangeKey() => "EQAAABYAAA" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
    public static string NewToken() => UrlSafe(RandomNumberGenerator.GetBytes(24));

    static string UrlSafe(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
