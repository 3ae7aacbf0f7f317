using BenchmarkDotNet.Running;
using ServicesSync.Benchmarks.Scripting;

// `memory` is a plain console measurement (resident memory across many compiles and unloads);
// everything else goes to BenchmarkDotNet, e.g. `--filter *Scripting*`.
if (args is ["memory", ..])
{
    return ScriptingMemory.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(ScriptingMemory).Assembly).Run(args);
return 0;
