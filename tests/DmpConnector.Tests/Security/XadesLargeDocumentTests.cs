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
                new XadesDocumentReference(SampleData.PdfUniqueId, () => new PatternStream(TwoHundredMegabytes), canonicalizeXml: false),
            };
            using CertificateSigningCredential credential = SampleData.SignatureCredential();

            long before = GC.GetAllocatedBytesForCurrentThread();
            XadesSignature signature = new XadesSubmissionSetSigner().Sign(Entries()[0], Entries().Skip(1).ToList(), SampleData.SignatureUniqueId, credential);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.That(allocated, Is.LessThan(16L * 1024 * 1024), "the document's bytes are never held in memory");
            Assert.That(new XadesVerifier().Verify(SignedXmlDocument.Load(Encoding.UTF8.GetBytes(signature.Xml)), Entries()).AllReferencesMatch, Is.True);
        }

        /// <summary>A read-only stream of <c>length</c> bytes of a repeating pattern, generated on the fly.</summary>
        private sealed class PatternStream : Stream
        {
            private readonly long _length;
            private long _position;

            public PatternStream(long length) => _length = length;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => _length;

            public override long Position
            {
                get => _position;
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = (int)Math.Min(count, _length - _position);
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = (byte)((_position + i) * 31 % 251);
                }

                _position += n;
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
