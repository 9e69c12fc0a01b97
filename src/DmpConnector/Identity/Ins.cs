using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DmpConnector.Diagnostics;

namespace DmpConnector.Identity
{
    /// <summary>
    /// The patient's INS (Identifiant National de Santé): a NIR or NIA matricule of 15 characters (13 + a 2-digit key)
    /// and the OID of its kind. Immutable; equal when kind and value are equal.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Parsing checks the length, the characters, the key (<c>97 − (13 digits mod 97)</c>, with the Corsican departments
    /// 2A and 2B read as 19 and 18), then the structure (sex, birth month, birth department). The key is checked first,
    /// so a mistyped digit is reported as <see cref="InsRule.Key"/>. Every rejection is an
    /// <see cref="InsFormatException"/> naming the rule.
    /// </para>
    /// <para>
    /// The INS is patient data: <see cref="ToString"/> does not print it (unless <see cref="DmpSensitiveData"/> is on);
    /// read <see cref="Value"/> explicitly.
    /// </para>
    /// </remarks>
    public sealed class Ins : IEquatable<Ins>
    {
        /// <summary>OID of the INS-NIR (production).</summary>
        public const string NirOid = "1.2.250.1.213.1.4.8";

        /// <summary>OID of the INS-NIA (temporary number).</summary>
        public const string NiaOid = "1.2.250.1.213.1.4.9";

        /// <summary>OID of the test INS-NIR used on the DMP test platforms.</summary>
        public const string NirTestOid = "1.2.250.1.213.1.4.10";

        /// <summary>OID of the demonstration INS-NIR.</summary>
        public const string NirDemoOid = "1.2.250.1.213.1.4.11";

        /// <summary>OID of the retired computed INS (INS-C), still returned by some DMP responses; never accepted as an INS.</summary>
        public const string InsCOid = "1.2.250.1.213.1.4.2";

        private const string Field = "INS";

        private Ins(InsKind kind, string value)
        {
            Kind = kind;
            Value = value;
        }

        /// <summary>The kind of INS, which decides <see cref="Oid"/>.</summary>
        public InsKind Kind { get; }

        /// <summary>The OID of the assigning authority for this kind.</summary>
        public string Oid => OidOf(Kind);

        /// <summary>The 15-character value: number then key (upper case for 2A/2B).</summary>
        public string Value { get; }

        /// <summary>The 13-character number (without the key), as INSi returns it in <c>NumIdentifiant</c>.</summary>
        public string Number => Value.Substring(0, 13);

        /// <summary>The 2-digit key, as INSi returns it in <c>Cle</c>.</summary>
        public string Key => Value.Substring(13, 2);

        /// <summary>The sex encoded in the first digit (1, 3, 7: male; 2, 4, 8: female).</summary>
        public Sex Sex => Value[0] is '1' or '3' or '7' ? Sex.Male : Sex.Female;

        /// <summary>True when the first digit marks a temporary number (7 or 8) or a pending registration (3 or 4).</summary>
        public bool IsTemporaryNumber => Value[0] is '3' or '4' or '7' or '8';

        /// <summary>The last two digits of the birth year (the century is not encoded).</summary>
        public string BirthYear => Value.Substring(1, 2);

        /// <summary>The birth month code as written (01–12, or a special value 20–42, 50–99).</summary>
        public string BirthMonthCode => Value.Substring(3, 2);

        /// <summary>The birth month 1–12, or null when the number carries a special value (month unknown).</summary>
        public int? BirthMonth
        {
            get
            {
                int m = TwoDigits(Value, 3);
                return m is >= 1 and <= 12 ? m : null;
            }
        }

        /// <summary>
        /// The birth department: two characters (01–95, 2A, 2B, 20 before 1976, 99 abroad…) or three for overseas
        /// (97x, 98x).
        /// </summary>
        public string BirthDepartment => IsOverseas ? Value.Substring(5, 3) : Value.Substring(5, 2);

        /// <summary>The birth commune within the department (three digits, two overseas), or the country code when born abroad.</summary>
        public string BirthCommune => IsOverseas ? Value.Substring(8, 2) : Value.Substring(7, 3);

        /// <summary>The 5-character birth place code (INSEE COG): department and commune, or <c>99</c> and the country code.</summary>
        public string BirthPlaceCode => Value.Substring(5, 5);

        /// <summary>True when born abroad (department 99; the commune part is then the INSEE country code).</summary>
        public bool IsBornAbroad => Value[5] == '9' && Value[6] == '9';

        /// <summary>The 3-digit order number of the birth registration.</summary>
        public string BirthOrder => Value.Substring(10, 3);

        private bool IsOverseas => Value[5] == '9' && Value[6] is '7' or '8';

        /// <summary>The OID of a kind of INS.</summary>
        /// <param name="kind">The kind.</param>
        /// <returns>The OID.</returns>
        public static string OidOf(InsKind kind) => kind switch
        {
            InsKind.Nir => NirOid,
            InsKind.Nia => NiaOid,
            InsKind.NirTest => NirTestOid,
            InsKind.NirDemo => NirDemoOid,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown INS kind."),
        };

        /// <summary>The kind of INS an OID designates.</summary>
        /// <param name="oid">The OID.</param>
        /// <param name="kind">The kind when the OID is an INS OID.</param>
        /// <returns>True when the OID is an INS OID.</returns>
        public static bool TryGetKind(string? oid, out InsKind kind)
        {
            switch (oid)
            {
                case NirOid: kind = InsKind.Nir; return true;
                case NiaOid: kind = InsKind.Nia; return true;
                case NirTestOid: kind = InsKind.NirTest; return true;
                case NirDemoOid: kind = InsKind.NirDemo; return true;
                default: kind = default; return false;
            }
        }

        /// <summary>Parses a 15-character INS (number and key, no separators).</summary>
        /// <param name="value">The value, e.g. <c>207058575627097</c>.</param>
        /// <param name="kind">The kind of INS (decides the OID); INS-NIR by default.</param>
        /// <returns>The INS.</returns>
        /// <exception cref="InsFormatException">A rule failed; <see cref="InsFormatException.InsRule"/> says which.</exception>
        public static Ins Parse(string value, InsKind kind = InsKind.Nir)
        {
            InsRule rule = Check(value, out string? normalized);
            return rule == InsRule.None ? new Ins(kind, normalized!) : throw new InsFormatException(Field, rule, value);
        }

        /// <summary>Parses an INS given as its 13-character number and 2-digit key, as INSi returns them.</summary>
        /// <param name="number">The 13-character number (<c>NumIdentifiant</c>).</param>
        /// <param name="key">The 2-digit key (<c>Cle</c>).</param>
        /// <param name="kind">The kind of INS; INS-NIR by default.</param>
        /// <returns>The INS.</returns>
        /// <exception cref="InsFormatException">A rule failed.</exception>
        public static Ins FromNumberAndKey(string number, string key, InsKind kind = InsKind.Nir)
        {
            if (string.IsNullOrEmpty(number) || string.IsNullOrEmpty(key))
            {
                throw new InsFormatException(Field, InsRule.Empty, number + key);
            }

            if (number.Length != 13 || key.Length != 2)
            {
                throw new InsFormatException(Field, InsRule.Length, number + key);
            }

            return Parse(number + key, kind);
        }

        /// <summary>Parses an INS written as an HL7 CX, <c>value^^^&amp;OID&amp;ISO^NH</c>; the OID decides the kind.</summary>
        /// <param name="cx">The CX string, e.g. <c>207058575627097^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH</c>.</param>
        /// <returns>The INS.</returns>
        /// <exception cref="InsFormatException">The CX is malformed, its OID is not an INS OID, or the value breaks a rule.</exception>
        /// <remarks>Components after CX.5 (such as the CX.7 date of the official TD2.1 example) are accepted and ignored.</remarks>
        public static Ins ParseCx(string cx)
        {
            InsRule rule = TryParseCxCore(cx, out Ins? ins);
            return rule == InsRule.None ? ins! : throw new InsFormatException(Field, rule, cx);
        }

        /// <summary>Reads the INS of a CX.</summary>
        /// <param name="cx">The CX.</param>
        /// <returns>The INS.</returns>
        /// <exception cref="InsFormatException">The CX is not an INS CX.</exception>
        public static Ins FromCx(Cx cx)
        {
            if (cx is null)
            {
                throw new ArgumentNullException(nameof(cx));
            }

            InsRule rule = FromCxCore(cx, out Ins? ins);
            return rule == InsRule.None ? ins! : throw new InsFormatException(Field, rule, cx.Format());
        }

        /// <summary>Parses a 15-character INS without throwing.</summary>
        /// <param name="value">The value.</param>
        /// <param name="kind">The kind of INS.</param>
        /// <param name="result">The INS when valid.</param>
        /// <param name="failedRule">The rule that failed, or <see cref="InsRule.None"/>.</param>
        /// <returns>True when valid.</returns>
        public static bool TryParse(string? value, InsKind kind, [NotNullWhen(true)] out Ins? result, out InsRule failedRule)
        {
            failedRule = Check(value, out string? normalized);
            result = failedRule == InsRule.None ? new Ins(kind, normalized!) : null;
            return result is not null;
        }

        /// <summary>Parses an INS in CX form without throwing.</summary>
        /// <param name="cx">The CX string.</param>
        /// <param name="result">The INS when valid.</param>
        /// <param name="failedRule">The rule that failed, or <see cref="InsRule.None"/>.</param>
        /// <returns>True when valid.</returns>
        public static bool TryParseCx(string? cx, [NotNullWhen(true)] out Ins? result, out InsRule failedRule)
        {
            failedRule = TryParseCxCore(cx, out result);
            return failedRule == InsRule.None;
        }

        /// <summary>Computes the key of a 13-character number (2A/2B allowed).</summary>
        /// <param name="number">The 13-character number.</param>
        /// <returns>The 2-digit key.</returns>
        /// <exception cref="InsFormatException">The number is not 13 valid characters.</exception>
        public static string ComputeKey(string number)
        {
            if (string.IsNullOrEmpty(number))
            {
                throw new InsFormatException(Field, InsRule.Empty, number);
            }

            if (number.Length != 13)
            {
                throw new InsFormatException(Field, InsRule.Length, number);
            }

            string upper = Normalize(number);
            if (!HasValidCharacters(upper, 13))
            {
                throw new InsFormatException(Field, InsRule.Characters, number);
            }

            return KeyOf(upper).ToString("00", CultureInfo.InvariantCulture);
        }

        /// <summary>The same INS under another kind (e.g. the INSi test NIR mapped to the DMP test OID).</summary>
        /// <param name="kind">The new kind.</param>
        /// <returns>The INS with the new kind.</returns>
        public Ins WithKind(InsKind kind) => kind == Kind ? this : new Ins(kind, Value);

        /// <summary>The HL7 CX form used by the DMP: <c>value^^^&amp;OID&amp;ISO^NH</c>.</summary>
        /// <returns>The CX.</returns>
        public Cx ToCx() => new(Value, Hd.ForOid(Oid), Cx.NationalHealthNumberType);

        /// <summary>The HL7 CX form as a string.</summary>
        /// <returns>The encoded CX, e.g. <c>207058575627097^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH</c>.</returns>
        public string FormatCx() => ToCx().Format();

        /// <inheritdoc />
        public bool Equals(Ins? other) => other is not null && other.Kind == Kind && string.Equals(other.Value, Value, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as Ins);

        /// <inheritdoc />
        public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Value) * 31) + (int)Kind;

        /// <summary>
        /// A description safe for logs: the kind, and the value only when <see cref="DmpSensitiveData"/> is on.
        /// </summary>
        /// <returns>E.g. <c>INS NirTest (redacted)</c>.</returns>
        public override string ToString() => DmpSensitiveData.IsIncluded ? $"INS {Kind} {Value}" : $"INS {Kind} (redacted)";

        private static InsRule TryParseCxCore(string? cx, out Ins? ins)
        {
            ins = null;
            if (string.IsNullOrEmpty(cx))
            {
                return InsRule.Empty;
            }

            if (!Cx.TryParse(cx, out Cx? parsed))
            {
                return InsRule.Cx;
            }

            return FromCxCore(parsed, out ins);
        }

        private static InsRule FromCxCore(Cx cx, out Ins? ins)
        {
            ins = null;
            Hd? authority = cx.AssigningAuthority;
            if (authority is null || authority.UniversalId.Length == 0)
            {
                return InsRule.Cx;
            }

            if (authority.UniversalIdType.Length != 0 && !string.Equals(authority.UniversalIdType, Hd.IsoType, StringComparison.Ordinal))
            {
                return InsRule.Cx;
            }

            if (cx.IdentifierTypeCode.Length != 0 && !string.Equals(cx.IdentifierTypeCode, Cx.NationalHealthNumberType, StringComparison.Ordinal))
            {
                return InsRule.Cx;
            }

            if (!TryGetKind(authority.UniversalId, out InsKind kind))
            {
                return InsRule.Oid;
            }

            InsRule rule = Check(cx.Id, out string? normalized);
            if (rule == InsRule.None)
            {
                ins = new Ins(kind, normalized!);
            }

            return rule;
        }

        private static InsRule Check(string? value, out string? normalized)
        {
            normalized = null;
            if (string.IsNullOrEmpty(value))
            {
                return InsRule.Empty;
            }

            if (value!.Length != 15)
            {
                return InsRule.Length;
            }

            string upper = Normalize(value);
            if (!HasValidCharacters(upper, 15))
            {
                return InsRule.Characters;
            }

            // The key first: a mistyped digit is then reported as what it is, whatever else it breaks.
            if (TwoDigits(upper, 13) != KeyOf(upper))
            {
                return InsRule.Key;
            }

            if (upper[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
            {
                return InsRule.Sex;
            }

            int month = TwoDigits(upper, 3);
            if (!(month is >= 1 and <= 12 || month is >= 20 and <= 42 || month >= 50))
            {
                return InsRule.Month;
            }

            if (upper[5] == '0' && upper[6] == '0')
            {
                return InsRule.Department;
            }

            normalized = upper;
            return InsRule.None;
        }

        /// <summary>Upper-cases the Corsican department letter (INSi's schema allows lower case).</summary>
        private static string Normalize(string value) =>
            value.Length > 6 && value[6] is 'a' or 'b' ? value.Substring(0, 6) + char.ToUpperInvariant(value[6]) + value.Substring(7) : value;

        private static bool HasValidCharacters(string value, int length)
        {
            for (int i = 0; i < length; i++)
            {
                char c = value[i];
                if (c is >= '0' and <= '9')
                {
                    continue;
                }

                // 2A / 2B: the only letters, at positions 6-7 (0-based 5-6).
                if (i == 6 && c is 'A' or 'B' && value[5] == '2')
                {
                    continue;
                }

                return false;
            }

            return true;
        }

        private static int KeyOf(string value)
        {
            long number = 0;
            for (int i = 0; i < 13; i++)
            {
                int digit;
                if (i == 6 && value[6] == 'A')
                {
                    // 2A is computed as 19: the department digits become 1 and 9.
                    number = (number - 2) + 1;
                    digit = 9;
                }
                else if (i == 6 && value[6] == 'B')
                {
                    number = (number - 2) + 1;
                    digit = 8;
                }
                else
                {
                    digit = value[i] - '0';
                }

                number = (number * 10) + digit;
            }

            return 97 - (int)(number % 97);
        }

        private static int TwoDigits(string value, int start)
        {
            char a = value[start];
            char b = value[start + 1];
            return a is >= '0' and <= '9' && b is >= '0' and <= '9' ? ((a - '0') * 10) + (b - '0') : -1;
        }
    }
}
