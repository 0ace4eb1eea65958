using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Features.Search.Index;

/// <summary>Maps a <see cref="SearchRecord"/> to the Lucene document the index stores, and back.</summary>
public static class CertificateDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Document From(SearchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.CertificateId.ToString(CultureInfo.InvariantCulture);
        var document = new Document
        {
            new StringField(SearchFields.Id, id, Field.Store.NO),
            new NumericDocValuesField(SearchFields.IdOrder, record.CertificateId),
            new StringField(SearchFields.Number, record.NormalizedNumber, Field.Store.NO),
            new StringField(SearchFields.CreditCode, record.CreditCode, Field.Store.NO),
            new StringField(SearchFields.Body, record.BodyCode, Field.Store.NO),
            new SortedDocValuesField(SearchFields.Body, new BytesRef(record.BodyCode)),
            new StringField(SearchFields.Province, record.ProvinceCode, Field.Store.NO),
            new SortedDocValuesField(SearchFields.Province, new BytesRef(record.ProvinceCode)),
            new StringField(SearchFields.Level, record.Level, Field.Store.NO),
            new SortedDocValuesField(SearchFields.Level, new BytesRef(record.Level)),
            new StringField(SearchFields.Standing, record.Standing.ToString(), Field.Store.NO),
            new SortedDocValuesField(SearchFields.Standing, new BytesRef(record.Standing.ToString())),
            new Int32Field(SearchFields.Expires, DayNumber(record.ExpiresOn), Field.Store.NO),
            new NumericDocValuesField(SearchFields.ExpiresValue, DayNumber(record.ExpiresOn)),
            new TextField(SearchFields.Scope, record.ScopeZh, Field.Store.NO),
            new StoredField(SearchFields.Record, JsonSerializer.Serialize(record, Json)),
        };

        foreach (var name in Names(record))
        {
            document.Add(new TextField(SearchFields.Name, name, Field.Store.NO));
            document.Add(new StringField(SearchFields.NameKey, ChineseFolding.FoldForMatching(name), Field.Store.NO));
            document.Add(new TextField(SearchFields.Suggest, name, Field.Store.NO));
        }

        if (record.NameEn is { } english)
        {
            document.Add(new TextField(SearchFields.NameEn, english, Field.Store.NO));
            document.Add(new StringField(SearchFields.NameKey, ChineseFolding.FoldForMatching(english), Field.Store.NO));
            document.Add(new TextField(SearchFields.Suggest, english, Field.Store.NO));
        }

        if (record.ScopeEn is { } scopeEn)
        {
            document.Add(new TextField(SearchFields.ScopeEn, scopeEn, Field.Store.NO));
        }

        if (record.Address is { } address)
        {
            document.Add(new TextField(SearchFields.Address, address, Field.Store.NO));
        }

        return document;
    }

    public static SearchRecord Read(Document document) =>
        JsonSerializer.Deserialize<SearchRecord>(document.GetField(SearchFields.Record).GetStringValue(CultureInfo.InvariantCulture), Json)
        ?? throw new InvalidDataException("An index document has no stored record.");

    /// <summary>Dates as whole days since 0001-01-01, so a range query on them is an integer range.</summary>
    public static int DayNumber(DateOnly date) => date.DayNumber;

    public static IEnumerable<string> Names(SearchRecord record) => [record.LegalNameZh, .. record.FormerNames];
}
