package uk.co.healthwatchportsmouth.charter.localstack;

/** The four services, each run from its module's executable jar. */
public enum ServiceName {

	INTAKE("intake-service", "intake"), SLA("sla-service", "sla"), COMPLAINTS("complaints-service", "complaints"),
	NOTIFICATION("notification-service", "notification");

	private final String module;

	private final String database;

	ServiceName(String module, String database) {
		this.module = module;
		this.database = database;
	}

	public String module() {
		return this.module;
	}

	/** Each service owns its own database. */
	public String database() {
		return this.database;
	}

}
