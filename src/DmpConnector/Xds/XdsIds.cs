using System;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace DmpConnector.Xds
{
    /// <summary>
    /// XDS identifiers: entryUUIDs (<c>urn:uuid:</c> + a lower-case UUID) and uniqueIds (OIDs of at most 64
    /// characters), with generators.
    /// </summary>
    public static class XdsIds
    {
        /// <summary>The longest uniqueId XDS allows.</summary>
        public const int MaxUniqueIdLength = 64;

        private static readonly Regex OidPattern = new("^[0-2](\\.(0|[1-9][0-9]*))+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private static readonly Regex UuidUrnPattern = new("^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>A new entryUUID, e.g. <c>urn:uuid:7953af1a-ba1c-11eb-816f-0050569e422e</c>.</summary>
        /// <returns>The id.</returns>
        public static string NewEntryUuid() => "urn:uuid:" + Guid.NewGuid().ToString("D");

        /// <summary>True when the value is <c>urn:uuid:</c> followed by a UUID.</summary>
        /// <param name="value">The value.</param>
        /// <returns>True when it is a UUID URN.</returns>
        public static bool IsEntryUuid(string? value) => value is not null && UuidUrnPattern.IsMatch(value);

        /// <summary>True when the value is an OID (digits and dots, no leading zero) of at most 64 characters.</summary>
        /// <param name="value">The value.</param>
        /// <returns>True when it is a valid XDS OID.</returns>
        public static bool IsOid(string? value) => value is not null && value.Length <= MaxUniqueIdLength && OidPattern.IsMatch(value);

        /// <summary>
        /// A new uniqueId under the caller's root OID (the software's or structure's OID): <c>root.N</c> where N is a
        /// 64-bit random number. Throws when the result would exceed 64 characters or the root is not an OID.
        /// </summary>
        /// <param name="rootOid">The root OID, e.g. <c>1.2.250.1.999.1.1.7898</c>.</param>
        /// <returns>The uniqueId.</returns>
        public static string NewUniqueId(string rootOid)
        {
            if (!IsOid(rootOid))
            {
                throw new XdsFormatException("rootOid", XdsRules.OidFormat, "The root of a uniqueId must be an OID (digits separated by dots).", rootOid, valueIsSensitive: false);
            }

            byte[] bytes = Guid.NewGuid().ToByteArray();
            ulong n = BitConverter.ToUInt64(bytes, 0) % 9_000_000_000_000_000_000UL;
            string id = rootOid + "." + (n + 1).ToString(CultureInfo.InvariantCulture);
            if (id.Length > MaxUniqueIdLength)
            {
                throw new XdsFormatException("rootOid", XdsRules.OidFormat, "The root OID leaves no room for a unique suffix within 64 characters.", rootOid, valueIsSensitive: false);
            }

            return id;
        }

        /// <summary>A new uniqueId in the <c>2.25</c> arc (an OID made of a UUID), when no root OID is available.</summary>
        /// <returns>The uniqueId.</returns>
        public static string NewUuidOid()
        {
            byte[] bytes = Guid.NewGuid().ToByteArray();
            var positive = new byte[bytes.Length + 1];
            Array.Copy(bytes, positive, bytes.Length);
            return "2.25." + new BigInteger(positive).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>XDS DTM times: UTC, <c>yyyyMMddHHmmss</c> when written, any precision from the year when read.</summary>
    public static class XdsTime
    {
        /// <summary>A time in XDS form, converted to UTC (never copy a CDA local time as is).</summary>
        /// <param name="time">The time with its offset.</param>
        /// <returns>The DTM text, e.g. <c>20210604135051</c>.</returns>
        public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        /// <summary>Parses a DTM of 4, 6, 8, 10, 12 or 14 digits (UTC), missing parts taken as their minimum.</summary>
        /// <param name="value">The text.</param>
        /// <param name="time">The time (UTC).</param>
        /// <returns>True when the text is a valid DTM.</returns>
        public static bool TryParse(string? value, out DateTimeOffset time)
        {
            time = default;
            if (value is null || value.Length is not (4 or 6 or 8 or 10 or 12 or 14))
            {
                return false;
            }

            foreach (char c in value)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            string padded = value + "0101000000".Substring(value.Length - 4);
            if (!DateTime.TryParseExact(padded, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime parsed))
            {
                return false;
            }

            time = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
            return true;
        }
    }
}
