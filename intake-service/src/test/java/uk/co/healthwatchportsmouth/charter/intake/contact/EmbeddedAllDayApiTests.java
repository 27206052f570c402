package uk.co.healthwatchportsmouth.charter.intake.contact;

class EmbeddedAllDayApiTests extends AllDayApiScenarios implements OnEmbeddedInfrastructure {

}
