namespace Cake.Frosting;

/// <summary>The host or the build program is set up wrong (a bad command line, a dependency on a non-task, a missing directory).</summary>
public sealed class FrostingException : Exception
{
    public FrostingException(string message)
        : base(message)
    {
    }

    public FrostingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
