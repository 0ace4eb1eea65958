using Registry.Domain;

namespace Registry.Web.Tests.Checks;

/// <summary>Query.check: the same answers as POST /api/check, through GraphQL.</summary>
public sealed class CheckGraphQLTests(RegistryDatabase database)
{
    private const string Query = """
        query Check($rows: [[String!]!]!) {
          check(rows: $rows) {
            asOf rowCount needingAttention
            rows { row takenAs needsAttention concerns reason { code } matches { number holderCreditCode status bodyCode } }
          }
        }
        """;

    private static readonly string[] Headings = ["证书编号", "统一社会信用代码"];
    private static readonly string[] NeverIssued = ["TST-2099-NEVER-ISSUED-2", ""];

    [Fact]
    public async Task A_list_is_answered_row_by_row_with_statuses_and_concerns()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        var client = new GraphQLClient(database.Site.CreateClient());

        var answer = await client.PostAsync(Query, new
        {
            rows = new[]
            {
                Headings,
                new[] { companies.Valid.Number, companies.Valid.CreditCode },
                new[] { companies.Withdrawn.Number, companies.Valid.CreditCode },
                NeverIssued,
            },
        });

        answer.Codes.ShouldBeEmpty(answer.ToString());
        var check = answer.Data.GetProperty("check");
        check.GetProperty("rowCount").GetInt32().ShouldBe(3, "the heading row is not checked");
        check.GetProperty("needingAttention").GetInt32().ShouldBe(2);
        var rows = check.GetProperty("rows").EnumerateArray().ToList();
        rows[0].GetProperty("matches")[0].GetProperty("status").GetString().ShouldBe("VALID");
        rows[0].GetProperty("concerns").GetArrayLength().ShouldBe(0);
        rows[1].GetProperty("matches")[0].GetProperty("status").GetString().ShouldBe("WITHDRAWN");
        rows[1].GetProperty("concerns")[0].GetString().ShouldBe("CREDIT_CODE_DIFFERS");
        rows[2].GetProperty("takenAs").GetString().ShouldBe("CERTIFICATE_NUMBER");
        rows[2].GetProperty("reason").GetProperty("code").GetString().ShouldBe(DomainErrorCodes.CertificateNotFound);
    }

    [Fact]
    public async Task Too_many_rows_and_an_empty_list_are_errors_with_codes()
    {
        var client = new GraphQLClient(database.Site.CreateClient());

        (await client.PostAsync(Query, new { rows = Array.Empty<string[]>() })).Codes.ShouldBe(["EMPTY_LIST"]);
        (await client.PostAsync(Query, new { rows = Enumerable.Range(0, 1002).Select(i => new[] { $"公司{i}" }) })).Codes.ShouldBe(["TOO_MANY_ROWS"]);
    }
}
