using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using DmpConnector.Cli;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Cli
{
    /// <summary><c>dmp vihf build --sign pkcs11</c>: the VIHF signed with the signature key of the SoftHSM2 card.</summary>
    public class VihfPkcs11CommandTests
    {
        private string _folder = null!;
        private string _pinVariable = null!;

        [SetUp]
        public void SetUp()
        {
            _folder = Path.Combine(Path.GetTempPath(), "dmp-vihf-pkcs11-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            _pinVariable = "DMP_TEST_CARD_PIN_" + Guid.NewGuid().ToString("N");
            Environment.SetEnvironmentVariable(_pinVariable, SoftHsmToken.Pin);
        }

        [TearDown]
        public void TearDown()
        {
            Environment.SetEnvironmentVariable(_pinVariable, null);
            Directory.Delete(_folder, recursive: true);
        }

        [Test]
        public async Task Build_signs_on_the_card_with_its_signature_key_and_verify_accepts_it()
        {
            SoftHsmToken hsm = SoftHsmToken.Shared;
            string file = Path.Combine(_folder, "vihf.xml");

            var (code, stdout, stderr) = await TokenCommandTests.RunAsync("vihf", "build", "--sign", "pkcs11", "--module", hsm.ModulePath, "--token", SoftHsmToken.Label,
                "--pin-env", _pinVariable, "-o", file, "--json");

            Assert.That(code, Is.Zero, stderr);
            using (JsonDocument json = JsonDocument.Parse(stdout))
            {
                Assert.That(json.RootElement.GetProperty("signed").GetBoolean(), Is.True);
                Assert.That(json.RootElement.GetProperty("signerThumbprint").GetString(), Is.EqualTo(hsm.SignatureCertificate.Thumbprint));
            }

            var (verifyCode, verifyOut, verifyErr) = await TokenCommandTests.RunAsync("vihf", "verify", file, "--cert", hsm.SignatureCertificatePath);
            Assert.That(verifyCode, Is.Zero, verifyErr);
            Assert.That(verifyOut, Does.StartWith("VALID").And.Contain(hsm.SignatureCertificate.Thumbprint));
        }

        [Test]
        public async Task A_wrong_PIN_fails_with_advice_and_without_the_PIN()
        {
            Environment.SetEnvironmentVariable(_pinVariable, "97531");

            var (code, stdout, stderr) = await TokenCommandTests.RunAsync("vihf", "build", "--sign", "pkcs11", "--module", SoftHsmToken.Shared.ModulePath, "--token", SoftHsmToken.PinTestLabel,
                "--pin-env", _pinVariable);

            Assert.That(code, Is.EqualTo(ExitCodes.Invalid));
            Assert.That(stderr, Does.Contain("refused the PIN").And.Contain("CKR_PIN_INCORRECT"));
            Assert.That(stdout + stderr, Does.Not.Contain("97531"));
        }

        [Test]
        public async Task An_absent_token_fails_naming_the_tokens_present()
        {
            var (code, _, stderr) = await TokenCommandTests.RunAsync("vihf", "build", "--sign", "pkcs11", "--module", SoftHsmToken.Shared.ModulePath, "--token", "CPS-NOT-HERE",
                "--pin-env", _pinVariable);

            Assert.That(code, Is.EqualTo(ExitCodes.Invalid));
            Assert.That(stderr, Does.Contain("CPS-NOT-HERE").And.Contain(SoftHsmToken.Label).And.Contain("Insert the card"));
        }

        [Test]
        public async Task An_unset_PIN_variable_fails_before_the_card_is_used()
        {
            var (code, _, stderr) = await TokenCommandTests.RunAsync("vihf", "build", "--sign", "pkcs11", "--module", SoftHsmToken.Shared.ModulePath, "--token", SoftHsmToken.Label,
                "--pin-env", "DMP_TEST_UNSET_" + Guid.NewGuid().ToString("N"));

            Assert.That(code, Is.EqualTo(ExitCodes.Invalid));
            Assert.That(stderr, Does.Contain("is not set"));
        }

        [Test]
        public async Task A_missing_module_file_fails_with_its_rule()
        {
            var (code, _, stderr) = await TokenCommandTests.RunAsync("vihf", "build", "--sign", "pkcs11", "--module", "/nonexistent/libcps3_pkcs11_lux.so", "--pin-env", _pinVariable);

            Assert.That(code, Is.EqualTo(ExitCodes.Invalid));
            Assert.That(stderr, Does.Contain("SEC-PKCS11-MODULE"));
        }
    }
}
