using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DmpConnector.Identity
{
    /// <summary>
    /// An HL7 v2 composite value: components separated by <c>^</c>, each made of subcomponents separated by <c>&amp;</c>.
    /// The base of <see cref="Cx"/>, <see cref="Xcn"/>, <see cref="Xon"/> and <see cref="Ce"/>.
    /// </summary>
    /// <remarks>
    /// Values are immutable and kept decoded. Every component is kept, including ones this SDK does not name and
    /// trailing empty ones, so <c>Parse(s).Format() == s</c> for any value written with the standard escapes, and
    /// <c>Parse(x.Format()).Equals(x)</c> for any value. Equality ignores trailing empty components and subcomponents,
    /// as HL7 does.
    /// </remarks>
    public abstract class Hl7Composite : IEquatable<Hl7Composite>
    {
        private readonly string[][] _components;

        private protected Hl7Composite(string[][] components)
        {
            _components = components;
        }

        /// <summary>The number of components present, trailing empty ones included.</summary>
        public int ComponentCount => _components.Length;

        /// <summary>The HL7 name of the data type, e.g. <c>CX</c>.</summary>
        public abstract string TypeName { get; }

        /// <summary>Reads one subcomponent, decoded. Positions start at 1, as in the HL7 tables.</summary>
        /// <param name="component">The component position (1 = first).</param>
        /// <param name="subcomponent">The subcomponent position (1 = first).</param>
        /// <returns>The value, or an empty string when absent.</returns>
        public string GetValue(int component, int subcomponent = 1)
        {
            if (component < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(component), component, "HL7 positions start at 1.");
            }

            if (subcomponent < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(subcomponent), subcomponent, "HL7 positions start at 1.");
            }

            if (component > _components.Length)
            {
                return string.Empty;
            }

            string[] subs = _components[component - 1];
            return subcomponent > subs.Length ? string.Empty : subs[subcomponent - 1];
        }

        /// <summary>Writes the value in HL7 v2 form, with the standard escapes.</summary>
        /// <returns>The encoded value.</returns>
        public string Format()
        {
            var sb = new StringBuilder(32);
            for (int c = 0; c < _components.Length; c++)
            {
                if (c > 0)
                {
                    sb.Append(Hl7Encoding.ComponentSeparator);
                }

                string[] subs = _components[c];
                for (int s = 0; s < subs.Length; s++)
                {
                    if (s > 0)
                    {
                        sb.Append(Hl7Encoding.SubcomponentSeparator);
                    }

                    sb.Append(Hl7Encoding.Escape(subs[s]));
                }
            }

            return sb.ToString();
        }

        /// <summary>The encoded value (same as <see cref="Format"/>).</summary>
        /// <returns>The encoded value.</returns>
        /// <remarks>Composites may hold patient data (a patient CX holds the INS): the SDK never logs them.</remarks>
        public override string ToString() => Format();

        /// <inheritdoc />
        public bool Equals(Hl7Composite? other)
        {
            if (other is null || other.GetType() != GetType())
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            int n = Math.Max(LastNonEmpty(_components), LastNonEmpty(other._components));
            for (int c = 0; c < n; c++)
            {
                string[] a = c < _components.Length ? _components[c] : Array.Empty<string>();
                string[] b = c < other._components.Length ? other._components[c] : Array.Empty<string>();
                int m = Math.Max(LastNonEmpty(a), LastNonEmpty(b));
                for (int s = 0; s < m; s++)
                {
                    string x = s < a.Length ? a[s] : string.Empty;
                    string y = s < b.Length ? b[s] : string.Empty;
                    if (!string.Equals(x, y, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as Hl7Composite);

        /// <inheritdoc />
        public override int GetHashCode()
        {
            unchecked
            {
                int hash = GetType().GetHashCode();
                int n = LastNonEmpty(_components);
                for (int c = 0; c < n; c++)
                {
                    string[] subs = _components[c];
                    int m = LastNonEmpty(subs);
                    for (int s = 0; s < m; s++)
                    {
                        hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(subs[s]);
                    }

                    hash = (hash * 31) + c;
                }

                return hash;
            }
        }

        /// <summary>Returns the HD held in one component (namespace &amp; universal id &amp; universal id type), or null when empty.</summary>
        private protected Hd? GetHd(int component)
        {
            if (component > _components.Length)
            {
                return null;
            }

            string[] subs = _components[component - 1];
            return LastNonEmpty(subs) == 0 ? null : Hd.FromSubcomponents(subs);
        }

        /// <summary>The shared body of the types' <c>TryParse</c>: their <c>Parse</c>, with a typed failure turned into false.</summary>
        private protected static bool TryParse<T>(string? value, Func<string, T> parse, [NotNullWhen(true)] out T? result)
            where T : Hl7Composite
        {
            try
            {
                result = parse(value!);
                return true;
            }
            catch (Hl7FormatException)
            {
                result = null;
                return false;
            }
        }

        /// <summary>Splits and decodes an encoded composite, after the checks shared by every type.</summary>
        private protected static string[][] Split(string? value, string typeName)
        {
            if (value is null || value.Length == 0)
            {
                throw new Hl7FormatException(typeName, Hl7FormatException.EmptyRule, "a value is required", value);
            }

            if (value.Length > Hl7Encoding.MaxEncodedLength)
            {
                throw new Hl7FormatException(typeName, Hl7FormatException.LengthRule, $"an HL7 value is at most {Hl7Encoding.MaxEncodedLength} characters", value);
            }

            if (value.IndexOf(Hl7Encoding.FieldSeparator) >= 0 || value.IndexOf(Hl7Encoding.RepetitionSeparator) >= 0)
            {
                throw new Hl7FormatException(typeName, Hl7FormatException.DelimiterRule, "a single value contains no unescaped | or ~ (write them as \\F\\ and \\R\\)", value);
            }

            string[] rawComponents = value.Split(Hl7Encoding.ComponentSeparator);
            var result = new string[rawComponents.Length][];
            for (int c = 0; c < rawComponents.Length; c++)
            {
                string[] rawSubs = rawComponents[c].Split(Hl7Encoding.SubcomponentSeparator);
                var subs = new string[rawSubs.Length];
                for (int s = 0; s < rawSubs.Length; s++)
                {
                    subs[s] = Hl7Encoding.Unescape(rawSubs[s], typeName + "." + (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                result[c] = subs;
            }

            return result;
        }

        /// <summary>Builds the component table from typed parts: a string, an <see cref="Hd"/>, or null for empty.</summary>
        private protected static string[][] Build(params object?[] components)
        {
            int n = components.Length;
            while (n > 0 && IsEmpty(components[n - 1]))
            {
                n--;
            }

            var result = new string[n][];
            for (int c = 0; c < n; c++)
            {
                result[c] = components[c] switch
                {
                    null => new[] { string.Empty },
                    string s => new[] { s },
                    Hd hd => hd.ToSubcomponents(),
                    string[] subs => TrimTrailing(subs),
                    _ => throw new ArgumentException("Unsupported component type.", nameof(components)),
                };
            }

            return result;
        }

        private static bool IsEmpty(object? component) => component switch
        {
            null => true,
            string s => s.Length == 0,
            Hd hd => hd.IsEmpty,
            string[] subs => LastNonEmpty(subs) == 0,
            _ => false,
        };

        private static string[] TrimTrailing(string[] subs)
        {
            int m = LastNonEmpty(subs);
            if (m == 0)
            {
                return new[] { string.Empty };
            }

            var copy = new string[m];
            Array.Copy(subs, copy, m);
            return copy;
        }

        private static int LastNonEmpty(string[] items)
        {
            int n = items.Length;
            while (n > 0 && string.IsNullOrEmpty(items[n - 1]))
            {
                n--;
            }

            return n;
        }

        private static int LastNonEmpty(string[][] components)
        {
            int n = components.Length;
            while (n > 0 && LastNonEmpty(components[n - 1]) == 0)
            {
                n--;
            }

            return n;
        }
    }
}
