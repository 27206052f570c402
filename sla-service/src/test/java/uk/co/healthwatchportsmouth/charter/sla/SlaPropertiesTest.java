package uk.co.healthwatchportsmouth.charter.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;

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

			assertThat(properties.standards()).containsOnlyKeys("EMAIL", "ANSWERPHONE", "LETTER");
			assertThat(properties.standards().get("EMAIL").workingDays()).isEqualTo(2);
			assertThat(properties.standards().get("ANSWERPHONE").workingDays()).isEqualTo(1);
			assertThat(properties.standards().get("LETTER").workingDays()).isEqualTo(5);
			assertThat(properties.channels()).containsExactlyInAnyOrderEntriesOf(
					Map.of("EMAIL", "EMAIL", "WEB_FORM", "EMAIL", "SOCIAL_MEDIA", "EMAIL", "IN_PERSON", "EMAIL",
							"PHONE", "EMAIL", "ANSWERPHONE", "ANSWERPHONE", "LETTER", "LETTER"));
			assertThat(properties.reminderBefore()).isEqualTo(Duration.ofHours(2));
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
			.run((context) -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("workingDays"));
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
				assertThat(properties.reminderBefore()).isEqualTo(Duration.ofHours(2));
				assertThat(properties.calendar().closesAt()).isEqualTo(LocalTime.of(17, 0));
				assertThat(properties.timers().retryDelay()).isEqualTo(Duration.ofSeconds(1));
			});
	}

}
