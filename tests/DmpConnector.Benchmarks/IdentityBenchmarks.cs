using BenchmarkDotNet.Attributes;
using DmpConnector.Identity;

namespace DmpConnector.Benchmarks
{
    /// <summary>INS and HL7 datatype parsing: called for every DocumentEntry of a search result.</summary>
    [MemoryDiagnoser]
    public class IdentityBenchmarks
    {
        private const string PatientCx = "207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH";
        private const string AuthorXcn = "899900063480^MAX^LIBRE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";

        [Benchmark]
        public Ins ParseInsCx() => Ins.ParseCx(PatientCx);

        [Benchmark]
        public string XcnRoundTrip() => Xcn.Parse(AuthorXcn).Format();
    }
}
