package uk.co.healthwatchportsmouth.charter.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The ports the local stack listens on, all on 127.0.0.1. */
public record StackPorts(int kafka, int kafkaController, int mongo, int smtp, int mailApi, int intake, int sla,
		int complaints, int notification) {

	/** The ports the README promises. */
	public static StackPorts defaults() {
		return new StackPorts(9092, 9093, 27017, 2525, 8025, 8081, 8082, 8083, 8084);
	}

	/** Free ports, for tests that must not collide with a running local stack. */
	public static StackPorts free() {
		return new StackPorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
				freePort(), freePort());
	}

	public boolean areDefaults() {
		return equals(defaults());
	}

	public int of(ServiceName service) {
		return switch (service) {
			case INTAKE -> this.intake;
			case SLA -> this.sla;
			case COMPLAINTS -> this.complaints;
			case NOTIFICATION -> this.notification;
		};
	}

	public String kafkaBootstrap() {
		return "127.0.0.1:" + this.kafka;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
