package io.streamdesk.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The /proc/net rows the loopback test relies on, as the kernel prints them (words in host byte order). */
class ListeningSocketsTest {
    @Test
    void readsLoopbackWildcardAndMappedAddressesAndSkipsConnections() {
        var loopback = ListeningSockets.parse("tcp", "0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 4242 1");
        assertThat(loopback.address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(loopback.port()).isEqualTo(8080);
        assertThat(loopback.inode()).isEqualTo(4242);
        assertThat(loopback.onLoopback()).isTrue();

        var wildcard6 = ListeningSockets.parse("tcp6", "0: 00000000000000000000000000000000:8D09 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 13064 1");
        assertThat(wildcard6.onLoopback()).isFalse();
        var mapped = ListeningSockets.parse("tcp6", "1: 0000000000000000FFFF00000100007F:8D09 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 7 1");
        assertThat(mapped.address().getHostAddress()).isEqualTo("127.0.0.1");
        var lan = ListeningSockets.parse("tcp", "2: 0A01A8C0:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 8 1");
        assertThat(lan.address().getHostAddress()).isEqualTo("192.168.1.10");
        assertThat(lan.onLoopback()).isFalse();

        assertThat(ListeningSockets.parse("tcp", "3: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000 0 0 9 1"))
                .as("an established connection is not a listening socket").isNull();
    }
}
