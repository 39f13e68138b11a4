using DurableTask.Core;

namespace Humas.LocalHost.Engine;

/// <summary>A creator named after the class it makes, which must be of the kind (orchestrator, activity) it makes.</summary>
internal abstract class ClassCreator<TCreated, TKind> : ObjectCreator<TCreated>
{
    protected ClassCreator(Type type)
    {
        if (!typeof(TKind).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type} does not implement {typeof(TKind).Name}.", nameof(type));
        }

        Type = type;
        Name = type.Name;
        Version = string.Empty;
    }

    protected Type Type { get; }
}
