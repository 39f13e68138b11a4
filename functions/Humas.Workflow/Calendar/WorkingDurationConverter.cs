using System.ComponentModel;
using System.Globalization;

namespace Humas.Workflow.Calendar;

/// <summary>Lets configuration bind <c>2wd</c>, <c>16wh</c> and plain TimeSpans alike; a bad value fails the binding, which names the setting.</summary>
public sealed class WorkingDurationConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || sourceType == typeof(TimeSpan) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
    {
        string text => WorkingDuration.Parse(text),
        TimeSpan plain => WorkingDuration.Of(plain),
        _ => base.ConvertFrom(context, culture, value),
    };

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is WorkingDuration d ? d.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
