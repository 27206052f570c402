package uk.co.healthwatchportsmouth.charter.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same fact always gets the same id, so a producer that
 * retries, or a consumer that sees a record twice, can recognise it.
 */
public final class EventIds {

	private EventIds() {
	}

	public static String of(String... parts) {
		return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
