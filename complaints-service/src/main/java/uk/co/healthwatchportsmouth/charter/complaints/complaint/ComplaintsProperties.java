package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The organisation's complaints procedure.
 *
 * @param responseWorkingDays {@code charter.complaints.response-working-days}: working
 * days from acknowledgement to response, default 20 (travels on complaint.acknowledged.v1
 * to sla-service)
 * @param defaultHandlerId {@code charter.complaints.default-handler-id}: who handles a
 * complaint when neither the request nor X-Staff-Id names anyone, and complaints
 * escalated from contacts without a member of staff
 * @param escalationStages {@code charter.complaints.escalation-stages}: the stages a
 * complainant who is not satisfied can escalate to, in order; default the board, then the
 * commissioning council, 20 working days each
 */
@Validated
@ConfigurationProperties("charter.complaints")
public record ComplaintsProperties(@DefaultValue("20") @Min(1) @Max(250) int responseWorkingDays,
		@NotBlank @Pattern(regexp = "[a-z0-9._-]{1,64}") @DefaultValue("complaints-lead") String defaultHandlerId,
		@NotEmpty @Valid List<Stage> escalationStages) {

	/** One escalation stage: its code on events, its name for people, its timescale. */
	public record Stage(@NotBlank @Pattern(regexp = "[A-Z0-9_]{1,40}") String code, @NotBlank String name,
			@Min(1) @Max(250) int workingDays) {
	}

	static final List<Stage> DEFAULT_STAGES = List.of(new Stage("BOARD", "Healthwatch Portsmouth board", 20),
			new Stage("COMMISSIONING_COUNCIL", "Portsmouth City Council (commissioner)", 20));

	public ComplaintsProperties {
		if (escalationStages == null) {
			escalationStages = DEFAULT_STAGES;
		}
	}

	/** The stages as the domain sees them. */
	public List<EscalationStage> stages() {
		return this.escalationStages.stream()
			.map((stage) -> new EscalationStage(stage.code(), stage.name(), stage.workingDays()))
			.toList();
	}

}
