using Humas.Workflow.Calendar;
using Humas.Workflow.Pages;
using Humas.Workflow.Vocabulary;

namespace Humas.Workflow.Tests.Calendar;

/// <summary>How the working time left reads, Indonesian first.</summary>
public sealed class WorkingTimeLeftTextTests
{
    [Theory]
    [InlineData(2, 0, "sisa 2 hari kerja", "2 working days left")]
    [InlineData(1, 180, "sisa 1 hari kerja 3 jam kerja", "1 working day 3 working hours left")]
    [InlineData(0, 90, "sisa 1 jam kerja", "1 working hour left")]
    [InlineData(0, 20, "sisa 20 menit kerja", "20 working minutes left")]
    [InlineData(0, 0, "batas waktu sudah lewat", "the deadline has passed")]
    public void Working_days_hours_and_minutes(int days, int minutes, string id, string en)
    {
        var left = new WorkingTimeLeft(days, TimeSpan.FromMinutes(minutes));
        Assert.Equal(id, Remaining.WorkingText(left, Lang.Id));
        Assert.Equal(en, Remaining.WorkingText(left, Lang.En));
    }
}
