using System;
using System.Globalization;
using System.Text;

namespace DmpConnector.Identity
{
    /// <summary>
    /// HL7 v2 delimiters and escape sequences, as used inside XDS metadata values (CX, XCN, XON, CE).
    /// </summary>
    /// <remarks>
    /// The standard delimiters are assumed (<c>|^~\&amp;</c>). <see cref="Escape"/> writes <c>\F\ \S\ \T\ \R\ \E\</c>
    /// for the delimiters and <c>\Xhh\</c> for control characters; <see cref="Unescape"/> reads those, and hexadecimal
    /// <c>\Xhhhh…\</c> sequences as UTF-8. Formatting sequences (<c>\H\</c>, <c>\N\</c>, <c>\.br\</c>…) belong to text fields,
    /// never to these data types, and are rejected.
    /// </remarks>
    public static class Hl7Encoding
    {
        /// <summary>The field separator, <c>|</c>.</summary>
        public const char FieldSeparator = '|';

        /// <summary>The component separator, <c>^</c>.</summary>
        public const char ComponentSeparator = '^';

        /// <summary>The repetition separator, <c>~</c>.</summary>
        public const char RepetitionSeparator = '~';

        /// <summary>The escape character, <c>\</c>.</summary>
        public const char EscapeCharacter = '\\';

        /// <summary>The subcomponent separator, <c>&amp;</c>.</summary>
        public const char SubcomponentSeparator = '&';

        /// <summary>The longest encoded value accepted by the parsers (32 768 characters); longer input is rejected.</summary>
        public const int MaxEncodedLength = 32 * 1024;

        /// <summary>Escapes a plain value so it can sit in any HL7 v2 component or subcomponent.</summary>
        /// <param name="value">The plain value.</param>
        /// <returns>The escaped value.</returns>
        public static string Escape(string value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            if (!NeedsEscaping(value))
            {
                return value;
            }

            var sb = new StringBuilder(value.Length + 8);
            foreach (char c in value)
            {
                switch (c)
                {
                    case FieldSeparator: sb.Append("\\F\\"); break;
                    case ComponentSeparator: sb.Append("\\S\\"); break;
                    case SubcomponentSeparator: sb.Append("\\T\\"); break;
                    case RepetitionSeparator: sb.Append("\\R\\"); break;
                    case EscapeCharacter: sb.Append("\\E\\"); break;
                    default:
                        if (c < ' ' || c == '\u007f')
                        {
                            sb.Append("\\X").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)).Append('\\');
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.ToString();
        }

        /// <summary>Reads the escape sequences of an encoded value.</summary>
        /// <param name="encoded">The encoded value (one component or subcomponent, delimiters already split off).</param>
        /// <param name="field">The field name used in error messages, e.g. <c>XCN.2</c>.</param>
        /// <returns>The plain value.</returns>
        /// <exception cref="Hl7FormatException">An escape sequence is unterminated, unknown, or a formatting sequence.</exception>
        public static string Unescape(string encoded, string field = "HL7")
        {
            if (encoded is null)
            {
                throw new ArgumentNullException(nameof(encoded));
            }

            int first = encoded.IndexOf(EscapeCharacter);
            if (first < 0)
            {
                return encoded;
            }

            var sb = new StringBuilder(encoded.Length);
            sb.Append(encoded, 0, first);
            int i = first;
            while (i < encoded.Length)
            {
                char c = encoded[i];
                if (c != EscapeCharacter)
                {
                    sb.Append(c);
                    i++;
                    continue;
                }

                int end = encoded.IndexOf(EscapeCharacter, i + 1);
                if (end < 0)
                {
                    throw new Hl7FormatException(field, Hl7FormatException.UnterminatedEscapeRule, "an escape sequence starts with \\ and must end with \\", encoded);
                }

                int length = end - i - 1;
                if (length == 1)
                {
                    switch (encoded[i + 1])
                    {
                        case 'F': sb.Append(FieldSeparator); break;
                        case 'S': sb.Append(ComponentSeparator); break;
                        case 'T': sb.Append(SubcomponentSeparator); break;
                        case 'R': sb.Append(RepetitionSeparator); break;
                        case 'E': sb.Append(EscapeCharacter); break;
                        default:
                            throw UnsupportedEscape(field, encoded);
                    }
                }
                else if (length >= 3 && encoded[i + 1] == 'X')
                {
                    sb.Append(DecodeHex(encoded, i + 2, end, field));
                }
                else
                {
                    throw UnsupportedEscape(field, encoded);
                }

                i = end + 1;
            }

            return sb.ToString();
        }

        private static bool NeedsEscaping(string value)
        {
            foreach (char c in value)
            {
                if (c is FieldSeparator or ComponentSeparator or SubcomponentSeparator or RepetitionSeparator or EscapeCharacter || c < ' ' || c == '\u007f')
                {
                    return true;
                }
            }

            return false;
        }

        private static string DecodeHex(string encoded, int start, int end, string field)
        {
            int hexLength = end - start;
            if (hexLength % 2 != 0)
            {
                throw new Hl7FormatException(field, Hl7FormatException.UnsupportedEscapeRule, "a \\X..\\ escape holds an even number of hexadecimal digits", encoded);
            }

            var bytes = new byte[hexLength / 2];
            for (int b = 0; b < bytes.Length; b++)
            {
                int hi = HexValue(encoded[start + (2 * b)]);
                int lo = HexValue(encoded[start + (2 * b) + 1]);
                if (hi < 0 || lo < 0)
                {
                    throw new Hl7FormatException(field, Hl7FormatException.UnsupportedEscapeRule, "a \\X..\\ escape holds only hexadecimal digits", encoded);
                }

                bytes[b] = (byte)((hi << 4) | lo);
            }

            try
            {
                return new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-8: HL7 v2 messages from older systems use ISO-8859-1, where every byte is a character.
                var chars = new char[bytes.Length];
                for (int b = 0; b < bytes.Length; b++)
                {
                    chars[b] = (char)bytes[b];
                }

                return new string(chars);
            }
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };

        private static Hl7FormatException UnsupportedEscape(string field, string encoded) =>
            new(field, Hl7FormatException.UnsupportedEscapeRule, "only the escapes \\F\\ \\S\\ \\T\\ \\R\\ \\E\\ and \\Xhh\\ are allowed in coded and identifier data types", encoded);
    }
}
