using Tfwheel.Compile;

namespace Tfwheel.Pipeline;

/// <summary>What <see cref="CompileStages"/> did: whether fetch/patch/configure were skipped (inputs unchanged), the inputs used, the wheel.</summary>
public sealed record PipelineResult(bool SourceStagesSkipped, InputStamp Inputs, CompileResult Compile, string Manifest);
