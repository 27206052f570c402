package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * Sends the outbox's messages to Spring Cloud Stream output bindings. A binding declared
 * up front ({@code spring.cloud.stream.output-bindings}) is a message channel bean of its
 * name, bound to the binder's producer: sending to it directly skips what
 * {@link StreamBridge#send} wraps around every message (a function invocation with its
 * own conversion, observation and CloudEvents header handling), which the outbox, sending
 * messages that are ready as they are, does not need and which cost as much CPU as the
 * send itself. Any other binding goes through the bridge.
 */
final class OutputBindings implements BiPredicate<String, Message<byte[]>> {

	private final StreamBridge bridge;

	private final Map<String, Optional<MessageChannel>> channels = new ConcurrentHashMap<>();

	private volatile ListableBeanFactory beans;

	OutputBindings(StreamBridge bridge) {
		this.bridge = bridge;
	}

	void channelsFrom(ListableBeanFactory beans) {
		this.beans = beans;
		this.channels.clear();
	}

	@Override
	public boolean test(String binding, Message<byte[]> message) {
		return channel(binding).map((channel) -> channel.send(message))
			.orElseGet(() -> this.bridge.send(binding, message));
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
