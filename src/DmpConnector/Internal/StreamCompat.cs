using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace DmpConnector.Internal
{
    /// <summary>Array-segment stream I/O that uses the Memory overloads where they exist (net8+) and the array ones on netstandard2.0.</summary>
    internal static class StreamCompat
    {
#if NET
        public static ValueTask WriteChunkAsync(this Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            stream.WriteAsync(new System.ReadOnlyMemory<byte>(buffer, offset, count), cancellationToken);

        public static ValueTask<int> ReadChunkAsync(this Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            stream.ReadAsync(new System.Memory<byte>(buffer, offset, count), cancellationToken);
#else
        public static Task WriteChunkAsync(this Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            stream.WriteAsync(buffer, offset, count, cancellationToken);

        public static Task<int> ReadChunkAsync(this Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            stream.ReadAsync(buffer, offset, count, cancellationToken);
#endif

        /// <summary>True when <paramref name="value"/> contains any of <paramref name="characters"/>.</summary>
        public static bool ContainsAny(string value, string characters)
        {
            foreach (char c in value)
            {
                if (characters.IndexOf(c) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
