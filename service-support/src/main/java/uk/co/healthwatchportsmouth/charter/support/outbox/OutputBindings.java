package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends the outbox's messages to Spring Cloud Stream output bindings and answers with the
 * broker's acknowledgement to come.
 *
 * <p>
 * A binding declared up front ({@code spring.cloud.stream.output-bindings}) is a message
 * channel bean of its name, bound to the binder's producer: sending to it directly skips
 * what {@link StreamBridge#send} wraps around every message (a function invocation with
 * its own conversion, observation and CloudEvents header handling), which the outbox,
 * sending messages that are ready as they are, does not need and which cost as much CPU
 * as the send itself. Any other binding goes through the bridge.
 *
 * <p>
 * The acknowledgement comes from the binder's Kafka producer handler: for a message
 * carrying a {@link KafkaIntegrationHeaders#FUTURE_TOKEN} it hands the send's future to
 * its futures channel ({@link #sendResults()}, installed on every producer binding by
 * {@link OutboxConfiguration}) on the sending thread, before it returns. A binding that
 * sends asynchronously ({@code sync: false}) so lets the relay send a whole batch before
 * waiting, instead of one thread blocked per message. A binding that hands no future back
 * was sent synchronously, and its answer is the acknowledgement.
 */
final class OutputBindings implements BiFunction<String, Message<byte[]>, CompletableFuture<?>> {

	private static final String TOKEN = "outbox";

	// the handler calls the futures channel on the thread that sends, before send returns
	private static final ThreadLocal<CompletableFuture<?>> handedBack = new ThreadLocal<>();

	private static final MessageChannel SEND_RESULTS = (message, timeout) -> {
		if (message.getPayload() instanceof CompletableFuture<?> future) {
			handedBack.set(future);
		}
		return true;
	};

	private final StreamBridge bridge;

	private final Map<String, Optional<MessageChannel>> channels = new ConcurrentHashMap<>();

	private volatile ListableBeanFactory beans;

	OutputBindings(StreamBridge bridge) {
		this.bridge = bridge;
	}

	/** Where the binder's producer handlers hand back the future of each send. */
	static MessageChannel sendResults() {
		return SEND_RESULTS;
	}

	void channelsFrom(ListableBeanFactory beans) {
		this.beans = beans;
		this.channels.clear();
	}

	@Override
	public CompletableFuture<?> apply(String binding, Message<byte[]> message) {
		Message<byte[]> tokened = MessageBuilder.fromMessage(message)
			.setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, TOKEN)
			.build();
		handedBack.remove();
		try {
			boolean accepted = channel(binding).map((channel) -> channel.send(tokened))
				.orElseGet(() -> this.bridge.send(binding, tokened));
			CompletableFuture<?> acknowledgement = handedBack.get();
			if (acknowledgement != null) {
				return acknowledgement;
			}
			return accepted ? CompletableFuture.completedFuture(null) : CompletableFuture
				.failedFuture(new IllegalStateException("Binding " + binding + " refused the message"));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		finally {
			handedBack.remove();
		}
	}

	private Optional<MessageChannel> channel(String binding) {
		ListableBeanFactory found = this.beans;
		if (found == null) {
			return Optional.empty();
		}
		return this.channels.computeIfAbsent(binding,
				(name) -> found.containsBean(name) && found.isTypeMatch(name, MessageChannel.class)
						? Optional.of(found.getBean(name, MessageChannel.class)) : Optional.empty());
	}

}
