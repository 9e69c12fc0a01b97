using System;
using System.Diagnostics.CodeAnalysis;

namespace DmpConnector.Identity
{
    /// <summary>
    /// A national health professional identifier (IdNat PS, OID <c>1.2.250.1.71.4.2.1</c>): a kind prefix and a national
    /// number, e.g. <c>8</c> + RPPS <c>99900063480</c> = <c>899900063480</c>. The VIHF NameID and XDS authorPerson carry it.
    /// </summary>
    public sealed class ProfessionalId : IEquatable<ProfessionalId>
    {
        /// <summary>OID of the IdNat PS namespace.</summary>
        public const string Oid = "1.2.250.1.71.4.2.1";

        /// <summary>The longest identifier accepted.</summary>
        public const int MaxLength = 64;

        private const string Field = "IdNatPS";

        private ProfessionalId(ProfessionalIdKind kind, string value, CheckKeyStatus checkKey)
        {
            Kind = kind;
            Value = value;
            CheckKey = checkKey;
        }

        /// <summary>The kind, from the first character.</summary>
        public ProfessionalIdKind Kind { get; }

        /// <summary>The whole identifier, prefix included.</summary>
        public string Value { get; }

        /// <summary>The identifier without its kind prefix (e.g. the RPPS number).</summary>
        public string NationalNumber => Value.Substring(1);

        /// <summary>The national number before any <c>/</c> (the RPPS, ADELI, FINESS, SIREN or SIRET part).</summary>
        public string BaseIdentifier
        {
            get
            {
                int slash = Value.IndexOf('/');
                return slash < 0 ? Value.Substring(1) : Value.Substring(1, slash - 1);
            }
        }

        /// <summary>The internal id after <c>/</c>, or null.</summary>
        public string? InternalId
        {
            get
            {
                int slash = Value.IndexOf('/');
                return slash < 0 ? null : Value.Substring(slash + 1);
            }
        }

        /// <summary>What could be verified of the check key.</summary>
        public CheckKeyStatus CheckKey { get; }

        /// <summary>The IdNat PS of an RPPS number: <c>8</c> + RPPS.</summary>
        /// <param name="rpps">The 11-digit RPPS number.</param>
        /// <returns>The identifier.</returns>
        /// <exception cref="IdentifierFormatException">The RPPS is malformed or its key is wrong.</exception>
        public static ProfessionalId FromRpps(string rpps) => Parse("8" + rpps);

        /// <summary>The IdNat PS of an ADELI number: <c>0</c> + ADELI.</summary>
        /// <param name="adeli">The 9-character ADELI number.</param>
        /// <returns>The identifier.</returns>
        /// <exception cref="IdentifierFormatException">The ADELI number is malformed.</exception>
        public static ProfessionalId FromAdeli(string adeli) => Parse("0" + adeli);

        /// <summary>Parses an IdNat PS.</summary>
        /// <param name="value">The identifier, prefix included.</param>
        /// <param name="validation">Whether a wrong check key is rejected (default) or accepted.</param>
        /// <returns>The identifier.</returns>
        /// <exception cref="IdentifierFormatException">The identifier is malformed or its key is wrong.</exception>
        public static ProfessionalId Parse(string value, IdentifierValidation validation = IdentifierValidation.Strict)
        {
            string? error = TryParseCore(value, validation, out ProfessionalId? id, out string rule);
            return error is null ? id! : throw new IdentifierFormatException(Field, rule, error, value);
        }

        /// <summary>Parses without throwing.</summary>
        /// <param name="value">The identifier.</param>
        /// <param name="validation">The validation level.</param>
        /// <param name="result">The identifier when valid.</param>
        /// <returns>True when valid.</returns>
        public static bool TryParse(string? value, IdentifierValidation validation, [NotNullWhen(true)] out ProfessionalId? result) =>
            TryParseCore(value, validation, out result, out _) is null;

        /// <summary>The DMP XCN of this professional: <c>id^FAMILY^Given^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS</c>.</summary>
        /// <param name="familyName">The family name.</param>
        /// <param name="givenName">The given name.</param>
        /// <returns>The XCN.</returns>
        public Xcn ToXcn(string? familyName, string? givenName) =>
            new(Value, familyName, givenName, assigningAuthority: Hd.ForOid(Oid), nameTypeCode: Xcn.PersonNameType, identifierTypeCode: Xcn.ProfessionalIdType);

        /// <inheritdoc />
        public bool Equals(ProfessionalId? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as ProfessionalId);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        /// <inheritdoc />
        public override string ToString() => Value;

        private static string? TryParseCore(string? value, IdentifierValidation validation, out ProfessionalId? result, out string rule)
        {
            result = null;
            if (string.IsNullOrEmpty(value))
            {
                rule = IdentifierFormatException.EmptyRule;
                return "an IdNat PS is required";
            }

            if (value!.Length < 2 || value.Length > MaxLength || !NationalNumbers.IsSafeIdentifierText(value))
            {
                rule = IdentifierFormatException.FormatRule;
                return $"an IdNat PS has 2 to {MaxLength} printable characters, without spaces or | ^ ~ \\ &";
            }

            string rest = value.Substring(1);
            int slash = rest.IndexOf('/');
            string baseId = slash < 0 ? rest : rest.Substring(0, slash);
            rule = IdentifierFormatException.FormatRule;
            CheckKeyStatus? key;
            ProfessionalIdKind kind;
            switch (value[0])
            {
                case '8':
                    kind = ProfessionalIdKind.Rpps;
                    if (!NationalNumbers.IsRppsShape(rest))
                    {
                        return "an RPPS IdNat PS is 8 followed by the 11-digit RPPS number";
                    }

                    key = NationalNumbers.RppsKey(rest);
                    break;
                case '0':
                    kind = ProfessionalIdKind.Adeli;
                    if (!NationalNumbers.IsAdeliShape(rest))
                    {
                        return "an ADELI IdNat PS is 0 followed by the 9-character ADELI number";
                    }

                    key = CheckKeyStatus.NotApplicable;
                    break;
                case '3':
                    kind = ProfessionalIdKind.FinessInternal;
                    if (!NationalNumbers.IsFinessShape(baseId) || slash < 0 || slash == rest.Length - 1)
                    {
                        return "a FINESS IdNat PS is 3, the 9-character FINESS, / and the internal id";
                    }

                    key = NationalNumbers.FinessKey(baseId);
                    break;
                case '4':
                    kind = ProfessionalIdKind.SirenInternal;
                    if (!NationalNumbers.IsSirenShape(baseId) || slash < 0 || slash == rest.Length - 1)
                    {
                        return "a SIREN IdNat PS is 4, the 9-digit SIREN, / and the internal id";
                    }

                    key = NationalNumbers.SirenKey(baseId);
                    break;
                case '5':
                    kind = ProfessionalIdKind.SiretInternal;
                    if (!NationalNumbers.IsSiretShape(baseId) || slash < 0 || slash == rest.Length - 1)
                    {
                        return "a SIRET IdNat PS is 5, the 14-digit SIRET, / and the internal id";
                    }

                    key = NationalNumbers.SiretKey(baseId);
                    break;
                case '1':
                case '6':
                    kind = value[0] == '1' ? ProfessionalIdKind.CabinetAdeliInternal : ProfessionalIdKind.CabinetRppsInternal;
                    if (baseId.Length == 0 || slash < 0 || slash == rest.Length - 1)
                    {
                        return "a cabinet IdNat PS is 1 or 6, the cabinet's number, / and the internal id";
                    }

                    key = CheckKeyStatus.NotApplicable;
                    break;
                default:
                    rule = IdentifierFormatException.PrefixRule;
                    return "an IdNat PS starts with 0 (ADELI), 1 (cabinet ADELI), 3 (FINESS), 4 (SIREN), 5 (SIRET), 6 (cabinet RPPS) or 8 (RPPS)";
            }

            if (key is null)
            {
                if (validation == IdentifierValidation.Strict)
                {
                    rule = IdentifierFormatException.KeyRule;
                    return "the Luhn check key of the national number is wrong; the value was probably mistyped";
                }
            }

            result = new ProfessionalId(kind, value, key ?? CheckKeyStatus.Invalid);
            return null;
        }
    }
}
