using System.ComponentModel.DataAnnotations;

namespace ContactSync.Handler.Options;

/// <summary>Tenants provisioned by the deployment (infra/tenants.parameters.json → app settings
/// <c>Tenants__{i}__{Property}</c>). The section is the list itself, so it binds as a collection; credentials arrive
/// as Key Vault references that the platform resolves before the handler starts.</summary>
public sealed class ProvisionedTenantsOptions : List<ProvisionedTenant>, IValidatableObject
{
    public const string Section = "Tenants";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Count; i++)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(this[i], new ValidationContext(this[i]), results, validateAllProperties: true);
            foreach (var r in results)
                yield return new ValidationResult($"{Section}__{i}: {r.ErrorMessage}",
                    r.MemberNames.Select(m => $"{Section}__{i}__{m}"));
        }
        foreach (var id in this.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return new ValidationResult($"{Section}: tenant id '{id}' is listed more than once");
    }
}

/// <summary>One provisioned tenant: its Entra app registration, the credential (a client secret or a base64 PFX,
/// exactly one), and the defaults its policies use.</summary>
public sealed class ProvisionedTenant : IValidatableObject
{
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Id must match [A-Za-z0-9._-]{1,64}")]
    public string Id { get; set; } = "";

    [Required]
    public string DisplayName { get; set; } = "";

    /// <summary>The organisation's Entra directory: a GUID or a verified domain.</summary>
    [Required]
    public string EntraTenantId { get; set; } = "";

    [Required, RegularExpression("^[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$", ErrorMessage = "ClientId must be a GUID")]
    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    /// <summary>A PKCS#12 (PFX) certificate with its private key, base64, without a password.</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>ISO 3166-1 alpha-2 region used to normalise phone numbers to <c>+CC</c> form.</summary>
    [Required, RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "DefaultRegion must be two letters (ISO 3166-1)")]
    public string DefaultRegion { get; set; } = "";

    /// <summary>An IANA (<c>Europe/Warsaw</c>) or Windows (<c>Central European Standard Time</c>) time zone id.</summary>
    [Required]
    public string TimeZone { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasSecret = !string.IsNullOrEmpty(ClientSecret);
        var hasCertificate = !string.IsNullOrEmpty(ClientCertificate);
        if (hasSecret == hasCertificate)
            yield return new ValidationResult($"tenant '{Id}' needs exactly one of ClientSecret and ClientCertificate",
                [nameof(ClientSecret), nameof(ClientCertificate)]);
        // An unresolved reference reaches the app as its literal text; say why instead of failing at the first token.
        foreach (var (name, value) in new[] { (nameof(ClientSecret), ClientSecret), (nameof(ClientCertificate), ClientCertificate) })
            if (KeyVaultReference.IsUnresolved(value))
                yield return new ValidationResult($"tenant '{Id}': {name} is an unresolved Key Vault reference ({KeyVaultReference.Hint})", [name]);
        if (hasCertificate && !IsBase64(ClientCertificate!) && !KeyVaultReference.IsUnresolved(ClientCertificate))
            yield return new ValidationResult($"tenant '{Id}': ClientCertificate must be a base64 PFX", [nameof(ClientCertificate)]);
        if (!string.IsNullOrEmpty(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"tenant '{Id}': TimeZone '{TimeZone}' is not a known IANA or Windows time zone id",
                [nameof(TimeZone)]);
    }

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
