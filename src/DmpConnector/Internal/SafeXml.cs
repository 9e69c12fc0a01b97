using System.IO;
using System.Xml;

namespace DmpConnector.Internal
{
    /// <summary>
    /// The only way the SDK creates XML readers and DOM documents: DTDs prohibited, no resolver (no external entity,
    /// schema or stylesheet is ever fetched). Every layer goes through here so the rule holds everywhere.
    /// </summary>
    internal static class SafeXml
    {
        /// <summary>Settings for a streaming reader. Callers may tighten them (e.g. <c>MaxCharactersInDocument</c>).</summary>
        /// <param name="closeInput">Whether disposing the reader closes the underlying stream.</param>
        public static XmlReaderSettings ReaderSettings(bool closeInput = false) => new()
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            CloseInput = closeInput,
            IgnoreProcessingInstructions = true,
        };

        /// <summary>A streaming reader over a stream with the safe settings.</summary>
        public static XmlReader CreateReader(Stream stream, bool closeInput = false) => XmlReader.Create(stream, ReaderSettings(closeInput));

        /// <summary>A streaming reader over a text reader with the safe settings.</summary>
        public static XmlReader CreateReader(TextReader reader) => XmlReader.Create(reader, ReaderSettings());

        /// <summary>
        /// Loads a DOM for the fragments that must be a DOM (signed XML). Whitespace is preserved by default, since
        /// a signature covers it.
        /// </summary>
        public static XmlDocument LoadDocument(Stream stream, bool preserveWhitespace = true)
        {
            var document = NewDocument(preserveWhitespace);
            using (XmlReader reader = CreateReader(stream))
            {
                document.Load(reader);
            }

            return document;
        }

        /// <summary>Loads a DOM from text (see <see cref="LoadDocument(Stream, bool)"/>).</summary>
        public static XmlDocument LoadDocument(string xml, bool preserveWhitespace = true)
        {
            var document = NewDocument(preserveWhitespace);
            using (var text = new StringReader(xml))
            using (XmlReader reader = CreateReader(text))
            {
                document.Load(reader);
            }

            return document;
        }

        /// <summary>An empty DOM with no resolver.</summary>
        public static XmlDocument NewDocument(bool preserveWhitespace = true) => new() { XmlResolver = null, PreserveWhitespace = preserveWhitespace };
    }
}
