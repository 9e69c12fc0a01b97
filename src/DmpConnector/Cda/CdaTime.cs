using System;
using System.Globalization;

namespace DmpConnector.Cda
{
    /// <summary>
    /// CDA <c>ts</c> values: written in the local time of the place of production, to the second, with the offset as
    /// <c>±hhmm</c> (CI-SIS §3.5.7.1); read at any precision from 4 to 14 digits and converted to UTC for XDS.
    /// </summary>
    public static class CdaTime
    {
        private static readonly Lazy<TimeZoneInfo> ParisLazy = new(() => FindZone("Europe/Paris", "Romance Standard Time"));

        /// <summary>The metropolitan France time zone (<c>Europe/Paris</c>, or <c>Romance Standard Time</c> on Windows).</summary>
        public static TimeZoneInfo Paris => ParisLazy.Value;

        /// <summary>
        /// Formats an instant as a CDA <c>ts</c> to the second, in the given zone with the zone's offset at that instant
        /// (summer or winter time, overseas zones), e.g. <c>20210401134745+0200</c>.
        /// </summary>
        /// <param name="instant">The instant.</param>
        /// <param name="zone">The zone of the place of production; <see cref="Paris"/> when null.</param>
        /// <returns>The <c>ts</c> text.</returns>
        public static string Format(DateTimeOffset instant, TimeZoneInfo? zone = null)
        {
            DateTimeOffset local = TimeZoneInfo.ConvertTime(instant, zone ?? Paris);
            TimeSpan offset = local.Offset;
            char sign = offset < TimeSpan.Zero ? '-' : '+';
            offset = offset.Duration();
            return local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
                + sign
                + ((offset.Hours * 100) + offset.Minutes).ToString("0000", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Converts a CDA <c>ts</c> to an XDS DTM in UTC at the precision it was given (a date-only value passes
        /// through; a value with a time of day and an offset is converted to UTC; seconds fractions are dropped).
        /// </summary>
        /// <param name="ts">The CDA value, e.g. <c>20210401134745+0100</c>.</param>
        /// <param name="hadOffset">False when the value carries a time of day without an offset (a CI-SIS violation: passed through unconverted).</param>
        /// <returns>The DTM, e.g. <c>20210401124745</c>.</returns>
        /// <exception cref="CdaFormatException">The value is malformed (rule <see cref="CdaRules.TimeFormat"/>).</exception>
        public static string ToXdsUtc(string ts, out bool hadOffset)
        {
            if (!TryParse(ts, out string digits, out TimeSpan? offset))
            {
                throw new CdaFormatException("ts", CdaRules.TimeFormat, "a CDA time reads yyyy[MM[dd[HH[mm[ss[.f…]]]]]][±hhmm]", ts, valueIsSensitive: false);
            }

            hadOffset = offset is not null || digits.Length <= 8;
            if (digits.Length <= 8 || offset is null)
            {
                return digits;
            }

            string padded = digits + "0000".Substring(0, 14 - digits.Length);
            DateTime local = DateTime.ParseExact(padded, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None);
            string utc = new DateTimeOffset(local, offset.Value).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            return utc.Substring(0, digits.Length);
        }

        /// <summary>Parses a <c>ts</c> into its digits (4 to 14, even length) and its offset, if any.</summary>
        internal static bool TryParse(string? ts, out string digits, out TimeSpan? offset)
        {
            digits = string.Empty;
            offset = null;
            if (string.IsNullOrEmpty(ts))
            {
                return false;
            }

            string value = ts!.Trim();
            int i = 0;
            while (i < value.Length && char.IsDigit(value[i]))
            {
                i++;
            }

            if (i is < 4 or > 14 || i % 2 != 0)
            {
                return false;
            }

            digits = value.Substring(0, i);
            if (i < value.Length && value[i] == '.')
            {
                if (i != 14)
                {
                    return false;
                }

                i++;
                int start = i;
                while (i < value.Length && char.IsDigit(value[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    return false;
                }
            }

            if (i < value.Length)
            {
                char sign = value[i];
                string rest = value.Substring(i + 1);
                if ((sign != '+' && sign != '-') || rest.Length is not (2 or 4) || !int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int hhmm))
                {
                    return false;
                }

                int hours = rest.Length == 2 ? hhmm : hhmm / 100;
                int minutes = rest.Length == 2 ? 0 : hhmm % 100;
                if (hours > 14 || minutes > 59)
                {
                    return false;
                }

                var span = new TimeSpan(hours, minutes, 0);
                offset = sign == '-' ? span.Negate() : span;
            }

            string check = digits + "0101000000".Substring(digits.Length - 4);
            return DateTime.TryParseExact(check, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }

        private static TimeZoneInfo FindZone(params string[] ids)
        {
            foreach (string id in ids)
            {
                try
                {
                    return TimeZoneInfo.FindSystemTimeZoneById(id);
                }
                catch (TimeZoneNotFoundException)
                {
                }
                catch (InvalidTimeZoneException)
                {
                }
            }

            throw new TimeZoneNotFoundException("Neither Europe/Paris nor Romance Standard Time is known on this machine; pass the zone explicitly.");
        }
    }
}
