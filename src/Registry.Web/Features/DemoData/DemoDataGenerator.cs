using Registry.Domain.Geography;
using Registry.Domain.Identifiers;

namespace Registry.Web.Features.DemoData;

/// <summary>
/// Generates the demo data set: pure and deterministic. The same seed, count and as-of instant give the
/// same rows, ids included, on every run and machine: every random choice comes from <c>new Random(seed)</c>
/// and streams derived from it, the only clock is the as-of instant passed in, and nothing depends on
/// hash-code randomisation or thread timing. Output is streamed in batches so that a million certificates
/// never sit in memory at once; each call to <see cref="Generate"/> starts over from the seed.
/// </summary>
internal sealed class DemoDataGenerator
{
    public const int DefaultBatchSize = 10_000;

    private static readonly WeightedChoice<DemoDivision> DivisionChoice = new(DemoDivisions.All.Select(d => (d, d.Weight)));

    // Target mix on the as-of date: 80 % valid, 5 % suspended, 4 % reinstated (valid again), 3 % withdrawn,
    // 2 % cancelled, 6 % expired.
    private static readonly WeightedChoice<DemoOutcome> OutcomeChoice = new(
    [
        (DemoOutcome.Valid, 80), (DemoOutcome.Suspended, 5), (DemoOutcome.Reinstated, 4),
        (DemoOutcome.Withdrawn, 3), (DemoOutcome.Cancelled, 2), (DemoOutcome.Expired, 6),
    ]);

    // Most companies hold one certificate; groups with several product lines hold two or three.
    private static readonly WeightedChoice<int> CertificatesPerCompany = new([(1, 85), (2, 12), (3, 3)]);

    private readonly WeightedChoice<DemoBody> _bodyChoice;

    public DemoDataGenerator(int seed, DateTimeOffset asOf, DemoIdBase? ids = null)
    {
        Seed = seed;
        AsOf = asOf.ToUniversalTime();
        AsOfDate = RegistryCalendar.DateOf(asOf);
        Ids = ids ?? DemoIdBase.Empty;
        Bodies = [.. DemoBodies.All.Select((spec, i) => new DemoBody(Ids.Body + i + 1, spec, spec.ToBody()))];
        _bodyChoice = new WeightedChoice<DemoBody>(Bodies.Select(b => (b, b.Spec.Weight)));
    }

    public int Seed { get; }

    public DateTimeOffset AsOf { get; }

    /// <summary>The as-of instant's date in China: issue dates lie in the five years before it.</summary>
    public DateOnly AsOfDate { get; }

    public DemoIdBase Ids { get; }

    public IReadOnlyList<DemoBody> Bodies { get; }

    /// <summary>
    /// Exactly <paramref name="count"/> certificates with their holders, in batches of about
    /// <paramref name="batchSize"/> certificates (a batch never splits a company from its certificates).
    /// </summary>
    public IEnumerable<DemoBatch> Generate(int count, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return Enumerate();

        // A fresh run per enumeration: enumerating the result twice gives the same batches twice.
        IEnumerable<DemoBatch> Enumerate()
        {
            foreach (var batch in new Run(this).Batches(count, batchSize))
            {
                yield return batch;
            }
        }
    }

    /// <summary>All the state of one generation, so that every call starts from the seed.</summary>
    private sealed class Run
    {
        private readonly DemoDataGenerator _owner;
        private readonly Random _assign;
        private readonly Random _numbering;
        private readonly DemoCompanies _companies;
        private readonly DemoHistories _histories;
        private readonly Dictionary<(long Body, int Year), int> _serials = [];
        private long _organisations;
        private long _certificates;
        private long _events;

        public Run(DemoDataGenerator owner)
        {
            _owner = owner;
            var master = new Random(owner.Seed);
            _assign = new Random(master.Next());
            _numbering = new Random(master.Next());
            _companies = new DemoCompanies(new Random(master.Next()), new DemoCreditCodes(master.Next()));
            _histories = new DemoHistories(new Random(master.Next()), owner.AsOf);
        }

        public IEnumerable<DemoBatch> Batches(int count, int batchSize)
        {
            var organisations = new List<DemoOrganisation>();
            var certificates = new List<DemoCertificate>(Math.Min(count, batchSize + 2));
            var remaining = count;
            while (remaining > 0)
            {
                var division = DivisionChoice.Pick(_assign);
                var (organisation, trade) = _companies.Create(_organisations, division);
                var holder = new DemoOrganisation(_owner.Ids.Organisation + ++_organisations, organisation);
                organisations.Add(holder);
                var held = Math.Min(remaining, CertificatesPerCompany.Pick(_assign));
                for (var k = 0; k < held; k++)
                {
                    certificates.Add(Certificate(holder, division, k == 0 ? trade : DemoCompanies.Trades.Pick(_assign)));
                }

                remaining -= held;
                if (certificates.Count >= batchSize || remaining == 0)
                {
                    yield return new DemoBatch(organisations, certificates);
                    organisations = [];
                    certificates = new List<DemoCertificate>(Math.Min(remaining, batchSize + 2));
                }
            }
        }

        private DemoCertificate Certificate(DemoOrganisation holder, DemoDivision division, DemoTrade trade)
        {
            var body = _owner._bodyChoice.Pick(_assign);
            var outcome = OutcomeChoice.Pick(_assign);
            var (level, scores) = DemoScores.Draw(_assign);
            var (scopeZh, scopeEn) = Scope(trade, division);
            var certificate = _histories.Write(
                outcome,
                issuedOn => new IssueCertificate(
                    Number(body, issuedOn.Year),
                    DemoScores.Scheme,
                    body.Id,
                    holder.Id,
                    level.Code,
                    scores,
                    scopeZh,
                    scopeEn,
                    issuedOn,
                    ExpiresOn: null,
                    body.Spec.Actor,
                    IsDemo: true,
                    Reason: "认证评价合格，颁发证书"),
                body.Spec.Actor);
            var status = StatusHistory.Fold(certificate.Events, _owner.AsOfDate, _owner.AsOf).Status;
            var id = _owner.Ids.Certificate + ++_certificates;
            var firstEventId = _owner.Ids.Event + _events + 1;
            _events += certificate.EventCount;
            return new DemoCertificate(id, firstEventId, body.Id, certificate, outcome, status);
        }

        // Serials run per body and year from a random start, with the odd gap (numbers used for other schemes).
        private CertificateNumber Number(DemoBody body, int year)
        {
            var key = (body.Id, year);
            var serial = _serials.TryGetValue(key, out var last)
                ? last + 1 + (_numbering.NextDouble() < 0.1 ? _numbering.Next(1, 4) : 0)
                : _numbering.Next(1, 300);
            _serials[key] = serial;
            return CertificateNumber.Parse(body.Spec.Number(year, serial));
        }

        private (string Zh, string En) Scope(DemoTrade trade, DemoDivision division)
        {
            var roll = _assign.NextDouble();
            if (roll < 0.25)
            {
                var province = Provinces.FromCode(division.ProvinceCode)!;
                return ($"{trade.ScopeZh}（服务区域：{province.NameZh}）", $"{trade.ScopeEn} (service area: {province.NameEn})");
            }

            return roll < 0.35
                ? ($"{trade.ScopeZh}（服务区域：全国）", $"{trade.ScopeEn} (service area: nationwide)")
                : (trade.ScopeZh, trade.ScopeEn);
        }
    }
}
