package uk.co.healthwatchportsmouth.charter.intake.contact;

class EmbeddedContactEventTests extends ContactEventScenarios implements OnEmbeddedInfrastructure {

}
