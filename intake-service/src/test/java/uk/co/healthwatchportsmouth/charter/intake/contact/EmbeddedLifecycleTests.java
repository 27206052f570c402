package uk.co.healthwatchportsmouth.charter.intake.contact;

class EmbeddedLifecycleTests extends LifecycleScenarios implements OnEmbeddedInfrastructure {

}
