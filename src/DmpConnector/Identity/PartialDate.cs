using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DmpConnector.Identity
{
    /// <summary>
    /// A date that may be known only to the year or the month, as birth dates of people born abroad often are
    /// (RNIV rules; CDA <c>birthTime</c> accepts <c>yyyy</c>, <c>yyyyMM</c> and <c>yyyyMMdd</c>).
    /// </summary>
    public readonly struct PartialDate : IEquatable<PartialDate>
    {
        /// <summary>Creates a date known to the year, month or day.</summary>
        /// <param name="year">The year (1–9999).</param>
        /// <param name="month">The month (1–12), or null when unknown.</param>
        /// <param name="day">The day, or null when unknown; requires a month.</param>
        public PartialDate(int year, int? month = null, int? day = null)
        {
            if (year is < 1 or > 9999)
            {
                throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be between 1 and 9999.");
            }

            if (month is not null && month is < 1 or > 12)
            {
                throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be between 1 and 12.");
            }

            if (day is not null)
            {
                if (month is null)
                {
                    throw new ArgumentException("A day requires a month.", nameof(day));
                }

                if (day < 1 || day > DateTime.DaysInMonth(year, month.Value))
                {
                    throw new ArgumentOutOfRangeException(nameof(day), day, "The day does not exist in that month.");
                }
            }

            Year = year;
            Month = month;
            Day = day;
        }

        /// <summary>The year.</summary>
        public int Year { get; }

        /// <summary>The month, or null when unknown.</summary>
        public int? Month { get; }

        /// <summary>The day, or null when unknown.</summary>
        public int? Day { get; }

        /// <summary>True when year, month and day are all known.</summary>
        public bool IsComplete => Day is not null;

        /// <summary>A complete date.</summary>
        /// <param name="date">The date.</param>
        /// <returns>The partial date with all parts.</returns>
        public static PartialDate FromDate(DateTime date) => new(date.Year, date.Month, date.Day);

        /// <summary>
        /// Parses <c>yyyy</c>, <c>yyyyMM</c>, <c>yyyyMMdd</c> (HL7) or <c>yyyy-MM-dd</c> (INSi), where INSi's <c>00</c>
        /// for an unknown month or day means "unknown".
        /// </summary>
        /// <param name="value">The value.</param>
        /// <returns>The date.</returns>
        /// <exception cref="DmpInputException">The value is not one of those forms or is not a real date (rule <c>DATE-FORMAT</c>).</exception>
        public static PartialDate Parse(string value) =>
            TryParse(value, out PartialDate date)
                ? date
                : throw new DmpInputException("date", "DATE-FORMAT", "a date reads yyyy, yyyyMM, yyyyMMdd or yyyy-MM-dd (00 for an unknown month or day)", value, valueIsSensitive: true);

        /// <summary>Parses without throwing; see <see cref="Parse"/>.</summary>
        /// <param name="value">The value.</param>
        /// <param name="result">The date when valid.</param>
        /// <returns>True when valid.</returns>
        public static bool TryParse([NotNullWhen(true)] string? value, out PartialDate result)
        {
            result = default;
            if (value is null)
            {
                return false;
            }

            string digits = value.Length == 10 && value[4] == '-' && value[7] == '-'
                ? value.Substring(0, 4) + value.Substring(5, 2) + value.Substring(8, 2)
                : value;
            if (digits.Length is not (4 or 6 or 8))
            {
                return false;
            }

            foreach (char c in digits)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            int year = int.Parse(digits.Substring(0, 4), CultureInfo.InvariantCulture);
            int? month = digits.Length >= 6 ? int.Parse(digits.Substring(4, 2), CultureInfo.InvariantCulture) : null;
            int? day = digits.Length == 8 ? int.Parse(digits.Substring(6, 2), CultureInfo.InvariantCulture) : null;
            if (month == 0)
            {
                if (day is not null and not 0)
                {
                    return false;
                }

                month = null;
                day = null;
            }

            if (day == 0)
            {
                day = null;
            }

            if (year == 0 || month > 12 || (day is not null && day > DateTime.DaysInMonth(year, month!.Value)))
            {
                return false;
            }

            result = new PartialDate(year, month, day);
            return true;
        }

        /// <summary>The HL7 form: <c>yyyy</c>, <c>yyyyMM</c> or <c>yyyyMMdd</c>.</summary>
        /// <returns>The text.</returns>
        public string ToHl7() => Month is null
            ? Year.ToString("0000", CultureInfo.InvariantCulture)
            : Day is null
                ? string.Format(CultureInfo.InvariantCulture, "{0:0000}{1:00}", Year, Month.Value)
                : string.Format(CultureInfo.InvariantCulture, "{0:0000}{1:00}{2:00}", Year, Month.Value, Day.Value);

        /// <inheritdoc />
        public bool Equals(PartialDate other) => Year == other.Year && Month == other.Month && Day == other.Day;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => (((Year * 13) + (Month ?? 0)) * 32) + (Day ?? 0);

        /// <summary>The HL7 form (see <see cref="ToHl7"/>).</summary>
        /// <returns>The text.</returns>
        public override string ToString() => ToHl7();

        /// <summary>Equality.</summary>
        /// <param name="left">The first date.</param>
        /// <param name="right">The second date.</param>
        /// <returns>True when equal.</returns>
        public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

        /// <summary>Inequality.</summary>
        /// <param name="left">The first date.</param>
        /// <param name="right">The second date.</param>
        /// <returns>True when different.</returns>
        public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);
    }
}
