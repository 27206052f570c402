package uk.co.healthwatchportsmouth.charter.support.tracing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The W3C {@code traceparent} of the work in progress, captured where an event is saved
 * and restored where the outbox relay publishes it later on another thread, so that the
 * HTTP request (or consumed record) that caused an event and the handling of that event
 * by other services share one trace.
 *
 * <p>
 * Static because events are made in plain domain code ({@code PendingEvent.of}); the
 * tracer behind it is installed by {@link TracingConfiguration}. Without a tracer nothing
 * is captured and publishing runs as it is.
 */
public final class TraceParents {

	/** The Kafka header (and HTTP header) that carries the trace context. */
	public static final String HEADER = "traceparent";

	private static final Deque<Bridge> INSTALLED = new ArrayDeque<>();

	private static volatile Bridge bridge = Bridge.NONE;

	private TraceParents() {
	}

	/**
	 * The current trace context as a {@code traceparent} value, if a span is active in
	 * any of the installed tracers (one per application context).
	 */
	public static Optional<String> current() {
		String current = bridge.current();
		if (current == null) {
			// tests may run several contexts in one JVM; the span may be another one's
			for (Bridge other : installed().reversed()) {
				current = other.current();
				if (current != null) {
					break;
				}
			}
		}
		return Optional.ofNullable(current);
	}

	private static synchronized List<Bridge> installed() {
		return List.copyOf(INSTALLED);
	}

	/**
	 * Installs an application context's tracer. Several contexts may run in one JVM
	 * (tests, a restarted context): the latest still open is used.
	 */
	static synchronized void install(Bridge installed) {
		INSTALLED.addLast(installed);
		bridge = installed;
	}

	static synchronized void uninstall(Bridge installed) {
		INSTALLED.remove(installed);
		bridge = INSTALLED.isEmpty() ? Bridge.NONE : INSTALLED.getLast();
	}

	/** What a tracer must do for the outbox. */
	public interface Bridge {

		Bridge NONE = new Bridge() {
			@Override
			public String current() {
				return null;
			}

			@Override
			public <T> T within(String traceParent, String spanName, Supplier<T> work) {
				return work.get();
			}
		};

		/** The current {@code traceparent}, or null. */
		String current();

		/** Runs the work in a child span of the given trace. */
		<T> T within(String traceParent, String spanName, Supplier<T> work);

	}

}
