package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ComplaintsPropertiesTest {

	static ComplaintsProperties bind(Map<String, String> properties) {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("charter.complaints",
				Bindable.of(ComplaintsProperties.class), new ValidationBindHandler(validator));
	}

	@Test
	void defaultsToTwentyWorkingDaysAndTheBoardThenTheCouncil() {
		ComplaintsProperties properties = bind(Map.of());

		assertThat(properties.responseWorkingDays()).isEqualTo(20);
		assertThat(properties.stages()).containsExactly(
				new EscalationStage("BOARD", "Healthwatch Portsmouth board", 20),
				new EscalationStage("COMMISSIONING_COUNCIL", "Portsmouth City Council (commissioner)", 20));
	}

	@Test
	void bindsTheOrganisationsOwnProcedure() {
		ComplaintsProperties properties = bind(Map.of("charter.complaints.response-working-days", "15",
				"charter.complaints.default-handler-id", "jo", "charter.complaints.escalation-stages[0].code",
				"TRUSTEES", "charter.complaints.escalation-stages[0].name", "Trustees",
				"charter.complaints.escalation-stages[0].working-days", "10"));

		assertThat(properties.responseWorkingDays()).isEqualTo(15);
		assertThat(properties.defaultHandlerId()).isEqualTo("jo");
		assertThat(properties.stages()).containsExactly(new EscalationStage("TRUSTEES", "Trustees", 10));
	}

	@Test
	void refusesANonsensicalProcedure() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("charter.complaints.response-working-days", "0")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("charter.complaints.default-handler-id", "Jo Smith")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("charter.complaints.escalation-stages[0].code", "BOARD",
					"charter.complaints.escalation-stages[0].working-days", "20")));
	}

}
