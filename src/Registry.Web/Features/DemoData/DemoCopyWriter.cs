using Npgsql;
using NpgsqlTypes;

namespace Registry.Web.Features.DemoData;

/// <summary>
/// Row layouts for binary COPY, matching the InitialSchema migration column for column (snake_case names;
/// enums stored as their names, as the EF configuration's HasConversion&lt;string&gt; does). The
/// certificates table's <c>xmin</c> row version is a system column and is never copied.
/// </summary>
internal static class DemoCopyWriter
{
    public const string Bodies =
        "COPY certification_bodies (id, code, name_zh, name_en, approval_number, website, is_demo) FROM STDIN (FORMAT BINARY)";

    public const string Organisations =
        "COPY organisations (id, legal_name_zh, former_names, name_en, credit_code, province_code, division_code, address, is_demo) " +
        "FROM STDIN (FORMAT BINARY)";

    public const string Certificates =
        "COPY certificates (id, number, normalized_number, scheme_code, body_id, organisation_id, issued_on, is_demo, standing, level, " +
        "total_score, scope_zh, scope_en, expires_on, last_effective_on, event_count) FROM STDIN (FORMAT BINARY)";

    public const string StatusEvents =
        "COPY status_events (id, certificate_id, sequence, kind, effective_on, published_at, reason, actor, level, total_score, " +
        "service_system_score, commodity_service_score, customer_service_score, scope_zh, scope_en, expires_on) FROM STDIN (FORMAT BINARY)";

    public static void WriteBodies(NpgsqlBinaryImporter importer, IEnumerable<DemoBody> bodies)
    {
        foreach (var (id, _, body) in bodies)
        {
            importer.StartRow();
            importer.Write(id, NpgsqlDbType.Bigint);
            importer.Write(body.Code, NpgsqlDbType.Varchar);
            importer.Write(body.NameZh, NpgsqlDbType.Varchar);
            importer.Write(body.NameEn, NpgsqlDbType.Varchar);
            importer.Write(body.ApprovalNumber, NpgsqlDbType.Varchar);
            Text(importer, body.Website);
            importer.Write(body.IsDemo, NpgsqlDbType.Boolean);
        }
    }

    public static void WriteOrganisations(NpgsqlBinaryImporter importer, IEnumerable<DemoOrganisation> organisations)
    {
        foreach (var (id, o) in organisations)
        {
            importer.StartRow();
            importer.Write(id, NpgsqlDbType.Bigint);
            importer.Write(o.LegalNameZh, NpgsqlDbType.Varchar);
            importer.Write(o.FormerNames, NpgsqlDbType.Array | NpgsqlDbType.Text);
            Text(importer, o.NameEn);
            importer.Write(o.CreditCode, NpgsqlDbType.Char);
            importer.Write(o.ProvinceCode, NpgsqlDbType.Char);
            importer.Write(o.DivisionCode, NpgsqlDbType.Char);
            Text(importer, o.Address);
            importer.Write(o.IsDemo, NpgsqlDbType.Boolean);
        }
    }

    public static void WriteCertificates(NpgsqlBinaryImporter importer, IEnumerable<DemoCertificate> certificates)
    {
        foreach (var generated in certificates)
        {
            var c = generated.Certificate;
            importer.StartRow();
            importer.Write(generated.Id, NpgsqlDbType.Bigint);
            importer.Write(c.Number, NpgsqlDbType.Varchar);
            importer.Write(c.NormalizedNumber, NpgsqlDbType.Varchar);
            importer.Write(c.SchemeCode, NpgsqlDbType.Varchar);
            importer.Write(c.BodyId, NpgsqlDbType.Bigint);
            importer.Write(c.OrganisationId, NpgsqlDbType.Bigint);
            importer.Write(c.IssuedOn, NpgsqlDbType.Date);
            importer.Write(c.IsDemo, NpgsqlDbType.Boolean);
            importer.Write(c.Standing.ToString(), NpgsqlDbType.Varchar);
            importer.Write(c.Level, NpgsqlDbType.Varchar);
            importer.Write(c.TotalScore, NpgsqlDbType.Numeric);
            importer.Write(c.ScopeZh, NpgsqlDbType.Varchar);
            Text(importer, c.ScopeEn);
            importer.Write(c.ExpiresOn, NpgsqlDbType.Date);
            importer.Write(c.LastEffectiveOn, NpgsqlDbType.Date);
            importer.Write(c.EventCount, NpgsqlDbType.Integer);
        }
    }

    public static void WriteStatusEvents(NpgsqlBinaryImporter importer, IEnumerable<DemoCertificate> certificates)
    {
        foreach (var generated in certificates)
        {
            var id = generated.FirstEventId;
            foreach (var e in generated.Certificate.Events)
            {
                importer.StartRow();
                importer.Write(id++, NpgsqlDbType.Bigint);
                importer.Write(generated.Id, NpgsqlDbType.Bigint);
                importer.Write(e.Sequence, NpgsqlDbType.Integer);
                importer.Write(e.Kind.ToString(), NpgsqlDbType.Varchar);
                importer.Write(e.EffectiveOn, NpgsqlDbType.Date);
                importer.Write(e.PublishedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                importer.Write(e.Reason, NpgsqlDbType.Varchar);
                importer.Write(e.Actor, NpgsqlDbType.Varchar);
                Text(importer, e.Level);
                Score(importer, e.TotalScore);
                Score(importer, e.ServiceSystemScore);
                Score(importer, e.CommodityServiceScore);
                Score(importer, e.CustomerServiceScore);
                Text(importer, e.ScopeZh);
                Text(importer, e.ScopeEn);
                Date(importer, e.ExpiresOn);
            }
        }
    }

    private static void Text(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void Score(NpgsqlBinaryImporter importer, decimal? value)
    {
        if (value is { } score)
        {
            importer.Write(score, NpgsqlDbType.Numeric);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void Date(NpgsqlBinaryImporter importer, DateOnly? value)
    {
        if (value is { } date)
        {
            importer.Write(date, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
