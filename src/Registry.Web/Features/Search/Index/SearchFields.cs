namespace Registry.Web.Features.Search.Index;

/// <summary>Field names of the certificate index. Keys are exact terms; text fields are analysed.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string IdOrder = "id_order";
    public const string Number = "number";
    public const string CreditCode = "credit_code";
    public const string Name = "name";
    public const string NameKey = "name_key";
    public const string NameEn = "name_en";
    public const string Suggest = "suggest";
    public const string Scope = "scope";
    public const string ScopeEn = "scope_en";
    public const string Address = "address";
    public const string Body = "body";
    public const string Province = "province";
    public const string Level = "level";
    public const string Standing = "standing";
    public const string Expires = "expires";
    public const string ExpiresValue = "expires_value";
    public const string Record = "record";

    /// <summary>Commit data key: the last outbox sequence whose change this commit contains.</summary>
    public const string OutboxSequence = "outbox_sequence";
}
