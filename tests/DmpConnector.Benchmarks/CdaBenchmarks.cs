using System;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DmpConnector.Cda;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;

namespace DmpConnector.Benchmarks
{
    /// <summary>
    /// Packing a PDF into a non-structured CDA (from the non-seekable tests/Shared/GeneratedDocumentStream to Stream.Null), reading the CDA's metadata
    /// (hash and size included) and unpacking its PDF (to Stream.Null), for 1 MB and 100 MB documents. The CDA read back
    /// lives in a temporary file so the 100 MB case never sits in memory.
    /// </summary>
    [MemoryDiagnoser]
    public class CdaBenchmarks
    {
        private readonly CdaBuilder builder = new();
        private readonly CdaReader reader = new();
        private CdaDocumentRequest request = null!;
        private string cdaPath = string.Empty;

        /// <summary>The embedded document's size in bytes.</summary>
        [Params(1_000_000, 100_000_000)]
        public int Size { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            var professional = new HealthProfessional(
                ProfessionalId.Parse("899900063480"), "LIBRE", "MAX",
                new CodedValue("10", HealthProfessional.ProfessionCodeSystem, "Médecin"),
                new CodedValue("SM26", HealthProfessional.SpecialtyCodeSystem, "Qualifié en Médecine Générale (SM)"), "DR");
            var organization = new HealthcareOrganization(StructureId.Parse("499900063480001"), "CABINET DR LIBRE",
                new CodedValue("SA07", HealthcareOrganization.SectorOfActivityCodeSystem, "Cabinet individuel"));
            var patient = new PatientIdentity(
                new IdentityTraits("PATB-QUATRE", new[] { "LAURENCE" }, Sex.Female, new PartialDate(2007, 5, 12), CogCode.Parse("85191")),
                IdentityStatus.Qualified, Ins.Parse("207058575627097", InsKind.NirTest));
            request = CdaDocumentRequest.ForPreset(CdaPresets.CompteRenduConsultation) with
            {
                DocumentId = "1.2.250.1.999.1.1.7898.3.1", CreationTime = new DateTimeOffset(2021, 4, 1, 12, 47, 45, TimeSpan.Zero),
                Patient = patient, Author = professional, AuthorOrganization = organization, PracticeSetting = CdaDocumentRequest.Ambulatoire,
            };
            cdaPath = Path.Combine(Path.GetTempPath(), $"dmpconnector-cda-bench-{Size}.xml");
            using FileStream file = File.Create(cdaPath);
            builder.WriteAsync(request, new GeneratedDocumentStream(Size), file).GetAwaiter().GetResult();
        }

        [GlobalCleanup]
        public void Cleanup() => File.Delete(cdaPath);

        [Benchmark]
        public Task<CdaBuildResult> Pack() => builder.WriteAsync(request, new GeneratedDocumentStream(Size), Stream.Null);

        [Benchmark]
        public async Task<CdaDocumentMetadata> ReadMetadata()
        {
            using FileStream file = new(cdaPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
            return await reader.ReadAsync(file);
        }

        [Benchmark]
        public async Task<CdaEmbeddedDocument> Unpack()
        {
            using FileStream file = new(cdaPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
            return await reader.ExtractAsync(file, Stream.Null);
        }
    }
}
