namespace Tfwheel.Tests.Publish;

/// <summary>How the fake GitHub fails a request.</summary>
public enum FaultMode
{
    /// <summary>Answer with the fault's status, headers and body instead of doing the work.</summary>
    Respond,

    /// <summary>Upload: swallow the body, leave a "starter" asset, answer 502.</summary>
    CutUpload,

    /// <summary>Do the work, then answer with the fault's status (a lost response).</summary>
    AcceptThenFail,

    /// <summary>Abort the connection.</summary>
    DropConnection,
}
