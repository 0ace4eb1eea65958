using Registry.Domain.Certificates;
using Registry.Signing.Keys;
using Registry.Web.Tests.DemoData;
using Registry.Web.Tests.Search.Indexing;

namespace Registry.Web.Tests.SigningKeys;

/// <summary>`dotnet Registry.Web.dll keys ...` as an operator runs it: a real process, its output and exit code.</summary>
public sealed class KeyCommandsTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task Create_rotate_list_and_revoke_from_the_command_line()
    {
        var body = await _registry.AddBodyAsync();

        var (code, output) = await KeysAsync("create", "--body", body.Code);
        code.ShouldBe(0, output);
        var first = (await TestStores.Create(database).ListAsync(body.Code, CancellationToken.None)).Single();
        output.ShouldContain($"Created signing key {first.Kid} for body {body.Code}");

        (code, output) = await KeysAsync("create", "--body", body.Code);
        code.ShouldBe(1, output);
        output.ShouldContain("already has the active signing key");

        (code, output) = await KeysAsync("rotate", "--body", body.Code);
        code.ShouldBe(0, output);
        output.ShouldContain($"key {first.Kid} retired");

        (code, output) = await KeysAsync("list", "--body", body.Code);
        code.ShouldBe(0, output);
        var second = (await TestStores.Create(database).ListAsync(body.Code, CancellationToken.None)).Single(k => k.State == KeyState.Active);
        output.ShouldContain($"{first.Kid,-8} {body.Code,-16} retired");
        output.ShouldContain($"{second.Kid,-8} {body.Code,-16} active");
        output.ShouldContain("2 key(s).");

        (code, output) = await KeysAsync("revoke", "--kid", second.Kid, "--reason", "laptop stolen");
        code.ShouldBe(0, output);
        output.ShouldContain($"Revoked signing key {second.Kid} of body {body.Code}");
        output.ShouldContain($"keys create --body {body.Code}");

        (code, output) = await KeysAsync("revoke", "--kid", second.Kid, "--reason", "again");
        code.ShouldBe(1, output);
        output.ShouldContain("already revoked");
        output.ShouldNotContain(TestKek.Base64);
    }

    [Theory]
    [InlineData("create", "--body", "NO-SUCH-BODY")]
    [InlineData("rotate", "--body", "NO-SUCH-BODY")]
    [InlineData("list", "--body", "NO-SUCH-BODY")]
    [InlineData("revoke", "--kid", "AAAAAA", "--reason", "x")]
    public async Task Unknown_bodies_and_key_ids_exit_with_2(params string[] arguments)
    {
        var (code, output) = await KeysAsync(arguments);

        code.ShouldBe(2, output);
        output.ShouldContain(arguments[2]);
    }

    [Fact]
    public async Task Without_a_key_encryption_key_create_stops_with_a_clear_message_and_changes_nothing()
    {
        var body = await _registry.AddBodyAsync();

        var (code, output) = await RegistryProcess.RunAsync(Environment(kek: "bm90IGEga2V5"), "keys", "create", "--body", body.Code);

        code.ShouldBe(1, output);
        output.ShouldContain("Signing:KeyEncryptionKey decodes to 9 bytes");
        output.ShouldNotContain("bm90IGEga2V5");
        (await TestStores.Create(database).ListAsync(body.Code, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ensure_gives_every_body_without_an_active_key_one()
    {
        // A database of its own: ensure touches every body, and other tests' bodies must keep having none.
        await using var own = await DemoDatabase.CreateAsync();
        string[] codes = ["ENSURE-A", "ENSURE-B", "ENSURE-C"];
        await using (var db = own.CreateContext())
        {
            db.Bodies.AddRange(codes.Select((c, i) => new CertificationBody(c, $"测试{c}", $"Test {c}", $"CNCA-R-2099-9{i}", null, isDemo: false)));
            await db.SaveChangesAsync();
        }

        var environment = Environment(connectionString: own.ConnectionString);
        (await RegistryProcess.RunAsync(environment, "keys", "create", "--body", "ENSURE-B")).ExitCode.ShouldBe(0);

        var (code, output) = await RegistryProcess.RunAsync(environment, "keys", "ensure", "--all-bodies");
        code.ShouldBe(0, output);
        output.ShouldContain("Created 2 signing key(s).");
        (code, output) = await RegistryProcess.RunAsync(environment, "keys", "ensure", "--all-bodies");
        code.ShouldBe(0, output);
        output.ShouldContain("Every body has an active signing key.");
        await using (var db = own.CreateContext())
        {
            var active = await db.SigningKeys.Where(k => k.State == KeyState.Active).Join(db.Bodies, k => k.BodyId, b => b.Id, (_, b) => b.Code).ToListAsync();
            active.ShouldBe(codes, ignoreOrder: true);
        }

        (code, output) = await RegistryProcess.RunAsync(environment, "keys", "ensure");
        code.ShouldBe(1, output);
        output.ShouldContain("--all-bodies");
    }

    private Task<(int ExitCode, string Output)> KeysAsync(params string[] arguments) =>
        RegistryProcess.RunAsync(Environment(), ["keys", .. arguments]);

    private Dictionary<string, string> Environment(string? connectionString = null, string? kek = null) => new()
    {
        ["ConnectionStrings__Registry"] = connectionString ?? database.ConnectionString,
        ["Signing__KeyEncryptionKey"] = kek ?? TestKek.Base64,
    };
}
