package uk.co.healthwatchportsmouth.charter.notification.staff;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.support.problem.NotFoundException;

/**
 * The staff directory: who notifications go to. Nobody is deleted; set {@code active} to
 * {@code false} for someone who has left.
 */
@RestController
@RequestMapping("/staff")
@Tag(name = "Staff directory", description = "Who notifications go to. Staff may look people up; adding "
		+ "or changing someone is manager-only.")
class StaffController {

	private final StaffRoster roster;

	StaffController(StaffRoster roster) {
		this.roster = roster;
	}

	@GetMapping
	@Operation(summary = "Everyone in the directory, active or not, by id",
			description = "Becomes manager-only with the security issue.")
	List<StaffMember> list() {
		return this.roster.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One staff member", description = "Becomes manager-only with the security issue.")
	StaffMember get(@PathVariable String id) {
		return this.roster.find(id).orElseThrow(() -> new NotFoundException("No staff member with id " + id));
	}

	@PostMapping
	@Operation(summary = "Adds a staff member; 409 if the id is taken",
			description = "Becomes manager-only with the security issue.")
	ResponseEntity<StaffMember> create(@Valid @RequestBody NewStaffMember body) {
		StaffMember created = this.roster.create(body.details().toStaffMember(body.id()));
		return ResponseEntity.created(URI.create("/staff/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replaces a staff member's details; \"active\": false deactivates them",
			description = "Becomes manager-only with the security issue.")
	StaffMember update(@PathVariable String id, @Valid @RequestBody StaffDetails body) {
		return this.roster.update(body.toStaffMember(id));
	}

	/**
	 * A new staff member.
	 *
	 * @param id the staff id events will carry: letters, digits, dot, dash, underscore
	 */
	record NewStaffMember(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String id,
			@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email,
			@Size(max = 100) String team, String managerId, Boolean active) {

		StaffDetails details() {
			return new StaffDetails(this.name, this.email, this.team, this.managerId, this.active);
		}

	}

	/**
	 * @param active whether they receive notifications; {@code true} when left out of a
	 * new member, required on an update
	 */
	record StaffDetails(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email,
			@Size(max = 100) String team, String managerId, @NotNull Boolean active) {

		StaffMember toStaffMember(String id) {
			return new StaffMember(id, this.name.strip(), this.email.strip(), blankToNull(this.team),
					blankToNull(this.managerId), this.active == null || this.active);
		}

		private static String blankToNull(String text) {
			return (text == null || text.isBlank()) ? null : text.strip();
		}

	}

}
