package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.util.Objects;

/**
 * A staff member a notification is for.
 *
 * @param role whether they are in To or Cc
 * @param staffId their staff id, as the event named them
 * @param name their name, or {@code null} if the directory does not know them
 * @param address their email address, or {@code null} if the directory does not know them
 */
public record Recipient(Role role, String staffId, String name, String address) {

	public Recipient {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(staffId, "staffId");
	}

	public enum Role {

		TO, CC

	}

}
