using System;
using System.Linq;
using DmpConnector.Identity;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using Moq;
using NUnit.Framework;

namespace DmpConnector.Tests.Security
{
    public class VihfAssertionCacheTests
    {
        private static readonly Ins Patient = Ins.Parse(SampleData.DmpTestPatientIns, InsKind.NirTest);
        private static readonly Ins OtherPatient = Ins.Parse("277076322082910", InsKind.NirTest);

        private DateTimeOffset _now;
        private Mock<ISecurityClock> _clock = null!;

        [SetUp]
        public void SetUp()
        {
            _now = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
            _clock = new Mock<ISecurityClock>();
            _clock.SetupGet(c => c.UtcNow).Returns(() => _now);
        }

        private static VihfUserContext User() => new(SampleData.TestDoctor(), SampleData.TestCabinet(), SampleData.TestSoftware, VihfAuthenticationMode.Direct);

        private VihfAssertionCache Cache(TimeSpan lifetime) => new(new VihfBuilder(clock: _clock.Object), lifetime, _clock.Object);

        [Test]
        public void One_hundred_calls_for_the_same_user_patient_and_mode_sign_once()
        {
            var credential = new XmlSignatureTests.CountingCredential(SampleData.SigningCertificate);
            VihfAssertionCache cache = Cache(TimeSpan.FromMinutes(5));
            VihfUserContext user = User();

            VihfAssertion first = cache.GetOrCreate(user, Patient, VihfAccessMode.Normal, credential);
            for (int i = 1; i < 100; i++)
            {
                _now = _now.AddSeconds(2);
                Assert.That(cache.GetOrCreate(user, Patient, VihfAccessMode.Normal, credential), Is.SameAs(first));
            }

            Assert.That(credential.Signatures, Is.EqualTo(1));
        }

        [TestCase(1, 1)]
        [TestCase(10, 4)]
        [TestCase(400, 100)]
        public void Signatures_per_100_calls_with_a_5_minute_lifetime(int secondsBetweenCalls, int expectedSignatures)
        {
            var credential = new XmlSignatureTests.CountingCredential(SampleData.SigningCertificate);
            VihfAssertionCache cache = Cache(TimeSpan.FromMinutes(5));
            for (int i = 0; i < 100; i++)
            {
                cache.GetOrCreate(User(), Patient, VihfAccessMode.Normal, credential);
                _now = _now.AddSeconds(secondsBetweenCalls);
            }

            Assert.That(credential.Signatures, Is.EqualTo(expectedSignatures));
        }

        [Test]
        public void An_expired_assertion_is_signed_again()
        {
            var credential = new XmlSignatureTests.CountingCredential(SampleData.SigningCertificate);
            VihfAssertionCache cache = Cache(TimeSpan.FromMinutes(5));

            VihfAssertion first = cache.GetOrCreate(User(), Patient, VihfAccessMode.Normal, credential);
            _now = _now.AddMinutes(5).AddTicks(-1);
            Assert.That(cache.GetOrCreate(User(), Patient, VihfAccessMode.Normal, credential), Is.SameAs(first));
            _now = _now.AddTicks(1);
            VihfAssertion second = cache.GetOrCreate(User(), Patient, VihfAccessMode.Normal, credential);

            Assert.That(second, Is.Not.SameAs(first));
            Assert.That(second.IssueInstant, Is.EqualTo(_now));
            Assert.That(credential.Signatures, Is.EqualTo(2));
            Assert.That(cache.Count, Is.EqualTo(1), "the expired entry was dropped");
        }

        [Test]
        public void Another_patient_mode_or_key_gets_its_own_assertion()
        {
            var credential = new XmlSignatureTests.CountingCredential(SampleData.SigningCertificate);
            var otherKey = new XmlSignatureTests.CountingCredential(SampleData.OtherCertificate);
            VihfAssertionCache cache = Cache(TimeSpan.FromMinutes(5));

            VihfAssertion normal = cache.GetOrCreate(User(), Patient, VihfAccessMode.Normal, credential);
            VihfAssertion other = cache.GetOrCreate(User(), OtherPatient, VihfAccessMode.Normal, credential);
            VihfAssertion emergency = cache.GetOrCreate(User(), Patient, VihfAccessMode.BrisDeGlace, credential);
            VihfAssertion none = cache.GetOrCreate(User(), null, VihfAccessMode.Normal, credential);
            VihfAssertion signedElsewhere = cache.GetOrCreate(User(), Patient, VihfAccessMode.Normal, otherKey);

            Assert.That(new[] { normal, other, emergency, none, signedElsewhere }.Distinct().Count(), Is.EqualTo(5));
            Assert.That(credential.Signatures + otherKey.Signatures, Is.EqualTo(5));
            cache.Clear();
            Assert.That(cache.Count, Is.Zero);
        }

        [Test]
        public void Concurrent_calls_for_one_key_sign_once()
        {
            var credential = new XmlSignatureTests.CountingCredential(SampleData.SigningCertificate);
            VihfAssertionCache cache = Cache(TimeSpan.FromMinutes(5));
            VihfUserContext user = User();

            VihfAssertion[] results = Enumerable.Range(0, 32).AsParallel().Select(_ => cache.GetOrCreate(user, Patient, VihfAccessMode.Normal, credential)).ToArray();

            Assert.That(results.Distinct().Count(), Is.EqualTo(1));
            Assert.That(credential.Signatures, Is.EqualTo(1));
        }

        [Test]
        public void A_signature_waiting_for_a_card_does_not_block_other_users()
        {
            using var waiting = new BlockingCredential(SampleData.SigningCertificate);
            var other = new XmlSignatureTests.CountingCredential(SampleData.OtherCertificate);
            VihfAssertionCache cache = Cache(TimeSpan.FromMinutes(5));

            System.Threading.Tasks.Task<VihfAssertion> blocked = System.Threading.Tasks.Task.Run(() => cache.GetOrCreate(User(), Patient, VihfAccessMode.Normal, waiting));
            Assert.That(waiting.Entered.Wait(TimeSpan.FromSeconds(30)), Is.True, "the first signature started");

            VihfAssertion unrelated = cache.GetOrCreate(User(), OtherPatient, VihfAccessMode.Normal, other);

            Assert.That(blocked.IsCompleted, Is.False, "the first signature is still waiting");
            Assert.That(other.Signatures, Is.EqualTo(1));
            waiting.Release.Set();
            Assert.That(blocked.Wait(TimeSpan.FromSeconds(30)), Is.True);
            Assert.That(blocked.Result, Is.Not.SameAs(unrelated));
        }

        private sealed class BlockingCredential : SigningCredential
        {
            private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate;

            public BlockingCredential(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) => _certificate = certificate;

            public System.Threading.ManualResetEventSlim Entered { get; } = new();

            public System.Threading.ManualResetEventSlim Release { get; } = new();

            public override System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate => _certificate;

            public override KeyPurposes Purposes => KeyPurposes.Signature;

            public override byte[] SignHash(byte[] hash, System.Security.Cryptography.HashAlgorithmName hashAlgorithm)
            {
                Entered.Set();
                Release.Wait(TimeSpan.FromSeconds(60));
                using var key = System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPrivateKey(_certificate)!;
                return key.SignHash(hash, hashAlgorithm, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    Entered.Dispose();
                    Release.Dispose();
                }

                base.Dispose(disposing);
            }
        }

        [Test]
        public void A_rule_failure_is_not_cached_and_the_lifetime_must_be_positive()
        {
            var credential = new XmlSignatureTests.CountingCredential(SampleData.SigningCertificate);
            VihfAssertionCache cache = Cache(TimeSpan.FromMinutes(5));
            var noSpecialty = new VihfUserContext(SampleData.TestDoctor(withSpecialty: false), SampleData.TestCabinet(), SampleData.TestSoftware, VihfAuthenticationMode.Direct);

            Assert.That(Assert.Throws<VihfRuleException>(() => cache.GetOrCreate(noSpecialty, Patient, VihfAccessMode.Normal, credential))!.Rule, Is.EqualTo(VihfRules.Specialty));
            Assert.That(cache.Count, Is.Zero);
            Assert.That(Assert.Throws<DmpInputException>(() => Cache(TimeSpan.Zero))!.Rule, Is.EqualTo(VihfAssertionCache.LifetimeRule));
            Assert.That(new VihfAssertionCache(new VihfBuilder()).Lifetime, Is.EqualTo(VihfAssertionCache.DefaultLifetime));
        }
    }
}
