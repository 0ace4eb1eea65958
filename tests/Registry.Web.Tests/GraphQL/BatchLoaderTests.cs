using Registry.Web.Features.GraphQL.Loaders;

namespace Registry.Web.Tests.GraphQL;

/// <summary>The batch loader on its own: keys asked for before the first answer are fetched together, once.</summary>
public sealed class BatchLoaderTests
{
    private sealed class Box(string value)
    {
        public string Value { get; } = value;
    }

    private readonly List<IReadOnlyList<int>> _fetches = [];

    private BatchLoader<int, Box> NewLoader() => new((keys, _) =>
    {
        _fetches.Add(keys);
        return Task.FromResult<IReadOnlyDictionary<int, Box>>(keys.Where(k => k > 0).ToDictionary(k => k, k => new Box($"#{k}")));
    });

    [Fact]
    public async Task Keys_asked_for_before_the_first_answer_are_fetched_in_one_call()
    {
        var loader = NewLoader();
        int[] keys = [3, 1, 2, 1];
        var answers = keys.Select(loader.Load).ToList();

        var values = new List<string?>();
        foreach (var answer in answers)
        {
            values.Add((await answer.GetResultAsync())?.Value);
        }

        values.ShouldBe(["#3", "#1", "#2", "#1"]);
        _fetches.Count.ShouldBe(1);
        _fetches[0].ShouldBe([3, 1, 2]);
    }

    [Fact]
    public async Task A_key_already_fetched_costs_nothing_and_a_new_key_costs_one_more_fetch()
    {
        var loader = NewLoader();
        await loader.Load(1).GetResultAsync();

        (await loader.Load(1).GetResultAsync())!.Value.ShouldBe("#1");
        (await loader.Load(4).GetResultAsync())!.Value.ShouldBe("#4");

        _fetches.Select(f => f.ToList()).ShouldBe([[1], [4]]);
    }

    [Fact]
    public async Task A_key_with_no_value_answers_null_and_is_not_fetched_again()
    {
        var loader = NewLoader();

        (await loader.Load(-1).GetResultAsync()).ShouldBeNull();
        (await loader.Load(-1).GetResultAsync()).ShouldBeNull();

        _fetches.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_primed_value_is_answered_without_a_fetch()
    {
        var loader = NewLoader();
        var primed = new Box("primed");
        loader.Prime(7, primed);

        (await loader.Load(7).GetResultAsync()).ShouldBeSameAs(primed);

        _fetches.ShouldBeEmpty();
    }

    [Fact]
    public async Task Then_maps_the_loaded_value_without_fetching_early()
    {
        var loader = NewLoader();
        var mapped = loader.Load(5).Then(box => box!.Value.Length);

        _fetches.ShouldBeEmpty("nothing is fetched until an answer is needed");
        (await mapped.GetResultAsync()).ShouldBe(2);
        _fetches.Count.ShouldBe(1);
    }
}
