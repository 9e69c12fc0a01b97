using System;
using System.IO;
using System.Text;
using System.Xml;
using DmpConnector.Internal;

namespace DmpConnector.Security
{
    /// <summary>Loads signed XML for verification: whitespace preserved, DTDs refused, no resolver.</summary>
    public static class SignedXmlDocument
    {
        /// <summary>
        /// Loads signed XML from bytes. When the bytes have no XML declaration and are not valid UTF-8, they are read as
        /// ISO-8859-1: the official signed DIRECTE VIHF examples are Latin-1 without a declaration, and a UTF-8 reader
        /// rejects them. Otherwise the XML reader's own encoding detection applies.
        /// </summary>
        /// <param name="bytes">The file's bytes.</param>
        /// <returns>The document.</returns>
        /// <exception cref="XmlException">The bytes are not well-formed XML.</exception>
        public static XmlDocument Load(byte[] bytes)
        {
            if (bytes is null)
            {
                throw new ArgumentNullException(nameof(bytes));
            }

            if (!HasDeclaration(bytes) && !IsUtf8(bytes))
            {
                string text = Encoding.GetEncoding(28591).GetString(bytes);
                return SafeXml.LoadDocument(text);
            }

            using var stream = new MemoryStream(bytes, writable: false);
            return SafeXml.LoadDocument(stream);
        }

        private static bool HasDeclaration(byte[] bytes)
        {
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return bytes.Length >= start + 5 && bytes[start] == (byte)'<' && bytes[start + 1] == (byte)'?' && bytes[start + 2] == (byte)'x' && bytes[start + 3] == (byte)'m' && bytes[start + 4] == (byte)'l';
        }

        private static bool IsUtf8(byte[] bytes)
        {
            try
            {
                _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
    }
}
