namespace ContactSync.Handler.Options;

/// <summary>An App Service Key Vault reference (<c>@Microsoft.KeyVault(SecretUri=…)</c>) reaches the app as its literal
/// text when the platform could not resolve it (no such secret, or the app's identity may not read it). A setting that
/// still holds one is refused at start, saying so, instead of being used as a key or a credential.</summary>
public static class KeyVaultReference
{
    public const string Prefix = "@Microsoft.KeyVault(";

    public const string Hint = "does the secret exist, and does the app's identity hold Key Vault Secrets User?";

    public static bool IsUnresolved(string? value) =>
        value?.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;
}
