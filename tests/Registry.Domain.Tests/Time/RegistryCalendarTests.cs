using Registry.Domain.Time;

namespace Registry.Domain.Tests.Time;

public class RegistryCalendarTests
{
    [Fact]
    public void Half_past_four_in_the_afternoon_UTC_is_already_the_next_day_in_China()
    {
        var instant = new DateTimeOffset(2026, 3, 4, 16, 30, 0, TimeSpan.Zero);

        RegistryCalendar.DateOf(instant).ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public void One_second_before_midnight_in_China_is_still_the_same_day()
    {
        var instant = new DateTimeOffset(2026, 3, 4, 15, 59, 59, TimeSpan.Zero);

        RegistryCalendar.DateOf(instant).ShouldBe(new DateOnly(2026, 3, 4));
    }

    [Fact]
    public void The_date_does_not_depend_on_the_offset_the_instant_is_written_in()
    {
        // 20:00 in New York on 4 March (UTC−5) is 09:00 on 5 March in Beijing.
        var newYork = new DateTimeOffset(2026, 3, 4, 20, 0, 0, TimeSpan.FromHours(-5));

        RegistryCalendar.DateOf(newYork).ShouldBe(new DateOnly(2026, 3, 5));
        RegistryCalendar.DateOf(newYork.ToUniversalTime()).ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public void Today_is_the_date_on_a_Beijing_wall_calendar()
    {
        var clock = TestClocks.At(new DateTimeOffset(2026, 3, 4, 16, 30, 0, TimeSpan.Zero));

        RegistryCalendar.Today(clock).ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public void EndOf_a_date_is_its_last_instant_in_China()
    {
        var end = RegistryCalendar.EndOf(new DateOnly(2026, 3, 5));

        end.UtcDateTime.ShouldBe(new DateTime(2026, 3, 5, 15, 59, 59, DateTimeKind.Utc).AddTicks(TimeSpan.TicksPerSecond - 1));
        RegistryCalendar.DateOf(end).ShouldBe(new DateOnly(2026, 3, 5));
        RegistryCalendar.DateOf(end.AddTicks(1)).ShouldBe(new DateOnly(2026, 3, 6));
    }
}
