using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using DmpConnector.Internal;

namespace DmpConnector.Soap
{
    /// <summary>
    /// A received SOAP 1.2 or 1.1 envelope, read as a stream: the WS-Addressing headers, and the body handed over as an
    /// <see cref="XmlReader"/> positioned on the body's first element. Dispose it to release the reader (and the stream
    /// when asked to).
    /// </summary>
    /// <remarks>
    /// A body holding a fault never yields an envelope: <see cref="Read(Stream, bool)"/> throws
    /// <see cref="SoapFaultException"/> instead.
    /// </remarks>
    public sealed class SoapEnvelope : IDisposable
    {
        private const int MaxRawFaultChars = 1024 * 1024;
        private readonly XmlReader reader;
        private readonly Stream stream;
        private readonly bool closeStream;

        private SoapEnvelope(XmlReader reader, Stream stream, bool closeStream, SoapVersion version, string? action, string? messageId, string? relatesTo, string? to, bool hasBody)
        {
            this.reader = reader;
            this.stream = stream;
            this.closeStream = closeStream;
            Version = version;
            Action = action;
            MessageId = messageId;
            RelatesTo = relatesTo;
            To = to;
            HasBodyElement = hasBody;
        }

        /// <summary>The envelope's SOAP version (from its namespace, whatever the Content-Type said).</summary>
        public SoapVersion Version { get; }

        /// <summary>The <c>wsa:Action</c> header, or null.</summary>
        public string? Action { get; }

        /// <summary>The <c>wsa:MessageID</c> header, or null.</summary>
        public string? MessageId { get; }

        /// <summary>The <c>wsa:RelatesTo</c> header (the request's message id), or null.</summary>
        public string? RelatesTo { get; }

        /// <summary>The <c>wsa:To</c> header, or null.</summary>
        public string? To { get; }

        /// <summary>True when the body holds an element; false for an empty body.</summary>
        public bool HasBodyElement { get; }

        /// <summary>
        /// The body as a streaming reader positioned on its first element (when <see cref="HasBodyElement"/>). Read it
        /// once; it belongs to this envelope and is disposed with it.
        /// </summary>
        public XmlReader Body => reader;

        /// <summary>Reads the envelope's headers and positions on the body.</summary>
        /// <param name="stream">The envelope's bytes (any XML encoding). When seekable, a fault keeps its raw text.</param>
        /// <param name="closeStream">Whether disposing the envelope closes the stream.</param>
        /// <returns>The envelope.</returns>
        /// <exception cref="SoapFaultException">The body is a SOAP 1.2 or 1.1 fault.</exception>
        /// <exception cref="SoapFormatException">Not a SOAP envelope, no body, or not well-formed.</exception>
        public static SoapEnvelope Read(Stream stream, bool closeStream)
        {
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            long start = stream.CanSeek ? stream.Position : -1;
            var settings = SafeXml.ReaderSettings();
            settings.IgnoreComments = true;
            XmlReader reader = XmlReader.Create(stream, settings);
            bool ok = false;
            try
            {
                SoapEnvelope envelope = ReadCore(reader, stream, closeStream, start);
                ok = true;
                return envelope;
            }
            catch (XmlException ex)
            {
                throw new SoapFormatException("Envelope", "SOAP-XML", "the SOAP message is not well-formed XML (" + ex.Message + ")", ex);
            }
            finally
            {
                if (!ok)
                {
                    reader.Dispose();
                    if (closeStream)
                    {
                        stream.Dispose();
                    }
                }
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            reader.Dispose();
            if (closeStream)
            {
                stream.Dispose();
            }
        }

        private static SoapEnvelope ReadCore(XmlReader reader, Stream stream, bool closeStream, long start)
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Envelope")
            {
                throw new SoapFormatException("Envelope", "SOAP-NOT-ENVELOPE", "the message's root element must be a SOAP Envelope");
            }

            SoapVersion version = reader.NamespaceURI switch
            {
                SoapNamespaces.Soap12 => SoapVersion.Soap12,
                SoapNamespaces.Soap11 => SoapVersion.Soap11,
                _ => throw new SoapFormatException("Envelope", "SOAP-VERSION", "the Envelope's namespace is neither SOAP 1.2 (" + SoapNamespaces.Soap12 + ") nor SOAP 1.1 (" + SoapNamespaces.Soap11 + ")"),
            };
            string envNs = reader.NamespaceURI;
            string? action = null, messageId = null, relatesTo = null, to = null;
            if (reader.IsEmptyElement)
            {
                throw NoBody();
            }

            reader.Read();
            while (true)
            {
                reader.MoveToContent();
                if (reader.NodeType != XmlNodeType.Element)
                {
                    throw NoBody();
                }

                if (reader.LocalName == "Header" && reader.NamespaceURI == envNs)
                {
                    if (reader.IsEmptyElement)
                    {
                        reader.Read();
                        continue;
                    }

                    reader.Read();
                    while (reader.MoveToContent() == XmlNodeType.Element)
                    {
                        if (reader.NamespaceURI == SoapNamespaces.Addressing)
                        {
                            switch (reader.LocalName)
                            {
                                case "Action": action = ReadText(reader); continue;
                                case "MessageID": messageId = ReadText(reader); continue;
                                case "RelatesTo": relatesTo = ReadText(reader); continue;
                                case "To": to = ReadText(reader); continue;
                            }
                        }

                        reader.Skip();
                    }

                    reader.ReadEndElement();
                    continue;
                }

                if (reader.LocalName == "Body" && reader.NamespaceURI == envNs)
                {
                    break;
                }

                throw NoBody();
            }

            bool hasBody = false;
            if (!reader.IsEmptyElement)
            {
                reader.Read();
                hasBody = reader.MoveToContent() == XmlNodeType.Element;
            }

            if (hasBody && reader.LocalName == "Fault" && reader.NamespaceURI == envNs)
            {
                SoapFaultException fault = SoapFaultReader.Read(reader, version, action, () => RawText(stream, start));
                throw fault;
            }

            return new SoapEnvelope(reader, stream, closeStream, version, action, messageId, relatesTo, to, hasBody);
        }

        private static string? ReadText(XmlReader reader)
        {
            string text = reader.ReadElementContentAsString().Trim();
            return text.Length == 0 ? null : text;
        }

        private static SoapFormatException NoBody() =>
            new("Body", "SOAP-NO-BODY", "a SOAP Envelope must hold an optional Header then a Body");

        private static string? RawText(Stream stream, long start)
        {
            if (start < 0)
            {
                return null;
            }

            try
            {
                stream.Position = start;
                using var text = new StreamReader(stream, Encoding.UTF8, true, 4096, leaveOpen: true);
                var buffer = new char[8192];
                var sb = new StringBuilder();
                int n;
                while (sb.Length < MaxRawFaultChars && (n = text.Read(buffer, 0, buffer.Length)) > 0)
                {
                    sb.Append(buffer, 0, n);
                }

                return sb.ToString();
            }
            catch (IOException)
            {
                return null;
            }
            catch (NotSupportedException)
            {
                return null;
            }
        }
    }
}
