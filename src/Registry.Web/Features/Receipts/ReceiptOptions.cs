namespace Registry.Web.Features.Receipts;

/// <summary><c>Receipts:*</c> settings.</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>The registry's name as every receipt states it (its origin comes from <c>Verification:PublicHost</c>).</summary>
    public string RegistryName { get; set; } = "Star Registry";
}
