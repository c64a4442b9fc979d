package io.redstream.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessInstanceTest {

    @Test
    void hostName_isNeverEmpty() {
        assertThat(ProcessInstance.hostName()).isNotBlank().isEqualTo(ProcessInstance.hostName().strip());
    }

    @Test
    void id_isTheHostNameAndThisProcessId() {
        assertThat(ProcessInstance.id()).isEqualTo(ProcessInstance.hostName() + "-" + ProcessHandle.current().pid());
    }
}
