package uk.co.healthwatchportsmouth.charter.intake.contact;

class EmbeddedConfidentialityTests extends ConfidentialityScenarios implements OnEmbeddedInfrastructure {

}
