package uk.co.healthwatchportsmouth.charter.notification.staff;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The staff directory, {@code charter.notification.staff}.
 *
 * @param staff everyone who may be named as an assignee or a manager
 */
@Validated
@ConfigurationProperties("charter.notification")
public record StaffProperties(@NotNull @DefaultValue List<@Valid @NotNull Member> staff) {

	/**
	 * One staff member.
	 *
	 * @param id the staff id events carry
	 * @param name the name emails greet them by
	 * @param email their work email address
	 * @param team their team (optional)
	 * @param managerId the id of their manager (optional), copied in on breaches
	 * @param active {@code false} for someone who has left: they receive nothing
	 */
	public record Member(@NotBlank String id, @NotBlank String name, @NotBlank @Email String email, String team,
			String managerId, @DefaultValue("true") boolean active) {

		StaffMember toStaffMember() {
			return new StaffMember(this.id, this.name, this.email, blankToNull(this.team), blankToNull(this.managerId),
					this.active);
		}

		private static String blankToNull(String text) {
			return (text == null || text.isBlank()) ? null : text;
		}

	}

	public StaffDirectory toDirectory() {
		return new StaffDirectory(this.staff.stream().map(Member::toStaffMember).toList());
	}

}
