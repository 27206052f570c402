package uk.co.healthwatchportsmouth.charter.complaints;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.context.annotation.Configuration;

/** Describes the service on /v3/api-docs and /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Charter complaints service", version = "v1",
		description = "Complaints about Healthwatch Portsmouth follow the complaints procedure (acknowledged within 5 "
				+ "working days, answered within the procedure's timescale, escalated stage by stage); complaints "
				+ "about an NHS or social care provider are signposted. Each step is published on the Kafka topic "
				+ "charter.complaint-events (ids and facts only; the complainant's details, the summary, actions, "
				+ "lessons and reasons stay here), where sla-service runs the deadlines; its clock events come back "
				+ "as each complaint's deadlines. Changes accept If-Match with the complaint's ETag (412 when "
				+ "stale); POST /complaints accepts an Idempotency-Key; the signed-in user acts (an X-Staff-Id header overrides it). Errors are RFC "
				+ "9457 problem+json; an invalid step is a 409 naming the state and the attempted action."))
class ComplaintsOpenApi {

}
