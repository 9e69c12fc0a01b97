using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace DmpConnector.Tests.Support
{
    /// <summary>An ILogger that keeps what it is given, so tests can check event ids, levels and that no patient data leaks.</summary>
    internal sealed class CapturingLogger : ILogger
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => _entries.ToArray();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue(new Entry(logLevel, eventId, formatter(state, exception)));

        public IEnumerable<Entry> WithEvent(int id) => Entries.Where(e => e.EventId.Id == id);

        internal sealed record Entry(LogLevel Level, EventId EventId, string Message);
    }
}
