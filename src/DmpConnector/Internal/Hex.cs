namespace DmpConnector.Internal
{
    /// <summary>Lower-case hexadecimal text (the XDS <c>hash</c> attribute's form), on every target framework.</summary>
    internal static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>The SHA-1 of the bytes in lower-case hex: the XDS <c>hash</c> attribute (ITI TF-3 4.2.3.2.11), an
        /// integrity check the standard fixes to SHA-1, not a security use.</summary>
        internal static string Sha1(byte[] bytes)
        {
#pragma warning disable CA5350 // SHA-1 is what the XDS hash attribute is defined as.
#if NET
            return ToLower(System.Security.Cryptography.SHA1.HashData(bytes));
#else
            using var sha1 = System.Security.Cryptography.SHA1.Create();
            return ToLower(sha1.ComputeHash(bytes));
#endif
#pragma warning restore CA5350
        }

        /// <summary>The bytes of an even-length hexadecimal text (either case).</summary>
        internal static byte[] Parse(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = byte.Parse(hex.Substring(i * 2, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            }

            return bytes;
        }

        internal static string ToLower(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Digits[bytes[i] >> 4];
                chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }
    }
}
