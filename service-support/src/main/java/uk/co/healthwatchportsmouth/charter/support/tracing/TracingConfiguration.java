package uk.co.healthwatchportsmouth.charter.support.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Connects {@link TraceParents} to Micrometer Tracing once the tracer exists. Injecting
 * through the {@link Propagator} writes exactly what an HTTP client or Kafka producer
 * would send ({@code traceparent} with W3C propagation).
 */
@AutoConfiguration
@ConditionalOnClass(Tracer.class)
public class TracingConfiguration {

	@Bean
	TraceParentsInstaller traceParentsInstaller(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceParentsInstaller(tracer, propagator);
	}

	/**
	 * Installs this context's tracer for {@link TraceParents#current()} and hands it to
	 * the outbox relay of this context, which continues traces with it.
	 */
	public static final class TraceParentsInstaller implements SmartInitializingSingleton, DisposableBean {

		private final ObjectProvider<Tracer> tracer;

		private final ObjectProvider<Propagator> propagator;

		private TraceParents.Bridge installed;

		TraceParentsInstaller(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
			this.tracer = tracer;
			this.propagator = propagator;
		}

		/** This context's tracer, or one that continues nothing if there is none. */
		public TraceParents.Bridge bridge() {
			return (this.installed != null) ? this.installed : TraceParents.Bridge.NONE;
		}

		@Override
		public void afterSingletonsInstantiated() {
			Tracer installedTracer = this.tracer.getIfAvailable();
			Propagator installedPropagator = this.propagator.getIfAvailable();
			if (installedTracer != null && installedPropagator != null) {
				this.installed = new MicrometerBridge(installedTracer, installedPropagator);
				TraceParents.install(this.installed);
			}
		}

		@Override
		public void destroy() {
			if (this.installed != null) {
				TraceParents.uninstall(this.installed);
			}
		}

	}

	record MicrometerBridge(Tracer tracer, Propagator propagator) implements TraceParents.Bridge {

		@Override
		public String current() {
			TraceContext context = this.tracer.currentTraceContext().context();
			if (context == null) {
				return null;
			}
			Map<String, String> carrier = new HashMap<>();
			this.propagator.inject(context, carrier, Map::put);
			return carrier.get(TraceParents.HEADER);
		}

		@Override
		public <T> T within(String traceParent, String spanName, Supplier<T> work) {
			Span span = this.propagator
				.extract(Map.of(TraceParents.HEADER, traceParent), (carrier, key) -> carrier.get(key))
				.name(spanName)
				.start();
			try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
				return work.get();
			}
			finally {
				span.end();
			}
		}

	}

}
