using Registry.Domain.Identifiers;
using Registry.Domain.Levels;
using Registry.Domain.Time;
using Registry.Web.Features.DemoData;

namespace Registry.Web.Tests.DemoData;

public sealed class DemoDataGeneratorTests(DemoSample sample) : IClassFixture<DemoSample>
{
    private static readonly string[] FamousBrands =
    [
        "海尔", "格力", "美的", "华为", "小米", "联想", "海信", "长虹", "康佳", "创维", "比亚迪", "吉利", "奇瑞",
        "格兰仕", "苏泊尔", "九阳", "方太", "苏宁", "国美", "京东", "腾讯", "阿里", "三一", "徐工", "万科",
    ];

    [Fact]
    public void Same_seed_count_and_as_of_give_identical_rows()
    {
        var first = DemoSample.Rows(new DemoDataGenerator(7, DemoSample.AsOf).Generate(3000, batchSize: 700)).ToList();
        var second = DemoSample.Rows(new DemoDataGenerator(7, DemoSample.AsOf).Generate(3000, batchSize: 700)).ToList();

        first.Count.ShouldBeGreaterThan(3000);
        second.ShouldBe(first);
    }

    [Fact]
    public void Enumerating_a_generation_twice_starts_over_from_the_seed()
    {
        var generation = new DemoDataGenerator(7, DemoSample.AsOf).Generate(500, batchSize: 100);

        DemoSample.Rows(generation).ToList().ShouldBe(DemoSample.Rows(generation).ToList());
    }

    [Fact]
    public void Batch_size_does_not_change_the_data()
    {
        var small = DemoSample.Rows(new DemoDataGenerator(7, DemoSample.AsOf).Generate(1000, batchSize: 97)).Order(StringComparer.Ordinal);
        var large = DemoSample.Rows(new DemoDataGenerator(7, DemoSample.AsOf).Generate(1000, batchSize: 10_000)).Order(StringComparer.Ordinal);

        small.ShouldBe(large);
    }

    [Fact]
    public void Another_seed_gives_other_data()
    {
        var first = DemoSample.Rows(new DemoDataGenerator(7, DemoSample.AsOf).Generate(200)).ToList();
        var other = DemoSample.Rows(new DemoDataGenerator(8, DemoSample.AsOf).Generate(200)).ToList();

        first.Intersect(other).ShouldBeEmpty();
    }

    [Fact]
    public void Generates_exactly_the_count_with_consecutive_ids_in_bounded_batches()
    {
        sample.Certificates.Count.ShouldBe(DemoSample.Count);
        sample.Certificates.Select(c => c.Id).ShouldBe(Enumerable.Range(1, DemoSample.Count).Select(i => (long)i));
        sample.Organisations.Select(o => o.Id).ShouldBe(Enumerable.Range(1, sample.Organisations.Count).Select(i => (long)i));
        sample.Batches.ShouldAllBe(b => b.Certificates.Count <= 1000 + 2);

        var nextEvent = 1L;
        foreach (var c in sample.Certificates)
        {
            c.FirstEventId.ShouldBe(nextEvent);
            nextEvent += c.Certificate.EventCount;
        }

        // Every certificate's holder is in the same batch or an earlier one, so COPY never breaks a foreign key.
        var seen = new HashSet<long>();
        foreach (var batch in sample.Batches)
        {
            seen.UnionWith(batch.Organisations.Select(o => o.Id));
            batch.Certificates.ShouldAllBe(c => seen.Contains(c.Certificate.OrganisationId));
        }

        var bodyIds = sample.Generator.Bodies.Select(b => b.Id).ToHashSet();
        sample.Certificates.ShouldAllBe(c => bodyIds.Contains(c.Certificate.BodyId) && c.BodyId == c.Certificate.BodyId);
    }

    [Fact]
    public void Ids_continue_after_an_id_base()
    {
        var generator = new DemoDataGenerator(7, DemoSample.AsOf, new DemoIdBase(5, 100, 1000, 2000));
        var batch = generator.Generate(10).Single();

        generator.Bodies[0].Id.ShouldBe(6);
        batch.Organisations[0].Id.ShouldBe(101);
        batch.Certificates[0].Id.ShouldBe(1001);
        batch.Certificates[0].FirstEventId.ShouldBe(2001);
        batch.Certificates[0].Certificate.OrganisationId.ShouldBe(101);
    }

    [Fact]
    public void Every_credit_code_is_valid_unique_and_registered_where_the_company_name_says()
    {
        foreach (var (_, o) in sample.Organisations)
        {
            var code = CreditCode.Parse(o.CreditCode);
            code.Value.ShouldBe(o.CreditCode);
            o.CreditCode[..2].ShouldBe("91");
            var division = DemoDivisions.Find(o.DivisionCode);
            division.ShouldNotBeNull($"{o.CreditCode} names division {o.DivisionCode}, which is not in the table");
            o.DivisionCode.ShouldBe(code.DivisionCode);
            o.ProvinceCode.ShouldBe(division.ProvinceCode);
            code.Province!.Code.ShouldBe(division.ProvinceCode);
            o.LegalNameZh.ShouldStartWith(division.Region);
            o.Address!.ShouldContain(division.CityZh + division.DistrictZh);
            o.Address!.ShouldStartWith(code.Province.NameZh == division.CityZh ? division.CityZh : code.Province.NameZh + division.CityZh);
            if (o.NameEn is not null)
            {
                o.NameEn.ShouldStartWith(division.RegionEn + " ");
            }
        }

        sample.Organisations.Select(o => o.Organisation.CreditCode).ShouldBeUnique();
        sample.Organisations.Select(o => o.Organisation.ProvinceCode).Distinct().Count().ShouldBeGreaterThanOrEqualTo(20);
    }

    [Fact]
    public void Levels_always_follow_the_scores()
    {
        var scheme = Schemes.GbT27922;
        foreach (var c in sample.Certificates.Select(g => g.Certificate))
        {
            c.SchemeCode.ShouldBe(scheme.Code);
            scheme.LevelFor(c.TotalScore)!.Code.ShouldBe(c.Level);
            decimal.Round(c.TotalScore, 1).ShouldBe(c.TotalScore);
            foreach (var e in c.Events.Where(e => e.Scores is not null))
            {
                scheme.LevelFor(e.TotalScore!.Value)!.Code.ShouldBe(e.Level);
                new[] { e.ServiceSystemScore, e.CommodityServiceScore, e.CustomerServiceScore }
                    .ShouldAllBe(s => s != null && s >= 60m && s <= 100m && decimal.Round(s.Value, 1) == s.Value);
            }
        }
    }

    [Fact]
    public void Level_mix_is_plausible()
    {
        var share = Shares(sample.Certificates.Select(c => c.Certificate.Level));

        share["compliant"].ShouldBeInRange(0.15, 0.25);
        share["three-star"].ShouldBeInRange(0.30, 0.40);
        share["four-star"].ShouldBeInRange(0.25, 0.35);
        share["five-star"].ShouldBeInRange(0.11, 0.19);
    }

    [Fact]
    public void Every_history_refolds_to_its_snapshot_and_obeys_the_lifecycle()
    {
        var asOf = DemoSample.AsOf;
        foreach (var generated in sample.Certificates)
        {
            var c = generated.Certificate;
            var events = c.Events;
            var fold = StatusHistory.Fold(events, DateOnly.MaxValue, DateTimeOffset.MaxValue);
            fold.Standing.ShouldBe(c.Standing);
            fold.Level.ShouldBe(c.Level);
            fold.Scores!.Total.ShouldBe(c.TotalScore);
            fold.ScopeZh.ShouldBe(c.ScopeZh);
            fold.ScopeEn.ShouldBe(c.ScopeEn);
            fold.ExpiresOn.ShouldBe(c.ExpiresOn);
            c.LastEffectiveOn.ShouldBe(events[^1].EffectiveOn);
            c.EventCount.ShouldBe(events.Count);

            events[0].Kind.ShouldBe(StatusEventKind.Issued);
            events[0].EffectiveOn.ShouldBe(c.IssuedOn);
            events.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, events.Count));
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                e.PublishedAt.ShouldBeLessThanOrEqualTo(asOf);
                RegistryCalendar.DateOf(e.PublishedAt).ShouldBeGreaterThanOrEqualTo(e.EffectiveOn);
                e.Actor.ShouldContain("(demo)");
                e.Reason.ShouldNotBeNullOrWhiteSpace();
                if (i > 0)
                {
                    e.EffectiveOn.ShouldBeGreaterThan(events[i - 1].EffectiveOn);
                    e.PublishedAt.ShouldBeGreaterThanOrEqualTo(events[i - 1].PublishedAt);
                    var before = StatusHistory.Fold(events.Take(i), e.EffectiveOn, e.PublishedAt);
                    LifecycleRules.IsAllowed(before.Status, e.Kind).ShouldBeTrue($"{c.Number}: {e.Kind} after {before.Status}");
                }
            }

            var now = StatusHistory.AsPublishedAt(events, asOf).Status;
            now.ShouldBe(generated.StatusAsOf);
            now.ShouldBe(generated.Outcome switch
            {
                DemoOutcome.Valid or DemoOutcome.Reinstated => CertificateStatus.Valid,
                DemoOutcome.Suspended => CertificateStatus.Suspended,
                DemoOutcome.Withdrawn => CertificateStatus.Withdrawn,
                DemoOutcome.Cancelled => CertificateStatus.Cancelled,
                _ => CertificateStatus.Expired,
            });
        }
    }

    [Fact]
    public void Status_mix_on_the_as_of_date_is_close_to_the_target()
    {
        var share = Shares(sample.Certificates.Select(c => c.StatusAsOf));
        var reinstated = Share(sample.Certificates, c => c.Outcome == DemoOutcome.Reinstated
            && c.Certificate.Events.Any(e => e.Kind == StatusEventKind.Reinstated));
        var renewed = Share(sample.Certificates, c => c.Certificate.Events.Any(e => e.Kind == StatusEventKind.Renewed));
        var backDated = Share(sample.Certificates.SelectMany(c => c.Certificate.Events), e => RegistryCalendar.DateOf(e.PublishedAt).DayNumber - e.EffectiveOn.DayNumber > 5);

        share[CertificateStatus.Valid].ShouldBeInRange(0.80, 0.88);
        share[CertificateStatus.Suspended].ShouldBeInRange(0.03, 0.07);
        share[CertificateStatus.Withdrawn].ShouldBeInRange(0.015, 0.045);
        share[CertificateStatus.Cancelled].ShouldBeInRange(0.01, 0.03);
        share[CertificateStatus.Expired].ShouldBeInRange(0.04, 0.08);
        reinstated.ShouldBeInRange(0.025, 0.055);
        renewed.ShouldBeInRange(0.20, 0.45);
        backDated.ShouldBeInRange(0.02, 0.20);
        sample.Certificates.ShouldContain(c => c.Certificate.Events.Any(e => e.Kind == StatusEventKind.ScopeChanged));
        sample.Certificates.ShouldContain(c => c.Certificate.Events.Any(e => e.Kind == StatusEventKind.LevelChanged));
    }

    [Fact]
    public void Issue_dates_spread_over_the_five_years_before_the_as_of_date()
    {
        var today = RegistryCalendar.DateOf(DemoSample.AsOf);
        var issued = sample.Certificates.Select(c => c.Certificate.IssuedOn).ToList();

        issued.Min().ShouldBeGreaterThanOrEqualTo(today.AddDays(-DemoHistories.MaxAgeDays));
        issued.Max().ShouldBeLessThan(today);
        for (var year = 0; year < 5; year++)
        {
            var from = today.AddYears(-year - 1);
            var to = today.AddYears(-year);
            issued.Count(d => d >= from && d < to).ShouldBeGreaterThan(DemoSample.Count / 20, $"issued {year}–{year + 1} years ago");
        }

        foreach (var c in sample.Certificates.Select(g => g.Certificate).Where(c => c.Events.All(e => e.Kind != StatusEventKind.Renewed)))
        {
            c.ExpiresOn.ShouldBe(ValidityPeriod.DefaultExpiry(c.IssuedOn));
        }
    }

    [Fact]
    public void Company_names_are_unique_fictional_and_sometimes_bilingual_or_renamed()
    {
        var organisations = sample.Organisations.Select(o => o.Organisation).ToList();
        var allNames = organisations.SelectMany(o => o.FormerNames.Append(o.LegalNameZh)).ToList();

        organisations.Select(o => o.LegalNameZh).ShouldBeUnique();
        Share(organisations, o => o.NameEn is not null).ShouldBeInRange(0.25, 0.35);
        Share(organisations, o => o.FormerNames.Count > 0).ShouldBeInRange(0.07, 0.13);
        organisations.ShouldAllBe(o => !o.FormerNames.Contains(o.LegalNameZh));
        organisations.ShouldAllBe(o => o.IsDemo);
        allNames.ShouldAllBe(n => DemoNames.LegalForms.Any(f => n.EndsWith(f.NameZh, StringComparison.Ordinal)));
        foreach (var o in sample.Organisations)
        {
            var region = DemoDivisions.Find(o.Organisation.DivisionCode)!.Region;
            DemoNames.Denylist.ShouldNotContain(o.Organisation.LegalNameZh.Substring(region.Length, 2));
        }

        foreach (var brand in FamousBrands)
        {
            allNames.ShouldNotContain(n => n.Contains(brand, StringComparison.Ordinal), $"a name spells {brand}");
        }
    }

    [Fact]
    public void Certificate_numbers_follow_each_body_format_and_are_unique_when_normalized()
    {
        var bodies = sample.Generator.Bodies.ToDictionary(b => b.Id);
        foreach (var c in sample.Certificates.Select(g => g.Certificate))
        {
            var parsed = CertificateNumber.Parse(c.Number);
            parsed.Normalized.ShouldBe(c.NormalizedNumber);
            parsed.Display.ShouldBe(c.Number);
            c.NormalizedNumber.ShouldContain(bodies[c.BodyId].Spec.Code);
            c.Number.ShouldContain(c.IssuedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)[2..]);
        }

        sample.Certificates.Select(c => c.Certificate.NormalizedNumber).ShouldBeUnique();
        sample.Certificates.Select(c => c.Certificate.Number).ShouldBeUnique();
        sample.Certificates.Select(c => c.BodyId).Distinct().Count().ShouldBe(12);
    }

    [Fact]
    public void Everything_is_marked_as_demo()
    {
        sample.Generator.Bodies.ShouldAllBe(b => b.Body.IsDemo && b.Body.NameZh.Contains("演示") && b.Body.NameEn.Contains("fictional"));
        sample.Certificates.ShouldAllBe(c => c.Certificate.IsDemo);
        sample.Organisations.ShouldAllBe(o => o.Organisation.IsDemo);
    }

    [Fact]
    public void Scopes_come_in_both_languages()
    {
        sample.Certificates.ShouldAllBe(c => c.Certificate.ScopeZh.Length > 5 && c.Certificate.ScopeEn != null);
        sample.Certificates.Select(c => c.Certificate.ScopeZh).Distinct().Count().ShouldBeGreaterThan(100);
    }

    private static Dictionary<T, double> Shares<T>(IEnumerable<T> values)
        where T : notnull
    {
        var list = values.ToList();
        return list.GroupBy(v => v).ToDictionary(g => g.Key, g => (double)g.Count() / list.Count);
    }

    private static double Share<T>(IEnumerable<T> values, Func<T, bool> predicate)
    {
        var list = values.ToList();
        return (double)list.Count(predicate) / list.Count;
    }
}
