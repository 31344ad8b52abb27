using Tfwheel.Source;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Source;

public class PatchConflictTests
{
    [Fact]
    public void The_hunk_is_found_by_its_old_start_line_within_the_named_file()
    {
        var patch = TestPatches.Conflicting.Split('\n');

        Assert.Equal("hunk #2 (@@ -5,4 +5,4 @@, old line 5)", PatchConflict.FindHunk(patch, "tensorflow/core/kernels/matmul_op.c", 5));
        Assert.Equal("the hunk at old line 5", PatchConflict.FindHunk(patch, "other.c", 5));
    }
}
