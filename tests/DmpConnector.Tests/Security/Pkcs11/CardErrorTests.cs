using System;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using Net.Pkcs11Interop.Common;
using NUnit.Framework;

namespace DmpConnector.Tests.Security.Pkcs11
{
    /// <summary>
    /// Each PKCS#11 failure becomes a typed exception with advice. SoftHSM2 never locks a PIN, lacks no mechanism and
    /// has no reader to pull a card from, so those codes are checked through the mapping itself; the removal test below
    /// deletes a real SoftHSM2 token under a running credential.
    /// </summary>
    public class CardErrorTests
    {
        [TestCase(CKR.CKR_PIN_INCORRECT, typeof(CardPinIncorrectException))]
        [TestCase(CKR.CKR_PIN_LEN_RANGE, typeof(CardPinIncorrectException))]
        [TestCase(CKR.CKR_PIN_LOCKED, typeof(CardPinLockedException))]
        [TestCase(CKR.CKR_MECHANISM_INVALID, typeof(CardMechanismNotSupportedException))]
        [TestCase(CKR.CKR_KEY_FUNCTION_NOT_PERMITTED, typeof(CardMechanismNotSupportedException))]
        [TestCase(CKR.CKR_DEVICE_REMOVED, typeof(CardRemovedException))]
        [TestCase(CKR.CKR_TOKEN_NOT_PRESENT, typeof(CardRemovedException))]
        [TestCase(CKR.CKR_SESSION_HANDLE_INVALID, typeof(CardRemovedException))]
        [TestCase(CKR.CKR_DEVICE_ERROR, typeof(CardRemovedException))]
        [TestCase(CKR.CKR_FUNCTION_FAILED, typeof(CardException))]
        public void Each_return_code_maps_to_its_exception_with_advice(CKR rv, Type expected)
        {
            CardException ex = Pkcs11Errors.Map(rv, "CPS-TEST", null);

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.TypeOf(expected));
                Assert.That(ex, Is.InstanceOf<DmpException>());
                Assert.That(ex.ReturnValue, Is.EqualTo(rv.ToString()));
                Assert.That(ex.Advice, Is.Not.Empty);
                Assert.That(ex.Message, Does.Contain(ex.Advice).And.Contain("CPS-TEST"));
                Assert.That(ex.IsTransient, Is.EqualTo(expected == typeof(CardRemovedException)));
            });
        }

        [Test]
        public void A_locked_PIN_advises_the_PUK_and_a_wrong_PIN_advises_not_to_resend()
        {
            Assert.That(Pkcs11Errors.Map(CKR.CKR_PIN_LOCKED, "t", null).Advice, Does.Contain("PUK"));
            Assert.That(Pkcs11Errors.Map(CKR.CKR_PIN_INCORRECT, "t", null).Advice, Does.Contain("do not resend"));
        }

        [Test]
        public void A_token_removed_under_a_credential_gives_a_typed_exception_and_never_a_wrong_signature()
        {
            SoftHsmToken hsm = SoftHsmToken.Shared;
            var pins = new PinCounter();
            using DmpConnector.Security.Pkcs11Token token = CardTestSupport.Open(SoftHsmToken.RemovalTestLabel, pins);
            using Pkcs11SigningCredential credential = token.GetCredential(KeyPurposes.Signature);
            Assert.That(credential.SignHash(new byte[32], System.Security.Cryptography.HashAlgorithmName.SHA256), Has.Length.EqualTo(256));

            hsm.DeleteToken(SoftHsmToken.RemovalTestLabel);

            var removed = Assert.Catch<CardException>(() => credential.SignHash(new byte[32], System.Security.Cryptography.HashAlgorithmName.SHA256));
            // The next operation looks for the token again by label (slot ids change) and says plainly it is not there.
            var absent = Assert.Catch<CardException>(() => credential.SignHash(new byte[32], System.Security.Cryptography.HashAlgorithmName.SHA256));

            Assert.Multiple(() =>
            {
                Assert.That(removed, Is.TypeOf<CardRemovedException>(), removed!.Message);
                Assert.That(removed.IsTransient, Is.True);
                Assert.That(removed.Advice, Does.Contain("Put the card back"));
                Assert.That(absent, Is.TypeOf<CardNotFoundException>(), absent!.Message);
                Assert.That(absent.Message, Does.Contain(SoftHsmToken.RemovalTestLabel));
                Assert.That(pins.Calls, Is.EqualTo(1), "no PIN is asked for a card that is gone");
            });
        }
    }
}
