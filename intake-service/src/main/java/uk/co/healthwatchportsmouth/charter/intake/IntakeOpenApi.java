package uk.co.healthwatchportsmouth.charter.intake;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.context.annotation.Configuration;

/** Describes the service on /v3/api-docs and /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Charter intake service", version = "v1",
		description = "Logs every customer contact with Healthwatch Portsmouth and records when the customer was "
				+ "answered. Each change is published on the Kafka topic charter.contact-events (ids and facts only; "
				+ "customer details stay here), where the SLA service starts and stops the charter clocks."))
class IntakeOpenApi {

}
