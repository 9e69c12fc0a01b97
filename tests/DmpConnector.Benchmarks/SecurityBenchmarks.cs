using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using DmpConnector.Identity;
using DmpConnector.Security;

namespace DmpConnector.Benchmarks
{
    /// <summary>
    /// VIHF build + sign, verify, the assertion cache over 100 calls (counting the signatures the key makes), and the
    /// XAdES submission-set signature over a 1 MB CDA. Software RSA-2048 key (a CPS card is much slower per signature,
    /// which is what the cache saves).
    /// </summary>
    [MemoryDiagnoser]
    public class SecurityBenchmarks
    {
        private static readonly Ins Patient = Ins.Parse("207058575627097", InsKind.NirTest);
        private X509Certificate2 _certificate = null!;
        private CountingCredential _credential = null!;
        private VihfUserContext _user = null!;
        private VihfBuilder _builder = null!;
        private string _signedXml = null!;
        private byte[] _cda = null!;
        private byte[] _pdf = null!;

        /// <summary>Seconds between two DMP calls in the cache benchmark (the cache lifetime is 5 minutes).</summary>
        [Params(1, 10)]
        public int SecondsBetweenCalls { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            using RSA key = RSA.Create(2048);
            var request = new CertificateRequest("CN=899900063480 BENCH, O=DmpConnector, C=FR", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12, "b"), "b");
            _credential = new CountingCredential(_certificate);
            _user = new VihfUserContext(
                new HealthProfessional(ProfessionalId.Parse("899900063480"), "LIBRE", "MAX", new CodedValue("10", HealthProfessional.ProfessionCodeSystem, "Médecin"), new CodedValue("SM26", HealthProfessional.SpecialtyCodeSystem, "Qualifié en Médecine Générale (SM)")),
                new HealthcareOrganization(StructureId.Parse("499900063480001"), "CABINET", new CodedValue("SA07", HealthcareOrganization.SectorOfActivityCodeSystem)),
                new SoftwareIdentity("Bench", "1", "BENCH"),
                VihfAuthenticationMode.Direct);
            _builder = new VihfBuilder();
            _signedXml = _builder.BuildSigned(_user, Patient, VihfAccessMode.Normal, _credential).Xml;
            var cda = new StringBuilder("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><component><nonXMLBody><text mediaType=\"application/pdf\" representation=\"B64\">");
            cda.Append(Convert.ToBase64String(new byte[768 * 1024]));
            cda.Append("</text></nonXMLBody></component></ClinicalDocument>");
            _cda = Encoding.UTF8.GetBytes(cda.ToString());
            _pdf = new byte[1024 * 1024];
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _credential.Dispose();
            _certificate.Dispose();
        }

        [Benchmark]
        public VihfAssertion BuildAndSignVihf() => _builder.BuildSigned(_user, Patient, VihfAccessMode.Normal, _credential);

        [Benchmark]
        public XmlSignatureVerification VerifyVihf() => new XmlSignatureVerifier().Verify(SignedXmlDocument.Load(Encoding.UTF8.GetBytes(_signedXml)));

        /// <summary>100 DMP calls for one user and patient through the cache; returns the signatures the key made.</summary>
        [Benchmark]
        public int HundredCallsWithCache()
        {
            var clock = new SteppingClock(TimeSpan.FromSeconds(SecondsBetweenCalls));
            var cache = new VihfAssertionCache(new VihfBuilder(clock: clock), TimeSpan.FromMinutes(5), clock);
            int before = _credential.Signatures;
            for (int i = 0; i < 100; i++)
            {
                cache.GetOrCreate(_user, Patient, VihfAccessMode.Normal, _credential);
                clock.Step();
            }

            return _credential.Signatures - before;
        }

        [Benchmark]
        public XadesSignature XadesOverOneMegabyteCdaAndPdf()
        {
            var submission = XadesDocumentReference.ForSubmissionSet("1.2.250.1.999.1");
            var documents = new[]
            {
                new XadesDocumentReference("1.2.250.1.999.2", () => new MemoryStream(_cda, writable: false), canonicalizeXml: true),
                new XadesDocumentReference("1.2.250.1.999.3", () => new MemoryStream(_pdf, writable: false), canonicalizeXml: false),
            };
            return new XadesSubmissionSetSigner().Sign(submission, documents, "1.2.250.1.999.4", _credential);
        }

        private sealed class SteppingClock : ISecurityClock
        {
            private readonly TimeSpan _step;
            private DateTimeOffset _now = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

            public SteppingClock(TimeSpan step) => _step = step;

            public DateTimeOffset UtcNow => _now;

            public void Step() => _now += _step;
        }

        private sealed class CountingCredential : SigningCredential
        {
            private readonly X509Certificate2 _certificate;
            private readonly RSA _key;
            private int _signatures;

            public CountingCredential(X509Certificate2 certificate)
            {
                _certificate = certificate;
                _key = certificate.GetRSAPrivateKey()!;
            }

            public int Signatures => Volatile.Read(ref _signatures);

            public override X509Certificate2 Certificate => _certificate;

            public override KeyPurposes Purposes => KeyPurposes.Signature;

            public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm)
            {
                Interlocked.Increment(ref _signatures);
                return _key.SignHash(hash, hashAlgorithm, RSASignaturePadding.Pkcs1);
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _key.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
