using System;
using System.Text;

namespace DmpConnector.Soap
{
    /// <summary>
    /// Content-ID and <c>cid:</c> URL handling (RFC 2392): the header value carries angle brackets and no URL encoding,
    /// the <c>xop:Include href</c> carries <c>cid:</c> and URL encoding. Both are reduced to the same key before matching.
    /// </summary>
    public static class ContentIds
    {
        /// <summary>
        /// The matching key of a <c>Content-ID</c> header value, a <c>start</c> parameter or a <c>cid:</c> href: angle
        /// brackets, the <c>cid:</c> scheme and surrounding whitespace removed, percent-escapes decoded.
        /// </summary>
        /// <param name="value">A Content-ID (<c>&lt;a@b&gt;</c>), a start parameter, or an href (<c>cid:a%40b</c>).</param>
        /// <returns>The key, e.g. <c>a@b</c>.</returns>
        public static string Normalize(string value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            string v = value.Trim();
            if (v.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            {
                v = v.Substring(4);
            }

            if (v.Length >= 2 && v[0] == '<' && v[v.Length - 1] == '>')
            {
                v = v.Substring(1, v.Length - 2).Trim();
            }

            return v.IndexOf('%') >= 0 ? Uri.UnescapeDataString(v) : v;
        }

        /// <summary>
        /// The <c>cid:</c> URL of a content id, for <c>xop:Include href</c>: every character other than letters, digits,
        /// <c>- . _ ~ @</c> percent-encoded as UTF-8 (so <c>:</c> becomes <c>%3A</c>, as in the official DMP responses).
        /// </summary>
        /// <param name="contentId">The content id without brackets.</param>
        /// <returns>The href, e.g. <c>cid:doc1@urn%3Aihe%3Aiti%3Axds-b%3A2007</c>.</returns>
        public static string ToHref(string contentId)
        {
            if (contentId is null)
            {
                throw new ArgumentNullException(nameof(contentId));
            }

            var sb = new StringBuilder("cid:", contentId.Length + 16);
            foreach (byte b in Encoding.UTF8.GetBytes(contentId))
            {
                char c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~' or '@')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('%').Append(((int)b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return sb.ToString();
        }
    }
}
