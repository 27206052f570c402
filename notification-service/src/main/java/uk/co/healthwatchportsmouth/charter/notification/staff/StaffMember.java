package uk.co.healthwatchportsmouth.charter.notification.staff;

import java.util.Objects;

/**
 * Someone at Healthwatch Portsmouth who can be told about a contact. Only this service
 * knows staff email addresses: events name staff by id.
 *
 * @param id the staff id events carry
 * @param name how emails greet them
 * @param email where their notifications go
 * @param team the team they work in (may be {@code null})
 * @param managerId who is copied in when they breach the charter (may be {@code null})
 * @param active whether they still receive notifications
 */
public record StaffMember(String id, String name, String email, String team, String managerId, boolean active) {

	public StaffMember {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(email, "email");
	}

}
