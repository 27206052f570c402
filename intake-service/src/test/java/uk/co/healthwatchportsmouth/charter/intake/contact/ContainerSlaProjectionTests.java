package uk.co.healthwatchportsmouth.charter.intake.contact;

import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class ContainerSlaProjectionTests extends SlaProjectionScenarios implements OnContainerInfrastructure {

}
