using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace DmpConnector.Xds
{
    /// <summary>
    /// An immutable list compared by its items, so that XDS records holding lists are equal when their contents are
    /// (a read → write → read round trip gives an equal model). Arrays and lists convert implicitly.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
    {
        private readonly T[] _items;

        /// <summary>Creates a list holding a copy of the items.</summary>
        /// <param name="items">The items, in order.</param>
        public EquatableList(IEnumerable<T> items)
        {
            if (items is null)
            {
                throw new ArgumentNullException(nameof(items));
            }

            _items = items.ToArray();
        }

        private EquatableList(T[] items, bool owned)
        {
            _ = owned;
            _items = items;
        }

        /// <summary>The empty list.</summary>
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "The natural place for the empty instance of a generic list.")]
        public static EquatableList<T> Empty { get; } = new(Array.Empty<T>());

        /// <inheritdoc />
        public int Count => _items.Length;

        /// <summary>A list over this array without copying it: the caller gives up the array (reader hot path).</summary>
        internal static EquatableList<T> Own(T[] items) => items.Length == 0 ? Empty : new EquatableList<T>(items, owned: true);

        /// <inheritdoc />
        public T this[int index] => _items[index];

        /// <summary>A list holding a copy of the array (null gives the empty list).</summary>
        /// <param name="items">The items.</param>
        public static implicit operator EquatableList<T>(T[]? items) => items is null || items.Length == 0 ? Empty : new EquatableList<T>(items);

        /// <summary>A list holding a copy of the list (null gives the empty list).</summary>
        /// <param name="items">The items.</param>
        public static implicit operator EquatableList<T>(List<T>? items) => items is null || items.Count == 0 ? Empty : new EquatableList<T>(items);

        /// <summary>Compares two lists by their items.</summary>
        /// <param name="left">The first list.</param>
        /// <param name="right">The second list.</param>
        /// <returns>True when both hold equal items in the same order.</returns>
        public static bool operator ==(EquatableList<T>? left, EquatableList<T>? right) => left is null ? right is null : left.Equals(right);

        /// <summary>Compares two lists by their items.</summary>
        /// <param name="left">The first list.</param>
        /// <param name="right">The second list.</param>
        /// <returns>True when they differ.</returns>
        public static bool operator !=(EquatableList<T>? left, EquatableList<T>? right) => !(left == right);

        /// <summary>A list from any sequence (the named alternative to the implicit conversions).</summary>
        /// <param name="items">The items.</param>
        /// <returns>The list.</returns>
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Named alternative to the implicit conversions (CA2225).")]
        public static EquatableList<T> From(IEnumerable<T>? items) => items is null ? Empty : new EquatableList<T>(items);

        /// <summary>A copy with one more item at the end.</summary>
        /// <param name="item">The item.</param>
        /// <returns>The new list.</returns>
        public EquatableList<T> Add(T item) => new(_items.Concat(new[] { item }));

        /// <inheritdoc />
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

        /// <inheritdoc />
        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

        /// <inheritdoc />
        public bool Equals(EquatableList<T>? other)
        {
            if (other is null)
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            return _items.SequenceEqual(other._items);
        }

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

        /// <inheritdoc />
        public override int GetHashCode()
        {
            unchecked
            {
                int hash = 17;
                foreach (T item in _items)
                {
                    hash = (hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item));
                }

                return hash;
            }
        }

        /// <summary>The items, for diagnostics.</summary>
        /// <returns>The text.</returns>
        public override string ToString() => "[" + string.Join(", ", _items.Select(i => i?.ToString())) + "]";
    }
}
