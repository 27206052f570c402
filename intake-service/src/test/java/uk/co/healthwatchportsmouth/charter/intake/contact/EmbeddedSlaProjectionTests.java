package uk.co.healthwatchportsmouth.charter.intake.contact;

class EmbeddedSlaProjectionTests extends SlaProjectionScenarios implements OnEmbeddedInfrastructure {

}
