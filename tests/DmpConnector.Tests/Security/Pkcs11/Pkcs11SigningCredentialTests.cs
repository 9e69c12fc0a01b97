using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using DmpConnector.Diagnostics;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Security.Pkcs11
{
    /// <summary>The CPS card credential against a real SoftHSM2 token (see SoftHsmToken).</summary>
    public class Pkcs11SigningCredentialTests
    {
        [Test]
        public void The_two_key_pairs_are_kept_apart_with_purposes_from_their_certificates()
        {
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.Label, new PinCounter());
            using Pkcs11SigningCredential signature = token.GetCredential(KeyPurposes.Signature);
            using Pkcs11SigningCredential authentication = token.GetCredential(KeyPurposes.Authentication);

            Assert.Multiple(() =>
            {
                Assert.That(signature.KeyId, Is.EqualTo("02"));
                Assert.That(signature.Purposes, Is.EqualTo(KeyPurposes.Signature));
                Assert.That(signature.Certificate.Thumbprint, Is.EqualTo(SoftHsmToken.Shared.SignatureCertificate.Thumbprint));
                Assert.That(authentication.KeyId, Is.EqualTo("01"));
                Assert.That(authentication.Purposes, Is.EqualTo(KeyPurposes.Authentication));
                Assert.That(authentication.Certificate.Thumbprint, Is.EqualTo(SoftHsmToken.Shared.AuthenticationCertificate.Thumbprint));
                Assert.That(token.Label, Is.EqualTo(SoftHsmToken.Label));
            });
        }

        [Test]
        public void The_wrong_key_is_refused_for_a_purpose_it_does_not_serve()
        {
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.Label, new PinCounter());
            using Pkcs11SigningCredential authentication = token.GetCredential(KeyPurposes.Authentication);
            using Pkcs11SigningCredential signature = token.GetCredential(KeyPurposes.Signature);

            var ex = Assert.Throws<KeyPurposeException>(() => authentication.EnsurePurpose(KeyPurposes.Signature));
            Assert.That(ex!.Message, Does.Contain(KeyPurposeException.Rule).And.Contain("CKA_ID 01"));
            Assert.Throws<KeyPurposeException>(() => signature.EnsurePurpose(KeyPurposes.Authentication));
            Assert.DoesNotThrow(() => signature.EnsurePurpose(KeyPurposes.Signature));
        }

        [TestCase("SHA256")]
        [TestCase("SHA1")]
        [TestCase("SHA384")]
        [TestCase("SHA512")]
        public void A_hash_signed_on_the_token_verifies_with_the_certificate(string algorithm)
        {
            var name = new HashAlgorithmName(algorithm);
            using Pkcs11SigningCredential credential = Pkcs11SigningCredential.Open(CardTestSupport.Options(SoftHsmToken.Label, new PinCounter()), KeyPurposes.Signature);
            byte[] data = Encoding.UTF8.GetBytes("VIHF assertion bytes");
            using var hasher = IncrementalHash.CreateHash(name);
            hasher.AppendData(data);
            byte[] hash = hasher.GetHashAndReset();

            byte[] signature = credential.SignHash(hash, name);

            using RSA publicKey = credential.Certificate.GetRSAPublicKey()!;
            Assert.That(publicKey.VerifyHash(hash, signature, name, RSASignaturePadding.Pkcs1), Is.True);
            // Deterministic PKCS#1 v1.5: the same as a software signature with the same key.
            using RSA softwareKey = RSA.Create();
            softwareKey.ImportFromPem(File.ReadAllText(SoftHsmToken.Shared.SignatureKeyPath));
            Assert.That(signature, Is.EqualTo(softwareKey.SignHash(hash, name, RSASignaturePadding.Pkcs1)));
        }

        [Test]
        public void A_token_signature_verifies_with_openssl()
        {
            SoftHsmToken hsm = SoftHsmToken.Shared;
            using Pkcs11SigningCredential credential = Pkcs11SigningCredential.Open(CardTestSupport.Options(SoftHsmToken.Label, new PinCounter()), KeyPurposes.Signature);
            string dir = Path.Combine(hsm.Directory, "openssl-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            byte[] data = Encoding.UTF8.GetBytes("<saml2:Assertion/>");
            File.WriteAllBytes(Path.Combine(dir, "data"), data);
            File.WriteAllBytes(Path.Combine(dir, "sig"), credential.SignHash(SHA256.HashData(data), HashAlgorithmName.SHA256));
            File.WriteAllText(Path.Combine(dir, "pub.pem"), hsm.Run("openssl", "x509", "-in", hsm.SignatureCertificatePath, "-pubkey", "-noout"));

            string output = hsm.Run("openssl", "dgst", "-sha256", "-verify", Path.Combine(dir, "pub.pem"), "-signature", Path.Combine(dir, "sig"), Path.Combine(dir, "data"));

            Assert.That(output.Trim(), Is.EqualTo("Verified OK"));
        }

        [Test]
        public void The_RSA_for_SignedXml_signs_on_the_token_and_refuses_export_and_decrypt()
        {
            using Pkcs11SigningCredential credential = Pkcs11SigningCredential.Open(CardTestSupport.Options(SoftHsmToken.Label, new PinCounter()), KeyPurposes.Signature);
            using RSA rsa = credential.CreateRsa();
            byte[] data = Encoding.UTF8.GetBytes("data");

            byte[] signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

            Assert.Multiple(() =>
            {
                Assert.That(rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
                Assert.That(rsa.KeySize, Is.EqualTo(2048));
                Assert.Throws<CryptographicException>(() => rsa.ExportParameters(true));
                Assert.Throws<CryptographicException>(() => rsa.Decrypt(new byte[256], RSAEncryptionPadding.Pkcs1));
                Assert.Throws<CryptographicException>(() => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
            });
        }

        [Test]
        public void Sixteen_threads_times_500_signatures_all_succeed_and_verify_with_one_login()
        {
            var pins = new PinCounter();
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.Label, pins);
            using Pkcs11SigningCredential credential = token.GetCredential(KeyPurposes.Signature);
            using RSA publicKey = credential.Certificate.GetRSAPublicKey()!;
            int failures = 0;
            int verified = 0;

            Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, thread =>
            {
                for (int i = 0; i < 500; i++)
                {
                    byte[] hash = SHA256.HashData(BitConverter.GetBytes((thread * 1000) + i));
                    try
                    {
                        byte[] signature = credential.SignHash(hash, HashAlgorithmName.SHA256);
                        if (publicKey.VerifyHash(hash, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                        {
                            System.Threading.Interlocked.Increment(ref verified);
                        }
                        else
                        {
                            System.Threading.Interlocked.Increment(ref failures);
                        }
                    }
                    catch (Exception)
                    {
                        System.Threading.Interlocked.Increment(ref failures);
                    }
                }
            });

            Assert.Multiple(() =>
            {
                Assert.That(failures, Is.Zero);
                Assert.That(verified, Is.EqualTo(16 * 500));
                Assert.That(pins.Calls, Is.EqualTo(1), "one login for the whole run");
            });
        }

        [Test]
        public void The_PIN_is_asked_only_when_a_private_key_is_first_needed()
        {
            var pins = new PinCounter();
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.Label, pins);
            using Pkcs11SigningCredential credential = token.GetCredential(KeyPurposes.Signature);
            Assert.That(pins.Calls, Is.Zero, "opening the token and reading certificates needs no PIN");

            credential.SignHash(new byte[32], HashAlgorithmName.SHA256);
            credential.SignHash(new byte[32], HashAlgorithmName.SHA256);

            Assert.That(pins.Calls, Is.LessThanOrEqualTo(1));
            Assert.That(token.IsLoggedIn, Is.True);
        }

        [Test]
        public void A_wrong_PIN_is_reported_once_as_its_own_exception_and_never_retried()
        {
            var logger = new CapturingLogger();
            var pins = new PinCounter("98765");
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.PinTestLabel, pins, logger);
            using Pkcs11SigningCredential credential = token.GetCredential(KeyPurposes.Signature);

            var first = Assert.Throws<CardPinIncorrectException>(() => credential.SignHash(new byte[32], HashAlgorithmName.SHA256));
            var second = Assert.Throws<CardPinIncorrectException>(() => credential.SignHash(new byte[32], HashAlgorithmName.SHA256));

            Assert.Multiple(() =>
            {
                Assert.That(first!.ReturnValue, Is.EqualTo("CKR_PIN_INCORRECT"));
                Assert.That(first.Advice, Does.Contain("do not resend"));
                Assert.That(second!.ReturnValue, Does.Contain("not retried"));
                Assert.That(pins.Calls, Is.EqualTo(1), "the card saw exactly one wrong PIN");
                Assert.That(first.Message + second.Message, Does.Not.Contain("98765"));
                Assert.That(logger.Entries.Select(e => e.Message), Has.None.Contains("98765"));
                Assert.That(logger.WithEvent(DmpLogEvents.Pkcs11PinIncorrect).Count(), Is.EqualTo(1));
            });

            // The user types the PIN again: an explicit Login tries once more, and signing works.
            pins.Pin = SoftHsmToken.Pin;
            token.Login();
            Assert.That(credential.SignHash(new byte[32], HashAlgorithmName.SHA256), Has.Length.EqualTo(256));
            Assert.That(pins.Calls, Is.EqualTo(2));
            token.Logout();
        }

        [Test]
        public void A_cancelled_PIN_prompt_or_no_callback_gives_a_login_cancelled_exception()
        {
            using (Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.PinTestLabel, new PinCounter(null)))
            using (Pkcs11SigningCredential credential = token.GetCredential(KeyPurposes.Signature))
            {
                Assert.Throws<CardLoginCancelledException>(() => credential.SignHash(new byte[32], HashAlgorithmName.SHA256));
            }

            using Pkcs11Token noCallback = Pkcs11Token.Open(new Pkcs11TokenOptions(SoftHsmToken.Shared.ModulePath) { TokenLabel = SoftHsmToken.PinTestLabel });
            using Pkcs11SigningCredential credential2 = noCallback.GetCredential(KeyPurposes.Signature);
            Assert.Throws<CardLoginCancelledException>(() => credential2.SignHash(new byte[32], HashAlgorithmName.SHA256));
        }

        [Test]
        public void An_absent_token_gives_a_card_not_found_exception_naming_the_tokens_present()
        {
            var ex = Assert.Throws<CardNotFoundException>(() => CardTestSupport.Open("CPS-ABSENT", new PinCounter()));

            Assert.That(ex!.Message, Does.Contain("CPS-ABSENT").And.Contain(SoftHsmToken.Label));
            Assert.That(ex.Advice, Does.Contain("Insert the card"));
        }

        [Test]
        public void A_token_is_found_by_serial_and_a_wrong_serial_is_refused()
        {
            string serial = SoftHsmToken.Shared.SerialOf(SoftHsmToken.Label);

            using (Pkcs11Token token = Pkcs11Token.Open(new Pkcs11TokenOptions(SoftHsmToken.Shared.ModulePath) { TokenSerial = serial }))
            {
                Assert.That(token.Label, Is.EqualTo(SoftHsmToken.Label));
                Assert.That(token.SerialNumber, Is.EqualTo(serial));
            }

            Assert.Throws<CardNotFoundException>(() => Pkcs11Token.Open(new Pkcs11TokenOptions(SoftHsmToken.Shared.ModulePath) { TokenLabel = SoftHsmToken.Label, TokenSerial = "0000" }));
            Assert.Throws<CardNotFoundException>(() => Pkcs11Token.Open(new Pkcs11TokenOptions(SoftHsmToken.Shared.ModulePath)), "several tokens and no label: ambiguous");
        }

        [Test]
        public void After_a_logout_by_another_component_the_key_vanishes_and_one_relogin_recovers()
        {
            var logger = new CapturingLogger();
            var pinsA = new PinCounter();
            var pinsB = new PinCounter();
            using Pkcs11Token other = CardTestSupport.Open(SoftHsmToken.LogoutTestLabel, pinsA);
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.LogoutTestLabel, pinsB, logger);
            using Pkcs11SigningCredential credential = token.GetCredential(KeyPurposes.Signature);
            credential.SignHash(new byte[32], HashAlgorithmName.SHA256);
            Assert.That(pinsB.Calls, Is.EqualTo(1));

            other.Logout();   // login is per application: this logs out every session, including token's.
            Assert.That(token.IsLoggedIn, Is.False);
            byte[] signature = credential.SignHash(new byte[32], HashAlgorithmName.SHA256);

            Assert.Multiple(() =>
            {
                Assert.That(signature, Has.Length.EqualTo(256));
                Assert.That(pinsB.Calls, Is.EqualTo(2), "exactly one re-login");
                Assert.That(pinsB.LastRequest!.IsRelogin, Is.True);
                Assert.That(logger.WithEvent(DmpLogEvents.Pkcs11KeyMissingRelogin).Count(), Is.EqualTo(1));
                Assert.That(pinsA.Calls, Is.Zero);
            });
            token.Logout();
        }

        [Test]
        public void A_private_key_that_really_is_missing_gives_one_relogin_attempt_then_a_typed_error_never_a_loop()
        {
            var logger = new CapturingLogger();
            var pins = new PinCounter();
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.MissingKeyLabel, pins, logger);
            using Pkcs11SigningCredential credential = token.GetCredential(KeyPurposes.Signature);

            var first = Assert.Throws<CardKeyNotFoundException>(() => credential.SignHash(new byte[32], HashAlgorithmName.SHA256));
            var second = Assert.Throws<CardKeyNotFoundException>(() => credential.SignHash(new byte[32], HashAlgorithmName.SHA256));

            Assert.Multiple(() =>
            {
                Assert.That(first!.Message, Does.Contain("CKA_ID 02").And.Contain("even after logging in"));
                Assert.That(second, Is.Not.Null);
                Assert.That(pins.Calls, Is.EqualTo(1), "logged in once; the retry found the application still logged in");
                Assert.That(logger.WithEvent(DmpLogEvents.Pkcs11KeyMissingRelogin).Count(), Is.EqualTo(2), "one re-login attempt per signature, not a loop");
                Assert.That(token.GetCredential(KeyPurposes.Authentication).SignHash(new byte[32], HashAlgorithmName.SHA256), Has.Length.EqualTo(256), "the other key still works");
            });
        }

        [Test]
        public void A_logout_in_the_middle_of_concurrent_signatures_costs_one_relogin_and_no_failure()
        {
            var pins = new PinCounter();
            var otherPins = new PinCounter();
            using Pkcs11Token other = CardTestSupport.Open(SoftHsmToken.LogoutTestLabel, otherPins);
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.LogoutTestLabel, pins);
            using Pkcs11SigningCredential credential = token.GetCredential(KeyPurposes.Signature);
            using RSA publicKey = credential.Certificate.GetRSAPublicKey()!;
            credential.SignHash(new byte[32], HashAlgorithmName.SHA256);
            int done = 0;
            int loggedOut = 0;
            int failures = 0;
            var errors = new System.Collections.Concurrent.ConcurrentBag<string>();

            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
            {
                for (int i = 0; i < 200; i++)
                {
                    if (System.Threading.Interlocked.Increment(ref done) == 400 && System.Threading.Interlocked.Exchange(ref loggedOut, 1) == 0)
                    {
                        other.Logout();   // another component of the application logs the card out, mid-run
                    }

                    byte[] hash = SHA256.HashData(BitConverter.GetBytes((thread * 1000) + i));
                    try
                    {
                        byte[] signature = credential.SignHash(hash, HashAlgorithmName.SHA256);
                        if (!publicKey.VerifyHash(hash, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                        {
                            System.Threading.Interlocked.Increment(ref failures);
                        }
                    }
                    catch (CardException ex)
                    {
                        errors.Add(ex.GetType().Name + " " + ex.ReturnValue);
                        System.Threading.Interlocked.Increment(ref failures);
                    }
                }
            });

            Assert.Multiple(() =>
            {
                Assert.That(loggedOut, Is.EqualTo(1));
                Assert.That(failures, Is.Zero, string.Join(", ", errors));
                Assert.That(pins.Calls, Is.EqualTo(2), "the first login, then exactly one re-login for all threads");
                Assert.That(otherPins.Calls, Is.Zero);
            });
            token.Logout();
        }

        [Test]
        public void A_second_login_in_the_same_application_is_not_an_error_and_asks_no_PIN()
        {
            var pinsA = new PinCounter();
            var pinsB = new PinCounter();
            using Pkcs11Token first = CardTestSupport.Open(SoftHsmToken.LogoutTestLabel, pinsA);
            using Pkcs11Token second = CardTestSupport.Open(SoftHsmToken.LogoutTestLabel, pinsB);

            first.Login();
            second.Login();
            using Pkcs11SigningCredential credential = second.GetCredential(KeyPurposes.Authentication);
            credential.SignHash(new byte[32], HashAlgorithmName.SHA256);

            Assert.That((pinsA.Calls, pinsB.Calls), Is.EqualTo((1, 0)));
            first.Logout();
        }

        [Test]
        public void Disposing_one_token_does_not_finalize_the_module_for_the_others()
        {
            using Pkcs11Token kept = CardTestSupport.Open(SoftHsmToken.Label, new PinCounter());
            using Pkcs11SigningCredential credential = kept.GetCredential(KeyPurposes.Signature);
            credential.SignHash(new byte[32], HashAlgorithmName.SHA256);

            Pkcs11Token disposed = CardTestSupport.Open(SoftHsmToken.Label, new PinCounter());
            disposed.GetCredential(KeyPurposes.Signature).SignHash(new byte[32], HashAlgorithmName.SHA256);
            disposed.Dispose();

            Assert.That(credential.SignHash(new byte[32], HashAlgorithmName.SHA256), Has.Length.EqualTo(256));
            Assert.Throws<ObjectDisposedException>(() => disposed.Login());
            var once = Pkcs11ModuleRegistry.Get(SoftHsmToken.Shared.ModulePath, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            var again = Pkcs11ModuleRegistry.Get(SoftHsmToken.Shared.ModulePath, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            Assert.That(again, Is.SameAs(once), "one library instance per module per process");
        }

        [Test]
        public void Slots_tokens_and_certificates_are_listed_without_a_PIN()
        {
            var slots = Pkcs11Token.ListSlots(SoftHsmToken.Shared.ModulePath);

            Pkcs11TokenInfo token = slots.Select(s => s.Token).Single(t => t?.Label == SoftHsmToken.Label)!;
            Assert.Multiple(() =>
            {
                Assert.That(token.SerialNumber, Is.EqualTo(SoftHsmToken.Shared.SerialOf(SoftHsmToken.Label)));
                Assert.That(token.Certificates.Select(c => (c.Id, c.Label, c.Purposes)), Is.EquivalentTo(new[]
                {
                    ("01", SoftHsmToken.AuthenticationLabel, KeyPurposes.Authentication),
                    ("02", SoftHsmToken.SignatureLabel, KeyPurposes.Signature),
                }));
                Assert.That(slots.Any(s => s.Token is { Certificates.Count: 0 }), Is.True, "SoftHSM always offers a free, uninitialised token");
            });
        }

        [Test]
        public void A_credential_can_be_chosen_by_CKA_ID()
        {
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.Label, new PinCounter());
            using Pkcs11SigningCredential credential = token.GetCredentialById("02");

            Assert.That(credential.Purposes, Is.EqualTo(KeyPurposes.Signature));
            Assert.Throws<CardKeyNotFoundException>(() => token.GetCredentialById("7f"));
        }

        [TestCase(KeyPurposes.None)]
        [TestCase(KeyPurposes.Signature | KeyPurposes.Authentication)]
        public void Asking_for_no_purpose_or_two_is_bad_input(KeyPurposes purposes)
        {
            using Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.Label, new PinCounter());

            var ex = Assert.Throws<DmpInputException>(() => token.GetCredential(purposes));
            Assert.That(ex!.Rule, Is.EqualTo(KeyPurposeException.Rule));
        }

        [TestCase("")]
        [TestCase("/nonexistent/libcps3_pkcs11.so")]
        public void A_missing_module_is_bad_input(string path)
        {
            var ex = Assert.Throws<DmpInputException>(() => Pkcs11Token.Open(new Pkcs11TokenOptions(path)));
            Assert.That(ex!.Rule, Is.EqualTo("SEC-PKCS11-MODULE"));
        }

        [Test]
        public void A_file_that_is_not_a_PKCS11_module_gives_a_card_exception()
        {
            Assert.Throws<CardException>(() => Pkcs11Token.Open(new Pkcs11TokenOptions(SoftHsmToken.Shared.ConfigPath)));
        }

        [Test]
        public void A_hash_of_the_wrong_length_or_algorithm_is_refused_before_the_card_is_used()
        {
            using Pkcs11SigningCredential credential = Pkcs11SigningCredential.Open(CardTestSupport.Options(SoftHsmToken.Label, new PinCounter()), KeyPurposes.Signature);

            var length = Assert.Throws<DmpInputException>(() => credential.SignHash(new byte[20], HashAlgorithmName.SHA256));
            var algorithm = Assert.Throws<DmpInputException>(() => credential.SignHash(new byte[16], HashAlgorithmName.MD5));
            Assert.That((length!.Rule, algorithm!.Rule), Is.EqualTo(("SEC-HASH-LENGTH", "SEC-HASH-ALGORITHM")));
        }

        [Test]
        public void The_DigestInfo_for_SHA256_is_the_DER_prefix_then_the_hash()
        {
            byte[] hash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

            byte[] digestInfo = Pkcs11SigningCredential.CreateDigestInfo(hash, HashAlgorithmName.SHA256);

            Assert.That(Convert.ToHexString(digestInfo).ToLowerInvariant(), Is.EqualTo("3031300d060960864801650304020105000420" + Convert.ToHexString(hash).ToLowerInvariant()));
        }
    }
}
