using DmpConnector.Security;
using NUnit.Framework;

namespace DmpConnector.Tests.Security.Pkcs11
{
    /// <summary>The RFC 7512 URI OpenSSL's pkcs11 engine receives for the card's authentication key.</summary>
    public class TlsKeyUriTests
    {
        [TestCase("CPS-TEST", "4c3a9f1e", "01", "pkcs11:token=CPS-TEST;serial=4c3a9f1e;id=%01;type=private")]
        [TestCase("CPS de JEAN DUPONT", "1234", "0a02", "pkcs11:token=CPS%20de%20JEAN%20DUPONT;serial=1234;id=%0a%02;type=private")]
        [TestCase("Médecin;x=y", "", "ff", "pkcs11:token=M%C3%A9decin%3Bx%3Dy;id=%ff;type=private")]
        public void The_key_URI_percent_encodes_the_label_and_every_CKA_ID_byte(string label, string serial, string id, string expected)
        {
            Assert.That(TlsClientCertificates.KeyUri(label, serial, id), Is.EqualTo(expected));
        }
    }
}
