namespace Registry.Web.Features.DemoData;

/// <summary>Picks items in proportion to integer weights from a given random stream.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly int[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, int Weight)> items)
    {
        var list = items.Where(i => i.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one item needs a positive weight.", nameof(items));
        }

        _items = [.. list.Select(i => i.Item)];
        _cumulative = new int[list.Count];
        var sum = 0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public int TotalWeight => _cumulative[^1];

    public T Pick(Random random)
    {
        var ticket = random.Next(TotalWeight);
        var index = Array.BinarySearch(_cumulative, ticket + 1);
        return _items[index >= 0 ? index : ~index];
    }
}
