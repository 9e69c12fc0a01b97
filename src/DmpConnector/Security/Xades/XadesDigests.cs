using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;
using DmpConnector.Internal;

namespace DmpConnector.Security
{
    /// <summary>The digests of manifest entries, computed from the content itself (pitfall 32: no library resolves <c>urn:oid:</c>).</summary>
    internal static class XadesDigests
    {
        public static bool IsSupportedCanonicalization(string algorithm) =>
            algorithm is XmlSignatureAlgorithms.C14N or XmlSignatureAlgorithms.C14NWithComments or XmlSignatureAlgorithms.ExclusiveC14N;

        public static Transform CreateCanonicalization(string algorithm) => algorithm switch
        {
            XmlSignatureAlgorithms.C14NWithComments => new XmlDsigC14NWithCommentsTransform(),
            XmlSignatureAlgorithms.C14N => new XmlDsigC14NTransform(),
            XmlSignatureAlgorithms.ExclusiveC14N => new XmlDsigExcC14NTransform(),
            _ => throw new DmpInputException("canonicalization", XadesRules.Canonicalization, "use c14n, c14n with comments or exclusive c14n", algorithm, valueIsSensitive: false),
        };

        /// <summary>The digest of one entry: of its bytes, or of its canonical form when <paramref name="canonicalization"/> is given.</summary>
        public static byte[] Compute(XadesDocumentReference reference, string? canonicalization, XmlSignatureHash hash)
        {
            HashAlgorithmName name = XmlSignatureAlgorithms.HashAlgorithmName(hash);
            using Stream content = reference.Open();
            if (canonicalization is null)
            {
                return HashStream(content, name);
            }

            XmlDocument document;
            try
            {
                document = SafeXml.LoadDocument(content, preserveWhitespace: true);
            }
            catch (XmlException ex)
            {
                throw new DmpInputException(reference.Uri, XadesRules.Xml, "the document is marked as XML (canonicalized before digesting) but is not well-formed XML", null, valueIsSensitive: false, ex);
            }

            Transform transform = CreateCanonicalization(canonicalization);
            transform.LoadInput(document);
            using var output = (Stream)transform.GetOutput(typeof(Stream));
            return HashStream(output, name);
        }

        public static byte[] HashBytes(byte[] data, XmlSignatureHash hash)
        {
            using IncrementalHash incremental = IncrementalHash.CreateHash(XmlSignatureAlgorithms.HashAlgorithmName(hash));
            incremental.AppendData(data);
            return incremental.GetHashAndReset();
        }

        private static byte[] HashStream(Stream stream, HashAlgorithmName name)
        {
            using IncrementalHash incremental = IncrementalHash.CreateHash(name);
            byte[] buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                incremental.AppendData(buffer, 0, read);
            }

            return incremental.GetHashAndReset();
        }
    }
}
