using System;
using System.Diagnostics.CodeAnalysis;

namespace DmpConnector.Identity
{
    /// <summary>
    /// A national structure identifier (Struct IdNat, OID <c>1.2.250.1.71.4.2.2</c>): a kind prefix and a national number,
    /// e.g. <c>1</c> + FINESS, <c>3</c> + SIRET, <c>4</c> + RPPS-rang (<c>499900063480001</c>). The VIHF
    /// <c>Identifiant_Structure</c> and XDS authorInstitution (XON.10) carry it.
    /// </summary>
    public sealed class StructureId : IEquatable<StructureId>
    {
        /// <summary>OID of the Struct IdNat namespace.</summary>
        public const string Oid = "1.2.250.1.71.4.2.2";

        /// <summary>The longest identifier accepted.</summary>
        public const int MaxLength = 64;

        private const string Field = "StructIdNat";

        private StructureId(StructureIdKind kind, string value, CheckKeyStatus checkKey)
        {
            Kind = kind;
            Value = value;
            CheckKey = checkKey;
        }

        /// <summary>The kind, from the first character.</summary>
        public StructureIdKind Kind { get; }

        /// <summary>The whole identifier, prefix included.</summary>
        public string Value { get; }

        /// <summary>The identifier without its kind prefix (the FINESS, SIREN, SIRET… number).</summary>
        public string NationalNumber => Value.Substring(1);

        /// <summary>What could be verified of the check key.</summary>
        public CheckKeyStatus CheckKey { get; }

        /// <summary>The Struct IdNat of a FINESS number: <c>1</c> + FINESS.</summary>
        /// <param name="finess">The 9-character FINESS number.</param>
        /// <returns>The identifier.</returns>
        public static StructureId FromFiness(string finess) => Parse("1" + finess);

        /// <summary>The Struct IdNat of a SIRET number: <c>3</c> + SIRET.</summary>
        /// <param name="siret">The 14-digit SIRET number.</param>
        /// <returns>The identifier.</returns>
        public static StructureId FromSiret(string siret) => Parse("3" + siret);

        /// <summary>Parses a Struct IdNat.</summary>
        /// <param name="value">The identifier, prefix included.</param>
        /// <param name="validation">Whether a wrong check key is rejected (default) or accepted.</param>
        /// <returns>The identifier.</returns>
        /// <exception cref="IdentifierFormatException">The identifier is malformed or its key is wrong.</exception>
        public static StructureId Parse(string value, IdentifierValidation validation = IdentifierValidation.Strict)
        {
            string? error = TryParseCore(value, validation, out StructureId? id, out string rule);
            return error is null ? id! : throw new IdentifierFormatException(Field, rule, error, value);
        }

        /// <summary>Parses without throwing.</summary>
        /// <param name="value">The identifier.</param>
        /// <param name="validation">The validation level.</param>
        /// <param name="result">The identifier when valid.</param>
        /// <returns>True when valid.</returns>
        public static bool TryParse(string? value, IdentifierValidation validation, [NotNullWhen(true)] out StructureId? result) =>
            TryParseCore(value, validation, out result, out _) is null;

        /// <summary>The DMP XON of this structure: <c>Name^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^StructIdNat</c>.</summary>
        /// <param name="organizationName">The structure's name.</param>
        /// <returns>The XON.</returns>
        public Xon ToXon(string organizationName) =>
            new(organizationName, Hd.ForOid(Oid), Xon.StructureIdType, Value);

        /// <inheritdoc />
        public bool Equals(StructureId? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as StructureId);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        /// <inheritdoc />
        public override string ToString() => Value;

        private static string? TryParseCore(string? value, IdentifierValidation validation, out StructureId? result, out string rule)
        {
            result = null;
            if (string.IsNullOrEmpty(value))
            {
                rule = IdentifierFormatException.EmptyRule;
                return "a Struct IdNat is required";
            }

            if (value!.Length < 2 || value.Length > MaxLength || !NationalNumbers.IsSafeIdentifierText(value))
            {
                rule = IdentifierFormatException.FormatRule;
                return $"a Struct IdNat has 2 to {MaxLength} printable characters, without spaces or | ^ ~ \\ &";
            }

            string rest = value.Substring(1);
            rule = IdentifierFormatException.FormatRule;
            CheckKeyStatus? key;
            StructureIdKind kind;
            switch (value[0])
            {
                case '0':
                    kind = StructureIdKind.CabinetAdeli;
                    if (!NationalNumbers.IsAdeliShape(rest))
                    {
                        return "a cabinet ADELI Struct IdNat is 0 followed by the 9-character ADELI number";
                    }

                    key = CheckKeyStatus.NotApplicable;
                    break;
                case '1':
                    kind = StructureIdKind.Finess;
                    if (!NationalNumbers.IsFinessShape(rest))
                    {
                        return "a FINESS Struct IdNat is 1 followed by the 9-character FINESS number";
                    }

                    key = NationalNumbers.FinessKey(rest);
                    break;
                case '2':
                    kind = StructureIdKind.Siren;
                    if (!NationalNumbers.IsSirenShape(rest))
                    {
                        return "a SIREN Struct IdNat is 2 followed by the 9-digit SIREN number";
                    }

                    key = NationalNumbers.SirenKey(rest);
                    break;
                case '3':
                    kind = StructureIdKind.Siret;
                    if (!NationalNumbers.IsSiretShape(rest))
                    {
                        return "a SIRET Struct IdNat is 3 followed by the 14-digit SIRET number";
                    }

                    key = NationalNumbers.SiretKey(rest);
                    break;
                case '4':
                    kind = StructureIdKind.RppsRang;
                    if (rest.Length < 12 || rest.Length > 14 || !Luhn.IsDigits(rest))
                    {
                        return "an RPPS-rang Struct IdNat is 4, the 11-digit RPPS number and a 1- to 3-digit rank";
                    }

                    key = NationalNumbers.RppsKey(rest.Substring(0, 11));
                    break;
                default:
                    rule = IdentifierFormatException.PrefixRule;
                    return "a Struct IdNat starts with 0 (cabinet ADELI), 1 (FINESS), 2 (SIREN), 3 (SIRET) or 4 (RPPS-rang)";
            }

            if (key is null && validation == IdentifierValidation.Strict)
            {
                rule = IdentifierFormatException.KeyRule;
                return "the Luhn check key of the national number is wrong; the value was probably mistyped";
            }

            result = new StructureId(kind, value, key ?? CheckKeyStatus.Invalid);
            return null;
        }
    }
}
