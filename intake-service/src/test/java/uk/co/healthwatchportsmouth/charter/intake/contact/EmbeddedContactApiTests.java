package uk.co.healthwatchportsmouth.charter.intake.contact;

class EmbeddedContactApiTests extends ContactApiScenarios implements OnEmbeddedInfrastructure {

}
