using Registry.Domain.Time;
using Registry.Web.Features.DemoData;

namespace Registry.Web.Tests.DemoData;

/// <summary>One generated data set of 5,000 certificates, shared by the generator tests (generation is pure).</summary>
public sealed class DemoSample
{
    public const int Count = 5000;
    public const int Seed = 27922;

    /// <summary>10:00 in Beijing on 23 November 2026.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 23, 10, 0, 0, RegistryCalendar.ChinaOffset);

    public DemoSample()
    {
        Generator = new DemoDataGenerator(Seed, AsOf);
        Batches = [.. Generator.Generate(Count, batchSize: 1000)];
        Organisations = [.. Batches.SelectMany(b => b.Organisations)];
        Certificates = [.. Batches.SelectMany(b => b.Certificates)];
    }

    internal DemoDataGenerator Generator { get; }

    internal IReadOnlyList<DemoBatch> Batches { get; }

    internal IReadOnlyList<DemoOrganisation> Organisations { get; }

    internal IReadOnlyList<DemoCertificate> Certificates { get; }

    /// <summary>Every column the loader would write, as text, for comparing two generations.</summary>
    internal static IEnumerable<string> Rows(IEnumerable<DemoBatch> batches)
    {
        foreach (var batch in batches)
        {
            foreach (var (id, o) in batch.Organisations)
            {
                yield return Invariant($"O|{id}|{o.LegalNameZh}|{string.Join('/', o.FormerNames)}|{o.NameEn}|{o.CreditCode}|{o.ProvinceCode}|{o.DivisionCode}|{o.Address}|{o.IsDemo}");
            }

            foreach (var g in batch.Certificates)
            {
                var c = g.Certificate;
                var row = new StringBuilder(Invariant(
                    $"C|{g.Id}|{c.Number}|{c.NormalizedNumber}|{c.SchemeCode}|{c.BodyId}|{c.OrganisationId}|{c.IssuedOn}|{c.IsDemo}|{c.Standing}|{c.Level}|{c.TotalScore}|{c.ScopeZh}|{c.ScopeEn}|{c.ExpiresOn}|{c.LastEffectiveOn}|{c.EventCount}|{g.StatusAsOf}"));
                var eventId = g.FirstEventId;
                foreach (var e in c.Events)
                {
                    row.Append(Invariant(
                        $"||E|{eventId++}|{e.Sequence}|{e.Kind}|{e.EffectiveOn}|{e.PublishedAt:O}|{e.Reason}|{e.Actor}|{e.Level}|{e.TotalScore}|{e.ServiceSystemScore}|{e.CommodityServiceScore}|{e.CustomerServiceScore}|{e.ScopeZh}|{e.ScopeEn}|{e.ExpiresOn}"));
                }

                yield return row.ToString();
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
