package uk.co.healthwatchportsmouth.charter.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;

import uk.co.healthwatchportsmouth.charter.sla.standard.StandardKind;

import static org.assertj.core.api.Assertions.assertThat;

class SlaPropertiesTest {

	@EnableConfigurationProperties(SlaProperties.class)
	static class Binding {

	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

	@Test
	void theShippedConfigurationIsTheCharter() {
		this.runner.withInitializer(new ConfigDataApplicationContextInitializer()).run((context) -> {
			SlaProperties properties = context.getBean(SlaProperties.class);

			assertThat(properties.standards()).containsOnlyKeys("EMAIL", "ANSWERPHONE", "LETTER",
					"COMPLAINT_ACKNOWLEDGEMENT", "COMPLAINT_RESPONSE", "COMPLAINT_ESCALATION", "PROMISED_RESPONSE",
					"ANSWERPHONE_CHECK");
			assertThat(properties.standards().get("COMPLAINT_ACKNOWLEDGEMENT").workingDays()).isEqualTo(5);
			assertThat(properties.standards().get("COMPLAINT_RESPONSE").workingDays()).isEqualTo(20);
			assertThat(properties.standards().get("COMPLAINT_ESCALATION").kind()).isEqualTo(StandardKind.WORKING_DAYS);
			assertThat(properties.standards().get("COMPLAINT_ESCALATION").workingDays())
				.as("the default; each stage's working days travel on complaint.escalated.v1")
				.isEqualTo(20);
			assertThat(properties.standards().get("PROMISED_RESPONSE").kind()).isEqualTo(StandardKind.PROMISED);
			assertThat(properties.standards().get("ANSWERPHONE_CHECK").kind()).isEqualTo(StandardKind.DAILY_CHECK);
			assertThat(properties.standards().get("ANSWERPHONE_CHECK").checkBy()).isEqualTo(LocalTime.of(10, 0));
			assertThat(properties.standards().get("EMAIL").version()).isEqualTo(1);
			assertThat(properties.standards().get("EMAIL").workingDays()).isEqualTo(2);
			assertThat(properties.standards().get("ANSWERPHONE").workingDays()).isEqualTo(1);
			assertThat(properties.standards().get("LETTER").workingDays()).isEqualTo(5);
			assertThat(properties.channels()).containsExactlyInAnyOrderEntriesOf(
					Map.of("EMAIL", "EMAIL", "WEB_FORM", "EMAIL", "SOCIAL_MEDIA", "EMAIL", "IN_PERSON", "EMAIL",
							"PHONE", "EMAIL", "ANSWERPHONE", "ANSWERPHONE", "LETTER", "LETTER"));
			assertThat(properties.reminders().fractions()).containsExactly(0.5);
			assertThat(properties.reminders().beforeDeadline()).containsExactly(Duration.ofHours(2));
			assertThat(properties.calendar().closures()).isEmpty();
			assertThat(properties.calendar().bankHolidaysFile()).isNull();
			assertThat(properties.calendar().zone()).isEqualTo(ZoneId.of("Europe/London"));
			assertThat(properties.calendar().opensAt()).isEqualTo(LocalTime.of(9, 0));
			assertThat(properties.calendar().closesAt()).isEqualTo(LocalTime.of(17, 0));
			assertThat(properties.timers().maxSleep()).isEqualTo(Duration.ofMillis(200));
		});
	}

	@Test
	void aChannelMustNameAStandardThatExists() {
		this.runner.withPropertyValues("charter.sla.standards.EMAIL.working-days=2", "charter.sla.channels.FAX=FAX")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("charter.sla.channels.FAX"));
	}

	@Test
	void aStandardMustGiveAtLeastOneWorkingDay() {
		this.runner.withPropertyValues("charter.sla.standards.EMAIL.working-days=0", "charter.sla.channels.EMAIL=EMAIL")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("charter.sla.standards.EMAIL.working-days"));
	}

	@Test
	void aDailyCheckNeedsATimeAndAWorkingDaysStandardItsDays() {
		this.runner
			.withPropertyValues("charter.sla.standards.CHECK.kind=DAILY_CHECK", "charter.sla.channels.EMAIL=CHECK")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("charter.sla.standards.CHECK.check-by"));
		this.runner.withPropertyValues("charter.sla.standards.EMAIL.version=2", "charter.sla.channels.EMAIL=EMAIL")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("charter.sla.standards.EMAIL.working-days"));
	}

	@Test
	void reminderPointsMustLieInsideTheWorkingTime() {
		this.runner
			.withPropertyValues("charter.sla.standards.EMAIL.working-days=2", "charter.sla.channels.EMAIL=EMAIL",
					"charter.sla.reminders.fractions=1.5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("charter.sla.reminders.fractions"));
	}

	@Test
	void closureDaysAndANewerBankHolidayFileAreConfigured() {
		this.runner
			.withPropertyValues("charter.sla.standards.EMAIL.working-days=2", "charter.sla.channels.EMAIL=EMAIL",
					"charter.sla.calendar.closures=2026-12-24,2026-12-31",
					"charter.sla.calendar.bank-holidays-file=/etc/charter/bank-holidays.json")
			.run((context) -> {
				SlaProperties properties = context.getBean(SlaProperties.class);
				assertThat(properties.calendar().closures()).containsExactly(LocalDate.of(2026, 12, 24),
						LocalDate.of(2026, 12, 31));
				assertThat(properties.calendar().bankHolidaysFile()).hasToString("/etc/charter/bank-holidays.json");
			});
	}

	@Test
	void standardsAndChannelsAreRequired() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("standards")
			.hasStackTraceContaining("channels"));
	}

	@Test
	void theRestDefaults() {
		this.runner.withPropertyValues("charter.sla.standards.EMAIL.working-days=2", "charter.sla.channels.EMAIL=EMAIL")
			.run((context) -> {
				SlaProperties properties = context.getBean(SlaProperties.class);
				assertThat(properties.reminders().beforeDeadline()).containsExactly(Duration.ofHours(2));
				assertThat(properties.calendar().closesAt()).isEqualTo(LocalTime.of(17, 0));
				assertThat(properties.timers().retryDelay()).isEqualTo(Duration.ofSeconds(1));
			});
	}

}
