package uk.co.healthwatchportsmouth.charter.intake.contact;

class EmbeddedPrivacyTests extends PrivacyScenarios implements OnEmbeddedInfrastructure {

}
