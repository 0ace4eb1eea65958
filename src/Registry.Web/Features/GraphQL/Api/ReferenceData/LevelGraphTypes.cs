using GraphQL.Types;
using Registry.Domain.Levels;

namespace Registry.Web.Features.GraphQL.Api.ReferenceData;

public sealed class LevelGraphType : ObjectGraphType<Level>
{
    public LevelGraphType()
    {
        Name = "Level";
        Description = "One rung of a scheme's scale.";
        Field(l => l.Code).Description("Stable code, e.g. four-star; the value search filters take.");
        Field(l => l.NameZh).Description("Chinese name, e.g. 四星级.");
        Field(l => l.NameEn).Description("English name.");
        Field(l => l.Stars).Description("Stars shown (0 for compliant).");
        Field<NonNullGraphType<FloatGraphType>>("minimumScore").Description("The lowest total score that earns this level.")
            .Resolve(c => (double)c.Source.MinimumScore);
    }
}

public sealed class SchemeGraphType : ObjectGraphType<Scheme>
{
    public SchemeGraphType()
    {
        Name = "Scheme";
        Description = "A certification scheme and its level scale (GB/T 27922-2011 by default).";
        Field(s => s.Code);
        Field(s => s.NameZh);
        Field(s => s.NameEn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LevelGraphType>>>>("levels").Description("From the lowest to the highest.")
            .Resolve(c => c.Source.Levels);
    }
}

public sealed class ScoresGraphType : ObjectGraphType<Scores>
{
    public ScoresGraphType()
    {
        Name = "Scores";
        Description = "An assessment's total score and, where the body reported them, its three category scores (0–100).";
        Field<NonNullGraphType<FloatGraphType>>("total").Resolve(c => (double)c.Source.Total);
        Field<FloatGraphType>("serviceSystem").Description("售后服务体系").Resolve(c => (double?)c.Source.ServiceSystem);
        Field<FloatGraphType>("commodityService").Description("商品服务").Resolve(c => (double?)c.Source.CommodityService);
        Field<FloatGraphType>("customerService").Description("顾客服务").Resolve(c => (double?)c.Source.CustomerService);
    }
}
