package uk.co.healthwatchportsmouth.charter.intake;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.context.annotation.Configuration;

/** Describes the service on /v3/api-docs and /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Charter intake service", version = "v1",
		description = "Logs every customer contact with Healthwatch Portsmouth and records when the customer was "
				+ "answered. Each change is published on the Kafka topic charter.contact-events (ids and facts only; "
				+ "customer details stay here), where the SLA service starts and stops the charter clocks; its clock events (charter.sla-events) come "
				+ "back here as each contact's dueAt and breached, for searching. Changes accept "
				+ "If-Match with the contact's ETag (412 when stale); If-Match is optional (no 428) so that older "
				+ "clients keep working, and a change without it applies to the current version. POST /contacts "
				+ "accepts an Idempotency-Key. The signed-in user acts, for the audit trail (an X-Staff-Id header overrides it). "
				+ "Errors are RFC 9457 problem+json with errors[].field naming the field or header at fault."))
class IntakeOpenApi {

}
