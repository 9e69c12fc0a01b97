using System;
using System.Collections.Generic;
using System.Text;

namespace DmpConnector.Soap
{
    /// <summary>A parsed MIME header value <c>type/subtype; name=value; name="quoted value"</c> (RFC 2045 §5.1).</summary>
    internal sealed class MimeHeaderValue
    {
        private MimeHeaderValue(string mediaType, Dictionary<string, string> parameters)
        {
            MediaType = mediaType;
            Parameters = parameters;
        }

        /// <summary>The lower-case media type, e.g. <c>multipart/related</c>.</summary>
        public string MediaType { get; }

        /// <summary>The parameters, names case-insensitive, values unquoted.</summary>
        public IReadOnlyDictionary<string, string> Parameters { get; }

        public string? this[string name] => Parameters.TryGetValue(name, out string? v) ? v : null;

        public static MimeHeaderValue Parse(string value)
        {
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            int i = 0;
            string mediaType = ReadToken(value, ref i, ';').Trim().ToLowerInvariant();
            while (i < value.Length)
            {
                i++; // ';'
                string name = ReadToken(value, ref i, '=', ';').Trim();
                string parameterValue = string.Empty;
                if (i < value.Length && value[i] == '=')
                {
                    i++;
                    while (i < value.Length && char.IsWhiteSpace(value[i]))
                    {
                        i++;
                    }

                    if (i < value.Length && value[i] == '"')
                    {
                        var sb = new StringBuilder();
                        i++;
                        while (i < value.Length && value[i] != '"')
                        {
                            if (value[i] == '\\' && i + 1 < value.Length)
                            {
                                i++;
                            }

                            sb.Append(value[i]);
                            i++;
                        }

                        i++; // closing quote
                        parameterValue = sb.ToString();
                        _ = ReadToken(value, ref i, ';');
                    }
                    else
                    {
                        parameterValue = ReadToken(value, ref i, ';').Trim();
                    }
                }

                if (name.Length > 0 && !parameters.ContainsKey(name))
                {
                    parameters[name] = parameterValue;
                }
            }

            return new MimeHeaderValue(mediaType, parameters);
        }

        private static string ReadToken(string value, ref int i, char stop, char stop2 = '\0')
        {
            int start = i;
            while (i < value.Length && value[i] != stop && value[i] != stop2)
            {
                i++;
            }

            return value.Substring(start, i - start);
        }
    }
}
