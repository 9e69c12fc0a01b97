using System;
using System.IO;
using System.Linq;
using System.Text;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Security
{
    public class XadesLargeDocumentTests
    {
        private const long TwoHundredMegabytes = 200L * 1024 * 1024;

        [Test]
        public void A_200_MB_binary_document_is_digested_streaming_and_verifies()
        {
            XadesDocumentReference[] Entries() => new[]
            {
                XadesDocumentReference.ForSubmissionSet(SampleData.SubmissionSetUniqueId),
                new XadesDocumentReference(SampleData.PdfUniqueId, () => new GeneratedDocumentStream(TwoHundredMegabytes), canonicalizeXml: false),
            };
            using CertificateSigningCredential credential = SampleData.SignatureCredential();

            long before = GC.GetAllocatedBytesForCurrentThread();
            XadesSignature signature = new XadesSubmissionSetSigner().Sign(Entries()[0], Entries().Skip(1).ToList(), SampleData.SignatureUniqueId, credential);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.That(allocated, Is.LessThan(16L * 1024 * 1024), "the document's bytes are never held in memory");
            Assert.That(new XadesVerifier().Verify(SignedXmlDocument.Load(Encoding.UTF8.GetBytes(signature.Xml)), Entries()).AllReferencesMatch, Is.True);
        }
    }
}
