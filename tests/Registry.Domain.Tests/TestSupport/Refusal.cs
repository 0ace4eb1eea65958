namespace Registry.Domain.Tests.TestSupport;

public static class Refusal
{
    /// <summary>Asserts that <paramref name="act"/> breaks a registry rule with the given stable error code.</summary>
    public static DomainException ShouldBeRefusedWith(this Action act, string expectedCode)
    {
        var thrown = Should.Throw<DomainException>(act);
        thrown.Code.ShouldBe(expectedCode);
        thrown.Message.ShouldNotBeNullOrWhiteSpace();
        return thrown;
    }

    public static DomainException ShouldBeRefusedWith<T>(this Func<T> act, string expectedCode) =>
        ShouldBeRefusedWith(() => { _ = act(); }, expectedCode);
}
