using System.Text.Json;
using Humas.Workflow.Calendar;

namespace Humas.Workflow.Tests.Calendar;

public sealed class WorkingDurationTests
{
    [Theory]
    [InlineData("2wd", "2wd")]
    [InlineData("16wh", "16wh")]
    [InlineData("1.5wh", "1.5wh")]
    [InlineData(" 3WD ", "3wd")]
    [InlineData("3.00:00:00", "3.00:00:00")]
    [InlineData("04:00:00", "04:00:00")]
    public void Working_and_plain_values_read_and_write_the_same(string text, string written)
    {
        Assert.Equal(written, WorkingDuration.Parse(text).ToString());
        Assert.Equal(WorkingDuration.Parse(text), WorkingDuration.Parse(written));
    }

    [Theory]
    [InlineData("")]
    [InlineData("wd")]
    [InlineData("0wd")]
    [InlineData("-1wd")]
    [InlineData("1.5wd")]
    [InlineData("2xd")]
    [InlineData("0wh")]
    [InlineData("-01:00:00")]
    [InlineData("tiga hari")]
    public void Anything_else_is_not_a_duration(string text) =>
        Assert.False(WorkingDuration.TryParse(text, out _));

    [Fact]
    public void A_plain_value_is_written_as_a_TimeSpan_so_inputs_recorded_before_read_back()
    {
        Assert.Equal(TimeSpan.FromDays(3), JsonSerializer.Deserialize<WorkingDuration>("\"3.00:00:00\"").Plain);
        Assert.Equal(JsonSerializer.Serialize(TimeSpan.FromHours(4)), JsonSerializer.Serialize(WorkingDuration.Of(TimeSpan.FromHours(4))));
        Assert.Equal(WorkingDuration.Days(2), JsonSerializer.Deserialize<WorkingDuration>(JsonSerializer.Serialize(WorkingDuration.Days(2))));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WorkingDuration>("\"2xd\""));
    }
}
