using Humas.Workflow.Calendar;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Holidays;

/// <summary>
/// The unit's working calendar as of now: the profile's office hours with the closed days staff stored (else the
/// profile's). Read each time it is asked, so a change holds from the next deadline computed on; deadlines already
/// computed stay as they were.
/// </summary>
public sealed class UnitCalendar(UnitProfile file, HumasStorage storage, TimeProvider clock)
{
    private readonly WorkingCalendar fromFile = file.WorkingCalendar();
    private readonly VersionedSettings<HolidaySettings> stored =
        new(storage.Table(HumasStorage.WorkingCalendarTable), $"unit-{file.Id}", clock);

    public HolidaySettings FromFile => new(file.Calendar.Holidays);

    public async Task<WorkingCalendar> CurrentAsync(CancellationToken ct = default) =>
        await stored.GetAsync(ct) is { } c ? fromFile.WithHolidays(c.Settings.Holidays) : fromFile;

    public Task<SettingsChange<HolidaySettings>?> GetAsync(CancellationToken ct = default) => stored.GetAsync(ct);

    public Task<IReadOnlyList<SettingsChange<HolidaySettings>>> ChangesAsync(int max, CancellationToken ct = default) => stored.ChangesAsync(max, ct);

    public Task<SettingsChange<HolidaySettings>> ChangeAsync(IReadOnlyList<Holiday> holidays, string by, int? basedOn, CancellationToken ct = default) =>
        stored.ChangeAsync(new HolidaySettings(holidays), by, basedOn, FromFile, HolidaySettings.Differences, ct);
}
