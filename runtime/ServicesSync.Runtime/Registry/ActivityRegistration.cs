using ServicesSync.Activities;

namespace ServicesSync.Registry;

/// <summary>An activity type known to the runtime: its descriptor and the class that runs it.</summary>
public sealed record ActivityRegistration(ActivityDescriptor Descriptor, Type ImplementationType)
{
    public static ActivityRegistration For<TActivity>()
        where TActivity : class, IActivity
        => new(ActivityDescriptorFactory.Create<TActivity>(), typeof(TActivity));
}
