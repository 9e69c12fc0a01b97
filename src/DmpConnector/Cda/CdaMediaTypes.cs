using System;
using System.Collections.Generic;
using DmpConnector.Identity;

namespace DmpConnector.Cda
{
    /// <summary>
    /// The media types CI-SIS allows in a non-structured CDA body (<c>nonXMLBody/text/@mediaType</c>, volet Structuration
    /// minimale §3.7 p.137), their XDS formatCode (ANS association table ASS_A12; labels as in the official DMP example TD3.1) and their magic bytes.
    /// </summary>
    public static class CdaMediaTypes
    {
        /// <summary>PDF (CI-SIS describes it as PDF/A-1).</summary>
        public const string Pdf = "application/pdf";

        /// <summary>Plain text (its bytes are embedded in their own character set, never transcoded).</summary>
        public const string PlainText = "text/plain";

        /// <summary>RTF.</summary>
        public const string Rtf = "text/rtf";

        /// <summary>JPEG image.</summary>
        public const string Jpeg = "image/jpeg";

        /// <summary>TIFF image.</summary>
        public const string Tiff = "image/tiff";

        /// <summary>The code system of the IHE format codes (<c>urn:ihe:…</c>, <c>urn:ihe:iti-fr:…</c>), TRE_A11.</summary>
        public const string IheFormatCodeSystem = "1.3.6.1.4.1.19376.1.2.3";

        private static readonly Dictionary<string, CodedValue> FormatCodes = new(StringComparer.OrdinalIgnoreCase)
        {
            [Pdf] = new CodedValue("urn:ihe:iti:xds-sd:pdf:2008", IheFormatCodeSystem, "Document à corps non structuré en Pdf/A-1"),
            [PlainText] = new CodedValue("urn:ihe:iti:xds-sd:text:2008", IheFormatCodeSystem, "Document à corps non structuré en texte brut"),
            [Rtf] = new CodedValue("urn:ihe:iti-fr:xds-sd:rtf:2010", IheFormatCodeSystem, "Document à corps non structuré en format rtf"),
            [Jpeg] = new CodedValue("urn:ihe:iti-fr:xds-sd:jpeg:2010", IheFormatCodeSystem, "Document à corps non structuré en format jpeg"),
            [Tiff] = new CodedValue("urn:ihe:iti-fr:xds-sd:tiff:2010", IheFormatCodeSystem, "Document à corps non structuré en format tiff"),
        };

        /// <summary>The five media types, in the order above.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { Pdf, PlainText, Rtf, Jpeg, Tiff };

        /// <summary>True when CI-SIS allows the media type in a nonXMLBody.</summary>
        /// <param name="mediaType">The media type.</param>
        /// <returns>True when allowed.</returns>
        public static bool IsAllowed(string? mediaType) => mediaType is not null && FormatCodes.ContainsKey(mediaType);

        /// <summary>The XDS formatCode of a non-structured CDA with that body (ASS_A12), or null for another media type.</summary>
        /// <param name="mediaType">The media type.</param>
        /// <returns>The format code, or null.</returns>
        public static CodedValue? FormatCodeFor(string? mediaType) => mediaType is not null && FormatCodes.TryGetValue(mediaType, out CodedValue? code) ? code : null;

        /// <summary>The media type of a file name's extension (.pdf, .txt, .rtf, .jpg/.jpeg, .tif/.tiff), or null.</summary>
        /// <param name="fileName">The file name or path.</param>
        /// <returns>The media type, or null.</returns>
        public static string? FromFileName(string fileName)
        {
            string extension = System.IO.Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
            return extension switch
            {
                ".pdf" => Pdf,
                ".txt" => PlainText,
                ".rtf" => Rtf,
                ".jpg" or ".jpeg" => Jpeg,
                ".tif" or ".tiff" => Tiff,
                _ => null,
            };
        }

        /// <summary>The file extension to give extracted content of a media type (<c>.bin</c> when unknown).</summary>
        /// <param name="mediaType">The media type.</param>
        /// <returns>The extension with its dot.</returns>
        public static string ExtensionFor(string? mediaType) => mediaType?.ToLowerInvariant() switch
        {
            Pdf => ".pdf",
            PlainText => ".txt",
            Rtf => ".rtf",
            Jpeg => ".jpg",
            Tiff => ".tiff",
            _ => ".bin",
        };

        /// <summary>
        /// Checks the first bytes of content against its media type: PDF <c>%PDF-</c> (within the first 1024 bytes, as
        /// PDF readers allow), JPEG <c>FF D8 FF</c>, TIFF <c>II*\0</c> or <c>MM\0*</c>, RTF <c>{\rtf</c>; plain text must
        /// hold no NUL byte in its first bytes.
        /// </summary>
        /// <param name="mediaType">The media type.</param>
        /// <param name="head">The first bytes.</param>
        /// <param name="count">How many bytes of <paramref name="head"/> are valid.</param>
        /// <returns>True when the bytes match.</returns>
        public static bool MatchesMagic(string mediaType, byte[] head, int count)
        {
            if (head is null)
            {
                throw new ArgumentNullException(nameof(head));
            }

            switch (mediaType?.ToLowerInvariant())
            {
                case Pdf:
                    for (int i = 0; i + 5 <= Math.Min(count, 1024); i++)
                    {
                        if (head[i] == '%' && head[i + 1] == 'P' && head[i + 2] == 'D' && head[i + 3] == 'F' && head[i + 4] == '-')
                        {
                            return true;
                        }
                    }

                    return false;
                case Jpeg:
                    return count >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
                case Tiff:
                    return count >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0) || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42));
                case Rtf:
                    return count >= 5 && head[0] == '{' && head[1] == '\\' && head[2] == 'r' && head[3] == 't' && head[4] == 'f';
                case PlainText:
                    return Array.IndexOf(head, (byte)0, 0, count) < 0;
                default:
                    return false;
            }
        }
    }
}
