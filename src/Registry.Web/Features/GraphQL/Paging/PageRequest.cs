using GraphQL;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Paging;

/// <summary>A connection's first/after arguments, checked: the window starts at <see cref="Offset"/> and holds <see cref="Size"/> items.</summary>
public sealed record PageRequest(int Offset, int Size)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static PageRequest From(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = context.GetArgument("first", DefaultSize);
        if (first is < 0 or > MaxSize)
        {
            throw new ApiError(ErrorCodes.PageSizeOutOfRange, $"first must be between 0 and {MaxSize}; {first} is not.");
        }

        return new PageRequest(Cursor.StartAfter(context.GetArgument<string?>("after")), first);
    }
}
