using System;
using System.IO;
using System.Text;

namespace DmpConnector.Tests.Support
{
    /// <summary>SOAP and MTOM fixtures: envelopes, faults and hand-made multipart messages.</summary>
    internal static partial class SampleData
    {
        public const string ItiRetrieveAction = "urn:ihe:iti:2007:RetrieveDocumentSet";

        /// <summary>A SOAP 1.2 envelope with DMP-style response headers and a small body.</summary>
        public static string Soap12Response(string body = "<r:Answer xmlns:r=\"urn:example:answer\"><r:Value>42</r:Value></r:Answer>") =>
            "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Header>" +
            "<Action xmlns=\"http://www.w3.org/2005/08/addressing\">urn:ihe:iti:2007:RetrieveDocumentSetResponse</Action>" +
            "<MessageID xmlns=\"http://www.w3.org/2005/08/addressing\">urn:uuid:28b8f0a8-0000-4b3a-bd07-51068af6e11b</MessageID>" +
            "<To xmlns=\"http://www.w3.org/2005/08/addressing\">http://www.w3.org/2005/08/addressing/anonymous</To>" +
            "<RelatesTo xmlns=\"http://www.w3.org/2005/08/addressing\">urn:uuid:2cb4b0d2-0000-4073-9892-6c85cfdfbb43</RelatesTo>" +
            "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";

        /// <summary>A SOAP 1.2 fault with a DMP subcode, as the DMP answers a VIHF signed with the wrong key.</summary>
        public const string Soap12DmpFault =
            "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><soap:Fault>" +
            "<soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value xmlns:d=\"urn:example:dmp\">d:DMPInvalidCertificate</soap:Value>" +
            "<soap:Subcode><soap:Value>soap:Inner</soap:Value></soap:Subcode></soap:Subcode></soap:Code>" +
            "<soap:Reason><soap:Text xml:lang=\"fr\">Not a valid signature certificate</soap:Text><soap:Text xml:lang=\"en\">second</soap:Text></soap:Reason>" +
            "<soap:Detail><d:why xmlns:d=\"urn:example:dmp\">authentication key used</d:why></soap:Detail></soap:Fault></soap:Body></soap:Envelope>";

        /// <summary>A SOAP 1.1 fault.</summary>
        public const string Soap11Fault =
            "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>" +
            "<faultcode>s:Client</faultcode><faultstring>Spécialité obligatoire pour les Médecins</faultstring>" +
            "<detail><code>42</code></detail></s:Fault></s:Body></s:Envelope>";

        /// <summary>Builds a multipart body by hand: each part is (header lines, body bytes).</summary>
        public static byte[] Multipart(string boundary, string newline, string preamble, string epilogue, params (string Headers, byte[] Body)[] parts)
        {
            using var ms = new MemoryStream();
            void W(string s) { byte[] b = Encoding.UTF8.GetBytes(s); ms.Write(b, 0, b.Length); }
            W(preamble);
            foreach (var (headers, body) in parts)
            {
                W("--" + boundary + newline + headers.Replace("\n", newline) + newline + newline);
                ms.Write(body, 0, body.Length);
                W(newline);
            }

            W("--" + boundary + "--" + newline + epilogue);
            return ms.ToArray();
        }

        public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

        /// <summary>Deterministic pseudo-random bytes (a document stand-in).</summary>
        public static byte[] Bytes(int length, int seed = 7)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }
    }

    /// <summary>A read-only, non-seekable stream that returns at most <c>chunk</c> bytes per read and counts the reads.</summary>
    internal sealed class TrickleStream : Stream
    {
        private readonly Stream inner;
        private readonly int chunk;

        public TrickleStream(byte[] data, int chunk)
        {
            inner = new MemoryStream(data, false);
            this.chunk = chunk;
        }

        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return inner.Read(buffer, offset, Math.Min(count, chunk));
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
